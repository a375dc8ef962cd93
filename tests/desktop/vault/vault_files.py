"""What the vault's opening tests share: fast scrypt, the file's header as JSON, a vault
protected by a password, an account to store."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from desktop.otp.model import Account
from desktop.vault import ScryptParams, Vault, open_vault
from desktop.vault import format as fmt
from tests.helpers.fakes import fail_keyring

FAST = ScryptParams(n=2**4, r=8, p=1)
PASSWORD = "correct horse battery staple"
SECRET = b"12345678901234567890"


def vault_file(home: Path) -> Path:
    return home / "vault.tweestap"


def header_of(home: Path) -> dict[str, object]:
    data = vault_file(home).read_bytes()
    (length,) = struct.unpack_from(">I", data, len(fmt.MAGIC))
    start = len(fmt.MAGIC) + 4
    header: dict[str, object] = json.loads(data[start : start + length])
    return header


def key_kind(home: Path) -> object:
    key = header_of(home)["key"]
    assert isinstance(key, dict)
    return key["kind"]


def password_vault(home: Path, monkeypatch: pytest.MonkeyPatch, password: str = PASSWORD) -> Vault:
    monkeypatch.setenv("TWEESTAP_PASSWORD", password)
    vault = open_vault(home, keyring_backend=fail_keyring())
    monkeypatch.delenv("TWEESTAP_PASSWORD")
    return vault


def account() -> Account:
    return Account(issuer="Zilliz", name="anna@zorg.nl", secret=SECRET)


def folder_listing(home: Path) -> list[str]:
    return sorted(p.name for p in home.iterdir())
