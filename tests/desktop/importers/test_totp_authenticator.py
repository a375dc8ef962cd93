"""TOTP Authenticator: the encrypted backup (base64 of AES-256-CBC) and the shared_prefs."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
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
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples

KEY = "totp_authenticator"
TOTP_AUTH = importer(KEY)
RECORDS = records(KEY)
BACKUP = next(r for r in RECORDS if r.encrypted)
INTERNAL = next(r for r in RECORDS if not r.encrypted)
APP_PASSWORD = "TotpAuthenticator"


def backup(entries: list[dict[str, object]], password: str) -> bytes:
    """A backup as the app writes it: the entry list is the first key of an object."""
    return encrypted(json.dumps({json.dumps(entries): "1608293023"}).encode(), password)


def encrypted(plaintext: bytes, password: str) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    key = hashlib.sha256(password.encode()).digest()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(bytes(16))).encryptor()
    return base64.b64encode(encryptor.update(padded) + encryptor.finalize())


def entry(issuer: str, name: str, base: object, key: str) -> dict[str, object]:
    return {"issuer": issuer, "name": name, "base": base, "key": key, "digits": "6"}


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert TOTP_AUTH.sniff(record.name, data)
    assert TOTP_AUTH.is_encrypted(data) is record.encrypted
    assert_exactly(TOTP_AUTH.read(data, record.password), record)


def test_backup_needs_the_right_password(tmp_path: Path) -> None:
    data = BACKUP.data(tmp_path)
    with pytest.raises(PasswordNeeded):
        TOTP_AUTH.read(data)
    with pytest.raises(WrongPassword):
        TOTP_AUTH.read(data, WRONG_PASSWORD)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
@pytest.mark.parametrize("keep", [0.5, 0.75, 0.99])
def test_truncated_sample_is_damaged(record: Record, keep: float, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    with pytest.raises(DamagedFile):
        TOTP_AUTH.read(data[: int(len(data) * keep)], record.password)


def test_a_backup_cut_at_a_block_boundary_is_damaged_not_a_wrong_password(
    tmp_path: Path,
) -> None:
    data = BACKUP.data(tmp_path)
    cut = base64.b64encode(base64.b64decode(data)[:64])
    with pytest.raises(DamagedFile):
        TOTP_AUTH.read(cut, BACKUP.password)


def test_other_corpus_files_are_not_claimed() -> None:
    for path in other_files(KEY):
        assert not TOTP_AUTH.sniff(path.name, path.read_bytes()), path


@pytest.mark.parametrize(
    "data",
    [b"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", b"hello", b""],
)
def test_setup_keys_and_other_text_are_not_claimed(data: bytes) -> None:
    assert not TOTP_AUTH.sniff("key.txt", data)
    with pytest.raises(UnknownFormat):
        TOTP_AUTH.read(data)


def test_a_backup_made_without_a_password_opens_without_one() -> None:
    data = backup([entry("Example", "alice", 32, "JBSWY3DPEHPK3PXP")], APP_PASSWORD)
    assert TOTP_AUTH.sniff("backup.encrypt", data)
    assert not TOTP_AUTH.is_encrypted(data)
    (account,) = TOTP_AUTH.read(data).accounts
    assert (account.issuer, account.name) == ("Example", "alice")
    (again,) = TOTP_AUTH.read(data, "typed anyway").accounts
    assert again.secret == account.secret


def test_key_encodings_and_unusable_entries() -> None:
    data = backup(
        [
            entry("Hex", "a", 16, "48656C6C6F21DEADBEEF"),
            entry("Base32", "b", "32", "JBSWY3DPEHPK3PXP"),
            entry("Base64", "c", 64, base64.b64encode(b"Hello!\xde\xad\xbe\xef").decode()),
            entry("Base8", "d", 8, "1234"),
            entry("Broken", "e", 16, "XYZ"),
        ],
        "secret words",
    )
    result = TOTP_AUTH.read(data, "secret words")
    assert [(a.issuer, a.secret) for a in result.accounts] == [
        ("Hex", b"Hello!\xde\xad\xbe\xef"),
        ("Base32", base64.b32decode("JBSWY3DPEHPK3PXP")),
        ("Base64", b"Hello!\xde\xad\xbe\xef"),
    ]
    assert [s.label for s in result.skipped] == ["Base8: d", "Broken: e"]
    assert all("missing or damaged" in s.reason.render() for s in result.skipped)


@pytest.mark.parametrize(
    "plaintext",
    [
        b'{"\\ud800": "1608293023", "x": 1}',
        b'{"not a list": "1608293023"}',
        b'{"a long enough key": 1',
    ],
)
def test_a_backup_whose_list_does_not_read_is_damaged(plaintext: bytes) -> None:
    with pytest.raises(DamagedFile):
        TOTP_AUTH.read(encrypted(plaintext, "pw"), "pw")


@FUZZ
@given(data=st.data())
def test_mutated_samples(data: st.DataObject) -> None:
    sample = data.draw(st.sampled_from(samples(KEY)))
    mutated = data.draw(mutations(sample.data))
    check(TOTP_AUTH, sample.name, mutated, None)
    if sample.password is not None:
        check(TOTP_AUTH, sample.name, mutated, sample.password)
