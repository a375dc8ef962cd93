"""Steam Guard secrets as the Steam app keeps them (``Steamguard-<steamid>``), and the
same layout in Steam Desktop Authenticator's ``.maFile``.

Two layouts: one account (``shared_secret``, ``account_name``, ...) or, in newer app
versions, ``{"accounts": {"<id>": {...}}}``. ``shared_secret`` is the key in base64; the
issuer is always "Steam" and the name the account name.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from desktop.importers._accounts import Collector, account_label
from desktop.importers._problems import damaged_entry
from desktop.importers._reading import BadData, Record, base64_bytes, json_value, load_json
from desktop.importers.base import DamagedFile, ImportResult
from desktop.otp.model import DEFAULT_PERIOD, STEAM_DIGITS, Account, Algorithm, OtpType

TITLE: Final = "Steam"
ISSUER: Final = "Steam"


def _accounts(value: object) -> list[object] | None:
    """The account objects of either layout, or ``None`` when this is not a Steam file."""
    file = Record.maybe(value)
    if file is None:
        return None
    if "shared_secret" in file.raw:
        return [file.raw]
    accounts = Record.maybe(file.get("accounts"))
    if accounts is None or not accounts.raw:
        return None
    listed = list(accounts.raw.values())
    if not any(isinstance(a, dict) and "shared_secret" in a for a in listed):
        return None
    return listed


class SteamImporter:
    key = "steam"
    title = TITLE
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        return _accounts(json_value(data)) is not None

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        accounts = _accounts(load_json(data, TITLE))
        if accounts is None:
            raise DamagedFile(TITLE, "no shared_secret")
        found = Collector(self.key)
        for position, raw in enumerate(accounts, start=1):
            entry = Record.maybe(raw)
            if entry is None:
                found.skip(f"#{position}", damaged_entry())
                continue
            name = entry.get("account_name")
            label = account_label(ISSUER, name if isinstance(name, str) else "", position)
            found.add(label, partial(_account, entry))
        return found.result()


def _account(entry: Record) -> Account:
    secret = base64_bytes(entry.text("shared_secret"))
    if not secret:
        raise BadData("empty shared_secret")
    return Account(
        issuer=ISSUER,
        name=entry.text("account_name").strip(),
        secret=secret,
        type=OtpType.STEAM,
        algorithm=Algorithm.SHA1,
        digits=STEAM_DIGITS,
        period=DEFAULT_PERIOD,
    )


IMPORTER: Final = SteamImporter()
