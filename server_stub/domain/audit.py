"""Audit log entries, and the filters an administrator reads them by."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

DEFAULT_RETENTION_DAYS = 365
"""How long an entry is kept until an administrator sets otherwise."""
DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str | None
    target: str | None
    action: str
    old: Any
    new: Any
    ip: str | None
    result: str


@dataclass(frozen=True)
class AuditFilter:
    """Entries newest first, at most ``limit``; every other field narrows (None: any)."""

    actor: str | None = None
    target: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = DEFAULT_LIMIT
