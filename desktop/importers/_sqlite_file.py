"""Reading an app's SQLite database from bytes, without touching the file it came from.

SQLite needs a file: the bytes go to a private temporary folder (0700, the file 0600),
are opened read-only and immutable (no journal, no ``-wal``/``-shm`` next to it, which
also reads a WAL-mode database), and are removed afterwards. A damaged or hostile
database only ever gives :class:`DamagedFile`: every statement runs under a step budget,
and the schema's own SQL functions are not trusted.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.importers.base import DamagedFile, ImportProblem, UnknownFormat

MAGIC = b"SQLite format 3\x00"
_STEPS_PER_CHECK = 10_000
_MAX_CHECKS = 5_000  # 50 million virtual-machine steps: far more than any real database needs


class TemporaryCopyFailed(ImportProblem):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Tweestap could not make a private temporary copy of this file to read it. "
                "Check that there is free disk space and try again.",
            )
        )


def is_sqlite(data: bytes) -> bool:
    return data.startswith(MAGIC)


@contextmanager
def open_copy(data: bytes, format_title: str) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a private copy of ``data``; every SQLite error inside
    the ``with`` block becomes :class:`DamagedFile`."""
    if not is_sqlite(data):
        raise DamagedFile(format_title, "no SQLite header")
    with ExitStack() as stack:
        try:
            copy = private_copy(data, "import.sqlite", ignore_cleanup_errors=True)
            path = stack.enter_context(copy)
        except OSError as error:
            raise TemporaryCopyFailed() from error
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        except sqlite3.Error as error:
            raise DamagedFile(format_title, f"sqlite: {error}") from error
        try:
            _limit(connection)
            yield connection
        except (sqlite3.Error, UnicodeDecodeError) as error:  # a column name that is no UTF-8
            raise DamagedFile(format_title, f"sqlite: {error}") from error
        finally:
            connection.close()


def _limit(connection: sqlite3.Connection) -> None:
    checks = 0

    def budget() -> int:
        nonlocal checks
        checks += 1
        return 1 if checks > _MAX_CHECKS else 0  # non-zero interrupts the statement

    connection.set_progress_handler(budget, _STEPS_PER_CHECK)
    # Text that is not UTF-8 is the app's odd name for an account, not a damaged file.
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    connection.execute("PRAGMA trusted_schema = OFF")


def table_columns(connection: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """Every table and the names of its columns."""
    found: dict[str, set[str]] = {}
    rows = connection.execute(
        "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table'"
    )
    for table, column in rows:
        if isinstance(table, str) and isinstance(column, str):
            found.setdefault(table, set()).add(column)
    return {table: frozenset(columns) for table, columns in found.items()}


def has_columns(connection: sqlite3.Connection, table: str, columns: frozenset[str]) -> bool:
    return table_columns(connection).get(table, frozenset()).issuperset(columns)


def table_rows(
    data: bytes, format_title: str, table: str, columns: frozenset[str]
) -> Iterator[tuple[int, dict[str, object]]]:
    """``(row number, column -> value)`` of every row of ``table``, from 1. ``data`` that is
    no database with that table (having ``columns``) is :class:`UnknownFormat`; an error
    while reading is :class:`DamagedFile`."""
    if not is_sqlite(data):
        raise UnknownFormat()
    with open_copy(data, format_title) as connection:
        if not has_columns(connection, table, columns):
            raise UnknownFormat()
        cursor = connection.execute(f"SELECT * FROM {table}")  # noqa: S608 - the caller's constant
        names = [column[0] for column in cursor.description]
        for number, values in enumerate(cursor, start=1):
            yield number, dict(zip(names, values, strict=True))


def has_table(data: bytes, table: str, columns: frozenset[str]) -> bool:
    """Whether ``data`` is a database with ``table`` having (at least) ``columns``.

    The column names are looked for in the raw bytes first (the schema is stored as
    text), so most other files are turned away without writing anything to disk.
    """
    if not is_sqlite(data) or not all(name.encode() in data for name in (table, *columns)):
        return False
    try:
        with open_copy(data, "SQLite") as connection:
            return has_columns(connection, table, columns)
    except ImportProblem:
        return False


@contextmanager
def private_copy(data: bytes, name: str, *, ignore_cleanup_errors: bool = False) -> Iterator[Path]:
    """``data`` in a file ``name`` that only this user can read (0600, in a new folder of
    its own, 0700), for a reader that needs a file; removed with its folder afterwards.
    ``OSError`` when the copy cannot be made."""
    with tempfile.TemporaryDirectory(
        prefix="tweestap-import-", ignore_cleanup_errors=ignore_cleanup_errors
    ) as folder:
        path = Path(folder) / name
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as copy:
            copy.write(data)
        yield path
