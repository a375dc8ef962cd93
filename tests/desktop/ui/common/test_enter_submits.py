"""Enter does what the window's main button does, in every field a person types in: the add
dialog, the password windows, renaming, import, export, the settings and the lock screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop import settings as s
from desktop.clock import FixedClock
from desktop.otp.model import Account
from desktop.ui.add.add_dialog import AddAccountDialog, Page
from desktop.ui.import_export.export_dialog import ExportDialog
from desktop.ui.import_export.import_dialog import ImportDialog
from desktop.ui.import_export.import_dialog import Page as ImportPage
from desktop.ui.shell.around_window import save_settings
from desktop.ui.shell.password_dialog import PasswordDialog
from desktop.ui.shell.settings_dialog import SettingsDialog
from desktop.ui.window.edit_dialog import EditAccountDialog
from desktop.vault import KeyringProblem, PasswordRequest, Vault
from desktop.vault.errors import password_prompt_reason
from tests.desktop.conftest import T0
from tests.helpers.window_rig import LOCK_PASSWORD, MakeRig

pytestmark = pytest.mark.gui

VAULT_FILE = Path("/home/jan/.local/share/tweestap/vault.tweestap")
KEY = "JBSWY3DPEHPK3PXP"


def shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def press_enter(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.mark.parametrize("field", ["key", "issuer", "name"])
def test_enter_in_any_field_of_the_add_dialog_adds_the_account(
    qtbot: QtBot, vault: Vault, field: str
) -> None:
    dialog = shown(qtbot, AddAccountDialog(vault, FixedClock(float(T0))))
    assert isinstance(dialog, AddAccountDialog)
    dialog.key_edit.setText(KEY)
    dialog.issuer_edit.setText("Zilliz")
    dialog.name_edit.setText("jan")
    fields = {"key": dialog.key_edit, "issuer": dialog.issuer_edit, "name": dialog.name_edit}
    press_enter(fields[field])
    assert dialog.page is Page.DONE
    assert [account.label for account in vault.accounts] == ["Zilliz: jan"]
    press_enter(dialog.close_button)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_in_the_repeated_new_password_continues(qtbot: QtBot) -> None:
    request = PasswordRequest(new=True, reason=KeyringProblem("none"), path=VAULT_FILE)
    dialog = shown(qtbot, PasswordDialog(request))
    assert isinstance(dialog, PasswordDialog)
    dialog.password_edit.setText("lang genoeg")
    dialog.repeat_edit.setText("lang genoeg")
    press_enter(dialog.repeat_edit)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_in_the_unlock_password_unlocks(qtbot: QtBot) -> None:
    request = PasswordRequest(new=False, reason=password_prompt_reason(VAULT_FILE), path=VAULT_FILE)
    dialog = shown(qtbot, PasswordDialog(request))
    assert isinstance(dialog, PasswordDialog)
    dialog.password_edit.setText("geheim")
    press_enter(dialog.password_edit)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_in_the_new_name_saves_it(qtbot: QtBot) -> None:
    dialog = shown(qtbot, EditAccountDialog(Account(issuer="Zilliz", name="jan", secret=b"k" * 20)))
    assert isinstance(dialog, EditAccountDialog)
    dialog.name_edit.setText("jan.de.vries")
    press_enter(dialog.name_edit)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_name == "jan.de.vries"


def test_enter_in_the_import_password_opens_the_file(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown(qtbot, ImportDialog(vault))
    assert isinstance(dialog, ImportDialog)
    dialog.path = VAULT_FILE
    dialog._ask_password("Aegis", None)
    assert dialog.page is ImportPage.PASSWORD
    tried: list[str | None] = []
    monkeypatch.setattr(dialog, "_start", tried.append)
    dialog.password_edit.setText("geheim")
    press_enter(dialog.password_edit)
    assert tried == ["geheim"]


def test_enter_in_the_repeated_backup_password_saves(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.add(Account(issuer="Zilliz", name="jan", secret=b"k" * 20))
    dialog = shown(qtbot, ExportDialog(vault, FixedClock(float(T0)), backup=True))
    assert isinstance(dialog, ExportDialog)
    saved: list[bool] = []
    monkeypatch.setattr(dialog, "save", lambda: saved.append(True))
    dialog.save_button.clicked.disconnect()
    dialog.save_button.clicked.connect(dialog.save)
    dialog.password_edit.setText("lang genoeg")
    dialog.repeat_edit.setText("lang genoeg")
    press_enter(dialog.repeat_edit)
    assert saved == [True]


def test_enter_in_a_settings_number_saves_the_settings(qtbot: QtBot) -> None:
    values = {setting.key: setting.default for setting in s.ALL}
    dialog = shown(qtbot, SettingsDialog({**values, s.APP_LOCK.key: False}))
    assert isinstance(dialog, SettingsDialog)
    press_enter(dialog.editors[s.CLIPBOARD_CLEAR_SECONDS.key])
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_in_the_lock_screens_password_unlocks(qtbot: QtBot, new_rig: MakeRig) -> None:
    rig = new_rig()
    save_settings(rig.extras, {s.APP_LOCK.key: True})
    rig.window.lock_action.trigger()
    assert rig.window.vault.is_locked
    screen = rig.extras.app_lock.screen
    screen.password.setText(LOCK_PASSWORD)
    press_enter(screen.password)
    assert not rig.window.vault.is_locked
