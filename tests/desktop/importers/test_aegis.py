"""Aegis vaults beyond the corpus: content version 3 and its groups, other slot types,
skipped entry types, newer versions and hostile key-derivation parameters."""

from __future__ import annotations

import base64
import json
import os
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.importers import DamagedFile, PasswordNeeded, WrongPassword, read_bytes
from desktop.importers._problems import NewerVersion
from desktop.importers.aegis import IMPORTER, NoPasswordSlot
from desktop.importers.base import ImportResult
from desktop.otp.model import OtpType

SECRET = "JBSWY3DPEHPK3PXP"
WORK, HOME = "c0ffee00-0000-4000-8000-000000000001", "c0ffee00-0000-4000-8000-000000000002"


def entry(kind: str = "totp", **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "type": kind,
        "uuid": os.urandom(16).hex(),
        "name": "alice",
        "issuer": "Example",
        "note": "",
        "favorite": False,
        "icon": None,
        "info": {"secret": SECRET, "algo": "SHA1", "digits": 6, "period": 30},
        "groups": [],
    }
    base.update(changes)
    return base


def plain(content: dict[str, Any]) -> bytes:
    return json.dumps(
        {"version": 1, "header": {"slots": None, "params": None}, "db": content}
    ).encode()


def content_v3(*entries: object) -> dict[str, Any]:
    return {
        "version": 3,
        "entries": list(entries),
        "groups": [{"uuid": WORK, "name": "Work"}, {"uuid": HOME, "name": "Home"}],
    }


def password_slot(master: bytes, password: str) -> dict[str, Any]:
    salt = os.urandom(32)
    n, r, p = 2**4, 8, 1  # weak on purpose: the parameters are read from the slot
    wrapping = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode())
    nonce = os.urandom(12)
    sealed = AESGCM(wrapping).encrypt(nonce, master, None)
    return {
        "type": 1,
        "uuid": os.urandom(16).hex(),
        "key": sealed[:-16].hex(),
        "key_params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()},
        "n": n,
        "r": r,
        "p": p,
        "salt": salt.hex(),
    }


def biometric_slot(master: bytes) -> dict[str, Any]:
    nonce, key = os.urandom(12), os.urandom(32)
    sealed = AESGCM(key).encrypt(nonce, master, None)
    return {
        "type": 2,
        "uuid": os.urandom(16).hex(),
        "key": sealed[:-16].hex(),
        "key_params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()},
    }


def encrypted(content: dict[str, Any], *passwords: str, biometric: bool = False) -> bytes:
    master = os.urandom(32)
    slots = [biometric_slot(master)] if biometric else []
    slots += [password_slot(master, password) for password in passwords]
    nonce = os.urandom(12)
    sealed = AESGCM(master).encrypt(nonce, json.dumps(content).encode(), None)
    header = {"slots": slots, "params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()}}
    db = base64.b64encode(sealed[:-16]).decode()
    return json.dumps({"version": 1, "header": header, "db": db}).encode()


def logins(result: ImportResult) -> list[tuple[str, str]]:
    return [(a.issuer, a.name) for a in result.accounts]


def test_content_version_3_groups_become_groups_by_name() -> None:
    result = IMPORTER.read(
        plain(
            content_v3(
                entry(name="a", groups=[WORK]),
                entry(name="b", groups=[WORK, HOME]),
                entry(name="c", groups=["unknown-uuid"]),
                entry(name="d"),
            )
        )
    )
    by_id = {a.id: a.name for a in result.accounts}
    assert {g: sorted(by_id[i] for i in ids) for g, ids in result.groups.items()} == {
        "Work": ["a", "b"],
        "Home": ["b"],
    }


def test_an_encrypted_vault_opens_with_any_of_its_password_slots() -> None:
    data = encrypted(content_v3(entry(groups=[HOME])), "first", "second", biometric=True)
    assert IMPORTER.sniff("aegis.json", data) and IMPORTER.is_encrypted(data)
    for password in ("first", "second"):
        result = IMPORTER.read(data, password)
        assert logins(result) == [("Example", "alice")]
        assert list(result.groups) == ["Home"]
    with pytest.raises(WrongPassword):
        IMPORTER.read(data, "third")
    with pytest.raises(PasswordNeeded):
        read_bytes("aegis.json", data)


def test_a_vault_with_only_a_biometric_slot_explains_why_it_cannot_be_opened() -> None:
    data = encrypted(content_v3(entry()), biometric=True)
    with pytest.raises(NoPasswordSlot) as refused:
        IMPORTER.read(data, "anything")
    assert "fingerprint" in refused.value.render()


def test_motp_and_yandex_entries_are_skipped_with_their_kind_named() -> None:
    result = IMPORTER.read(
        plain(
            content_v3(
                entry("motp", name="m", info={"secret": SECRET, "pin": "1234"}),
                entry("yandex", name="y", info={"secret": SECRET, "pin": "1234"}),
                entry("steam", name="s", info={"secret": SECRET, "digits": 5}),
                entry("webauthn", name="w"),
            )
        )
    )
    assert [(a.name, a.type) for a in result.accounts] == [("s", OtpType.STEAM)]
    reasons = {s.label: s.reason.render() for s in result.skipped}
    assert set(reasons) == {"Example: m", "Example: y", "Example: w"}
    assert "mOTP" in reasons["Example: m"] and "Yandex" in reasons["Example: y"]
    assert "webauthn" in reasons["Example: w"]


def test_one_broken_entry_costs_only_itself() -> None:
    result = IMPORTER.read(
        plain(
            content_v3(
                entry(name="good"),
                entry(name="no-secret", info={"algo": "SHA1"}),
                entry(name="digits", info={"secret": SECRET, "digits": "six"}),
                entry(name="md5", info={"secret": SECRET, "algo": "MD5"}),
                "not an entry",
            )
        )
    )
    assert logins(result) == [("Example", "good")]
    assert [s.label for s in result.skipped] == [
        "Example: no-secret",
        "Example: digits",
        "Example: md5",
        "#5",
    ]


def test_issuer_null_is_an_empty_issuer_and_the_name_stays_whole() -> None:
    result = IMPORTER.read(plain(content_v3(entry(issuer=None, name="bob@example.com"))))
    assert logins(result) == [("", "bob@example.com")]


@pytest.mark.parametrize(
    "data",
    [
        plain({"version": 4, "entries": [], "groups": []}),
        json.dumps({"version": 2, "header": {}, "db": {"version": 1, "entries": []}}).encode(),
    ],
    ids=["content-version-4", "vault-version-2"],
)
def test_newer_versions_are_refused_in_words(data: bytes) -> None:
    with pytest.raises(NewerVersion) as refused:
        IMPORTER.read(data)
    assert "newer version of Aegis" in refused.value.render()


def test_absurd_scrypt_parameters_are_refused_before_any_work() -> None:
    document = json.loads(encrypted(content_v3(entry()), "pw"))
    document["header"]["slots"][0]["n"] = 2**30
    with pytest.raises(DamagedFile):
        IMPORTER.read(json.dumps(document).encode(), "pw")


def test_an_empty_vault_is_an_empty_result() -> None:
    result = IMPORTER.read(plain(content_v3()))
    assert result.accounts == [] and result.skipped == [] and result.groups == {}
