"""The private temporary copy through which app databases are read (_sqlite_file)."""

from __future__ import annotations

import sqlite3
import stat
import tempfile
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest

from desktop.importers import DamagedFile, importer
from desktop.importers import _sqlite_file as sqlite_file
from tests.desktop.importers.expect import records

SAMPLE = records("google_authenticator")[0]


def test_the_copy_is_private_read_only_and_removed_afterwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    opened: list[tuple[str, int, int]] = []
    real_connect = sqlite3.connect

    def spy(database: str, *, uri: bool = False) -> sqlite3.Connection:
        path = Path(url2pathname(urlsplit(database).path))
        opened.append((database, path.stat().st_mode, path.parent.stat().st_mode))
        return real_connect(database, uri=uri)

    monkeypatch.setattr(sqlite3, "connect", spy)
    data = SAMPLE.data(tmp_path)
    assert len(importer("google_authenticator").read(data).accounts) == len(SAMPLE.expected)
    assert opened
    for database, file_mode, folder_mode in opened:
        assert database.endswith("?mode=ro&immutable=1")
        assert stat.S_IMODE(file_mode) == 0o600
        assert stat.S_IMODE(folder_mode) == 0o700
    assert list(scratch.iterdir()) == []


def test_a_runaway_statement_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_file, "_MAX_CHECKS", 10)
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c"
    with (
        pytest.raises(DamagedFile, match="damaged"),
        sqlite_file.open_copy(SAMPLE.data(tmp_path), "Test") as connection,
    ):
        connection.execute(endless).fetchall()


def test_bytes_that_are_no_database_are_damaged() -> None:
    with (
        pytest.raises(DamagedFile),
        sqlite_file.open_copy(b"SQLite format 3\x00" + b"\x00" * 90, "T") as c,
    ):
        c.execute("SELECT * FROM sqlite_master").fetchall()
    with pytest.raises(DamagedFile), sqlite_file.open_copy(b"not a database", "T"):
        pass


def test_no_room_for_the_copy_is_told_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", "/nonexistent/tweestap-test")
    with pytest.raises(sqlite_file.TemporaryCopyFailed) as refused:
        importer("google_authenticator").read(b"SQLite format 3\x00" + b"\x00" * 100)
    assert "temporary copy" in refused.value.render()


def test_sniffing_a_database_with_other_tables_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The column names are looked for in the bytes before any copy is made."""
    database = next(r for r in records("stratum") if r.name.endswith(".db")).data(tmp_path)

    def no_copy(*args: object, **kwargs: object) -> None:
        raise AssertionError("a temporary copy was made")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", no_copy)
    assert not importer("microsoft_authenticator").sniff("authenticator.db", database)
    assert not importer("google_authenticator").sniff("authenticator.db", database)
