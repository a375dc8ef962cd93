"""Authenticator Plus backups: a ZipCrypto ZIP whose Accounts.txt lists otpauth:// links."""

from __future__ import annotations

import io
import zipfile
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
from tests.desktop.importers.fuzzing import FUZZ, check, mutations, samples

KEY = "authenticator_plus"
AUTH_PLUS = importer(KEY)
RECORDS = records(KEY)
(SAMPLE,) = RECORDS
LINK = "otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example"


def plain_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.name)
def test_sample_imports_exactly(record: Record, tmp_path: Path) -> None:
    data = record.data(tmp_path)
    assert AUTH_PLUS.sniff(record.name, data)
    assert AUTH_PLUS.is_encrypted(data)
    assert_exactly(AUTH_PLUS.read(data, record.password), record)


def test_sample_needs_the_right_password(tmp_path: Path) -> None:
    data = SAMPLE.data(tmp_path)
    with pytest.raises(PasswordNeeded):
        AUTH_PLUS.read(data)
    with pytest.raises(WrongPassword):
        AUTH_PLUS.read(data, WRONG_PASSWORD)


@pytest.mark.parametrize("keep", [0.3, 0.7, 0.99])
def test_truncated_sample_is_damaged(keep: float, tmp_path: Path) -> None:
    data = SAMPLE.data(tmp_path)
    with pytest.raises(DamagedFile):
        AUTH_PLUS.read(data[: int(len(data) * keep)], SAMPLE.password)


def test_changed_encrypted_data_is_a_password_that_does_not_open_it(tmp_path: Path) -> None:
    """ZipCrypto cannot tell a wrong password that passes its one-byte check from changed
    data: both end in garbage, and both are told as "the password does not open it"."""
    data = bytearray(SAMPLE.data(tmp_path))
    data[100] ^= 0x40  # inside Accounts.txt's compressed, encrypted bytes
    with pytest.raises(WrongPassword):
        AUTH_PLUS.read(bytes(data), SAMPLE.password)


def test_other_corpus_files_are_not_claimed() -> None:
    for path in other_files(KEY):
        assert not AUTH_PLUS.sniff(path.name, path.read_bytes()), path


def test_an_unencrypted_backup_needs_no_password() -> None:
    data = plain_zip({"backup/Accounts.txt": (LINK + "\n\nnot a link\n").encode()})
    assert AUTH_PLUS.sniff("authplus.zip", data)
    assert not AUTH_PLUS.is_encrypted(data)
    result = AUTH_PLUS.read(data)
    assert [(a.issuer, a.name) for a in result.accounts] == [("Example", "alice")]
    (skipped,) = result.skipped
    assert skipped.reason.render()


def test_a_zip_without_accounts_is_unknown() -> None:
    data = plain_zip({"notes.txt": LINK.encode()})
    assert not AUTH_PLUS.sniff("authplus.zip", data)
    with pytest.raises(UnknownFormat):
        AUTH_PLUS.read(data)


def test_an_implausibly_large_accounts_file_is_refused() -> None:
    data = plain_zip({"Accounts.txt": b" " * (16 * 1024 * 1024 + 1)})
    assert len(data) < 100_000
    with pytest.raises(DamagedFile):
        AUTH_PLUS.read(data)


def test_accounts_that_are_not_text_are_damaged() -> None:
    with pytest.raises(DamagedFile):
        AUTH_PLUS.read(plain_zip({"Accounts.txt": b"\xff\xfe\x00otpauth"}))


@FUZZ
@given(data=st.data())
def test_mutated_sample(data: st.DataObject) -> None:
    (sample,) = samples(KEY)
    mutated = data.draw(mutations(sample.data))
    check(AUTH_PLUS, sample.name, mutated, None)
    check(AUTH_PLUS, sample.name, mutated, sample.password)
