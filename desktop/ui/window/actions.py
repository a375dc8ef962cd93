"""The main window's actions: made with their shortcuts, put in the menus (File, Accounts,
Help) and a row's context menu, and enabled as the current row and the vault's state allow;
plus the two Help items that need no window of their own (the login help page, About).

The actions are attributes of :class:`~desktop.ui.window.main_window.MainWindow` (tests and
the tray trigger them); what they do is the window's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from desktop.favourites import is_favourite
from desktop.ui.window.accounts_model import Role

if TYPE_CHECKING:
    from desktop.ui.window.main_window import MainWindow

translate = QCoreApplication.translate  # in the context "MainWindow": the window's own words


Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def _action(
    window: MainWindow, text: str, shortcut: Shortcut, slot: Callable[[], object]
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(window: MainWindow) -> None:
    """Every action of the window, as its attributes (``window.add_action``...)."""
    from desktop.ui.import_export.actions import TransferActions

    key = QKeySequence.StandardKey
    w = window
    w.add_action = _action(w, translate("MainWindow", "&Add account…"), "Ctrl+N", w.add_account)
    w.copy_action = _action(w, translate("MainWindow", "&Copy code"), key.Copy, w.copy_current)
    w.next_action = _action(
        w, translate("MainWindow", "&Next code"), "Ctrl+Shift+N", w.next_current
    )
    w.edit_action = _action(w, translate("MainWindow", "&Edit…"), "F2", w.edit_current)
    w.delete_action = _action(w, translate("MainWindow", "&Delete…"), key.Delete, w.delete_current)
    w.up_action = _action(w, translate("MainWindow", "Move &up"), "Ctrl+Shift+Up", w.move_up)
    w.down_action = _action(
        w, translate("MainWindow", "Move do&wn"), "Ctrl+Shift+Down", w.move_down
    )
    w.search_action = _action(w, translate("MainWindow", "&Search"), key.Find, w.start_search)
    w.quit_action = _action(w, translate("MainWindow", "&Quit"), key.Quit, w.close)
    w.settings_action = _action(
        w, translate("MainWindow", "&Settings…"), key.Preferences, w.settings_requested.emit
    )
    w.admin_action = _action(w, translate("MainWindow", "&Administration…"), None, w.open_admin)
    w.lock_action = _action(w, translate("MainWindow", "&Lock"), "Ctrl+L", w.lock_requested.emit)
    w.lock_action.setVisible(False)  # shown while the app lock is on
    w.favourite_action = _action(w, translate("MainWindow", "&Favourite"), None, w.toggle_favourite)
    w.favourite_action.setCheckable(True)
    w.help_action = _action(
        w,
        translate("MainWindow", "&What to do if a code does not work?\u2026"),
        key.HelpContents,
        w.help_requested.emit,
    )
    w.login_help_action = _action(
        w, translate("MainWindow", "&Login help (zilliz.nl)"), None, open_login_help
    )
    w.about_action = _action(
        w, translate("MainWindow", "&About Tweestap"), None, lambda: show_about(w)
    )
    w.transfer = TransferActions(w, w.vault, w.clock, w.current_account)
    w.transfer.copy_secret = lambda text: w.clipboard.copy(text, announce=False)
    w.transfer.accounts_changed.connect(lambda: w.show_vault(None))
    # Copy and Delete belong to the list: in the search field they edit the text.
    for list_action in (w.copy_action, w.delete_action):
        list_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        w.view.addAction(list_action)
        w.removeAction(list_action)


def update_actions(window: MainWindow) -> None:
    """Enable what fits the current row, the search and the vault's state."""
    w = window
    account = w.current_account()
    has_row = account is not None
    whole_list = not w.proxy.query
    row = w.view.currentIndex().row()
    for action in (
        w.copy_action,
        w.edit_action,
        w.delete_action,
        w.transfer.show_qr_action,
        w.transfer.show_key_action,
        w.favourite_action,
    ):
        action.setEnabled(has_row)
    w.favourite_action.setChecked(account is not None and is_favourite(w.vault, account.id))
    locked = w.vault.is_locked
    # A locked window takes no input but the unlock (and Quit): nothing to search, set up,
    # check or administer until the password has been typed. The checklist shows the chosen
    # account's code; About and the login help page reveal nothing and stay.
    for action in (w.add_action, w.search_action, w.settings_action, w.help_action):
        action.setEnabled(not locked)
    w.admin_action.setEnabled(not locked)
    w.header.setEnabled(not locked)
    w.next_action.setEnabled(has_row and bool(w.view.currentIndex().data(Role.IS_COUNTER)))
    w.up_action.setEnabled(has_row and whole_list and row > 0)
    w.down_action.setEnabled(has_row and whole_list and row < w.model.rowCount() - 1)


def build_menus(window: MainWindow) -> None:
    file_menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
    file_menu.addAction(window.transfer.import_action)
    file_menu.addAction(window.transfer.export_action)
    file_menu.addAction(window.transfer.backup_action)
    file_menu.addSeparator()
    file_menu.addAction(window.settings_action)
    file_menu.addAction(window.lock_action)
    file_menu.addAction(window.admin_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    accounts = window.menuBar().addMenu(translate("MainWindow", "&Accounts"))
    accounts.addAction(window.add_action)
    accounts.addSeparator()
    add_row_actions(window, accounts)
    accounts.addSeparator()
    accounts.addAction(window.search_action)
    help_menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(window.help_action)
    help_menu.addAction(window.login_help_action)
    help_menu.addSeparator()
    help_menu.addAction(window.about_action)


def add_row_actions(window: MainWindow, menu: QMenu) -> None:
    """What can be done with one account: the Accounts menu and the context menu alike."""
    menu.addAction(window.copy_action)
    menu.addAction(window.next_action)
    menu.addSeparator()
    menu.addAction(window.edit_action)
    menu.addAction(window.transfer.show_qr_action)
    menu.addAction(window.transfer.show_key_action)
    menu.addAction(window.favourite_action)
    menu.addAction(window.delete_action)
    menu.addSeparator()
    menu.addAction(window.up_action)
    menu.addAction(window.down_action)


def show_context_menu(window: MainWindow, pos: QPoint) -> None:
    """The row under ``pos`` (view coordinates) becomes current, and its menu opens."""
    index = window.view.indexAt(pos)
    if not index.isValid():
        return
    window.view.setCurrentIndex(index)
    menu = QMenu(window)
    add_row_actions(window, menu)
    menu.exec(window.view.viewport().mapToGlobal(pos))
    menu.deleteLater()


def open_login_help() -> None:
    """Help > Login help: the organisation's page, in the web browser."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from desktop.login_help import LOGIN_HELP_URL

    QDesktopServices.openUrl(QUrl(LOGIN_HELP_URL))


def show_about(parent: QWidget) -> None:
    from desktop import __version__

    QMessageBox.about(
        parent,
        translate("MainWindow", "About Tweestap"),
        translate(
            "MainWindow",
            "<p><b>Tweestap {version}</b></p><p>Codes for two-step verification on your "
            "computer, and the administration of your organisation's two-step "
            "verification.</p><p>Licence: GPL-3.0-or-later.</p>",
        ).format(version=__version__),
    )
