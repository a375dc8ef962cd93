"""The account: everything needed to compute its codes, and how it is named."""

from __future__ import annotations

import dataclasses
import enum
import uuid
from dataclasses import dataclass, field

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.text import clean_line


class OtpType(enum.StrEnum):
    TOTP = "totp"
    HOTP = "hotp"
    STEAM = "steam"


class Algorithm(enum.StrEnum):
    SHA1 = "SHA1"
    SHA256 = "SHA256"
    SHA512 = "SHA512"


def algorithm_named(name: str) -> Algorithm | None:
    """The algorithm ``name`` (stripped) stands for: ``SHA1`` when empty; upper or lower
    case, ``SHA-256`` spelt with a dash. ``None`` when it is none of them."""
    if not name:
        return Algorithm.SHA1
    # ASCII only: str.upper() would turn "ſha1" into "SHA1".
    normalised = name.upper().replace("-", "") if name.isascii() else name
    try:
        return Algorithm(normalised)
    except ValueError:
        return None


MIN_DIGITS = 6
MAX_DIGITS = 8
STEAM_DIGITS = 5
DEFAULT_PERIOD = 30
MAX_PERIOD = 24 * 3600
MAX_COUNTER = 2**64 - 1  # RFC 4226 feeds the counter to HMAC as 8 bytes
MAX_STORED_COUNTER = 2**63 - 1
"""The largest HOTP counter Tweestap stores: what other apps and formats hold (Aegis and
Google Authenticator keep it in a Java ``long``, Google's export in a protobuf ``int64``), so
every stored account can be exported and read back elsewhere. No site counts that far: at a
code a second it lasts 292 billion years."""
MAX_LABEL_LENGTH = 256
"""Characters of an issuer or an account name (an e-mail address has at most 254)."""
MAX_SECRET_SIZE = 1024
"""Bytes of a setup key. Real keys have 10 to 64 (a SHA512 key); a megabyte "key" from a
crafted file would only bloat the vault and every backup."""


class InvalidAccount(UserError):
    """An account whose parameters cannot produce codes."""


def new_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True, slots=True)
class Account:
    """One stored account. Immutable: edits make a new value with :meth:`replace`."""

    issuer: str
    name: str
    secret: bytes = field(repr=False)
    type: OtpType = OtpType.TOTP
    algorithm: Algorithm = Algorithm.SHA1
    digits: int = 6
    period: int = DEFAULT_PERIOD
    counter: int = 0
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        # The one way into every account (typed, scanned, imported or read from the vault):
        # a control character never gets stored, whatever sent it (see desktop.text).
        for name in ("issuer", "name"):
            text = getattr(self, name)
            if isinstance(text, str):
                cleaned = clean_line(text).strip()
                if cleaned != text:
                    object.__setattr__(self, name, cleaned)
        validate(self)

    def __repr__(self) -> str:  # the secret never reaches a log or a traceback
        return (
            f"Account(id={self.id!r}, issuer={self.issuer!r}, name={self.name!r}, "
            f"type={self.type.value}, algorithm={self.algorithm.value}, digits={self.digits}, "
            f"period={self.period}, counter={self.counter}, secret=<hidden>)"
        )

    @property
    def label(self) -> str:
        return f"{self.issuer}: {self.name}" if self.issuer else self.name

    def same_login(self, other: Account) -> bool:
        """Same issuer and account name (case-insensitive): the "scan again" case."""
        return (self.issuer.casefold(), self.name.casefold()) == (
            other.issuer.casefold(),
            other.name.casefold(),
        )

    def replace(self, **changes: object) -> Account:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


class Likeness(enum.Enum):
    """How an account resembles another one (see :func:`likeness`)."""

    SAME = "same"
    """An exact duplicate: the same codes under the same issuer and name. Nothing new."""
    SAME_KEY = "same-key"
    """The same setup key with another issuer, name, type or code settings: perhaps renamed
    in one app, perhaps two enrolments that share a key. Both are kept."""
    SAME_NAME = "same-name"
    """The same issuer and name (ignoring case) with another setup key: perhaps an older
    enrolment at that site, perhaps two logins of one name. Both are kept."""


