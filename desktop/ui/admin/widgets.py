"""Small widgets the admin pages share: ja/nee choices, the message bar, the busy line,
Enter in a field as the page's main button, and the panel's style sheet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QEvent, QObject, QPropertyAnimation, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QFrame,
    QGraphicsOpacityEffect,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from desktop.ui.common.timer import TimerFactory, make_timer
from desktop.ui.window.code_view import ACCENT

INFO_SHOWN_MS = 8000
"""How long a confirmation stays before it fades (unless the next action clears it)."""
FADE_MS = 400


class _EnterPresses(QObject):
    """Enter in a number or date field: the typed text is taken, then ``action`` runs."""

    def __init__(self, action: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if isinstance(watched, QAbstractSpinBox):
                watched.interpretText()
            self._action()
            return True
        return False


def on_enter(action: Callable[[], object], *fields: QWidget) -> None:
    """Enter in any of ``fields`` does what the page's main button does (as in a dialog)."""
    for field in fields:
        if isinstance(field, QLineEdit):
            field.returnPressed.connect(action)
        else:
            field.installEventFilter(_EnterPresses(action, field))


class LimitedSpinBox(QSpinBox):
    """A whole number with allowed limits that takes any number typed, so a number out of
    range stays on screen to be explained (QSpinBox would silently drop the last digit:
    "30" of 0..24 became 3, and undo "10" of 30..3650). The arrows stop at the limits;
    :meth:`in_range` says whether the number may be saved."""

    TYPED_MAXIMUM = 999_999

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limits = (0, 0)
        super().setRange(0, self.TYPED_MAXIMUM)

    def set_limits(self, minimum: int, maximum: int) -> None:
        self.limits = (minimum, maximum)
        # Below the limit too: "10" of 30..3650 must stay to be explained, not be undone.
        super().setRange(min(0, minimum), max(maximum, self.TYPED_MAXIMUM))

    def in_range(self) -> bool:
        low, high = self.limits
        return low <= self.value() <= high

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        low, high = self.limits
        self.setValue(min(high, max(low, self.value() + steps)))
        self.selectAll()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt's name
        low, high = self.limits
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.value() < high:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self.value() > low:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


def hint_label(text: str, parent: QWidget) -> QLabel:
    """A quiet sentence under a field that says how to fill it in."""
    label = QLabel(text, parent)
    label.setObjectName("FieldHint")
    label.setWordWrap(True)
    return label


