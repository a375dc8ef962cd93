"""``tweestap-server db backup FILE`` and ``db restore FILE``: the database, consistently, while
the server runs.

SQLite: the sqlite3 online backup API copies every page inside one read transaction (in WAL
mode the server's writers go on meanwhile; the copy is the database as of one moment), into a
single self-contained file (rollback journal, no ``-wal``), checked with ``PRAGMA
integrity_check``, written 0600 and renamed into place. PostgreSQL: ``pg_dump
--format=custom`` (one snapshot, consistent while the server writes); ``pg_restore
--single-transaction`` to restore. The password goes to the tools in ``PGPASSWORD``, never on a
command line other users could see.

A backup does not hold the at-rest key: the TOTP secrets and e-mail codes in it are sealed
(:mod:`server_stub.crypto`) and open only with the key file of the same time. Keep both, apart.
A restore therefore checks first that the key file of the home it restores into opens the
backup's secrets, and refuses (changing nothing) with the key ids it needs when it does not;
it restores only into an empty database, never over data.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlalchemy import Engine, create_engine, inspect, select, text
from sqlalchemy.engine import URL, make_url

from server_stub.crypto import (
    KeyFileError,
    SecretBox,
    SecretUnreadable,
    blob_key_id,
)
from server_stub.files import ensure_private_database
from server_stub.models import Base
from server_stub.ops.keyrotation import SEALED_COLUMNS
from server_stub.settings import Settings

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
OUR_TABLES = frozenset(Base.metadata.tables)
SEALED_TABLES = frozenset(sealed.table.name for sealed in SEALED_COLUMNS)  # since 0001


class BackupError(Exception):
    """A backup or restore that cannot be done, with what to do about it."""


# -- which keys open a database's secrets -----------------------------------------------------


@dataclass
class KeyCheck:
    """What a key ring makes of a database's sealed secrets."""

    total: int = 0
    opened: int = 0
    missing: Counter[str] = field(default_factory=Counter)  # key id → secrets under it
    unreadable: int = 0  # under a key that is here (or no id), yet they do not open
    key_ids: Counter[str] = field(default_factory=Counter)  # every key id seen ("none": v1)

    def refusal(self, key_file: Path, box: SecretBox) -> str | None:
        """Why this key file cannot serve these secrets, or None when it can."""
        if self.total == 0 or (self.opened > 0 and not self.missing):
            return None
        here = ", ".join(key.hex() for key in box.key_ids)
        if self.missing:
            needed = ", ".join(sorted(self.missing))
            return (
                f"the backup's secrets are sealed under key {needed}, and the key file "
                f"{key_file} holds key {here}: put the key file that was backed up with this "
                f"database at {key_file} (mode 600) and run the restore again"
            )
        return (
            f"none of the backup's {self.total} secrets opens with the key file {key_file} "
            f"(key {here}): put the key file that was backed up with this database there "
            "(mode 600) and run the restore again"
        )


def sealed_rows(engine: Engine) -> Iterator[tuple[str, int, bytes]]:
    """(purpose, user id, blob) of every sealed secret in the database."""
    with engine.connect() as connection:
        for sealed in SEALED_COLUMNS:
            query = select(sealed.col("user_id"), sealed.col(sealed.column))
            for user_id, blob in connection.execute(query):
                yield sealed.purpose, int(user_id), bytes(blob)


def check_keys(rows: Iterable[tuple[str, int, bytes]], box: SecretBox) -> KeyCheck:
    check = KeyCheck()
    known = {key.hex() for key in box.key_ids}
    for purpose, user_id, blob in rows:
        check.total += 1
        found = blob_key_id(blob)
        check.key_ids[found.hex() if found else "none"] += 1
        if found is not None and found.hex() not in known:
            check.missing[found.hex()] += 1
            continue
        try:
            box.open(blob, user_id=user_id, purpose=purpose)
        except SecretUnreadable:
            check.unreadable += 1
        else:
            check.opened += 1
    return check


def describe_keys(check: KeyCheck) -> str:
    if not check.total:
        return "no sealed secrets yet"
    parts = [
        f"{count} under key {key}" if key != "none" else f"{count} under the first key (no id)"
        for key, count in sorted(check.key_ids.items())
    ]
    return f"{check.total} sealed secrets: " + ", ".join(parts)


# -- SQLite ---------------------------------------------------------------------------------


def _sqlite_path(url: URL) -> Path:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError(f"not a SQLite file: {url.render_as_string(hide_password=True)}")
    return Path(database)


def _temporary_beside(target: Path) -> Path:
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return temporary


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sqlite_copy(source: Path, target: Path) -> None:
    """``source`` copied page by page (one read transaction) into a fresh 0600 ``target``,
    which ends as one self-contained file that passes ``integrity_check``."""
    temporary = _temporary_beside(target)
    try:
        with (
            closing(sqlite3.connect(source, timeout=10)) as reader,
            closing(sqlite3.connect(temporary)) as writer,
        ):
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")
            (answer,) = writer.execute("PRAGMA integrity_check").fetchone()
            if answer != "ok":
                raise BackupError(f"the copy of {source} is damaged: {answer}")
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync(target.parent)
    finally:
        with suppress(FileNotFoundError):
            temporary.unlink()


