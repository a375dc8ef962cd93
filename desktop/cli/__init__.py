"""``tweestap``: the desktop app's command line (DESIGN.md fixes its contract).

Exit codes: 0 ok, 1 nothing found or refused, 2 usage error. A mistake of the user's
never shows a traceback: every :class:`UserError` becomes one translated sentence.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence

from desktop.clock import Clock, SystemClock
from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.links import is_link

USAGE_ERROR = 2


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    try:
        return _main(argv, clock)
    except BrokenPipeError:  # the reader of the output went away (``| head``): stop quietly
        return 1


def _main(argv: Sequence[str] | None, clock: Clock | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # Lazily: opening the window must not pay for argparse's work and vice versa.
    from PySide6.QtCore import QCoreApplication

    from desktop import i18n

    if QCoreApplication.instance() is None and _is_command_line(args_list):
        if _captures_screen(args_list) and _has_display():
            from PySide6.QtGui import QGuiApplication

            QGuiApplication(["tweestap"])  # capturing the screen needs the GUI side of Qt
        else:
            QCoreApplication(["tweestap"])
    if QCoreApplication.instance() is not None:
        i18n.install()
    if not _is_command_line(args_list):
        # The window (argparse and the command table would only cost start-up time), perhaps
        # with an otpauth:// link the desktop handed over (Tweestap is its handler): the
        # window opens it in the add dialog, or passes it to the window already open.
        from desktop.ui.app import run

        return run(args_list)

    from desktop.cli import argparse_text
    from desktop.cli.parser import build_parser

    argparse_text.install()

    try:
        args = build_parser().parse_args(args_list)
    except SystemExit as done:  # --help, --version and usage errors (argparse exits with 2)
        return done.code if isinstance(done.code, int) else USAGE_ERROR
    if args.command is None:
        from desktop.ui.app import run

        return run(args_list)
    return _run_command(args, clock or corrected_system_clock())


def corrected_system_clock() -> Clock:
    """The window's clock: the system clock plus the correction the window measured and
    remembered (if it still applies), so the command line shows the same codes."""
    from desktop.clock import CorrectedClock
    from desktop.settings import Settings

    return CorrectedClock(SystemClock(), Settings.load().correction)


def _is_command_line(argv: list[str]) -> bool:
    """Anything but "open the window" (perhaps with a link to add) runs without a window."""
    return bool(argv) and argv != ["--exit-after-first-frame"] and not is_link(argv[0])


def _captures_screen(argv: list[str]) -> bool:
    """``scan --screen`` (argparse also takes an unambiguous abbreviation, ``--scr``)."""
    return argv[0] == "scan" and any(
        len(arg) > 2 and "--screen".startswith(arg) for arg in argv[1:]
    )


def _has_display() -> bool:
    """Whether a GUI application can start: on Linux without a display Qt would abort."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_command(args: argparse.Namespace, clock: Clock) -> int:
    from desktop.cli import accounts, console
    from desktop.vault import Vault, open_vault

    def vault_for_scan() -> Vault:
        vault = open_vault(password_prompt=console.ask_password)
        if vault.created and vault.key_notice is not None:
            console.fail(vault.key_notice)
        return vault

    try:
        if args.command == "scan":
            from desktop.cli import scan

            return scan.run(args, vault_for_scan, clock)
        if args.command == "code" and args.uri is not None:
            if args.query:
                raise accounts.UsageProblem(
                    QT_TRANSLATE_NOOP("Errors", "Give either a search text or --uri, not both.")
                )
            if args.advance:
                raise accounts.UsageProblem(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "--advance moves the counter of a stored account; a link given with "
                        "--uri is not stored.",
                    )
                )
            return accounts.code_of_uri(args, clock)
        if args.command == "desktop-entry":
            return _desktop_entry(remove=args.remove)
        if args.command in ("import", "export"):
            from desktop.cli import import_export

            if args.command == "import":
                return import_export.run_import(args, vault_for_scan)
            return import_export.run_export(args, vault_for_scan, clock)
        # Refuse bad input before the vault is opened (and a password perhaps asked for).
        new_account = accounts.account_from_args(args) if args.command == "add" else None
        if args.command == "rename":
            accounts.check_rename_args(args)
        vault = open_vault(password_prompt=console.ask_password)
        if vault.created and vault.key_notice is not None:
            console.fail(vault.key_notice)
        match args.command:
            case "add" if new_account is not None:
                return accounts.add(vault, new_account, replace=args.replace, clock=clock)
            case "list":
                return accounts.list_accounts(vault, args)
            case "remove":
                return accounts.remove(vault, args)
            case "rename":
                return accounts.rename(vault, args)
            case "code":
                return accounts.codes(vault, args, clock)
        raise AssertionError(args.command)  # pragma: no cover - argparse restricts commands
    except accounts.UsageProblem as problem:
        _say(problem)
        return USAGE_ERROR
    except UserError as error:
        _say(error)
        return 1
    except KeyboardInterrupt:
        return 1


def _say(error: UserError) -> None:
    """The refusal's sentence on standard error, unless that cannot be written either."""
    from desktop.cli import console

    with contextlib.suppress(console.OutputFailed):
        console.fail(error)


def _desktop_entry(*, remove: bool) -> int:
    from desktop.cli import console
    from desktop.platform import desktop_entry

    if remove:
        for path in desktop_entry.uninstall():
            console.out(console.translate("Cli", "Removed {path}").format(path=path))
        return 0
    installed = desktop_entry.install()
    console.out(
        console.translate(
            "Cli", "Tweestap is in the application menu ({path}) and opens otpauth:// links."
        ).format(path=installed.entry)
    )
    return 0
