"""The settings dialog, built from the declarations in :mod:`desktop.settings`.

Each declared type gets its editor: a check box (bool), a spin box with the declared range
and unit (int, float), a list (choices) or a text field checked against the declared
pattern (text). The dialog only collects values; :mod:`desktop.ui.shell.around_window` stores and
applies them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QFont, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s
from desktop.settings import InvalidSetting, Setting
from desktop.ui.common.accessible import name_combo
from desktop.ui.common.window_fit import keep_fitted

CONTEXT = "SettingsDialog"
Editor = QCheckBox | QSpinBox | QDoubleSpinBox | QComboBox | QLineEdit


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class SettingsDialog(QDialog):
    """``values`` by key (every declared setting, ``app_lock`` included); after
    ``Accepted``, :meth:`values` has the new ones, each valid for its declaration."""

    def __init__(
        self,
        values: Mapping[str, Any],
        parent: QWidget | None = None,
        *,
        declarations: Sequence[Setting[Any]] = s.ALL,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("SettingsDialog")
        self.setMinimumWidth(520)
        self.fitter = keep_fitted(self)  # a message pushes the buttons down
        self.declarations = tuple(declarations)
        self.initial = dict(values)
        self.editors: dict[str, Editor] = {}
        self.notes: dict[str, QLabel] = {}
        self.restart_note = QLabel(
            self.tr("The language changes when Tweestap starts again."), self
        )
        self.restart_note.setObjectName("RestartNote")
        self.restart_note.setWordWrap(True)
        self.restart_note.hide()
        self.error = QLabel(self)
        self.error.setObjectName("SettingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4231b; font-weight: 600;")
        self.error.hide()

        layout = QVBoxLayout(self)
        # A grid, not a QFormLayout: a form gives a note across both columns the height of
        # its text at a wider width than the note gets, so a wrapped note lost its last line.
        sections: dict[str, QGridLayout] = {}
        for setting in self.declarations:
            grid = sections.get(setting.section)
            if grid is None:
                box = QGroupBox(_tr(setting.section), self)
                grid = QGridLayout(box)
                grid.setColumnStretch(1, 1)
                sections[setting.section] = grid
                layout.addWidget(box)
            self._add_row(grid, setting, values.get(setting.key, setting.default))

        lock = self.editors.get(s.APP_LOCK.key)
        if isinstance(lock, QCheckBox):
            lock.toggled.connect(self._lock_toggled)
            self._lock_toggled(lock.isChecked())
        language = self.editors.get(s.LANGUAGE.key)
        if isinstance(language, QComboBox):
            language.currentIndexChanged.connect(self._language_changed)

        buttons = QDialogButtonBox(self)
        cancel = QPushButton(self.tr("Cancel"), self)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button = QPushButton(self.tr("&Save"), self)
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.restart_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)

    # -- building ---------------------------------------------------------------------------

    def _add_row(self, grid: QGridLayout, setting: Setting[Any], value: Any) -> None:
        editor = self._editor(setting, value)
        editor.setObjectName(setting.key)
        label = _tr(setting.label)
        editor.setAccessibleName(label)
        self.editors[setting.key] = editor
        row = grid.rowCount()
        if isinstance(editor, QCheckBox):
            grid.addWidget(editor, row, 0, 1, 2)
        else:
            caption = QLabel(label + ":", self)
            caption.setBuddy(editor)
            grid.addWidget(caption, row, 0)
            # Only a text field takes the width; a number or a list keeps its own size.
            wide = isinstance(editor, QLineEdit)
            grid.addWidget(
                editor, row, 1, Qt.AlignmentFlag(0) if wide else Qt.AlignmentFlag.AlignLeft
            )
        if setting.note:
            note = QLabel(_tr(setting.note), self)
            note.setWordWrap(True)
            note.setObjectName("Note")
            note.setStyleSheet("color: palette(placeholder-text);")
            small = QFont(note.font())
            small.setPointSizeF(small.pointSizeF() * 0.92)
            note.setFont(small)
            editor.setAccessibleDescription(note.text())
            self.notes[setting.key] = note
            grid.addWidget(note, grid.rowCount(), 0, 1, 2)  # across both columns

    def _editor(self, setting: Setting[Any], value: Any) -> Editor:
        if setting.choices:
            combo = QComboBox(self)
            for choice in setting.choices:
                combo.addItem(_tr(choice.label), choice.value)
            name_combo(combo, _tr(setting.label))
            index = combo.findData(value)
            combo.setCurrentIndex(max(0, index))
            return combo
        if setting.type is bool:
            box = QCheckBox(_tr(setting.label), self)
            box.setChecked(bool(value))
            return box
        if setting.type is int:
            spin = QSpinBox(self)
            spin.setRange(int(setting.minimum or 0), int(setting.maximum or 2**31 - 1))
            spin.setSingleStep(int(setting.step or 1))
            if setting.unit:
                spin.setSuffix(" " + _tr(setting.unit))
            spin.setValue(int(value))
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            return spin
        if setting.type is float:
            double = QDoubleSpinBox(self)
            double.setDecimals(1)
            double.setRange(float(setting.minimum or 0.0), float(setting.maximum or 1e9))
            double.setSingleStep(float(setting.step or 0.1))
            if setting.unit:
                double.setSuffix(" " + _tr(setting.unit))
            double.setValue(float(value))
            double.setAlignment(Qt.AlignmentFlag.AlignRight)
            return double
        line = QLineEdit(self)
        line.setText(str(value))
        if setting.pattern:
            line.setValidator(
                QRegularExpressionValidator(QRegularExpression(setting.pattern), line)
            )
        return line

    # -- reading ----------------------------------------------------------------------------

    def raw_values(self) -> dict[str, Any]:
        """What the editors hold now, by key (not yet validated)."""
        result: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                result[key] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                result[key] = editor.value()
            elif isinstance(editor, QDoubleSpinBox):
                result[key] = round(editor.value(), 1)
            else:
                result[key] = editor.text().strip()
        return result

    def values(self) -> dict[str, Any]:
        """The editors' values, each checked against its declaration
        (:class:`InvalidSetting` for the first that does not fit)."""
        raw = self.raw_values()
        return {d.key: d.validate(raw[d.key]) for d in self.declarations if d.key in raw}

    def accept(self) -> None:
        try:
            self.values()
        except InvalidSetting as problem:
            setting = s.BY_KEY[problem.key]
            self.error.setText(
                self.tr("\u201c{setting}\u201d is not valid.").format(setting=_tr(setting.label))
            )
            self.error.show()
            self.editors[problem.key].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    # -- reacting ---------------------------------------------------------------------------

    def _lock_toggled(self, on: bool) -> None:
        minutes = self.editors.get(s.LOCK_AFTER_MINUTES.key)
        if minutes is not None:
            minutes.setEnabled(on)

    def _language_changed(self) -> None:
        chosen = self.raw_values().get(s.LANGUAGE.key)
        self.restart_note.setVisible(chosen != self.initial.get(s.LANGUAGE.key))
