"""The tray menu: accounts (favourites first) that copy their code with the window's
clipboard hygiene, show/hide, quit; the lock; the icon only where a tray exists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QClipboard, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from desktop.clock import Correction, FixedClock
from desktop.favourites import favourite_ids, set_favourite
from desktop.otp.codes import code_at
from desktop.otp.model import Account
from desktop.settings import APP_LOCK
from desktop.ui.shell.around_window import save_settings
from desktop.ui.shell.tray import ICON_PATH, MAX_ACCOUNTS, Tray, app_icon
from desktop.ui.window.clipboard import sensitive_formats
from tests.helpers.fakes import FakeTimer
from tests.helpers.window_rig import MakeRig, Rig

pytestmark = pytest.mark.gui


@pytest.fixture
def rig(new_rig: MakeRig) -> Rig:
    return new_rig()


def texts(rig: Rig) -> list[str]:
    rig.extras.tray.menu.rebuild()
    return [action.text() for action in rig.extras.tray.menu.menu.actions()]


def test_the_menu_lists_the_accounts_then_show_hide_and_quit(rig: Rig) -> None:
    assert texts(rig) == [
        "Zilliz: jan.jansen@zorg.example",
        "Intranet: jjansen",
        "VPN: jan",
        "",
        "&Hide Tweestap",
        "",
        "&Quit Tweestap",
    ]


def test_favourites_come_first(rig: Rig) -> None:
    window = rig.window
    window.select_account(window.vault.accounts[2].id)  # VPN
    assert window.favourite_action.isEnabled()
    window.favourite_action.trigger()
    assert window.favourite_action.isChecked()
    assert favourite_ids(window.vault) == [window.vault.accounts[2].id]
    assert texts(rig)[:4] == [
        "\u2605 VPN: jan",
        "",
        "Zilliz: jan.jansen@zorg.example",
        "Intranet: jjansen",
    ]
    window.favourite_action.trigger()  # and off again
    assert favourite_ids(window.vault) == []
    assert texts(rig)[0] == "Zilliz: jan.jansen@zorg.example"


def test_choosing_an_account_copies_its_code_as_a_secret_and_wipes_it_later(
    rig: Rig, clock: FixedClock
) -> None:
    window = rig.window
    window.hide()  # works from the tray with the window hidden too
    clock.advance(95)  # the hidden window did not tick; the tray brings it to now
    copied: list[str] = []
    rig.extras.tray.menu.copied.connect(copied.append)
    action = rig.extras.tray.menu.account_actions[1]
    action.trigger()
    account = window.vault.accounts[1]
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData(QClipboard.Mode.Clipboard)
    assert mime is not None
    assert mime.text() == code_at(account, clock.now())
    for mime_type in sensitive_formats():
        assert mime.hasFormat(mime_type)
    assert copied == ["Intranet: jjansen"]
    wipe = window.clipboard.timer
    assert isinstance(wipe, FakeTimer)
    assert wipe.interval() == 30_000
    wipe.fire()
    assert clipboard.text() == ""


def test_the_copied_code_follows_the_clock_correction(rig: Rig, clock: FixedClock) -> None:
    rig.clock.correction = Correction(offset=47.0, measured_at=clock.now())
    rig.extras.tray.menu.copy(rig.window.vault.accounts[0].id)
    expected = code_at(rig.window.vault.accounts[0], clock.now() + 47.0)
    assert QGuiApplication.clipboard().text() == expected


NO_RAISE_OFFSCREEN = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")


@NO_RAISE_OFFSCREEN
def test_a_locked_app_shows_no_accounts_in_the_tray(rig: Rig) -> None:
    save_settings(rig.extras, {APP_LOCK.key: True})
    account_id = rig.window.vault.accounts[0].id
    rig.extras.app_lock.lock()
    assert texts(rig)[:2] == ["Tweestap is locked", "&Unlock…"]
    menu = rig.extras.tray.menu
    assert not menu.account_actions[0].isEnabled()
    assert menu.copy(account_id) is False
    rig.window.hide()
    menu.account_actions[1].trigger()  # Unlock… opens the window with its lock screen
    assert rig.window.isVisible()
    assert rig.window.pages.currentWidget() is rig.extras.app_lock.screen


@NO_RAISE_OFFSCREEN
def test_show_and_hide(rig: Rig) -> None:
    menu = rig.extras.tray.menu
    menu.rebuild()
    menu.toggle_action.trigger()
    assert not rig.window.isVisible()
    assert "&Show Tweestap" in texts(rig)
    menu.toggle_action.trigger()
    assert rig.window.isVisible()
    assert "&Hide Tweestap" in texts(rig)


def test_quit_quits(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_: quits.append(True))
    rig.extras.tray.menu.quit_action.trigger()
    assert quits == [True]


def test_many_accounts_end_with_a_pointer_to_the_window(rig: Rig) -> None:
    vault = rig.window.vault
    vault.add_many(Account(issuer=f"Site {n:02d}", name="jan", secret=b"s" * 20) for n in range(25))
    set_favourite(vault, vault.accounts[-1].id, True)
    shown = texts(rig)
    assert shown[0] == "\u2605 Site 24: jan"
    assert shown.count("") == 3  # after the favourites, before show/hide, before quit
    assert "8 more in the window\u2026" in shown
    assert len(rig.extras.tray.menu.account_actions) == MAX_ACCOUNTS + 1


def test_no_tray_no_icon(rig: Rig) -> None:
    assert not rig.extras.tray.visible
    assert rig.extras.tray.icon is None


class _TitleBarClose(QCloseEvent):
    """A close event as the window manager sends it (spontaneous)."""

    def spontaneous(self) -> bool:
        return True


@pytest.mark.qt_log_ignore(r"systemTrayWindowChanged")  # offscreen has no tray to watch
def test_with_a_tray_the_close_button_hides_to_the_tray(rig: Rig, qtbot: QtBot) -> None:
    tray = Tray(rig.window, available=True)
    assert tray.icon is not None
    assert tray.icon.contextMenu() is tray.menu.menu
    if not QSystemTrayIcon.isSystemTrayAvailable():
        tray.icon.isVisible = lambda: True  # type: ignore[method-assign] # no tray offscreen
    event = _TitleBarClose()
    assert event.type() == QEvent.Type.Close
    assert tray.eventFilter(rig.window, event)
    assert not event.isAccepted()
    assert not rig.window.isVisible()
    assert not tray.eventFilter(rig.window, QCloseEvent())  # File > Quit really closes


def test_the_icon_is_there() -> None:
    assert ICON_PATH.is_file()
    assert not app_icon().isNull()
    assert not app_icon().pixmap(32, 32).isNull()
