"""Tweestap's backup file: round trips, wrong passwords, weak passwords, damaged files."""

from __future__ import annotations

import base64
import json
import struct
from datetime import UTC, datetime

import pytest
from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exporters import NothingToExport, WeakPassword, check_password
from desktop.exporters import backup as fmt
from desktop.exporters.backup import Argon2Params
from desktop.importers import DamagedFile, ImportProblem, PasswordNeeded, WrongPassword
from desktop.importers.tweestap_backup import IMPORTER, BackupTooNew
from desktop.otp.codes import code_at
from desktop.otp.model import Account, Algorithm, OtpType

FAST = Argon2Params(memory_kib=64, iterations=1, parallelism=1)
PASSWORD = "correct horse battery"
CREATED = datetime(2024, 6, 17, 9, 30, tzinfo=UTC)
T = 1_718_616_600.0


def accounts() -> list[Account]:
    return [
        Account(issuer="Zilliz", name="anna@zorg.nl", secret=b"12345678901234567890", id="a1"),
        Account(
            issuer="",
            name="vpn",
            secret=b"\x00\xff" * 10,
            type=OtpType.HOTP,
            counter=41,
            algorithm=Algorithm.SHA512,
            digits=8,
            id="b2",
        ),
        Account(
            issuer="Steam",
            name="gamer",
            secret=b"steam-secret!",
            type=OtpType.STEAM,
            digits=5,
            id="c3",
        ),
        Account(issuer="Intranet", name="jan", secret=b"another key", period=60, digits=7, id="d4"),
    ]


def backup(password: str = PASSWORD, **kwargs: object) -> bytes:
    return fmt.write_backup(accounts(), password, created=CREATED, params=FAST, **kwargs)  # type: ignore[arg-type]


def split(data: bytes) -> tuple[dict[str, object], int]:
    (length,) = struct.unpack_from(">I", data, len(fmt.MAGIC))
    start = len(fmt.MAGIC) + 4
    return json.loads(data[start : start + length]), start + length


def test_round_trip_keeps_every_account_in_order_with_the_same_codes() -> None:
    restored = fmt.read_backup(backup(), PASSWORD)
    assert restored.accounts == tuple(accounts())
    assert [code_at(a, T) for a in restored.accounts] == [code_at(a, T) for a in accounts()]
    assert restored.created == "2024-06-17T09:30:00Z"
    assert restored.groups == {}


def test_groups_survive_and_only_name_accounts_in_the_backup() -> None:
    data = backup(groups={"Werk": ["a1", "b2", "gone"]})
    assert fmt.read_backup(data, PASSWORD).groups == {"Werk": ["a1", "b2"]}
    result = IMPORTER.read(data, PASSWORD)
    assert result.groups == {"Werk": ["a1", "b2"]}


def test_header_documents_argon2id_parameters_and_hides_nothing_secret() -> None:
    data = fmt.write_backup(accounts(), PASSWORD, created=CREATED)
    assert data.startswith(b"TWEESTAP BACKUP\n")
    header, _ = split(data)
    assert header["format"] == 1
    assert header["cipher"] == "AES-256-GCM"
    assert header["created"] == "2024-06-17T09:30:00Z"
    kdf = header["kdf"]
    assert isinstance(kdf, dict)
    assert {k: kdf[k] for k in ("name", "version", "memory_kib", "iterations", "parallelism")} == {
        "name": "argon2id",
        "version": 19,
        "memory_kib": 65536,
        "iterations": 3,
        "parallelism": 4,
    }
    assert len(base64.b64decode(kdf["salt"])) == 16
    assert b"anna" not in data and b"GEZDGNBV" not in data and b"Zilliz" not in data


def test_decodes_by_the_document_alone() -> None:
    """docs/backup-format.md, followed step by step with the libraries, not our code."""
    data = backup()
    header, end = split(data)
    kdf = header["kdf"]
    assert isinstance(kdf, dict)
    master = hash_secret_raw(
        PASSWORD.encode(),
        base64.b64decode(kdf["salt"]),
        kdf["iterations"],
        kdf["memory_kib"],
        kdf["parallelism"],
        32,
        Type.ID,
        19,
    )

    def hkdf(info: bytes, length: int) -> bytes:
        return HKDF(hashes.SHA256(), length, None, info).derive(master)

    assert base64.b64decode(str(header["check"])) == hkdf(b"tweestap backup v1 key check", 16)
    plaintext = AESGCM(hkdf(b"tweestap backup v1 encryption key", 32)).decrypt(
        data[end : end + 12], data[end + 12 :], data[:end]
    )
    contents = json.loads(plaintext)
    assert set(contents) == {"accounts", "groups"}
    assert contents["accounts"][0] == {
        "id": "a1",
        "type": "totp",
        "issuer": "Zilliz",
        "name": "anna@zorg.nl",
        "secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        "algorithm": "SHA1",
        "digits": 6,
        "period": 30,
        "counter": 0,
    }
    assert contents["accounts"][1]["counter"] == 41


