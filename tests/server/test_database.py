"""The default database: a SQLite file in WAL mode, writers that queue instead of failing,
and a database locked by another process answered 503 within the busy timeout."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from sqlalchemy import text

from tests.server.harness import Harness
from tests.server.web.webclient import elements, open_web


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


@pytest.fixture
def locked(make_harness: Callable[..., Harness]) -> Iterator[Harness]:
    """A server (busy timeout 0.5 s) whose database another process holds the write lock of."""
    harness = make_harness(db_busy_timeout=timedelta(seconds=0.5))
    harness.add_user("jan")
    harness.enroll("jan")
    harness.secrets["waiting"] = harness.login("jan").token
    holder = sqlite3.connect(harness.db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield harness
    holder.rollback()
    holder.close()


def test_a_locked_database_answers_503_everywhere_it_must_write_and_reads_go_on(
    locked: Harness,
) -> None:
    started = time.monotonic()
    login = locked.login_response("jan")
    assert login.status_code == 503
    assert login.json() == {"detail": "database_busy"}
    assert login.headers["Retry-After"] == "2"
    headers = {"Authorization": f"Bearer {locked.secrets['waiting']}"}
    code = locked.client.post("/api/session/verify", headers=headers, json={"code": "123456"})
    assert code.status_code == 503 and code.json() == {"detail": "database_busy"}
    assert time.monotonic() - started < 10
    health = locked.client.get("/api/health")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "version": "0.1.0", "database": "busy"}
    # Reading needs no write lock (WAL): a session's own data still answers.
    assert locked.client.get("/api/session/enrollment", headers=headers).status_code == 409


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("en-GB", "One moment, please", "Try again in a few seconds."),
        ("nl-NL", "Even geduld", "Probeer het over een paar seconden opnieuw."),
    ],
)
def test_the_login_page_says_so_in_its_language(
    locked: Harness, language: str, title: str, text: str
) -> None:
    web = open_web(locked, **{"Accept-Language": language})
    try:
        page = web.login("jan")
    finally:
        web.close()
    assert page.status_code == 503
    assert page.headers["Retry-After"] == "2"
    found = elements(page).text
    assert title in found and text in found
