"""Authy's shared_prefs token list: plain and with per-token encrypted secrets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.importers import DamagedFile, PasswordNeeded, UnknownFormat, WrongPassword, importer
from tests.desktop.importers.expect import (
    WRONG_PASSWORD,
    Record,
    assert_exactly,
    other_files,
    records,
)
from tests.desktop.importers.fuzzing import FUZZ, FUZZ_SLOW, check, mutations, samples

KEY = "authy"
AUTHY = importer(KEY)
RECORDS = records(KEY)
ENCRYPTED = next(r for r in RECORDS if r.encrypted)
PLAIN = next(r for r in RECORDS if not r.encrypted)


def prefs(tokens_json: str, key: str = "com.authy.storage.tokens.authenticator.key") -> bytes:
    escaped = tokens_json.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return (
        "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n"
        f'    <string name="{key}">{escaped}</string>\n</map>\n'
    ).encode()


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert AUTHY.sniff(record.name, data)
    assert AUTHY.is_encrypted(data) is record.encrypted
    assert_exactly(AUTHY.read(data, record.password), record)


def test_encrypted_sample_needs_the_right_password(tmp_path: Path) -> None:
    data = ENCRYPTED.data(tmp_path)
    with pytest.raises(PasswordNeeded):
        AUTHY.read(data)
    with pytest.raises(WrongPassword):
        AUTHY.read(data, WRONG_PASSWORD)


def test_a_plain_file_ignores_a_password(tmp_path: Path) -> None:
    assert_exactly(AUTHY.read(PLAIN.data(tmp_path), "anything"), PLAIN)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_sample_is_damaged(record: Record, keep: float, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    with pytest.raises(DamagedFile):
        AUTHY.read(data[: int(len(data) * keep)], record.password)


def test_other_corpus_files_are_not_claimed() -> None:
    for path in other_files(KEY):
        assert not AUTHY.sniff(path.name, path.read_bytes()), path


def test_other_xml_is_unknown() -> None:
    with pytest.raises(UnknownFormat):
        AUTHY.read(b"<?xml version='1.0'?><map><string name='x'>y</string></map>")


def test_document_type_declarations_are_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE map [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<map><string name="com.authy.storage.tokens.authenticator.key">&b;</string></map>'
    )
    with pytest.raises(DamagedFile):
        AUTHY.read(bomb)


def test_one_damaged_encrypted_token_is_skipped_and_the_others_imported(tmp_path: Path) -> None:
    data = ENCRYPTED.data(tmp_path).decode()
    damaged = re.sub(r"(encryptedSecret&quot;:&quot;)[^&]{4}", r"\1AAAA", data, count=1)
    assert damaged != data
    result = AUTHY.read(damaged.encode(), ENCRYPTED.password)
    assert len(result.accounts) == len(ENCRYPTED.expected) - 1
    (skipped,) = result.skipped
    assert skipped.label == "Deno: Mason"
    assert "missing or damaged" in skipped.reason.render()


def test_names_follow_the_issuer_rules() -> None:
    tokens = (
        '[{"accountType":"authenticator","decryptedSecret":"JBSWY3DPEHPK3PXP","digits":6,'
        '"originalName":"GitHub:octo","name":"GitHub: octo"},'
        '{"accountType":"authenticator","decryptedSecret":"JBSWY3DPEHPK3PXP","digits":6,'
        '"name":"Example - alice"},'
        '{"accountType":"dropbox","decryptedSecret":"JBSWY3DPEHPK3PXP","digits":8,'
        '"name":"bob@example.com"},'
        '{"accountType":"authenticator","decryptedSecret":"JBSWY3DPEHPK3PXP","digits":6,'
        '"originalIssuer":"Deno","name":"Denominator"}]'
    )
    result = AUTHY.read(prefs(tokens))
    assert [(a.issuer, a.name, a.digits, a.period) for a in result.accounts] == [
        ("GitHub", "octo", 6, 30),
        ("Example", "alice", 6, 30),
        ("Dropbox", "bob@example.com", 8, 30),
        ("Deno", "Denominator", 6, 30),  # the issuer is only removed before a separator
    ]


def test_authy_own_tokens_have_hex_seeds_and_ten_second_codes() -> None:
    tokens = '[{"name":"Twilio","secretSeed":"48656c6c6f21deadbeef","digits":7}]'
    (account,) = AUTHY.read(prefs(tokens, "com.authy.storage.tokens.authy.key")).accounts
    assert (account.issuer, account.name, account.digits, account.period) == ("Twilio", "", 7, 10)
    assert account.secret == bytes.fromhex("48656c6c6f21deadbeef")


def test_a_token_without_a_usable_secret_is_skipped_with_a_reason() -> None:
    tokens = (
        '[{"accountType":"authenticator","decryptedSecret":"not base32!","digits":6,'
        '"originalIssuer":"A","name":"A: one"},'
        '{"accountType":"authenticator","digits":6,"originalIssuer":"B","name":"B: two"},'
        '{"accountType":"authenticator","decryptedSecret":"JBSWY3DPEHPK3PXP","digits":9,'
        '"originalIssuer":"C","name":"C: three"}]'
    )
    result = AUTHY.read(prefs(tokens))
    assert result.accounts == []
    assert [s.label for s in result.skipped] == ["A: one", "B: two", "C: three"]
    assert all(s.reason.render() for s in result.skipped)


@pytest.mark.parametrize("value", ["{}", "[1, 2]", "not json", '{"a": [}'])
def test_a_token_list_that_is_not_a_list_of_objects_is_damaged(value: str) -> None:
    with pytest.raises(DamagedFile):
        AUTHY.read(prefs(value))


@FUZZ
@given(data=st.data())
def test_mutated_samples(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(samples(KEY)))
    check(AUTHY, sample.name, data.draw(mutations(sample.data)), None)


@FUZZ_SLOW
@given(data=st.data())
def test_mutated_encrypted_sample_with_its_password(data: st.DataObject) -> None:
    (sample,) = samples(KEY, encrypted=True)
    check(AUTHY, sample.name, data.draw(mutations(sample.data)), sample.password)
