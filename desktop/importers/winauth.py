"""WinAuth's text export: one ``otpauth://`` link per line.

WinAuth names an authenticator with one free text, which its export writes as the link's
label. Like Aegis, this reads the label's account part as the issuer and names every
account "WinAuth". The file is the same as a plain link list (read, and refused, as
:mod:`.otpauth_uri` reads it), so this format is only used when chosen explicitly (see
:data:`desktop.importers.EXPLICIT_ONLY`).
"""

from __future__ import annotations

from typing import Final

from desktop.importers._kit import Collector, empty_file
from desktop.importers.base import DamagedFile, ImportResult
from desktop.importers.otpauth_uri import is_link, meaningful, no_links, read_links, text_lines
from desktop.otp.model import Account

ACCOUNT_NAME: Final = "WinAuth"


class WinAuthImporter:
    key = "winauth"
    title = "WinAuth"
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        lines = text_lines(data)
        return lines is not None and any(is_link(line) for _, line in meaningful(lines))

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if not data.strip():
            raise empty_file()
        lines = text_lines(data)
        if lines is None:
            raise DamagedFile(self.title, "not UTF-8 text")
        found = Collector(self.key)
        read_links(lines, found, _winauth_names)
        if not found.accounts and not any(is_link(line) for _, line in meaningful(lines)):
            raise no_links()
        return found.result()


def _winauth_names(account: Account, line: str) -> Account:
    return account.replace(issuer=account.name, name=ACCOUNT_NAME)


IMPORTER: Final = WinAuthImporter()
