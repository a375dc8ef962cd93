"""The system tray: an icon whose menu lists the accounts (favourites first); choosing one
copies its current code, with the window's clipboard hygiene (marked secret, wiped after
the set time). The menu also shows or hides the window and quits.

:class:`TrayMenu` is a plain object around a :class:`QMenu`, so it works (and is tested)
where no tray exists, e.g. offscreen or on a desktop without a tray; :class:`Tray` shows
the icon only where :meth:`QSystemTrayIcon.isSystemTrayAvailable` says there is one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from desktop.favourites import favourite_ids, favourites_first
from desktop.paths import RESOURCES

if TYPE_CHECKING:
    from desktop.ui.window.main_window import MainWindow

ICON_PATH = RESOURCES / "icons" / "tweestap.svg"
MAX_ACCOUNTS = 20
"""More accounts than this: the rest are in the window (a menu is no place to scroll)."""


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))


class TrayMenu(QObject):
    """The tray menu of ``window``, rebuilt each time it opens (codes, lock, visibility)."""

    copied = Signal(str)
    """The label of the account whose code was just copied."""

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.menu = QMenu(window)
        self.menu.setObjectName("TrayMenu")
        self.menu.aboutToShow.connect(self.rebuild)
        self.account_actions: list[QAction] = []
        self.toggle_action = QAction(self)
        self.toggle_action.triggered.connect(self.toggle_window)
        self.quit_action = QAction(self.tr("&Quit Tweestap"), self)
        self.quit_action.triggered.connect(self.quit)
        self.rebuild()

    def rebuild(self) -> None:
        menu = self.menu
        menu.clear()  # deletes the account actions it made
        self.account_actions = []
        window = self.window
        if window.vault.is_locked:
            locked = menu.addAction(self.tr("Tweestap is locked"))
            locked.setEnabled(False)
            unlock = menu.addAction(self.tr("&Unlock…"))
            unlock.triggered.connect(self.show_window)
            self.account_actions.append(locked)
            self.account_actions.append(unlock)
        else:
            self._add_accounts()
        menu.addSeparator()
        shown = window.isVisible() and not window.isMinimized()
        hide, show = self.tr("&Hide Tweestap"), self.tr("&Show Tweestap")
        self.toggle_action.setText(hide if shown else show)
        menu.addAction(self.toggle_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)

    def _add_accounts(self) -> None:
        vault = self.window.vault
        favourites = set(favourite_ids(vault))
        accounts = favourites_first(vault.accounts, favourites)
        if not accounts:
            empty = self.menu.addAction(self.tr("No accounts yet"))
            empty.setEnabled(False)
            self.account_actions.append(empty)
            return
        previous_favourite = True
        for account in accounts[:MAX_ACCOUNTS]:
            favourite = account.id in favourites
            if previous_favourite and not favourite and favourites:
                self.menu.addSeparator()
            previous_favourite = favourite
            text = account.label.replace("&", "&&")  # no accidental shortcut letters
            action = self.menu.addAction(("\u2605 " if favourite else "") + text)
            action.setToolTip(self.tr("Copy the code of {account}").format(account=account.label))
            action.setData(account.id)
            action.triggered.connect(lambda _checked=False, i=account.id: self.copy(i))
            self.account_actions.append(action)
        if len(accounts) > MAX_ACCOUNTS:
            more = self.menu.addAction(
                self.tr("{count} more in the window…").format(count=len(accounts) - MAX_ACCOUNTS)
            )
            more.triggered.connect(self.show_window)
            self.account_actions.append(more)

    def copy(self, account_id: str) -> bool:
        """Copy the current code of the account (as the window would); False if it cannot."""
        window = self.window
        if window.vault.is_locked:
            return False
        window.tick()  # the model to now (the corrected clock), also while hidden
        row = window.model.row_of(account_id)
        if row is None:
            return False
        window.clipboard.copy(window.model.code(row))
        self.copied.emit(window.model.account(row).label)
        return True

    def toggle_window(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.hide()
        else:
            self.show_window()

    def show_window(self) -> None:
        window = self.window
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.quit()  # aboutToQuit wipes our code from the clipboard


class Tray(QObject):
    """The tray icon with :class:`TrayMenu`, where the desktop has a tray.

    With the icon showing, closing the window (its close button) hides it to the tray;
    File > Quit and the tray's Quit end the app.
    """

    def __init__(
        self,
        window: MainWindow,
        icon: QIcon | None = None,
        *,
        available: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.menu = TrayMenu(window, self)
        self.menu.copied.connect(self._copied)
        self.icon: QSystemTrayIcon | None = None
        self._told_about_hiding = False
        if available is None:
            available = QSystemTrayIcon.isSystemTrayAvailable()
        if available:
            self.icon = QSystemTrayIcon(icon or app_icon(), self)
            self.icon.setToolTip("Tweestap")
            self.icon.setContextMenu(self.menu.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()
            window.installEventFilter(self)

    @property
    def visible(self) -> bool:
        return self.icon is not None and self.icon.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and isinstance(event, QCloseEvent)
            and event.spontaneous()  # the title bar's button, not File > Quit
            and self.visible
        ):
            event.ignore()
            self.window.hide()
            if not self._told_about_hiding and self.icon is not None:
                self._told_about_hiding = True
                self.icon.showMessage(
                    "Tweestap",
                    self.tr(
                        "Tweestap keeps running here; choose \u201cQuit Tweestap\u201d in this "
                        "menu to end it."
                    ),
                    QSystemTrayIcon.MessageIcon.Information,
                    4000,
                )
            return True
        return False

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.menu.toggle_window()

    def _copied(self, label: str) -> None:
        if self.icon is None or not QSystemTrayIcon.supportsMessages():
            return
        seconds = round(self.window.clipboard.clear_after)
        if seconds > 0:
            text = self.tr(
                "The code for {account} is on the clipboard for {seconds} seconds."
            ).format(account=label, seconds=seconds)
        else:
            text = self.tr("The code for {account} is on the clipboard.").format(account=label)
        self.icon.showMessage("Tweestap", text, QSystemTrayIcon.MessageIcon.Information, 3000)
