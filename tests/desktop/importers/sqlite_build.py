"""Small SQLite databases shaped like the apps', built in the test's folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def database(folder: Path, schema: str, rows: dict[str, list[tuple[object, ...]]]) -> bytes:
    """The bytes of a new database with ``schema`` and ``rows`` per table."""
    path = folder / "built.sqlite"
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.executescript(schema)
        for table, values in rows.items():
            for row in values:
                marks = ", ".join("?" * len(row))
                connection.execute(f"INSERT INTO {table} VALUES ({marks})", row)  # noqa: S608
        connection.commit()
    finally:
        connection.close()
    return path.read_bytes()


def with_table_page_overwritten(folder: Path, data: bytes, table: str) -> bytes:
    """``data`` with the first page of ``table``'s b-tree filled with garbage."""
    path = folder / "to-break.sqlite"
    path.write_bytes(data)
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        ((root,),) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchall()
    finally:
        connection.close()
    page_size = int.from_bytes(data[16:18], "big")
    start = (root - 1) * page_size
    return data[:start] + b"\xee" * page_size + data[start + page_size :]
