"""What a person pastes into "add account": a setup key or an otpauth:// link (no Qt).

The add-account window has one field for both. This module decides which of the two a text
is, reads it, and gives the live verdict the window shows under the field. The window only
presents; every sentence here is an error with a translatable text.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import (
    DEFAULT_PERIOD,
    STEAM_DIGITS,
    Account,
    Algorithm,
    InvalidAccount,
    OtpType,
    check_storable,
)
from desktop.otp.secret import parse_setup_key
from desktop.otp.uri import parse_uri

# "scheme://..." (any scheme: a web address or an export is explained, not read as a key).
_LINK = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


class MissingName(InvalidAccount):
    """An account without a name: nobody could tell it apart in the list."""


class InputKind(enum.Enum):
    SETUP_KEY = "setup-key"
    LINK = "link"


@dataclass(frozen=True, slots=True)
class KeyInput:
    """A pasted text that was read successfully.

    ``link`` is what an otpauth:// link said (issuer, name and code settings); it is
    ``None`` for a bare setup key, whose settings are the defaults every site uses.
    """

    kind: InputKind
    secret: bytes = field(repr=False)
    link: Account | None = None


@dataclass(frozen=True, slots=True)
class CodeSettings:
    """How codes are made: the "advanced" part of an account."""

    type: OtpType = OtpType.TOTP
    algorithm: Algorithm = Algorithm.SHA1
    digits: int = 6
    period: int = DEFAULT_PERIOD
    counter: int = 0

    @classmethod
    def of(cls, account: Account) -> CodeSettings:
        return cls(
            type=account.type,
            algorithm=account.algorithm,
            digits=account.digits,
            period=account.period,
            counter=account.counter,
        )


@dataclass(frozen=True, slots=True)
class KeyCheck:
    """The live verdict on the key field: empty, read, or an error with its sentence."""

    text: str
    key: KeyInput | None = None
    error: UserError | None = None

    @property
    def empty(self) -> bool:
        return not self.text

    @property
    def ok(self) -> bool:
        return self.key is not None


def clean_pasted(text: str) -> str:
    """Undo what copying does to a key or link: surrounding blanks and wrapped lines.

    A link split over lines is joined without a gap (a link has no blanks of its own); a
    key split over lines keeps a blank between the parts, which setup keys allow.
    """
    text = text.strip()
    joiner = "" if _LINK.match(text) else " "
    return _LINE_BREAKS.sub(joiner, text)


def read_key_or_link(text: str) -> KeyInput:
    """Read a setup key or an otpauth:// link.

    Raises :class:`~desktop.otp.secret.InvalidSecret`, :class:`~desktop.otp.uri.InvalidUri`
    (:class:`~desktop.otp.uri.NotAnAccountLink` for web addresses and exports) or
    :class:`~desktop.otp.model.InvalidAccount`, each with a sentence for the person.
    """
    text = clean_pasted(text)
    if text.lower().startswith("www."):
        text = "https://" + text  # a web address without its scheme: say so, do not decode it
    if _LINK.match(text):
        account = parse_uri(text)
        return KeyInput(InputKind.LINK, account.secret, account)
    return KeyInput(InputKind.SETUP_KEY, parse_setup_key(text))


def check_key_text(text: str) -> KeyCheck:
    """The verdict to show while the person types or pastes; never raises."""
    cleaned = clean_pasted(text)
    if not cleaned:
        return KeyCheck(cleaned)
    try:
        return KeyCheck(cleaned, key=read_key_or_link(cleaned))
    except UserError as error:
        return KeyCheck(cleaned, error=error)


def check_name(name: str) -> None:
    """Raise :class:`MissingName` when ``name`` is blank (the issuer may be blank)."""
    if not name.strip():
        raise MissingName(
            # A literal context: pyside6-lupdate does not follow a constant such as ERRORS.
            QT_TRANSLATE_NOOP(
                "Errors", "Type a name for the account, for example your user name on that site."
            )
        )


def check_names(issuer: str, name: str) -> None:
    """:func:`check_name`, and what the vault takes in: neither longer than
    :data:`~desktop.otp.model.MAX_LABEL_LENGTH` characters (control characters, which the
    account drops, not counted)."""
    check_name(name)
    check_storable(Account(issuer=issuer, name=name, secret=b"\x00"))


def make_account(key: KeyInput, *, issuer: str, name: str, settings: CodeSettings) -> Account:
    """The account to store: the key's secret, the names as typed, the chosen settings;
    :class:`~desktop.otp.model.InvalidAccount` for one the vault would not take in."""
    check_name(name)
    steam = settings.type is OtpType.STEAM
    account = Account(
        issuer=issuer.strip(),
        name=name.strip(),
        secret=key.secret,
        type=settings.type,
        algorithm=Algorithm.SHA1 if steam else settings.algorithm,
        digits=STEAM_DIGITS if steam else settings.digits,
        period=DEFAULT_PERIOD if settings.type is OtpType.HOTP else settings.period,
        counter=settings.counter if settings.type is OtpType.HOTP else 0,
    )
    check_storable(account)
    return account
