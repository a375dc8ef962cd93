"""Export or back up every account: choose the format, a password for the encrypted ones
(typed twice), a plain warning for the others, then the file (or the QR codes to scan).

A file export counts as a backup: its time is kept in the vault's settings and the
window's reminder goes away.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.backup_reminder import record_backup
from desktop.clock import Clock
from desktop.errors import UserError
from desktop.exporters import ExportFormat, check_password, write_private_file
from desktop.exporters.files import default_file_name, export_bytes
from desktop.i18n import error_text
from desktop.ui.common.account_fields import MessageLabel, Tone, set_muted, set_notice
from desktop.ui.common.window_fit import keep_fitted
from desktop.vault import Vault


class ExportDialog(QDialog):
    """After ``exec()``, :attr:`saved_path` is the file written (``None`` if none)."""

    def __init__(
        self,
        vault: Vault,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        backup: bool = False,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self._clock = clock
        self.saved_path: Path | None = None
        self.codes_shown = False
        self.setMinimumWidth(520)
        self.fitter = keep_fitted(self)  # a message pushes the buttons down
        self.setWindowTitle(self.tr("Back up") if backup else self.tr("Export accounts"))
        heading, intro = self._build_intro(backup)
        formats = self._build_formats()
        self._build_password()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(formats)
        layout.addWidget(self.description)
        layout.addSpacing(6)
        layout.addWidget(self.password_form)
        layout.addWidget(self.message)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.format_group.idToggled.connect(self._format_toggled)
        self.password_edit.textChanged.connect(self._revalidate)
        self.repeat_edit.textChanged.connect(self._revalidate)
        self.select_format(ExportFormat.TWEESTAP)

    # -- building -------------------------------------------------------------------------

    def _build_intro(self, backup: bool) -> tuple[QLabel, QLabel]:
        heading = QLabel(
            self.tr("Back up your accounts") if backup else self.tr("Export your accounts"), self
        )
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        heading.setWordWrap(True)
        intro = QLabel(
            self.tr(
                "A backup is one file with all your accounts, locked with a password. Keep "
                "it somewhere else than this computer, for example on a USB stick: with it "
                "you can restore your accounts on any computer with Tweestap."
            )
            if backup
            else self.tr(
                "Choose the app that will read your accounts. Tweestap's own backup is the "
                "safest choice."
            ),
            self,
        )
        intro.setWordWrap(True)
        return heading, intro

    def _build_formats(self) -> QVBoxLayout:
        """One choice per format, and what the chosen one is for."""
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[ExportFormat, QRadioButton] = {}
        labels = {
            ExportFormat.TWEESTAP: self.tr("&Tweestap backup, encrypted (recommended)"),
            ExportFormat.AEGIS_ENCRYPTED: self.tr("&Aegis file, encrypted"),
            ExportFormat.AEGIS: self.tr("Aegis file, &not encrypted"),
            ExportFormat.OTPAUTH: self.tr("&List of otpauth:// links, not encrypted"),
            ExportFormat.GOOGLE_QR: self.tr("&QR codes for Google Authenticator"),
        }
        formats = QVBoxLayout()
        formats.setSpacing(4)
        for number, (export_format, text) in enumerate(labels.items()):
            button = QRadioButton(text, self)
            self.format_group.addButton(button, number)
            self.format_buttons[export_format] = button
            formats.addWidget(button)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        set_muted(self.description)
        return formats

    def _build_password(self) -> None:
        """The password of an encrypted format (typed twice), or the warning of a plain one."""
        self.password_edit = _password_field(self)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.repeat_edit = _password_field(self)
        self.repeat_edit.setAccessibleName(self.tr("Repeat password"))
        self.show_box = QCheckBox(self.tr("S&how password"), self)
        self.show_box.toggled.connect(self._show_password)
        self.password_form = QWidget(self)
        form = QFormLayout(self.password_form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("&Repeat password:"), self.repeat_edit)
        form.addRow("", self.show_box)
        self.message = MessageLabel(self.password_edit, self)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        set_notice(self.warning)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        return buttons

    # -- choices --------------------------------------------------------------------------

    @property
    def export_format(self) -> ExportFormat:
        for export_format, button in self.format_buttons.items():
            if button.isChecked():
                return export_format
        return ExportFormat.TWEESTAP

    def select_format(self, export_format: ExportFormat) -> None:
        self.format_buttons[export_format].setChecked(True)
        self._format_changed()

    def _format_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._format_changed()

    def _format_changed(self) -> None:
        export_format = self.export_format
        descriptions = {
            ExportFormat.TWEESTAP: self.tr(
                "Restores everything in Tweestap, on this or another computer."
            ),
            ExportFormat.AEGIS_ENCRYPTED: self.tr(
                "For the Aegis Authenticator app on Android (Import from file, Aegis)."
            ),
            ExportFormat.AEGIS: self.tr(
                "For Aegis and apps that read Aegis files, when they cannot open the encrypted one."
            ),
            ExportFormat.OTPAUTH: self.tr(
                "One link per line; most authenticator apps and password managers import it."
            ),
            ExportFormat.GOOGLE_QR: self.tr(
                "Shows QR codes on the screen that Google Authenticator on your phone scans "
                "(Transfer accounts, Import accounts). No file is written."
            ),
        }
        self.description.setText(descriptions[export_format])
        encrypted = export_format.encrypted
        self.password_form.setVisible(encrypted)
        if export_format is ExportFormat.GOOGLE_QR:
            self.warning.setText(
                self.tr(
                    "Anyone who sees these QR codes can copy your accounts. Show them only "
                    "to your own phone."
                )
            )
        elif not encrypted:
            self.warning.setText(
                self.tr(
                    "This file is not encrypted: anyone who gets it can make your codes. "
                    "Keep it safe and delete it when you no longer need it."
                )
            )
        self.warning.setVisible(not encrypted)
        self.save_button.setText(
            self.tr("&Show QR codes")
            if export_format is ExportFormat.GOOGLE_QR
            else self.tr("&Save\u2026")
        )
        self._revalidate()

    def _show_password(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    def _revalidate(self) -> None:
        if not self.export_format.encrypted:
            self.message.clear_message()
            self.save_button.setEnabled(True)
            return
        password, repeat = self.password_edit.text(), self.repeat_edit.text()
        ok = False
        if not password:
            self.message.show_message(
                self.tr("Choose a password of at least 8 characters."), Tone.HINT
            )
        else:
            try:
                check_password(password)
            except UserError as weak:
                self.message.show_message(error_text(weak), Tone.ERROR)
            else:
                if not repeat:
                    self.message.show_message(self.tr("Now type the password again."), Tone.HINT)
                elif repeat != password:
                    self.message.show_message(
                        self.tr("The two passwords are not the same."), Tone.ERROR
                    )
                else:
                    self.message.show_message(
                        self.tr(
                            "The passwords match. Without this password the file cannot "
                            "be opened: keep it somewhere safe."
                        ),
                        Tone.OK,
                    )
                    ok = True
        self.save_button.setEnabled(ok)

    # -- doing it -------------------------------------------------------------------------

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        if self.export_format is ExportFormat.GOOGLE_QR:
            dialog = self.google_dialog()
            if dialog is not None:
                dialog.exec()
                dialog.deleteLater()
                self.accept()
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the export as"),
            str(Path.home() / default_file_name(self.export_format, self._clock.now())),
        )
        if name:
            self.export_to(Path(name))

    def google_dialog(self) -> QDialog | None:
        """The window with the QR codes to scan (``None`` after an error, shown here)."""
        from desktop.exporters.google import google_export
        from desktop.ui.import_export.qr_codes_dialog import GoogleExportDialog

        try:
            export = google_export(list(self.vault.accounts))
        except UserError as error:
            self.message.show_message(error_text(error), Tone.ERROR)
            return None
        self.codes_shown = True
        return GoogleExportDialog(export.codes, export.left_out, self)

    def export_to(self, path: Path) -> bool:
        """Write the chosen format to ``path``; False (and the reason shown) on an error."""
        now = self._clock.now()
        password = self.password_edit.text() if self.export_format.encrypted else None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = export_bytes(self.export_format, list(self.vault.accounts), password, now=now)
            write_private_file(path, data)
            record_backup(self.vault, now)
        except UserError as error:
            self.message.show_message(error_text(error), Tone.ERROR)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.saved_path = path
        self.accept()
        return True


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
