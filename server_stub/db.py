"""The database: an engine for any SQLAlchemy URL and short read/write transactions.

SQLite (the default) runs in WAL mode. Write transactions start with ``BEGIN IMMEDIATE`` so
that two writers never both read and then collide on upgrading their lock (which SQLite would
answer with an immediate "database is locked"); readers use a plain deferred ``BEGIN`` and
never wait. The writers of one process queue on a lock of their own before ``BEGIN
IMMEDIATE``: SQLite's busy handler polls with sleeps of up to 100 ms, so under parallel load
waiting in it cost far more than the transactions themselves (p99 1.7 s at 32 parallel
code checks, measured by bench/server_load.py); on the lock a writer starts as soon as the
previous one commits. Writers in other processes (``tweestap-server user add`` while
serving) still wait in SQLite's busy handler, up to 30 s. On PostgreSQL the services lock
the rows they change (``SELECT ... FOR UPDATE``) and guard the replay step with a
conditional ``UPDATE``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

from server_stub.models import Base

_READ_ONLY = "tweestap_read_only"


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_db_engine(url: str) -> Engine:
    if not _is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"timeout": 30, "check_same_thread": False}, pool_size=10, max_overflow=30
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get(_READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_db_engine(url)
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(
            self.engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        )
        # SQLite has one writer at a time anyway: queue here, not in its busy handler.
        # Re-entrant, so that a (mistaken) nested write fails on the busy timeout as before
        # instead of hanging.
        self._write_lock = threading.RLock() if _is_sqlite(url) else None
        # SQLite: a write transaction is short and local; it waits only for the other writers
        # of this database (milliseconds), never for a row lock held by a client across a
        # network. The code check relies on this to run in the event loop (api/session.py).
        self.local_writes = _is_sqlite(url)

    def create_schema(self) -> None:
        Base.metadata.create_all(self.engine)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that may change data; committed on success, rolled back on error."""
        with self._write_lock or nullcontext(), self._writer.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader.begin() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
