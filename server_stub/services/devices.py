"""Trusted devices ("geldigheid authenticator" / "geldigheid mail").

After a correct code the client gets a random device token (only its hash is stored). At a
later login the token skips the code while ``verified_at + N`` lies in the future, where N is
read from the policy *at that moment*: lowering N applies at once, N = 0 means a code at every
login. App codes use the hours setting, e-mail codes the days setting.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.orm import Session

from server_stub.domain.policy import Method, Policy
from server_stub.models import TrustedDevice
from server_stub.security.tokens import new_token, token_hash
from server_stub.services.context import ServiceContext


def validity(policy: Policy, method: str) -> timedelta:
    if method == "email":
        return timedelta(days=policy.mail_validity_days)
    return timedelta(hours=policy.authenticator_validity_hours)


class DeviceService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def issue(self, db: Session, *, user_id: int, method: Method) -> tuple[str, datetime]:
        token = new_token()
        db.add(
            TrustedDevice(
                token_hash=token_hash(token),
                user_id=user_id,
                method=method,
                verified_at=self.ctx.clock.now(),
            )
        )
        return token, self.ctx.clock.now()

    def issue_on(
        self, connection: Connection, *, user_id: int, method: Method, at: datetime
    ) -> str:
        """:meth:`issue` as one Core ``INSERT`` (the code check's hot path), verified ``at``."""
        token = new_token()
        connection.execute(
            insert(cast(Table, TrustedDevice.__table__)).inline(),
            {
                "token_hash": token_hash(token),
                "user_id": user_id,
                "method": method,
                "verified_at": at,
            },
        )
        return token

    def is_trusted(
        self, db: Session, *, user_id: int, token: str | None, method: Method, policy: Policy
    ) -> bool:
        if not token:
            return False
        device = db.scalar(
            select(TrustedDevice).where(
                TrustedDevice.token_hash == token_hash(token), TrustedDevice.user_id == user_id
            )
        )
        if device is None or device.method != method:
            return False
        return self.ctx.clock.now() < device.verified_at + validity(policy, method)

    def revoke_all(self, db: Session, user_id: int) -> None:
        db.execute(delete(TrustedDevice).where(TrustedDevice.user_id == user_id))
