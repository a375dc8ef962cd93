"""Small fixes for what Qt leaves unnamed in the accessibility tree screen readers read."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QLineEdit, QToolButton


def add_clear_button(field: QLineEdit) -> None:
    """Turn on ``field``'s clear button, with a name: Qt's own has none, so a screen reader
    would announce it as just "button"."""
    field.setClearButtonEnabled(True)
    for button in field.findChildren(QToolButton):
        button.setAccessibleName(QCoreApplication.translate("Accessibility", "Clear"))


def name_combo(combo: QComboBox, name: str) -> None:
    """Name a combo box and its drop-down list for screen readers.

    On Linux Qt gives a combo box its current choice as its name and leaves the label to
    the "labelled by" relation of its buddy label, so give it one as well (QFormLayout's
    ``addRow(text, combo)`` does); elsewhere (Windows, macOS) this name is what is read.
    The drop-down list is named after it: Qt leaves it nameless.
    """
    combo.setAccessibleName(name)
    combo.view().setAccessibleName(name)


def name_scroll_bars(area: QAbstractScrollArea, name: str) -> None:
    """Name ``area``'s scroll bars after what they scroll: Qt leaves them nameless, so a
    screen reader would announce a bare "scroll bar" where a low screen shows one."""
    text = QCoreApplication.translate("Accessibility", "Scroll {what}").format(what=name)
    area.verticalScrollBar().setAccessibleName(text)
    area.horizontalScrollBar().setAccessibleName(text)
