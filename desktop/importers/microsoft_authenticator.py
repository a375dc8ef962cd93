"""Microsoft Authenticator's database (``databases/PhoneFactor`` in the app's folder).

Table ``accounts``: ``name`` is the issuer, ``username`` the account name and
``oath_secret_key`` the setup key. ``account_type`` says how to read it: 0 is an
ordinary (third-party) account, base32, 6-digit codes; 1 is a personal Microsoft
account, base64, 8-digit codes. Both are SHA1 with a 30-second period. Other types
(work or school sign-in approvals) have no codes to import, and a key the app keeps
only encrypted (``encrypted_oath_secret_key``) cannot be read.
"""

from __future__ import annotations

from functools import partial

from desktop.importers._accounts import Collector, account_label
from desktop.importers._problems import not_importable
from desktop.importers._reading import BadData, base64_bytes
from desktop.importers._sqlite_file import has_table, table_rows
from desktop.importers.base import ImportResult
from desktop.otp.model import Account
from desktop.otp.secret import parse_setup_key

TABLE = "accounts"
REQUIRED = frozenset({"name", "username", "oath_secret_key", "account_type"})
_THIRD_PARTY = 0
_MICROSOFT = 1
_MICROSOFT_DIGITS = 8


class MicrosoftAuthenticatorImporter:
    key = "microsoft_authenticator"
    title = "Microsoft Authenticator"
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        return has_table(data, TABLE, REQUIRED)

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        found = Collector(self.key)
        for number, row in table_rows(data, self.title, TABLE, REQUIRED):
            issuer, name = _text(row.get("name")), _text(row.get("username"))
            found.add(account_label(issuer, name, number), partial(_account, row, issuer, name))
        return found.result()


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _account(row: dict[str, object], issuer: str, name: str) -> Account:
    kind = row.get("account_type")
    secret = row.get("oath_secret_key")
    if not isinstance(kind, int) or kind not in (_THIRD_PARTY, _MICROSOFT):
        raise not_importable()  # sign-in approvals only: no codes
    if not isinstance(secret, str):
        raise BadData("oath_secret_key")
    if not secret.strip() and _text(row.get("encrypted_oath_secret_key")):
        raise not_importable()  # encrypted with the phone's key store
    if kind == _THIRD_PARTY:
        return Account(issuer=issuer, name=name, secret=parse_setup_key(secret))
    return Account(issuer=issuer, name=name, secret=base64_bytes(secret), digits=_MICROSOFT_DIGITS)


IMPORTER = MicrosoftAuthenticatorImporter()
