"""Writing the accounts out: Tweestap's own backup, Aegis, otpauth links, Google QR codes.

Pure like the importers: bytes (or texts) out, no Qt, no clock (the caller passes the
time), no files except through :func:`write_private_file`, which replaces a file
atomically with mode 0600. Every refusal is an :class:`ExportProblem` with a sentence for
a person.
"""

from __future__ import annotations

import enum
import os
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import Account

MIN_PASSWORD_LENGTH = 8


class ExportFormat(enum.StrEnum):
    """The formats of ``tweestap export --format``."""

    TWEESTAP = "tweestap"
    AEGIS = "aegis"
    AEGIS_ENCRYPTED = "aegis-encrypted"
    OTPAUTH = "otpauth"
    GOOGLE_QR = "google-qr"

    @property
    def encrypted(self) -> bool:
        return self in (ExportFormat.TWEESTAP, ExportFormat.AEGIS_ENCRYPTED)


class ExportProblem(UserError):
    """An export that cannot be made; nothing was written."""


class WeakPassword(ExportProblem):
    """A password that would not protect an encrypted export."""


class NothingToExport(ExportProblem):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "There are no accounts to export; nothing was written.")
        )


class ExportWriteFailed(ExportProblem):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Could not write {path} ({reason}); nothing was exported."),
            path=str(path),
            reason=reason,
        )
        self.path = path


def check_password(password: str) -> None:
    """Refuse a password that would not protect an encrypted export (:class:`WeakPassword`).

    The rule is deliberately simple and said in one sentence: at least
    :data:`MIN_PASSWORD_LENGTH` characters, not all the same one.
    """
    text = unicodedata.normalize("NFC", password)
    if not text:
        raise WeakPassword(
            QT_TRANSLATE_NOOP(
                "Errors",
                "An encrypted export needs a password: without one, anyone who gets the file "
                "can copy your accounts.",
            )
        )
    if len(text) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            QT_TRANSLATE_NOOP(
                "Errors", "The password is too short: use at least {count} characters."
            ),
            count=MIN_PASSWORD_LENGTH,
        )
    if any("\ud800" <= char <= "\udfff" for char in text):
        raise WeakPassword(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The password contains bytes that are not text in this system's encoding, so "
                "it could not be typed again elsewhere: choose another one.",
            )
        )
    if len(set(text)) == 1:
        raise WeakPassword(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The password is one character repeated, which is easy to guess: choose "
                "another one.",
            )
        )


def password_bytes(password: str) -> bytes:
    """The password as every system types it: Unicode NFC, then UTF-8. Bytes that are not
    UTF-8 (a command line in another encoding) are used as they came, so reading a file
    with such a password says "wrong password" instead of failing."""
    return unicodedata.normalize("NFC", password).encode("utf-8", "surrogateescape")


def check_export_target(path: Path) -> None:
    """Refuse (:class:`ExportWriteFailed`) a ``path`` an export must not be written to."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise ExportWriteFailed(path, error.strerror or type(error).__name__) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise ExportProblem(
            QT_TRANSLATE_NOOP(
                "Errors", "{path} is a folder; give the name of the file to write in it."
            ),
            path=str(path),
        )
    if found is not None and not (stat.S_ISREG(found.st_mode) or stat.S_ISLNK(found.st_mode)):
        raise ExportProblem(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{path} is not a file (it is a device, a pipe or a socket); nothing was exported.",
            ),
            path=str(path),
        )


def require_accounts(accounts: Sequence[Account]) -> None:
    if not accounts:
        raise NothingToExport()


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An account an export format cannot hold, and why."""

    account: Account
    reason: UserError


def write_private_file(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, readable by its owner only (0600).

    Only a file is ever replaced: a folder, a device (``/dev/null``), a named pipe or a
    socket of that name is refused. The atomic replace would otherwise put a plain file in
    the place of a device, which for ``root`` is a system file. A missing folder is made
    (private, 0700), as for the vault."""
    from desktop.vault import store

    check_export_target(path)
    try:
        store.write_atomic(path, data)
    except store.StoreError as error:
        raise ExportWriteFailed(path, error.reason) from error
