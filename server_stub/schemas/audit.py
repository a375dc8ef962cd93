"""Audit log entries and the filters of ``GET /api/admin/audit``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field, JsonValue


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
    limit: int = Field(default=100, ge=1, le=1000)
