"""Show an account's setup key (instelsleutel) as text, to move it to another app by hand:
hidden until a deliberate click, behind the app lock's password when that is on, grouped in
blocks of four, copyable (marked secret, wiped again), beside "Show QR code"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.otp.model import Account, Algorithm, OtpType
from desktop.settings import APP_LOCK
from desktop.ui.import_export.setup_key_dialog import SetupKeyDialog
from desktop.ui.shell.around_window import save_settings
from desktop.ui.window.clipboard import sensitive_formats
from desktop.ui.window.main_window import MainWindow
from desktop.vault import Vault
from tests.desktop.conftest import when_modal_opens
from tests.helpers.fakes import FakeTimer
from tests.helpers.window_rig import LOCK_PASSWORD, MakeRig

pytestmark = pytest.mark.gui

ZILLIZ_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # b"12345678901234567890" in base32


def open_dialog(qtbot: QtBot, vault: Vault, copied: list[str] | None = None) -> SetupKeyDialog:
    sink = copied if copied is not None else []
    dialog = SetupKeyDialog(vault.accounts[0], vault, sink.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_key_stays_hidden_until_show_is_clicked(qtbot: QtBot, three_accounts: Vault) -> None:
    dialog = open_dialog(qtbot, three_accounts)
    assert dialog.key_field.echoMode() == QLineEdit.EchoMode.Password
    assert "GEZD" not in dialog.key_field.displayText()
    assert not dialog.copy_button.isEnabled()
    assert not dialog.password_edit.isVisible()  # no app lock: the click is enough

    QTest.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)

    assert dialog.key_field.displayText() == "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"
    assert dialog.key_field.hasSelectedText()  # selectable, ready to copy by hand
    assert dialog.show_button.text() == "&Hide"
    QTest.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.key_field.echoMode() == QLineEdit.EchoMode.Password


def test_copy_gives_the_key_without_spaces(qtbot: QtBot, three_accounts: Vault) -> None:
    copied: list[str] = []
    dialog = open_dialog(qtbot, three_accounts, copied)
    dialog.copy_key()
    assert copied == []  # nothing while it is hidden
    dialog.reveal()
    QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert copied == [ZILLIZ_KEY]
    assert "clipboard" in dialog.message.text()


def test_a_hidden_key_cannot_be_copied_from_the_field(
    qtbot: QtBot, three_accounts: Vault, clipboard: QClipboard
) -> None:
    clipboard.setText("before")
    dialog = open_dialog(qtbot, three_accounts)
    dialog.key_field.setFocus()
    dialog.key_field.selectAll()
    QTest.keySequence(dialog.key_field, QKeySequence.StandardKey.Copy)
    assert clipboard.text() == "before"  # Qt copies nothing out of a password field
    dialog.reveal()
    QTest.keySequence(dialog.key_field, QKeySequence.StandardKey.Copy)
    assert clipboard.text().replace(" ", "") == ZILLIZ_KEY


def test_with_the_app_lock_on_show_needs_the_password(new_rig: MakeRig, qtbot: QtBot) -> None:
    rig = new_rig()
    save_settings(rig.extras, {APP_LOCK.key: True})
    vault = rig.window.vault
    dialog = open_dialog(qtbot, vault)
    assert dialog.password_edit.isVisible()
    assert not dialog.show_button.isEnabled()

    dialog.password_edit.setText("not the password")
    QTest.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    assert dialog.key_field.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.message.text().endswith("That is not the password of Tweestap's app lock.")

    dialog.password_edit.setText(LOCK_PASSWORD)
    QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.shown, dialog.message.text()
    assert dialog.key_field.displayText().replace(" ", "") == ZILLIZ_KEY
    assert not dialog.password_edit.isVisible()
    assert dialog.password_edit.text() == ""  # the password is not kept in the field


def test_locking_tweestap_closes_the_shown_key(new_rig: MakeRig, qtbot: QtBot) -> None:
    rig = new_rig()
    save_settings(rig.extras, {APP_LOCK.key: True})
    dialog = SetupKeyDialog(rig.window.vault.accounts[0], rig.window.vault, print, rig.window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.password_edit.setText(LOCK_PASSWORD)
    assert dialog.reveal()
    rig.extras.app_lock.lock()
    assert not dialog.isVisible()


def test_the_window_offers_it_beside_show_qr_code_and_copies_it_as_a_secret(
    make_window: Callable[[Vault], MainWindow], three_accounts: Vault, clipboard: QClipboard
) -> None:
    window = make_window(three_accounts)
    accounts_menu = window.menuBar().actions()[1].menu()
    assert isinstance(accounts_menu, QMenu)
    actions = accounts_menu.actions()
    qr = actions.index(window.transfer.show_qr_action)
    assert actions[qr + 1] is window.transfer.show_key_action
    assert window.transfer.show_key_action.text() == "Show setup &key\u2026"
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    assert window.transfer.show_key_action.isEnabled()
    toasts: list[str] = []
    window.status.show_toast = toasts.append  # type: ignore[method-assign,assignment]

    def copy_it(dialog: QWidget) -> None:
        assert isinstance(dialog, SetupKeyDialog)
        dialog.reveal()
        dialog.copy_button.click()
        dialog.reject()

    when_modal_opens(copy_it)
    window.transfer.show_key_action.trigger()

    mime = clipboard.mimeData()
    assert mime.text() == ZILLIZ_KEY
    assert all(mime.hasFormat(kind) for kind in sensitive_formats())
    assert toasts == []  # not "Code copied": the dialog said what was copied
    wipe = window.clipboard.timer
    assert isinstance(wipe, FakeTimer)
    wipe.fire()
    assert clipboard.text() == ""


def test_the_settings_another_app_needs_are_said_and_unusual_ones_point_to_the_qr_code(
    qtbot: QtBot, vault: Vault
) -> None:
    vault.add(Account(issuer="Zilliz", name="jan", secret=b"12345678901234567890"))
    vault.add(
        Account(
            issuer="Bank", name="piet", secret=b"x" * 20, algorithm=Algorithm.SHA256,
            digits=8, period=60,
        )
    )  # fmt: skip
    vault.add(Account(issuer="VPN", name="jan", secret=b"y" * 20, type=OtpType.HOTP, counter=7))
    usual, unusual, counter = (SetupKeyDialog(account, vault, print) for account in vault.accounts)
    assert usual.kind_text() == "Time-based (TOTP), a new code every 30 seconds"
    assert usual.settings_text() == "SHA1, 6 digits (what every app assumes)"
    assert unusual.kind_text() == "Time-based (TOTP), a new code every 60 seconds"
    assert unusual.settings_text().startswith("SHA256, 8 digits. Not every app")
    assert "QR code" in unusual.settings_text()
    assert counter.kind_text() == "Counter-based (HOTP); the next code uses counter 7"
    for dialog in (usual, unusual, counter):
        dialog.deleteLater()
