"""FreeOTP+: its JSON export and its app-private ``tokens.xml``.

The export is ``{"tokenOrder": [...], "tokens": [...]}`` with FreeOTP's token records
(see :mod:`._freeotp_tokens`). The app-private file is FreeOTP 1.x's ``tokens.xml``,
byte for byte the same layout, so it is only claimed when its name says FreeOTP+;
otherwise FreeOTP reads it, with the same result.
"""

from __future__ import annotations

from functools import partial
from typing import Final

from desktop.importers._accounts import Collector
from desktop.importers._freeotp_tokens import (
    ORDER_KEY,
    looks_like_token_prefs,
    name_says_plus,
    read_token_prefs,
    token_account,
    token_label,
)
from desktop.importers._problems import damaged_entry
from desktop.importers._reading import Record, json_value
from desktop.importers.base import DamagedFile, ImportResult, UnknownFormat

TOKENS: Final = "tokens"
_HEAD: Final = 64


class FreeOtpPlusImporter:
    key = "freeotp_plus"
    title = "FreeOTP+"
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        if looks_like_token_prefs(data):
            return name_says_plus(name)
        if b'"tokenOrder"' not in data:
            return False
        export = json_value(data)
        return isinstance(export, dict) and TOKENS in export and ORDER_KEY in export

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        found = Collector(self.key)
        if looks_like_token_prefs(data):
            read_token_prefs(data, self.title, found)
            return found.result()
        export = json_value(data)
        if export is None:
            if data[:_HEAD].lstrip().startswith(b"{") and b'"tokens"' in data:
                raise DamagedFile(self.title, "export is not JSON")  # cut short, most likely
            raise UnknownFormat()
        if not isinstance(export, dict) or TOKENS not in export:
            raise UnknownFormat()
        tokens = export[TOKENS]
        if not isinstance(tokens, list):
            raise DamagedFile(self.title, "'tokens' is not a list")
        for number, item in enumerate(tokens, start=1):
            token = Record.maybe(item)
            if token is None:
                found.skip(f"#{number}", damaged_entry())
                continue
            found.add(token_label(token) or f"#{number}", partial(token_account, token))
        return found.result()


IMPORTER = FreeOtpPlusImporter()
