"""Medewerkers: a searchable, sortable list of accounts with their two-step verification
state, last login, blocked and administrator; below it the chosen account's Account tab."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.model import User
from desktop.ui.admin import questions
from desktop.ui.admin.account_form import AccountForm
from desktop.ui.admin.session import AdminSession
from desktop.ui.admin.users_model import USER_ROLE, Column, UsersFilter, UsersModel
from desktop.ui.common.accessible import add_clear_button, name_combo, name_scroll_bars

LIST_ROWS = 9
"""Rows of the list that stay visible above the account tab, however low the window."""


class UsersPage(QWidget):
    def __init__(self, session: AdminSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._reverting = False
        self._build_bar()
        self._build_table()
        self.form = AccountForm(session, self)
        self._arrange()
        self._connect()

    def _build_bar(self) -> None:
        """Above the list: search, which accounts to show, new account, refresh; the count
        goes under it."""
        self.search_field = QLineEdit(self)
        self.search_field.setPlaceholderText(self.tr("Search by username or e-mail address"))
        self.search_field.setAccessibleName(self.tr("Search accounts"))
        add_clear_button(self.search_field)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("Employees"), "employee")
        self.kind_combo.addItem(self.tr("Extranet users"), "extranet")
        self.kind_combo.addItem(self.tr("Everyone"), None)
        name_combo(self.kind_combo, self.tr("Show"))
        self.new_button = QPushButton(self.tr("New account"), self)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("Hint")

    def _build_table(self) -> None:
        self.model = UsersModel(self.session.client.contract, self)
        self.proxy = UsersFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        name_scroll_bars(self.table, self.tr("accounts"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Accounts"))

    def _arrange(self) -> None:
        """The list above the Account tab, in a splitter; the tab scrolls where the screen is
        low, so the list keeps its rows."""
        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        show_label = QLabel(self.tr("S&how:"), self)
        show_label.setBuddy(self.kind_combo)  # what a screen reader says with the choice
        top.addWidget(show_label)
        top.addWidget(self.kind_combo)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        list_part = QWidget(self)
        list_layout = QVBoxLayout(list_part)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # No tab stop of its own (a nameless "filler" to a screen reader); it still scrolls
        # to whichever field has the focus.
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        name_scroll_bars(self.form_scroll, self.tr("account"))
        self.form_scroll.setWidget(self.form)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(list_part)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self._list_part = list_part
        self._split_by_hand = False
        self.splitter.splitterMoved.connect(self._split_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.splitter)
        self._margins = layout.contentsMargins()

    def _connect(self) -> None:
        self.search_field.textChanged.connect(self._search)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.new_button.clicked.connect(self.new_account)
        self.refresh_button.clicked.connect(self.load)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.form.changed.connect(self._user_changed)
        self.form.created.connect(self._user_created)
        self.form.new_cancelled.connect(self._new_cancelled)
        self.session.busy_changed.connect(
            lambda busy, _text: self.refresh_button.setEnabled(not busy)
        )
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._split_by_hand:
            self.split_for_height(self.splitter.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if not self._split_by_hand and self.isVisible():
            margins = self._margins  # the splitter is all there is below them
            self.split_for_height(event.size().height() - margins.top() - margins.bottom())

    def _split_moved(self) -> None:
        self._split_by_hand = True  # the person's choice stays

    def split_for_height(self, total: int) -> None:
        """The list gets room for at least ``LIST_ROWS`` rows, the account tab the rest (all
        of what it asks for when the window is high enough)."""
        table = self.table
        rows = table.verticalHeader().defaultSectionSize() * LIST_ROWS
        chrome = self._list_part.sizeHint().height() - table.sizeHint().height()
        header = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        list_height = max(chrome + header + rows, total - self.form.sizeHint().height())
        list_height = min(list_height, total - self.form_scroll.minimumSizeHint().height())
        self.splitter.setSizes([list_height, max(0, total - list_height)])

    # -- loading --------------------------------------------------------------------------

    def load(self) -> None:
        self.session.call(
            lambda client: client.list_users(),
            self._loaded,
            progress=self.tr("Loading the accounts\u2026"),
        )
        self.session.call(
            lambda client: client.last_logins(),
            self.model.set_last_logins,
            progress=self.tr("Reading the last logins\u2026"),
        )

    def _loaded(self, users: list[User]) -> None:
        shown = self.form.user
        self._reverting = True
        try:
            self.model.set_users(users)
        finally:
            self._reverting = False
        if shown is not None:
            fresh = next((u for u in users if u.name == shown.name), None)
            if fresh is not None:
                if self.form.has_unsaved_changes():
                    self.form.refresh(fresh)
                else:
                    self.form.show_user(fresh)
                self._select_row(fresh.name)
            elif not self.form.has_unsaved_changes():
                self.form.show_nothing()

    # -- the list -----------------------------------------------------------------------------

    def user_at(self, row: int) -> User | None:
        user = self.proxy.index(row, 0).data(USER_ROLE)
        return user if isinstance(user, User) else None

    def shown_names(self) -> list[str]:
        return [
            str(self.proxy.index(row, Column.NAME).data()) for row in range(self.proxy.rowCount())
        ]

    def select_user(self, name: str) -> None:
        """Choose ``name`` in the list, as a click would (asking about unsaved changes)."""
        row = self.model.row_of(name)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search_field.clear()
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(None))
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)

    def _select_row(self, name: str) -> None:
        """Mark ``name``'s row without asking anything (the form shows it already)."""
        row = self.model.row_of(name)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        self._reverting = True
        try:
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._reverting = False
        self.table.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._reverting:
            return
        user = current.data(USER_ROLE)
        if not isinstance(user, User):
            return
        shown = self.form.user
        if shown is not None and shown.name == user.name and not self.form.new_mode:
            return
        self.leave_form(lambda: self.form.show_user(user), stay=self._back_to_form)

    def _back_to_form(self) -> None:
        if self.form.user is not None:
            self._select_row(self.form.user.name)
        else:
            self._reverting = True
            try:
                self.table.selectionModel().clearSelection()
                self.table.selectionModel().setCurrentIndex(
                    QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate
                )
            finally:
                self._reverting = False

    def leave_form(self, go: Callable[[], None], stay: Callable[[], None] | None = None) -> None:
        """Run ``go`` once the form may be left: at once, or after saving or discarding."""
        if not self.form.has_unsaved_changes():
            go()
            return
        choice = questions.ask_unsaved(self, self.form.unsaved_what())
        if choice is questions.Unsaved.DISCARD:
            go()
            return
        if stay is not None:
            stay()
        if choice is questions.Unsaved.SAVE:

            def after_save() -> None:
                go()
                if self.form.user is not None:
                    self._select_row(self.form.user.name)

            self.form.save(then=after_save)

    def new_account(self) -> None:
        self.leave_form(self._start_new)

    def _start_new(self) -> None:
        self._back_to_form_none()
        self.form.start_new()

    def _back_to_form_none(self) -> None:
        self._reverting = True
        try:
            self.table.selectionModel().clearSelection()
        finally:
            self._reverting = False

    def _search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()

    def _kind_chosen(self, index: int) -> None:
        self.proxy.set_kind(self.kind_combo.itemData(index))
        self._update_count()

    def _update_count(self) -> None:
        # The rows shown changed: size the columns to them (the header only does so itself
        # when the data changes, so "Extranet user" would stay cut to the employees' width).
        self.table.horizontalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        self.count_label.setText(
            self.tr("{shown} of {total} accounts shown").format(
                shown=self.proxy.rowCount(), total=self.model.rowCount()
            )
        )

    def _user_changed(self, user: User) -> None:
        self.model.put(user)
        self._select_row(user.name)

    def _user_created(self, user: User) -> None:
        self.model.put(user)
        self._select_row(user.name)

    def _new_cancelled(self) -> None:
        self._back_to_form_none()

    # -- the page contract ------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.form.has_unsaved_changes()

    def unsaved_what(self) -> str:
        return self.form.unsaved_what()

    def save(self, then: Callable[[], None] | None = None) -> None:
        self.form.save(then)

    def discard(self) -> None:
        self.form.discard()
