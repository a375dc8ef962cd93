"""The vault password: chosen twice for a new vault, typed once to open one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.otp.model import Account
from desktop.ui.shell.password_dialog import MIN_PASSWORD_LENGTH, PasswordDialog, ask_password
from desktop.vault import KeyringProblem, PasswordRequest, ScryptParams, open_vault
from desktop.vault.errors import password_prompt_reason
from tests.desktop.conftest import when_modal_opens

pytestmark = [
    pytest.mark.gui,
    # The offscreen platform says so for every shown window; it is not a problem of ours.
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

VAULT_FILE = Path("/home/jan/.local/share/tweestap/vault.tweestap")
NEW = PasswordRequest(new=True, reason=KeyringProblem("none"), path=VAULT_FILE)
EXISTING = PasswordRequest(new=False, reason=password_prompt_reason(VAULT_FILE), path=VAULT_FILE)


def make(qtbot: QtBot, request: PasswordRequest, error: str | None = None) -> PasswordDialog:
    dialog = PasswordDialog(request, error=error)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_new_vault_says_why_and_warns(qtbot: QtBot) -> None:
    dialog = make(qtbot, NEW)
    assert dialog.windowTitle() == "Choose a password"
    assert "No system keyring" in dialog.explanation.text()
    assert "each time Tweestap starts" in dialog.explanation.text()
    assert dialog.warning is not None
    assert dialog.warning.isVisible()
    assert "forget this password" in dialog.warning.text()
    assert "lost, unless you made a backup" in dialog.warning.text()
    assert dialog.repeat_edit.isVisible()
    assert dialog.password_edit.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.focusWidget() is dialog.password_edit
    assert not dialog.ok_button.isEnabled()


def test_new_password_needs_length_and_the_same_twice(qtbot: QtBot) -> None:
    dialog = make(qtbot, NEW)
    QTest.keyClicks(dialog.password_edit, "kort")
    assert dialog.message.message == f"Too short: use at least {MIN_PASSWORD_LENGTH} characters."
    assert not dialog.ok_button.isEnabled()
    QTest.keyClicks(dialog.password_edit, " genoeg")
    assert dialog.message.message == "Now type the password again."
    QTest.keyClicks(dialog.repeat_edit, "kort genoeG")
    assert dialog.message.message == "The two passwords are not the same."
    assert not dialog.ok_button.isEnabled()
    QTest.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)  # Enter does nothing yet
    assert dialog.isVisible()
    QTest.keyClick(dialog.repeat_edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(dialog.repeat_edit, "g")
    assert dialog.message.message == "The passwords match."
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)
    assert dialog.password == "kort genoeg"


def test_exactly_the_minimum_length_is_enough(qtbot: QtBot) -> None:
    dialog = make(qtbot, NEW)
    dialog.password_edit.setText("x" * MIN_PASSWORD_LENGTH)
    dialog.repeat_edit.setText("x" * MIN_PASSWORD_LENGTH)
    assert dialog.ok_button.isEnabled()
    dialog.password_edit.setText("x" * (MIN_PASSWORD_LENGTH - 1))
    assert not dialog.ok_button.isEnabled()


def test_show_password(qtbot: QtBot) -> None:
    dialog = make(qtbot, NEW)
    dialog.show_box.setChecked(True)
    assert dialog.password_edit.echoMode() is QLineEdit.EchoMode.Normal
    assert dialog.repeat_edit.echoMode() is QLineEdit.EchoMode.Normal
    dialog.show_box.setChecked(False)
    assert dialog.repeat_edit.echoMode() is QLineEdit.EchoMode.Password


def test_existing_vault_asks_once(qtbot: QtBot) -> None:
    dialog = make(qtbot, EXISTING)
    assert dialog.windowTitle() == "Unlock Tweestap"
    assert str(VAULT_FILE) in dialog.explanation.text()
    assert not dialog.repeat_edit.isVisible()
    assert dialog.warning is None
    assert not dialog.ok_button.isEnabled()
    QTest.keyClicks(dialog.password_edit, "x")  # no length rule for an existing password
    with qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.password == "x"


def test_error_of_an_earlier_try_is_shown(qtbot: QtBot) -> None:
    dialog = make(qtbot, EXISTING, error="The password is wrong; nothing was opened or changed.")
    assert dialog.message.isVisible()
    assert dialog.message.message == "The password is wrong; nothing was opened or changed."
    assert "wrong" in dialog.password_edit.accessibleDescription()


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = make(qtbot, NEW)
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    controls = [
        widget
        for kind in kinds
        for widget in dialog.findChildren(kind)
        if not isinstance(widget.parent(), kinds)
    ]
    assert len(controls) >= 5
    assert not [type(widget).__name__ for widget in controls if not widget.accessibleName()]


def test_ask_password_returns_none_on_cancel(qtbot: QtBot) -> None:
    when_modal_opens(lambda modal: QTest.keyClick(modal, Qt.Key.Key_Escape))
    assert ask_password(None, EXISTING) is None


def test_ask_password_returns_what_was_typed(qtbot: QtBot) -> None:
    def type_it(modal: QWidget) -> None:
        assert isinstance(modal, PasswordDialog)
        modal.password_edit.setText("geheim wachtwoord")
        modal.repeat_edit.setText("geheim wachtwoord")
        modal.ok_button.click()

    when_modal_opens(type_it)
    assert ask_password(None, NEW) == "geheim wachtwoord"


def test_with_a_real_vault_without_keyring(qtbot: QtBot, isolated_environment: Path) -> None:
    """Create a password vault through the window, then open it again through it."""
    asked: list[PasswordRequest] = []

    def prompt(request: PasswordRequest) -> str | None:
        asked.append(request)

        def type_it(modal: QWidget) -> None:
            assert isinstance(modal, PasswordDialog)
            modal.password_edit.setText("zorg en welzijn")
            modal.repeat_edit.setText("zorg en welzijn")
            modal.ok_button.click()

        when_modal_opens(type_it)
        return ask_password(None, request)

    fast = ScryptParams(n=2**10)
    vault = open_vault(password_prompt=prompt, scrypt_params=fast)
    vault.add(Account(issuer="Zilliz", name="jan", secret=b"12345678901234567890"))
    reopened = open_vault(password_prompt=prompt)
    assert [request.new for request in asked] == [True, False]
    assert [account.name for account in reopened.accounts] == ["jan"]
    assert isinstance(asked[0].reason, KeyringProblem)