def test_every_backup_has_a_fresh_salt_and_nonce() -> None:
    first, second = backup(), backup()
    assert split(first)[0]["kdf"] != split(second)[0]["kdf"]
    assert first[split(first)[1] :][:12] != second[split(second)[1] :][:12]


def test_password_is_normalised_so_every_keyboard_opens_it() -> None:
    data = backup(password="cafe\u0301-wachtwoord")  # e + combining acute
    assert fmt.read_backup(data, "caf\u00e9-wachtwoord").accounts == tuple(accounts())


def test_wrong_password_is_told_apart_from_damage() -> None:
    data = backup()
    with pytest.raises(fmt.WrongBackupPassword):
        fmt.read_backup(data, "not the password")
    with pytest.raises(WrongPassword) as wrong:
        IMPORTER.read(data, "not the password")
    assert wrong.value.render() == (
        "The password does not open this Tweestap file. Nothing was imported."
    )


def test_importer_sniffs_asks_for_a_password_and_reads() -> None:
    data = backup()
    assert IMPORTER.sniff("anything.bin", data)
    assert not IMPORTER.sniff("x.json", b'{"version": 1}')
    assert IMPORTER.is_encrypted(data)
    with pytest.raises(PasswordNeeded):
        IMPORTER.read(data)
    result = IMPORTER.read(data, PASSWORD)
    assert result.format_key == "tweestap"
    assert result.accounts == accounts()
    assert result.skipped == []


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("", "An encrypted export needs a password"),
        ("kort", "too short: use at least 8 characters"),
        ("1234567", "too short"),
        ("aaaaaaaaaaaa", "one character repeated"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password: str, reason: str) -> None:
    with pytest.raises(WeakPassword) as weak:
        backup(password=password)
    assert reason in weak.value.render()


def test_eight_characters_are_enough() -> None:
    check_password("abcdefgh")
    assert fmt.read_backup(backup(password="abcdefgh"), "abcdefgh").accounts


def test_nothing_to_back_up() -> None:
    with pytest.raises(NothingToExport):
        fmt.write_backup([], PASSWORD, created=CREATED, params=FAST)


def test_header_cannot_be_changed_without_detection() -> None:
    data = backup()
    changed = data.replace(b'"created":"2024-06-17T09:30:00Z"', b'"created":"2024-06-18T09:30:00Z"')
    assert changed != data
    with pytest.raises(DamagedFile):
        IMPORTER.read(changed, PASSWORD)


def test_newer_format_is_refused_as_too_new() -> None:
    data = backup()
    newer = data.replace(b'"format":1', b'"format":2')
    with pytest.raises(BackupTooNew) as too_new:
        IMPORTER.read(newer, PASSWORD)
    assert "newer version of Tweestap (format 2)" in too_new.value.render()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (b'"memory_kib":64', b'"memory_kib":9999999'),
        (b'"iterations":1', b'"iterations":99'),
        (b'"parallelism":1', b'"parallelism":0'),
        (b'"name":"argon2id"', b'"name":"argon2i"'),
    ],
)
def test_hostile_kdf_parameters_are_refused_before_deriving(field: bytes, value: bytes) -> None:
    data = backup()
    assert field in data
    with pytest.raises(DamagedFile):
        IMPORTER.read(data.replace(field, value), PASSWORD)


_SAMPLE = fmt.write_backup(accounts(), PASSWORD, created=CREATED, params=FAST)


@settings(max_examples=150, deadline=None)
@given(
    cut=st.integers(min_value=0, max_value=len(_SAMPLE) - 1),
    flips=st.lists(
        st.tuples(st.integers(0, len(_SAMPLE) - 1), st.integers(1, 255)),
        max_size=3,
        unique_by=lambda flip: flip[0],  # the same byte flipped twice would undo itself
    ),
    tail=st.binary(max_size=8),
    how=st.sampled_from(["truncate", "flip", "append"]),
)
def test_damaged_backups_only_ever_raise_import_problems(
    cut: int, flips: list[tuple[int, int]], tail: bytes, how: str
) -> None:
    data = bytearray(_SAMPLE)
    if how == "truncate":
        data = data[:cut]
    elif how == "flip":
        for position, mask in flips or [(cut, 1)]:
            data[position] ^= mask
    else:
        data += tail or b"\x00"
    with pytest.raises(ImportProblem):
        IMPORTER.read(bytes(data), PASSWORD)
