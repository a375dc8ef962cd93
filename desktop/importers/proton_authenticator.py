"""Proton Authenticator's JSON export: ``{"version": 1, "entries": [...]}``.

Each entry's ``content`` holds the account as a link (``uri``: ``otpauth://`` or, for
Steam, ``steam://KEY``), the display ``name`` and the ``entry_type``. The link gives the
account; where it names no account, ``name`` does. Proton's password-protected export is
recognised and refused with a sentence saying how to export without a password.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from desktop.importers._accounts import Collector, account_label
from desktop.importers._problems import EncryptionNotSupported, damaged_entry
from desktop.importers._reading import Record, json_value, load_json
from desktop.importers.base import DamagedFile, ImportResult
from desktop.otp.model import DEFAULT_PERIOD, STEAM_DIGITS, Account, Algorithm, OtpType
from desktop.otp.secret import parse_setup_key
from desktop.otp.uri import parse_uri

TITLE: Final = "Proton Authenticator"
STEAM_ISSUER: Final = "Steam"
_STEAM_SCHEME: Final = "steam://"


def _entries(value: object) -> list[object] | None:
    export = Record.maybe(value)
    if export is None:
        return None
    entries = export.get("entries")
    if not isinstance(entries, list):
        return None
    if entries and not any(
        isinstance(e, dict) and isinstance(e.get("content"), dict) for e in entries
    ):
        return None
    return entries


def _is_encrypted_export(value: object) -> bool:
    export = Record.maybe(value)
    return (
        export is not None
        and isinstance(export.get("salt"), str)
        and isinstance(export.get("content"), str)
        and "version" in export.raw
    )


class ProtonAuthenticatorImporter:
    key = "proton_authenticator"
    title = TITLE
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        value = json_value(data)
        export = Record.maybe(value)
        if export is None or "version" not in export.raw:
            return False
        return (_entries(value) is not None and bool(export.get("entries"))) or (
            _is_encrypted_export(value)
        )

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        value = load_json(data, TITLE)
        if _is_encrypted_export(value):
            raise EncryptionNotSupported(TITLE)
        entries = _entries(value)
        if entries is None:
            raise DamagedFile(TITLE, "no entries")
        found = Collector(self.key)
        for position, raw in enumerate(entries, start=1):
            entry = Record.maybe(raw)
            content = Record.maybe(entry.get("content")) if entry is not None else None
            if content is None:
                found.skip(f"#{position}", damaged_entry())
                continue
            name = content.get("name")
            label = account_label("", name if isinstance(name, str) else "", position)
            found.add(label, partial(_account, content))
        return found.result()


def _account(content: Record) -> Account:
    uri = content.text("uri").strip()
    name = content.text("name").strip()
    if uri.lower().startswith(_STEAM_SCHEME):
        return Account(
            issuer=STEAM_ISSUER,
            name=name,
            secret=parse_setup_key(uri[len(_STEAM_SCHEME) :]),
            type=OtpType.STEAM,
            algorithm=Algorithm.SHA1,
            digits=STEAM_DIGITS,
            period=DEFAULT_PERIOD,
        )
    account = parse_uri(uri)
    if not account.name and name:
        account = account.replace(name=name)
    return account


IMPORTER: Final = ProtonAuthenticatorImporter()
