"""Setup keys (base32 secrets) as people paste them, and back."""

from __future__ import annotations

import base64
import re

from desktop.errors import QT_TRANSLATE_NOOP, UserError

_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
# What people paste between the groups of a key: any white space (the no-break space of a
# web page included), ASCII and typographic dashes, underscores and dots, and the invisible
# characters that copying from web pages and PDFs brings along (soft hyphen, zero-width
# space/joiners, word joiner, byte order mark).
_SEPARATORS = re.compile(r"[\s\-_.\u00ad\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff]+")
_LOOKALIKES = {"0": "O", "1": "I", "8": "B"}
# A base32 string whose length leaves these remainders modulo 8 cannot end on a whole byte.
_IMPOSSIBLE_REMAINDERS = frozenset({1, 3, 6})
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


class InvalidSecret(UserError):
    """A setup key that is not valid base32."""


def parse_setup_key(text: str) -> bytes:
    """Decode a setup key: spaces, dashes, lower case and missing or extra ``=`` padding
    are fine.

    Keys of any whole-byte length are accepted (80-bit keys included): the desktop side
    must read what real sites issue; strength requirements belong to the issuer.
    Raises :class:`InvalidSecret` with a sentence that says what is wrong.
    """
    # Only ASCII letters change case: str.upper() would turn "ſ" into "S" or "ß" into "SS".
    cleaned = _SEPARATORS.sub("", text).translate(_ASCII_UPPER).rstrip("=")
    if not cleaned:
        raise InvalidSecret(QT_TRANSLATE_NOOP("Errors", "The setup key is empty."))
    for char in cleaned:
        if char in _ALPHABET:
            continue
        if char in _LOOKALIKES:
            raise InvalidSecret(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The setup key contains the digit {char}, which setup keys never use. "
                    "Did you mean the letter {letter}?",
                ),
                char=char,
                letter=_LOOKALIKES[char],
            )
        raise InvalidSecret(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The setup key contains \u201c{char}\u201d; a setup key has only the "
                "letters A to Z and the digits 2 to 7.",
            ),
            char=_visible(char),
        )
    if len(cleaned) % 8 in _IMPOSSIBLE_REMAINDERS:
        raise InvalidSecret(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The setup key has {length} characters, a length no setup key can have: "
                "a character is probably missing or extra.",
            ),
            length=len(cleaned),
        )
    padded = cleaned + "=" * (-len(cleaned) % 8)
    return base64.b32decode(padded)


def format_setup_key(secret: bytes, *, grouped: bool = False) -> str:
    """Base32, upper case, no padding; ``grouped`` adds a space every 4 characters."""
    text = base64.b32encode(secret).decode("ascii").rstrip("=")
    if grouped:
        return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
    return text


def _visible(char: str) -> str:
    """The character itself, or its code point when it would not show (a control
    character, an invisible format character)."""
    return char if char.isprintable() else f"U+{ord(char):04X}"
