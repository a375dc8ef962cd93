"""Control characters in another app's file never reach a stored name, nor the name of an
entry that was not imported: the account model (and ``Skipped``) clean every label, so
every importer is covered by the same rule. One file per way names arrive: JSON (Aegis),
links (a plain list, the same reader as QR codes), protobuf (Google's export)."""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import quote

from desktop.importers import ImportResult, read_bytes
from desktop.scan.migration import PREFIX
from desktop.scan.migration_schema import MigrationPayload
from desktop.text import has_controls

HOSTILE_ISSUER = "\x1b[31mEvil\nFake\u202e"
HOSTILE_NAME = "piet\x00\x9b2J\x1b]0;pwn\x07"
KEY = "JBSWY3DPEHPK3PXP"


def assert_clean(result: ImportResult) -> None:
    for account in result.accounts:
        assert not has_controls(account.issuer) and not has_controls(account.name)
    for skipped in result.skipped:
        assert not has_controls(skipped.label)


def aegis(entries: list[dict[str, Any]]) -> bytes:
    document = {"version": 1, "header": {"slots": None, "params": None}}
    document["db"] = {"version": 2, "entries": entries}
    return json.dumps(document).encode()


def test_an_aegis_file_with_control_characters_in_names_imports_them_cleaned() -> None:
    good = {
        "type": "totp",
        "uuid": "3ae6f1ad-2e65-4ed2-a953-1ec0dff2386d",
        "name": HOSTILE_NAME,
        "issuer": HOSTILE_ISSUER,
        "info": {"secret": KEY, "algo": "SHA1", "digits": 6, "period": 30},
    }
    damaged = {**good, "uuid": "84b55971-a3d2-4173-a5bb-0aea113dbc17", "info": {"secret": 7}}
    result = read_bytes("aegis.json", aegis([good, damaged]), format_key="aegis")
    assert_clean(result)
    (account,) = result.accounts
    assert (account.issuer, account.name) == ("[31mEvil Fake", "piet2J]0;pwn")
    (skipped,) = result.skipped
    assert skipped.label == "[31mEvil Fake: piet2J]0;pwn"


def test_a_link_list_with_encoded_control_characters_imports_them_cleaned() -> None:
    line = f"otpauth://totp/{quote(HOSTILE_ISSUER)}:{quote(HOSTILE_NAME)}?secret={KEY}\n"
    result = read_bytes("links.txt", line.encode(), format_key="otpauth_uri")
    assert_clean(result)
    assert [(a.issuer, a.name) for a in result.accounts] == [("[31mEvil Fake", "piet2J]0;pwn")]


def test_a_google_export_with_control_characters_imports_them_cleaned() -> None:
    payload = MigrationPayload(version=1, batch_size=1, batch_index=0, batch_id=7)
    payload.otp_parameters.add(
        secret=b"Hello!\xde\xad\xbe\xef", name=HOSTILE_NAME, issuer=HOSTILE_ISSUER, type=2
    )
    payload.otp_parameters.add(secret=b"", name=f"{HOSTILE_ISSUER}:{HOSTILE_NAME}", type=2)
    link = PREFIX + "offline?data=" + quote(base64.b64encode(payload.SerializeToString()))
    result = read_bytes("export.txt", link.encode(), format_key="google_migration")
    assert_clean(result)
    assert [(a.issuer, a.name) for a in result.accounts] == [("[31mEvil Fake", "piet2J]0;pwn")]
    assert result.skipped and not has_controls(result.skipped[0].label)
