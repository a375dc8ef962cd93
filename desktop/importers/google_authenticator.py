"""Google Authenticator's own database (``databases/databases`` in the app's folder).

Table ``accounts``: ``email`` (the name, often "Issuer:name"), ``secret`` (base32),
``type`` (0 TOTP, 1 HOTP), ``counter`` and, in later versions, ``issuer``. The app only
ever made SHA1, 6-digit, 30-second codes, so the table has no columns for those. Rows
whose secret the app encrypted itself (``isencrypted``) cannot be read.
"""

from __future__ import annotations

from functools import partial

from desktop.importers._accounts import Collector, account_label
from desktop.importers._problems import not_importable, unsupported_kind
from desktop.importers._reading import BadData
from desktop.importers._sqlite_file import has_table, table_rows
from desktop.importers.base import ImportResult
from desktop.otp.model import Account, OtpType
from desktop.otp.secret import parse_setup_key

TABLE = "accounts"
REQUIRED = frozenset({"email", "secret"})
_TOTP = 0
_HOTP = 1


class GoogleAuthenticatorImporter:
    key = "google_authenticator"
    title = "Google Authenticator"
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        return has_table(data, TABLE, REQUIRED)

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        found = Collector(self.key)
        for number, row in table_rows(data, self.title, TABLE, REQUIRED):
            issuer, name = _names(row)
            found.add(account_label(issuer, name, number), partial(_account, row, issuer, name))
        return found.result()


def _names(row: dict[str, object]) -> tuple[str, str]:
    """``(issuer, name)``: the ``issuer`` column, else the ``Issuer:`` part of ``email``."""
    email = row.get("email")
    issuer = row.get("issuer")
    name = email.strip() if isinstance(email, str) else ""
    issuer = issuer.strip() if isinstance(issuer, str) else ""
    parts = name.split(":")
    if len(parts) == 2:
        issuer = issuer or parts[0].strip()
        name = parts[1].strip()
    return issuer, name


def _account(row: dict[str, object], issuer: str, name: str) -> Account:
    encrypted = row.get("isencrypted")
    if isinstance(encrypted, int) and encrypted > 0:
        raise not_importable()  # encrypted with the phone's key store
    secret = row.get("secret")
    kind = row.get("type")
    counter = row.get("counter")
    if not isinstance(secret, str):
        raise BadData("secret")
    if kind is None:
        kind = _TOTP
    if counter is None:
        counter = 0
    if not isinstance(kind, int) or not isinstance(counter, int):
        raise BadData("type or counter")
    if kind == _TOTP:
        return Account(issuer=issuer, name=name, secret=parse_setup_key(secret))
    if kind == _HOTP:
        return Account(
            issuer=issuer,
            name=name,
            secret=parse_setup_key(secret),
            type=OtpType.HOTP,
            counter=counter,
        )
    raise unsupported_kind(f"type {kind}")


IMPORTER = GoogleAuthenticatorImporter()
