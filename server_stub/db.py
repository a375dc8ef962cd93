"""The database: an engine for any SQLAlchemy URL and short read/write transactions, none of
which waits for long.

SQLite (the default) runs in WAL mode. Write transactions start with ``BEGIN IMMEDIATE`` so
that two writers never both read and then collide on upgrading their lock (which SQLite would
answer with an immediate "database is locked"); readers use a plain deferred ``BEGIN`` and
never wait. The writers of one process queue on a lock of their own before ``BEGIN
IMMEDIATE``: SQLite's busy handler polls with sleeps of up to 100 ms, so under parallel load
waiting in it cost far more than the transactions themselves; on the lock a writer starts as
soon as the previous one commits. On PostgreSQL the services lock the rows they change
(``SELECT ... FOR UPDATE``) and guard the replay step with a conditional ``UPDATE``.

Every wait is bounded by ``busy_timeout`` (3 s by default), counted once from the start of a
write: the wait for this process's lock and then SQLite's busy handler (waiting for a writer
in another process: a backup, ``tweestap-server user add``) share it. On PostgreSQL the pool
and each lock wait (``lock_timeout``) are bounded the same way. A write that runs out of time
raises :class:`DatabaseBusy` (or SQLAlchemy's ``OperationalError`` for "database is locked"
and a lock timeout); the API answers 503 with ``Retry-After``, and nothing waits in the event
loop meanwhile (no route calls the database there).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from server_stub.files import ensure_private_database
from server_stub.models import Base

_READ_ONLY = "tweestap_read_only"
_BUSY_MS = "tweestap_busy_ms"  # the busy timeout a SQLite connection has now (its info dict)
DEFAULT_BUSY_TIMEOUT = 3.0
log = logging.getLogger(__name__)

# When the write transaction of this thread must have begun (time.monotonic()).
_write_deadline: ContextVar[float | None] = ContextVar("tweestap_write_deadline", default=None)


class DatabaseBusy(Exception):
    """A write could not begin in time: the database's write lock stayed taken."""


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` means "the database is locked, try again" (not broken)."""
    if isinstance(error, DatabaseBusy | PoolTimeout):
        return True
    if isinstance(error, OperationalError):
        original = error.orig
        code = getattr(original, "sqlite_errorcode", None)
        if code is not None:
            return (code & 0xFF) in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
        # lock not available or timed out, statement timeout, deadlock (one side is undone)
        return getattr(original, "sqlstate", None) in ("55P03", "57014", "40P01")
    return False


def _is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_db_engine(
    url: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT, *, pooled: bool = True
) -> Engine:
    """``pooled=False``: a connection per use, closed after it (migrations, one-off commands)."""
    if not _is_sqlite(url):
        return _postgresql_engine(url, busy_timeout, pooled=pooled)
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        ensure_private_database(Path(database))
    busy_ms = int(busy_timeout * 1000)
    pool: dict[str, Any] = (
        {"pool_size": 10, "max_overflow": 30, "pool_timeout": busy_timeout}
        if pooled
        else {"poolclass": NullPool}
    )
    engine = create_engine(
        url,
        connect_args={"timeout": busy_timeout, "check_same_thread": False},
        hide_parameters=True,  # errors and their log lines never carry a row's values
        **pool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.close()
        record.info[_BUSY_MS] = busy_ms

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        read_only = connection.get_execution_options().get(_READ_ONLY, False)
        if not read_only:
            # What is left of this write's time for SQLite's busy handler (the wait for this
            # process's own lock came first). Set only when it differs: mostly it does not.
            deadline = _write_deadline.get()
            wanted = busy_ms
            if deadline is not None:
                wanted = max(1, min(busy_ms, int((deadline - time.monotonic()) * 1000)))
            info = connection.info
            if abs(info.get(_BUSY_MS, busy_ms) - wanted) > 100:
                connection.exec_driver_sql(f"PRAGMA busy_timeout={wanted}")
                info[_BUSY_MS] = wanted
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


# Threads of one server process that may each hold a database connection at once: the request
# thread pool (anyio's default, 40), the code-check thread, the purge and the health probe (on
# asyncio's executor), and a spare. The pool keeps that many (it opens them only as needed),
# so that under load no connection is opened and closed per request: with SQLAlchemy's default
# of 5 (+10 closed again after use), 32 requests in flight opened hundreds of PostgreSQL
# connections per second.
POSTGRESQL_POOL_SIZE = 44


def _postgresql_engine(url: str, busy_timeout: float, *, pooled: bool) -> Engine:
    pool: dict[str, Any] = (
        {
            "pool_size": POSTGRESQL_POOL_SIZE,
            "max_overflow": 0,
            "pool_pre_ping": True,
            "pool_timeout": busy_timeout,
        }
        if pooled
        else {"poolclass": NullPool}
    )
    engine = create_engine(
        url,
        connect_args={"connect_timeout": max(1, round(busy_timeout))},
        hide_parameters=True,
        **pool,
    )
    lock_ms = int(busy_timeout * 1000)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # A row lock held by another transaction is waited for this long, then 503.
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {lock_ms}")
        dbapi_connection.commit()

    return engine


class Database:
    def __init__(self, url: str, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> None:
        self.url = url
        self.busy_timeout = busy_timeout
        self.engine = create_db_engine(url, busy_timeout)
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(
            self.engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        )
        # SQLite has one writer at a time anyway: queue here, not in its busy handler.
        # Re-entrant, so that a (mistaken) nested write fails on the busy timeout instead of
        # hanging.
        self._write_lock = threading.RLock() if _is_sqlite(url) else None
        # SQLite's savepoints cost no round trip: a batch of code checks gives each its own
        # (api/code_checks.py); on PostgreSQL two more round trips per check.
        self.savepoints_are_cheap = _is_sqlite(url)

    def insert_missing(self, model: type[Base], **values: Any) -> None:
        """Insert a row unless one with its primary key exists (``ON CONFLICT DO NOTHING``):
        several processes starting at once each try, none fails."""
        insert = sqlite_insert if _is_sqlite(self.url) else postgresql_insert
        with self.write() as session:
            session.execute(insert(model).values(**values).on_conflict_do_nothing())

    @contextmanager
    def write(self, *, deadline: float | None = None) -> Iterator[Session]:
        """A transaction that may change data; committed on success, rolled back on error.

        It must begin by ``deadline`` (``time.monotonic()``; default: ``busy_timeout`` from
        now), else :class:`DatabaseBusy` (or "database is locked" from SQLite).
        """
        if deadline is None:
            deadline = time.monotonic() + self.busy_timeout
        lock = self._write_lock
        if lock is not None and not lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise DatabaseBusy("another write of this server held the lock too long")
        try:
            mark = _write_deadline.set(deadline)
            try:
                with self._writer.begin() as session:
                    yield session
            finally:
                _write_deadline.reset(mark)
        finally:
            if lock is not None:
                lock.release()

    def claim(self, session: Session, name: str) -> bool:
        """Whether this write transaction is now the only one, of every process on the
        database, that holds the claim ``name`` until it ends (a housekeeping job that N
        processes each run on a timer: the first does it, the others skip it). PostgreSQL:
        ``pg_try_advisory_xact_lock``; SQLite: always, since its writers take turns anyway."""
        if self._write_lock is not None:
            return True
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        claimed = session.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key})
        return bool(claimed.scalar())

    @contextmanager
    def pipelined(self, connection: Connection) -> Iterator[None]:
        """Statements executed on ``connection`` in this block whose answers nobody reads
        (no ``RETURNING``, no row count) go to PostgreSQL in one go, answered together when the
        block ends (psycopg's pipeline mode: one round trip instead of one each); an error
        among them is raised there. SQLite: nothing to save."""
        if self._write_lock is not None:
            yield
            return
        driver = connection.connection.driver_connection
        with driver.pipeline():  # type: ignore[union-attr]
            yield

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader.begin() as session:
            yield session

    def probe(self, budget: float) -> str:
        """``ok``, ``busy`` (its write lock stayed taken for ``budget`` seconds) or
        ``unavailable`` (it does not answer at all): a read, and on SQLite an empty write."""
        try:
            with self.read() as session:
                session.execute(text("SELECT 1"))
            if self._write_lock is not None:
                with self.write(deadline=time.monotonic() + budget) as session:
                    session.connection()  # BEGIN IMMEDIATE: takes SQLite's write lock, or waits
        except Exception as error:
            if is_busy(error):
                return "busy"
            log.warning("the database does not answer: %s", error)
            return "unavailable"
        return "ok"

    def dispose(self) -> None:
        self.engine.dispose()
