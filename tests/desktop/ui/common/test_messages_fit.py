"""A message that appears in a dialog (an error, a hint under a field) pushes the form down:
with the longest Dutch sentence the app has, no field is squeezed and nothing overlaps."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop import settings as s
from desktop.clock import FixedClock
from desktop.otp.model import Account
from desktop.ui.add.add_dialog import AddAccountDialog
from desktop.ui.common.account_fields import Tone
from desktop.ui.import_export.export_dialog import ExportDialog
from desktop.ui.import_export.import_dialog import ImportDialog
from desktop.ui.import_export.import_dialog import Page as ImportPage
from desktop.ui.shell.password_dialog import PasswordDialog
from desktop.ui.shell.settings_dialog import SettingsDialog
from desktop.ui.window.edit_dialog import EditAccountDialog
from desktop.vault import KeyringProblem, PasswordRequest, Vault
from desktop.vault.errors import password_prompt_reason
from tests.desktop.conftest import T0
from tests.helpers.layout_checks import gap_above, layout_problems, longest_dutch_sentence

pytestmark = pytest.mark.gui

VAULT_FILE = Path("/home/jan/.local/share/tweestap/vault.tweestap")
LONGEST = longest_dutch_sentence()


@pytest.fixture(autouse=True)
def dutch(qapp: QApplication) -> Iterator[None]:
    assert i18n.install("nl") == "nl"
    yield
    i18n.install("en")


def shown(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert layout_problems(dialog) == []  # fine before the message
    return dialog


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_the_longest_sentence_is_long_enough_to_wrap_over_several_lines() -> None:
    assert len(LONGEST) > 300


@pytest.mark.parametrize("new", [True, False], ids=["new-password", "unlock"])
def test_password_dialog_with_the_longest_error_keeps_its_fields(qtbot: QtBot, new: bool) -> None:
    reason = KeyringProblem("none") if new else password_prompt_reason(VAULT_FILE)
    dialog = shown(qtbot, PasswordDialog(PasswordRequest(new=new, reason=reason, path=VAULT_FILE)))
    assert isinstance(dialog, PasswordDialog)
    dialog.message.show_message(LONGEST, Tone.ERROR)
    settle()
    assert layout_problems(dialog) == []


def test_edit_dialog_with_the_longest_error_keeps_its_fields(qtbot: QtBot) -> None:
    dialog = shown(qtbot, EditAccountDialog(Account(issuer="Zilliz", name="jan", secret=b"k" * 20)))
    assert isinstance(dialog, EditAccountDialog)
    dialog.name_message.show_message(LONGEST, Tone.ERROR)
    settle()
    assert layout_problems(dialog) == []


def test_import_dialog_with_the_longest_error_on_both_pages(qtbot: QtBot, vault: Vault) -> None:
    dialog = shown(qtbot, ImportDialog(vault))
    assert isinstance(dialog, ImportDialog)
    dialog.choose_message.show_message(LONGEST, Tone.ERROR)
    settle()
    assert layout_problems(dialog) == []
    dialog.path = VAULT_FILE
    dialog._ask_password("Aegis", LONGEST)
    settle()
    assert dialog.page is ImportPage.PASSWORD
    assert layout_problems(dialog) == []


@pytest.mark.parametrize("backup", [True, False], ids=["backup", "export"])
def test_export_dialog_with_the_longest_error_keeps_its_fields(
    qtbot: QtBot, vault: Vault, backup: bool
) -> None:
    dialog = shown(qtbot, ExportDialog(vault, FixedClock(float(T0)), backup=backup))
    assert isinstance(dialog, ExportDialog)
    dialog.message.show_message(LONGEST, Tone.ERROR)
    settle()
    assert layout_problems(dialog) == []


def test_settings_dialog_with_the_longest_error_keeps_its_fields(qtbot: QtBot) -> None:
    values = {setting.key: setting.default for setting in s.ALL}
    dialog = shown(qtbot, SettingsDialog({**values, s.APP_LOCK.key: False}))
    assert isinstance(dialog, SettingsDialog)
    dialog.error.setText(LONGEST)
    dialog.error.show()
    dialog.restart_note.show()
    settle()
    assert layout_problems(dialog) == []


MESSAGES: dict[str, Callable[[AddAccountDialog], None]] = {
    "under-the-key": lambda d: d.key_message.show_message(LONGEST, Tone.ERROR),
    "under-the-buttons": lambda d: d.scan_sources.message.show_message(LONGEST, Tone.ERROR),
    "form-error": lambda d: d.form_error.show_message(LONGEST, Tone.ERROR),
}


@pytest.mark.parametrize("where", MESSAGES)
def test_add_dialog_with_the_longest_message_keeps_its_fields(
    qtbot: QtBot, vault: Vault, where: str
) -> None:
    dialog = shown(qtbot, AddAccountDialog(vault, FixedClock(float(T0))))
    assert isinstance(dialog, AddAccountDialog)
    MESSAGES[where](dialog)
    settle()
    assert layout_problems(dialog) == []


# -- no empty band above the buttons ------------------------------------------------------

LARGEST_GAP = 24
"""More empty height than this between a dialog's contents and its buttons looks broken."""


def test_no_empty_band_above_the_buttons_of_any_dialog(qtbot: QtBot, vault: Vault) -> None:
    values = {setting.key: setting.default for setting in s.ALL}
    new = PasswordRequest(new=True, reason=KeyringProblem("none"), path=VAULT_FILE)
    add = AddAccountDialog(vault, FixedClock(float(T0)))
    importer = ImportDialog(vault)
    backup = ExportDialog(vault, FixedClock(float(T0)), backup=True)
    export = ExportDialog(vault, FixedClock(float(T0)))
    edit = EditAccountDialog(Account(issuer="Zilliz", name="jan", secret=b"k" * 20))
    password = PasswordDialog(new)
    settings = SettingsDialog({**values, s.APP_LOCK.key: False})
    cases = {
        "add": (add, add.add_button.parentWidget()),
        "import": (importer, importer.buttons),
        "backup": (backup, backup.save_button.parentWidget()),
        "export": (export, export.save_button.parentWidget()),
        "edit": (edit, edit.save_button.parentWidget()),
        "password": (password, password.ok_button.parentWidget()),
        "settings": (settings, settings.ok_button.parentWidget()),
    }
    gaps = {}
    for name, (dialog, buttons) in cases.items():
        shown(qtbot, dialog)
        assert buttons is not None
        gaps[name] = gap_above(dialog, buttons)
    assert {name: gap for name, gap in gaps.items() if gap > LARGEST_GAP} == {}


def test_the_import_dialog_is_as_high_as_its_page_shown(qtbot: QtBot, vault: Vault) -> None:
    dialog = shown(qtbot, ImportDialog(vault))
    assert isinstance(dialog, ImportDialog)
    choose_height = dialog.height()
    dialog.path = VAULT_FILE
    dialog._ask_password("Aegis", None)
    settle()
    assert gap_above(dialog, dialog.buttons) <= LARGEST_GAP
    assert dialog.height() < choose_height + 120  # not the height of the summary page
