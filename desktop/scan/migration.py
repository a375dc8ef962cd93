"""Google Authenticator exports: ``otpauth-migration://offline?data=<base64 protobuf>``.

The message layout is ``resources/proto/google_auth_migration.proto``, built in Python by
:mod:`desktop.scan.migration_schema`.

Reading follows ``tests/data/interop/KEY-URI-NOTES.md``:

* ``data`` is percent-decoded only, never form-decoded: a raw ``+`` is base64, not a space;
* unspecified enums mean SHA1, 6 digits and TOTP; TOTP codes are always 30-second codes;
* a leading ``Issuer:`` in the name is dropped when it repeats the issuer (or, without an
  issuer, when the name has exactly one colon: the otpauth label rule);
* a large export is several QR codes (``batch_size``, ``batch_index``, ``batch_id``):
  :class:`MigrationCollector` puts them together.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, cast
from urllib.parse import quote, unquote

from google.protobuf.message import (  # type: ignore[import-untyped, unused-ignore]
    DecodeError,
    EncodeError,
)

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import DEFAULT_PERIOD, Account, Algorithm, OtpType
from desktop.scan.errors import (
    BrokenExport,
    ExportMismatch,
    ExportNotice,
    IncompleteExport,
    UnusableEntry,
)
from desktop.scan.migration_schema import MigrationPayload
from desktop.text import clean_line

SCHEME: Final = "otpauth-migration"
PREFIX: Final = SCHEME + "://"

_ALGORITHMS: Final = {
    0: Algorithm.SHA1,
    1: Algorithm.SHA1,
    2: Algorithm.SHA256,
    3: Algorithm.SHA512,
}
_MD5: Final = 4
_DIGITS: Final = {0: 6, 1: 6, 2: 8}
_TYPES: Final = {0: OtpType.TOTP, 1: OtpType.HOTP, 2: OtpType.TOTP}


# -- the decoded view -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MigrationEntry:
    """One account of an export, as stored and as Tweestap reads it.

    ``name``/``issuer`` and the ``*_raw`` enum numbers are exactly as in the payload;
    ``account`` is the :class:`Account` to add (its ``issuer`` and ``name`` follow the label
    rule), or ``None`` with ``problem`` saying why it cannot be added.
    """

    name: str
    issuer: str
    secret: bytes
    algorithm_raw: int
    digits_raw: int
    type_raw: int
    counter: int
    unique_id: str
    account: Account | None
    problem: UserError | None

    def __repr__(self) -> str:  # the secret never reaches a log
        return (
            f"MigrationEntry(name={self.name!r}, issuer={self.issuer!r}, secret=<hidden>, "
            f"algorithm_raw={self.algorithm_raw}, digits_raw={self.digits_raw}, "
            f"type_raw={self.type_raw}, counter={self.counter}, problem={self.problem!r})"
        )

    @property
    def label(self) -> str:
        """``Issuer: name`` on one line, without control characters (as accounts' labels)."""
        issuer, name = (clean_line(part).strip() for part in split_name(self.name, self.issuer))
        return f"{issuer}: {name}" if issuer else name


@dataclass(frozen=True, slots=True)
class MigrationBatch:
    """One ``otpauth-migration://`` QR code: one part (batch) of an export."""

    entries: tuple[MigrationEntry, ...]
    version: int
    batch_size: int
    batch_index: int
    batch_id: int

    @property
    def accounts(self) -> tuple[Account, ...]:
        """The entries that can be added, in export order."""
        return tuple(e.account for e in self.entries if e.account is not None)

    @property
    def unusable(self) -> tuple[MigrationEntry, ...]:
        """The entries that cannot be added (each with its ``problem``)."""
        return tuple(e for e in self.entries if e.account is None)

    @property
    def parts(self) -> int:
        """How many QR codes the whole export has (exports without batch data: 1)."""
        return max(self.batch_size, 1)

    @property
    def part(self) -> int:
        """This code's number, counted from 1."""
        return self.batch_index + 1

    def notice(self) -> ExportNotice:
        """What this code is and what comes next, for a person."""
        if self.parts > 1:
            return ExportNotice(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This QR code is part {part} of {parts} of a Google Authenticator export. "
                    "Scan the other parts too, then import all its accounts.",
                ),
                part=self.part,
                parts=self.parts,
            )
        if len(self.entries) == 1:
            return ExportNotice(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This QR code is a Google Authenticator export of 1 account. Import it?",
                )
            )
        return ExportNotice(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This QR code is a Google Authenticator export of {count} accounts. "
                "Import them all?",
            ),
            count=len(self.entries),
        )


def is_migration_uri(text: str) -> bool:
    return text.strip()[: len(PREFIX)].lower() == PREFIX


