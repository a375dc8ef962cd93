"""``/api/ready``: the database answers and its schema is the one the server runs on; health
stays the cheap liveness probe. The schema's state comes from one function
(:func:`server_stub.ops.schema.schema_status`), which the tests call directly as well."""

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
    alter(harness, "DROP INDEX uq_users_name_lower")
    assert schema_status(harness.services.ctx.db.engine) == "behind"
    answer = harness.client.get("/api/ready")
    assert answer.status_code == 503
    assert answer.headers["Retry-After"]
    assert answer.json()["status"] == "not_ready"
    assert answer.json()["schema"] == "behind"
    # Alive all the same: health does not look at the schema (no restart for an upgrade).
    assert harness.client.get("/api/health").status_code == 200


def test_a_missing_table_is_behind(harness: Harness) -> None:
    alter(harness, "DROP TABLE password_failures")
    assert schema_status(harness.services.ctx.db.engine) == "behind"


def test_a_database_a_newer_server_migrated_is_ahead_and_not_ready(harness: Harness) -> None:
    alter(harness, "ALTER TABLE users ADD COLUMN passkey_count INTEGER")
    answer = harness.client.get("/api/ready")
    assert answer.status_code == 503
    assert answer.json()["schema"] == "ahead"


def test_a_newer_schema_that_also_dropped_a_column_is_ahead_not_behind(harness: Harness) -> None:
    alter(
        harness,
        "ALTER TABLE sessions DROP COLUMN ip",
        "ALTER TABLE sessions ADD COLUMN client TEXT",
    )
    assert schema_status(harness.services.ctx.db.engine) == "ahead"


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
