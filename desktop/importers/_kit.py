"""Shared tools of the format modules: defensive JSON reading, entries that become accounts
or :class:`~desktop.importers.base.Skipped` entries, bounded key derivation and AEAD opening.

Everything here turns bad input into a :class:`~desktop.errors.UserError`; nothing lets a
``KeyError``, ``TypeError`` or ``ValueError`` out to the caller.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.importers.base import DamagedFile, ImportProblem, ImportResult, Skipped
from desktop.otp.model import (
    DEFAULT_PERIOD,
    STEAM_DIGITS,
    Account,
    Algorithm,
    OtpType,
    algorithm_named,
)

# -- problems -------------------------------------------------------------------------------


class EntryProblem(UserError):
    """Why one entry of a file did not become an account (shown next to its label)."""


def damaged_entry() -> EntryProblem:
    # The same sentence as the other importers' (one translation).
    return EntryProblem(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The details of this account are missing or damaged, so it was not imported.",
        )
    )


def unsupported_kind(kind: str) -> EntryProblem:
    return EntryProblem(
        QT_TRANSLATE_NOOP(
            "Errors", "This is a {kind} account; Tweestap can only make TOTP, HOTP and Steam codes."
        ),
        kind=shorten(kind),
    )


def unknown_algorithm(name: str) -> EntryProblem:
    # The same sentence as desktop.otp.uri's, so it shares its translation.
    return EntryProblem(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The algorithm '{algorithm}' is unknown; codes can use SHA1, SHA256 or SHA512.",
        ),
        algorithm=shorten(name),
    )


class NewerVersion(ImportProblem):
    def __init__(self, format_title: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This {format} file was made by a newer version of {format} than Tweestap can "
                "read. Nothing was imported.",
            ),
            format=format_title,
        )


class EncryptionNotSupported(ImportProblem):
    def __init__(self, format_title: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Tweestap cannot open encrypted {format} exports. Export your accounts from "
                "{format} again without a password, import that file, then delete it.",
            ),
            format=format_title,
        )


class NothingToImport(ImportProblem):
    """A file of the right kind that holds no account data at all."""


def empty_file() -> NothingToImport:
    return NothingToImport(
        QT_TRANSLATE_NOOP("Errors", "The file is empty: there is nothing to import.")
    )


def as_problem(error: UserError) -> ImportProblem:
    """Another module's refusal (same sentence, same translation) as an import problem."""
    if isinstance(error, ImportProblem):
        return error
    return ImportProblem(error.text, **error.params)


def shorten(value: str, limit: int = 24) -> str:
    """A value fit to quote in a sentence: one line, at most ``limit`` characters."""
    value = " ".join(showable(value).split())
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def showable(text: str) -> str:
    """``text`` with what cannot be shown or written as UTF-8 (lone surrogates, which JSON
    escapes such as ``\\ud800`` produce) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


# -- reading JSON ---------------------------------------------------------------------------


class BadData(Exception):
    """Internal: a value of the wrong type or shape. Never leaves the importers: an entry
    turns it into :func:`damaged_entry`, a file into :class:`DamagedFile`."""


_NOT_JSON: Final = object()


def parse_json(data: bytes) -> object:
    """The JSON value in ``data`` (UTF-8, with or without a byte order mark), or
    :data:`_NOT_JSON`. Not cached, so that no secret outlives the import."""
    if data.lstrip()[:1] not in (b"{", b"[", b"\xef"):
        return _NOT_JSON
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError: bad JSON, or an integer with more digits than Python converts
        return _NOT_JSON


def json_value(data: bytes) -> object | None:
    """The parsed JSON, or ``None`` when ``data`` is not JSON (for ``sniff``)."""
    value = parse_json(data)
    return None if value is _NOT_JSON else value


def load_json(data: bytes, format_title: str) -> object:
    """The parsed JSON, or :class:`DamagedFile`."""
    value = parse_json(data)
    if value is _NOT_JSON:
        raise DamagedFile(format_title, "not JSON")
    return value


def load_json_text(text: bytes, format_title: str) -> object:
    """Decrypted JSON (never cached: it holds secrets)."""
    try:
        return json.loads(text.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DamagedFile(format_title, "decrypted data is not JSON") from None


class Record:
    """A JSON object read defensively: a field of the wrong type raises :class:`BadData`."""

    __slots__ = ("raw",)

    def __init__(self, value: object) -> None:
        if not isinstance(value, dict):
            raise BadData("not an object")
        self.raw: dict[object, object] = value

    @classmethod
    def maybe(cls, value: object) -> Record | None:
        return cls(value) if isinstance(value, dict) else None

    def has(self, key: str) -> bool:
        return self.raw.get(key) is not None

    def get(self, key: str) -> object:
        return self.raw.get(key)

    def text(self, key: str, default: str = "") -> str:
        """A string field (lone surrogates replaced: see :func:`showable`)."""
        value = self.raw.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            raise BadData(key)
        return showable(value)

    def integer(self, key: str, default: int | None = None) -> int:
        value = self.raw.get(key)
        if value is None:
            if default is None:
                raise BadData(key)
            return default
        return as_integer(value)

    def record(self, key: str) -> Record:
        return Record(self.raw.get(key))

    def items(self, key: str) -> list[object]:
        value = self.raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise BadData(key)
        return value


def as_integer(value: object) -> int:
    """A JSON number that is a whole number (``3`` or ``3.0``; never ``true``)."""
    if isinstance(value, bool):
        raise BadData("boolean")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    raise BadData("not a whole number")


def algorithm(name: str) -> Algorithm:
    """``SHA1`` when empty; any case, ``SHA-256`` spelt with a dash."""
    raw = name.strip()
    found = algorithm_named(raw)
    if found is None:
        raise unknown_algorithm(raw)
    return found


def base64_bytes(text: str) -> bytes:
    """Standard base64 (padding optional); :class:`BadData` otherwise."""
    cleaned = "".join(text.split())
    if not cleaned.isascii():
        raise BadData("base64")
    try:
        return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise BadData("base64") from None


def hex_bytes(text: str) -> bytes:
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise BadData("hex") from None


def account_label(issuer: str, name: str, position: int) -> str:
    """How a skipped entry is named: ``Issuer: name``, or ``#3`` (its place in the file)."""
    issuer, name = showable(issuer).strip(), showable(name).strip()
    if issuer and name:
        return f"{issuer}: {name}"
    return issuer or name or f"#{position}"


