"""Importers for other authenticators' files, behind one interface (:mod:`.base`).

Each format lives in its own module exporting ``IMPORTER``; modules are imported only
when a file is actually read, so start-up does not pay for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.importers.base import (
    DamagedFile,
    Importer,
    ImportProblem,
    ImportResult,
    PasswordNeeded,
    Skipped,
    UnknownFormat,
    WrongPassword,
)

__all__ = [
    "FORMAT_MODULES",
    "MAX_IMPORT_SIZE",
    "DamagedFile",
    "ImportFileUnreadable",
    "ImportProblem",
    "ImportResult",
    "Importer",
    "PasswordNeeded",
    "Skipped",
    "UnknownFormat",
    "UnknownFormatKey",
    "WrongPassword",
    "detect",
    "importer",
    "importers",
    "read_bytes",
    "read_file",
    "read_import_file",
]

# format key -> module under desktop.importers. Detection tries them in this order:
# the most specific signatures first, the plain URI list (which accepts any text with
# otpauth:// lines) last. "winauth" is only chosen explicitly (same file as otpauth_uri).
FORMAT_MODULES: dict[str, str] = {
    "tweestap": "tweestap_backup",
    "aegis": "aegis",
    "2fas": "twofas",
    "andotp": "andotp",
    "stratum": "stratum",
    "authenticator_plus": "authenticator_plus",
    "authy": "authy",
    "battle_net": "battle_net",
    "bitwarden": "bitwarden",
    "duo": "duo",
    "freeotp_plus": "freeotp_plus",
    "freeotp": "freeotp",
    "google_authenticator": "google_authenticator",
    "microsoft_authenticator": "microsoft_authenticator",
    "proton_authenticator": "proton_authenticator",
    "steam": "steam",
    "totp_authenticator": "totp_authenticator",
    "google_migration": "google_migration",
    "ente_auth": "ente_auth",
    "otpauth_uri": "otpauth_uri",
    "winauth": "winauth",
}
EXPLICIT_ONLY = frozenset({"winauth"})


class UnknownFormatKey(ImportProblem):
    def __init__(self, key: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Tweestap does not know the format “{key}”."), key=key
        )


def importer(key: str) -> Importer:
    if key not in FORMAT_MODULES:
        raise UnknownFormatKey(key)
    module = importlib.import_module(f"desktop.importers.{FORMAT_MODULES[key]}")
    found: Importer = module.IMPORTER
    return found


def importers() -> Iterator[Importer]:
    for key in FORMAT_MODULES:
        if key not in EXPLICIT_ONLY:
            yield importer(key)


def detect(name: str, data: bytes) -> Importer:
    if not data:  # an empty file, or a named pipe nobody wrote to
        from desktop.importers._problems import empty_file

        raise empty_file()
    for candidate in importers():
        if candidate.sniff(name, data):
            return candidate
    raise UnknownFormat()


def read_bytes(
    name: str, data: bytes, *, format_key: str = "auto", password: str | None = None
) -> ImportResult:
    chosen = detect(name, data) if format_key == "auto" else importer(format_key)
    if password is None and chosen.is_encrypted(data):
        raise PasswordNeeded(chosen.title)
    return chosen.read(data, password)


def read_file(path: Path, *, format_key: str = "auto", password: str | None = None) -> ImportResult:
    """Read ``path`` as :func:`read_import_file` does (at most its size limit, from
    anything), then :func:`read_bytes`."""
    data = read_import_file(path)
    return read_bytes(path.name, data, format_key=format_key, password=password)


MAX_IMPORT_SIZE = 64 * 1024 * 1024
"""No authenticator export comes near this; a bigger file is surely something else."""


class ImportFileUnreadable(UserError):
    """The file to import cannot be read at all."""


def read_import_file(path: Path) -> bytes:
    """The bytes of the file to import, or :class:`ImportFileUnreadable`. At most
    :data:`MAX_IMPORT_SIZE` bytes are read, from a file, a pipe or a device alike."""
    from desktop.files import TooLarge, read_limited

    try:
        data = read_limited(path, MAX_IMPORT_SIZE)
    except TooLarge:
        raise ImportFileUnreadable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} is too large to be an authenticator export; nothing was imported.",
            ),
            file=str(path),
        ) from None
    except FileNotFoundError:
        raise ImportFileUnreadable(
            QT_TRANSLATE_NOOP("Errors", "There is no file {file}."), file=str(path)
        ) from None
    except IsADirectoryError:
        raise ImportFileUnreadable(
            QT_TRANSLATE_NOOP("Errors", "{file} is a folder, not an export file."), file=str(path)
        ) from None
    except OSError as error:
        raise ImportFileUnreadable(
            QT_TRANSLATE_NOOP("Errors", "{file} cannot be read ({reason})."),
            file=str(path),
            reason=error.strerror or type(error).__name__,
        ) from None
    return data
