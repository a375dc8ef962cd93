"""One account's setup key (instelsleutel) as text, to move the account to another app by hand.

The key stays hidden until the person clicks *Show*; with the app lock on, *Show* first
asks the app lock's password (checked against the vault, as slowly as unlocking). Shown,
the key is grouped in blocks of four, as the login page and authenticator apps show it,
selectable, and *Copy* puts it on the clipboard without spaces, marked secret and wiped
after a while like a code. The settings another app needs to make the same codes are
beside it. Locking Tweestap closes the window (the app lock rejects every open dialog).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import error_text
from desktop.otp.model import DEFAULT_PERIOD, Account, Algorithm, OtpType
from desktop.otp.secret import format_setup_key
from desktop.ui.common.account_fields import MessageLabel, Tone, fit_height, fixed_font, set_notice
from desktop.vault import Vault, VaultError, WrongPassword

MAX_KEY_WIDTH = 640
"""Pixels; a longer key (a 512-bit one) scrolls in its field."""


class SetupKeyDialog(QDialog):
    """``account``'s setup key behind a deliberate click; ``copy`` is the window's secure
    clipboard (it wipes what it copied)."""

    def __init__(
        self,
        account: Account,
        vault: Vault,
        copy: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.vault = vault
        self._copy = copy
        self.shown = False
        self.setWindowTitle(self.tr("Setup key of {label}").format(label=account.label))
        self._build_texts()
        key_row = self._build_key_row()
        self._build_form(key_row)
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("C&lose"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.warning)
        layout.addSpacing(4)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self._ask_password_if_locked()
        self._update_buttons()

    # -- building ------------------------------------------------------------------------

    def _build_texts(self) -> None:
        """The account, what the key is for, and the warning that it makes codes."""
        self.heading = QLabel(self.account.label, self)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.explanation = QLabel(
            self.tr(
                "To add this account to another authenticator app by hand, type or paste "
                "this setup key there. Both apps then show the same codes."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.warning = QLabel(
            self.tr(
                "Anyone who sees this key can make this account's codes. Show it only when "
                "nobody can watch, and close this window when you are done."
            ),
            self,
        )
        self.warning.setWordWrap(True)
        set_notice(self.warning)

        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Tweestap password"))
        self.password_edit.setPlaceholderText(self.tr("The password of the app lock"))
        self.password_edit.textChanged.connect(self._update_buttons)

    def _build_key_row(self) -> QHBoxLayout:
        """The key, hidden until Show (no copy, no reading aloud), and Copy."""
        self.key_field = QLineEdit(self)
        self.key_field.setObjectName("SetupKey")
        self.key_field.setReadOnly(True)
        self.key_field.setFont(fixed_font(QFont(self.font()).pointSizeF() * 1.25, bold=True))
        self.key_field.setAccessibleName(self.tr("Setup key"))
        self.key_field.setText(format_setup_key(self.account.secret, grouped=True))
        self.key_field.setEchoMode(QLineEdit.EchoMode.Password)  # no copy, no reading aloud
        shown_width = self.key_field.fontMetrics().horizontalAdvance(self.key_field.text())
        self.key_field.setMinimumWidth(min(shown_width + 24, MAX_KEY_WIDTH))  # all of it, mostly
        self.show_button = QPushButton(self)
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.toggle)
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the setup key"))
        self.copy_button.clicked.connect(self.copy_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_field, 1)
        key_row.addWidget(self.show_button)
        key_row.addWidget(self.copy_button)
        self.message = MessageLabel(self.key_field, self)
        return key_row

    def _build_form(self, key_row: QHBoxLayout) -> None:
        account = self.account
        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Issuer:"), self._value(account.issuer or "\u2014"))
        form.addRow(self.tr("Account:"), self._value(account.name))
        self.password_label = QLabel(self.tr("&Password:"), self)
        self.password_label.setBuddy(self.password_edit)
        form.addRow(self.password_label, self.password_edit)
        key_label = QLabel(self.tr("Setup &key:"), self)
        key_label.setBuddy(self.key_field)
        key_column = QVBoxLayout()
        key_column.setSpacing(4)
        key_column.addLayout(key_row)
        key_column.addWidget(self.message)
        form.addRow(key_label, key_column)
        form.addRow(self.tr("Kind:"), self._value(self.kind_text()))
        self.settings_value = self._value(self.settings_text())
        form.addRow(self.tr("Settings:"), self.settings_value)

    def _ask_password_if_locked(self) -> None:
        """With the app lock on, Show asks the app's password first."""
        self.needs_password = self.vault.key_storage == "password"
        self.form.setRowVisible(self.password_edit, self.needs_password)
        if self.needs_password:
            self.message.show_message(
                self.tr("Tweestap is protected by a password: type it to show the key."),
                Tone.HINT,
            )
            self.password_edit.setFocus()
        else:
            self.show_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        fit_height(self)

    def _value(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- what is said about the account ----------------------------------------------------

    def kind_text(self) -> str:
        account = self.account
        if account.type is OtpType.HOTP:
            return self.tr("Counter-based (HOTP); the next code uses counter {counter}").format(
                counter=account.counter
            )
        if account.type is OtpType.STEAM:
            return self.tr("Steam Guard (time-based, 5 characters)")
        return self.tr("Time-based (TOTP), a new code every {seconds} seconds").format(
            seconds=account.period
        )

    def settings_text(self) -> str:
        account = self.account
        text = self.tr("{algorithm}, {digits} digits").format(
            algorithm=account.algorithm.value, digits=account.digits
        )
        usual = (
            account.algorithm is Algorithm.SHA1
            and account.digits == 6
            and (account.type is not OtpType.TOTP or account.period == DEFAULT_PERIOD)
        )
        if account.type is OtpType.TOTP and usual:
            return text + " " + self.tr("(what every app assumes)")
        if account.type is OtpType.TOTP:
            return (
                text
                + ". "
                + self.tr(
                    "Not every app lets you type these; if yours does not, scan the "
                    "account's QR code instead (Show QR code)."
                )
            )
        return text

    # -- showing and copying ---------------------------------------------------------------

    def toggle(self) -> None:
        if self.shown:
            self.hide_key()
        else:
            self.reveal()

    def reveal(self) -> bool:
        """Show the key: at once, or after the app lock's password was checked."""
        if self.needs_password:
            password = self.password_edit.text()
            if not password:
                self.password_edit.setFocus()
                return False
            try:
                with _busy():
                    self.vault.check_password(password)
            except WrongPassword:
                self.message.show_message(
                    self.tr("That is not the password of Tweestap's app lock."), Tone.ERROR
                )
                self.password_edit.selectAll()
                self.password_edit.setFocus()
                return False
            except VaultError as error:
                self.message.show_message(error_text(error), Tone.ERROR)
                self.password_edit.selectAll()
                self.password_edit.setFocus()
                return False
            self.password_edit.clear()
            self.form.setRowVisible(self.password_edit, False)
            self.needs_password = False  # asked once for this window
        self.shown = True
        self.key_field.setEchoMode(QLineEdit.EchoMode.Normal)
        self.message.show_message(
            self.tr("Type it in the other app without the spaces, or copy it."), Tone.HINT
        )
        self._update_buttons()
        self.key_field.setFocus()
        self.key_field.selectAll()
        return True

    def hide_key(self) -> None:
        self.shown = False
        self.key_field.deselect()
        self.key_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message.clear_message()
        self._update_buttons()

    def copy_key(self) -> None:
        if not self.shown:
            return
        self._copy(format_setup_key(self.account.secret))
        self.message.show_message(
            self.tr("The setup key is on the clipboard; Tweestap wipes it again shortly."),
            Tone.OK,
        )

    def _update_buttons(self) -> None:
        self.show_button.setText(self.tr("&Hide") if self.shown else self.tr("&Show"))
        self.show_button.setAccessibleName(
            self.tr("Hide the setup key") if self.shown else self.tr("Show the setup key")
        )
        self.show_button.setEnabled(
            self.shown or not self.needs_password or bool(self.password_edit.text())
        )
        self.copy_button.setEnabled(self.shown)


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while scrypt checks the password (about half a second)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
