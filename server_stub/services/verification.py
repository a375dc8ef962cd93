"""The code step: a TOTP code, the pairing code, or an e-mail code — throttled.

Rules: ±1 time step only; a code is accepted only for a step later than the last accepted one
(a conditional ``UPDATE ... WHERE last_step < :step``, so of two parallel requests with one code
exactly one succeeds); after ``free_failures`` consecutive wrong codes every attempt waits an
exponentially growing delay, during which even a correct code is refused *unchecked* (and so
not used up); a correct code resets the counter. A right code whose step was already accepted
(the loser of that race, or a code used twice) is answered "already used" and is not counted
as a wrong code: it is not a guess.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any, Literal, cast

from sqlalchemy import Connection, Table, bindparam, select
from sqlalchemy.orm import Session

from server_stub.domain.login import Verified
from server_stub.domain.policy import Method, default_policy
from server_stub.models import LoginSession, PolicyRow, TotpCredential, User
from server_stub.security import totp
from server_stub.security.throttle import delay_after
from server_stub.security.tokens import token_hash
from server_stub.services.audit import AuditService
from server_stub.services.auth import admit
from server_stub.services.context import Actor, ServiceContext
from server_stub.services.devices import DeviceService, validity
from server_stub.services.email_codes import EmailCodeService
from server_stub.services.enrollment import EnrollmentService
from server_stub.services.errors import (
    CodeAlreadyUsed,
    InvalidCode,
    NotAuthenticated,
    ServiceError,
    Throttled,
    WrongStep,
)
from server_stub.services.policy import POLICY_ID, PolicyService
from server_stub.services.sessions import SessionStore

CODE_STEPS = ("enroll", "totp", "email")

# What checking a code found: right (and now used up), wrong, or right but already used.
Checked = Literal["ok", "wrong", "used"]

_SESSIONS = cast(Table, LoginSession.__table__)
_USERS = cast(Table, User.__table__)
_CREDENTIALS = cast(Table, TotpCredential.__table__)
_POLICY = cast(Table, PolicyRow.__table__)

# Everything a code check reads, by the session token's hash, in one statement. PostgreSQL
# locks the session's and the user's rows, and a check that waited for them reads both as the
# one before it left them (READ COMMITTED re-reads locked rows): a session it completed meanwhile
# is at "done", a throttle counter it raised is raised.
_CODE_CHECK_QUERY = (
    select(
        _SESSIONS.c.id.label("session_id"),
        _SESSIONS.c.user_id,
        _SESSIONS.c.state,
        _SESSIONS.c.expires_at,
        _USERS.c.name,
        _USERS.c.blocked,
        _USERS.c.ip_allowlist,
        _USERS.c.otp_failures,
        _USERS.c.otp_retry_at,
        _CREDENTIALS.c.secret,
        _POLICY.c.authenticator_validity_hours,
    )
    .select_from(
        _SESSIONS.join(_USERS, _USERS.c.id == _SESSIONS.c.user_id)
        .outerjoin(_CREDENTIALS, _CREDENTIALS.c.user_id == _SESSIONS.c.user_id)
        .outerjoin(_POLICY, _POLICY.c.id == bindparam("policy_id"))
    )
    .where(_SESSIONS.c.token_hash == bindparam("token_hash"))
)
_CODE_CHECK_LOCKING = _CODE_CHECK_QUERY.with_for_update(of=[_SESSIONS, _USERS])
# In a batch of checks sharing one transaction (api/code_checks.py), a row another transaction
# holds is not waited for: that would stall the whole batch (and a lock timeout would end it).
_CODE_CHECK_NOWAIT = _CODE_CHECK_QUERY.with_for_update(of=[_SESSIONS, _USERS], nowait=True)


class VerificationService:
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        sessions: SessionStore,
        enrollment: EnrollmentService,
        email_codes: EmailCodeService,
        devices: DeviceService,
        policy: PolicyService,
        audit: AuditService,
    ) -> None:
        self.ctx = ctx
        self.sessions = sessions
        self.enrollment = enrollment
        self.email_codes = email_codes
        self.devices = devices
        self.policy = policy
        self.audit = audit
        self.policy_defaults = default_policy()

    def verify(self, token: str, code: str, ip: str | None) -> Verified:
        """One code check in a transaction of its own."""
        with self.ctx.db.write() as db:
            outcome = self.attempt(db, token, code, ip)
        if isinstance(outcome, ServiceError):
            raise outcome  # after the commit: the failure count must stay
        return outcome

    def attempt(
        self, db: Session, token: str, code: str, ip: str | None, *, wait: bool = True
    ) -> Verified | ServiceError:
        """One code check inside the caller's write transaction: the result, or the refusal
        to raise once the transaction is committed (a wrong code's count must be kept).
        Refusals that change nothing (no session, blocked, address, step) are raised, before
        anything is written. ``wait=False``: a session or user row another transaction has
        locked (PostgreSQL) raises at once instead of being waited for."""
        code = "".join(code.split())
        # Authentication's own rule (auth.admit) on facts read inside this transaction (the
        # hot path: one transaction per code instead of a read and then a write). Session,
        # user, paired secret and the validity settings in one query; the session's and the
        # user's rows are locked (PostgreSQL) so that the step and the throttle counter are
        # read and written by one attempt at a time.
        found = db.execute(
            _CODE_CHECK_LOCKING if wait else _CODE_CHECK_NOWAIT,
            {"token_hash": token_hash(token), "policy_id": POLICY_ID},
        ).one_or_none()
        now = self.ctx.clock.now()
        if found is None:
            raise NotAuthenticated()
        admit(
            expires_at=found.expires_at,
            blocked=found.blocked,
            ip_allowlist=found.ip_allowlist,
            ip=ip,
            now=now,
        )
        step = found.state
        if step not in CODE_STEPS:
            raise WrongStep()
        actor = Actor(found.name, ip)
        user_id: int = found.user_id
        if step != "totp":  # pairing and e-mail codes: rare, through the ORM
            # In a savepoint: a refusal raised half way leaves nothing of this attempt behind
            # in a transaction it shares with other checks (api/code_checks.py).
            with db.begin_nested():
                return self._verify_pairing_or_email_code(db, found, code, ip, now)
        if found.otp_retry_at is not None and now < found.otp_retry_at:
            return Throttled(math.ceil((found.otp_retry_at - now).total_seconds()))
        checked = self._check_totp(db, found, code, now)
        if checked == "used":
            return self._already_used(db.connection(), actor, found.name, step)
        if checked == "ok":
            connection = db.connection()
            with self.ctx.db.pipelined(connection):
                return self._accept(connection, found, actor, now)
        failures = found.otp_failures + 1
        delay = delay_after(self.ctx.settings.throttle, failures)
        db.connection().execute(
            _USERS.update()
            .where(_USERS.c.id == user_id)
            .values(otp_failures=failures, otp_retry_at=now + delay if delay else None)
        )
        self.audit.insert(
            db.connection(),
            actor=actor,
            action="verify",
            target=found.name,
            new={"failures": failures, "step": step},
            result="invalid_code",
        )
        return InvalidCode()

    def _accept(self, connection: Connection, found: Any, actor: Actor, now: datetime) -> Verified:
        """A right code: the writes that need no answer (PostgreSQL: sent in one go)."""
        if found.otp_failures or found.otp_retry_at is not None:
            connection.execute(
                _USERS.update()
                .where(_USERS.c.id == found.user_id)
                .values(otp_failures=0, otp_retry_at=None)
            )
        connection.execute(
            _SESSIONS.update()
            .where(_SESSIONS.c.id == found.session_id)
            .values(
                state="done",
                completed_at=now,
                expires_at=now + self.ctx.settings.session_ttl,
            )
        )
        device_token = self.devices.issue_on(
            connection, user_id=found.user_id, method="app", at=now
        )
        hours = found.authenticator_validity_hours
        if hours is None:  # no policy saved yet: the seed's defaults
            hours = self.policy_defaults.authenticator_validity_hours
        until = now + timedelta(hours=hours)
        self.audit.insert(connection, actor=actor, action="verify", target=found.name)
        return Verified(device_token=device_token, trusted_until=until)

    def _check_totp(self, db: Session, found: Any, code: str, now: datetime) -> Checked:
        if found.secret is None:
            raise NotAuthenticated()
        secret = self.enrollment.open_active(found.secret, found.user_id)
        matched = totp.match_step(secret, code, now)
        if matched is None:
            return "wrong"
        # The replay guard: a step is accepted once, of two parallel requests exactly one wins.
        # The other one's code was right (its step is at or before the last accepted one).
        result = db.connection().execute(
            _CREDENTIALS.update()
            .where(_CREDENTIALS.c.user_id == found.user_id, _CREDENTIALS.c.last_step < matched)
            .values(last_step=matched)
        )
        return "ok" if result.rowcount == 1 else "used"

    def _already_used(
        self, connection: Connection, actor: Actor, name: str, step: str
    ) -> CodeAlreadyUsed:
        """A right code that was used before: audited (a replayed code is worth seeing), the
        wrong-code count left as it is."""
        self.audit.insert(
            connection,
            actor=actor,
            action="verify",
            target=name,
            new={"step": step},
            result=CodeAlreadyUsed.code,
        )
        return CodeAlreadyUsed()

    def _verify_pairing_or_email_code(
        self, db: Session, found: Any, code: str, ip: str | None, now: datetime
    ) -> Verified | ServiceError:
        """The pairing or e-mail code: a result, or the refusal to raise after the commit."""
        user = db.get(User, found.user_id, with_for_update=True)
        session = db.get(LoginSession, found.session_id)
        if user is None or session is None:
            raise NotAuthenticated()
        actor = Actor(user.name, ip)
        step = session.state
        if user.otp_retry_at is not None and now < user.otp_retry_at:
            return Throttled(math.ceil((user.otp_retry_at - now).total_seconds()))
        checked = self._pairing_or_email_code_matches(db, step, user, code)
        if checked == "used":
            return self._already_used(db.connection(), actor, user.name, step)
        if checked == "ok":
            user.otp_failures = 0
            user.otp_retry_at = None
            method: Method = "email" if step == "email" else "app"
            self.sessions.complete(session, now)
            device_token, verified_at = self.devices.issue(db, user_id=user.id, method=method)
            until = verified_at + validity(self.policy.load(db), method)
            action = "enroll_complete" if step == "enroll" else "verify"
            self.audit.record(db, actor=actor, action=action, target=user.name)
            return Verified(device_token=device_token, trusted_until=until)
        user.otp_failures += 1
        delay = delay_after(self.ctx.settings.throttle, user.otp_failures)
        user.otp_retry_at = now + delay if delay else None
        self.audit.record(
            db,
            actor=actor,
            action="verify",
            target=user.name,
            new={"failures": user.otp_failures, "step": step},
            result="invalid_code",
        )
        return InvalidCode()

    def _pairing_or_email_code_matches(
        self, db: Session, step: str, user: User, code: str
    ) -> Checked:
        if step == "enroll":
            return "ok" if self.enrollment.complete(db, user, code) else "wrong"
        if step == "email":
            return self.email_codes.consume(db, user, code)
        raise WrongStep()
