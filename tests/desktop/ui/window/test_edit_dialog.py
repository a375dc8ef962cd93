"""Renaming an account, and the question before deleting one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.otp.model import Account
from desktop.ui.window.edit_dialog import DeleteQuestion, EditAccountDialog, confirm_delete
from tests.desktop.conftest import when_modal_opens

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform says so for every shown window; it is not a problem of ours.
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

ACCOUNT = Account(issuer="Zilliz", name="jan@zorg.nl", secret=b"12345678901234567890")


@pytest.fixture
def dialog(qtbot: QtBot) -> EditAccountDialog:
    dialog = EditAccountDialog(ACCOUNT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_fields_start_with_the_current_names(dialog: EditAccountDialog) -> None:
    assert dialog.issuer_edit.text() == "Zilliz"
    assert dialog.name_edit.text() == "jan@zorg.nl"
    assert dialog.focusWidget() is dialog.name_edit
    assert dialog.save_button.isEnabled()
    assert not dialog.name_message.isVisible()


def test_rename_with_enter(qtbot: QtBot, dialog: EditAccountDialog) -> None:
    dialog.issuer_edit.setText("  Zilliz test ")
    dialog.name_edit.setText(" jan ")
    with qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.result_issuer, dialog.result_name) == ("Zilliz test", "jan")


def test_issuer_may_be_empty(dialog: EditAccountDialog) -> None:
    dialog.issuer_edit.clear()
    assert dialog.save_button.isEnabled()
    assert dialog.result_issuer == ""


def test_name_may_not_be_empty(qtbot: QtBot, dialog: EditAccountDialog) -> None:
    dialog.name_edit.setText("   ")
    assert not dialog.save_button.isEnabled()
    assert dialog.name_message.isVisible()
    assert "name for the account" in dialog.name_message.message
    assert "name for the account" in dialog.name_edit.accessibleDescription()
    QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter does not save a nameless account
    dialog.name_edit.setText("piet")
    assert dialog.save_button.isEnabled()
    assert not dialog.name_message.isVisible()


@pytest.mark.parametrize("field", ["issuer_edit", "name_edit"])
def test_a_name_longer_than_the_vault_keeps_is_refused(
    dialog: EditAccountDialog, field: str
) -> None:
    getattr(dialog, field).setText("y" * 257)
    assert not dialog.save_button.isEnabled()
    assert "257 characters long; Tweestap keeps at most 256" in dialog.name_message.message
    getattr(dialog, field).setText("y" * 256)
    assert dialog.save_button.isEnabled()


def test_a_name_another_account_has_is_refused(qtbot: QtBot) -> None:
    other = Account(issuer="Bank", name="jan", secret=b"another secret 1")
    nameless = Account(issuer="", name="mail", secret=b"another secret 2")
    dialog = EditAccountDialog(ACCOUNT, others=[ACCOUNT, other, nameless])
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()  # its own name is not "taken"
    dialog.issuer_edit.setText("bank ")
    dialog.name_edit.setText("JAN")
    assert not dialog.save_button.isEnabled()
    assert dialog.name_message.message == "You already have an account for Bank (jan)."
    dialog.issuer_edit.clear()
    dialog.name_edit.setText("Mail")
    assert dialog.name_message.message == "You already have an account named mail."
    dialog.name_edit.setText("Mail 2")
    assert dialog.save_button.isEnabled()
    assert not dialog.name_message.message


def test_escape_cancels(qtbot: QtBot, dialog: EditAccountDialog) -> None:
    dialog.name_edit.setText("something else")
    with qtbot.waitSignal(dialog.rejected):
        QTest.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_every_control_has_an_accessible_name(dialog: EditAccountDialog) -> None:
    assert_accessible(dialog)


def test_delete_question_says_what_happens(qtbot: QtBot) -> None:
    question = DeleteQuestion(ACCOUNT)
    qtbot.addWidget(question)
    assert question.text() == "<b>Delete Zilliz: jan@zorg.nl?</b>"
    assert "no longer be shown here" in question.informativeText()
    assert "another device first" in question.informativeText()
    assert "reset your two-step verification" in question.informativeText()
    assert question.defaultButton() is question.cancel_button
    assert question.escapeButton() is question.cancel_button
    assert question.icon() == QMessageBox.Icon.Warning


def test_delete_question_shows_names_as_text(qtbot: QtBot) -> None:
    account = Account(issuer="<i>Bank</i>", name="a&b", secret=b"12345678901234567890")
    question = DeleteQuestion(account)
    qtbot.addWidget(question)
    assert question.text() == "<b>Delete &lt;i&gt;Bank&lt;/i&gt;: a&amp;b?</b>"


def test_confirm_delete_true_only_on_delete(qtbot: QtBot) -> None:
    def press_delete(modal: QWidget) -> None:
        assert isinstance(modal, DeleteQuestion)
        modal.delete_button.click()

    when_modal_opens(press_delete)
    assert confirm_delete(None, ACCOUNT) is True


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_confirm_delete_enter_and_escape_keep_the_account(qtbot: QtBot, key: Qt.Key) -> None:
    when_modal_opens(lambda modal: QTest.keyClick(modal, key))
    assert confirm_delete(None, ACCOUNT) is False


def assert_accessible(root: QWidget) -> None:
    """Every control a person can reach has a name a screen reader can say."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    controls = [
        widget
        for kind in kinds
        for widget in root.findChildren(kind)
        if not isinstance(widget.parent(), kinds)  # the parts inside a spin or line edit
    ]
    assert controls
    nameless = [type(widget).__name__ for widget in controls if not widget.accessibleName()]
    assert not nameless
