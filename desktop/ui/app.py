"""Starting the window: Qt, the language, the vault (asking its password if needed).

``tweestap`` without a command calls :func:`run`. Only what the first frame needs is
imported on the way there; the dialogs (and their QR and camera code) load when opened.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.platform.single_instance import InstanceServer
    from desktop.ui.window.main_window import MainWindow
    from desktop.vault import PasswordRequest, Vault

EXIT_AFTER_FIRST_FRAME = "--exit-after-first-frame"
FIRST_FRAME_LINE = "first frame"


def run(argv: list[str]) -> int:
    """Open the authenticator window; returns the process exit code.

    ``argv`` are the command-line arguments after the program name. Read here:
    ``--exit-after-first-frame`` (quit as soon as the first frame with codes, or with no
    accounts the welcome page, has been painted, to measure start-up; the line
    :data:`FIRST_FRAME_LINE` on stdout tells the moment) and an
    ``otpauth://`` or ``otpauth-migration://`` link, which opens in the add dialog for
    review. When Tweestap is already open for the same data folder, the link (or just
    "come to the front") goes to that window and this process ends.
    """
    exit_after_first_frame = EXIT_AFTER_FIRST_FRAME in argv
    guard_none_refcount()
    app = _application()

    from desktop.links import is_link
    from desktop.paths import data_home
    from desktop.platform.single_instance import forward, server_name

    link = next((argument for argument in argv if is_link(argument)), None)
    instance = server_name(data_home())
    if not exit_after_first_frame and forward(instance, link or ""):
        return 0

    from PySide6.QtCore import QCoreApplication, QTimer

    from desktop import i18n
    from desktop import settings as s
    from desktop.clock import CorrectedClock, SystemClock
    from desktop.ui.common.theme import clear_after, load_settings
    from desktop.ui.window.main_window import MainWindow

    settings = load_settings()  # installs the language and the colours
    vault = _open_vault(None)
    if vault is None:
        return 1
    clock = CorrectedClock(SystemClock(), settings.correction)  # a remembered correction
    window = MainWindow(vault, clock, clear_clipboard_after=clear_after(settings))
    notices = []
    if vault.set_aside_file is not None:
        notices.append(
            QCoreApplication.translate(
                "App", "Started with an empty list. The unreadable file was kept as {path}."
            ).format(path=vault.set_aside_file)
        )
    if vault.key_notice is not None:
        notices.append(i18n.error_text(vault.key_notice))
    if notices:
        window.show_banner("\n\n".join(notices))
    if exit_after_first_frame:
        window.first_frame_painted.connect(_report_first_frame)
        # Let the painted frame reach the screen (the backing store flush), then quit.
        window.first_frame_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    kept: list[object] = []

    def attach_the_rest() -> None:
        """Clock check, app lock, tray and the listener for later starts: set up once the
        codes are on screen (or at once when starting in the tray), never delaying them."""
        if kept:
            return
        from desktop.ui.shell import around_window

        extras = around_window.attach(
            window, settings, clock, check_clock=not exit_after_first_frame
        )
        kept.append(extras)
        if not exit_after_first_frame:
            kept.append(listen_for_later_starts(window, instance))
        if settings.get(s.START_IN_TRAY) and not around_window.starts_in_tray(extras):
            window.show()  # asked to start in the tray, but this desktop has none

    if settings.get(s.START_IN_TRAY) and not exit_after_first_frame:
        attach_the_rest()
    else:
        window.first_frame_painted.connect(lambda: QTimer.singleShot(0, attach_the_rest))
        window.show()
    if link is not None:
        QTimer.singleShot(0, lambda: window.open_link(link))
    return app.exec()


def listen_for_later_starts(window: MainWindow, name: str) -> InstanceServer:
    """A later start of Tweestap for the same data folder (a click on an ``otpauth://``
    link, through the desktop entry) brings ``window`` forward, or hands it its link."""
    from desktop.platform.single_instance import InstanceServer

    listener = InstanceServer(name, window)
    listener.activated.connect(window.bring_to_front)
    listener.message_received.connect(window.open_link)
    return listener


def _report_first_frame() -> None:
    """Say on stdout that the first frame is painted: a benchmark (bench/startup.py) reads
    the moment the line arrives, apart from the time the process then takes to end."""
    if sys.stdout is not None:  # a Windows GUI build has no stdout
        with contextlib.suppress(OSError, ValueError):  # closed: nobody is listening
            print(FIRST_FRAME_LINE, flush=True)


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else "tweestap"])
    app.setApplicationName("Tweestap")
    app.setOrganizationName("Tweestap")
    app.setDesktopFileName("tweestap")
    from desktop.ui.shell.tray import app_icon

    app.setWindowIcon(app_icon())
    return app


def _open_vault(parent: QWidget | None) -> Vault | None:
    """The vault, or ``None`` when it cannot be opened (the reason has been shown)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from desktop.i18n import error_text
    from desktop.vault import (
        KeyMissing,
        PasswordNeeded,
        VaultCorrupt,
        VaultError,
        WrongPassword,
        open_vault,
    )

    error: str | None = None
    start_fresh = False

    def prompt(request: PasswordRequest) -> str | None:
        from desktop.ui.shell.password_dialog import ask_password

        return ask_password(parent, request, error=error)

    while True:
        try:
            return open_vault(password_prompt=prompt, start_fresh_after_corrupt=start_fresh)
        except WrongPassword as wrong:
            if wrong.from_environment or os.environ.get("TWEESTAP_PASSWORD"):
                QMessageBox.critical(parent, "Tweestap", error_text(wrong))
                return None
            error = error_text(wrong)  # ask again, saying why
        except PasswordNeeded:
            return None  # the person closed the password window: nothing to explain
        except (VaultCorrupt, KeyMissing) as problem:
            # The message offers a fresh start; the unreadable file is kept aside.
            box = QMessageBox(
                QMessageBox.Icon.Warning, "Tweestap", error_text(problem), parent=parent
            )
            fresh = box.addButton(
                QCoreApplication.translate("App", "Start with an empty list"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is not fresh:
                return None
            start_fresh = True
        except VaultError as problem:
            QMessageBox.critical(parent, "Tweestap", error_text(problem))
            return None


def guard_none_refcount() -> bool:
    """Work around PySide6 6.12.0 returning singletons without a reference (True if needed).

    Its abi3 wheels return ``None`` from every void method, and ``True`` from every
    ``Signal.emit()``, without a new reference. On CPython 3.12+ these objects are immortal
    and nothing happens; on 3.11 each call lowers their count, and after a few thousand
    calls (seconds of repainting) the process aborts with "Fatal Python error:
    none_dealloc" (or bool_dealloc). PySide6 6.11 is not affected. When the leak is
    detected, ``None``, ``True`` and ``False`` get a count no session can use up, as
    3.12 does for them (PEP 683).
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import ctypes

    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("")
    if sys.getrefcount(None) > before - 50:
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40  # ob_refcnt is first
    return True
