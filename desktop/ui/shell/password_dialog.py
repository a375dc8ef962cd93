"""The vault password, for computers without a usable keyring.

A new vault asks twice, says why a password is needed, and warns plainly that a forgotten
password means lost accounts. An existing vault asks once; what to do after a wrong
password (ask again, give up) is the caller's loop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import error_text
from desktop.ui.common.account_fields import MessageLabel, Tone, set_notice
from desktop.ui.common.window_fit import keep_fitted
from desktop.vault import PasswordRequest

MIN_PASSWORD_LENGTH = 8


class PasswordDialog(QDialog):
    """Asks for the vault password; :attr:`password` is the answer after ``Accepted``."""

    def __init__(
        self,
        request: PasswordRequest,
        parent: QWidget | None = None,
        *,
        error: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.new = request.new
        self.warning: QLabel | None = None
        self.setMinimumWidth(460)
        self.fitter = keep_fitted(self)  # an error under the field pushes the buttons down
        self._build_texts()
        form = self._build_fields()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        if self.new:
            self._say_new(error_text(request.reason), layout)
        else:
            self._say_unlock(error_text(request.reason))
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.password_edit.textChanged.connect(self._revalidate)
        self.repeat_edit.textChanged.connect(self._revalidate)
        self._revalidate()
        if error:
            self.message.show_message(error, Tone.ERROR)
        self.password_edit.setFocus()

    # -- building ------------------------------------------------------------------------

    def _build_texts(self) -> None:
        self.heading = QLabel(self)
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)

    def _build_fields(self) -> QFormLayout:
        """The password, typed twice for a new one, and Show password."""
        self.password_edit = _password_field(self)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.repeat_edit = _password_field(self)
        self.repeat_edit.setAccessibleName(self.tr("Repeat password"))
        self.show_box = QCheckBox(self.tr("S&how password"), self)
        self.show_box.setAccessibleName(self.tr("Show password"))
        self.show_box.toggled.connect(self._show_password)
        self.message = MessageLabel(self.password_edit, self)

        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password_edit)
        if self.new:
            form.addRow(self.tr("&Repeat password:"), self.repeat_edit)
        else:
            self.repeat_edit.setVisible(False)
        form.addRow("", self.show_box)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button = QPushButton(self)
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _say_new(self, reason: str, layout: QVBoxLayout) -> None:
        """Why a new password is needed, and the plain warning that forgetting it loses
        the accounts."""
        self.setWindowTitle(self.tr("Choose a password"))
        self.heading.setText(self.tr("Protect your accounts with a password"))
        lines = [reason] if reason else []
        lines.append(
            self.tr(
                "Tweestap keeps your accounts in a file locked with a password you choose "
                "now. You type it each time Tweestap starts."
            )
        )
        self.explanation.setText("\n\n".join(lines))
        self.ok_button.setText(self.tr("&Continue"))
        self.ok_button.setAccessibleName(self.tr("Continue"))
        self.warning = QLabel(
            self.tr(
                "If you forget this password, your accounts in Tweestap are lost, unless "
                "you made a backup. Every site would then have to reset your two-step "
                "verification. Keep the password somewhere safe."
            ),
            self,
        )
        self.warning.setWordWrap(True)
        set_notice(self.warning)
        layout.addWidget(self.warning)

    def _say_unlock(self, reason: str) -> None:
        self.setWindowTitle(self.tr("Unlock Tweestap"))
        self.heading.setText(self.tr("Type your password"))
        self.explanation.setText(
            reason or self.tr("Your accounts are locked with the password you chose earlier.")
        )
        self.ok_button.setText(self.tr("&Unlock"))
        self.ok_button.setAccessibleName(self.tr("Unlock"))

    @property
    def password(self) -> str:
        return self.password_edit.text()

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def _show_password(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password_edit.setEchoMode(mode)
        self.repeat_edit.setEchoMode(mode)

    def _revalidate(self) -> None:
        password = self.password_edit.text()
        if not self.new:
            self.message.clear_message()
            self.ok_button.setEnabled(bool(password))
            return
        repeat = self.repeat_edit.text()
        ok = False
        if not password:
            self.message.show_message(
                self.tr("Use at least {count} characters.").format(count=MIN_PASSWORD_LENGTH),
                Tone.HINT,
            )
        elif len(password) < MIN_PASSWORD_LENGTH:
            self.message.show_message(
                self.tr("Too short: use at least {count} characters.").format(
                    count=MIN_PASSWORD_LENGTH
                ),
                Tone.ERROR,
            )
        elif not repeat:
            self.message.show_message(self.tr("Now type the password again."), Tone.HINT)
        elif repeat != password:
            self.message.show_message(self.tr("The two passwords are not the same."), Tone.ERROR)
        else:
            self.message.show_message(self.tr("The passwords match."), Tone.OK)
            ok = True
        self.ok_button.setEnabled(ok)


def ask_password(
    parent: QWidget | None, request: PasswordRequest, *, error: str | None = None
) -> str | None:
    """Ask for the vault password; ``None`` when the person cancels.

    ``error`` is shown under the field, e.g. "The password is wrong." on a second try.
    """
    dialog = PasswordDialog(request, parent, error=error)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
