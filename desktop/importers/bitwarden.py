"""Bitwarden vault exports: ``.json`` (``items[].login.totp``) and ``.csv`` (``login_totp``).

The TOTP field holds one of:

* an ``otpauth://`` link: read as such; when the link names no issuer the item's name is
  the issuer, when it names no account the login's user name is the name;
* ``steam://KEY``: a Steam Guard account. It carries no account data: the issuer is
  "Steam" and the name the login's user name, or "Steam account" (as Aegis names it);
* a bare setup key: a TOTP account (SHA1, 6 digits, 30 s) named after the item (issuer)
  and the login's user name.

Items without a TOTP field are passwords, not accounts: they are passed over silently.
Encrypted exports (``"encrypted": true``) are refused with a sentence saying how to make
an export Tweestap can read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from functools import partial
from typing import Final

from desktop.importers._accounts import Collector, account_label
from desktop.importers._problems import EncryptionNotSupported, damaged_entry, showable
from desktop.importers._reading import BadData, Record, json_value, load_json
from desktop.importers.base import DamagedFile, ImportResult
from desktop.otp.model import DEFAULT_PERIOD, STEAM_DIGITS, Account, Algorithm, OtpType
from desktop.otp.secret import parse_setup_key
from desktop.otp.uri import parse_uri

TITLE: Final = "Bitwarden"
CSV_COLUMN: Final = "login_totp"
STEAM_ISSUER: Final = "Steam"
STEAM_NAME: Final = "Steam account"
_STEAM_SCHEME: Final = "steam://"
_OTPAUTH_SCHEME: Final = "otpauth://"


def _header(data: bytes) -> list[str] | None:
    """The CSV header row when ``data`` is a Bitwarden CSV export, else ``None``."""
    text = data[:4096].decode("utf-8-sig", errors="replace")
    first = text.splitlines()[0] if text else ""
    columns = [column.strip() for column in first.split(",")]
    return columns if CSV_COLUMN in columns and "name" in columns else None


class BitwardenImporter:
    key = "bitwarden"
    title = TITLE
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        export = Record.maybe(json_value(data))
        if export is not None:
            return isinstance(export.get("items"), list) or (
                export.get("encrypted") is True and export.has("encKeyValidation_DO_NOT_EDIT")
            )
        return _header(data) is not None

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if _header(data) is not None:
            return _read_csv(data)
        try:
            export = Record(load_json(data, TITLE))
            if export.get("encrypted") is True:
                raise EncryptionNotSupported(TITLE)
            items = export.items("items")
        except BadData as error:
            raise DamagedFile(TITLE, str(error)) from None
        found = Collector("bitwarden")
        for position, raw in enumerate(items, start=1):
            item = Record.maybe(raw)
            login = Record.maybe(item.get("login")) if item is not None else None
            if item is None or (login is None and item.has("login")):
                found.skip(f"#{position}", damaged_entry())
                continue
            totp = login.get("totp") if login is not None else None
            if totp is None or totp == "":
                continue
            item_name, username = item.get("name"), login.get("username") if login else None
            _add(
                found,
                position,
                totp,
                item_name if isinstance(item_name, str) else "",
                username if isinstance(username, str) else "",
            )
        return found.result()


def _read_csv(data: bytes) -> ImportResult:
    found = Collector("bitwarden")
    try:
        for position, row in enumerate(_rows(data), start=1):
            totp = row.get(CSV_COLUMN) or ""
            if totp.strip():
                _add(
                    found,
                    position,
                    totp,
                    row.get("name") or "",
                    row.get("login_username") or "",
                )
    except (csv.Error, UnicodeDecodeError) as error:
        raise DamagedFile(TITLE, str(error)) from None
    return found.result()


def _rows(data: bytes) -> Iterator[dict[str, str]]:
    text = data.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    for row in reader:
        # DictReader puts extra cells under None and fills missing ones with None
        yield {key: value for key, value in row.items() if isinstance(key, str) and value}


def _add(found: Collector, position: int, totp: object, item_name: str, username: str) -> None:
    if not isinstance(totp, str):
        found.skip(account_label(item_name, username, position), damaged_entry())
        return
    label = account_label(item_name, username, position)
    item_name, username = showable(item_name).strip(), showable(username).strip()
    found.add(label, partial(_account, showable(totp).strip(), item_name, username))


def _account(totp: str, item_name: str, username: str) -> Account:
    lowered = totp.lower()
    if lowered.startswith(_OTPAUTH_SCHEME):
        account = parse_uri(totp)
        if not account.issuer and item_name:
            account = account.replace(issuer=item_name)
        if not account.name and username:
            account = account.replace(name=username)
        return account
    if lowered.startswith(_STEAM_SCHEME):
        return Account(
            issuer=STEAM_ISSUER,
            name=username or STEAM_NAME,
            secret=parse_setup_key(totp[len(_STEAM_SCHEME) :]),
            type=OtpType.STEAM,
            algorithm=Algorithm.SHA1,
            digits=STEAM_DIGITS,
            period=DEFAULT_PERIOD,
        )
    return Account(issuer=item_name, name=username, secret=parse_setup_key(totp))


IMPORTER: Final = BitwardenImporter()
