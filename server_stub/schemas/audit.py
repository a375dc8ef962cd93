"""Audit log entries and the filters of ``GET /api/admin/audit``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue

from server_stub.domain.audit import DEFAULT_LIMIT, AuditFilter


def _aware_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise ValueError("out of range") from None


def _printable(value: str | None) -> str | None:
    if value is not None and any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ValueError("control characters are not allowed")
    return value


Filter = Annotated[str, Field(max_length=64), AfterValidator(_printable)]


class AuditEntryPublic(BaseModel):
    id: int
    at: datetime
    actor: str | None
    target: str | None
    action: str
    old: JsonValue
    new: JsonValue
    ip: str | None
    result: str


class AuditQuery(BaseModel):
    actor: Filter | None = None
    target: Filter | None = None
    action: Filter | None = None
    since: Annotated[datetime | None, AfterValidator(_aware_utc)] = None
    until: Annotated[datetime | None, AfterValidator(_aware_utc)] = None
    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=1000)

    def to_domain(self) -> AuditFilter:
        return AuditFilter(**self.model_dump())


MIN_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 3650


class AuditRetention(BaseModel):
    """How long the audit log keeps an entry. At least 30 days, so that an administrator
    cannot wipe the traces of what they just did."""

    model_config = ConfigDict(extra="forbid")

    days: int = Field(ge=MIN_RETENTION_DAYS, le=MAX_RETENTION_DAYS)
