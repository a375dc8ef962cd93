"""The format modules as the registry and the app see them."""

from __future__ import annotations

import pytest

from desktop.importers import Importer, importer
from desktop.importers.aegis import IMPORTER as AEGIS
from desktop.importers.andotp import IMPORTER as ANDOTP
from desktop.importers.bitwarden import IMPORTER as BITWARDEN
from desktop.importers.duo import IMPORTER as DUO
from desktop.importers.ente_auth import IMPORTER as ENTE_AUTH
from desktop.importers.google_migration import IMPORTER as GOOGLE_MIGRATION
from desktop.importers.otpauth_uri import IMPORTER as OTPAUTH_URI
from desktop.importers.proton_authenticator import IMPORTER as PROTON
from desktop.importers.steam import IMPORTER as STEAM
from desktop.importers.stratum import IMPORTER as STRATUM
from desktop.importers.twofas import IMPORTER as TWOFAS

# Typed as Importer: mypy checks that every module's object satisfies the protocol.
IMPORTERS: dict[str, Importer] = {
    "aegis": AEGIS,
    "2fas": TWOFAS,
    "andotp": ANDOTP,
    "bitwarden": BITWARDEN,
    "duo": DUO,
    "ente_auth": ENTE_AUTH,
    "google_migration": GOOGLE_MIGRATION,
    "otpauth_uri": OTPAUTH_URI,
    "proton_authenticator": PROTON,
    "steam": STEAM,
    "stratum": STRATUM,
}
ENCRYPTED = {"aegis", "2fas", "andotp", "stratum"}
ODD_INPUTS = [b"", b"\x00", b"{", b"[]", b"{}", b"null", b"\xef\xbb\xbf", b"\xff" * 64, b"[" * 5000]


@pytest.mark.parametrize("key", IMPORTERS)
def test_the_registry_loads_each_module(key: str) -> None:
    found = IMPORTERS[key]
    assert importer(key) is found
    assert found.key == key and found.title.strip()
    assert found.scannable is (key == "google_migration")
    assert found.may_be_encrypted is (key in ENCRYPTED)


@pytest.mark.parametrize("key", IMPORTERS)
@pytest.mark.parametrize("data", ODD_INPUTS, ids=lambda d: repr(d[:8]))
def test_sniffing_odd_input_answers_no(key: str, data: bytes) -> None:
    assert IMPORTERS[key].sniff("file", data) is False
    # Chosen by hand, any binary file is an encrypted andOTP backup (it has no header).
    binary = key == "andotp" and len(data) > 28 and not data.isascii()
    assert IMPORTERS[key].is_encrypted(data) is binary
