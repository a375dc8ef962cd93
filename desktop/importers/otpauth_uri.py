"""Plain lists of ``otpauth://`` links, one per line (Aegis' "Google Authenticator URIs"
export, ``pass-otp``, hand-made lists).

Blank lines and lines starting with ``#`` are ignored. Every other line is read with
:func:`desktop.otp.uri.parse_uri`; a line it refuses is skipped with the parser's reason,
so one bad line never costs the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Final
from urllib.parse import unquote

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.importers._accounts import Collector
from desktop.importers._problems import NothingToImport, empty_file, shorten
from desktop.importers.base import DamagedFile, ImportResult
from desktop.otp.model import Account
from desktop.otp.uri import parse_uri

TITLE: Final = "otpauth://"
SCHEME: Final = "otpauth://"
_MAX_LABEL: Final = 60


def no_links() -> NothingToImport:
    return NothingToImport(
        QT_TRANSLATE_NOOP(
            "Errors",
            "There is no account link in this file: an account link starts with otpauth://.",
        )
    )


def text_lines(data: bytes) -> list[str] | None:
    """The lines of a UTF-8 text, or ``None`` when ``data`` is not text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    return text.splitlines()


def meaningful(lines: list[str]) -> Iterator[tuple[int, str]]:
    """``(line number, stripped line)`` of the lines that are neither blank nor comments."""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, stripped


def is_link(line: str) -> bool:
    return line[: len(SCHEME)].lower() == SCHEME


def link_label(line: str, number: int) -> str:
    """What to call a line in the list of skipped entries: its decoded label, or ``#12``
    (the line number) when it has none. Never the whole line: it holds the secret."""
    _, separator, rest = line.partition("://")
    label = rest.partition("?")[0].partition("/")[2] if separator else ""
    try:
        label = unquote(label, errors="strict")
    except UnicodeDecodeError:
        label = ""
    label = " ".join(label.replace(":", ": ").split())
    return shorten(label, _MAX_LABEL) if label else f"#{number}"


def read_links(
    lines: list[str],
    found: Collector,
    adjust: Callable[[Account, str], Account] | None = None,
) -> None:
    """Every meaningful line as an account (``adjust`` may change or refuse it, given
    the line) or a skipped entry."""
    for number, line in meaningful(lines):
        found.add(link_label(line, number), partial(_account, line, adjust))


def _account(line: str, adjust: Callable[[Account, str], Account] | None) -> Account:
    account = parse_uri(line)
    return adjust(account, line) if adjust is not None else account


def has_links(data: bytes) -> bool:
    """Whether ``data`` is text with at least one ``otpauth://`` line (for ``sniff``)."""
    lines = text_lines(data)
    return lines is not None and any(is_link(line) for _, line in meaningful(lines))


def read_link_file(
    data: bytes,
    format_key: str,
    format_title: str,
    adjust: Callable[[Account, str], Account] | None = None,
) -> ImportResult:
    """Every link of a text file, one a line (``adjust`` as in :func:`read_links`); a file
    with no link at all is refused."""
    if not data.strip():
        raise empty_file()
    lines = text_lines(data)
    if lines is None:
        raise DamagedFile(format_title, "not UTF-8 text")
    found = Collector(format_key)
    read_links(lines, found, adjust)
    if not found.accounts and not any(is_link(line) for _, line in meaningful(lines)):
        raise no_links()
    return found.result()


class OtpauthUriImporter:
    key = "otpauth_uri"
    title = TITLE
    scannable = False
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        return has_links(data)

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        return read_link_file(data, self.key, TITLE)


IMPORTER: Final = OtpauthUriImporter()
