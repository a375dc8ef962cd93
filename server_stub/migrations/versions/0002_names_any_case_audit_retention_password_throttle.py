"""Names unique whatever their letters' case, longer audit results, the audit log's retention
and the password throttle's counters.

These changes reached databases without a migration before (``create_all`` added the two
tables, the server created the index at start when it could), so each step looks first: a
database made by a server of that time already has some or all of them.

1. ``uq_users_name_lower``, a unique index on ``lower(name)``. Where two accounts' names differ
   only in case (which the schema allowed before), the older account keeps its name and each
   later one is renamed ``<name>-<id>`` first, audited (``rename``, actor ``migration``) and
   logged: the administrator tells that person their new name.
2. ``audit_log.result`` from 32 to 64 characters (``employees_require_app_after_cutoff``).
3. ``audit_settings`` (one row, id 1, ``retention_days``; no row means 365).
4. ``password_failures`` (a keyed hash of a name or an address, its count, when).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

log = logging.getLogger("server_stub.migrations")
NAME_LENGTH = 64

_users = sa.table("users", sa.column("id", sa.Integer()), sa.column("name", sa.String()))
_audit = sa.table(
    "audit_log",
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor", sa.String()),
    sa.column("target", sa.String()),
    sa.column("action", sa.String()),
    sa.column("old", sa.Text()),
    sa.column("new", sa.Text()),
    sa.column("ip", sa.String()),
    sa.column("result", sa.String()),
)


def _free_name(name: str, user_id: int, taken: set[str]) -> str:
    number = 0
    while True:
        suffix = f"-{user_id}" if number == 0 else f"-{user_id}-{number}"
        candidate = name[: NAME_LENGTH - len(suffix)] + suffix
        if candidate.lower() not in taken:
            return candidate
        number += 1


def _rename_names_that_differ_only_in_case(connection: sa.Connection) -> None:
    rows = connection.execute(sa.select(_users.c.id, _users.c.name).order_by(_users.c.id)).all()
    taken = {str(row.name).lower() for row in rows}
    first: dict[str, str] = {}
    now = datetime.now(UTC)
    if connection.dialect.name != "postgresql":
        now = now.replace(tzinfo=None)  # SQLite keeps naive UTC (models.UTCDateTime)
    for row in rows:
        name, key = str(row.name), str(row.name).lower()
        if key not in first:
            first[key] = name
            continue
        new = _free_name(name, int(row.id), taken)
        taken.add(new.lower())
        connection.execute(_users.update().where(_users.c.id == row.id).values(name=new))
        connection.execute(
            _audit.insert().values(
                at=now,
                actor="migration",
                target=new,
                action="rename",
                old=json.dumps({"name": name}),
                new=json.dumps({"name": new}),
                ip=None,
                result="ok",
            )
        )
        log.warning(
            "renamed the account %r (id %s) to %r: its name differed from %r only in case; "
            "tell that person their new name",
            name,
            row.id,
            new,
            first[key],
        )


def upgrade() -> None:
    connection = op.get_bind()
    inspector = sa.inspect(connection)
    tables = set(inspector.get_table_names())

    _rename_names_that_differ_only_in_case(connection)
    op.execute("CREATE UNIQUE INDEX IF NOT EXISTS uq_users_name_lower ON users (lower(name))")

    result = next(c for c in inspector.get_columns("audit_log") if c["name"] == "result")
    if getattr(result["type"], "length", None) != NAME_LENGTH:
        with op.batch_alter_table("audit_log") as audit_log:
            audit_log.alter_column(
                "result",
                existing_type=sa.String(32),
                type_=sa.String(NAME_LENGTH),
                existing_nullable=False,
            )

    if "audit_settings" not in tables:
        op.create_table(
            "audit_settings",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("retention_days", sa.Integer(), nullable=False),
        )
    if "password_failures" not in tables:
        op.create_table(
            "password_failures",
            sa.Column("key", sa.String(80), primary_key=True),
            sa.Column("failures", sa.Integer(), nullable=False),
            sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True),
        )
        op.create_index(
            "ix_password_failures_last_failure_at", "password_failures", ["last_failure_at"]
        )
