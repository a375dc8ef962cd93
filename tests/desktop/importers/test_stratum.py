"""Stratum beyond the corpus: categories as groups (backup and database), skipped kinds,
and a database in WAL mode read from its bytes alone."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.importers import DamagedFile, detect
from desktop.importers.base import ImportResult
from desktop.importers.stratum import IMPORTER
from desktop.otp.model import Algorithm, OtpType

SECRETS = ["JBSWY3DPEHPK3PXP", "KRSXG5CTMVRXEZLU", "MFRGGZDFMZTWQ2LK", "ONSWG4TFOQ======"]


def authenticator(secret: str, kind: int = 2, algorithm: int = 0, **changes: Any) -> dict[str, Any]:
    return {
        "Type": kind,
        "Icon": None,
        "Issuer": f"I-{secret[:4]}",
        "Username": "user",
        "Secret": secret,
        "Pin": None,
        "Algorithm": algorithm,
        "Digits": 6,
        "Period": 30,
        "Counter": 0,
        "Ranking": 0,
        **changes,
    }


def groups_of(result: ImportResult) -> dict[str, list[str]]:
    by_id = {a.id: a.issuer for a in result.accounts}
    return {name: sorted(by_id[i] for i in ids) for name, ids in result.groups.items()}


def test_categories_of_a_backup_become_groups() -> None:
    backup = {
        "Authenticators": [authenticator(SECRETS[0]), authenticator(SECRETS[1])],
        "Categories": [{"Id": "c1", "Name": "Work", "Ranking": 0}],
        "AuthenticatorCategories": [
            {"CategoryId": "c1", "AuthenticatorSecret": SECRETS[1], "Ranking": 0},
            {"CategoryId": "gone", "AuthenticatorSecret": SECRETS[0], "Ranking": 0},
        ],
        "CustomIcons": [],
    }
    result = IMPORTER.read(json.dumps(backup).encode())
    assert groups_of(result) == {"Work": ["I-KRSX"]}


def test_motp_yandex_and_md5_are_skipped_with_a_reason() -> None:
    backup = {
        "Authenticators": [
            authenticator(SECRETS[0], kind=3, algorithm=3),
            authenticator(SECRETS[1], kind=5, algorithm=1),
            authenticator(SECRETS[2], kind=2, algorithm=3),
            authenticator(SECRETS[3], kind=2, algorithm=2),
        ]
    }
    result = IMPORTER.read(json.dumps(backup).encode())
    assert [(a.issuer, a.algorithm) for a in result.accounts] == [("I-ONSW", Algorithm.SHA512)]
    reasons = [s.reason.render() for s in result.skipped]
    assert "mOTP" in reasons[0] and "Yandex" in reasons[1] and "MD5" in reasons[2]


def make_database(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.executescript(
            """
            CREATE TABLE "authenticator" ("type" integer, "icon" varchar, "issuer" varchar(32),
              "username" varchar(40), "secret" varchar primary key not null, "pin" varchar,
              "algorithm" integer, "digits" integer, "period" integer, "counter" integer,
              "ranking" integer);
            CREATE TABLE "category" ("id" varchar(8) primary key not null, "name" varchar(32),
              "ranking" integer);
            CREATE TABLE "authenticatorcategory" ("categoryId" varchar,
              "authenticatorSecret" varchar, "ranking" integer);
            """
        )
        rows = [
            (4, None, "Steam", "gamer", SECRETS[0], None, 0, 5, 30, 0, 0),
            (1, None, "Bank", "me", SECRETS[1], None, 1, 8, 30, 7, 1),
            (2, None, "Blob", "x", SECRETS[2], None, 0, b"\x06", 30, 0, 2),
        ]
        connection.executemany("INSERT INTO authenticator VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        connection.execute("INSERT INTO category VALUES ('c', 'Games', 0)")
        connection.execute("INSERT INTO authenticatorcategory VALUES ('c', ?, 0)", (SECRETS[0],))
    connection.close()


def test_a_wal_mode_database_is_read_from_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "proauth.db3"
    make_database(path)
    data = path.read_bytes()
    assert data[18:20] == b"\x02\x02"  # WAL mode in the header
    assert detect("proauth.db3", data).key == "stratum"
    result = IMPORTER.read(data)
    assert [(a.issuer, a.type, a.digits, a.counter) for a in result.accounts] == [
        ("Steam", OtpType.STEAM, 5, 0),
        ("Bank", OtpType.HOTP, 8, 7),
    ]
    assert [s.label for s in result.skipped] == ["Blob: x"]  # digits stored as a blob
    assert groups_of(result) == {"Games": ["Steam"]}


def test_a_database_without_the_table_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE accounts (x)")
    connection.commit()
    connection.close()
    with pytest.raises(DamagedFile):
        IMPORTER.read(path.read_bytes())
    assert not IMPORTER.sniff("other.db", path.read_bytes())


@pytest.mark.parametrize("header", [b"AUTHENTICATORPRO", b"AuthenticatorPro"])
def test_a_truncated_encrypted_backup_is_damaged(header: bytes) -> None:
    with pytest.raises(DamagedFile):
        IMPORTER.read(header + b"\x00" * 20, "test")