def likeness(incoming: Account, existing: Account) -> Likeness | None:
    """How ``incoming`` resembles ``existing``, or ``None`` when they have nothing in common.

    The one rule of what counts as a duplicate, for every way accounts arrive in bulk
    (import, a Google export, ``scan --add``): only :attr:`Likeness.SAME` is left out. That
    is the same type, key, algorithm, digits and period, and exactly the same issuer and
    name. An HOTP counter is where an account *is*, not which account it is: an incoming
    counter that is not ahead of the stored one is the same account (the stored one has
    moved on since that export); one that is ahead is kept as well, so that the codes
    the other app was at are not lost.
    """
    if incoming.secret == existing.secret:
        same = (
            incoming.type is existing.type
            and incoming.algorithm is existing.algorithm
            and incoming.digits == existing.digits
            and (incoming.issuer, incoming.name) == (existing.issuer, existing.name)
            and (
                incoming.counter <= existing.counter
                if incoming.type is OtpType.HOTP
                else incoming.period == existing.period
            )
        )
        return Likeness.SAME if same else Likeness.SAME_KEY
    if incoming.same_login(existing):
        return Likeness.SAME_NAME
    return None


def validate(account: Account) -> None:
    for text, sentence in (
        (
            account.issuer,
            QT_TRANSLATE_NOOP(
                "Errors", "The issuer contains a character that is not valid text ({code})."
            ),
        ),
        (
            account.name,
            QT_TRANSLATE_NOOP(
                "Errors", "The account name contains a character that is not valid text ({code})."
            ),
        ),
    ):
        broken = _lone_surrogate(text)
        if broken is not None:
            raise InvalidAccount(sentence, code=f"U+{ord(broken):04X}")
    if not account.secret:
        raise InvalidAccount(QT_TRANSLATE_NOOP("Errors", "The setup key is empty."))
    if account.type is OtpType.STEAM:
        if account.digits != STEAM_DIGITS:
            raise InvalidAccount(
                QT_TRANSLATE_NOOP("Errors", "Steam codes always have 5 characters, not {digits}."),
                digits=account.digits,
            )
        if account.algorithm is not Algorithm.SHA1:
            raise InvalidAccount(
                QT_TRANSLATE_NOOP("Errors", "Steam codes always use SHA1, not {algorithm}."),
                algorithm=account.algorithm.value,
            )
    elif not MIN_DIGITS <= account.digits <= MAX_DIGITS:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP("Errors", "A code must have 6, 7 or 8 digits, not {digits}."),
            digits=account.digits,
        )
    if account.type is not OtpType.HOTP and not 1 <= account.period <= MAX_PERIOD:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "Errors", "The period must be between 1 second and 24 hours, not {period} seconds."
            ),
            period=account.period,
        )
    if account.counter < 0:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP("Errors", "The counter cannot be negative ({counter})."),
            counter=account.counter,
        )
    if account.counter > MAX_COUNTER:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "Errors", "The counter {counter} is too large: the limit is {limit}."
            ),
            counter=account.counter,
            limit=MAX_COUNTER,
        )


def check_storable(account: Account) -> None:
    """Refuse (:class:`InvalidAccount`) what the vault does not take in, on top of
    :func:`validate`: an issuer or name longer than :data:`MAX_LABEL_LENGTH` characters, a
    key longer than :data:`MAX_SECRET_SIZE` bytes, a counter beyond
    :data:`MAX_STORED_COUNTER`.

    Kept apart from :func:`validate` (which every :class:`Account` passes) so that a vault
    written before these limits still opens; every way in (add, import, scan, rename, the
    HOTP counter moving on) checks it before storing."""
    for text, sentence in (
        (
            account.issuer,
            QT_TRANSLATE_NOOP(
                "Errors",
                "The issuer is {length} characters long; Tweestap keeps at most {limit}.",
            ),
        ),
        (
            account.name,
            QT_TRANSLATE_NOOP(
                "Errors",
                "The account name is {length} characters long; Tweestap keeps at most {limit}.",
            ),
        ),
    ):
        if len(text) > MAX_LABEL_LENGTH:
            raise InvalidAccount(sentence, length=len(text), limit=MAX_LABEL_LENGTH)
    if len(account.secret) > MAX_SECRET_SIZE:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "Errors", "The setup key is {size} bytes long; Tweestap keeps at most {limit}."
            ),
            size=len(account.secret),
            limit=MAX_SECRET_SIZE,
        )
    if account.counter > MAX_STORED_COUNTER:
        raise InvalidAccount(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The counter {counter} is larger than other authenticator apps can hold "
                "(at most {limit}); no site counts that far.",
            ),
            counter=account.counter,
            limit=MAX_STORED_COUNTER,
        )


def _lone_surrogate(text: str) -> str | None:
    """A character that cannot be written as UTF-8 (a lone surrogate, as undecodable bytes
    in a command line become), or ``None``."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return text[error.start]
    return None
