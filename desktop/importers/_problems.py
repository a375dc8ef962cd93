"""The refusals the format modules share: why an entry was not imported (shown next to its
label) and why a whole file cannot be, each one sentence in the user's words. The same
sentence is used by every format, so it has one translation."""

from __future__ import annotations

import re
from typing import Final

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.importers.base import ImportProblem


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


def not_importable() -> EntryProblem:
    """An entry the app keeps in a form no other app can use: a key it encrypted with the
    phone's own key store, or an account that makes no codes (sign-in approvals)."""
    return EntryProblem(
        QT_TRANSLATE_NOOP(
            "Errors", "Tweestap cannot import this kind of account, so it was left out."
        )
    )
