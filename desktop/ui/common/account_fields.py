"""Widgets the account dialogs share: the key field, the sentence under a field, the code
settings ("advanced") form. Reading and checking the text is :mod:`desktop.otp.input`."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.otp.input import CodeSettings, clean_pasted
from desktop.otp.model import MAX_DIGITS, MAX_PERIOD, MIN_DIGITS, Algorithm, OtpType
from desktop.ui.common.accessible import add_clear_button, name_combo

_SPIN_MAX = 2**31 - 1  # a QSpinBox holds an int32; larger counters are kept aside, exactly


class Tone(enum.Enum):
    HINT = "hint"
    ERROR = "error"
    OK = "ok"


# (light background, dark background): readable (WCAG AA) on either.
_COLOURS = {
    Tone.ERROR: ("#b3261e", "#f2b8b5"),
    Tone.OK: ("#1b6e33", "#9ad6a8"),
}
_SYMBOLS = {Tone.ERROR: "\u26a0", Tone.OK: "\u2713", Tone.HINT: ""}


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def set_muted(label: QLabel) -> None:
    """Secondary text: quieter than the rest, still readable (unlike disabled text)."""
    label.setStyleSheet(f"color: {'#b8bcc2' if is_dark(label) else '#575b61'};")


def set_notice(label: QLabel) -> None:
    """A plain warning that must be read: text on a soft yellow panel."""
    colours = ("#4a3d0f", "#f3e3a3") if is_dark(label) else ("#fff4ce", "#3d3000")
    label.setStyleSheet(
        f"background: {colours[0]}; color: {colours[1]}; border: 1px solid #d6b656;"
        " border-radius: 4px; padding: 8px;"
    )


def fit_height(dialog: QWidget) -> None:
    """Exactly as tall as its wrapped sentences need at its width: Qt's first guess for a
    window with word-wrapped text is taller, and the extra shows as gaps between lines."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width())
    if needed > 0:
        dialog.setMinimumHeight(needed)
        dialog.resize(dialog.width(), needed)


def fixed_font(point_size: float | None = None, *, bold: bool = False) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if point_size is not None:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


