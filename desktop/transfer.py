"""Import into and export from the vault: what ``tweestap import/export`` and the windows share.

Reading a foreign file is :mod:`desktop.importers`, writing one :mod:`desktop.exporters`;
this module puts the result in the vault (all at once, or nothing) and keeps the time of
the last backup in the vault's settings, for the window's reminder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.exporters import ExportFormat
from desktop.otp.model import Account

if TYPE_CHECKING:
    from desktop.importers import ImportResult, Skipped
    from desktop.importers.merge import Duplicate, Resemblance
    from desktop.vault import Vault

LAST_BACKUP_SETTING = "last_backup"
"""Vault setting: when the accounts were last exported to a file (ISO 8601, UTC)."""

FILE_SUFFIXES: dict[ExportFormat, str] = {
    ExportFormat.TWEESTAP: ".tweestap-backup",
    ExportFormat.AEGIS: ".json",
    ExportFormat.AEGIS_ENCRYPTED: ".json",
    ExportFormat.OTPAUTH: ".txt",
    ExportFormat.GOOGLE_QR: ".png",
}


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


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What a bulk addition did (see :mod:`desktop.importers.merge` for the rule)."""

    imported: list[Account] = field(default_factory=list)
    """Stored, as stored."""
    duplicates: list[Duplicate] = field(default_factory=list)
    """Left out: exactly these accounts are in Tweestap already."""
    repeated: list[Duplicate] = field(default_factory=list)
    """Left out: the file lists them more than once; the first one counts."""
    alike: list[Resemblance] = field(default_factory=list)
    """Stored, but each looks like another account: the same key, or the same name."""
    failed: list[Skipped] = field(default_factory=list)
    """Not stored, each with the reason."""

    def resemblance(self, account: Account) -> Resemblance | None:
        """What the stored ``account`` looks like, if anything."""
        return next((r for r in self.alike if r.account.id == account.id), None)


def apply_import(vault: Vault, result: ImportResult) -> ImportSummary:
    """Store the accounts of ``result`` in one save: all of them or (on an error) none.
    Only exact duplicates are left out (:mod:`desktop.importers.merge`)."""
    from desktop.importers.merge import import_into

    planned = import_into(vault, result)
    return ImportSummary(
        imported=planned.new,
        duplicates=planned.duplicates,
        repeated=planned.repeated,
        alike=planned.alike,
        failed=[*result.skipped, *planned.refused],
    )


def export_bytes(
    export_format: ExportFormat,
    accounts: Sequence[Account],
    password: str | None,
    *,
    now: float,
) -> bytes:
    """The file of a file format (everything but :attr:`ExportFormat.GOOGLE_QR`)."""
    from desktop.exporters import aegis, backup, otpauth

    match export_format:
        case ExportFormat.TWEESTAP:
            return backup.write_backup(
                accounts, password or "", created=datetime.fromtimestamp(now, UTC)
            )
        case ExportFormat.AEGIS_ENCRYPTED:
            return aegis.write_encrypted(accounts, password or "")
        case ExportFormat.AEGIS:
            return aegis.write_plain(accounts)
        case ExportFormat.OTPAUTH:
            return otpauth.write_links(accounts)
    raise ValueError(f"{export_format} is not a file format")


def record_backup(vault: Vault, now: float) -> None:
    vault.set_setting(
        LAST_BACKUP_SETTING, datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    )


def last_backup(vault: Vault) -> datetime | None:
    value = vault.settings.get(LAST_BACKUP_SETTING)
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def backup_reminder_due(vault: Vault) -> bool:
    """Accounts exist and none was ever exported to a file."""
    return bool(vault.accounts) and last_backup(vault) is None


def default_file_name(export_format: ExportFormat, now: float) -> str:
    day = datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%d")
    stem = {
        ExportFormat.TWEESTAP: "tweestap-backup",
        ExportFormat.AEGIS: "aegis-export-plain",
        ExportFormat.AEGIS_ENCRYPTED: "aegis-export",
        ExportFormat.OTPAUTH: "otpauth-links",
        ExportFormat.GOOGLE_QR: "google-authenticator",
    }[export_format]
    return f"{stem}-{day}{FILE_SUFFIXES[export_format]}"
