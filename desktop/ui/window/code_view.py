"""The body of the window: the list of codes, the welcome page, the banner, the status line.

The views turn gestures into requests (copy this row, next HOTP code, move a row, add an
account) and leave doing them to the window: they know no vault and no clipboard.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeyEvent, QKeySequence, QMouseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import Clock
from desktop.ui.common.timer import Timer, TimerFactory, make_timer
from desktop.ui.window.accounts_model import COUNTDOWN_ROLES, Role
from desktop.ui.window.code_delegate import CodeDelegate
from desktop.ui.window.hold_to_copy import HoldToCopy

TOAST_MS = 3000
_COUNTDOWN_ROLES = frozenset(int(role) for role in COUNTDOWN_ROLES)


class CodeListView(QListView):
    """Account rows. Press and hold (or Enter / Ctrl+C) asks to copy a row's code."""

    copy_requested = Signal(QModelIndex)
    next_code_requested = Signal(QModelIndex)
    move_requested = Signal(int, int)
    """``(row, to)``: the user dragged row ``row`` to position ``to`` (view rows)."""
    first_codes_painted = Signal()
    """The first frame that shows codes has been painted (emitted once)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        timer_factory: TimerFactory = make_timer,
        hold_clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.hold = HoldToCopy(
            self, timer_factory(self), clock=hold_clock, accepts=self._hold_accepts
        )
        self.hold.held.connect(self._held)
        self.code_delegate = CodeDelegate(self.hold.progress, self)
        self.setItemDelegate(self.code_delegate)
        self.setUniformItemSizes(True)  # one size hint for 1,000 rows, not 1,000
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAccessibleName(self.tr("Accounts"))
        self.setAccessibleDescription(
            self.tr("Press and hold a code, or press Enter, to copy it to the clipboard.")
        )
        self._pressed_button: QPersistentModelIndex | None = None
        self._painted_codes = False

    def on_counter_button(self, index: QModelIndex, pos: QPoint) -> bool:
        """True when ``pos`` is on the "Next code" button of a HOTP row."""
        if not index.isValid() or not index.data(Role.IS_COUNTER):
            return False
        geometry = self.code_delegate.geometry(self.visualRect(index), self.font())
        return geometry.button.contains(pos)

    # -- requests -------------------------------------------------------------------------

    def _hold_accepts(self, index: QModelIndex, pos: QPoint) -> bool:
        return not self.on_counter_button(index, pos)

    def _held(self, index: QPersistentModelIndex) -> None:
        if index.isValid():
            model_index = self.model().index(index.row(), 0)
            self.setCurrentIndex(model_index)
            self.copy_requested.emit(model_index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        current = self.currentIndex()
        if current.isValid() and (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            or event.matches(QKeySequence.StandardKey.Copy)
        ):
            self.copy_requested.emit(current)
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and self.on_counter_button(
            index, event.position().toPoint()
        ):
            self._pressed_button = QPersistentModelIndex(index)
        else:
            self._pressed_button = None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        pressed, self._pressed_button = self._pressed_button, None
        index = self.indexAt(event.position().toPoint())
        if (
            pressed is not None
            and pressed.isValid()
            and pressed == index
            and self.on_counter_button(index, event.position().toPoint())
        ):
            self.next_code_requested.emit(index)
        super().mouseReleaseEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        """Reorder by drag and drop: the window moves the account in the vault."""
        if event.source() is not self:
            event.ignore()
            return
        source = self.currentIndex()
        target = self.indexAt(event.position().toPoint())
        indicator = self.dropIndicatorPosition()
        rows = self.model().rowCount()
        if not target.isValid() or indicator == QAbstractItemView.DropIndicatorPosition.OnViewport:
            before = rows
        elif indicator == QAbstractItemView.DropIndicatorPosition.BelowItem:
            before = target.row() + 1
        else:
            before = target.row()
        # The drag itself must not remove anything: it only asked for a move.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        if source.isValid():
            to = before - 1 if before > source.row() else before
            if to != source.row():
                self.move_requested.emit(source.row(), to)

    def dataChanged(  # noqa: N802 - Qt's name
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """Every second only the countdowns change: repaint that strip, not whole rows."""
        if roles and set(roles) <= _COUNTDOWN_ROLES:
            strip = QRect(0, 0, self.viewport().width(), 1)
            left = self.code_delegate.countdown_left(strip, self.font())
            self.viewport().update(QRect(left, 0, strip.width() - left, self.viewport().height()))
            return
        super().dataChanged(top_left, bottom_right, roles)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        self.code_delegate.exposed = event.rect()
        try:
            super().paintEvent(event)
        finally:
            self.code_delegate.exposed = None
        if not self._painted_codes and self.model() is not None and self.model().rowCount() > 0:
            self._painted_codes = True
            self.first_codes_painted.emit()


class EmptyState(QWidget):
    """What a new user sees: how to add the first account, in plain words."""

    add_requested = Signal()
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("EmptyState")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().Base)
        title = QLabel(self.tr("No accounts yet"), self)
        title.setObjectName("EmptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            self.tr("Tweestap shows the codes for two-step verification. To add an account:"),
            self,
        )
        intro.setObjectName("EmptyIntro")
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        steps = [
            self.tr(
                "Log in to the website that asks for a code, for example Zilliz. "
                "It shows a QR code and a setup key."
            ),
            self.tr("Click <b>Add account</b>, then scan the QR code or paste the setup key."),
            self.tr("Type the code that Tweestap shows on the login page to finish pairing."),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        for row, text in enumerate(steps):
            number = QLabel(str(row + 1), self)
            number.setObjectName("StepNumber")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setFixedSize(26, 26)
            label = QLabel(text, self)
            label.setObjectName("StepText")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(number, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)
        self.add_button = QPushButton(self.tr("Add account"), self)
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.clicked.connect(self.add_requested)
        self.add_button.setDefault(True)

        column = QVBoxLayout()
        column.addStretch(2)
        column.addWidget(title)
        column.addSpacing(8)
        column.addWidget(intro)
        column.addSpacing(20)
        column.addLayout(grid)
        column.addSpacing(24)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 10)
        outer.addStretch(1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        self.painted.emit()


class Banner(QFrame):
    """A message across the top of the window, until its close button is pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setAccessibleName(self.tr("Close message"))
        close.setToolTip(self.tr("Close message"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 10, 10)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(self.tr("Message"))
        self.setAccessibleDescription(text)
        self.show()


class StatusLine(QLabel):
    """The bottom line: a quiet hint, replaced for a moment by a confirmation."""

    def __init__(self, timer: Timer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusLine")
        self.setAccessibleName(self.tr("Status"))
        self.timer = timer
        self.timer.timeout.connect(self._end_toast)
        self._hint = ""
        self.toast = ""

    def set_hint(self, hint: str) -> None:
        self._hint = hint
        if not self.toast:
            self._show(hint, toast=False)

    def show_toast(self, text: str) -> None:
        self.toast = text
        self._show("\u2713  " + text, toast=True)
        _announce(self, text)
        self.timer.start(TOAST_MS)

    def _end_toast(self) -> None:
        self.toast = ""
        self._show(self._hint, toast=False)

    def _show(self, text: str, *, toast: bool) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if self.property("toast") != toast:
            self.setProperty("toast", toast)
            self.style().unpolish(self)
            self.style().polish(self)


def _announce(widget: QWidget, text: str) -> None:
    """Let a screen reader say ``text`` (Qt 6.8+), without moving the focus."""
    from PySide6 import QtGui

    if not QtGui.QAccessible.isActive() or not hasattr(QtGui, "QAccessibleAnnouncementEvent"):
        return
    QtGui.QAccessible.updateAccessibility(QtGui.QAccessibleAnnouncementEvent(widget, text))


ACCENT = "#1c5fae"
STYLE = """
QLineEdit#Search {
    padding: 7px 10px;
    border: 1px solid palette(mid);
    border-radius: 8px;
    background: palette(base);
}
QLineEdit#Search:focus { border: 1px solid ACCENT; }
QToolButton#AddButton, QPushButton#PrimaryButton {
    padding: 7px 18px;
    border: 2px solid ACCENT;
    border-radius: 8px;
    background: ACCENT;
    color: white;
    font-weight: 600;
}
QToolButton#AddButton:hover, QPushButton#PrimaryButton:hover { background: #174f92; }
QToolButton#AddButton:focus, QPushButton#PrimaryButton:focus { border-color: #0b2f5c; }
QFrame#Rule { max-height: 1px; border: none; background: palette(midlight); }
QLabel#EmptyTitle { font-size: 17pt; font-weight: 600; }
QLabel#EmptyIntro { color: palette(placeholder-text); }
QLabel#StepNumber {
    background: ACCENT;
    color: white;
    border-radius: 13px;
    font-weight: 600;
}
QLabel#NoMatch { color: palette(placeholder-text); padding: 24px; background: palette(base); }
QFrame#Banner { background: #fdf1d8; border-bottom: 1px solid #e8cf96; }
QFrame#Banner QLabel { color: #4a3a10; }
QLabel#StatusLine {
    padding: 8px 16px;
    color: palette(placeholder-text);
    border-top: 1px solid palette(midlight);
}
QLabel#StatusLine[toast="true"] {
    color: #1d5e30;
    background: #e2f3e5;
    border-top: 1px solid #b9dfc0;
    font-weight: 600;
}
""".replace("ACCENT", ACCENT)
