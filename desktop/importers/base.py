"""The common shape of every foreign-format importer.

An importer turns the bytes of a file written by another authenticator into accounts.
It is pure: no Qt, no files opened behind the caller's back (a format that needs a
file on disk, such as SQLite, writes a private temporary copy itself), no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.otp.model import Account
from desktop.text import clean_line


class ImportProblem(UserError):
    """A file that cannot be imported; the sentence says why in the user's words."""


class UnknownFormat(ImportProblem):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This file is not an export of an authenticator app that Tweestap knows.",
            )
        )


class PasswordNeeded(ImportProblem):
    """The file is encrypted and no password was given: ask for one and try again."""

    def __init__(self, format_title: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "This {format} file is protected with a password."),
            format=format_title,
        )
        self.format_title = format_title


class WrongPassword(ImportProblem):
    def __init__(self, format_title: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "The password does not open this {format} file. Nothing was imported."
            ),
            format=format_title,
        )
        self.format_title = format_title


class DamagedFile(ImportProblem):
    """The file looks like the format but cannot be read: truncated, corrupt or edited."""

    def __init__(self, format_title: str, detail: str = "") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This {format} file is damaged or incomplete and cannot be read. "
                "Nothing was imported.",
            ),
            format=format_title,
        )
        self.format_title = format_title
        self.detail = detail  # for logs and tests only, never shown


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry of the file that could not become an account, and why (a UserError)."""

    label: str
    reason: UserError

    def __post_init__(self) -> None:
        # The name of an entry that was not imported comes from the file as it is: on one
        # line and without control characters, like the names of accounts.
        object.__setattr__(self, "label", clean_line(self.label).strip())


@dataclass(frozen=True, slots=True)
class ImportResult:
    format_key: str
    accounts: list[Account]
    skipped: list[Skipped] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)
    """Group name -> ids of ``accounts`` in it, where the format has groups (Aegis)."""


class Importer(Protocol):
    key: str
    """Stable identifier, as in the corpus manifest and ``tweestap import --format``."""
    title: str
    """The app's own name as users know it ("Aegis", "2FAS"): not translated."""
    scannable: bool
    """Whether this format also arrives as a QR code (Google's export)."""
    may_be_encrypted: bool

    def sniff(self, name: str, data: bytes) -> bool:
        """Cheap and certain-enough: does this file look like ours? Never raises."""
        ...

    def is_encrypted(self, data: bytes) -> bool:
        """Whether :meth:`read` will need a password for this file. Never raises."""
        ...

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        """Every account in the file, or an :class:`ImportProblem`; never another error."""
        ...
