"""The list of accounts as a Qt model: names, the current and next code, the countdown.

The model holds "now" (set by :meth:`AccountsModel.tick`) and never reads a clock itself.
Codes are computed lazily, once per account per time step, the first time a view asks:
with 1,000 accounts, only the rows on screen cost an HMAC, and a repaint costs none.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.otp.codes import code_for_counter, group, seconds_remaining, time_step
from desktop.otp.model import Account, OtpType

translate = QCoreApplication.translate

NEXT_CODE_SECONDS = 5
"""The next code is shown during the last this-many seconds of a code's life."""

ACCOUNT_ID_MIME = "application/x-tweestap-account-id"

ModelIndex = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    ACCOUNT = Qt.ItemDataRole.UserRole + 1
    """The :class:`Account` itself."""
    ID = enum.auto()
    ISSUER = enum.auto()
    NAME = enum.auto()
    CODE = enum.auto()
    """The code to type, without spaces."""
    GROUPED_CODE = enum.auto()
    """The code as shown: ``123 456``."""
    NEXT_CODE = enum.auto()
    """The grouped next code during the last seconds (TOTP), else ``None``."""
    SECONDS_LEFT = enum.auto()
    """Whole seconds until the code changes, as the countdown shows them (TOTP), else ``None``."""
    PROGRESS = enum.auto()
    """The share of the period still left, 1.0 → 0.0 (TOTP), else ``None``."""
    IS_COUNTER = enum.auto()
    """True for HOTP rows: a "next code" button instead of a countdown."""
    SEARCH_TEXT = enum.auto()
    """Issuer and name, folded for searching."""


CODE_ROLES = [
    Role.CODE,
    Role.GROUPED_CODE,
    Role.NEXT_CODE,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
]
COUNTDOWN_ROLES = [
    Role.SECONDS_LEFT,
    Role.PROGRESS,
    Role.NEXT_CODE,
    Qt.ItemDataRole.AccessibleDescriptionRole,
]
"""What changes every second: views need only repaint the countdown (see CodeListView)."""


@dataclass(slots=True)
class _Codes:
    step: int
    code: str
    next_code: str | None = None


