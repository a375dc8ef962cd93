"""Starting the window: Qt, the language, the vault (asking its password if needed).

``tweestap`` without a command calls :func:`run`. Only what the first frame needs is
imported on the way there; the dialogs (and their QR and camera code) load when opened.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.vault import PasswordRequest, Vault

EXIT_AFTER_FIRST_FRAME = "--exit-after-first-frame"


def run(argv: list[str]) -> int:
    """Open the authenticator window; returns the process exit code.

    ``argv`` are the command-line arguments after the program name; the only one read
    here is ``--exit-after-first-frame``: quit as soon as the first frame with codes (or,
    with no accounts, the welcome page) has been painted, to measure start-up.
    """
    exit_after_first_frame = EXIT_AFTER_FIRST_FRAME in argv
    app = _application()

    from desktop import i18n
    from desktop.clock import SystemClock
    from desktop.ui.main_window import MainWindow

    i18n.install()
    vault = _open_vault(None)
    if vault is None:
        return 1
    window = MainWindow(vault, SystemClock())
    if vault.key_notice is not None:
        window.show_banner(i18n.error_text(vault.key_notice))
    if exit_after_first_frame:
        from PySide6.QtCore import QTimer

        # Let the painted frame reach the screen (the backing store flush), then quit.
        window.first_frame_painted.connect(lambda: QTimer.singleShot(0, app.quit))
    window.show()
    return app.exec()


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0] if sys.argv else "tweestap"])
    app.setApplicationName("Tweestap")
    app.setOrganizationName("Tweestap")
    app.setDesktopFileName("tweestap")
    return app


def _open_vault(parent: QWidget | None) -> Vault | None:
    """The vault, or ``None`` when it cannot be opened (the reason has been shown)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.i18n import error_text
    from desktop.vault import PasswordNeeded, VaultError, WrongPassword, open_vault

    error: str | None = None

    def prompt(request: PasswordRequest) -> str | None:
        from desktop.ui.password_dialog import ask_password

        return ask_password(parent, request, error=error)

    while True:
        try:
            return open_vault(password_prompt=prompt)
        except WrongPassword as wrong:
            if wrong.from_environment or os.environ.get("TWEESTAP_PASSWORD"):
                QMessageBox.critical(parent, "Tweestap", error_text(wrong))
                return None
            error = error_text(wrong)  # ask again, saying why
        except PasswordNeeded:
            return None  # the person closed the password window: nothing to explain
        except VaultError as problem:
            QMessageBox.critical(parent, "Tweestap", error_text(problem))
            return None