def _read_only_uri(path: Path) -> str:
    """``path`` as a read-only SQLite URI; ``as_uri`` escapes a ``#``, ``?`` or ``%`` in the
    name, which would otherwise end the file name early (and open or make another file)."""
    return f"{path.absolute().as_uri()}?mode=ro"


def _sqlite_engine(path: Path) -> Engine:
    # Connected by path, not through a URL, where a '?' or '%' in the name would be parsed.
    return create_engine("sqlite://", creator=lambda: sqlite3.connect(path), hide_parameters=True)


def _has_our_tables(engine: Engine) -> bool:
    return bool(OUR_TABLES & set(inspect(engine).get_table_names()))


# -- PostgreSQL -----------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """``pg_dump`` / ``pg_restore``: from the PATH, else the newest Debian-installed version."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if candidates:
        return str(candidates[-1])
    raise BackupError(f"{name} is missing: install PostgreSQL's client (Debian: postgresql-client)")


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def libpq_target(url: URL) -> tuple[str, dict[str, str]]:
    """A libpq connection string for ``url`` without its password, and the environment that
    carries the password (``PGPASSWORD``)."""
    fields: dict[str, str] = {}
    if url.host:
        fields["host"] = url.host
    if url.port:
        fields["port"] = str(url.port)
    if url.username:
        fields["user"] = url.username
    if url.database:
        fields["dbname"] = url.database
    for key, value in url.query.items():  # host=/socket, port, sslmode, ...
        fields[key] = value if isinstance(value, str) else value[-1]
    conninfo = " ".join(f"{key}={_quote(value)}" for key, value in fields.items())
    env = {"PGPASSWORD": url.password} if url.password else {}
    return conninfo, env


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(  # noqa: S603 - our own arguments, no shell
        command,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(f"{tool} failed: {(done.stderr or done.stdout).strip()}")
    return done.stdout


def _plain_url(url: URL) -> str:
    return url.render_as_string(hide_password=False)


# -- the commands -----------------------------------------------------------------------------


def backup(settings: Settings, target: Path, out: TextIO) -> None:
    url = make_url(settings.db_url)
    target = target.absolute()
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist")
    if url.get_backend_name() == "sqlite":
        source = _sqlite_path(url)
        if not source.exists():
            raise BackupError(f"there is no database at {source}")
        own = {Path(f"{source}{suffix}").resolve() for suffix in ("", "-wal", "-shm", "-journal")}
        if target.resolve() in own:  # renamed over a file the server has open: split in two
            raise BackupError(
                f"{target} is the database itself (or one of its files): write the backup "
                "somewhere else, preferably on another disk"
            )
        _refuse_without_our_tables(_sqlite_engine(source), url)
        _sqlite_copy(source, target)
        engine = _sqlite_engine(target)
    elif url.get_backend_name() == "postgresql":
        _refuse_without_our_tables(create_engine(_plain_url(url), hide_parameters=True), url)
        conninfo, env = libpq_target(url)
        temporary = _temporary_beside(target)
        try:
            _run(
                [
                    pg_tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={temporary}",
                    f"--dbname={conninfo}",
                ],
                env,
            )
            _fsync(temporary)
            os.replace(temporary, target)
        finally:
            with suppress(FileNotFoundError):
                temporary.unlink()
        engine = create_engine(_plain_url(url), hide_parameters=True)
    else:
        raise BackupError(f"cannot back up a {url.get_backend_name()} database")
    try:
        keys = check_keys(sealed_rows(engine), _box_or_none(settings) or _no_box())
    finally:
        engine.dispose()
    print(f"backup written to {target} ({describe_keys(keys)})", file=out)
    print(
        f"it opens only with the key file {settings.key_file} as it is now: keep a copy of "
        "that file too, apart from the backups (and a new copy after each rotate-key)",
        file=out,
    )


def _refuse_without_our_tables(engine: Engine, url: URL) -> None:
    """A database that is not the server's (a wrong ``--db``) is not backed up."""
    try:
        if not SEALED_TABLES.issubset(inspect(engine).get_table_names()):
            raise BackupError(
                f"the database {url.render_as_string(hide_password=True)} holds none of the "
                "server's tables: is --db (TWEESTAP_SERVER_DB) the one the server uses?"
            )
    finally:
        engine.dispose()


def _box_or_none(settings: Settings) -> SecretBox | None:
    try:
        return SecretBox.load(settings.key_file)
    except KeyFileError:
        return None


def _no_box() -> SecretBox:
    return SecretBox(secrets.token_bytes(32))  # opens nothing: only the key ids are counted


def restore(settings: Settings, source: Path, out: TextIO) -> None:
    if not source.is_file():
        raise BackupError(f"there is no backup at {source}")
    with source.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    url = make_url(settings.db_url)
    backend = url.get_backend_name()
    kind = (
        "sqlite"
        if head == SQLITE_MAGIC
        else "postgresql"
        if head.startswith(PG_DUMP_MAGIC)
        else None
    )
    if kind is None:
        raise BackupError(f"{source} is neither a SQLite backup nor a pg_dump archive")
    if kind != backend:
        raise BackupError(
            f"{source} is a {kind} backup and the database is {backend}: restore it into a "
            f"{kind} database (--db)"
        )
    try:
        box = SecretBox.load(settings.key_file)
    except KeyFileError as error:
        raise BackupError(
            f"{error}: put the key file that was backed up with this database at "
            f"{settings.key_file} (mode 600) first"
        ) from None
    if kind == "sqlite":
        _restore_sqlite(settings, url, source, box, out)
    else:
        _restore_postgresql(settings, url, source, box, out)


def _restore_sqlite(
    settings: Settings, url: URL, source: Path, box: SecretBox, out: TextIO
) -> None:
    target = _sqlite_path(url)
    try:
        with closing(sqlite3.connect(_read_only_uri(source), uri=True)) as check:
            (answer,) = check.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as error:  # cut short (a full disk, a copy interrupted)
        answer = str(error)
    if answer != "ok":
        raise BackupError(f"{source} is damaged: {answer}")
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(_read_only_uri(source), uri=True),
        hide_parameters=True,
    )
    try:
        if not SEALED_TABLES.issubset(inspect(engine).get_table_names()):
            raise BackupError(
                f"{source} is not a backup of this server (a SQLite database without the "
                "server's tables)"
            )
        keys = check_keys(sealed_rows(engine), box)
    finally:
        engine.dispose()
    refusal = keys.refusal(settings.key_file, box)
    if refusal is not None:
        raise BackupError(refusal)
    if target.exists() and target.stat().st_size > 0:
        existing = _sqlite_engine(target)
        try:
            if _has_our_tables(existing):
                raise BackupError(
                    f"{target} already holds a database: restore into an empty home or "
                    "another --db (or move it aside, with its -wal and -shm files, first)"
                )
        finally:
            existing.dispose()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    ensure_private_database(target)
    _sqlite_copy(source, target)
    _report_restored(keys, target, settings, out)


