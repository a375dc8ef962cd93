"""Text that comes from outside (a QR code, a link, another app's file, a command line):
control characters taken out before it is stored, and made visible before it is printed.

A control character in a name is never something a person meant: it comes from a crafted
QR code or a damaged file. Printed raw, an escape sequence (``ESC [ 3 1 m``) recolours or
rewrites the terminal, a line break fakes an extra line in ``tweestap list``, and a
bidirectional override shows ``moc.knab`` as ``bank.com``. So:

* :func:`clean_line` is what every stored label goes through (the account model calls it):
  line breaks and tabs become a space, every other control character is dropped;
* :func:`visible` is what every printed line goes through (the CLI's console): a control
  character that still gets there is shown as an escape (``\\x1b``), never sent raw.

"Control character" here means C0 (U+0000-U+001F), DEL, C1 (U+0080-U+009F), the Unicode
line and paragraph separators, and the bidirectional embeddings, overrides and isolates
(U+202A-U+202E, U+2066-U+2069). Marks that only nudge direction (U+200E, U+200F) and the
joiners that emoji and some scripts need are kept.
"""

from __future__ import annotations

import re
from typing import Final

_BEYOND_C0: Final = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
CONTROL: Final = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")
"""One control character, as defined above."""

_NOT_ESCAPED_BY_JSON: Final = re.compile(f"[{_BEYOND_C0}\ud800-\udfff]")
"""The control characters above except C0, which JSON escapes itself, and lone surrogates."""

_BREAKS: Final = re.compile("[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")
"""What a terminal or a text field shows as a line break or a gap: these become a space."""


def has_controls(text: str) -> bool:
    return CONTROL.search(text) is not None


def clean_line(text: str) -> str:
    """``text`` on one line without control characters: breaks and tabs become one space,
    the others are dropped."""
    return CONTROL.sub("", _BREAKS.sub(" ", text))


_UNPRINTABLE: Final = re.compile(f"[\x00-\x1f{_BEYOND_C0}\ud800-\udfff]")
"""Control characters and lone surrogates (undecodable bytes of a command line or a file
name): neither may reach a terminal as it is."""


def visible(text: str) -> str:
    """``text`` with each control character (and each lone surrogate) written as a
    Python-style escape (``\\x1b``, ``\\n``, ``\\u202e``, ``\\udcff``): safe to print on a
    terminal, and still telling what was there."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_safe(document: str) -> str:
    """A JSON document (as ``json.dumps(..., ensure_ascii=False)`` writes it) with the
    control characters JSON leaves raw (DEL, C1, the separators and bidirectional controls)
    and lone surrogates written as ``\\uXXXX`` escapes. They can only occur inside strings,
    where the escape means the same character: the document still parses to the same
    value."""
    return _NOT_ESCAPED_BY_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", document)
