"""Bitwarden, Duo, Proton Authenticator and Steam beyond the corpus."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.importers import DamagedFile, detect
from desktop.importers._problems import EncryptionNotSupported
from desktop.importers.bitwarden import IMPORTER as BITWARDEN
from desktop.importers.duo import IMPORTER as DUO
from desktop.importers.proton_authenticator import IMPORTER as PROTON
from desktop.importers.steam import IMPORTER as STEAM
from desktop.otp.model import OtpType
from desktop.otp.secret import format_setup_key

KEY = "JBSWY3DPEHPK3PXP"


def item(name: str, totp: object, username: str | None = None) -> dict[str, Any]:
    return {
        "type": 1,
        "name": name,
        "login": {"uris": [], "username": username, "password": "hunter2", "totp": totp},
    }


def bitwarden(*items: dict[str, Any]) -> bytes:
    return json.dumps({"encrypted": False, "folders": [], "items": list(items)}).encode()


def test_bitwarden_totp_field_forms() -> None:
    result = BITWARDEN.read(
        bitwarden(
            item("Site", f"otpauth://totp/?secret={KEY}", "ann"),  # link without any name
            item("Bare", f" {KEY.lower()} ", "bob"),
            item("Game", f"steam://{KEY}", "gamer"),
            item("Note", None),
            {"type": 2, "name": "Secure note", "notes": "no login"},
            item("Broken", "not a key!", "x"),
        )
    )
    assert [(a.issuer, a.name, a.type) for a in result.accounts] == [
        ("Site", "ann", OtpType.TOTP),
        ("Bare", "bob", OtpType.TOTP),
        ("Steam", "gamer", OtpType.STEAM),
    ]
    assert {format_setup_key(a.secret) for a in result.accounts} == {KEY}
    assert [s.label for s in result.skipped] == ["Broken: x"]


def test_bitwarden_csv_with_quoted_cells_and_items_without_totp() -> None:
    data = (
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,"
        "login_password,login_totp\n"
        ',,login,"Bank, Inc.","line 1\nline 2",,0,https://bank.example,me,pw,'
        f'"otpauth://totp/Bank:me?secret={KEY}&issuer=Bank"\n'
        ",,login,Mail,,,0,,me,pw,\n"
        ",,note,Note,text,,0,,,,\n"
    ).encode()
    assert detect("bitwarden_export.csv", data).key == "bitwarden"
    result = BITWARDEN.read(data)
    assert [(a.issuer, a.name) for a in result.accounts] == [("Bank", "me")]


def test_bitwarden_csv_with_broken_quoting_is_damaged() -> None:
    data = b'name,login_totp\n"unterminated,' + KEY.encode() + b'\n"x"y,z\n'
    with pytest.raises(DamagedFile):
        BITWARDEN.read(data)


def test_encrypted_bitwarden_exports_are_refused_with_what_to_do() -> None:
    data = json.dumps(
        {
            "encrypted": True,
            "passwordProtected": True,
            "salt": "c2FsdA==",
            "kdfType": 0,
            "kdfIterations": 600000,
            "encKeyValidation_DO_NOT_EDIT": "2.aaa|bbb|ccc",
            "data": "2.aaa|bbb|ccc",
        }
    ).encode()
    assert detect("bitwarden_encrypted_export.json", data).key == "bitwarden"
    with pytest.raises(EncryptionNotSupported) as refused:
        BITWARDEN.read(data)
    assert "without a password" in refused.value.render()


def test_duo_push_accounts_are_skipped_with_a_reason() -> None:
    data = json.dumps(
        [
            {"name": "Work VPN", "pkey": "abc", "accountType": "DuoAccount"},
            {"name": "Site", "otpGenerator": {"otpSecret": KEY}, "pkey": "def"},
        ]
    ).encode()
    result = DUO.read(data)
    assert [(a.issuer, a.name) for a in result.accounts] == [("", "Site")]
    assert [s.label for s in result.skipped] == ["Work VPN"]
    assert "push account" in result.skipped[0].reason.render()


def test_proton_steam_entries_and_names_from_the_entry() -> None:
    data = json.dumps(
        {
            "version": 1,
            "entries": [
                {
                    "id": "1",
                    "content": {"uri": f"steam://{KEY}", "entry_type": "Steam", "name": "me"},
                },
                {"id": "2", "content": {"uri": f"otpauth://totp/?secret={KEY}", "name": "Named"}},
                {"id": "3", "content": {"uri": "https://example.com", "name": "Web"}},
            ],
        }
    ).encode()
    result = PROTON.read(data)
    assert [(a.issuer, a.name, a.type) for a in result.accounts] == [
        ("Steam", "me", OtpType.STEAM),
        ("", "Named", OtpType.TOTP),
    ]
    assert [s.label for s in result.skipped] == ["Web"]


def test_proton_password_protected_export_is_refused_in_words() -> None:
    data = json.dumps({"version": 1, "salt": "c2FsdA==", "content": "ZW5jcnlwdGVk"}).encode()
    assert detect("proton_authenticator_backup.json", data).key == "proton_authenticator"
    with pytest.raises(EncryptionNotSupported):
        PROTON.read(data)


def test_steam_files_with_several_accounts_and_a_bad_secret() -> None:
    data = json.dumps(
        {
            "accounts": {
                "1": {"shared_secret": "THIl8+Jl6ugxr8x0X6eRMg==", "account_name": "one"},
                "2": {"shared_secret": "not base64!", "account_name": "two"},
            }
        }
    ).encode()
    result = STEAM.read(data)
    assert [(a.issuer, a.name) for a in result.accounts] == [("Steam", "one")]
    assert [s.label for s in result.skipped] == ["Steam: two"]
