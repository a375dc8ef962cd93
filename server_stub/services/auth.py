"""The password step and the session checks every later request goes through.

Unknown users and wrong passwords get the same answer after the same work (one argon2 run
and one audit write). Blocked users and addresses outside the user's allow-list are refused
only after a correct password, so the refusal tells a stranger nothing. After the password,
:func:`admit` alone decides whether a request may use its session: here, and in the code
check's own transaction (:mod:`server_stub.services.verification`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from server_stub.domain.login import LiveSession, LoginStarted, SessionUser, Step
from server_stub.models import LoginSession, TotpCredential, User
from server_stub.rights import has_p_and_o, split_modules
from server_stub.security.ipallow import is_allowed
from server_stub.services.audit import AuditService
from server_stub.services.context import Actor, ServiceContext, hash_slot
from server_stub.services.devices import DeviceService
from server_stub.services.enrollment import EnrollmentService
from server_stub.services.errors import (
    Blocked,
    Forbidden,
    InvalidCredentials,
    IpNotAllowed,
    NotAuthenticated,
    SecondFactorRequired,
    ServiceError,
)
from server_stub.services.password_throttle import PasswordThrottle
from server_stub.services.policy import PolicyService, effective_second_factor
from server_stub.services.sessions import SessionStore
from server_stub.services.users import lookup_user


def admit(
    *, expires_at: datetime, blocked: bool, ip_allowlist: str, ip: str | None, now: datetime
) -> None:
    """Whether a request may use a login session it has found, at any step: refused with
    :class:`NotAuthenticated` once the session has expired or its user is blocked, with
    :class:`IpNotAllowed` from an address outside the user's allow-list. Callers read the
    facts however suits them (the code check in its one locked query)."""
    if expires_at <= now or blocked:
        raise NotAuthenticated()
    if not is_allowed(ip_allowlist, ip):
        raise IpNotAllowed()


@dataclass(frozen=True)
class _Live:
    """A live session and its user, read in one transaction."""

    session: LoginSession
    user: User


class AuthService:
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        sessions: SessionStore,
        enrollment: EnrollmentService,
        devices: DeviceService,
        policy: PolicyService,
        throttle: PasswordThrottle,
        audit: AuditService,
    ) -> None:
        self.ctx = ctx
        self.sessions = sessions
        self.enrollment = enrollment
        self.devices = devices
        self.policy = policy
        self.throttle = throttle
        self.audit = audit

    # -- the password step ---------------------------------------------------------------

    def login(
        self, username: str, password: str, device_token: str | None, ip: str | None
    ) -> LoginStarted:
        now = self.ctx.clock.now()
        counters = self.throttle.counters(username, ip)
        with self.ctx.db.read() as db:
            found = lookup_user(db, username)
            # A throttled attempt is refused before anything costly, and not audited.
            self.throttle.check(db, counters, now)
        stored = found.password_hash if found is not None else None
        new_hash: str | None = None
        with hash_slot(), self.ctx.passwords.slot():
            self.throttle.reserve(counters, now)  # counted as wrong until it proves right
            # Always one argon2 run (a dummy hash for unknown users) before anything else.
            password_ok = self.ctx.passwords.verify(stored, password)
            if password_ok and stored is not None and self.ctx.passwords.needs_rehash(stored):
                new_hash = self.ctx.passwords.hash(password)  # outside the write lock
        if found is None or not password_ok:
            self.audit.record_alone(
                actor=Actor(found.name if found is not None else self.unknown_name(username), ip),
                action="login",
                target=found.name if found is not None else None,
                result="invalid_credentials",
            )
            raise InvalidCredentials()
        with self.ctx.db.write() as db:
            user = db.get(User, found.id, with_for_update=True)
            refusal = self._refusal(user, stored, ip)
            actor = Actor(found.name, ip)
            if refusal is None and user is not None:
                self.throttle.succeeded(db, counters, now)
                if new_hash is not None:
                    user.password_hash = new_hash
                step = self._next_step(db, user, device_token)
                token = self.sessions.create(db, user_id=user.id, state=step, ip=ip)
                self.audit.record(
                    db, actor=actor, action="login", target=user.name, new={"next": step}
                )
            else:
                refusal = refusal or InvalidCredentials()
                self.audit.record(
                    db, actor=actor, action="login", target=found.name, result=refusal.code
                )
        if refusal is not None:
            raise refusal
        return LoginStarted(token=token, next=step)

    def unknown_name(self, typed: str) -> str:
        """How the audit log names a login with a name no account has: people type their
        password into the name field, so the name is kept only as a keyed fingerprint
        (the same typed name gives the same one, to see repeated attempts)."""
        return "unknown:" + self.ctx.box.fingerprint(typed, purpose="login name")[:16]

    @staticmethod
    def _refusal(user: User | None, stored: str | None, ip: str | None) -> ServiceError | None:
        """Why a user whose password was right still may not log in, if anything."""
        if user is None or stored is None or user.password_hash != stored:
            return InvalidCredentials()  # changed while the password was being checked
        if user.blocked:
            return Blocked()
        if not is_allowed(user.ip_allowlist, ip):
            return IpNotAllowed()
        return None

    def _next_step(self, db: Session, user: User, device_token: str | None) -> Step:
        policy = self.policy.load(db)
        factor = effective_second_factor(policy, user, self.ctx.clock.now().date())
        if not factor.enabled:
            return "done"
        if self.devices.is_trusted(
            db, user_id=user.id, token=device_token, method=factor.method, policy=policy
        ):
            return "done"
        if factor.method == "email":
            return "email"
        if db.get(TotpCredential, user.id) is not None:
            return "totp"
        self.enrollment.issue_pending(db, user)
        return "enroll"

    # -- later requests ---------------------------------------------------------------------

    def authenticate(self, token: str, ip: str | None) -> LiveSession:
        """The live session for ``token`` at any step (401 otherwise; 403 outside the IP list)."""
        found = self._live(token, ip)
        step: Step = found.session.state  # type: ignore[assignment]
        return LiveSession(step=step, user_name=found.user.name)

    def _live(self, token: str, ip: str | None) -> _Live:
        with self.ctx.db.read() as db:
            session = self.sessions.lookup(db, token)
            user = None if session is None else db.get(User, session.user_id)
        if session is None or user is None:
            raise NotAuthenticated()
        admit(
            expires_at=session.expires_at,
            blocked=user.blocked,
            ip_allowlist=user.ip_allowlist,
            ip=ip,
            now=self.ctx.clock.now(),
        )
        return _Live(session=session, user=user)

    def _complete(self, token: str, ip: str | None) -> _Live:
        """Like :meth:`authenticate`, and the session has passed every step (403 otherwise)."""
        found = self._live(token, ip)
        if found.session.state != "done":
            raise SecondFactorRequired()
        return found

    def administrator(self, token: str, ip: str | None) -> Actor:
        """An administrator with module P&O whose session is complete; 403 for anyone else."""
        found = self._live(token, ip)
        user = found.user
        refusal: ServiceError | None = None
        if not (user.is_admin and has_p_and_o(split_modules(user.modules))):
            refusal = Forbidden()
        elif found.session.state != "done":
            refusal = SecondFactorRequired()
        if refusal is not None:
            self.audit.record_alone(
                actor=Actor(user.name, ip), action="admin_access", result=refusal.code
            )
            raise refusal
        return Actor(user.name, ip)

    def me(self, token: str, ip: str | None) -> SessionUser:
        found = self._complete(token, ip)
        user = found.user
        with self.ctx.db.read() as db:
            factor = self.policy.for_user(db, user)
        return SessionUser(
            name=user.name,
            kind=user.kind,  # type: ignore[arg-type]
            email=user.email,
            admin=user.is_admin,
            modules=list(split_modules(user.modules)),
            location_manager=user.location_manager,
            method=factor.method if factor.enabled else None,
            session_expires_at=found.session.expires_at,
        )

    def logout(self, token: str) -> None:
        with self.ctx.db.write() as db:
            if not self.sessions.end(db, token):
                raise NotAuthenticated()
