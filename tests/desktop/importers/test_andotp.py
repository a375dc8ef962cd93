"""andOTP beyond the corpus: recognising encrypted files, entry types, bounded work."""

from __future__ import annotations

import json
import os
import time

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from desktop.importers import DamagedFile, UnknownFormat, WrongPassword, detect
from desktop.importers.andotp import IMPORTER
from desktop.otp.model import OtpType

ENTRIES = [
    {"secret": "JBSWY3DPEHPK3PXP====", "issuer": "A", "label": "a", "type": "TOTP"},
    {"secret": "JBSWY3DPEHPK3PXP", "issuer": "S", "label": "s", "type": "STEAM"},
    {"secret": "JBSWY3DPEHPK3PXP", "issuer": "M", "label": "m", "type": "MOTP"},
]


def new_format(plaintext: bytes, password: str, iterations: int) -> bytes:
    salt, nonce = os.urandom(12), os.urandom(12)
    key = PBKDF2HMAC(hashes.SHA1(), 32, salt, iterations).derive(password.encode())  # noqa: S303
    sealed = AESGCM(key).encrypt(nonce, plaintext, None)
    return iterations.to_bytes(4, "big") + salt + nonce + sealed


def test_entry_types() -> None:
    result = IMPORTER.read(json.dumps(ENTRIES).encode())
    assert [(a.issuer, a.type, a.digits) for a in result.accounts] == [
        ("A", OtpType.TOTP, 6),
        ("S", OtpType.STEAM, 5),
    ]
    assert [s.label for s in result.skipped] == ["M: m"]


def test_the_new_format_is_recognised_by_its_iteration_count_whatever_the_name() -> None:
    data = new_format(json.dumps(ENTRIES).encode(), "pw", 150_000)
    assert detect("backup.bin", data).key == "andotp"
    assert len(IMPORTER.read(data, "pw").accounts) == 2


def test_other_binary_files_are_not_taken_for_andotp_backups() -> None:
    data = bytes(range(256)) * 4
    with pytest.raises(UnknownFormat):
        detect("photo.raw", data)


def test_text_that_is_not_json_is_damaged_not_encrypted() -> None:
    assert not IMPORTER.is_encrypted(b"just some words")
    with pytest.raises(DamagedFile):
        IMPORTER.read(b"just some words", "pw")


def test_an_absurd_iteration_count_costs_nothing() -> None:
    data = new_format(b"[]", "pw", 1000)
    hostile = (2**32 - 1).to_bytes(4, "big") + data[4:]
    started = time.monotonic()
    with pytest.raises(WrongPassword):
        IMPORTER.read(hostile, "pw")
    assert time.monotonic() - started < 1
