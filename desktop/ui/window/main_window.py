"""The authenticator's window: the codes, a search field, and the account actions.

The window is the controller: it reads the clock (the one place it is read), drives the
model with :meth:`MainWindow.tick`, and turns the view's requests into vault operations.
It wakes up once per second while the countdown is on screen, and only at the next code
change while it is hidden or minimised; nothing in it runs between those wake-ups.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import Clock
from desktop.errors import UserError
from desktop.favourites import is_favourite, set_favourite
from desktop.i18n import error_text
from desktop.otp.model import Account
from desktop.ui.common.accessible import add_clear_button, name_scroll_bars
from desktop.ui.common.timer import TimerFactory, make_timer
from desktop.ui.import_export.actions import TransferActions
from desktop.ui.window.accounts_model import AccountFilter, AccountsModel, Role
from desktop.ui.window.clipboard import DEFAULT_CLEAR_AFTER, SecureClipboard
from desktop.ui.window.code_view import STYLE, Banner, CodeListView, EmptyState, StatusLine
from desktop.vault import Vault

TICK_MARGIN_MS = 2
"""Wake a little after a whole second, so the clock has surely passed it."""


class MainWindow(QMainWindow):
    """The codes of every account in ``vault``, at the time ``clock`` tells."""

    first_frame_painted = Signal()
    """The first frame with codes (or, with no accounts, the welcome page) is on screen."""
    settings_requested = Signal()
    """File > Settings (the dialog is :mod:`desktop.ui.shell.settings_dialog`, connected in
    :mod:`desktop.ui.shell.around_window`)."""
    lock_requested = Signal()
    """File > Lock (desktop.ui.shell.app_lock.AppLock listens)."""
    help_requested = Signal()
    """Help > What to do if a code does not work (:mod:`desktop.ui.help.code_help_dialog`,
    connected in :mod:`desktop.ui.shell.around_window`)."""

    def __init__(
        self,
        vault: Vault,
        clock: Clock,
        *,
        timer_factory: TimerFactory = make_timer,
        hold_clock: Clock | None = None,
        clear_clipboard_after: float = DEFAULT_CLEAR_AFTER,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self._clock = clock
        self._timer_factory = timer_factory
        self._first_frame_sent = False
        # The 2FA server the admin panel logs in to: the settings connect these (wiring.py).
        self.server_address: Callable[[], str] = lambda: ""
        self.remember_server: Callable[[str], None] = lambda url: None
        self.setWindowTitle("Tweestap")
        self.setObjectName("MainWindow")
        self.resize(560, 680)

        self.model = AccountsModel(vault.accounts, clock.now(), self)
        self.proxy = AccountFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tick_timer = timer_factory(self)
        self.tick_timer.timeout.connect(self.tick)
        self.clipboard = SecureClipboard(
            timer_factory(self), clear_after=clear_clipboard_after, parent=self
        )
        self.clipboard.copied.connect(
            lambda _code: self.show_message(self.tr("Code copied to clipboard"))
        )

        self.view = CodeListView(self, timer_factory=timer_factory, hold_clock=hold_clock)
        name_scroll_bars(self.view, self.tr("codes"))
        self.view.setModel(self.proxy)
        self.view.copy_requested.connect(self.copy_code)
        self.view.next_code_requested.connect(self.next_code)
        self.view.move_requested.connect(self._move_rows)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.first_codes_painted.connect(self._frame_painted)

        self._empty_state: EmptyState | None = None  # made when first needed (rich text)
        self.no_match = QLabel(self)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setObjectName("NoMatch")
        self.pages = QStackedWidget(self)
        for page in (self.view, self.no_match):
            self.pages.addWidget(page)

        self.banner = Banner(self)
        self.status = StatusLine(timer_factory(self), self)
        self._build_actions()
        self._build_layout()
        self._build_menus()

        for signal in (
            self.model.modelReset,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.proxy.layoutChanged,
            self.proxy.modelReset,
        ):
            signal.connect(self._update_page)
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        self._update_page()
        self._update_actions()
        if self.proxy.rowCount() > 0:  # Enter copies the first code; nothing looks selected
            self.view.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    # -- building -----------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.add_action = self._action(self.tr("&Add account…"), "Ctrl+N", self.add_account)
        self.copy_action = self._action(self.tr("&Copy code"), key.Copy, self.copy_current)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.next_action = self._action(self.tr("&Next code"), "Ctrl+Shift+N", self.next_current)
        self.edit_action = self._action(self.tr("&Edit…"), "F2", self.edit_current)
        self.delete_action = self._action(self.tr("&Delete…"), key.Delete, self.delete_current)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.up_action = self._action(self.tr("Move &up"), "Ctrl+Shift+Up", self.move_up)
        self.down_action = self._action(self.tr("Move do&wn"), "Ctrl+Shift+Down", self.move_down)
        self.search_action = self._action(self.tr("&Search"), key.Find, self.start_search)
        self.quit_action = self._action(self.tr("&Quit"), key.Quit, self.close)
        self.settings_action = self._action(
            self.tr("&Settings…"), key.Preferences, self.settings_requested.emit
        )
        self.admin_action = self._action(self.tr("&Administration…"), None, self.open_admin)
        self.lock_action = self._action(self.tr("&Lock"), "Ctrl+L", self.lock_requested.emit)
        self.lock_action.setVisible(False)  # shown while the app lock is on
        self.favourite_action = self._action(self.tr("&Favourite"), None, self.toggle_favourite)
        self.favourite_action.setCheckable(True)
        self.help_action = self._action(
            self.tr("&What to do if a code does not work?\u2026"),
            key.HelpContents,
            self.help_requested.emit,
        )
        self.login_help_action = self._action(
            self.tr("&Login help (zilliz.nl)"), None, self.open_login_help
        )
        self.about_action = self._action(self.tr("&About Tweestap"), None, self.show_about)
        self.transfer = TransferActions(self, self.vault, self._clock, self.current_account)
        self.transfer.copy_secret = lambda text: self.clipboard.copy(text, announce=False)
        self.transfer.accounts_changed.connect(lambda: self._reload(None))
        # Copy and Delete belong to the list: in the search field they edit the text.
        self.view.addAction(self.copy_action)
        self.view.addAction(self.delete_action)
        self.removeAction(self.copy_action)
        self.removeAction(self.delete_action)

    def _build_layout(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("Search")
        self.search_field.setPlaceholderText(self.tr("Search accounts (Ctrl+F)"))
        self.search_field.setAccessibleName(self.tr("Search accounts"))
        add_clear_button(self.search_field)
        self.search_field.textChanged.connect(self._search)
        self.search_field.installEventFilter(self)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("AddButton")
        self.add_button.setDefaultAction(self.add_action)
        self.add_button.setText(self.tr("Add account"))
        self.add_button.setAccessibleName(self.tr("Add account"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.header = QWidget(self)
        header = QHBoxLayout(self.header)
        header.setContentsMargins(16, 12, 16, 12)
        header.setSpacing(10)
        header.addWidget(self.search_field, 1)
        header.addWidget(self.add_button)
        self.rule = QFrame(self)
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setObjectName("Rule")

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.transfer.reminder)
        layout.addWidget(self.header)
        layout.addWidget(self.rule)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        self.setCentralWidget(central)
        # Styled one by one: a window-wide style sheet would slow down painting the list.
        for widget in (self.header, self.rule, self.no_match, self.banner, self.status):
            widget.setStyleSheet(STYLE)
        height = max(self.search_field.sizeHint().height(), self.add_button.sizeHint().height())
        self.search_field.setFixedHeight(height)
        self.add_button.setFixedHeight(height)
        QWidget.setTabOrder(self.view, self.search_field)
        QWidget.setTabOrder(self.search_field, self.add_button)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter copies the first code

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.transfer.import_action)
        file_menu.addAction(self.transfer.export_action)
        file_menu.addAction(self.transfer.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.admin_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        accounts = self.menuBar().addMenu(self.tr("&Accounts"))
        accounts.addAction(self.add_action)
        accounts.addSeparator()
        self._add_row_actions(accounts)
        accounts.addSeparator()
        accounts.addAction(self.search_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.help_action)
        help_menu.addAction(self.login_help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _add_row_actions(self, menu: QMenu) -> None:
        menu.addAction(self.copy_action)
        menu.addAction(self.next_action)
        menu.addSeparator()
        menu.addAction(self.edit_action)
        menu.addAction(self.transfer.show_qr_action)
        menu.addAction(self.transfer.show_key_action)
        menu.addAction(self.favourite_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.up_action)
        menu.addAction(self.down_action)

    # -- time ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Bring every row to now and sleep until the countdown next changes."""
        now = self._clock.now()
        self.model.tick(now)
        if not self.model.has_countdowns():
            self.tick_timer.stop()
            return
        if self.isVisible() and not self.isMinimized():
            wake = math.floor(now) + 1.0  # the seconds of the countdown
        else:
            wake = self.model.next_boundary()  # nobody sees the countdown: codes only
        self.tick_timer.start(math.ceil((wake - now) * 1000) + TICK_MARGIN_MS)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.tick()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.tick()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.clipboard.clear_if_ours()
        super().closeEvent(event)

    # -- the rows -----------------------------------------------------------------------

    def current_account(self) -> Account | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        account = index.data(Role.ACCOUNT)
        return account if isinstance(account, Account) else None

    def select_account(self, account_id: str) -> None:
        row = self.model.row_of(account_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():  # hidden by the search: show everything again
            self.search_field.clear()
            index = self.proxy.mapFromSource(self.model.index(row))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def copy_code(self, index: QModelIndex) -> None:
        code = index.data(Role.CODE)
        if isinstance(code, str) and code:
            self.clipboard.copy(code)

    def copy_current(self) -> None:
        self.copy_code(self.view.currentIndex())

    def next_code(self, index: QModelIndex) -> None:
        account = index.data(Role.ACCOUNT)
        if not isinstance(account, Account) or not index.data(Role.IS_COUNTER):
            return
        try:
            self.vault.advance_counter(account.id)
        except UserError as error:
            self.report(error)
        self._reload(account.id)

    def next_current(self) -> None:
        self.next_code(self.view.currentIndex())

    def add_account(self) -> None:
        self._add_account()

    def _add_account(self, text: str | None = None) -> None:
        from desktop.ui.add.add_dialog import AddAccountDialog  # its QR/camera code loads only now

        dialog = AddAccountDialog(
            self.vault,
            self._clock,
            self,
            timer_factory=self._timer_factory,
            copy_code=self.clipboard.copy,
        )
        if text is not None:
            dialog.set_key_text(text)
        dialog.exec()
        added = dialog.added_account
        dialog.deleteLater()
        self._reload(added.id if added is not None else None)

    def open_link(self, text: str) -> None:
        """A link the desktop handed over (Tweestap handles ``otpauth://``): shown in the
        add dialog for review; nothing is stored until the person chooses Add."""
        self.bring_to_front()
        if self.vault.is_locked:
            self.show_message(self.tr("Unlock Tweestap first, then open the link again."))
            return
        if QApplication.activeModalWidget() is not None:
            self.show_message(self.tr("Close the open window first, then open the link again."))
            return
        self._add_account(text)

    def bring_to_front(self) -> None:
        """Another start of Tweestap asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def open_admin(self) -> None:
        """File > Administration: log in to the 2FA server and open the admin panel."""
        from desktop.ui.admin.panel import open_admin_panel  # loaded only when asked for

        open_admin_panel(
            self,
            self.vault,
            self._clock,
            lambda: self._reload(None),
            address=self.server_address(),
            on_connected=self.remember_server,
        )

    def open_login_help(self) -> None:
        """Help > Login help: the organisation's page, in the web browser."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from desktop.login_help import LOGIN_HELP_URL

        QDesktopServices.openUrl(QUrl(LOGIN_HELP_URL))

    def show_about(self) -> None:
        from desktop import __version__

        QMessageBox.about(
            self,
            self.tr("About Tweestap"),
            self.tr(
                "<p><b>Tweestap {version}</b></p><p>Codes for two-step verification on your "
                "computer, and the administration of your organisation's two-step "
                "verification.</p><p>Licence: GPL-3.0-or-later.</p>"
            ).format(version=__version__),
        )

    def edit_current(self) -> None:
        from desktop.ui.window.edit_dialog import EditAccountDialog

        account = self.current_account()
        if account is None:
            return
        dialog = EditAccountDialog(account, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        issuer, name = dialog.result_issuer, dialog.result_name
        dialog.deleteLater()
        if accepted:
            try:
                self.vault.rename(account.id, issuer=issuer, name=name)
            except UserError as error:
                self.report(error)
            self._reload(account.id)

    def delete_current(self) -> None:
        from desktop.ui.window.edit_dialog import confirm_delete

        account = self.current_account()
        if account is None or not confirm_delete(self, account):
            return
        row = self.view.currentIndex().row()
        try:
            self.vault.remove(account.id)
        except UserError as error:
            self.report(error)
            return
        self._reload(None)
        if self.proxy.rowCount() > 0:
            self.view.setCurrentIndex(self.proxy.index(min(row, self.proxy.rowCount() - 1), 0))
        self.show_message(self.tr("Account deleted"))

    def move_up(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._move_rows(index.row(), index.row() - 1)

    def move_down(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._move_rows(index.row(), index.row() + 1)

    def _move_rows(self, row: int, to: int) -> None:
        """Move view row ``row`` to ``to``; only offered while the whole list is shown."""
        if self.proxy.query or not 0 <= to < self.model.rowCount() or row == to:
            return
        account = self.model.account(row)
        try:
            self.vault.move(account.id, to)
        except UserError as error:
            self.report(error)
            self._reload(account.id)
            return
        self.model.move(row, to)
        self._reload(account.id)

    def _reload(self, select_id: str | None) -> None:
        """Show the vault as it is now, keeping (or moving) the current row."""
        current = self.current_account()
        self.model.set_accounts(self.vault.accounts)
        self.tick()
        keep = select_id or (current.id if current is not None else None)
        if keep is not None:
            self.select_account(keep)
        self._update_page()
        self._update_actions()

    # -- search ---------------------------------------------------------------------------

    def start_search(self) -> None:
        if self.vault.is_locked:
            return  # a locked window takes no input but the unlock
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _search(self, text: str) -> None:
        self.proxy.set_query(text)
        filtering = bool(self.proxy.query)
        self.view.setDragEnabled(not filtering)  # positions in a filtered list mean nothing
        if self.proxy.rowCount() > 0 and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._update_page()
        self._update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.search_field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            if event.key() == Qt.Key.Key_Escape and self.search_field.text():
                self.search_field.clear()
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.proxy.rowCount() > 0:
                    if not self.view.currentIndex().isValid():
                        self.view.setCurrentIndex(self.proxy.index(0, 0))
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- what is shown ---------------------------------------------------------------------

    def _update_page(self) -> None:
        if self._lock_screen is not None and self.vault.is_locked:
            self.pages.setCurrentWidget(self._lock_screen)
        elif self.model.rowCount() == 0:
            self.pages.setCurrentWidget(self.empty_state)
        elif self.proxy.rowCount() == 0:
            self.no_match.setText(
                self.tr("No account matches \u201c{query}\u201d.").format(
                    query=self.search_field.text().strip()
                )
            )
            self.pages.setCurrentWidget(self.no_match)
        else:
            self.pages.setCurrentWidget(self.view)
        # The welcome page has its own big button; the list's header would only repeat it.
        self.header.setVisible(self.model.rowCount() > 0 and not self.vault.is_locked)
        self.rule.setVisible(self.model.rowCount() > 0 and not self.vault.is_locked)
        self.status.set_hint(
            self.tr("Press and hold a code to copy it.") if self.model.rowCount() else ""
        )
        self.transfer.refresh()

    @property
    def empty_state(self) -> EmptyState:
        """The welcome page (only built when there is nothing else to show)."""
        if self._empty_state is None:
            self._empty_state = EmptyState(self)
            self._empty_state.setStyleSheet(STYLE)
            self._empty_state.add_requested.connect(self.add_account)
            self._empty_state.painted.connect(self._frame_painted)
            self.pages.addWidget(self._empty_state)
        return self._empty_state

    def _update_actions(self) -> None:
        account = self.current_account()
        has_row = account is not None
        whole_list = not self.proxy.query
        row = self.view.currentIndex().row()
        for action in (
            self.copy_action,
            self.edit_action,
            self.delete_action,
            self.transfer.show_qr_action,
            self.transfer.show_key_action,
            self.favourite_action,
        ):
            action.setEnabled(has_row)
        self.favourite_action.setChecked(
            has_row and account is not None and is_favourite(self.vault, account.id)
        )
        locked = self.vault.is_locked
        # A locked window takes no input but the unlock (and Quit): nothing to search, set
        # up, check or administer until the password has been typed. The checklist shows the
        # chosen account's code; About and the login help page reveal nothing and stay.
        for action in (
            self.add_action,
            self.search_action,
            self.settings_action,
            self.help_action,
        ):
            action.setEnabled(not locked)
        self.admin_action.setEnabled(not locked)
        self.header.setEnabled(not locked)
        self.next_action.setEnabled(
            has_row and bool(self.view.currentIndex().data(Role.IS_COUNTER))
        )
        self.up_action.setEnabled(has_row and whole_list and row > 0)
        self.down_action.setEnabled(has_row and whole_list and row < self.model.rowCount() - 1)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.view.indexAt(pos).isValid():
            return
        self.view.setCurrentIndex(self.view.indexAt(pos))
        menu = QMenu(self)
        self._add_row_actions(menu)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # -- app lock and favourites -----------------------------------------------------------

    _lock_screen: QWidget | None = None

    def show_locked(self, lock_screen: QWidget) -> None:
        """The vault was locked: empty the list and show ``lock_screen`` instead."""
        if self.pages.indexOf(lock_screen) < 0:
            self.pages.addWidget(lock_screen)
        self._lock_screen = lock_screen
        self.search_field.clear()
        self._reload(None)

    def show_unlocked(self) -> None:
        """The vault was unlocked: show its accounts again."""
        self._reload(None)
        if self.proxy.rowCount() > 0:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_favourite(self) -> None:
        account = self.current_account()
        if account is None:
            return
        try:
            set_favourite(self.vault, account.id, self.favourite_action.isChecked())
        except UserError as error:
            self.report(error)
        self._update_actions()

    def show_banner(self, text: str) -> None:
        """A message that stays until closed (e.g. why a password protects the accounts)."""
        self.banner.show_text(text)

    def show_message(self, text: str) -> None:
        """A short confirmation at the bottom that goes away by itself."""
        self.status.show_toast(text)

    def report(self, error: UserError) -> None:
        QMessageBox.warning(self, self.tr("Tweestap"), error_text(error))

    def _frame_painted(self) -> None:
        if not self._first_frame_sent:
            self._first_frame_sent = True
            self.first_frame_painted.emit()
