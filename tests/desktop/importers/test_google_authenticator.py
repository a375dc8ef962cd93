"""Google Authenticator's own SQLite database (table accounts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import DamagedFile, UnknownFormat, importer
from desktop.otp.model import OtpType
from tests.desktop.importers.expect import Record, assert_exactly, other_files, records
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples
from tests.desktop.importers.sqlite_build import database, with_table_page_overwritten

KEY = "google_authenticator"
GOOGLE = importer(KEY)
RECORDS = records(KEY)
(SAMPLE,) = RECORDS
SCHEMA = (
    "CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL, secret TEXT NOT NULL,"
    " counter INTEGER DEFAULT 0, type INTEGER, provider INTEGER DEFAULT 0, issuer TEXT,"
    " original_name TEXT, isencrypted INTEGER DEFAULT 0);"
)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert GOOGLE.sniff(record.name, data)
    assert not GOOGLE.is_encrypted(data)
    assert_exactly(GOOGLE.read(data), record)


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.5])
def test_truncated_sample_is_damaged(keep: float, tmp_path: Path) -> None:
    data = SAMPLE.data(tmp_path)
    with pytest.raises(DamagedFile):
        GOOGLE.read(data[: int(len(data) * keep)])


def test_a_cut_after_the_accounts_loses_none_of_them(tmp_path: Path) -> None:
    """Only pages that are read matter: the last ones hold other tables."""
    data = SAMPLE.data(tmp_path)
    assert_exactly(GOOGLE.read(data[: int(len(data) * 0.9)]), SAMPLE)


def test_a_corrupt_accounts_table_is_damaged(tmp_path: Path) -> None:
    broken = with_table_page_overwritten(tmp_path, SAMPLE.data(tmp_path), "accounts")
    with pytest.raises(DamagedFile):
        GOOGLE.read(broken)


def test_other_corpus_files_are_not_claimed() -> None:
    """Microsoft Authenticator's and Stratum's databases included: their tables differ."""
    for path in other_files(KEY):
        assert not GOOGLE.sniff(path.name, path.read_bytes()), path


def test_another_database_is_unknown(tmp_path: Path) -> None:
    data = database(tmp_path, "CREATE TABLE notes (email TEXT, secret TEXT);", {})
    assert not GOOGLE.sniff("databases", data)
    with pytest.raises(UnknownFormat):
        GOOGLE.read(data)


def test_rows_the_app_encrypted_or_cannot_use_are_skipped(tmp_path: Path) -> None:
    rows: list[tuple[object, ...]] = [
        (1, "Example:alice", "jbsw y3dp ehpk 3pxp", 0, 0, 0, None, None, 0),
        (2, "bob@example.com", "JBSWY3DPEHPK3PXP", 7, 1, 0, "Other", None, 0),
        (3, "Locked:carol", "AAAAAAAAAAAAAAAA", 0, 0, 0, "Locked", None, 1),
        (4, "Odd:dave", "JBSWY3DPEHPK3PXP", 0, 5, 0, "Odd", None, 0),
        (5, "Bad:erin", "not base32!", 0, 0, 0, "Bad", None, 0),
        (6, "Blob:frank", b"\x01\x02", 0, 0, 0, "Blob", None, 0),
    ]
    result = GOOGLE.read(database(tmp_path, SCHEMA, {"accounts": rows}))
    assert [(a.issuer, a.name, a.type, a.counter) for a in result.accounts] == [
        ("Example", "alice", OtpType.TOTP, 0),
        ("Other", "bob@example.com", OtpType.HOTP, 7),
    ]
    reasons = {s.label: s.reason.render() for s in result.skipped}
    assert set(reasons) == {"Locked: carol", "Odd: dave", "Bad: erin", "Blob: frank"}
    assert "cannot import this kind" in reasons["Locked: carol"]
    assert "type 5" in reasons["Odd: dave"]
    assert "missing or damaged" in reasons["Blob: frank"]


@FUZZ
@given(data=st.data())
def test_mutated_sample(data: st.DataObject) -> None:
    (sample,) = samples(KEY)
    check(GOOGLE, sample.name, data.draw(mutations(sample.data)), None)
