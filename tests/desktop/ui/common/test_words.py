"""The Dutch words a person reads: "Gebied selecteren…", menu items as infinitives, one word
for a back-up, window titles that repeat the menu item that opened them, the add dialog
pointing where the key really is, and an admin login hint in an HR administrator's words."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.clock import FixedClock
from desktop.net.embedded_server import EmbeddedServer
from desktop.otp.model import Account
from desktop.ui.add.add_dialog import AddAccountDialog
from desktop.ui.add.region_select import RegionOverlay
from desktop.ui.admin.connect_dialog import ConnectDialog
from desktop.ui.capture.screens import ScreenShot
from desktop.ui.import_export.qr_codes_dialog import AccountQrDialog
from desktop.ui.shell.tray import TrayMenu
from desktop.ui.window.edit_dialog import EditAccountDialog
from desktop.ui.window.main_window import MainWindow
from desktop.vault import Vault
from tests.desktop.conftest import T0
from tests.helpers.layout_checks import DUTCH

pytestmark = pytest.mark.gui

ACCOUNT = Account(issuer="Zilliz", name="jan", secret=b"k" * 20)


@pytest.fixture(autouse=True)
def dutch(qapp: QApplication) -> Iterator[None]:
    assert i18n.install("nl") == "nl"
    yield
    i18n.install("en")


def plain(text: str) -> str:
    """A menu item's words without its shortcut mark and dots."""
    return text.replace("&", "").rstrip("\u2026").strip()


def dutch_texts() -> list[str]:
    return [
        message.findtext("translation") or ""
        for message in ET.parse(DUTCH).getroot().iter("message")
    ]


def test_one_word_for_a_back_up_and_no_region_in_dutch() -> None:
    texts = dutch_texts()
    assert [text for text in texts if "reservekopie" in text.lower()] == []
    assert [text for text in texts if "regio" in text.lower()] == []


def test_select_region_is_gebied_selecteren_and_so_is_its_window(
    qtbot: QtBot, vault: Vault
) -> None:
    dialog = AddAccountDialog(vault, FixedClock(float(T0)))
    qtbot.addWidget(dialog)
    button = plain(dialog.scan_sources.region_button.text())
    assert button == "Gebied selecteren"
    shot = ScreenShot("main", np.zeros((10, 10, 4), dtype=np.uint8), 1.0, (0, 0, 10, 10))
    overlay = RegionOverlay(shot)
    qtbot.addWidget(overlay)
    assert overlay.windowTitle() == button


def test_menu_items_are_infinitives(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(vault, FixedClock(float(T0)))
    qtbot.addWidget(window)
    assert plain(window.lock_action.text()) == "Vergrendelen"
    monkeypatch.setattr(Vault, "is_locked", property(lambda _vault: True))
    tray = TrayMenu(window)
    texts = [plain(action.text()) for action in tray.menu.actions() if action.text()]
    assert texts == [
        "Tweestap is vergrendeld",
        "Ontgrendelen",
        "Tweestap tonen",
        "Tweestap afsluiten",
    ]


def test_window_titles_repeat_the_menu_item_that_opened_them(qtbot: QtBot, vault: Vault) -> None:
    window = MainWindow(vault, FixedClock(float(T0)))
    qtbot.addWidget(window)
    edit = EditAccountDialog(ACCOUNT)
    qr = AccountQrDialog(ACCOUNT)
    login = ConnectDialog(FixedClock(float(T0)))
    for dialog in (edit, qr, login):
        qtbot.addWidget(dialog)
    assert plain(window.edit_action.text()).lower() in edit.windowTitle().lower()
    assert plain(window.transfer.show_qr_action.text()).lower() in qr.windowTitle().lower()
    assert edit.windowTitle() == "Account wijzigen"
    assert qr.windowTitle() == "QR-code tonen \u2013 Zilliz: jan"
    assert login.windowTitle() == "Beheer: inloggen"
    assert plain(window.admin_action.text()) == "Beheer"


def test_the_add_dialog_says_the_key_is_under_the_qr_code(qtbot: QtBot, vault: Vault) -> None:
    dialog = AddAccountDialog(vault, FixedClock(float(T0)))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("onder de QR-code" in text for text in texts)
    assert not any("naast de QR-code" in text for text in texts)


def test_the_admin_login_hint_speaks_an_hr_administrators_language(
    qtbot: QtBot, tmp_path: Path
) -> None:
    embedded = EmbeddedServer(home=tmp_path)
    dialog = ConnectDialog(FixedClock(float(T0)), embedded=embedded)
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.address_hint.text()
    assert dialog.address_hint.isVisible()
    assert "server" not in hint.lower()
    assert hint == (
        "Het adres van de tweestapsverificatie van je organisatie. Heb je geen ander adres "
        "gekregen, laat dit dan staan: Tweestap regelt het zelf op deze computer."
    )
