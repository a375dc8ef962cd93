"""``tweestap import FILE [--format auto|KEY] [--password P]`` and
``tweestap export FILE --format FORMAT [--password P]``.

Import reads the whole file before the vault is opened; a file that cannot be read (or
whose password is wrong) stores nothing. Every account is reported: imported (standard
output), left out because Tweestap already holds exactly that account, or not imported
with the reason (standard error); an imported account that looks like another (the same
setup key, or the same name with another key) gets a note on standard error. Exit 1 when
nothing was imported because of an error, or the file holds no accounts; an import of only
known accounts is not an error.

Export writes the file atomically with mode 0600. The encrypted formats (``tweestap``,
``aegis-encrypted``) need a password of at least 8 characters: ``--password``, or typed
twice on a terminal. The other formats are not encrypted: the command says so on standard
error each time (no extra option to type; the warning is the point). ``google-qr`` writes
one PNG per QR code (``FILE``, or ``NAME-1.png``, ``NAME-2.png``, … for several) and lists
the accounts Google Authenticator cannot hold.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.clock import Clock
from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.exporters import ExportFormat, check_password, write_private_file
from desktop.i18n import error_text
from desktop.otp.model import Likeness

from . import console
from .accounts import UsageProblem

if TYPE_CHECKING:
    from desktop.importers import Importer, ImportResult
    from desktop.importers.into_vault import ImportSummary, Resemblance
    from desktop.otp.model import Account
    from desktop.vault import Vault

translate = QCoreApplication.translate

OK, REFUSED = 0, 1
PASSWORD_TRIES = 3


class PasswordMissing(UserError):
    """An encrypted export without ``--password`` and no terminal to ask on."""


# -- import ---------------------------------------------------------------------------------


def run_import(args: argparse.Namespace, open_vault: Callable[[], Vault]) -> int:
    from desktop.importers import read_import_file
    from desktop.importers.into_vault import store

    path = Path(args.file)
    data = read_import_file(path)
    result = _read(path, data, args.format, args.password)
    if not result.accounts and not result.skipped:
        console.err(translate("Cli", "{file} holds no accounts.").format(file=path))
        return REFUSED
    vault = open_vault()
    summary = store(vault, result)
    for account in summary.imported:
        console.out(translate("Cli", "Imported {label}").format(label=account.label))
    report(summary)
    console.out(
        translate(
            "Cli", "{imported} imported, {duplicates} skipped as duplicates, {failed} failed."
        ).format(
            imported=len(summary.imported),
            duplicates=len(summary.duplicates) + len(summary.repeated),
            failed=len(summary.failed),
        )
    )
    if summary.imported or not summary.failed:
        return OK
    return REFUSED


def report(summary: ImportSummary) -> None:
    """On standard error: what the stored accounts look like, what was left out as a
    duplicate, and what was not stored and why (shared by ``import`` and ``scan --add``)."""
    for resemblance in summary.alike:
        console.err(alike_sentence(resemblance))
    for duplicate in summary.duplicates:
        console.err(
            translate("Cli", "Skipped {label}: Tweestap already has this account.").format(
                label=duplicate.incoming.label
            )
        )
    for duplicate in summary.repeated:
        console.err(
            translate("Cli", "Skipped {label}: it was read more than once.").format(
                label=duplicate.incoming.label
            )
        )
    for skipped in summary.failed:
        console.err(
            translate("Cli", "Not imported: {label}: {reason}").format(
                label=skipped.label, reason=error_text(skipped.reason)
            )
        )


def alike_sentence(resemblance: Resemblance) -> str:
    if resemblance.likeness is Likeness.SAME_KEY:
        text = translate(
            "Cli",
            "Note: {label} has the same setup key as {other}; both are kept, remove the one "
            "you do not need.",
        )
    else:
        text = translate(
            "Cli",
            "Note: {label} has the same name as {other} but another setup key; both are "
            "kept, remove the one that no longer works.",
        )
    return text.format(label=resemblance.account.label, other=resemblance.other.label)


def _read(path: Path, data: bytes, format_key: str, password: str | None) -> ImportResult:
    from desktop import importers

    chosen: Importer = (
        importers.detect(path.name, data)
        if format_key == "auto"
        else importers.importer(format_key)
    )
    if password is not None or not chosen.is_encrypted(data):
        return chosen.read(data, password)
    if not sys.stdin.isatty():
        console.err(translate("Cli", "Give the file's password with --password."))
        raise importers.PasswordNeeded(chosen.title)
    for attempt in range(1, PASSWORD_TRIES + 1):
        typed = getpass.getpass(
            translate("Cli", "Password of the {format} file {file}: ").format(
                format=chosen.title, file=path.name
            )
        )
        try:
            return chosen.read(data, typed)
        except importers.WrongPassword as wrong:
            if attempt == PASSWORD_TRIES:
                raise
            console.fail(wrong)
    raise AssertionError("unreachable")  # pragma: no cover


# -- export ---------------------------------------------------------------------------------


def check_export_args(args: argparse.Namespace) -> ExportFormat:
    """Refuse options that do not fit together, before the vault is opened."""
    export_format = ExportFormat(args.format)
    if args.password is not None and not export_format.encrypted:
        raise UsageProblem(
            QT_TRANSLATE_NOOP(
                "Errors",
                "--password is only for the encrypted formats (tweestap, aegis-encrypted).",
            )
        )
    if args.password is not None:
        check_password(args.password)
    return export_format


def run_export(args: argparse.Namespace, open_vault: Callable[[], Vault], clock: Clock) -> int:
    from desktop import exporters
    from desktop.backup_reminder import record_backup
    from desktop.exporters.files import export_bytes

    export_format = check_export_args(args)
    vault = open_vault()
    accounts = list(vault.accounts)
    exporters.require_accounts(accounts)
    password = args.password
    if export_format.encrypted and password is None:
        password = _new_password()
    path = Path(args.file)
    now = clock.now()
    if export_format is ExportFormat.GOOGLE_QR:
        return _export_google(path, accounts)
    if not export_format.encrypted:
        _warn_plain(path)
    data = export_bytes(export_format, accounts, password, now=now)
    write_private_file(path, data)
    record_backup(vault, now)
    if len(accounts) == 1:
        done = translate("Cli", "Exported 1 account to {file}.")
    else:
        done = translate("Cli", "Exported {count} accounts to {file}.")
    console.out(done.format(count=len(accounts), file=path))
    return OK


def _new_password() -> str:
    if not sys.stdin.isatty():
        raise PasswordMissing(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This format is encrypted: give the password with --password. Nothing was written.",
            )
        )
    console.err(
        translate(
            "Cli",
            "Choose a password for the export (at least 8 characters). Without it the file "
            "cannot be opened.",
        )
    )
    for _ in range(PASSWORD_TRIES):
        first = getpass.getpass(translate("Cli", "New password: "))
        try:
            check_password(first)
        except UserError as weak:
            console.fail(weak)
            continue
        second = getpass.getpass(translate("Cli", "Repeat the password: "))
        if first == second:
            return first
        console.err(translate("Cli", "The two passwords differ."))
    raise PasswordMissing(
        QT_TRANSLATE_NOOP("Errors", "No password was chosen; nothing was written.")
    )


def _warn_plain(path: Path) -> None:
    console.err(
        translate(
            "Cli",
            "Warning: {file} is not encrypted. Anyone who gets it can make your codes; keep "
            "it safe and delete it when you no longer need it.",
        ).format(file=path)
    )


def _export_google(path: Path, accounts: list[Account]) -> int:
    from desktop.exporters.google import google_export, png

    export = google_export(accounts)
    files = qr_file_names(path, len(export.codes))
    console.err(
        translate(
            "Cli",
            "Warning: anyone who sees these QR codes can copy your accounts. Show them only "
            "to your own phone and delete the pictures afterwards.",
        )
    )
    for file, code in zip(files, export.codes, strict=True):
        write_private_file(file, png(code))
    for left in export.left_out:
        console.err(
            translate("Cli", "Left out {label}: {reason}").format(
                label=left.account.label, reason=error_text(left.reason)
            )
        )
    if len(files) == 1:
        wrote = translate(
            "Cli",
            "Wrote a QR code. In Google Authenticator, choose Transfer accounts, Import "
            "accounts, and scan it:",
        )
    else:
        wrote = translate(
            "Cli",
            "Wrote {codes} QR codes with {count} accounts. In Google Authenticator, choose "
            "Transfer accounts, Import accounts, and scan them in order:",
        )
    console.out(wrote.format(codes=len(files), count=len(export.accounts)))
    for file in files:
        console.out(str(file))
    return OK


def qr_file_names(path: Path, count: int) -> list[Path]:
    """``path`` itself for one code; ``NAME-1.png``, ``NAME-2.png``, … for several."""
    if count == 1:
        return [path]
    suffix = path.suffix or ".png"
    return [path.with_name(f"{path.stem}-{number}{suffix}") for number in range(1, count + 1)]
