"""``/api/ready``: the database answers and its schema is the one the server runs on (its
migration revision is this server's newest); health stays the cheap liveness probe. The
schema's state comes from one function (:func:`server_stub.ops.schema.schema_status`), which
the tests call directly as well."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import text

from server_stub.ops.schema import schema_status
from tests.server.harness import Harness


def alter(harness: Harness, *statements: str) -> None:
    """Change the database behind the server's back, as another version of it would."""
    with harness.services.ctx.db.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def test_ready_when_the_database_answers_and_the_schema_is_current(harness: Harness) -> None:
    answer = harness.client.get("/api/ready")
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "ready",
        "version": answer.json()["version"],
        "database": "ok",
        "schema": "current",
    }
    assert harness.client.get("/api/health").json()["database"] == "ok"


def test_a_database_an_older_server_made_is_behind_and_not_ready(harness: Harness) -> None:
    alter(harness, "UPDATE alembic_version SET version_num = '0001'")
    assert schema_status(harness.services.ctx.db.engine) == "behind"
    answer = harness.client.get("/api/ready")
    assert answer.status_code == 503
    assert answer.headers["Retry-After"]
    assert answer.json()["status"] == "not_ready"
    assert answer.json()["schema"] == "behind"
    # Alive all the same: health does not look at the schema (no restart for an upgrade).
    assert harness.client.get("/api/health").status_code == 200


def test_a_database_from_before_the_migrations_is_behind(harness: Harness) -> None:
    """The old server's tables without a revision: what the upgrade takes as 0001."""
    alter(harness, "DROP TABLE alembic_version")
    assert schema_status(harness.services.ctx.db.engine) == "behind"


def test_a_database_a_newer_server_migrated_is_ahead_and_not_ready(harness: Harness) -> None:
    alter(harness, "UPDATE alembic_version SET version_num = '0099_from_a_newer_server'")
    answer = harness.client.get("/api/ready")
    assert answer.status_code == 503
    assert answer.json()["schema"] == "ahead"


def test_the_revision_decides_not_the_columns(harness: Harness) -> None:
    """The migrations are the truth about the schema: a column added behind their back does
    not make a database at the newest revision anything but current (nor does the server
    mind it)."""
    alter(harness, "ALTER TABLE users ADD COLUMN note TEXT")
    assert schema_status(harness.services.ctx.db.engine) == "current"
    assert harness.client.get("/api/ready").status_code == 200


def test_a_locked_database_is_not_ready_and_the_schema_is_not_read(
    make_harness: Callable[..., Harness],
) -> None:
    harness = make_harness(db_busy_timeout=timedelta(milliseconds=300))
    holder = sqlite3.connect(harness.db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        answer = harness.client.get("/api/ready")
    finally:
        holder.close()
    assert answer.status_code == 503
    assert answer.json()["database"] == "busy"
    assert answer.json()["schema"] == "unknown"
