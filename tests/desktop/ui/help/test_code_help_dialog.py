"""Help > "What to do if a code does not work?" (F1): the login help page's checklist, each
item Tweestap can check itself done live for the chosen account; the login help link and
"ask an administrator to reset" for the rest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop import pairing_history
from desktop.clock import FixedClock
from desktop.otp.model import Account
from desktop.settings import APP_LOCK, CLOCK_SOURCE
from desktop.ui.help.code_help_dialog import CheckRow, CodeHelpDialog, Verdict
from desktop.ui.shell import around_window
from desktop.ui.shell.around_window import save_settings
from desktop.ui.window.accounts_model import Role
from tests.desktop.conftest import T0
from tests.helpers.fakes import FakeTimer
from tests.helpers.window_rig import MakeRig, Rig

pytestmark = pytest.mark.gui


def verdict(row: CheckRow) -> Verdict:
    return row.verdict


def open_help(rig: Rig, qtbot: QtBot, row: int = 0) -> CodeHelpDialog:
    rig.window.view.setCurrentIndex(rig.window.proxy.index(row, 0))
    with qtbot.waitActive(rig.window):  # a window's shortcut needs the window active
        rig.window.activateWindow()
    QTest.keyClick(rig.window.view, Qt.Key.Key_F1)
    dialog = rig.window.findChild(CodeHelpDialog)
    assert dialog is not None, "F1 opened no help"
    qtbot.waitExposed(dialog)
    return dialog


def test_the_help_menu_has_the_checklist_on_f1_the_login_help_and_about(
    new_rig: MakeRig,
) -> None:
    window = new_rig().window
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    help_menu = menus["&Help"]
    assert isinstance(help_menu, QMenu)
    texts = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert texts == [
        "&What to do if a code does not work?\u2026",
        "&Login help (zilliz.nl)",
        "&About Tweestap",
    ]
    assert window.help_action.shortcut().toString() == "F1"


def test_f1_opens_the_checklist_for_the_selected_account(new_rig: MakeRig, qtbot: QtBot) -> None:
    rig = new_rig()
    dialog = open_help(rig, qtbot, row=1)
    assert dialog.account is not None and dialog.account.issuer == "Intranet"
    assert dialog.windowTitle() == "What to do if a code does not work"
    assert not dialog.isModal()  # the codes stay at hand
    # A second F1 brings the same window forward, now for the newly selected account.
    assert open_help(rig, qtbot, row=0) is dialog
    assert dialog.account is not None and dialog.account.issuer == "Zilliz"


def test_the_most_recent_code_is_shown_live_and_a_dying_one_says_wait(
    new_rig: MakeRig, qtbot: QtBot
) -> None:
    rig = new_rig()
    dialog = open_help(rig, qtbot)
    # RFC 6238's SHA1 key at T0 (a 30-second boundary): 30 seconds to go.
    assert verdict(dialog.code_row) is Verdict.OK
    shown = rig.window.model.index(0).data(Role.GROUPED_CODE)  # what the window shows
    assert f"Tweestap shows {shown} now, for 30 more seconds" in dialog.code_row.detail.text()
    assert isinstance(rig.base, FixedClock)
    rig.base.t = T0 + 26
    timer = dialog.timer
    assert isinstance(timer, FakeTimer) and timer.is_active()  # it ticks while shown
    timer.fire()
    assert verdict(dialog.code_row) is Verdict.WARN
    assert f"The code {shown} changes in 4 s: wait for the next one" in (
        dialog.code_row.detail.text()
    )


def test_another_entry_of_the_same_site_is_pointed_out(new_rig: MakeRig, qtbot: QtBot) -> None:
    rig = new_rig()
    dialog = open_help(rig, qtbot)
    assert verdict(dialog.account_row) is Verdict.OK
    assert "jan.jansen@zorg.example at Zilliz" in dialog.account_row.detail.text()
    dialog.close()
    rig.window.vault.add(Account(issuer="zilliz", name="jjansen", secret=b"x" * 20))
    rig.window.show_vault(None)
    dialog = open_help(rig, qtbot)
    assert verdict(dialog.account_row) is Verdict.WARN
    assert "another entry for Zilliz (jjansen)" in dialog.account_row.detail.text()


def test_the_clock_is_compared_again_when_the_help_opens(new_rig: MakeRig, qtbot: QtBot) -> None:
    rig = new_rig()
    rig.extras.settings.update({"server_url": "http://127.0.0.1:8765"})
    rig.measure.off_by(0.4, source="ntp+server")  # type: ignore[attr-defined]
    calls = len(rig.measure.calls)  # type: ignore[attr-defined]
    dialog = open_help(rig, qtbot)
    assert len(rig.measure.calls) == calls + 1  # type: ignore[attr-defined]
    assert verdict(dialog.clock_row) is Verdict.OK
    assert "differs less than 15 seconds from the time server and the 2FA server" in (
        dialog.clock_row.detail.text()
    )

    rig.measure.off_by(47.0)  # type: ignore[attr-defined]
    QTest.mouseClick(dialog.check_again_button, Qt.MouseButton.LeftButton)
    assert verdict(dialog.clock_row) is Verdict.WARN
    assert "47 seconds behind (compared with the time server)" in dialog.clock_row.detail.text()
    assert dialog.correct_button.isVisible()
    QTest.mouseClick(dialog.correct_button, Qt.MouseButton.LeftButton)
    assert rig.extras.clock_check.correction is not None
    assert verdict(dialog.clock_row) is Verdict.OK
    assert "Tweestap corrects its codes" in dialog.clock_row.detail.text()


def test_no_answer_from_any_clock_source_is_said(new_rig: MakeRig, qtbot: QtBot) -> None:
    rig = new_rig()  # FakeMeasure answers None: no network
    dialog = open_help(rig, qtbot)
    assert verdict(dialog.clock_row) is Verdict.WARN
    assert dialog.clock_row.detail.text().startswith("The clock could not be compared")


def test_with_the_clock_check_off_nothing_is_measured(new_rig: MakeRig, qtbot: QtBot) -> None:
    rig = new_rig()
    save_settings(rig.extras, {CLOCK_SOURCE.key: "off"})
    calls = len(rig.measure.calls)  # type: ignore[attr-defined]
    dialog = open_help(rig, qtbot)
    assert len(rig.measure.calls) == calls  # type: ignore[attr-defined]
    assert "The clock check is off" in dialog.clock_row.detail.text()


def test_the_pairing_item_says_when_the_account_was_added_or_replaced(
    new_rig: MakeRig, qtbot: QtBot
) -> None:
    rig = new_rig()
    dialog = open_help(rig, qtbot)
    assert dialog.pairing_row.detail.text().startswith(
        "Tweestap does not know when this account was added."
    )
    assert "show a QR code again" in dialog.pairing_row.detail.text()
    account = rig.window.vault.accounts[0]
    pairing_history.record(rig.window.vault, account.id, at=T0 - 3600, replaced=True)
    dialog.refresh()
    assert "replaced an older entry for the same login on " in dialog.pairing_row.detail.text()


def test_still_not_working_asks_for_a_reset_and_links_the_login_help(
    new_rig: MakeRig, qtbot: QtBot
) -> None:
    dialog = open_help(new_rig(), qtbot)
    text = dialog.reset_row.detail.text()
    assert "administrator with the right to module P&O to reset" in text
    assert "[reset tweestapsverificatie]" in text
    assert 'href="https://zilliz.nl/inloghulp/"' in dialog.login_help.text()


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_login_help_opens_the_page_in_the_web_browser(new_rig: MakeRig) -> None:
    window = new_rig().window
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")  # type: ignore[arg-type]
    try:
        window.login_help_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.opened == ["https://zilliz.nl/inloghulp/"]


def test_a_locked_tweestap_shows_no_help_with_codes_and_locking_closes_it(
    new_rig: MakeRig, qtbot: QtBot
) -> None:
    rig = new_rig()
    save_settings(rig.extras, {APP_LOCK.key: True})
    dialog = open_help(rig, qtbot)
    rig.extras.app_lock.lock()
    assert not dialog.isVisible()
    assert around_window.open_help(rig.extras) is None
    assert all(not d.isVisible() for d in rig.window.findChildren(CodeHelpDialog))
    assert QApplication.activeModalWidget() is None
