"""Microsoft Authenticator's SQLite database PhoneFactor (table accounts)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import DamagedFile, UnknownFormat, importer
from tests.desktop.importers.expect import Record, assert_exactly, other_files, records
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples
from tests.desktop.importers.sqlite_build import database, with_table_page_overwritten

KEY = "microsoft_authenticator"
MICROSOFT = importer(KEY)
RECORDS = records(KEY)
(SAMPLE,) = RECORDS
SCHEMA = (
    "CREATE TABLE accounts (_id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " username TEXT NOT NULL, oath_secret_key TEXT NOT NULL, account_type INTEGER NOT NULL,"
    " encrypted_oath_secret_key TEXT NOT NULL);"
)
MICROSOFT_KEY = bytes(range(20))


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert MICROSOFT.sniff(record.name, data)
    assert not MICROSOFT.is_encrypted(data)
    assert_exactly(MICROSOFT.read(data), record)


@pytest.mark.parametrize("keep", [0.1, 0.3, 0.5])
def test_truncated_sample_is_damaged(keep: float, tmp_path: Path) -> None:
    data = SAMPLE.data(tmp_path)
    with pytest.raises(DamagedFile):
        MICROSOFT.read(data[: int(len(data) * keep)])


def test_a_cut_after_the_accounts_loses_none_of_them(tmp_path: Path) -> None:
    """Only pages that are read matter: the last ones hold other tables."""
    data = SAMPLE.data(tmp_path)
    assert_exactly(MICROSOFT.read(data[: int(len(data) * 0.9)]), SAMPLE)


def test_a_corrupt_accounts_table_is_damaged(tmp_path: Path) -> None:
    broken = with_table_page_overwritten(tmp_path, SAMPLE.data(tmp_path), "accounts")
    with pytest.raises(DamagedFile):
        MICROSOFT.read(broken)


def test_other_corpus_files_are_not_claimed() -> None:
    """Google Authenticator's and Stratum's databases included: their tables differ."""
    for path in other_files(KEY):
        assert not MICROSOFT.sniff(path.name, path.read_bytes()), path


def test_another_database_is_unknown(tmp_path: Path) -> None:
    data = database(tmp_path, "CREATE TABLE accounts (email TEXT, secret TEXT);", {})
    assert not MICROSOFT.sniff("PhoneFactor", data)
    with pytest.raises(UnknownFormat):
        MICROSOFT.read(data)


def test_account_types_decide_the_key_encoding_and_digits(tmp_path: Path) -> None:
    encoded = base64.b64encode(MICROSOFT_KEY).decode()
    rows: list[tuple[object, ...]] = [
        (1, "Example", "alice", "JBSWY3DPEHPK3PXP", 0, ""),
        (2, "Microsoft", "bob@outlook.com", encoded, 1, ""),
        (3, "Microsoft", "carol@outlook.com", encoded.rstrip("="), 1, ""),
        (4, "Contoso", "dave@contoso.com", "", 2, ""),
        (5, "Locked", "erin", "", 0, "c2VhbGVk"),
        (6, "Bad", "frank", "!!!", 1, ""),
    ]
    result = MICROSOFT.read(database(tmp_path, SCHEMA, {"accounts": rows}))
    assert [(a.issuer, a.name, a.digits, a.secret) for a in result.accounts] == [
        ("Example", "alice", 6, base64.b32decode("JBSWY3DPEHPK3PXP")),
        ("Microsoft", "bob@outlook.com", 8, MICROSOFT_KEY),
        ("Microsoft", "carol@outlook.com", 8, MICROSOFT_KEY),
    ]
    reasons = {s.label: s.reason.render() for s in result.skipped}
    assert "cannot import this kind" in reasons["Contoso: dave@contoso.com"]
    assert "cannot import this kind" in reasons["Locked: erin"]
    assert "missing or damaged" in reasons["Bad: frank"]


@FUZZ
@given(data=st.data())
def test_mutated_sample(data: st.DataObject) -> None:
    (sample,) = samples(KEY)
    check(MICROSOFT, sample.name, data.draw(mutations(sample.data)), None)
