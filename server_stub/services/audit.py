"""The audit log: who did what to whom, old → new, from which address, with what result."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

from pydantic_core import to_jsonable_python
from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from server_stub.domain.audit import DEFAULT_RETENTION_DAYS, AuditFilter, AuditRecord
from server_stub.models import AuditEntry, AuditSettings
from server_stub.services.context import Actor, ServiceContext
from server_stub.services.errors import ServiceError, Unavailable

MAX_NAME = 64
SETTINGS_ID = 1
log = logging.getLogger(__name__)


def jsonable(value: Any) -> Any:
    """``value`` (a domain result, a dataclass of them) as JSON values, dates and times the way
    the JSON API writes them, for an entry's old and new values."""
    return to_jsonable_python(value)


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, sort_keys=True, default=str)


def _clip(value: str | None) -> str | None:
    """At most 64 printable characters: a refused action's target is whatever was typed (and
    PostgreSQL's text cannot hold NUL)."""
    if value is None:
        return None
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in value[:MAX_NAME])


class AuditService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def record(
        self,
        db: Session,
        *,
        actor: Actor,
        action: str,
        target: str | None = None,
        old: Any = None,
        new: Any = None,
        result: str = "ok",
    ) -> None:
        """Add an entry inside the caller's transaction (it commits or rolls back with it)."""
        db.add(
            AuditEntry(
                at=self.ctx.clock.now(),
                actor=_clip(actor.name),
                target=_clip(target),
                action=action,
                old=_json(old),
                new=_json(new),
                ip=_clip(actor.ip),
                result=result[:MAX_NAME],
            )
        )

    def insert(
        self,
        connection: Connection,
        *,
        actor: Actor,
        action: str,
        target: str | None = None,
        new: Any = None,
        result: str = "ok",
    ) -> None:
        """:meth:`record` as one Core ``INSERT`` on the transaction's connection (the code
        check's hot path: no ORM unit of work)."""
        connection.execute(
            insert(cast(Table, AuditEntry.__table__)).inline(),
            {
                "at": self.ctx.clock.now(),
                "actor": _clip(actor.name),
                "target": _clip(target),
                "action": action,
                "old": None,
                "new": _json(new),
                "ip": _clip(actor.ip),
                "result": result[:MAX_NAME],
            },
        )

    def record_alone(self, **fields: Any) -> None:
        """Add an entry in a transaction of its own (for refusals, whose work rolls back)."""
        with self.ctx.db.write() as db:
            self.record(db, **fields)

    @contextmanager
    def refusals(
        self, *, actor: Actor, action: str, target: str | None = None, attempted: Any = None
    ) -> Iterator[None]:
        """Around an administrator's action: a refusal (a rule, an unknown user, ...) is
        recorded as ``action`` with its code as the result and what was attempted, in a
        transaction of its own (the action's own work rolled back), then raised on."""
        try:
            yield
        except ServiceError as error:
            if not isinstance(error, Unavailable):  # not a refusal: the database was busy
                self.record_refusal(
                    actor=actor, action=action, target=target, new=attempted, result=error.code
                )
            raise

    def record_refusal(self, **fields: Any) -> None:
        """:meth:`record_alone` for a refusal: the refusal stands (and is answered) even when
        it cannot be written down, which is logged."""
        try:
            self.record_alone(**fields)
        except Exception:
            log.exception("could not audit the refused %s", fields.get("action"))

    def retention_days(self, db: Session) -> int:
        row = db.get(AuditSettings, SETTINGS_ID)
        return DEFAULT_RETENTION_DAYS if row is None else row.retention_days

    def retention(self) -> int:
        """How many days an entry is kept."""
        with self.ctx.db.read() as db:
            return self.retention_days(db)

    def set_retention(self, days: int, actor: Actor) -> int:
        """Keep entries ``days`` days (bounded where it was typed: 30..3650)."""
        with self.ctx.db.write() as db:
            row = db.get(AuditSettings, SETTINGS_ID, with_for_update=True)
            old = DEFAULT_RETENTION_DAYS if row is None else row.retention_days
            if row is None:
                row = AuditSettings(id=SETTINGS_ID, retention_days=days)
                db.add(row)
            row.retention_days = days
            if old != days:
                self.record(
                    db,
                    actor=actor,
                    action="audit_retention",
                    old={"days": old},
                    new={"days": days},
                )
            return row.retention_days

    def query(self, filters: AuditFilter) -> list[AuditRecord]:
        statement = select(AuditEntry)
        if filters.actor is not None:
            statement = statement.where(AuditEntry.actor == filters.actor)
        if filters.target is not None:
            statement = statement.where(AuditEntry.target == filters.target)
        if filters.action is not None:
            statement = statement.where(AuditEntry.action == filters.action)
        if filters.since is not None:
            statement = statement.where(AuditEntry.at >= filters.since)
        if filters.until is not None:
            statement = statement.where(AuditEntry.at <= filters.until)
        statement = statement.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        with self.ctx.db.read() as db:
            rows = db.scalars(statement.limit(filters.limit)).all()
            return [
                AuditRecord(
                    id=row.id,
                    at=row.at,
                    actor=row.actor,
                    target=row.target,
                    action=row.action,
                    old=None if row.old is None else json.loads(row.old),
                    new=None if row.new is None else json.loads(row.new),
                    ip=row.ip,
                    result=row.result,
                )
                for row in rows
            ]
