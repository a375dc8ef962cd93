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
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import Clock
from desktop.errors import UserError
from desktop.favourites import set_favourite
from desktop.i18n import error_text
from desktop.otp.model import Account
from desktop.ui.common.accessible import add_clear_button, name_scroll_bars
from desktop.ui.common.timer import TimerFactory, make_timer
from desktop.ui.import_export.actions import TransferActions
from desktop.ui.window import account_dialogs, actions
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

    # The actions (made by desktop.ui.window.actions.build_actions, shown in its menus).
    add_action: QAction
    copy_action: QAction
    next_action: QAction
    edit_action: QAction
    delete_action: QAction
    up_action: QAction
    down_action: QAction
    search_action: QAction
    quit_action: QAction
    settings_action: QAction
    admin_action: QAction
    lock_action: QAction
    favourite_action: QAction
    help_action: QAction
    login_help_action: QAction
    about_action: QAction
    transfer: TransferActions

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
        self.clock = clock
        self._timer_factory = timer_factory
        self._first_frame_sent = False
        # The 2FA server the admin panel logs in to: around_window connects these.
        self.server_address: Callable[[], str] = lambda: ""
        self.remember_server: Callable[[str], None] = lambda url: None
        self.setWindowTitle("Tweestap")
        self.setObjectName("MainWindow")
        self.resize(560, 680)

        self._build_list(timer_factory, hold_clock, clear_clipboard_after)
        self._build_pages()
        self.banner = Banner(self)
        self.status = StatusLine(timer_factory(self), self)
        actions.build_actions(self)
        self._build_layout()
        actions.build_menus(self)
        self._follow_the_list()

    # -- building -----------------------------------------------------------------------

    def _build_list(
        self, timer_factory: TimerFactory, hold_clock: Clock | None, clear_after: float
    ) -> None:
        """The accounts as a model, the view that paints them, the clipboard codes go to."""
        self.model = AccountsModel(self.vault.accounts, self.clock.now(), self)
        self.proxy = AccountFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tick_timer = timer_factory(self)
        self.tick_timer.timeout.connect(self.tick)
        self.clipboard = SecureClipboard(timer_factory(self), clear_after=clear_after, parent=self)
        self.clipboard.copied.connect(
            lambda _code: self.show_message(self.tr("Code copied to clipboard"))
        )
        self.view = CodeListView(self, timer_factory=timer_factory, hold_clock=hold_clock)
        name_scroll_bars(self.view, self.tr("codes"))
        self.view.setModel(self.proxy)
        self.view.copy_requested.connect(self.copy_code)
        self.view.next_code_requested.connect(self.next_code)
        self.view.move_requested.connect(self._move_rows)
        self.view.customContextMenuRequested.connect(
            lambda pos: actions.show_context_menu(self, pos)
        )
        self.view.first_codes_painted.connect(self._frame_painted)

    def _build_pages(self) -> None:
        """The list, or the sentence that nothing matches the search (the welcome page and
        the lock screen join them when first needed)."""
        self._empty_state: EmptyState | None = None  # made when first needed (rich text)
        self.no_match = QLabel(self)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setObjectName("NoMatch")
        self.pages = QStackedWidget(self)
        for page in (self.view, self.no_match):
            self.pages.addWidget(page)

    def _follow_the_list(self) -> None:
        """The page and the actions follow the list; Enter copies the first code (current,
        but nothing looks selected)."""
        for signal in (
            self.model.modelReset,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.proxy.layoutChanged,
            self.proxy.modelReset,
        ):
            signal.connect(self._update_page)
        self.view.selectionModel().currentChanged.connect(self.update_actions)
        self._update_page()
        self.update_actions()
        if self.proxy.rowCount() > 0:
            self.view.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _build_header(self) -> None:
        """Above the list: the search field, the add button, and a rule under them."""
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

    def _build_layout(self) -> None:
        """Banner, backup reminder, header, the pages, the status line: top to bottom."""
        self._build_header()
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

    # -- time ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Bring every row to now and sleep until the countdown next changes."""
        now = self.clock.now()
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
        self.show_vault(account.id)

    def next_current(self) -> None:
        self.next_code(self.view.currentIndex())

    def add_account(self) -> None:
        self._add_account()

    def _add_account(self, text: str | None = None) -> None:
        account_dialogs.add_account(self, self.clock, self._timer_factory, text)

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
        account_dialogs.open_admin(self, self.clock)

    def open_login_help(self) -> None:
        actions.open_login_help()

    def show_about(self) -> None:
        actions.show_about(self)

    def edit_current(self) -> None:
        account_dialogs.edit_current(self)

    def delete_current(self) -> None:
        account_dialogs.delete_current(self)

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
            self.show_vault(account.id)
            return
        self.model.move(row, to)
        self.show_vault(account.id)

    def update_actions(self) -> None:
        """Enable the actions that fit the current row and the vault's state."""
        actions.update_actions(self)

    def show_vault(self, select_id: str | None) -> None:
        """Show the vault as it is now, keeping (or moving) the current row."""
        current = self.current_account()
        self.model.set_accounts(self.vault.accounts)
        self.tick()
        keep = select_id or (current.id if current is not None else None)
        if keep is not None:
            self.select_account(keep)
        self._update_page()
        self.update_actions()

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
        self.update_actions()

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

    # -- app lock and favourites -----------------------------------------------------------

    _lock_screen: QWidget | None = None

    def show_locked(self, lock_screen: QWidget) -> None:
        """The vault was locked: empty the list and show ``lock_screen`` instead."""
        if self.pages.indexOf(lock_screen) < 0:
            self.pages.addWidget(lock_screen)
        self._lock_screen = lock_screen
        self.search_field.clear()
        self.show_vault(None)

    def show_unlocked(self) -> None:
        """The vault was unlocked: show its accounts again."""
        self.show_vault(None)
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
        self.update_actions()

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
