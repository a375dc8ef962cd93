"""Duo Mobile's account list (``files/duokit/accounts.json`` in the app's private data).

A JSON list; third-party accounts have ``otpGenerator.otpSecret`` (base32) and, for HOTP,
``otpGenerator.counter`` (the stored value, imported as is). ``name`` is the account name;
Duo stores no issuer. Duo's own push accounts (no ``otpGenerator``) hold no code secret and
are skipped with a reason.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.importers._accounts import Collector, account_label
from desktop.importers._problems import EntryProblem, damaged_entry
from desktop.importers._reading import Record, json_value, load_json
from desktop.importers.base import DamagedFile, ImportResult
from desktop.otp.model import Account, OtpType
from desktop.otp.secret import parse_setup_key

TITLE: Final = "Duo Mobile"


def _push_only() -> EntryProblem:
    return EntryProblem(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This is a {format} push account: it has no setup key, so only {format} can use it.",
        ),
        format=TITLE,
    )


def _accounts(value: object) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) for item in value)
        and any("otpGenerator" in item or "pkey" in item for item in value)
    )


class DuoImporter:
    key = "duo"
    title = TITLE
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        return _accounts(json_value(data))

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        entries = load_json(data, TITLE)
        if not isinstance(entries, list):
            raise DamagedFile(TITLE, "not a list")
        found = Collector(self.key)
        for position, raw in enumerate(entries, start=1):
            entry = Record.maybe(raw)
            if entry is None:
                found.skip(f"#{position}", damaged_entry())
                continue
            name = entry.get("name")
            label = account_label("", name if isinstance(name, str) else "", position)
            if not entry.has("otpGenerator"):
                found.skip(label, _push_only())
                continue
            found.add(label, partial(_account, entry))
        return found.result()


def _account(entry: Record) -> Account:
    generator = entry.record("otpGenerator")
    secret = parse_setup_key(generator.text("otpSecret"))
    name = entry.text("name").strip()
    if generator.has("counter"):
        return Account(
            issuer="",
            name=name,
            secret=secret,
            type=OtpType.HOTP,
            counter=generator.integer("counter"),
        )
    return Account(issuer="", name=name, secret=secret)


IMPORTER: Final = DuoImporter()
