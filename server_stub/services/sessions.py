"""Login sessions: an opaque bearer token (only its hash stored) and a step.

The steps form a small state machine: the password step creates the session at
``enroll``, ``totp`` or ``email`` (or straight at ``done``); a correct code moves it to
``done``. A session waiting for a code lives ``login_step_ttl``; a completed one
``session_ttl``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server_stub.models import LoginSession
from server_stub.security.tokens import new_token, token_hash
from server_stub.services.context import ServiceContext

STEPS = ("enroll", "totp", "email", "done")


class SessionStore:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def create(self, db: Session, *, user_id: int, state: str, ip: str | None) -> str:
        if state not in STEPS:
            raise ValueError(f"unknown step {state!r}")
        now = self.ctx.clock.now()
        db.execute(
            delete(LoginSession).where(
                LoginSession.user_id == user_id, LoginSession.expires_at <= now
            )
        )
        token = new_token()
        session = LoginSession(
            token_hash=token_hash(token),
            user_id=user_id,
            state=state,
            created_at=now,
            expires_at=now + self.ctx.settings.login_step_ttl,
            ip=ip,
        )
        if state == "done":
            self.complete(session, now)
        db.add(session)
        return token

    def complete(self, session: LoginSession, now: datetime) -> None:
        session.state = "done"
        session.completed_at = now
        session.expires_at = now + self.ctx.settings.session_ttl

    def lookup(self, db: Session, token: str) -> LoginSession | None:
        """The session for ``token``, expired or not; None for a token no session has."""
        return db.scalar(select(LoginSession).where(LoginSession.token_hash == token_hash(token)))

    def find(self, db: Session, token: str) -> LoginSession | None:
        """The live session for ``token``, or None (unknown or expired)."""
        session = self.lookup(db, token)
        if session is None or session.expires_at <= self.ctx.clock.now():
            return None
        return session

    def end(self, db: Session, token: str) -> bool:
        result = db.execute(
            delete(LoginSession).where(LoginSession.token_hash == token_hash(token))
        )
        return bool(getattr(result, "rowcount", 0))

    def end_all_for(self, db: Session, user_id: int) -> None:
        db.execute(delete(LoginSession).where(LoginSession.user_id == user_id))