def parse_migration_uri(text: str) -> MigrationBatch:
    """Decode one export link. Raises :class:`BrokenExport` for anything unreadable and
    for an export without accounts; entries that cannot be added are kept with their
    ``problem`` (see :attr:`MigrationBatch.unusable`)."""
    text = text.strip()
    if not is_migration_uri(text):
        raise BrokenExport(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This is not a Google Authenticator export: an export link starts with "
                "otpauth-migration://.",
            )
        )
    raw = _data_parameter(text[len(PREFIX) :])
    if raw is None:
        raise BrokenExport(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This Google Authenticator export link has no data (its 'data' part is missing).",
            )
        )
    payload = _parse_payload(_base64(raw))
    message = cast(Any, payload)
    entries = tuple(_entry(parameters) for parameters in message.otp_parameters)
    if not entries:
        raise BrokenExport(
            QT_TRANSLATE_NOOP("Errors", "This Google Authenticator export holds no accounts.")
        )
    batch = MigrationBatch(
        entries=entries,
        version=int(message.version),
        batch_size=int(message.batch_size),
        batch_index=int(message.batch_index),
        batch_id=int(message.batch_id),
    )
    if batch.batch_size < 0 or not 0 <= batch.batch_index < batch.parts:
        raise _damaged()
    return batch


def parse_migration_text(text: str) -> list[MigrationBatch]:
    """Every export link in a text file, one per line; ``#`` comments and blank lines are
    skipped (the format scito/extract_otp_secrets reads). Raises a :class:`BrokenExport`
    naming the line for a line that is not an export link, and one for a text without any.
    """
    batches = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not is_migration_uri(stripped):
            raise BrokenExport(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Line {line} is not a Google Authenticator export link: such a line "
                    "starts with otpauth-migration://.",
                ),
                line=number,
            )
        batches.append(parse_migration_uri(stripped))
    if not batches:
        raise BrokenExport(
            QT_TRANSLATE_NOOP(
                "Errors",
                "There is no Google Authenticator export link in this text (such a link "
                "starts with otpauth-migration://).",
            )
        )
    return batches


def split_name(name: str, issuer: str) -> tuple[str, str]:
    """``(issuer, account name)`` of an entry: the name without a leading ``Issuer:`` when
    that prefix is the issuer, or, without an issuer, when the name has one colon."""
    issuer = issuer.strip()
    prefix, colon, rest = name.partition(":")
    if colon and issuer and prefix.strip() == issuer:
        return issuer, rest.strip()
    if colon and not issuer and name.count(":") == 1:
        return prefix.strip(), rest.strip()
    return issuer, name.strip()


def _data_parameter(rest: str) -> str | None:
    """The still percent-encoded value of ``data`` (the first one), or ``None``."""
    _, _, query = rest.partition("?")
    for pair in query.split("&"):
        key, equals, value = pair.partition("=")
        if equals and unquote(key) == "data":
            return value
    return None


def _base64(raw: str) -> bytes:
    """Percent-decode only, then base64 (standard or URL-safe alphabet, padding optional).

    A space can only be a ``+`` that a form decoder turned into one: it is put back.
    """
    text = unquote(raw, errors="strict").replace(" ", "+").strip()
    text = text.replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise _damaged() from None


def _parse_payload(data: bytes) -> object:
    if not data:
        raise _damaged()
    try:
        return cast(object, MigrationPayload.FromString(data))
    except (DecodeError, RuntimeError, ValueError):
        raise _damaged() from None


def _damaged() -> BrokenExport:
    return BrokenExport(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This Google Authenticator export cannot be read: its data is damaged or "
            "incomplete. Make a new export on your phone and scan that.",
        )
    )


def _entry(parameters: Any) -> MigrationEntry:
    name, issuer = str(parameters.name), str(parameters.issuer)
    secret = bytes(parameters.secret)
    algorithm_raw, digits_raw, type_raw = (
        int(parameters.algorithm),
        int(parameters.digits),
        int(parameters.type),
    )
    counter = int(parameters.counter)
    account: Account | None = None
    problem: UserError | None = None
    try:
        account = _account(name, issuer, secret, algorithm_raw, digits_raw, type_raw, counter)
    except UserError as error:
        problem = error
    return MigrationEntry(
        name=name,
        issuer=issuer,
        secret=secret,
        algorithm_raw=algorithm_raw,
        digits_raw=digits_raw,
        type_raw=type_raw,
        counter=counter,
        unique_id=str(parameters.unique_id),
        account=account,
        problem=problem,
    )


def _account(
    name: str,
    issuer: str,
    secret: bytes,
    algorithm_raw: int,
    digits_raw: int,
    type_raw: int,
    counter: int,
) -> Account:
    if algorithm_raw == _MD5:
        raise UnusableEntry(
            QT_TRANSLATE_NOOP(
                "Errors", "It uses the MD5 algorithm, which Tweestap cannot make codes with."
            )
        )
    if algorithm_raw not in _ALGORITHMS:
        raise UnusableEntry(
            QT_TRANSLATE_NOOP("Errors", "It uses an unknown algorithm (number {number})."),
            number=algorithm_raw,
        )
    if digits_raw not in _DIGITS:
        raise UnusableEntry(
            QT_TRANSLATE_NOOP("Errors", "It uses an unknown number of digits (number {number})."),
            number=digits_raw,
        )
    if type_raw not in _TYPES:
        raise UnusableEntry(
            QT_TRANSLATE_NOOP("Errors", "It uses an unknown kind of code (number {number})."),
            number=type_raw,
        )
    otp_type = _TYPES[type_raw]
    issuer_effective, account_name = split_name(name, issuer)
    return Account(
        issuer=issuer_effective,
        name=account_name,
        secret=secret,
        type=otp_type,
        algorithm=_ALGORITHMS[algorithm_raw],
        digits=_DIGITS[digits_raw],
        period=DEFAULT_PERIOD,
        counter=counter if otp_type is OtpType.HOTP else 0,
    )


