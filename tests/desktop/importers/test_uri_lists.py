"""Plain otpauth:// lists and Ente Auth exports beyond the corpus."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from desktop.importers import detect
from desktop.importers._problems import EncryptionNotSupported, NothingToImport
from desktop.importers.ente_auth import IMPORTER as ENTE
from desktop.importers.otpauth_uri import IMPORTER as URIS

KEY = "JBSWY3DPEHPK3PXP"


def test_comments_blank_lines_and_bad_lines() -> None:
    data = (
        "# my accounts\r\n"
        "\r\n"
        f"otpauth://totp/Good:one?secret={KEY}\r\n"
        "   # indented comment\n"
        "otpauth://totp/Empty:key?secret=\n"
        "otpauth://yandex/Ya:me?secret=AA\n"
        "some words\n"
        f"OTPAUTH://HOTP/Upper:two?secret={KEY}&counter=3\n"
    ).encode("utf-8-sig")
    result = URIS.read(data)
    assert [a.label for a in result.accounts] == ["Good: one", "Upper: two"]
    reasons = {s.label: s.reason.render() for s in result.skipped}
    assert reasons == {
        "Empty: key": "The setup key is empty.",
        "Ya: me": "The link is for 'yandex' codes; Tweestap supports totp, hotp and steam codes.",
        "#7": "This is not an account link: an account link starts with otpauth://.",
    }
    assert all(KEY not in label for label in reasons)


@pytest.mark.parametrize("data", [b"", b"  \n", b"# only\n# comments\n", b"words\n"])
def test_files_without_any_link_are_refused(data: bytes) -> None:
    with pytest.raises(NothingToImport):
        URIS.read(data)


def test_ente_tags_become_groups_and_trashed_codes_are_left_out() -> None:
    def line(name: str, **display: object) -> str:
        shown = quote(json.dumps({"pinned": False, "trashed": False, "tags": [], **display}))
        return f"otpauth://totp/Ente:{name}?secret={KEY}&codeDisplay={shown}"

    data = "\n".join(
        [line("a", tags=["Work", "Home"]), line("b", tags=["Work"]), line("c", trashed=True)]
    ).encode()
    assert detect("ente-auth-codes.txt", data).key == "ente_auth"
    result = ENTE.read(data)
    names = {a.id: a.name for a in result.accounts}
    assert {g: sorted(names[i] for i in ids) for g, ids in result.groups.items()} == {
        "Work": ["a", "b"],
        "Home": ["a"],
    }
    assert [s.label for s in result.skipped] == ["Ente: c"]
    assert "trash" in result.skipped[0].reason.render()


def test_ente_encrypted_export_is_refused_in_words() -> None:
    data = json.dumps(
        {
            "version": 1,
            "kdfParams": {"memLimit": 1, "opsLimit": 1, "salt": "x"},
            "encryptedData": "x",
            "encryptionNonce": "x",
        }
    ).encode()
    assert detect("ente-auth-codes.json", data).key == "ente_auth"
    with pytest.raises(EncryptionNotSupported):
        ENTE.read(data)


def test_plain_links_without_ente_parameters_are_a_plain_list() -> None:
    assert detect("codes.txt", f"otpauth://totp/A:b?secret={KEY}\n".encode()).key == "otpauth_uri"
