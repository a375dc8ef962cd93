"""WinAuth's text export: one ``otpauth://`` link per line.

WinAuth names an authenticator with one free text, which its export writes as the link's
label. Like Aegis, this reads the label's account part as the issuer and names every
account "WinAuth". The file is the same as a plain link list (read, and refused, as
:mod:`.otpauth_uri` reads it), so this format is only used when chosen explicitly (see
:data:`desktop.importers.EXPLICIT_ONLY`).
"""

from __future__ import annotations

from typing import Final

from desktop.importers.base import ImportResult
from desktop.importers.otpauth_uri import has_links, read_link_file
from desktop.otp.model import Account

ACCOUNT_NAME: Final = "WinAuth"


class WinAuthImporter:
    key = "winauth"
    title = "WinAuth"
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        return has_links(data)

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        return read_link_file(data, self.key, self.title, _winauth_names)


def _winauth_names(account: Account, line: str) -> Account:
    return account.replace(issuer=account.name, name=ACCOUNT_NAME)


IMPORTER: Final = WinAuthImporter()
