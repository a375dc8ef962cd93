"""Writing to the terminal and asking for a password: the CLI's only contact with a person."""

from __future__ import annotations

import getpass
import json
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.errors import UserError
from desktop.i18n import error_text

if TYPE_CHECKING:
    from desktop.vault import PasswordRequest

translate = QCoreApplication.translate


def out(text: str) -> None:
    print(text)


def err(text: str) -> None:
    print(text, file=sys.stderr)


def fail(error: UserError) -> None:
    err(error_text(error))


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _render_reason(reason: object) -> str:
    return error_text(reason) if isinstance(reason, UserError) else str(reason)


def ask_password(request: PasswordRequest) -> str | None:
    """Prompt on the terminal; ``None`` when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        return None
    if request.new:
        if request.reason:
            err(_render_reason(request.reason))
        err(
            translate(
                "Cli",
                "Choose a password for your accounts. Without it (and without a backup) "
                "the accounts cannot be recovered.",
            )
        )
        first = getpass.getpass(translate("Cli", "New password: "))
        second = getpass.getpass(translate("Cli", "Repeat the password: "))
        if first != second:
            err(translate("Cli", "The two passwords differ."))
            return None
        return first
    return getpass.getpass(translate("Cli", "Password of your accounts: "))
