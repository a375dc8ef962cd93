"""Rename an account (its service and account name), and the question before deleting one."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.otp.input import check_names
from desktop.otp.model import Account
from desktop.ui.common.account_fields import NameFields, Tone
from desktop.ui.common.window_fit import keep_fitted


class EditAccountDialog(QDialog):
    """Change how an account is named; its codes stay the same.

    After ``exec()`` returns ``Accepted``, :attr:`result_issuer` and :attr:`result_name`
    hold the new names (trimmed; the issuer may be empty, the name may not). Given the
    ``others`` stored, a name that one of them already has is refused at once, as the vault
    would refuse it.
    """

    def __init__(
        self,
        account: Account,
        parent: QWidget | None = None,
        *,
        others: Iterable[Account] = (),
    ) -> None:
        super().__init__(parent)
        self.account = account
        self._others = [other for other in others if other.id != account.id]
        self.setWindowTitle(self.tr("Edit account"))
        self.setMinimumWidth(420)
        self.fitter = keep_fitted(self)  # a message under the name pushes the buttons down

        intro = QLabel(
            self.tr("The new name is only shown here; the codes of the account stay the same."),
            self,
        )
        intro.setWordWrap(True)
        self.names = NameFields(self)
        self.issuer_edit = self.names.issuer_edit
        self.name_edit = self.names.name_edit
        self.name_message = self.names.name_message
        self.issuer_edit.setText(account.issuer)
        self.name_edit.setText(account.name)

        buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.names)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.issuer_edit.textChanged.connect(self._revalidate)
        self.name_edit.textChanged.connect(self._revalidate)
        self._revalidate()
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    @property
    def result_issuer(self) -> str:
        return self.issuer_edit.text().strip()

    @property
    def result_name(self) -> str:
        return self.name_edit.text().strip()

    def accept(self) -> None:
        if self.save_button.isEnabled():
            super().accept()

    def _revalidate(self) -> None:
        try:
            check_names(self.issuer_edit.text(), self.name_edit.text())
        except UserError as error:
            self.name_message.show_message(error_text(error), Tone.ERROR)
        else:
            taken = self._taken_by()
            if taken is None:
                self.name_message.clear_message()
            elif taken.issuer:
                self.name_message.show_message(
                    self.tr("You already have an account for {issuer} ({name}).").format(
                        issuer=taken.issuer, name=taken.name
                    ),
                    Tone.ERROR,
                )
            else:
                self.name_message.show_message(
                    self.tr("You already have an account named {name}.").format(name=taken.name),
                    Tone.ERROR,
                )
        self.save_button.setEnabled(not self.name_message.message)

    def _taken_by(self) -> Account | None:
        wanted = (self.result_issuer.casefold(), self.result_name.casefold())
        for other in self._others:
            if (other.issuer.casefold(), other.name.casefold()) == wanted:
                return other
        return None


class DeleteQuestion(QMessageBox):
    """ "Delete …?", saying plainly what deleting means; Cancel is the default answer."""

    def __init__(self, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Delete account"))
        self.setTextFormat(Qt.TextFormat.RichText)
        question = self.tr("Delete {label}?").format(label=account.label)
        self.setText(f"<b>{html.escape(question)}</b>")
        self.setInformativeText(
            self.tr(
                "Its codes will no longer be shown here. If you still need this account to "
                "log in, make sure you have it on another device first \u2014 the site will "
                "otherwise have to reset your two-step verification."
            )
        )
        self.delete_button = self.addButton(
            self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setAccessibleName(self.tr("Delete account"))
        self.cancel_button = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        # Wide enough that the explanation reads as a paragraph, not a column.
        self.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 360px; }")
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    @property
    def confirmed(self) -> bool:
        return self.clickedButton() is self.delete_button


def confirm_delete(parent: QWidget | None, account: Account) -> bool:
    """Ask before deleting ``account``; ``True`` only when the person chose Delete."""
    question = DeleteQuestion(account, parent)
    question.exec()
    return question.confirmed