class MessageLabel(QLabel):
    """The one sentence under a field: a hint, an error or a confirmation.

    The sentence is also put in the field's accessible description, so a screen reader
    reads it together with the field.
    """

    def __init__(self, field: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.tone = Tone.HINT
        self._message = ""
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def show_message(self, text: str, tone: Tone = Tone.HINT) -> None:
        self.tone = tone
        self._message = text
        symbol = _SYMBOLS[tone]
        self.setText(f"{symbol} {text}" if symbol else text)
        colours = _COLOURS.get(tone)
        if colours is None:
            self.setStyleSheet("")
        else:
            self.setStyleSheet(f"color: {colours[1] if is_dark(self) else colours[0]};")
        self.setAccessibleName(text)
        if self._field is not None:
            self._field.setAccessibleDescription(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.tone = Tone.HINT
        self._message = ""
        self.setText("")
        self.setAccessibleName("")
        if self._field is not None:
            self._field.setAccessibleDescription("")
        self.setVisible(False)

    @property
    def message(self) -> str:
        """The sentence shown, without its symbol ("" when none)."""
        return self._message


class KeyField(QLineEdit):
    """A one-line field for a setup key or a link that accepts pasted line breaks.

    Copying from a web page or a mail often brings a newline before or after the text, or
    wraps a long link; such a paste is joined into one line at once.

    ``take_text``, when set, sees every new text first, as pasted (line breaks and all):
    when it returns ``True`` it has dealt with the text (a Google Authenticator export, a
    text file of several links) and the field empties itself.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.take_text: Callable[[str], bool] | None = None
        self.setFont(fixed_font())
        add_clear_button(self)
        self.textChanged.connect(self._join_lines)

    def _join_lines(self, text: str) -> None:
        if text and self.take_text is not None and self.take_text(text):
            self.clear()
            return
        if "\n" in text or "\r" in text or "\t" in text:
            self.setText(clean_pasted(text))


class NameFields(QWidget):
    """Service (issuer) and account name, with the sentence under the name.

    A grid rather than a form layout: a form layout gives a wrapped sentence in its field
    column far more height than it needs.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.issuer_edit = QLineEdit(self)
        self.issuer_edit.setPlaceholderText(self.tr("for example Zilliz"))
        self.issuer_edit.setAccessibleName(self.tr("Service"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("for example your user name"))
        self.name_edit.setAccessibleName(self.tr("Account name"))
        self.name_message = MessageLabel(self.name_edit, self)
        issuer_label = QLabel(self.tr("Se&rvice:"), self)
        issuer_label.setBuddy(self.issuer_edit)
        name_label = QLabel(self.tr("Account &name:"), self)
        name_label.setBuddy(self.name_edit)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(issuer_label, 0, 0)
        grid.addWidget(self.issuer_edit, 0, 1)
        grid.addWidget(name_label, 1, 0)
        grid.addWidget(self.name_edit, 1, 1)
        grid.addWidget(self.name_message, 2, 1)
        grid.setColumnStretch(1, 1)


class CodeSettingsForm(QWidget):
    """Type, algorithm, digits, period and counter: what a link may set and few people touch."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_box = QComboBox(self)
        for otp_type, text in (
            (OtpType.TOTP, self.tr("Time-based (TOTP)")),
            (OtpType.HOTP, self.tr("Counter-based (HOTP)")),
            (OtpType.STEAM, self.tr("Steam")),
        ):
            self.type_box.addItem(text, otp_type.value)
        self.algorithm_box = QComboBox(self)
        for algorithm in Algorithm:
            self.algorithm_box.addItem(algorithm.value, algorithm.value)
        self.digits_box = QSpinBox(self)
        self.digits_box.setRange(MIN_DIGITS, MAX_DIGITS)
        self.digits_box.setMinimumWidth(90)
        self.period_box = QSpinBox(self)
        self.period_box.setRange(1, MAX_PERIOD)
        self.period_box.setSuffix(self.tr(" s"))
        self.period_box.setMinimumWidth(90)
        self.counter_box = QSpinBox(self)
        self.counter_box.setRange(0, _SPIN_MAX)
        self._large_counter: int | None = None  # a link's counter beyond the spin box
        self.counter_box.setMinimumWidth(120)

        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for label, box, accessible in (
            (self.tr("&Type:"), self.type_box, self.tr("Type of code")),
            (self.tr("A&lgorithm:"), self.algorithm_box, self.tr("Algorithm")),
            (self.tr("D&igits:"), self.digits_box, self.tr("Number of digits")),
            (self.tr("&Period:"), self.period_box, self.tr("Period in seconds")),
            (self.tr("&Counter:"), self.counter_box, self.tr("Counter")),
        ):
            if isinstance(box, QComboBox):
                name_combo(box, accessible)
            else:
                box.setAccessibleName(accessible)
            self._layout.addRow(label, box)
        self.set_settings(CodeSettings())

        self.type_box.currentIndexChanged.connect(self._type_changed)
        for combo in (self.algorithm_box,):
            combo.currentIndexChanged.connect(self.changed)
        for spin in (self.digits_box, self.period_box):
            spin.valueChanged.connect(self.changed)
        self.counter_box.valueChanged.connect(self._counter_changed)

    def settings(self) -> CodeSettings:
        return CodeSettings(
            type=OtpType(self.type_box.currentData()),
            algorithm=Algorithm(self.algorithm_box.currentData()),
            digits=self.digits_box.value(),
            period=self.period_box.value(),
            counter=self.counter_box.value()
            if self._large_counter is None
            else self._large_counter,
        )

    def set_settings(self, settings: CodeSettings) -> None:
        blockers = [
            QSignalBlocker(box)
            for box in (
                self.type_box,
                self.algorithm_box,
                self.digits_box,
                self.period_box,
                self.counter_box,
            )
        ]
        self.type_box.setCurrentIndex(self.type_box.findData(settings.type.value))
        self.algorithm_box.setCurrentIndex(self.algorithm_box.findData(settings.algorithm.value))
        self.digits_box.setValue(min(max(settings.digits, MIN_DIGITS), MAX_DIGITS))
        self.period_box.setValue(settings.period)
        self.counter_box.setValue(min(settings.counter, _SPIN_MAX))
        self._large_counter = settings.counter if settings.counter > _SPIN_MAX else None
        del blockers
        self._show_rows()
        self.changed.emit()

    def summary(self) -> str:
        """One line saying what is set, for when the form is folded away."""
        settings = self.settings()
        if settings.type is OtpType.STEAM:
            return self.tr("Steam, 5 characters, every {period} s").format(period=settings.period)
        if settings.type is OtpType.HOTP:
            return self.tr("Counter-based, {algorithm}, {digits} digits, counter {counter}").format(
                algorithm=settings.algorithm.value,
                digits=settings.digits,
                counter=settings.counter,
            )
        return self.tr("Time-based, {algorithm}, {digits} digits, every {period} s").format(
            algorithm=settings.algorithm.value, digits=settings.digits, period=settings.period
        )

    def _counter_changed(self) -> None:
        self._large_counter = None  # the person chose a counter themselves
        self.changed.emit()

    def _type_changed(self) -> None:
        self._show_rows()
        self.changed.emit()

    def _show_rows(self) -> None:
        otp_type = OtpType(self.type_box.currentData())
        self._layout.setRowVisible(self.algorithm_box, otp_type is not OtpType.STEAM)
        self._layout.setRowVisible(self.digits_box, otp_type is not OtpType.STEAM)
        self._layout.setRowVisible(self.period_box, otp_type is not OtpType.HOTP)
        self._layout.setRowVisible(self.counter_box, otp_type is OtpType.HOTP)
