"""Pairing an authenticator app.

No credential exists until the user enters a valid code. Until then every password login
issues a fresh 160-bit secret (the last one shown is the only one that counts) that expires
after ``pending_enrollment_ttl``. The code that completes pairing is recorded as the last
accepted step, so it cannot be used again to log in.
"""

from __future__ import annotations

import io
import json

import segno
from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from server_stub.crypto import SecretUnreadable
from server_stub.domain.login import Pairing
from server_stub.models import AuditEntry, PendingEnrollment, TotpCredential, User
from server_stub.security import totp
from server_stub.services.context import ServiceContext
from server_stub.services.errors import Conflict, NotAuthenticated, WrongStep
from server_stub.services.sessions import SessionStore

PENDING = "pending_totp"
ACTIVE = "totp"
QR_SHOWN = json.dumps({"next": "enroll"}, sort_keys=True)
"""The audit log's record of a password login that went on to show a QR code."""


def qr_svg(uri: str) -> str:
    buffer = io.BytesIO()
    segno.make(uri, error="m").save(
        buffer,
        kind="svg",
        scale=5,
        border=4,
        xmldecl=False,
        svgclass="qr",
        dark="#000",
        light="#fff",
    )
    return buffer.getvalue().decode("utf-8")


class EnrollmentService:
    def __init__(self, ctx: ServiceContext, sessions: SessionStore) -> None:
        self.ctx = ctx
        self.sessions = sessions

    def issue_pending(self, db: Session, user: User) -> None:
        """A fresh secret for ``user``, replacing any earlier pending one."""
        now = self.ctx.clock.now()
        sealed = self.ctx.box.seal(totp.new_secret(), user_id=user.id, purpose=PENDING)
        # Locked (PostgreSQL) so that the purge cannot delete the expired row in between.
        pending = db.get(PendingEnrollment, user.id, with_for_update=True)
        if pending is None:
            pending = PendingEnrollment(user_id=user.id)
            db.add(pending)
        pending.secret = sealed
        pending.created_at = now
        pending.expires_at = now + self.ctx.settings.pending_enrollment_ttl

    def info(self, token: str) -> Pairing:
        """The setup key, otpauth URI and QR for a session at the ``enroll`` step."""
        with self.ctx.db.read() as db:
            session = self.sessions.find(db, token)
            if session is None:
                raise NotAuthenticated()
            if session.state != "enroll":
                raise WrongStep()
            user = db.get(User, session.user_id)
            pending = db.get(PendingEnrollment, session.user_id)
            if user is None or pending is None or pending.expires_at <= self.ctx.clock.now():
                raise Conflict("enrollment_expired")
            secret = self._open(pending.secret, user.id, PENDING)
        uri = totp.otpauth_uri(secret, account=user.name, issuer=self.ctx.settings.issuer)
        return Pairing(secret=totp.to_base32(secret), otpauth_uri=uri, qr_svg=qr_svg(uri))

    def shown_before(self, token: str) -> bool:
        """Whether the user of a session at the ``enroll`` step may have an old entry for this
        account in their app: a QR code was shown at an earlier login and no code was entered
        (the seed's "koppeling niet afgerond"), or their pairing was reset. The audit log, which
        is never purged, remembers both."""
        with self.ctx.db.read() as db:
            session = self.sessions.find(db, token)
            if session is None:
                raise NotAuthenticated()
            user = db.get(User, session.user_id)
            if user is None:
                raise NotAuthenticated()
            shown = db.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(
                    AuditEntry.target == user.name,
                    or_(
                        (AuditEntry.action == "login") & (AuditEntry.new == QR_SHOWN),
                        AuditEntry.action == "reset_2fa",
                    ),
                )
            )
            # This login's own record is one of them.
            return (shown or 0) > 1

    def paired_in_session(self, token: str) -> bool:
        """Whether the pairing was completed in this very login (the code just entered)."""
        with self.ctx.db.read() as db:
            session = self.sessions.find(db, token)
            if session is None:
                return False
            credential = db.get(TotpCredential, session.user_id)
            return credential is not None and credential.created_at >= session.created_at

    def complete(self, db: Session, user: User, code: str) -> bool:
        """Pair when ``code`` is valid for the pending secret; the code is then used up."""
        pending = db.get(PendingEnrollment, user.id)
        if pending is None or pending.expires_at <= self.ctx.clock.now():
            raise Conflict("enrollment_expired")
        secret = self._open(pending.secret, user.id, PENDING)
        step = totp.match_step(secret, code, self.ctx.clock.now())
        if step is None:
            return False
        self.activate(db, user, secret, last_step=step)
        db.delete(pending)
        return True

    def activate(self, db: Session, user: User, secret: bytes, *, last_step: int = -1) -> None:
        """Store a completed pairing (also used by the demo to seed paired users)."""
        db.add(
            TotpCredential(
                user_id=user.id,
                secret=self.ctx.box.seal(secret, user_id=user.id, purpose=ACTIVE),
                last_step=last_step,
                created_at=self.ctx.clock.now(),
            )
        )

    def active_secret(self, db: Session, user_id: int) -> tuple[TotpCredential, bytes] | None:
        credential = db.get(TotpCredential, user_id)
        if credential is None:
            return None
        return credential, self._open(credential.secret, user_id, ACTIVE)

    def open_active(self, blob: bytes, user_id: int) -> bytes:
        """A paired secret read by the caller (409 ``credential_unreadable`` if it does not
        decrypt for this user)."""
        return self._open(blob, user_id, ACTIVE)

    def forget(self, db: Session, user_id: int) -> None:
        """Reset two-step verification: the next login shows a new QR."""
        db.execute(delete(TotpCredential).where(TotpCredential.user_id == user_id))
        db.execute(delete(PendingEnrollment).where(PendingEnrollment.user_id == user_id))

    def _open(self, blob: bytes, user_id: int, purpose: str) -> bytes:
        try:
            return self.ctx.box.open(blob, user_id=user_id, purpose=purpose)
        except SecretUnreadable:
            raise Conflict("credential_unreadable") from None
