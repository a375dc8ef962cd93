"""The admin panel: a window with Overzicht, Beleid, Medewerkers and Auditlog.

It owns the :class:`AdminSession` (client + worker) its pages share, and presents what they
report: progress in the status line, failures in the message bar with "Try again", an
expired session by asking to log in again and then repeating what was interrupted. Leaving a
page or closing the window with unsaved changes asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.errors import AdminError
from desktop.admin.model import Overview
from desktop.clock import Clock
from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.net.admin_client import AdminClient
from desktop.net.embedded_server import default_embedded
from desktop.otp.model import Account
from desktop.ui.admin import labels, questions
from desktop.ui.admin.audit_page import AuditPage
from desktop.ui.admin.connect_dialog import AccountsSource, AddAccount, ConnectDialog
from desktop.ui.admin.overview_page import OverviewPage
from desktop.ui.admin.policy_page import PolicyPage
from desktop.ui.admin.session import AdminSession, Retry
from desktop.ui.admin.users_page import UsersPage
from desktop.ui.admin.widgets import STYLE, BusyLine, MessageBar
from desktop.ui.common.timer import TimerFactory, make_timer
from desktop.vault import Vault

LOGOUT_WAIT_MS = 5000
COMFORTABLE = QSize(1100, 780)
"""The panel's size where the screen has room for it."""
FRAME = QSize(16, 48)
"""Room to leave for the window manager's frame and title bar."""


class EditingPage(Protocol):
    def has_unsaved_changes(self) -> bool: ...
    def unsaved_what(self) -> str: ...
    def save(self, then: Callable[[], None] | None = None) -> None: ...
    def discard(self) -> None: ...


