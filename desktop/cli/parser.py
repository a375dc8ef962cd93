"""The command line as DESIGN.md fixes it; help texts are translated like the windows."""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING, Final, NoReturn

from PySide6.QtCore import QCoreApplication

from desktop import __version__
from desktop.otp.codes import MAX_MOMENT
from desktop.text import visible

translate = QCoreApplication.translate

USAGE_ERROR = 2
MAX_NUMBER_LENGTH: Final = 30


class Parser(argparse.ArgumentParser):
    """argparse with exit code 2 and a translated first line for usage errors."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        prefix = translate("Cli", "Usage error")
        # The message may quote what was typed ("unrecognized arguments: ..."): one line,
        # its control characters escaped like everything else the command prints.
        self.exit(USAGE_ERROR, f"{self.prog}: {prefix}: {visible(message)}\n")


def unix_time(text: str) -> float:
    """``--at``: seconds since 1970 (UTC), from 0 to the end of the year 9999; a fraction
    is fine. ``nan``, ``inf`` and anything outside that range is a usage error."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= MAX_MOMENT:
        raise argparse.ArgumentTypeError(
            translate(
                "Cli",
                "give a moment in seconds since 1970, from 0 to {limit} (the year 9999), "
                "not {value}",
            ).format(limit=MAX_MOMENT, value=_quoted(text))
        )
    return value


def whole_number(text: str) -> int:
    """``--digits``, ``--period``, ``--counter``: an ASCII whole number (``-`` allowed, so
    that a negative one gets the account's own range sentence), at most 30 digits."""
    stripped = text.strip()
    digits = stripped.removeprefix("-")
    if not (digits.isascii() and digits.isdecimal()) or len(digits) > MAX_NUMBER_LENGTH:
        raise argparse.ArgumentTypeError(
            translate("Cli", "give a whole number, not {value}").format(value=_quoted(text))
        )
    return int(stripped)


def _quoted(text: str) -> str:
    """What was typed, fit to quote: one line, at most 24 characters."""
    shown = visible(text)
    return f"'{shown}'" if len(shown) <= 24 else f"'{shown[:23]}\u2026'"


if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[Parser]  # what the commands are added to


def build_parser() -> Parser:
    """``tweestap`` and its commands, every help text translated."""
    parser = Parser(
        prog="tweestap",
        description=translate(
            "Cli",
            "Tweestap: two-step verification codes on your computer. "
            "Without a command, the window opens.",
        ),
    )
    parser.add_argument("--version", action="version", version=f"tweestap {__version__}")
    parser.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        help=translate("Cli", "open the window and quit once the first codes are painted"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    _add_command(commands)
    _list_command(commands)
    _remove_command(commands)
    _rename_command(commands)
    _code_command(commands)
    _scan_command(commands)
    _import_command(commands)
    _export_command(commands)
    _desktop_entry_command(commands)
    return parser


def _add_command(commands: Commands) -> None:

    add = commands.add_parser("add", help=translate("Cli", "add an account"))
    add.add_argument("uri", nargs="?", help=translate("Cli", "an otpauth:// link"))
    add.add_argument("--key", help=translate("Cli", "the setup key (instead of a link)"))
    add.add_argument("--issuer", help=translate("Cli", "the service, e.g. Zilliz"))
    add.add_argument("--account", help=translate("Cli", "your user name at that service"))
    add.add_argument(
        "--type", choices=["totp", "hotp", "steam"], help=translate("Cli", "default: totp")
    )
    add.add_argument(
        "--algorithm",
        type=str.upper,
        choices=["SHA1", "SHA256", "SHA512"],
        help=translate("Cli", "default: SHA1"),
    )
    add.add_argument("--digits", type=whole_number, help=translate("Cli", "6, 7 or 8 (default 6)"))
    add.add_argument("--period", type=whole_number, help=translate("Cli", "seconds (default 30)"))
    add.add_argument(
        "--counter", type=whole_number, help=translate("Cli", "HOTP counter (default 0)")
    )
    add.add_argument(
        "--replace",
        action="store_true",
        help=translate("Cli", "replace an existing account with the same service and name"),
    )


def _list_command(commands: Commands) -> None:
    listing = commands.add_parser("list", help=translate("Cli", "list the stored accounts"))
    listing.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))