def group_names(raw_groups: list[object], id_key: str) -> dict[str, str]:
    """Group id (the field ``id_key``) -> name, of a file's list of groups; unreadable
    groups and groups without a name are left out."""
    names: dict[str, str] = {}
    for raw in raw_groups:
        group = Record.maybe(raw)
        if group is None:
            continue
        group_id, name = group.get(id_key), group.get("name")
        if isinstance(group_id, str) and isinstance(name, str) and name.strip():
            names[group_id] = name.strip()
    return names


def build_account(
    otp_type: OtpType,
    issuer: str,
    name: str,
    secret: bytes,
    fields: Record,
    *,
    algorithm_key: str = "algorithm",
    algorithm_of: Callable[[Record], Algorithm] | None = None,
    hotp_keeps_period: bool = False,
) -> Account:
    """The account of one entry whose code settings are the fields ``period``, ``digits``,
    ``counter`` and ``algorithm_key`` (or what ``algorithm_of`` reads) of ``fields``.

    Only the fields the type uses are read, so a damaged one that does not matter never
    skips the entry: Steam reads ``period`` alone (its algorithm and digits are fixed),
    HOTP no ``period`` unless ``hotp_keeps_period`` (the format stores one for every
    type), TOTP no ``counter``.
    """
    if otp_type is OtpType.STEAM:
        return Account(
            issuer=issuer,
            name=name,
            secret=secret,
            type=otp_type,
            algorithm=Algorithm.SHA1,
            digits=STEAM_DIGITS,
            period=fields.integer("period", DEFAULT_PERIOD),
        )
    periodic = otp_type is OtpType.TOTP or hotp_keeps_period
    return Account(
        issuer=issuer,
        name=name,
        secret=secret,
        type=otp_type,
        algorithm=(
            algorithm_of(fields)
            if algorithm_of is not None
            else algorithm(fields.text(algorithm_key))
        ),
        digits=fields.integer("digits", 6),
        period=fields.integer("period", DEFAULT_PERIOD) if periodic else DEFAULT_PERIOD,
        counter=fields.integer("counter", 0) if otp_type is OtpType.HOTP else 0,
    )


# -- collecting the result ------------------------------------------------------------------


@dataclass
class Collector:
    """Accounts, skipped entries and groups of one file, in file order."""

    format_key: str
    accounts: list[Account] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)

    def add(self, label: str, make: Callable[[], Account]) -> Account | None:
        """The account ``make`` builds, or ``None`` with the entry skipped and why."""
        try:
            account = make()
        except UserError as error:
            self.skip(label, error)
            return None
        except BadData:
            self.skip(label, damaged_entry())
            return None
        self.accounts.append(account)
        return account

    def keep(self, account: Account) -> None:
        """An account another reader has already built and checked."""
        self.accounts.append(account)

    def skip(self, label: str, reason: UserError) -> None:
        self.skipped.append(Skipped(label=label, reason=reason))

    def group(self, name: str, account: Account) -> None:
        members = self.groups.setdefault(showable(name), [])
        if account.id not in members:
            members.append(account.id)

    def result(self) -> ImportResult:
        groups = {name: ids for name, ids in self.groups.items() if ids}
        return ImportResult(
            format_key=self.format_key,
            accounts=list(self.accounts),
            skipped=list(self.skipped),
            groups=groups,
        )


# -- cryptography ---------------------------------------------------------------------------


def aes_gcm_open(key: bytes, nonce: bytes, sealed: bytes, aad: bytes | None = None) -> bytes | None:
    """The plaintext of AES-GCM ``sealed`` (ciphertext followed by the 16-byte tag), or
    ``None`` when the key is wrong or the data was changed."""
    if len(key) not in (16, 24, 32) or not 8 <= len(nonce) <= 128 or len(sealed) < 16:
        return None
    try:
        return AESGCM(key).decrypt(nonce, sealed, aad)
    except (InvalidTag, ValueError, OverflowError):
        return None


def utf8_password(password: str) -> bytes:
    """The password as the phone apps hash it. A lone surrogate (undecodable bytes typed
    on a command line) cannot be any app's password, so it is kept as it came in."""
    return password.encode("utf-8", "surrogatepass")


# -- files ----------------------------------------------------------------------------------


@contextmanager
def private_copy(data: bytes, name: str, *, ignore_cleanup_errors: bool = False) -> Iterator[Path]:
    """``data`` in a file ``name`` that only this user can read (0600, in a new folder of
    its own, 0700), for a reader that needs a file; removed with its folder afterwards.
    ``OSError`` when the copy cannot be made."""
    with tempfile.TemporaryDirectory(
        prefix="tweestap-import-", ignore_cleanup_errors=ignore_cleanup_errors
    ) as folder:
        path = Path(folder) / name
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as copy:
            copy.write(data)
        yield path
