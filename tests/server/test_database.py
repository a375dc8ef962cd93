"""The default database: a SQLite file in WAL mode, writers that queue instead of failing."""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import text

from tests.server.harness import Harness


def test_sqlite_file_in_wal_mode(harness: Harness) -> None:
    with sqlite3.connect(harness.db_path) as connection:
        (mode,) = connection.execute("PRAGMA journal_mode").fetchone()
    connection.close()
    assert mode == "wal"
    with harness.services.ctx.db.read() as db:
        assert db.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_concurrent_writers_queue_instead_of_failing(harness: Harness) -> None:
    """Many parallel logins (each a write transaction) all succeed."""
    for number in range(8):
        harness.add_user(f"user{number}")
    errors: list[BaseException] = []

    def log_in(name: str) -> None:
        try:
            for _ in range(3):
                response = harness.login_response(name)
                assert response.status_code == 200, response.text
        except BaseException as error:  # collected for the main thread
            errors.append(error)

    threads = [threading.Thread(target=log_in, args=(f"user{n}",)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