def _restore_postgresql(
    settings: Settings, url: URL, source: Path, box: SecretBox, out: TextIO
) -> None:
    engine = create_engine(_plain_url(url), hide_parameters=True)
    try:
        if _has_our_tables(engine):
            raise BackupError(
                f"the database {url.database} already has the server's tables: restore into "
                "an empty database (CREATE DATABASE ... OWNER ...)"
            )
        conninfo, env = libpq_target(url)
        # The archive's table of contents first: another application's dump is refused before
        # anything of it is written.
        listed = _run([pg_tool("pg_restore"), "--list", str(source)], env)
        tables = {
            fields[fields.index("TABLE") + 2]
            for fields in (line.split() for line in listed.splitlines())
            if "TABLE" in fields[:4] and len(fields) > fields.index("TABLE") + 2
        }
        if not SEALED_TABLES.issubset(tables):
            raise BackupError(
                f"{source} is not a backup of this server (a pg_dump archive without the "
                "server's tables)"
            )
        _run(
            [
                pg_tool("pg_restore"),
                "--single-transaction",
                "--exit-on-error",
                "--no-owner",
                "--no-privileges",
                f"--dbname={conninfo}",
                str(source),
            ],
            env,
        )
        keys = check_keys(sealed_rows(engine), box)
        refusal = keys.refusal(settings.key_file, box)
        if refusal is not None:  # the database was empty: leave it so
            Base.metadata.drop_all(engine)
            with engine.begin() as connection:  # the migrations' own table came with it
                connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
            raise BackupError(refusal)
    finally:
        engine.dispose()
    _report_restored(keys, url.render_as_string(hide_password=True), settings, out)


def _report_restored(keys: KeyCheck, where: object, settings: Settings, out: TextIO) -> None:
    print(
        f"restored into {where} ({describe_keys(keys)}; they open with {settings.key_file})",
        file=out,
    )
    from server_stub import migrations  # (it imports the models' migrations: only here)

    schema = migrations.describe(settings.db_url)
    if schema.state == "behind":  # a backup from an older server
        print(
            f"its schema is at {schema.describe()}: `tweestap-server db upgrade` (or serve, "
            "at start) brings it up to date",
            file=out,
        )
    elif schema.state == "ahead":  # a backup from a newer server: serve would refuse it
        print(
            f"its schema is at {schema.describe()}: this server will not serve it; run the "
            "version of tweestap-server that made the backup (or a newer one)",
            file=out,
        )
    if keys.unreadable:
        print(
            f"{keys.unreadable} secrets did not open under any key (they were unreadable in the "
            "backup too): those users need a reset of two-step verification",
            file=out,
        )
