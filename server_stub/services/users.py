"""Accounts: list, read, create and change users (the Account tab), every change audited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server_stub.domain.policy import Method, Policy
from server_stub.domain.users import EnrollmentState, Kind, NewUser, UserAccount, UserChanges
from server_stub.models import PendingEnrollment, TotpCredential, User
from server_stub.rights import split_modules
from server_stub.security.ipallow import parse_allowlist
from server_stub.services.audit import AuditService, jsonable
from server_stub.services.context import Actor, ServiceContext, hash_slot
from server_stub.services.devices import DeviceService
from server_stub.services.errors import Conflict, NotFound
from server_stub.services.policy import PolicyService, account_refusal, effective_second_factor

METHODS: dict[str, Method] = {"app": "app", "email": "email"}


def enrollment_states(db: Session, user_ids: Iterable[int], now: datetime) -> dict[int, str]:
    ids = list(user_ids)
    active = set(db.scalars(select(TotpCredential.user_id).where(TotpCredential.user_id.in_(ids))))
    pending = set(
        db.scalars(
            select(PendingEnrollment.user_id).where(
                PendingEnrollment.user_id.in_(ids), PendingEnrollment.expires_at > now
            )
        )
    )
    return {
        uid: "active" if uid in active else "pending" if uid in pending else "not_enrolled"
        for uid in ids
    }


def to_account(user: User, enrollment: str, now: datetime, policy: Policy) -> UserAccount:
    throttled = user.otp_retry_at if user.otp_retry_at and user.otp_retry_at > now else None
    state: EnrollmentState = enrollment  # type: ignore[assignment]
    kind: Kind = user.kind  # type: ignore[assignment]
    factor = effective_second_factor(policy, user, now.date())
    choice: Method | None = METHODS.get(user.method_choice or "")
    return UserAccount(
        name=user.name,
        kind=kind,
        email=user.email,
        admin=user.is_admin,
        modules=list(split_modules(user.modules)),
        location_manager=user.location_manager,
        ip_allowlist=list(parse_allowlist(user.ip_allowlist)),
        blocked=user.blocked,
        has_password=user.password_hash is not None,
        enrollment=state,
        method=factor.method if factor.enabled else None,
        method_choice=choice,
        failed_codes=user.otp_failures,
        throttled_until=throttled,
        created_at=user.created_at,
    )


def name_matches(name: str) -> ColumnElement[bool]:
    """The account named ``name`` in any letters' case (the unique index's expression)."""
    return func.lower(User.name) == func.lower(name)


def lookup_user(db: Session, name: str, *, lock: bool = False) -> User | None:
    """The account named ``name``, whatever the case; None if there is none.

    A database written before names ignored case may hold two that differ only in case: then
    the exact spelling wins.
    """
    if "\x00" in name:  # no user has one, and PostgreSQL refuses it even in a query
        return None
    statement = select(User).where(name_matches(name)).order_by((User.name == name).desc())
    if lock:
        statement = statement.with_for_update()
    return db.scalars(statement.limit(1)).first()


def find_user(db: Session, name: str, *, lock: bool = False) -> User:
    user = lookup_user(db, name, lock=lock)
    if user is None:
        raise NotFound()
    return user


def _audit_view(user: User) -> dict[str, Any]:
    return {
        "kind": user.kind,
        "email": user.email,
        "admin": user.is_admin,
        "modules": list(split_modules(user.modules)),
        "location_manager": user.location_manager,
        "ip_allowlist": list(parse_allowlist(user.ip_allowlist)),
    }


def _create_view(data: NewUser) -> dict[str, Any]:
    """What a creation attempted, for the audit log (never the password)."""
    attempted: dict[str, Any] = jsonable(data)
    del attempted["name"], attempted["password"]
    return attempted


class UserService:
    def __init__(
        self,
        ctx: ServiceContext,
        devices: DeviceService,
        policy: PolicyService,
        audit: AuditService,
    ) -> None:
        self.ctx = ctx
        self.devices = devices
        self.policy = policy
        self.audit = audit

    def account(self, db: Session, user: User) -> UserAccount:
        now = self.ctx.clock.now()
        state = enrollment_states(db, [user.id], now)[user.id]
        return to_account(user, state, now, self.policy.load(db))

    def list(self, kind: Kind | None = None) -> list[UserAccount]:
        now = self.ctx.clock.now()
        with self.ctx.db.read() as db:
            statement = select(User).order_by(User.name)
            if kind is not None:
                statement = statement.where(User.kind == kind)
            users = db.scalars(statement).all()
            states = enrollment_states(db, (u.id for u in users), now)
            policy = self.policy.load(db)
            return [to_account(u, states[u.id], now, policy) for u in users]

    def get(self, name: str) -> UserAccount:
        with self.ctx.db.read() as db:
            return self.account(db, find_user(db, name))

    def create(self, data: NewUser, actor: Actor) -> UserAccount:
        attempted = _create_view(data)
        with self.audit.refusals(
            actor=actor, action="user_create", target=data.name, attempted=attempted
        ):
            return self._create(data, actor)

    def _create(self, data: NewUser, actor: Actor) -> UserAccount:
        today = self.ctx.clock.now().date()
        with self.ctx.db.read() as db:
            policy = self.policy.load(db)
        refusal = account_refusal(
            kind=data.kind,
            admin=data.admin,
            modules=data.modules,
            previous_kind=None,
            policy=policy,
            today=today,
        )
        if refusal is not None:
            raise refusal
        password_hash = None
        if data.password is not None:
            with hash_slot():
                password_hash = self.ctx.passwords.hash(data.password)
        with self.ctx.db.write() as db:
            if db.scalar(select(User.id).where(name_matches(data.name))) is not None:
                raise Conflict("user_exists")
            user = User(
                name=data.name,
                kind=data.kind,
                email=data.email,
                password_hash=password_hash,
                is_admin=data.admin,
                modules=",".join(data.modules),
                location_manager=data.location_manager,
                ip_allowlist=",".join(data.ip_allowlist),
                blocked=False,
                otp_failures=0,
                created_at=self.ctx.clock.now(),
            )
            db.add(user)
            try:
                db.flush()
            except IntegrityError:
                # The same name created meanwhile (PostgreSQL; SQLite has one writer at a time).
                raise Conflict("user_exists") from None
            self.audit.record(
                db, actor=actor, action="user_create", target=user.name, new=_audit_view(user)
            )
            return self.account(db, user)

    def update(self, name: str, data: UserChanges, actor: Actor) -> UserAccount:
        attempted = jsonable(data.given_values())
        with self.audit.refusals(
            actor=actor, action="user_update", target=name, attempted=attempted
        ):
            return self._update(name, data, actor)

    def _update(self, name: str, data: UserChanges, actor: Actor) -> UserAccount:
        given = data.given
        today = self.ctx.clock.now().date()
        with self.ctx.db.write() as db:
            user = find_user(db, name, lock=True)
            before = _audit_view(user)
            previous_kind = user.kind
            if "email" in given:
                user.email = data.email
            if "kind" in given and data.kind is not None:
                user.kind = data.kind
            if "admin" in given and data.admin is not None:
                user.is_admin = data.admin
            if "modules" in given and data.modules is not None:
                user.modules = ",".join(data.modules)
            if "location_manager" in given and data.location_manager is not None:
                user.location_manager = data.location_manager
            if "ip_allowlist" in given:
                user.ip_allowlist = ",".join(data.ip_allowlist or [])
            refusal = account_refusal(
                kind=user.kind,
                admin=user.is_admin,
                modules=split_modules(user.modules),
                previous_kind=previous_kind,
                policy=self.policy.load(db),
                today=today,
            )
            if refusal is not None:
                raise refusal  # rolls the changes above back
            after = _audit_view(user)
            changed = [key for key in after if after[key] != before[key]]
            if "ip_allowlist" in changed:
                self.devices.revoke_all(db, user.id)
            if changed:
                self.audit.record(
                    db,
                    actor=actor,
                    action="user_update",
                    target=user.name,
                    old={key: before[key] for key in changed},
                    new={key: after[key] for key in changed},
                )
            return self.account(db, user)

    def choose_method(self, name: str, method: str, actor: Actor) -> None:
        """The user's own choice of method, honoured where the policy makes it adjustable."""
        if method not in ("app", "email"):
            raise ValueError(method)
        with self.ctx.db.write() as db:
            user = find_user(db, name, lock=True)
            old, user.method_choice = user.method_choice, method
            self.audit.record(
                db,
                actor=actor,
                action="method_choice",
                target=user.name,
                old={"method": old},
                new={"method": method},
            )
