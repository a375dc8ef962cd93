"""The app lock in the window: turning it on (and off), locking by hand, after idle minutes
(fake timer, fake clock) and when the session locks (a real private D-Bus), the lock
screen, and unlocking."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot

from desktop.i18n import error_text
from desktop.platform.session_lock import SessionLockWatcher
from desktop.settings import APP_LOCK, LOCK_AFTER_MINUTES
from desktop.ui.shell.around_window import save_settings
from desktop.ui.shell.password_dialog import PasswordDialog
from desktop.vault.errors import app_lock_notice
from tests.desktop.vault.test_lock import nothing_yields_the_secrets
from tests.helpers import dbus_session
from tests.helpers.fakes import FakeTimer, MemoryKeyring
from tests.helpers.window_rig import LOCK_PASSWORD, MakeRig, Rig

pytestmark = pytest.mark.gui


@pytest.fixture
def rig(new_rig: MakeRig) -> MakeRig:
    return new_rig


@pytest.fixture
def locked_on(rig: MakeRig) -> Rig:
    """A window whose app lock was just turned on (five minutes idle)."""
    r = rig()
    save_settings(r.extras, {APP_LOCK.key: True})
    assert r.extras.app_lock.enabled
    return r


def idle_timer(r: Rig) -> FakeTimer:
    timer = r.extras.app_lock.idle_timer
    assert isinstance(timer, FakeTimer)
    return timer


def unlock_with(qtbot: QtBot, r: Rig, password: str) -> None:
    screen = r.extras.app_lock.screen
    screen.password.setText(password)
    QTest.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)


def test_turning_the_lock_on_asks_a_new_password_and_says_what_losing_it_means(
    rig: MakeRig, keyring_backend: MemoryKeyring, qtbot: QtBot
) -> None:
    r = rig()
    assert not r.extras.app_lock.enabled
    assert not r.window.lock_action.isVisible()
    save_settings(r.extras, {APP_LOCK.key: True})
    [request] = r.passwords.requests
    assert request.new
    assert error_text(request.reason) == error_text(app_lock_notice())
    assert r.window.vault.key_storage == "password"
    assert keyring_backend.entries == {}  # the keyring alone opens nothing now
    assert r.window.lock_action.isEnabled()
    dialog = PasswordDialog(request)  # the dialog this request opens
    qtbot.addWidget(dialog)
    assert dialog.warning is not None
    assert "your accounts in Tweestap are lost" in dialog.warning.text()


def test_cancelling_the_password_leaves_the_lock_off(
    rig: MakeRig, keyring_backend: MemoryKeyring
) -> None:
    r = rig()
    r.passwords.answer = None
    save_settings(r.extras, {APP_LOCK.key: True})
    assert r.window.vault.key_storage == "keyring"
    assert len(keyring_backend.entries) == 1


def test_a_locked_window_shows_no_codes_and_the_files_give_nothing_away(
    locked_on: Rig, keyring_backend: MemoryKeyring, isolated_environment: Path
) -> None:
    r = locked_on
    window = r.window
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    window.copy_current()
    assert window.clipboard.pending
    window.lock_action.trigger()
    vault = window.vault
    assert vault.is_locked
    assert vault.accounts == ()
    assert window.model.rowCount() == 0
    assert window.pages.currentWidget() is r.extras.app_lock.screen
    assert not window.header.isVisible()
    assert window.clipboard.pending is None  # our code was wiped
    assert not window.add_action.isEnabled()
    assert not window.lock_action.isEnabled()
    nothing_yields_the_secrets(vault.path, keyring_backend)
    text = r.extras.app_lock.screen.explanation.text()
    assert "key to your accounts has been removed from memory" in text
    assert "keyring" in text


def test_unlocking_with_a_wrong_and_then_the_right_password(locked_on: Rig, qtbot: QtBot) -> None:
    r = locked_on
    r.extras.app_lock.lock()
    screen = r.extras.app_lock.screen
    unlock_with(qtbot, r, "not the password")
    assert r.window.vault.is_locked
    assert screen.error.isVisible()
    assert screen.error.text() == "The password is wrong; nothing was opened or changed."
    unlock_with(qtbot, r, LOCK_PASSWORD)
    assert not r.window.vault.is_locked
    assert r.window.model.rowCount() == 3
    assert r.window.pages.currentWidget() is r.window.view
    assert r.window.header.isVisible()
    assert screen.password.text() == ""  # the password does not linger in the field
    assert not screen.error.isVisible()


def test_auto_lock_after_the_idle_minutes(locked_on: Rig, qtbot: QtBot) -> None:
    r = locked_on
    timer = idle_timer(r)
    assert timer.is_active()
    assert timer.interval() == 5 * 60 * 1000
    r.idle_clock.advance(180)
    QTest.keyClick(r.window.view, Qt.Key.Key_Down)  # someone is using it
    r.idle_clock.advance(120)
    timer.fire()
    assert not r.window.vault.is_locked
    assert timer.is_active()
    assert timer.interval() == 3 * 60 * 1000  # five minutes after that key press
    r.idle_clock.advance(180)
    timer.fire()
    assert r.window.vault.is_locked
    assert not timer.is_active()  # nothing to wait for while locked


def test_the_idle_minutes_follow_the_setting(locked_on: Rig) -> None:
    r = locked_on
    save_settings(r.extras, {LOCK_AFTER_MINUTES.key: 0})
    assert not idle_timer(r).is_active()  # 0: never by itself
    r.idle_clock.advance(3600)
    assert not r.window.vault.is_locked
    save_settings(r.extras, {LOCK_AFTER_MINUTES.key: 30})
    assert idle_timer(r).interval() == 30 * 60 * 1000


def test_no_lock_without_the_lock_turned_on(rig: MakeRig) -> None:
    r = rig()
    assert not idle_timer(r).is_active()
    r.extras.app_lock.lock()
    r.window.lock_requested.emit()
    assert not r.window.vault.is_locked
    assert r.window.model.rowCount() == 3


def test_turning_the_lock_off_returns_the_key_to_the_keyring(
    locked_on: Rig, keyring_backend: MemoryKeyring
) -> None:
    save_settings(locked_on.extras, {APP_LOCK.key: False})
    assert locked_on.window.vault.key_storage == "keyring"
    assert len(keyring_backend.entries) == 1
    assert not locked_on.window.lock_action.isVisible()
    assert not idle_timer(locked_on).is_active()


def test_locking_closes_open_dialogs(locked_on: Rig, qtbot: QtBot) -> None:
    dialog = QDialog(locked_on.window)
    dialog.show()
    qtbot.waitExposed(dialog)
    locked_on.extras.app_lock.lock()
    assert not dialog.isVisible()


def test_the_session_lock_signal_locks(rig: MakeRig) -> None:
    watcher = SessionLockWatcher()  # no bus: nothing watched, the signal still works
    assert watcher.watching == []
    r = rig(session=watcher)
    save_settings(r.extras, {APP_LOCK.key: True})
    watcher._screensaver(False)
    assert not r.window.vault.is_locked
    watcher._sleep(True)
    assert r.window.vault.is_locked


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A dbus-daemon of our own (no services on it); yields its address."""
    with dbus_session.private_bus() as address:
        yield address


