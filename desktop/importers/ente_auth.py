"""Ente Auth's plain-text export (``ente_auth_codes.txt``): one ``otpauth://`` link per line.

Ente adds a ``codeDisplay`` parameter holding JSON (``pinned``, ``trashed``, ``tags``,
usage counters). The link itself is read like any other (the parameter is ignored there);
``tags`` become groups, and codes in Ente's trash are skipped with a reason. Ente's
encrypted export (JSON with ``kdfParams`` and ``encryptedData``) is recognised and refused
with a sentence saying how to export without a password.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Final
from urllib.parse import parse_qsl

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.importers._accounts import Collector
from desktop.importers._problems import EncryptionNotSupported, EntryProblem, empty_file
from desktop.importers._reading import Record, json_value
from desktop.importers.base import DamagedFile, ImportResult
from desktop.importers.otpauth_uri import is_link, link_label, meaningful, no_links, text_lines
from desktop.otp.model import Account
from desktop.otp.uri import parse_uri

TITLE: Final = "Ente Auth"
_MARKER: Final = "codedisplay="


def _in_trash() -> EntryProblem:
    return EntryProblem(
        QT_TRANSLATE_NOOP("Errors", "This account was in the {format} trash, so it was left out."),
        format=TITLE,
    )


def _is_encrypted_export(data: bytes) -> bool:
    export = Record.maybe(json_value(data))
    return export is not None and export.has("encryptedData") and export.has("kdfParams")


class EnteAuthImporter:
    key = "ente_auth"
    title = TITLE
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        if _is_encrypted_export(data):
            return True
        lines = text_lines(data)
        return lines is not None and any(
            is_link(line) and _MARKER in line.lower() for _, line in meaningful(lines)
        )

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if _is_encrypted_export(data):
            raise EncryptionNotSupported(TITLE)
        if not data.strip():
            raise empty_file()
        lines = text_lines(data)
        if lines is None:
            raise DamagedFile(TITLE, "not UTF-8 text")
        found = Collector(self.key)
        any_link = False
        for number, line in meaningful(lines):
            any_link = any_link or is_link(line)
            display = _code_display(line)
            account = found.add(link_label(line, number), partial(_account, line, display))
            if account is not None:
                for tag in _tags(display):
                    found.group(tag, account)
        if not found.accounts and not any_link:
            raise no_links()
        return found.result()


def _account(line: str, display: Record | None) -> Account:
    account = parse_uri(line)
    if display is not None and display.get("trashed") is True:
        raise _in_trash()
    return account


def _code_display(line: str) -> Record | None:
    """The ``codeDisplay`` JSON of a link, or ``None`` (absent or unreadable)."""
    query = line.partition("?")[2]
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key == "codeDisplay":
            try:
                return Record.maybe(json.loads(value))
            except (ValueError, RecursionError):
                return None
    return None


def _tags(display: Record | None) -> list[str]:
    if display is None:
        return []
    tags = display.get("tags")
    if not isinstance(tags, list):
        return []
    return [tag.strip() for tag in tags if isinstance(tag, str) and tag.strip()]


IMPORTER: Final = EnteAuthImporter()