def error_label(parent: QWidget) -> QLabel:
    """The red sentence under a field, hidden until the field's value is refused."""
    label = QLabel(parent)
    label.setObjectName("FieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class FieldGrid(QGridLayout):
    """Labels right-aligned in the first column, each field in the second with whatever
    goes under it (a hint, an error) on rows of its own."""

    def __init__(self, labels_parent: QWidget) -> None:
        super().__init__()
        self.setHorizontalSpacing(18)
        self.setVerticalSpacing(6)
        self._parent = labels_parent
        self._row = 0

    def add(
        self,
        text: str,
        field: QWidget | QLayout,
        *below: QWidget,
        align: Qt.AlignmentFlag | None = None,
    ) -> QLabel:
        label = QLabel(text, self._parent)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.addWidget(label, self._row, 0)
        if isinstance(field, QWidget):
            label.setBuddy(field)
            if align is None:
                self.addWidget(field, self._row, 1)
            else:
                self.addWidget(field, self._row, 1, align)
        else:
            self.addLayout(field, self._row, 1)
        self._row += 1
        for widget in below:
            self.addWidget(widget, self._row, 1)
            self._row += 1
        return label


class YesNo(QWidget):
    """Two radio buttons, "ja" and "nee", as on the seed's settings pages."""

    changed = Signal(bool)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes = QRadioButton(self.tr("yes"), self)
        self.no = QRadioButton(self.tr("no"), self)
        self.yes.setAccessibleName(f"{accessible_name}: {self.yes.text()}")
        self.no.setAccessibleName(f"{accessible_name}: {self.no.text()}")
        self._group = QButtonGroup(self)
        self._group.addButton(self.yes)
        self._group.addButton(self.no)
        self.no.setChecked(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        layout.addStretch(1)
        self.yes.toggled.connect(self.changed)

    def value(self) -> bool:
        return self.yes.isChecked()

    def set_value(self, value: bool) -> None:
        (self.yes if value else self.no).setChecked(True)


class MessageBar(QFrame):
    """A sentence across the top of a page or window: an error, a warning or a confirmation.

    An error may offer "Try again" (``retry`` is emitted), after a wait the server asked for
    (the button counts it down and is enabled once it has passed); an error or a warning stays
    until closed or replaced, so nothing is missed. A confirmation has done its job once read:
    it fades after :data:`INFO_SHOWN_MS`, and :meth:`clear_confirmation` takes it away at once
    (the window calls it when the person moves on).
    """

    retry = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, timer_factory: TimerFactory = make_timer
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MessageBar")
        self._fade_timer = timer_factory(self)
        self._fade_timer.timeout.connect(self.fade_out)
        self._countdown = timer_factory(self)
        self._countdown.timeout.connect(self._count_down)
        self._wait_left = 0
        self._animation: QPropertyAnimation | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.clicked.connect(self._retry)
        close = QToolButton(self)
        close.setText("\u2715")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Close message"))
        close.setAccessibleName(self.tr("Close message"))
        close.clicked.connect(self.close_message)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.kind = ""
        self.hide()

    def show_message(
        self, text: str, kind: str = "error", *, can_retry: bool = False, retry_in: int = 0
    ) -> None:
        """``kind``: ``error``, ``warning`` or ``info`` (a confirmation, which fades);
        ``retry_in``: seconds before "Try again" may be pressed."""
        self._stop_fading()
        if kind == "info":
            self._fade_timer.start(INFO_SHOWN_MS)
        else:
            self._fade_timer.stop()
        self.kind = kind
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.retry_button.setVisible(can_retry)
        self._wait_left = max(0, retry_in) if can_retry else 0
        self._show_wait()
        self.show()

    def close_message(self) -> None:
        self._countdown.stop()
        self.hide()

    def _count_down(self) -> None:
        self._wait_left = max(0, self._wait_left - 1)
        self._show_wait()

    def _show_wait(self) -> None:
        """ "Try again" is disabled while the server's wait lasts, and says how long it is."""
        waiting = self._wait_left > 0
        self.retry_button.setEnabled(not waiting)
        if not waiting:
            self._countdown.stop()
            self.retry_button.setText(self.tr("Try again"))
            self.retry_button.setAccessibleDescription("")
            return
        if self._wait_left < 120:
            left = self.tr("Try again in {seconds} s").format(seconds=self._wait_left)
        else:
            left = self.tr("Try again in {minutes} min").format(minutes=-(-self._wait_left // 60))
        self.retry_button.setText(left)
        self.retry_button.setAccessibleDescription(left)
        self._countdown.start(1000)

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _retry(self) -> None:
        self.close_message()
        self.retry.emit()

    def clear_confirmation(self) -> None:
        """Hide the bar if it shows a confirmation (a failure stays)."""
        if self.isVisible() and self.kind == "info":
            self._stop_fading()
            self.hide()

    def fade_out(self) -> None:
        """Let a confirmation fade away (a failure that replaced it meanwhile stays)."""
        if not self.isVisible() or self.kind != "info":
            return
        effect = QGraphicsOpacityEffect(self)
        self.setGraphicsEffect(effect)
        animation = QPropertyAnimation(effect, b"opacity", self)
        animation.setDuration(FADE_MS)
        animation.setStartValue(1.0)
        animation.setEndValue(0.0)
        animation.setEasingCurve(QEasingCurve.Type.InQuad)
        animation.finished.connect(self.clear_confirmation)
        self._animation = animation
        animation.start()

    def _stop_fading(self) -> None:
        self._fade_timer.stop()
        if self._animation is not None:
            self._animation.stop()
            self._animation.deleteLater()
            self._animation = None
        if self.graphicsEffect() is not None:
            self.setGraphicsEffect(None)  # type: ignore[arg-type]  # Qt takes None: no effect


class BusyLine(QWidget):
    """ "Saving…" with a moving bar while a request is under way; nothing otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # indeterminate
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(10)
        self.bar.setAccessibleName(self.tr("Busy"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.set_busy(False)

    def set_busy(self, busy: bool, text: str = "") -> None:
        self.label.setText(text if busy else "")
        self.bar.setVisible(busy)
        self.label.setVisible(busy)


STYLE = """
QFrame#MessageBar { border-radius: 6px; }
QFrame#MessageBar[kind="error"] { background: #fbe3e1; border: 1px solid #e6a7a1; }
QFrame#MessageBar[kind="error"] QLabel { color: #6b1a12; }
QFrame#MessageBar[kind="warning"] { background: #fdf1d8; border: 1px solid #e8cf96; }
QFrame#MessageBar[kind="warning"] QLabel { color: #4a3a10; }
QFrame#MessageBar[kind="info"] { background: #e2f3e5; border: 1px solid #b9dfc0; }
QFrame#MessageBar[kind="info"] QLabel { color: #1d5e30; }
QPushButton#PrimaryButton {
    padding: 5px 16px;
    border: 1px solid ACCENT;
    border-radius: 5px;
    background: ACCENT;
    color: white;
    font-weight: 600;
}
QPushButton#PrimaryButton:disabled { background: #9fb4cf; border-color: #9fb4cf; }
QPushButton#PrimaryButton:hover { background: #174f92; }
QLabel#Hint, QLabel#FieldHint { color: palette(placeholder-text); }
QLabel#FieldError { color: #b3261e; }
QLabel#PageTitle { font-size: 15pt; font-weight: 600; }
QListWidget#Sidebar {
    outline: 0;  /* no focus frame drawn inside the selected page; the selection shows it */
    border: none;
    border-right: 1px solid palette(midlight);
    background: palette(window);
    font-size: 11pt;
    padding-top: 8px;
}
QListWidget#Sidebar::item { padding: 8px 14px; }
QListWidget#Sidebar::item:selected { background: ACCENT; color: white; }
QLabel#Identity { color: palette(placeholder-text); }
QLineEdit[readOnly="true"] { background: palette(window); }
""".replace("ACCENT", ACCENT)
