"""The administrator's buttons on the Account tab, and the overview.

reset 2FA, reset password, block, unblock, mail activation, clear the throttle. Each is
audited with old → new; each that takes access away (reset 2FA, reset password, block) also
revokes the user's trusted devices and ends their sessions.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.domain.mail import MailSent
from server_stub.domain.overview import GroupCounts, Overview, OverviewWarning
from server_stub.domain.users import UserAccount
from server_stub.models import User
from server_stub.rights import has_p_and_o, split_modules
from server_stub.services.activation import ActivationService
from server_stub.services.audit import AuditService, jsonable
from server_stub.services.context import Actor, ServiceContext
from server_stub.services.devices import DeviceService
from server_stub.services.enrollment import EnrollmentService
from server_stub.services.errors import Conflict
from server_stub.services.password_throttle import PasswordThrottle
from server_stub.services.sessions import SessionStore
from server_stub.services.users import UserService, enrollment_states, find_user

MIN_P_AND_O_ADMINS = 2


class AdminService:
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        users: UserService,
        sessions: SessionStore,
        devices: DeviceService,
        enrollment: EnrollmentService,
        activation: ActivationService,
        throttle: PasswordThrottle,
        audit: AuditService,
    ) -> None:
        self.ctx = ctx
        self.users = users
        self.sessions = sessions
        self.devices = devices
        self.enrollment = enrollment
        self.activation = activation
        self.throttle = throttle
        self.audit = audit

    def _revoke_access(self, db: Session, user: User) -> None:
        self.devices.revoke_all(db, user.id)
        self.sessions.end_all_for(db, user.id)

    def _act(
        self, name: str, actor: Actor, action: str, change: Callable[[Session, User], None]
    ) -> UserAccount:
        with self.audit.refusals(actor=actor, action=action, target=name):
            return self._change(name, actor, action, change)

    def _change(
        self, name: str, actor: Actor, action: str, change: Callable[[Session, User], None]
    ) -> UserAccount:
        with self.ctx.db.write() as db:
            user = find_user(db, name, lock=True)
            before = jsonable(self.users.account(db, user))
            change(db, user)
            db.flush()
            after = jsonable(self.users.account(db, user))
            changed = [k for k in after if after[k] != before[k]]
            self.audit.record(
                db,
                actor=actor,
                action=action,
                target=user.name,
                old={k: before[k] for k in changed},
                new={k: after[k] for k in changed},
            )
            return self.users.account(db, user)

    def reset_2fa(self, name: str, actor: Actor) -> UserAccount:
        def change(db: Session, user: User) -> None:
            self.enrollment.forget(db, user.id)
            self._revoke_access(db, user)
            user.otp_failures, user.otp_retry_at = 0, None

        return self._act(name, actor, "reset_2fa", change)

    def block(self, name: str, actor: Actor) -> UserAccount:
        def change(db: Session, user: User) -> None:
            if user.name == actor.name:
                raise Conflict("cannot_block_self")
            user.blocked = True
            self._revoke_access(db, user)

        return self._act(name, actor, "block", change)

    def unblock(self, name: str, actor: Actor) -> UserAccount:
        def change(_db: Session, user: User) -> None:
            user.blocked = False

        return self._act(name, actor, "unblock", change)

    def clear_throttle(self, name: str, actor: Actor) -> UserAccount:
        def change(db: Session, user: User) -> None:
            user.otp_failures, user.otp_retry_at = 0, None
            self.throttle.clear_name(db, user.name)  # the wait for wrong passwords too

        return self._act(name, actor, "clear_throttle", change)

    def reset_password(self, name: str, actor: Actor) -> UserAccount:
        """Remove the password (the user cannot log in) and mail an activation link."""
        issued: list[tuple[str, str, str]] = []

        def change(db: Session, user: User) -> None:
            user.password_hash = None
            self._revoke_access(db, user)
            if user.email:
                token, _sent = self.activation.issue(db, user)
                issued.append((user.name, user.email, token))

        account = self._act(name, actor, "reset_password", change)
        for user_name, address, token in issued:
            self.activation.mail(name=user_name, address=address, token=token)
        return account

    def send_activation(self, name: str, actor: Actor) -> MailSent:
        with self.audit.refusals(actor=actor, action="activation_mail", target=name):
            return self._send_activation(name, actor)

    def _send_activation(self, name: str, actor: Actor) -> MailSent:
        with self.ctx.db.write() as db:
            user = find_user(db, name, lock=True)
            if not user.email:
                raise Conflict("no_email_address")
            token, sent = self.activation.issue(db, user)
            self.audit.record(
                db,
                actor=actor,
                action="activation_mail",
                target=user.name,
                new={"to": sent.sent_to},
            )
            user_name, address = user.name, user.email
        self.activation.mail(name=user_name, address=address, token=token)
        return sent

    def overview(self) -> Overview:
        now = self.ctx.clock.now()
        counts = {"employee": GroupCounts(), "extranet": GroupCounts()}
        admins = 0
        with self.ctx.db.read() as db:
            users = db.scalars(select(User)).all()
            states = enrollment_states(db, (u.id for u in users), now)
        for user in users:
            group = counts.setdefault(user.kind, GroupCounts())
            group.total += 1
            if user.blocked:
                group.blocked += 1
            state = states[user.id]
            setattr(group, state, getattr(group, state) + 1)
            if user.is_admin and not user.blocked and has_p_and_o(split_modules(user.modules)):
                admins += 1
        warnings = []
        if admins < MIN_P_AND_O_ADMINS:
            warnings.append(
                OverviewWarning(
                    code="too_few_p_and_o_admins",
                    message=(
                        f"Only {admins} administrator(s) with module P&O: keep at least "
                        f"{MIN_P_AND_O_ADMINS} so someone can always reset two-step verification."
                    ),
                )
            )
        return Overview(
            employees=counts["employee"],
            extranet=counts["extranet"],
            p_and_o_admins=admins,
            warnings=warnings,
        )