# -- several QR codes of one export ---------------------------------------------------------


class MigrationCollector:
    """Puts the parts (batches) of one export together, in any order, each part once.

    ``add`` returns the accounts of the whole export once every part is in (and again for
    every later call), else ``None``; :attr:`missing` says which parts are still needed.
    A part of another export raises :class:`ExportMismatch` and changes nothing.
    """

    def __init__(self) -> None:
        self._batch_id: int | None = None
        self._parts = 0
        self._received: dict[int, MigrationBatch] = {}

    def add(self, batch: MigrationBatch) -> tuple[Account, ...] | None:
        if self._batch_id is None:
            self._batch_id, self._parts = batch.batch_id, batch.parts
        elif (batch.batch_id, batch.parts) != (self._batch_id, self._parts):
            raise ExportMismatch(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This QR code belongs to another Google Authenticator export than the "
                    "parts scanned before. Scan the parts of one export, or start again.",
                )
            )
        self._received.setdefault(batch.batch_index, batch)
        return self.accounts() if self.complete else None

    @property
    def started(self) -> bool:
        return self._batch_id is not None

    @property
    def batch_id(self) -> int | None:
        return self._batch_id

    @property
    def parts(self) -> int:
        """How many parts the export has (0 before the first one)."""
        return self._parts

    @property
    def received(self) -> list[int]:
        """Indexes (from 0) of the parts in hand, ascending."""
        return sorted(self._received)

    @property
    def missing(self) -> list[int]:
        """Indexes (from 0) of the parts still needed, ascending."""
        return [i for i in range(self._parts) if i not in self._received]

    @property
    def complete(self) -> bool:
        return self.started and not self.missing

    @property
    def batches(self) -> list[MigrationBatch]:
        return [self._received[i] for i in self.received]

    def accounts(self) -> tuple[Account, ...]:
        """Every usable account, in part order; :class:`IncompleteExport` before that."""
        if not self.complete:
            raise self.incomplete()
        return tuple(a for batch in self.batches for a in batch.accounts)

    def incomplete(self) -> IncompleteExport:
        missing = [i + 1 for i in self.missing]
        if len(missing) == 1:
            return IncompleteExport(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Part {missing} of this Google Authenticator export (of {parts} QR codes) "
                    "is still missing. Scan it too; nothing of this export was added yet.",
                ),
                missing=missing[0],
                parts=self._parts,
            )
        return IncompleteExport(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Parts {missing} of this Google Authenticator export (of {parts} QR codes) "
                "are still missing. Scan them too; nothing of this export was added yet.",
            ),
            missing=", ".join(str(part) for part in missing),
            parts=self._parts,
        )


# -- writing (tests, benchmarks; an export to a phone later) ------------------------------


def encode_migration_uris(
    accounts: Sequence[Account],
    *,
    batch_id: int,
    per_batch: int = 10,
    version: int = 1,
) -> list[str]:
    """The ``otpauth-migration://`` links of ``accounts``, ``per_batch`` accounts each,
    written as Google Authenticator writes them (name ``Issuer:account``, data
    percent-encoded)."""
    if per_batch < 1:
        raise ValueError("per_batch must be at least 1")
    chunks = [accounts[i : i + per_batch] for i in range(0, len(accounts), per_batch)] or [[]]
    uris = []
    for index, chunk in enumerate(chunks):
        payload = cast(Any, MigrationPayload)(
            version=version, batch_size=len(chunks), batch_index=index, batch_id=batch_id
        )
        for account in chunk:
            if account.type is OtpType.STEAM or account.digits not in (6, 8):
                raise ValueError(f"Google Authenticator cannot hold {account!r}")
            payload.otp_parameters.add(
                secret=account.secret,
                name=f"{account.issuer}:{account.name}" if account.issuer else account.name,
                issuer=account.issuer,
                algorithm=_ALGORITHM_NUMBERS[account.algorithm],
                digits=2 if account.digits == 8 else 1,
                type=1 if account.type is OtpType.HOTP else 2,
                counter=account.counter,
            )
        try:
            data = payload.SerializeToString()
        except EncodeError as error:  # pragma: no cover - every field above is valid
            raise ValueError(str(error)) from error
        encoded = quote(base64.b64encode(data).decode("ascii"), safe="")
        uris.append(f"{PREFIX}offline?data={encoded}")
    return uris


_ALGORITHM_NUMBERS: Final = {Algorithm.SHA1: 1, Algorithm.SHA256: 2, Algorithm.SHA512: 3}