class AccountsModel(QAbstractListModel):
    """The vault's accounts in the user's order, at the moment given to :meth:`tick`."""

    def __init__(
        self, accounts: Sequence[Account], now: float, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._accounts: list[Account] = list(accounts)
        self._now = now
        self._codes: dict[str, _Codes] = {}
        self._periods: frozenset[int] = frozenset()
        self._next_boundary = math.inf
        self.show_next_code = True
        """False: never offer the next code (a setting)."""
        self._update_boundaries()

    # -- reading ---------------------------------------------------------------------

    @property
    def now(self) -> float:
        return self._now

    @property
    def accounts(self) -> tuple[Account, ...]:
        return tuple(self._accounts)

    def account(self, row: int) -> Account:
        return self._accounts[row]

    def row_of(self, account_id: str) -> int | None:
        for row, account in enumerate(self._accounts):
            if account.id == account_id:
                return row
        return None

    def has_countdowns(self) -> bool:
        """True when some row shows a countdown (so the view needs a per-second repaint)."""
        return bool(self._periods)

    def next_boundary(self) -> float:
        """The earliest moment a shown code changes (``inf`` with only HOTP rows)."""
        return self._next_boundary

    def code(self, row: int) -> str:
        return self._codes_of(self._accounts[row]).code

    def next_code(self, row: int) -> str:
        account = self._accounts[row]
        codes = self._codes_of(account)
        if codes.next_code is None:
            codes.next_code = code_for_counter(account, codes.step + 1)
        return codes.next_code

    def seconds_left(self, row: int) -> int | None:
        account = self._accounts[row]
        if account.type is OtpType.HOTP:
            return None
        return math.ceil(seconds_remaining(account, self._now))

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: ModelIndex | None = None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self._accounts)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._accounts):
            return None
        row = index.row()
        account = self._accounts[row]
        match role:
            case Qt.ItemDataRole.DisplayRole | Qt.ItemDataRole.ToolTipRole:
                return account.label
            case Role.ACCOUNT:
                return account
            case Role.ID:
                return account.id
            case Role.ISSUER:
                return account.issuer
            case Role.NAME:
                return account.name
            case Role.CODE:
                return self.code(row)
            case Role.GROUPED_CODE:
                return group(self.code(row))
            case Role.NEXT_CODE:
                seconds = self.seconds_left(row)
                if not self.show_next_code or seconds is None or seconds > NEXT_CODE_SECONDS:
                    return None
                return group(self.next_code(row))
            case Role.SECONDS_LEFT:
                return self.seconds_left(row)
            case Role.PROGRESS:
                seconds = self.seconds_left(row)
                return None if seconds is None else seconds / account.period
            case Role.IS_COUNTER:
                return account.type is OtpType.HOTP
            case Role.SEARCH_TEXT:
                return f"{account.issuer}\n{account.name}".casefold()
            case Qt.ItemDataRole.AccessibleTextRole:
                return self._accessible_text(row)
            case Qt.ItemDataRole.AccessibleDescriptionRole:
                return self._accessible_description(row)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [ACCOUNT_ID_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt's name
        """Only the id travels when dragging a row (never a code, never a secret)."""
        mime = QMimeData()
        if indexes:
            mime.setData(ACCOUNT_ID_MIME, self._accounts[indexes[0].row()].id.encode("ascii"))
        return mime

    # -- changing -----------------------------------------------------------------------

    def tick(self, now: float) -> bool:
        """Move the model to ``now``; True when some code changed (not only the countdown).

        Views are told through ``dataChanged`` (the countdown roles each time; the code
        roles only at a step boundary), so they repaint what is on screen and nothing else.
        """
        went_back = now < self._now  # the clock (or its correction) was set back
        self._now = now
        if not self._accounts:
            return False
        codes_changed = now >= self._next_boundary or went_back
        if codes_changed:
            self._update_boundaries()
            roles = CODE_ROLES + COUNTDOWN_ROLES
        elif self._periods:
            roles = list(COUNTDOWN_ROLES)
            if any(math.ceil(p - now % p) == NEXT_CODE_SECONDS for p in self._periods):
                roles.append(Role.GROUPED_CODE)  # its colour now warns that it will change
        else:
            return False
        self.dataChanged.emit(self.index(0), self.index(len(self._accounts) - 1), roles)
        return codes_changed

    def set_accounts(self, accounts: Sequence[Account]) -> None:
        """Show ``accounts`` (the vault after a change); codes are recomputed lazily."""
        accounts = list(accounts)
        if [a.id for a in accounts] == [a.id for a in self._accounts]:
            changed = [row for row, a in enumerate(accounts) if a != self._accounts[row]]
            self._accounts = accounts
            for row in changed:
                self._codes.pop(accounts[row].id, None)
                self.dataChanged.emit(self.index(row), self.index(row), [])
        else:
            self.beginResetModel()
            self._accounts = accounts
            self._codes.clear()
            self.endResetModel()
        self._update_boundaries()

    def move(self, row: int, to: int) -> bool:
        """Move row ``row`` so it ends up at position ``to`` (the model only; the vault is
        the caller's business)."""
        if row == to or not 0 <= row < len(self._accounts) or not 0 <= to < len(self._accounts):
            return False
        destination = to + 1 if to > row else to  # Qt counts before the removal
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._accounts.insert(to, self._accounts.pop(row))
        self.endMoveRows()
        return True

    # -- internals ----------------------------------------------------------------------

    def _codes_of(self, account: Account) -> _Codes:
        hotp = account.type is OtpType.HOTP
        step = account.counter if hotp else time_step(account, self._now)
        cached = self._codes.get(account.id)
        if cached is None or cached.step != step:
            cached = _Codes(step, code_for_counter(account, step))
            self._codes[account.id] = cached
        return cached

    def _update_boundaries(self) -> None:
        self._periods = frozenset(a.period for a in self._accounts if a.type is not OtpType.HOTP)
        self._next_boundary = min(
            ((math.floor(self._now) // period + 1) * period for period in self._periods),
            default=math.inf,
        )
        if len(self._codes) > 2 * len(self._accounts) + 64:  # forget deleted accounts
            ids = {a.id for a in self._accounts}
            self._codes = {key: value for key, value in self._codes.items() if key in ids}

    def _accessible_text(self, row: int) -> str:
        account = self._accounts[row]
        # Spaced digits make screen readers say "1 2 3" instead of "one hundred twenty-three".
        spoken = " ".join(self.code(row))
        return translate("AccountsModel", "{account}, code {code}").format(
            account=account.label, code=spoken
        )

    def _accessible_description(self, row: int) -> str:
        seconds = self.seconds_left(row)
        if seconds is None:
            return translate(
                "AccountsModel",
                "Press Enter to copy the code. Use Next code for a new one.",
            )
        if seconds == 1:
            left = translate("AccountsModel", "1 second left.")
        else:  # Dutch and English share the one/other plural rule
            left = translate("AccountsModel", "{seconds} seconds left.").format(seconds=seconds)
        return " ".join([left, translate("AccountsModel", "Press Enter to copy the code.")])


class AccountFilter(QSortFilterProxyModel):
    """Search: keeps the rows whose issuer or name contains every word typed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        # Codes and countdowns change every second; only a new search re-filters.
        self.setDynamicSortFilter(False)

    @property
    def query(self) -> str:
        return " ".join(self._words)

    def set_query(self, text: str) -> None:
        words = text.casefold().split()
        if words == self._words:
            return
        if hasattr(self, "endFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        text = model.data(model.index(source_row, 0, source_parent), Role.SEARCH_TEXT)
        return isinstance(text, str) and all(word in text for word in self._words)
