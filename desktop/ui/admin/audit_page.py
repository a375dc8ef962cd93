"""Auditlog: who did what to whom, when, with what result — filtered on the server."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.model import AUDIT_ACTIONS, AuditEntry, AuditFilter
from desktop.ui.admin import labels
from desktop.ui.admin.audit_retention import RetentionRow
from desktop.ui.admin.audit_rows import AuditRow, row_of
from desktop.ui.admin.session import AdminSession
from desktop.ui.admin.widgets import on_enter
from desktop.ui.common.accessible import name_combo, name_scroll_bars

MAX_ENTRIES = 1000
WHO, WHOM, WHAT, RESULT, CHANGE = 1, 2, 3, 4, 6
SHARED = (WHO, WHOM, WHAT, RESULT)
"""Columns as wide as their contents while there is room, narrowed (widest first) when there
is not: what they cut short is in the tooltip and the details."""
CHANGE_SHARE = 0.2
"""The part of the table's width the change keeps for itself, at least."""
DETAIL_LINES = 5
DATE_FORMAT = "yyyy-MM-dd HH:mm"


class AuditPage(QWidget):
    def __init__(self, session: AdminSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.entries: list[AuditEntry] = []
        self.rows: list[AuditRow] = []

        title = QLabel(self.tr("Audit log"), self)
        title.setObjectName("PageTitle")
        limits = session.client.contract.audit_retention
        self.retention = None if limits is None else RetentionRow(session, limits, self)
        self._build_filter_fields()
        filters = self._build_filters()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        if self.retention is not None:
            layout.addWidget(self.retention)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.count_label)
        self._connect()

    # -- building ------------------------------------------------------------------------

    def _build_filter_fields(self) -> None:
        """Who, whom, what, from, until, at most, and the button that shows the entries."""
        self.actor_edit = QLineEdit(self)
        self.actor_edit.setPlaceholderText(self.tr("username"))
        self.target_edit = QLineEdit(self)
        self.target_edit.setPlaceholderText(self.tr("username"))
        self.action_combo = QComboBox(self)
        self.action_combo.addItem(self.tr("Every action"), "")
        for code in AUDIT_ACTIONS:
            self.action_combo.addItem(labels.action(code), code)
        name_combo(self.action_combo, self.tr("Action"))
        now = QDateTime.fromSecsSinceEpoch(int(self.session.clock.now()))
        self.since_check = QCheckBox(self.tr("from"), self)
        self.since_edit = QDateTimeEdit(now.addDays(-7), self)
        self.until_check = QCheckBox(self.tr("until"), self)
        self.until_edit = QDateTimeEdit(now, self)
        for edit in (self.since_edit, self.until_edit):
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
            edit.setEnabled(False)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.limit_spin = QSpinBox(self)
        self.limit_spin.setRange(1, MAX_ENTRIES)
        self.limit_spin.setValue(100)
        self.search_button = QPushButton(self.tr("Show"), self)
        self.search_button.setObjectName("PrimaryButton")
        self.search_button.setDefault(True)
        self.since_edit.setAccessibleName(self.tr("from (date and time)"))
        self.until_edit.setAccessibleName(self.tr("until (date and time)"))

    def _build_filters(self) -> QGridLayout:
        """The filter fields in two rows, each with a label a screen reader says with it."""
        filters = QGridLayout()
        filters.setHorizontalSpacing(10)

        def label(text: str, field: QWidget) -> QLabel:
            shown = QLabel(text, self)
            shown.setBuddy(field)  # a screen reader says it with the field
            return shown

        filters.addWidget(label(self.tr("Who"), self.actor_edit), 0, 0)
        filters.addWidget(self.actor_edit, 0, 1)
        filters.addWidget(label(self.tr("Whom"), self.target_edit), 0, 2)
        filters.addWidget(self.target_edit, 0, 3)
        filters.addWidget(label(self.tr("What"), self.action_combo), 0, 4)
        filters.addWidget(self.action_combo, 0, 5)
        when = QHBoxLayout()
        when.addWidget(self.since_check)
        when.addWidget(self.since_edit)
        when.addSpacing(12)
        when.addWidget(self.until_check)
        when.addWidget(self.until_edit)
        when.addSpacing(12)
        when.addWidget(label(self.tr("at most"), self.limit_spin))
        when.addWidget(self.limit_spin)
        when.addStretch(1)
        when.addWidget(self.search_button)
        filters.addWidget(QLabel(self.tr("When"), self), 1, 0)
        filters.addLayout(when, 1, 1, 1, 5)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        return filters

    def _build_table(self) -> None:
        self.table = QTableWidget(0, 7, self)
        name_scroll_bars(self.table, self.tr("audit log"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Who"),
                self.tr("Whom"),
                self.tr("What"),
                self.tr("Result"),
                self.tr("IP address"),
                self.tr("Change"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Audit log"))
        # The chosen entry in full: what its columns cut short, why it was refused, and an
        # unknown name's fingerprint. A fixed few lines, scrolled when there is more.
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details of the chosen entry"))
        self.details.setPlaceholderText(self.tr("Choose an entry to see all of it here."))
        lines = self.details.fontMetrics().lineSpacing() * DETAIL_LINES
        margins = self.details.contentsMargins()
        frame = 2 * (self.details.frameWidth() + int(self.details.document().documentMargin()))
        height = lines + frame + margins.top() + margins.bottom()
        self.details.setFixedHeight(max(height, self.details.minimumSizeHint().height()))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("Hint")

    def _connect(self) -> None:
        self.search_button.clicked.connect(self.load_entries)
        on_enter(
            self._load_on_enter,
            self.actor_edit,
            self.target_edit,
            self.since_edit,
            self.until_edit,
            self.limit_spin,
        )
        self.session.busy_changed.connect(
            lambda busy, _text: self.search_button.setEnabled(not busy)
        )
        self.table.currentCellChanged.connect(lambda row, *_rest: self._show_details(row))

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            actor=self.actor_edit.text(),
            target=self.target_edit.text(),
            action=str(self.action_combo.currentData() or ""),
            since=_moment(self.since_edit) if self.since_check.isChecked() else None,
            until=_moment(self.until_edit) if self.until_check.isChecked() else None,
            limit=self.limit_spin.value(),
        )

    def _load_on_enter(self) -> None:
        if self.search_button.isEnabled():
            self.load_entries()

    def load(self) -> None:
        """The page as it opens: the retention (unless a change is being typed), the entries."""
        if self.retention is not None:
            self.retention.load()
        self.load_entries()

    def load_entries(self) -> None:
        filters = self.current_filter()
        self.session.call(
            lambda client: client.audit(filters),
            self.show_entries,
            progress=self.tr("Reading the audit log\u2026"),
        )

    def show_entries(self, entries: list[AuditEntry]) -> None:
        self.entries = entries
        self.rows = [row_of(entry) for entry in entries]
        self.table.setRowCount(len(entries))
        for row, shown in enumerate(self.rows):
            tips = {WHO: shown.who_tip, RESULT: shown.result_tip}
            for column, text in enumerate(shown.cells()):
                item = QTableWidgetItem(text)
                item.setToolTip(tips.get(column) or text)  # in full, where a column cuts it
                if column == WHO and shown.who_tip:
                    item.setForeground(self.palette().placeholderText())
                if column == RESULT and shown.refused:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self._size_columns()
        self._show_details(self.table.currentRow())
        self.count_label.setText(
            self.tr("{count} entries, newest first").format(count=len(entries))
        )

    def _size_columns(self) -> None:
        """Each column as wide as its contents; where that leaves the change less than its
        share, the widest of :data:`SHARED` are narrowed to one common width."""
        table = self.table
        table.resizeColumnsToContents()
        fixed = sum(
            table.columnWidth(column)
            for column in range(table.columnCount())
            if column not in SHARED and column != CHANGE
        )
        room = table.viewport().width() - fixed - int(table.viewport().width() * CHANGE_SHARE)
        wanted = [table.columnWidth(column) for column in SHARED]
        cap = _common_cap(wanted, room)
        for column, width in zip(SHARED, wanted, strict=True):
            table.setColumnWidth(column, min(width, cap))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.rows:
            self._size_columns()

    def _show_details(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.details.setPlainText(self.rows[row].details())
        else:
            self.details.clear()

    def shown_rows(self) -> list[list[str]]:
        rows = []
        for row in range(self.table.rowCount()):
            items = [self.table.item(row, column) for column in range(self.table.columnCount())]
            rows.append(["" if item is None else item.text() for item in items])
        return rows

    # -- the page contract: the retention is the one thing typed here that is saved ---------

    def has_unsaved_changes(self) -> bool:
        return self.retention is not None and self.retention.has_unsaved_changes()

    def unsaved_what(self) -> str:
        return self.tr("the audit log retention")

    def save(self, then: Callable[[], None] | None = None) -> None:
        if self.retention is not None:
            self.retention.save(then)
        elif then is not None:
            then()

    def discard(self) -> None:
        if self.retention is not None:
            self.retention.discard()


def _common_cap(widths: list[int], room: int, floor: int = 60) -> int:
    """The largest width ``cap`` with ``sum(min(w, cap)) <= room`` (no lower than ``floor``)."""
    if sum(widths) <= room:
        return max(widths, default=0)
    cap = max(widths, default=0)
    while cap > floor and sum(min(width, cap) for width in widths) > room:
        cap -= 1
    return cap


def _moment(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)