class AdminWindow(QMainWindow):
    def __init__(
        self,
        client: AdminClient,
        clock: Clock,
        *,
        overview: Overview | None = None,
        accounts: AccountsSource | None = None,
        add_account: AddAccount | None = None,
        available: QRect | None = None,
        timer_factory: TimerFactory = make_timer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AdminWindow")
        self.setWindowTitle(self.tr("Administration \u2013 Tweestap"))
        self.setStyleSheet(STYLE)
        self.session = AdminSession(client, clock, parent=self)
        self._accounts = accounts
        self._add_account = add_account
        self._retries: list[Retry] = []
        self.relogin_dialog: ConnectDialog | None = None
        self._closing = False
        header = self._build_header(timer_factory)
        self._build_pages()
        self._arrange(header)
        self._follow_the_session()
        self._show_identity()
        self.fit_screen(available if available is not None else _available_geometry(parent))
        if overview is not None:
            self.overview_page.show_overview(overview)
        else:
            self.overview_page.load()

    # -- building ------------------------------------------------------------------------

    def _build_header(self, timer_factory: TimerFactory) -> QHBoxLayout:
        """Who is logged in, Log out, and the message bar under them."""
        self.identity = QLabel(self)
        self.identity.setObjectName("Identity")
        self.logout_button = QPushButton(self.tr("Log out"), self)
        self.logout_button.clicked.connect(self.log_out)
        header = QHBoxLayout()
        header.setContentsMargins(16, 10, 16, 6)
        header.addWidget(self.identity, 1)
        header.addWidget(self.logout_button)
        self.message = MessageBar(self, timer_factory=timer_factory)
        self.message.retry.connect(self._retry_all)
        return header

    def _build_pages(self) -> None:
        """The four pages, and the sidebar that chooses among them."""
        self.overview_page = OverviewPage(self.session, self)
        self.policy_page = PolicyPage(self.session, self)
        self.users_page = UsersPage(self.session, self)
        self.audit_page = AuditPage(self.session, self)
        self.pages: list[tuple[str, QWidget]] = [
            (self.tr("Overview"), self.overview_page),
            (self.tr("Policy"), self.policy_page),
            (self.tr("Employees"), self.users_page),
            (self.tr("Audit log"), self.audit_page),
        ]
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.sidebar.setFixedWidth(190)
        self.stack = QStackedWidget(self)
        for title, page in self.pages:
            self.sidebar.addItem(title)
            self.stack.addWidget(page)
        self.sidebar.setCurrentRow(0)
        self.sidebar.currentRowChanged.connect(self._page_chosen)
        # A screen reader chooses a page by selecting its item (AT-SPI's Selection), which
        # leaves the current row where it was: follow the selection too.
        self.sidebar.itemSelectionChanged.connect(self._selection_chosen)

    def _arrange(self, header: QHBoxLayout) -> None:
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        message_row = QHBoxLayout()
        message_row.setContentsMargins(16, 0, 16, 6)
        message_row.addWidget(self.message)
        layout.addLayout(message_row)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self._room = _RoomForMessage(central, self.message)
        self.busy_line = BusyLine(self)
        self.statusBar().addWidget(self.busy_line, 1)

    def _follow_the_session(self) -> None:
        """What the pages' requests are doing shows in the status line; what they could not
        do in the message bar (or, for an ended session, the login)."""
        self.session.busy_changed.connect(self.busy_line.set_busy)
        # A confirmation is read by the time the person does the next thing.
        self.session.busy_changed.connect(
            lambda busy, _text: self.message.clear_confirmation() if busy else None
        )
        self.session.problem.connect(self._problem)
        self.session.expired.connect(self._expired)
        self.session.notice.connect(lambda text: self.message.show_message(text, "info"))

    def fit_screen(self, available: QRect) -> None:
        """Take the comfortable size where ``available`` (a screen's free area) has room,
        else as much of it as there is, and sit in its middle."""
        width = min(COMFORTABLE.width(), available.width() - FRAME.width())
        height = min(COMFORTABLE.height(), available.height() - FRAME.height())
        self.resize(width, height)
        self.move(
            available.x() + (available.width() - width) // 2,
            available.y() + max(FRAME.height() - 8, (available.height() - height) // 2),
        )

    # -- pages ------------------------------------------------------------------------------

    def show_page(self, page: QWidget) -> None:
        """Go to ``page`` as a click in the sidebar would (asking about unsaved changes)."""
        for row, (_title, known) in enumerate(self.pages):
            if known is page:
                self.sidebar.setCurrentRow(row)

    def _selection_chosen(self) -> None:
        rows = {index.row() for index in self.sidebar.selectedIndexes()}
        if len(rows) == 1:
            self.sidebar.setCurrentRow(rows.pop())

    def _page_chosen(self, row: int) -> None:
        current = self.stack.currentWidget()
        if row == self.stack.currentIndex() or current is None:
            return

        def go() -> None:
            self.message.clear_confirmation()
            self._set_row(row)
            self._arrive(self.pages[row][1])

        self._leave(current, go, stay=lambda: self._set_row(self.stack.currentIndex()))

    def _set_row(self, row: int) -> None:
        self.sidebar.blockSignals(True)
        try:
            self.sidebar.setCurrentRow(row)
        finally:
            self.sidebar.blockSignals(False)
        self.stack.setCurrentIndex(row)

    def _arrive(self, page: QWidget) -> None:
        if page is self.overview_page:
            self.overview_page.load()
        elif page is self.policy_page:
            if not self.policy_page.has_unsaved_changes():
                self.policy_page.load()
        elif page is self.users_page:
            self.users_page.load()
        elif page is self.audit_page:
            self.audit_page.load()

    def _leave(self, page: QWidget, go: Callable[[], None], stay: Callable[[], None]) -> None:
        editing = _editing(page)
        if editing is None or not editing.has_unsaved_changes():
            go()
            return
        choice = questions.ask_unsaved(self, editing.unsaved_what())
        if choice is questions.Unsaved.DISCARD:
            editing.discard()
            go()
            return
        stay()
        if choice is questions.Unsaved.SAVE:
            editing.save(then=go)

    # -- what the session reports -------------------------------------------------------------

    def _problem(self, error: UserError, retry: Retry) -> None:
        if not (isinstance(error, AdminError) and error.transient):
            # A refusal (a rule, a right, a name that is gone): the same request would be
            # refused again, so there is nothing to try again, only the sentence to read.
            self._retries = []
            self.message.show_message(error_text(error), "error")
            return
        # Calls that fail together (a page loads in two) are all repeated by "Try again".
        if self.message.isVisible() and self.message.kind == "error" and self._retries:
            self._retries.append(retry)
        else:
            self._retries = [retry]
        self.message.show_message(
            error_text(error), "error", can_retry=True, retry_in=error.wait_seconds
        )

    def _retry_all(self) -> None:
        retries, self._retries = self._retries, []
        for retry in retries:
            retry()

    def _expired(self, retry: Retry) -> None:
        self._retries.append(retry)
        if self.relogin_dialog is not None or self._closing:
            return
        client = self.session.client
        dialog = ConnectDialog(
            self.session.clock,
            address=client.url,
            username=client.username or "",
            client=client,
            reason=self.tr(
                "Your session has ended. Log in again to continue; nothing you typed is lost."
            ),
            accounts=self._accounts,
            add_account=self._add_account,
            parent=self,
        )
        dialog.accepted.connect(self._logged_in_again)
        dialog.rejected.connect(self._relogin_cancelled)
        self.relogin_dialog = dialog
        self.message.hide()
        dialog.open()

    def _logged_in_again(self) -> None:
        self._forget_relogin_dialog()
        self._show_identity()
        self._retry_all()

    def _relogin_cancelled(self) -> None:
        self._forget_relogin_dialog()
        self.message.show_message(
            self.tr(
                "You are not logged in. What you typed is kept: choose Try again to log in "
                "and continue."
            ),
            "warning",
            can_retry=True,
        )

    def _forget_relogin_dialog(self) -> None:
        if self.relogin_dialog is not None:
            self.relogin_dialog.deleteLater()
            self.relogin_dialog = None

    def _show_identity(self) -> None:
        client = self.session.client
        text = self.tr("{name} on {server}").format(name=client.username or "", server=client.url)
        expires = client.session_expires_at
        if expires is not None:
            text += " \u00b7 " + self.tr("session until {time}").format(
                time=labels.time_of_day(expires)
            )
        self.identity.setText(text)

    # -- leaving ------------------------------------------------------------------------------

    def log_out(self) -> None:
        self.close()

    def _close_again(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        for _title, page in self.pages:
            editing = _editing(page)
            if editing is None or not editing.has_unsaved_changes():
                continue
            choice = questions.ask_unsaved(self, editing.unsaved_what())
            if choice is questions.Unsaved.STAY:
                event.ignore()
                return
            if choice is questions.Unsaved.SAVE:
                event.ignore()
                editing.save(then=self._close_again)
                return
            editing.discard()
        self._closing = True
        client = self.session.client
        self.session.runner.run(client.logout, lambda _result: None, lambda _error: None)
        self.session.runner.wait(LOGOUT_WAIT_MS)
        client.close()
        super().closeEvent(event)


class _RoomForMessage(QObject):
    """Keeps the pages their minimum height under a message of several lines.

    Qt gives a window the minimum height of its layout, which counts a wrapped sentence by its
    shortest guess, not by the lines it takes at the window's width: at the window's smallest
    height a long message took its extra lines from the page below it. The central widget's
    minimum height is raised by what the message needs beyond that guess, for as long as it
    shows (the window grows if it must)."""

    def __init__(self, central: QWidget, message: QWidget) -> None:
        super().__init__(central)
        self._central = central
        self._message = message
        message.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._message and event.type() in (
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.Resize,
        ):
            self.update()
        return False

    def update(self) -> None:
        message = self._message
        extra = 0
        if message.isVisible() and message.hasHeightForWidth():
            guessed = message.minimumSizeHint().height()
            extra = max(0, message.heightForWidth(message.width()) - guessed)
        layout = self._central.layout()
        if layout is None:
            return
        wanted = layout.totalMinimumSize().height() + extra if extra else 0
        if self._central.minimumHeight() != wanted:  # no layout pass for nothing
            self._central.setMinimumHeight(wanted)


def _available_geometry(near: QWidget | None) -> QRect:
    """The free area of the screen the panel opens on (the main window's screen)."""
    screen = near.screen() if near is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return QRect(QPoint(0, 0), COMFORTABLE + FRAME)
    return screen.availableGeometry()


def _editing(page: QWidget) -> EditingPage | None:
    return page if isinstance(page, PolicyPage | UsersPage | AuditPage) else None


def open_admin_panel(
    parent: QWidget,
    vault: Vault | None,
    clock: Clock,
    on_vault_changed: Callable[[], None],
    *,
    address: str = "",
    on_connected: Callable[[str], None] | None = None,
) -> None:
    """Log in (the dialog), then show the panel; an open panel is brought to the front.

    ``address`` is the server last used (the settings' 2FA server address; empty: the
    embedded server); ``on_connected`` hears the address of every successful login."""
    for existing in parent.findChildren(AdminWindow):
        if existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
    accounts: AccountsSource | None = None
    add_account: AddAccount | None = None
    if vault is not None:
        open_vault = vault

        def vault_accounts() -> Sequence[Account]:
            return open_vault.accounts

        def add_to_vault(account: Account) -> Account:
            # A new setup key means the old entry's codes are void: replace it (the seed's rule).
            added = open_vault.add(account, replace_existing=True)
            on_vault_changed()
            return added

        accounts, add_account = vault_accounts, add_to_vault

    dialog = ConnectDialog(
        clock,
        address=address,
        accounts=accounts,
        add_account=add_account,
        embedded=default_embedded(),
        parent=parent,
    )

    def accepted() -> None:
        if dialog.client is None:
            return
        if on_connected is not None:
            on_connected(dialog.client.url)
        window = AdminWindow(
            dialog.client,
            clock,
            overview=dialog.overview,
            accounts=accounts,
            add_account=add_account,
            parent=parent,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()

    dialog.accepted.connect(accepted)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
