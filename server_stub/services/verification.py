"""The code step: a TOTP code, the pairing code, or an e-mail code — throttled.

Rules: ±1 time step only; a code is accepted only for a step later than the last accepted one
(a conditional ``UPDATE ... WHERE last_step < :step``, so of two parallel requests with one code
exactly one succeeds); after ``free_failures`` consecutive wrong codes every attempt waits an
exponentially growing delay, during which even a correct code is refused *unchecked* (and so
not used up); a correct code resets the counter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from server_stub.models import TotpCredential, User
from server_stub.schemas.policy import Method
from server_stub.security import totp
from server_stub.security.ipallow import is_allowed
from server_stub.security.throttle import delay_after
from server_stub.services.audit import AuditService
from server_stub.services.context import Actor, ServiceContext
from server_stub.services.devices import DeviceService, validity
from server_stub.services.email_codes import EmailCodeService
from server_stub.services.enrollment import EnrollmentService
from server_stub.services.errors import (
    InvalidCode,
    IpNotAllowed,
    NotAuthenticated,
    ServiceError,
    Throttled,
    WrongStep,
)
from server_stub.services.policy import PolicyService
from server_stub.services.sessions import SessionStore

CODE_STEPS = ("enroll", "totp", "email")


@dataclass(frozen=True)
class Verified:
    device_token: str
    trusted_until: datetime


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

    def verify(self, token: str, code: str, ip: str | None) -> Verified:
        code = "".join(code.split())
        refusal: ServiceError
        with self.ctx.db.write() as db:
            # The checks of AuthService.authenticate, in its order, inside this transaction
            # (the hot path: one transaction per code instead of a read and then a write).
            session = self.sessions.find(db, token)
            if session is None:
                raise NotAuthenticated()
            user = db.get(User, session.user_id, with_for_update=True)
            if user is None or user.blocked:
                raise NotAuthenticated()
            if not is_allowed(user.ip_allowlist, ip):
                raise IpNotAllowed()
            if session.state not in CODE_STEPS:
                raise WrongStep()
            now = self.ctx.clock.now()
            actor = Actor(user.name, ip)
            step = session.state
            if user.otp_retry_at is not None and now < user.otp_retry_at:
                refusal = Throttled(math.ceil((user.otp_retry_at - now).total_seconds()))
            elif self._check(db, step, user, code):
                user.otp_failures = 0
                user.otp_retry_at = None
                method: Method = "email" if step == "email" else "app"
                self.sessions.complete(session, now)
                device_token, verified_at = self.devices.issue(db, user_id=user.id, method=method)
                until = verified_at + validity(self.policy.load(db), method)
                action = "enroll_complete" if step == "enroll" else "verify"
                self.audit.record(db, actor=actor, action=action, target=user.name)
                return Verified(device_token=device_token, trusted_until=until)
            else:
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
                refusal = InvalidCode()
        raise refusal

    def _check(self, db: Session, step: str, user: User, code: str) -> bool:
        if step == "enroll":
            return self.enrollment.complete(db, user, code)
        if step == "email":
            return self.email_codes.consume(db, user, code)
        found = self.enrollment.active_secret(db, user.id)
        if found is None:
            raise NotAuthenticated()
        _credential, secret = found
        matched = totp.match_step(secret, code, self.ctx.clock.now())
        if matched is None:
            return False
        result = db.execute(
            update(TotpCredential)
            .where(TotpCredential.user_id == user.id, TotpCredential.last_step < matched)
            .values(last_step=matched)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0) == 1)
