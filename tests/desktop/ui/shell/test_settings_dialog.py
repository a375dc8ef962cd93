"""The settings dialog built from the declarations; saving validates, persists and applies
each setting to the running window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from desktop import settings as s
from desktop.clock import FixedClock
from desktop.settings import Settings
from desktop.ui.common.theme import apply_theme
from desktop.ui.shell import around_window
from desktop.ui.shell.around_window import current_values, save_settings
from desktop.ui.shell.settings_dialog import SettingsDialog
from desktop.ui.window.accounts_model import Role
from tests.desktop.conftest import T0
from tests.helpers.window_rig import MakeRig, Rig

pytestmark = pytest.mark.gui


@pytest.fixture
def rig(new_rig: MakeRig) -> Rig:
    return new_rig()


@pytest.fixture
def dialog(rig: Rig, qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(current_values(rig.extras), rig.window)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def restore_theme() -> Iterator[None]:
    yield
    apply_theme("system")


def test_one_editor_per_declared_setting_with_its_range(dialog: SettingsDialog) -> None:
    assert list(dialog.editors) == [setting.key for setting in s.ALL]
    for setting in s.ALL:
        editor = dialog.editors[setting.key]
        if setting.choices:
            assert isinstance(editor, QComboBox)
            values = [editor.itemData(i) for i in range(editor.count())]
            assert values == [choice.value for choice in setting.choices]
        elif setting.type is bool:
            assert isinstance(editor, QCheckBox)
        elif setting.type is int:
            assert isinstance(editor, QSpinBox)
            assert (editor.minimum(), editor.maximum()) == (setting.minimum, setting.maximum)
        elif setting.type is float:
            assert isinstance(editor, QDoubleSpinBox)
            assert (editor.minimum(), editor.maximum()) == (setting.minimum, setting.maximum)
        else:
            assert isinstance(editor, QLineEdit)
        assert editor.accessibleName()
    assert dialog.values() == {**{k.key: k.default for k in s.ALL}}


def test_the_lock_minutes_only_matter_with_the_lock_on(dialog: SettingsDialog) -> None:
    lock = dialog.editors[s.APP_LOCK.key]
    minutes = dialog.editors[s.LOCK_AFTER_MINUTES.key]
    assert isinstance(lock, QCheckBox)
    assert not minutes.isEnabled()
    lock.setChecked(True)
    assert minutes.isEnabled()
    note = dialog.notes[s.APP_LOCK.key].text()
    assert "your accounts are lost" in note


def test_an_invalid_address_is_refused(dialog: SettingsDialog) -> None:
    field = dialog.editors[s.SERVER_URL.key]
    assert isinstance(field, QLineEdit)
    field.setText("ftp://2fa.example.org")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "\u201c2FA server address\u201d is not valid."
    field.setText("https://2fa.example.org")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_changing_the_language_says_it_needs_a_restart(dialog: SettingsDialog) -> None:
    language = dialog.editors[s.LANGUAGE.key]
    assert isinstance(language, QComboBox)
    assert dialog.restart_note.isHidden()
    language.setCurrentIndex(language.findData("nl"))
    assert not dialog.restart_note.isHidden()


def test_saving_persists_and_applies_live(
    rig: Rig, dialog: SettingsDialog, isolated_environment: Path, clock: FixedClock
) -> None:
    window = rig.window
    editors = dialog.editors
    clear = editors[s.CLIPBOARD_CLEAR_SECONDS.key]
    hold = editors[s.HOLD_SECONDS.key]
    next_code = editors[s.SHOW_NEXT_CODE.key]
    language = editors[s.LANGUAGE.key]
    assert isinstance(clear, QSpinBox)
    assert isinstance(hold, QDoubleSpinBox)
    assert isinstance(next_code, QCheckBox)
    assert isinstance(language, QComboBox)
    clear.setValue(10)
    hold.setValue(1.5)
    next_code.setChecked(False)
    language.setCurrentIndex(language.findData("nl"))
    clock.t = T0 + 27  # the last seconds of a step: the next code would show
    window.tick()
    assert window.proxy.index(0, 0).data(Role.NEXT_CODE) is not None

    changed = save_settings(rig.extras, dialog.values())

    assert sorted(changed) == sorted(
        ["clipboard_clear_seconds", "hold_to_copy_seconds", "show_next_code", "language"]
    )
    assert window.clipboard.clear_after == 10
    assert window.view.hold.duration == 1.5
    assert window.proxy.index(0, 0).data(Role.NEXT_CODE) is None
    assert window.status.toast == "The language changes when Tweestap starts again."
    again = Settings.load(isolated_environment)
    assert again.get(s.CLIPBOARD_CLEAR_SECONDS) == 10
    assert again.get(s.HOLD_SECONDS) == 1.5
    assert again.get(s.SHOW_NEXT_CODE) is False
    assert again.get(s.LANGUAGE) == "nl"


def test_the_window_starts_with_the_stored_settings(
    new_rig: MakeRig, isolated_environment: Path
) -> None:
    Settings.load(isolated_environment).update(
        {"clipboard_clear_seconds": 0, "hold_to_copy_seconds": 2.0, "lock_after_minutes": 9}
    )
    r = new_rig()
    assert r.window.clipboard.clear_after == 0
    assert r.window.view.hold.duration == 2.0
    assert r.extras.app_lock.idle_minutes == 9


def test_the_theme_applies_at_once(rig: Rig, restore_theme: None) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    save_settings(rig.extras, {s.THEME.key: "dark"})
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    save_settings(rig.extras, {s.THEME.key: "light"})
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 180


def test_file_settings_opens_the_dialog_and_saves_it(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, isolated_environment: Path
) -> None:
    opened: list[SettingsDialog] = []

    def exec_(dialog: SettingsDialog) -> int:
        opened.append(dialog)
        editor = dialog.editors[s.CLIPBOARD_CLEAR_SECONDS.key]
        assert isinstance(editor, QSpinBox)
        editor.setValue(60)
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    rig.window.settings_action.trigger()
    assert len(opened) == 1
    assert Settings.load(isolated_environment).get(s.CLIPBOARD_CLEAR_SECONDS) == 60


def test_a_locked_app_cannot_turn_its_lock_off_in_the_dialog(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(rig.extras, {s.APP_LOCK.key: True})
    rig.extras.app_lock.lock()
    seen: list[bool] = []

    def exec_(dialog: SettingsDialog) -> int:
        seen.append(dialog.editors[s.APP_LOCK.key].isEnabled())
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    rig.window.settings_action.trigger()
    assert seen == []  # a locked window does not open its settings at all
    assert not rig.window.settings_action.isEnabled()
    around_window.open_settings(
        rig.extras
    )  # and were they opened, the lock could not be turned off
    assert seen == [False]
