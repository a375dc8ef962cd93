"""Activation links ("mail activatie"): a one-time token, mailed, that sets a new password."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server_stub.domain.mail import MailSent
from server_stub.mail import build_message
from server_stub.models import ActivationToken, User
from server_stub.security.tokens import new_token, token_hash
from server_stub.services.audit import AuditService
from server_stub.services.context import Actor, ServiceContext, hash_slot
from server_stub.services.devices import DeviceService
from server_stub.services.email_codes import mask_email
from server_stub.services.errors import Conflict, InvalidToken
from server_stub.services.sessions import SessionStore


class ActivationService:
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        sessions: SessionStore,
        devices: DeviceService,
        audit: AuditService,
    ) -> None:
        self.ctx = ctx
        self.sessions = sessions
        self.devices = devices
        self.audit = audit

    def issue(self, db: Session, user: User) -> tuple[str, MailSent]:
        """A new link for ``user`` (earlier unused links stop working)."""
        if not user.email:
            raise Conflict("no_email_address")
        now = self.ctx.clock.now()
        db.execute(
            update(ActivationToken)
            .where(ActivationToken.user_id == user.id, ActivationToken.used_at.is_(None))
            .values(used_at=now)
        )
        token = new_token()
        expires_at = now + self.ctx.settings.activation_ttl
        db.add(
            ActivationToken(
                token_hash=token_hash(token), user_id=user.id, created_at=now, expires_at=expires_at
            )
        )
        return token, MailSent(sent_to=mask_email(user.email), expires_at=expires_at)

    def mail(self, *, name: str, address: str, token: str) -> None:
        settings = self.ctx.settings
        link = f"{settings.public_url.rstrip('/')}/activate?token={token}"
        hours = int(settings.activation_ttl.total_seconds() // 3600)
        self.ctx.mailer.send(
            build_message(
                sender=settings.mail_from,
                to=address,
                subject="Activeer je account / Activate your account",
                body=(
                    f"Hallo {name},\n\nKies een wachtwoord via deze link (eenmalig, {hours} uur "
                    f"geldig):\n{link}\n\n"
                    f"Hello {name},\n\nChoose a password with this link (once, valid for {hours} "
                    f"hours):\n{link}\n\nToken: {token}\n"
                ),
            )
        )

    def check(self, token: str) -> str:
        """The name of the account a live activation link belongs to (:class:`InvalidToken`
        for an unknown, used or expired one). Only reads."""
        now = self.ctx.clock.now()
        with self.ctx.db.read() as db:
            found = db.execute(
                select(ActivationToken.used_at, ActivationToken.expires_at, User.name)
                .join(User, User.id == ActivationToken.user_id)
                .where(ActivationToken.token_hash == token_hash(token))
            ).one_or_none()
        if found is None or found.used_at is not None or found.expires_at <= now:
            raise InvalidToken()
        return str(found.name)

    def activate(self, token: str, password: str, ip: str | None) -> None:
        # A dead link costs no argon2 run: the link is checked before the password is hashed
        # (and again, under the user's lock, before it is used).
        self.check(token)
        with hash_slot():
            password_hash = self.ctx.passwords.hash(password)
        now = self.ctx.clock.now()
        hashed = token_hash(token)
        with self.ctx.db.write() as db:
            owner = db.scalar(
                select(ActivationToken.user_id).where(ActivationToken.token_hash == hashed)
            )
            user = None if owner is None else db.get(User, owner, with_for_update=True)
            # Read after the user's lock (PostgreSQL): a parallel use of the link is seen.
            row = db.scalar(select(ActivationToken).where(ActivationToken.token_hash == hashed))
            if row is None or user is None or row.used_at is not None or row.expires_at <= now:
                raise InvalidToken()
            row.used_at = now
            user.password_hash = password_hash
            self.devices.revoke_all(db, user.id)
            self.sessions.end_all_for(db, user.id)
            self.audit.record(db, actor=Actor(user.name, ip), action="activate", target=user.name)
