"""E-mail codes for users whose second factor is e-mail (extranet users, by default).

Codes have ``email_code_digits`` digits (8), live ``email_code_ttl`` (10 min), are single-use
(a new code also retires the previous one) and are stored encrypted. Sending is limited to
one code per ``email_resend_interval`` (30 s) and ``email_codes_per_hour`` (5) per user.
"""

from __future__ import annotations

import hmac
import math
import secrets
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server_stub.crypto import SecretUnreadable
from server_stub.domain.mail import MailSent
from server_stub.mail import build_message
from server_stub.models import EmailCode, User
from server_stub.services.audit import AuditService
from server_stub.services.context import Actor, ServiceContext
from server_stub.services.errors import Conflict, NotAuthenticated, Throttled, WrongStep
from server_stub.services.sessions import SessionStore

PURPOSE = "email_code"
HOUR = timedelta(hours=1)


def mask_email(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"


class EmailCodeService:
    def __init__(self, ctx: ServiceContext, sessions: SessionStore, audit: AuditService) -> None:
        self.ctx = ctx
        self.sessions = sessions
        self.audit = audit

    def send(self, token: str, ip: str | None) -> MailSent:
        settings = self.ctx.settings
        now = self.ctx.clock.now()
        with self.ctx.db.write() as db:
            session = self.sessions.find(db, token)
            if session is None:
                raise NotAuthenticated()
            if session.state != "email":
                raise WrongStep()
            # Locked: two sends at once on PostgreSQL would both pass the resend limits.
            user = db.get(User, session.user_id, with_for_update=True)
            if user is None:
                raise NotAuthenticated()
            if not user.email:
                raise Conflict("no_email_address")
            self._check_limits(db, user.id, now)
            db.execute(
                update(EmailCode)
                .where(EmailCode.user_id == user.id, EmailCode.used_at.is_(None))
                .values(used_at=now)
            )
            digits = settings.email_code_digits
            code = f"{secrets.randbelow(10**digits):0{digits}d}"
            expires_at = now + settings.email_code_ttl
            db.add(
                EmailCode(
                    user_id=user.id,
                    code=self.ctx.box.seal(code.encode(), user_id=user.id, purpose=PURPOSE),
                    created_at=now,
                    expires_at=expires_at,
                )
            )
            self.audit.record(
                db, actor=Actor(user.name, ip), action="email_code_sent", target=user.name
            )
            address, name = user.email, user.name
        minutes = int(settings.email_code_ttl.total_seconds() // 60)
        self.ctx.mailer.send(
            build_message(
                sender=settings.mail_from,
                to=address,
                subject=f"Je inlogcode / Your login code: {code}",
                body=(
                    f"Hallo {name},\n\nJe inlogcode is {code}. De code is {minutes} minuten "
                    "geldig en werkt één keer.\n\n"
                    f"Hello {name},\n\nYour login code is {code}. It is valid for {minutes} "
                    "minutes and works once.\n"
                ),
            )
        )
        return MailSent(sent_to=mask_email(address), expires_at=expires_at)

    def _check_limits(self, db: Session, user_id: int, now: datetime) -> None:
        settings = self.ctx.settings
        recent = db.scalars(
            select(EmailCode.created_at)
            .where(EmailCode.user_id == user_id, EmailCode.created_at > now - HOUR)
            .order_by(EmailCode.created_at)
        ).all()
        waits = []
        if recent:
            waits.append(recent[-1] + settings.email_resend_interval - now)
        if len(recent) >= settings.email_codes_per_hour:
            waits.append(recent[-settings.email_codes_per_hour] + HOUR - now)
        wait = max(waits, default=timedelta(0))
        if wait > timedelta(0):
            raise Throttled(math.ceil(wait.total_seconds()), "resend_limited")

    def consume(self, db: Session, user: User, code: str) -> Literal["ok", "wrong", "used"]:
        """``ok`` (and the code used up) when ``code`` is the user's live e-mail code; ``used``
        when it is the newest code but was used already (by a parallel request, say); else
        ``wrong``. A code retired by a newer one is wrong, as before."""
        now = self.ctx.clock.now()
        newest = db.scalar(
            select(EmailCode)
            .where(EmailCode.user_id == user.id, EmailCode.expires_at > now)
            .order_by(EmailCode.created_at.desc(), EmailCode.id.desc())
            .limit(1)
        )
        if newest is None:
            return "wrong"
        try:
            expected = self.ctx.box.open(newest.code, user_id=user.id, purpose=PURPOSE)
        except SecretUnreadable:
            raise Conflict("credential_unreadable") from None
        if not hmac.compare_digest(expected, code.encode("ascii", "replace")):
            return "wrong"
        if newest.used_at is not None:
            return "used"
        result = db.execute(
            update(EmailCode)
            .where(EmailCode.id == newest.id, EmailCode.used_at.is_(None))
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )
        return "ok" if getattr(result, "rowcount", 0) == 1 else "used"
