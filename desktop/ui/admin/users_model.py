"""The employees' list as Qt models: one row per account with its kind, two-step
verification state and method, last login, blocked and administrator (:class:`UsersModel`),
and the search and kind filter over it (:class:`UsersFilter`)."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QWidget,
)

from desktop.admin.contract import ServerContract
from desktop.admin.model import User
from desktop.ui.admin import labels

Index = QModelIndex | QPersistentModelIndex
USER_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ORDER = {"not_enrolled": 0, "pending": 1, "active": 2}


class Column(enum.IntEnum):
    NAME = 0
    KIND = 1
    TWO_FA = 2
    METHOD = 3
    LAST_LOGIN = 4
    BLOCKED = 5
    ADMIN = 6


class UsersModel(QAbstractTableModel):
    """The employees' list; ``contract`` is the server's (which modules carry P&O)."""

    def __init__(self, contract: ServerContract, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contract = contract
        self.users: list[User] = []
        self.last_logins: dict[str, datetime] = {}

    def set_users(self, users: Sequence[User]) -> None:
        self.beginResetModel()
        self.users = list(users)
        self.endResetModel()

    def set_last_logins(self, last_logins: dict[str, datetime]) -> None:
        self.last_logins = dict(last_logins)
        if self.users:
            self.dataChanged.emit(
                self.index(0, Column.LAST_LOGIN), self.index(len(self.users) - 1, Column.LAST_LOGIN)
            )

    def put(self, user: User) -> None:
        """Replace the row of ``user.name`` or add one."""
        for row, known in enumerate(self.users):
            if known.name == user.name:
                self.users[row] = user
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
                return
        self.beginInsertRows(QModelIndex(), len(self.users), len(self.users))
        self.users.append(user)
        self.endInsertRows()

    def row_of(self, name: str) -> int | None:
        for row, user in enumerate(self.users):
            if user.name == name:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.NAME: self.tr("Username"),
            Column.KIND: self.tr("Kind"),
            Column.TWO_FA: self.tr("Two-step verification"),
            Column.METHOD: self.tr("Method"),
            Column.LAST_LOGIN: self.tr("Last login"),
            Column.BLOCKED: self.tr("Blocked"),
            Column.ADMIN: self.tr("Administrator"),
        }
        return titles.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        user = self.users[index.row()]
        column = Column(index.column())
        if role == USER_ROLE:
            return user
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, column)
        if role == SORT_ROLE:
            return self._sort_key(user, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME:
            return user.email or None
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.METHOD:
            return self._method_note(user)
        return None

    def _method(self, user: User) -> str:
        """The method in force; "(own choice)" where it is the user's own choice."""
        if user.method is None:
            return self.tr("off")
        text = labels.method(user.method)
        if user.method_choice == user.method:
            text += " " + self.tr("(own choice)")
        return text

    def _method_note(self, user: User) -> str | None:
        if user.method is None:
            return self.tr("Two-step verification is off for this group (see Policy).")
        if user.method_choice is not None and user.method_choice != user.method:
            return self.tr(
                "Chose {choice} themselves, but the policy sets {method} for this group."
            ).format(choice=labels.method(user.method_choice), method=labels.method(user.method))
        if user.method_choice == user.method:
            return self.tr("The user chose this method themselves.")
        return self.tr("The policy's default method for this group.")

    def _display(self, user: User, column: Column) -> str:
        if column == Column.NAME:
            return user.name
        if column == Column.KIND:
            return labels.kind(user.kind)
        if column == Column.TWO_FA:
            return labels.enrollment(user.enrollment)
        if column == Column.METHOD:
            return self._method(user)
        if column == Column.LAST_LOGIN:
            return labels.moment(self.last_logins.get(user.name))
        if column == Column.BLOCKED:
            return labels.yes_no(True) if user.blocked else ""
        if self.contract.grants_p_and_o(user):
            return self.tr("yes (P&O)")
        return labels.yes_no(True) if user.admin else ""

    def _sort_key(self, user: User, column: Column) -> Any:
        if column == Column.TWO_FA:
            return STATE_ORDER[user.enrollment]
        if column == Column.LAST_LOGIN:
            last = self.last_logins.get(user.name)
            return last.timestamp() if last is not None else 0.0
        if column == Column.BLOCKED:
            return int(user.blocked)
        if column == Column.ADMIN:
            return 2 if self.contract.grants_p_and_o(user) else int(user.admin)
        return self._display(user, column).casefold()


class UsersFilter(QSortFilterProxyModel):
    """Rows whose name or e-mail address contains the query, of the chosen kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = ""
        self.kind: str | None = "employee"
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "query", text.strip().casefold()))

    def set_kind(self, kind: str | None) -> None:
        self._refilter(lambda: setattr(self, "kind", kind))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        user = model.index(source_row, 0, source_parent).data(USER_ROLE)
        if not isinstance(user, User):
            return False
        if self.kind is not None and user.kind != self.kind:
            return False
        if not self.query:
            return True
        return self.query in user.name.casefold() or self.query in (user.email or "").casefold()
