"""An otpauth:// link handed over by the desktop lands in the add dialog for review."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.paths import data_home
from desktop.platform.single_instance import InstanceServer, server_name
from desktop.ui.add.add_dialog import AddAccountDialog, Page
from desktop.ui.window.main_window import MainWindow
from desktop.vault import Vault
from tests.paths import ROOT

pytestmark = pytest.mark.gui

LINK = "otpauth://totp/Zilliz:jan%40zorg.nl?secret=JBSWY3DPEHPK3PXP&issuer=Zilliz"
MakeWindow = Callable[[Vault], MainWindow]


def inspect_modal(qtbot: QtBot, check: Callable[[AddAccountDialog], None]) -> list[bool]:
    """Run ``check`` on the add dialog once it is open (modal), then close it."""
    seen: list[bool] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AddAccountDialog):
            QTimer.singleShot(20, look)
            return
        check(dialog)
        seen.append(True)
        dialog.reject()

    QTimer.singleShot(0, look)
    return seen


def test_link_opens_the_add_dialog_filled_in_and_stores_nothing_until_add(
    make_window: MakeWindow, vault: Vault, qtbot: QtBot
) -> None:
    window = make_window(vault)

    def check(dialog: AddAccountDialog) -> None:
        assert dialog.page is Page.FORM
        assert dialog.key_edit.text() == LINK
        assert dialog.issuer_edit.text() == "Zilliz"
        assert dialog.name_edit.text() == "jan@zorg.nl"
        assert dialog.add_button.isEnabled()

    seen = inspect_modal(qtbot, check)
    window.open_link(LINK)
    assert seen == [True]
    assert list(vault.accounts) == []


def test_link_with_add_pressed_stores_the_account(
    make_window: MakeWindow, vault: Vault, qtbot: QtBot
) -> None:
    window = make_window(vault)

    def add(dialog: AddAccountDialog) -> None:
        dialog.add_button.click()
        assert dialog.page is Page.DONE

    inspect_modal(qtbot, add)
    window.open_link(LINK)
    assert [(a.issuer, a.name) for a in vault.accounts] == [("Zilliz", "jan@zorg.nl")]


def test_link_while_a_dialog_is_open_asks_to_close_it_first(
    make_window: MakeWindow, vault: Vault, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(vault)
    blocker = QMessageBox(window)
    blocker.setModal(True)
    blocker.show()
    messages: list[str] = []
    monkeypatch.setattr(window, "show_message", messages.append)
    window.open_link(LINK)
    assert messages == ["Close the open window first, then open the link again."]
    blocker.close()
    assert list(vault.accounts) == []


def test_link_when_locked_asks_to_unlock_first(
    make_window: MakeWindow, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(vault)
    monkeypatch.setattr(type(vault), "is_locked", property(lambda self: True))
    messages: list[str] = []
    monkeypatch.setattr(window, "show_message", messages.append)
    window.open_link(LINK)
    assert messages == ["Unlock Tweestap first, then open the link again."]


def test_second_start_with_a_link_hands_it_to_the_open_window_and_exits(
    qtbot: QtBot, isolated_environment: Path
) -> None:
    server = InstanceServer(server_name(data_home()))
    assert server.listening
    with qtbot.waitSignal(server.message_received, timeout=20_000) as received:
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop", LINK],
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert received.args == [LINK]
    server.close()