def test_a_locking_screensaver_on_d_bus_locks_the_app(
    rig: MakeRig, private_bus: str, qtbot: QtBot
) -> None:
    bus = QDBusConnection.connectToBus(private_bus, "tweestap-test-session")
    try:
        assert bus.isConnected()
        watcher = SessionLockWatcher(session_bus=bus)
        assert watcher.watching == ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"]
        r = rig(session=watcher)
        save_settings(r.extras, {APP_LOCK.key: True})
        subprocess.run(
            [
                "dbus-send",
                f"--bus={private_bus}",
                "--type=signal",
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver.ActiveChanged",
                "boolean:true",
            ],
            check=True,
        )
        qtbot.waitUntil(lambda: r.window.vault.is_locked, timeout=5000)
        assert r.window.pages.currentWidget() is r.extras.app_lock.screen
    finally:
        QDBusConnection.disconnectFromBus("tweestap-test-session")


def test_a_locked_window_takes_no_ctrl_f_and_no_typing_and_nothing_shows_after_unlocking(
    locked_on: Rig, qtbot: QtBot
) -> None:
    r = locked_on
    window = r.window
    window.lock_action.trigger()
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    typed_into = QApplication.focusWidget() or window
    QTest.keyClicks(typed_into, "geheim")
    window.search_action.trigger()  # the menu item itself does nothing either
    QTest.keyClicks(QApplication.focusWidget() or window, "x")
    assert window.search_field.text() == ""
    assert not window.search_field.hasFocus()
    screen = r.extras.app_lock.screen
    assert screen.password.text() == "geheimx"  # what is typed goes to the unlock field
    screen.password.setText(LOCK_PASSWORD)
    QTest.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.vault.is_locked
    assert window.search_field.text() == ""
    assert window.proxy.rowCount() == 3  # no search left behind hides accounts


def test_while_locked_only_the_unlock_quit_and_what_reveals_nothing_take_input(
    locked_on: Rig,
) -> None:
    r = locked_on
    window = r.window
    window.lock_action.trigger()
    menus = [entry.menu() for entry in window.menuBar().actions()]
    enabled = {
        action.text().replace("&", "")
        for menu in menus
        if isinstance(menu, QMenu)
        for action in menu.actions()
        if action.isEnabled() and not action.isSeparator() and action.isVisible()
    }
    # About and the organisation's login help page show nothing of the vault; the code
    # checklist (F1) shows the chosen account's code and waits for the unlock.
    assert enabled == {"Quit", "About Tweestap", "Login help (zilliz.nl)"}
    assert not window.help_action.isEnabled()
    assert not window.search_field.isEnabled()
    r.extras.app_lock.unlock(LOCK_PASSWORD)
    assert window.search_action.isEnabled()
    assert window.settings_action.isEnabled()
    assert window.admin_action.isEnabled()
    assert window.help_action.isEnabled()
    assert window.search_field.isEnabled()


def test_a_locked_apps_tray_offers_only_to_unlock_and_copies_nothing(locked_on: Rig) -> None:
    r = locked_on
    r.window.lock_action.trigger()
    tray = r.extras.tray.menu
    tray.rebuild()
    texts = [action.text().replace("&", "") for action in tray.menu.actions() if action.text()]
    assert texts[:2] == ["Tweestap is locked", "Unlock…"]
    assert all(action.data() is None for action in tray.menu.actions())
    first = r.window.vault  # locked: no account ids to copy
    assert first.accounts == ()
