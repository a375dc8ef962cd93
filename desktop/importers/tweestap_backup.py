"""Tweestap's own backup file (``docs/backup-format.md``; written by
:mod:`desktop.exporters.backup`). Always encrypted; the password alone opens it, on any
computer, without the vault or the keyring it was made from."""

from __future__ import annotations

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.exporters import backup
from desktop.importers.base import (
    DamagedFile,
    ImportProblem,
    ImportResult,
    PasswordNeeded,
    WrongPassword,
)

TITLE = "Tweestap"


class BackupTooNew(ImportProblem):
    def __init__(self, version: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This backup was made by a newer version of Tweestap (format {version}). "
                "Update Tweestap to import it.",
            ),
            version=version,
        )
        self.version = version


class TweestapBackupImporter:
    key = "tweestap"
    title = TITLE
    scannable = False
    may_be_encrypted = True

    def sniff(self, name: str, data: bytes) -> bool:
        return backup.is_backup(data)

    def is_encrypted(self, data: bytes) -> bool:
        return backup.is_backup(data)  # every backup is; anything else is no backup at all

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if not backup.is_backup(data):
            raise DamagedFile(TITLE, "not a Tweestap backup")
        if password is None:
            raise PasswordNeeded(TITLE)
        try:
            contents = backup.read_backup(data, password)
        except backup.WrongBackupPassword:
            raise WrongPassword(TITLE) from None
        except backup.BackupTooNew as error:
            raise BackupTooNew(error.version) from None
        except backup.CorruptBackup as error:
            raise DamagedFile(TITLE, str(error)) from None
        return ImportResult(
            format_key=self.key,
            accounts=list(contents.accounts),
            groups={name: list(ids) for name, ids in contents.groups.items()},
        )


IMPORTER = TweestapBackupImporter()
