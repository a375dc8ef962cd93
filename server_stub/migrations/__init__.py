"""The server's schema, by Alembic migrations (``versions/``), applied safely by however many
processes start at once.

:func:`upgrade` brings a database to the newest revision this server ships. Every process that
opens the database calls it (``serve``, each of its workers, ``user add``, ``db upgrade``):
when the database is at that revision already it only reads the revision, otherwise it takes
an exclusive lock first, looks again, and migrates in one transaction:

- PostgreSQL: ``pg_advisory_xact_lock`` on a key of our own, inside the migration's
  transaction (DDL is transactional there), so it is released by the commit or by the
  connection's end, whatever happens to the process;
- SQLite: ``flock`` on ``<database>.migrate-lock`` beside the file (released when the process
  ends, however it ends), then ``BEGIN IMMEDIATE``.

So N processes starting together on an empty or an old database migrate it once; the others
wait and find it done. A database made before the server had migrations has no revision but
has the tables of the first one (``0001``): it is stamped ``0001`` and upgraded from there.
A database at a revision this server does not know was migrated by a newer server: nothing is
changed and :class:`SchemaAhead` is raised (this server would misread it).

Migrations only go forward; to go back, restore the backup made before the upgrade.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url

HERE = Path(__file__).resolve().parent
BASELINE = "0001"
# pg_advisory_xact_lock's key: the first 8 bytes of sha256(b"tweestap-server migrations").
ADVISORY_KEY = 0x4C2B1E5C6A9D3F07
# A migration waits this long for a table lock held by a running server's transaction.
MIGRATION_LOCK_TIMEOUT_MS = 60_000
MIGRATION_BUSY_TIMEOUT = 60.0

log = logging.getLogger(__name__)

SchemaState = Literal["current", "behind", "ahead"]


class SchemaAhead(RuntimeError):
    """The database was migrated by a newer server: this one does not know its revision."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"the database's schema is at revision {revision}, which this server does not know "
            f"(it knows up to {head()}): a newer server has upgraded it; run that version"
        )
        self.revision = revision


@dataclass(frozen=True)
class Revision:
    """Where a database stands: its revision (None: no schema at all) and the state."""

    current: str | None
    head: str
    state: SchemaState

    def describe(self) -> str:
        if self.state == "current":
            return f"{self.current} (head)"
        if self.state == "ahead":
            return f"{self.current} (newer than this server's head, {self.head})"
        pending = ", ".join(pending_revisions(self.current))
        return f"{self.current or 'none'} (behind: {pending} to apply; head {self.head})"


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The newest revision this server ships."""
    heads = _scripts().get_heads()
    if len(heads) != 1:  # pragma: no cover - a broken chain is a developer's mistake
        raise RuntimeError(f"the migrations have {len(heads)} heads: {heads}")
    return heads[0]


def pending_revisions(current: str | None) -> list[str]:
    """The revisions an upgrade from ``current`` applies, oldest first."""
    scripts = _scripts()
    revisions = [script.revision for script in scripts.iterate_revisions(head(), current)]
    return list(reversed(revisions))


def _known(revision: str) -> bool:
    return revision in {script.revision for script in _scripts().walk_revisions()}


def _stored_revision(connection: Connection) -> str | None:
    """The revision Alembic stored; the baseline for a database made before migrations;
    None for an empty database."""
    current = MigrationContext.configure(connection).get_current_revision()
    if current is not None:
        return current
    return BASELINE if inspect(connection).has_table("users") else None


def revision_of(engine: Engine) -> Revision:
    """Where the database stands (a read; nothing is changed)."""
    with engine.connect() as connection:
        current = _stored_revision(connection)
    top = head()
    if current == top:
        return Revision(current, top, "current")
    if current is not None and not _known(current):
        return Revision(current, top, "ahead")
    return Revision(current, top, "behind")


def _migration_engine(url: str) -> Engine:
    from server_stub.db import create_db_engine

    return create_db_engine(url, busy_timeout=MIGRATION_BUSY_TIMEOUT, pooled=False)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` (created 0600) for as long as the block runs."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":  # pragma: no cover - the server's home is Linux
            import msvcrt

            while True:
                with contextlib.suppress(OSError):  # LK_LOCK gives up after 10 s: again
                    msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)
                    break
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


@contextlib.contextmanager
def _exclusive(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that no other migrating process shares."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        database = url.database
        lock: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
        if database and database != ":memory:" and not database.startswith("file:"):
            lock = _file_lock(Path(f"{database}.migrate-lock"))
        with lock, engine.begin() as connection:  # BEGIN IMMEDIATE (db.py)
            yield connection
        return
    with engine.begin() as connection:
        # Waiting for another process's migration may take as long as it takes; a table
        # lock held by a serving process is waited for at most a minute.
        connection.execute(text("SET LOCAL lock_timeout = 0"))
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_KEY})
        connection.execute(text(f"SET LOCAL lock_timeout = {MIGRATION_LOCK_TIMEOUT_MS}"))
        yield connection


def upgrade(url: str) -> list[str]:
    """Bring the database at ``url`` to :func:`head`; the revisions applied (none when it was
    current). Raises :class:`SchemaAhead` for a database a newer server migrated."""
    engine = _migration_engine(url)
    try:
        state = revision_of(engine)
        if state.state == "current":
            return []
        if state.state == "ahead":
            raise SchemaAhead(str(state.current))
        with _exclusive(engine) as connection:
            current = _stored_revision(connection)  # again: another process may have done it
            if current is not None and not _known(current):
                raise SchemaAhead(current)
            pending = pending_revisions(current)
            if not pending:
                return []
            config = _config(connection)
            if (
                current is not None
                and MigrationContext.configure(connection).get_current_revision() is None
            ):
                log.info("the database has no migration revision: taken as %s", current)
                command.stamp(config, current)
            log.info("migrating the database: %s", ", ".join(pending))
            command.upgrade(config, "head")
        return pending
    finally:
        engine.dispose()


def describe(url: str) -> Revision:
    """Where the database at ``url`` stands (``tweestap-server db current``)."""
    engine = _migration_engine(url)
    try:
        return revision_of(engine)
    finally:
        engine.dispose()


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"
