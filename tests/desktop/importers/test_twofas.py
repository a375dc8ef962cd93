"""2FAS backups beyond the corpus: groups, token types, the reference check, versions."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from desktop.importers import DamagedFile, WrongPassword
from desktop.importers._problems import NewerVersion
from desktop.importers.twofas import IMPORTER
from desktop.otp.model import OtpType
from tests.paths import INTEROP

ENCRYPTED_V4 = INTEROP / "imports" / "2fas" / "2fas_authenticator_encrypted_v4.2fas"


def service(name: str, **otp: Any) -> dict[str, Any]:
    return {
        "name": name,
        "secret": "JBSWY3DPEHPK3PXP",
        "otp": {"account": "alice", "issuer": name, **otp},
        "order": {"position": 0},
    }


def backup(*services: dict[str, Any], schema: int = 4, **extra: Any) -> bytes:
    return json.dumps(
        {"services": list(services), "schemaVersion": schema, "groups": [], **extra}
    ).encode()


def test_groups_become_groups() -> None:
    data = backup(
        {**service("A"), "groupId": "g1"},
        {**service("B"), "groupId": "g1"},
        {**service("C"), "groupId": "gone"},
        service("D"),
        groups=[{"id": "g1", "name": "Work", "isExpanded": True}],
    )
    result = IMPORTER.read(data)
    by_id = {a.id: a.issuer for a in result.accounts}
    assert {g: sorted(by_id[i] for i in ids) for g, ids in result.groups.items()} == {
        "Work": ["A", "B"]
    }


def test_token_types_from_schema_3_on() -> None:
    data = backup(
        service("T", tokenType="TOTP", period=20, digits=7, algorithm="SHA256"),
        service("H", tokenType="HOTP", counter=9),
        service("S", tokenType="STEAM", digits=5),
        service("Y", tokenType="YANDEX"),
    )
    result = IMPORTER.read(data)
    assert [(a.issuer, a.type, a.digits, a.period, a.counter) for a in result.accounts] == [
        ("T", OtpType.TOTP, 7, 20, 0),
        ("H", OtpType.HOTP, 6, 30, 9),
        ("S", OtpType.STEAM, 5, 30, 0),
    ]
    assert [s.label for s in result.skipped] == ["Y: alice"]
    assert "YANDEX" in result.skipped[0].reason.render()


def test_schema_2_has_no_token_type_so_everything_is_totp() -> None:
    result = IMPORTER.read(backup(service("H", tokenType="HOTP", counter=9), schema=2))
    assert [a.type for a in result.accounts] == [OtpType.TOTP]


def test_a_newer_schema_is_refused_in_words() -> None:
    with pytest.raises(NewerVersion):
        IMPORTER.read(backup(schema=5))


def _with_services_changed(document: dict[str, Any]) -> bytes:
    ciphertext, salt, iv = document["servicesEncrypted"].split(":")
    raw = bytearray(base64.b64decode(ciphertext))
    raw[0] ^= 1
    document["servicesEncrypted"] = ":".join([base64.b64encode(raw).decode(), salt, iv])
    return json.dumps(document).encode()


def test_the_reference_tells_a_damaged_file_from_a_wrong_password() -> None:
    document = json.loads(ENCRYPTED_V4.read_bytes())
    changed = _with_services_changed(document)
    with pytest.raises(DamagedFile):
        IMPORTER.read(changed, "test")
    with pytest.raises(WrongPassword):
        IMPORTER.read(changed, "wrong")
    del document["reference"]  # without it a failure can only be blamed on the password
    with pytest.raises(WrongPassword):
        IMPORTER.read(json.dumps(document).encode(), "test")


def test_services_encrypted_must_have_three_parts() -> None:
    document = json.loads(ENCRYPTED_V4.read_bytes())
    document["servicesEncrypted"] = document["servicesEncrypted"].rsplit(":", 1)[0]
    del document["reference"]
    with pytest.raises(DamagedFile):
        IMPORTER.read(json.dumps(document).encode(), "test")
