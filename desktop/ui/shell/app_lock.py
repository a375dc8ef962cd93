"""The app lock: the vault key protected by a password, forgotten when Tweestap locks.

Turning the lock on moves the vault's master key from the system keyring to a password
(scrypt, :meth:`Vault.protect_with_password`, which deletes the keyring entry); turning it
off moves it back (:meth:`Vault.use_keyring`). Locking drops the key and every decrypted
account (:meth:`Vault.lock`), clears the window's model and our code on the clipboard, and
shows :class:`LockScreen`; unlocking derives the key from the password again (about half
a second of scrypt with the default parameters, on the UI thread behind a busy cursor).

Tweestap locks itself after N minutes without keyboard or mouse input in any of its
windows, and when the desktop session locks or the computer goes to sleep where the
platform tells us over D-Bus (freedesktop/KDE and GNOME screensavers, systemd-logind).
Windows and macOS session locks are not detected; the idle time still applies there.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import Clock, MonotonicClock
from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.platform.session_lock import SessionLockWatcher
from desktop.ui.common.timer import TimerFactory, make_timer
from desktop.ui.window.code_view import STYLE
from desktop.vault import PasswordRequest, ScryptParams, VaultError
from desktop.vault.errors import app_lock_notice

if TYPE_CHECKING:
    from desktop.ui.window.main_window import MainWindow

PasswordAsker = Callable[[QWidget | None, PasswordRequest], str | None]

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


def ask_new_password(parent: QWidget | None, request: PasswordRequest) -> str | None:
    from desktop.ui.shell.password_dialog import ask_password

    return ask_password(parent, request)


class LockScreen(QWidget):
    """What a locked Tweestap shows instead of the codes, and where to unlock it."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LockScreen")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().Base)
        self.title = QLabel(self.tr("Tweestap is locked"), self)
        self.title.setObjectName("EmptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = QLabel(
            self.tr(
                "Your codes are hidden and the key to your accounts has been removed from "
                "memory. Without your password nobody can see or copy a code here, not even "
                "someone who can open your files and your system keyring."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(self)
        self.password.setObjectName("Search")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.password.returnPressed.connect(self._submit)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setObjectName("PrimaryButton")
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self._submit)
        self.error = QLabel(self)
        self.error.setObjectName("LockError")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.hide()
        self.note = QLabel(
            self.tr(
                "Forgot the password? Without a backup your accounts cannot be opened again, "
                "and every site would have to reset your two-step verification."
            ),
            self,
        )
        self.note.setObjectName("LockNote")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        small = QFont(self.note.font())
        small.setPointSizeF(small.pointSizeF() * 0.92)
        self.note.setFont(small)

        row = QHBoxLayout()
        row.setSpacing(10)
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(self.title)
        column.addSpacing(10)
        column.addWidget(self.explanation)
        column.addSpacing(22)
        column.addLayout(row)
        column.addWidget(self.error)
        column.addSpacing(22)
        column.addWidget(self.note)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 8)
        outer.addStretch(1)
        self.setStyleSheet(
            STYLE
            + "QLabel#LockError { color: #a4231b; font-weight: 600; }"
            + "QLabel#LockNote { color: palette(placeholder-text); }"
        )
        height = max(self.password.sizeHint().height(), self.unlock_button.sizeHint().height())
        self.password.setFixedHeight(height)
        self.unlock_button.setFixedHeight(height)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        self.password.clear()
        self.error.hide()

    def _submit(self) -> None:
        if self.password.text():
            self.unlock_requested.emit(self.password.text())


class AppLock(QObject):
    """Turns the lock on and off, locks (idle, session, by hand) and unlocks ``window``."""

    locked = Signal()
    unlocked = Signal()
    enabled_changed = Signal(bool)

    def __init__(
        self,
        window: MainWindow,
        *,
        idle_minutes: int = 5,
        timer_factory: TimerFactory = make_timer,
        clock: Clock | None = None,
        ask_password: PasswordAsker = ask_new_password,
        scrypt_params: ScryptParams | None = None,
        session: SessionLockWatcher | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.screen = LockScreen(window)
        self.screen.hide()
        self.screen.unlock_requested.connect(self.unlock)
        self._clock: Clock = clock or MonotonicClock()
        self._ask_password = ask_password
        self._scrypt_params = scrypt_params
        self.idle_timer = timer_factory(self)
        self.idle_timer.timeout.connect(self._idle_check)
        self._last_input = self._clock.now()
        self._filtering = False
        self.idle_minutes = idle_minutes
        self.session = session
        if session is not None:
            session.session_locked.connect(self.lock)
        window.lock_requested.connect(self.lock)
        self._update()

    # -- state -------------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """The vault's key is protected by a password (chosen, or for want of a keyring)."""
        return self.window.vault.key_storage == "password"

    @property
    def is_locked(self) -> bool:
        return self.window.vault.is_locked

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_minutes = minutes
        self._update()

    # -- on and off --------------------------------------------------------------------------

    def enable(self) -> bool:
        """Ask for a new password and protect the vault key with it; True when on."""
        vault = self.window.vault
        if self.enabled:
            return True
        request = PasswordRequest(new=True, reason=app_lock_notice(), path=vault.path)
        password = self._ask_password(self.window, request)
        if not password:
            return False
        try:
            with _busy():
                vault.protect_with_password(password, scrypt_params=self._scrypt_params)
        except UserError as error:
            self.window.report(error)
            return False
        self._update()
        self.enabled_changed.emit(True)
        return True

    def disable(self) -> bool:
        """Move the key back into the system keyring; True when off."""
        if not self.enabled:
            return True
        try:
            self.window.vault.use_keyring()
        except UserError as error:
            self.window.report(error)
            return False
        self._update()
        self.enabled_changed.emit(False)
        return True

    # -- locking -----------------------------------------------------------------------------

    def lock(self) -> None:
        """Lock now (when the lock is on): the key and the accounts leave memory."""
        if not self.enabled or self.is_locked:
            return
        for dialog in self.window.findChildren(QDialog):
            if dialog.isVisible():  # an open dialog may show a code or a secret
                dialog.reject()
        self.window.clipboard.clear_if_ours()
        self.window.vault.lock()
        self.screen.reset()
        self.window.show_locked(self.screen)
        self.screen.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update()
        self.locked.emit()

    def unlock(self, password: str) -> bool:
        try:
            with _busy():
                self.window.vault.unlock(password)
        except VaultError as error:
            self.screen.show_error(error_text(error))
            return False
        self.screen.reset()
        self.window.show_unlocked()
        self._last_input = self._clock.now()
        self._update()
        self.unlocked.emit()
        return True

    # -- idle --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock.now()
        return False

    def _update(self) -> None:
        """Watch input (and run the idle timer) only while it can lead to a lock."""
        self.window.lock_action.setVisible(self.enabled)
        self.window.lock_action.setEnabled(self.enabled and not self.is_locked)
        watch = self.enabled and not self.is_locked and self.idle_minutes > 0
        app = QApplication.instance()
        if watch and not self._filtering and app is not None:
            app.installEventFilter(self)
            self._filtering = True
            self._last_input = self._clock.now()
        elif not watch and self._filtering and app is not None:
            app.removeEventFilter(self)
            self._filtering = False
        if watch:
            self._idle_check()
        else:
            self.idle_timer.stop()

    def _idle_check(self) -> None:
        limit = self.idle_minutes * 60.0
        idle = self._clock.now() - self._last_input
        if idle >= limit:
            self.lock()
        else:
            self.idle_timer.start(max(1000, round((limit - idle) * 1000)))


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor around scrypt (about half a second)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