def _remove_command(commands: Commands) -> None:
    remove = commands.add_parser("remove", help=translate("Cli", "remove an account"))
    remove.add_argument("id", help=translate("Cli", "the account's id (or its first characters)"))


def _rename_command(commands: Commands) -> None:
    rename = commands.add_parser("rename", help=translate("Cli", "rename an account"))
    rename.add_argument("id", help=translate("Cli", "the account's id (or its first characters)"))
    rename.add_argument("--issuer", required=True, help=translate("Cli", "the new service name"))
    rename.add_argument("--account", required=True, help=translate("Cli", "the new account name"))


def _code_command(commands: Commands) -> None:
    code = commands.add_parser("code", help=translate("Cli", "show current codes"))
    code.add_argument(
        "query", nargs="?", help=translate("Cli", "part of the service or account name, or an id")
    )
    code.add_argument(
        "--uri", help=translate("Cli", "compute the code of this link; store nothing")
    )
    code.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))
    code.add_argument(
        "--at",
        type=unix_time,
        metavar="UNIX_TIME",
        help=translate("Cli", "the moment to compute codes for (default: now)"),
    )
    code.add_argument(
        "--advance",
        action="store_true",
        help=translate("Cli", "HOTP: move to the next counter first (the previous code is used)"),
    )


def _scan_command(commands: Commands) -> None:
    scan = commands.add_parser(
        "scan", help=translate("Cli", "read QR codes from pictures, the screen or a camera")
    )
    scan.add_argument(
        "images",
        nargs="*",
        metavar="IMAGE",
        help=translate("Cli", "a picture file, or a folder of pictures"),
    )
    scan.add_argument(
        "--screen", action="store_true", help=translate("Cli", "capture every screen")
    )
    scan.add_argument(
        "--camera",
        nargs="?",
        const="0",
        metavar="INDEX|VIDEO_FILE",
        help=translate("Cli", "read from a camera (default: the first one) or a video file"),
    )
    scan.add_argument(
        "--add",
        action="store_true",
        help=translate("Cli", "add the accounts found (account links and complete Google exports)"),
    )
    scan.add_argument("--json", action="store_true", help=translate("Cli", "print JSON"))


def _import_command(commands: Commands) -> None:
    importing = commands.add_parser(
        "import", help=translate("Cli", "import the accounts of another app's export file")
    )
    importing.add_argument("file", metavar="FILE", help=translate("Cli", "the export file"))
    importing.add_argument(
        "--format",
        default="auto",
        choices=import_format_keys(),
        metavar="auto|KEY",
        help=translate("Cli", "the app that wrote the file (default: detect it): {keys}").format(
            keys=", ".join(import_format_keys()[1:])
        ),
    )
    importing.add_argument(
        "--password",
        help=translate("Cli", "the file's password (asked for when needed)"),
    )


def _export_command(commands: Commands) -> None:
    export = commands.add_parser(
        "export", help=translate("Cli", "write every account to a file (a backup)")
    )
    export.add_argument("file", metavar="FILE", help=translate("Cli", "the file to write"))
    export.add_argument(
        "--format",
        required=True,
        choices=export_format_keys(),
        help=translate(
            "Cli",
            "tweestap: encrypted backup; aegis-encrypted / aegis: for the Aegis app; "
            "otpauth: a list of links; google-qr: QR codes (PNG) for Google Authenticator",
        ),
    )
    export.add_argument(
        "--password",
        help=translate("Cli", "the password of an encrypted export (asked for when missing)"),
    )


def _desktop_entry_command(commands: Commands) -> None:
    entry = commands.add_parser(
        "desktop-entry",
        help=translate(
            "Cli", "put Tweestap in the application menu and let it open otpauth:// links (Linux)"
        ),
    )
    entry.add_argument(
        "--remove", action="store_true", help=translate("Cli", "take the menu entry away again")
    )


def import_format_keys() -> list[str]:
    from desktop.importers import FORMAT_MODULES

    return ["auto", *FORMAT_MODULES]


def export_format_keys() -> list[str]:
    from desktop.exporters import ExportFormat

    return [item.value for item in ExportFormat]
