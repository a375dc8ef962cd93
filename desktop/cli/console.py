"""Writing to the terminal and asking for a password: the CLI's only contact with a person."""

from __future__ import annotations

import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, TextIO

from PySide6.QtCore import QCoreApplication

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.i18n import error_text
from desktop.text import json_safe, visible

if TYPE_CHECKING:
    from desktop.vault import PasswordRequest

translate = QCoreApplication.translate


class OutputFailed(UserError):
    """Standard output or error could not be written (a full disk, a closed terminal)."""


def out(text: str) -> None:
    """One line on standard output. Every line is one line: a control character in it (from
    a QR code, a file name, a search text) is shown escaped (``\\x1b``), never sent to the
    terminal, so nothing printed can recolour the terminal or fake a line."""
    _write(sys.stdout, visible(text))


def err(text: str) -> None:
    """One line on standard error (see :func:`out`)."""
    _write(sys.stderr, visible(text))


def fail(error: UserError) -> None:
    err(error_text(error))


def print_json(value: object) -> None:
    """JSON on standard output; strings keep every character, written as JSON escapes
    where a terminal would act on it."""
    _write(sys.stdout, json_safe(json.dumps(value, ensure_ascii=False, indent=2)))


def _write(stream: TextIO, text: str) -> None:
    """Line by line, flushed: a failed write (a reader that went away, a full disk) is
    noticed here, not as a traceback when Python exits."""
    try:
        print(text, file=stream, flush=True)
    except BrokenPipeError:
        discard(stream)
        raise
    except OSError as error:
        discard(stream)
        raise OutputFailed(
            QT_TRANSLATE_NOOP("Errors", "The output could not be written ({reason})."),
            reason=error.strerror or type(error).__name__,
        ) from None


def discard(stream: TextIO) -> None:
    """Send the rest of ``stream`` (and what is still buffered) nowhere, so that Python's
    own flush at exit does not fail again."""
    try:
        fileno = stream.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fileno)
        os.close(devnull)
    except (OSError, ValueError):
        pass


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
