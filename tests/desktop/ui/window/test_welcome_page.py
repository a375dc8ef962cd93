"""The main window without accounts: the welcome page, and what it leads to."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QDialog,
)
from pytestqt.qtbot import QtBot

from desktop.otp.model import Account
from desktop.ui.window.accounts_model import Role
from desktop.vault import Vault
from tests.desktop.conftest import totp
from tests.desktop.ui.window.window_checks import MakeWindow, row_data, shown_names

pytestmark = pytest.mark.gui


def test_an_empty_vault_shows_how_to_add_the_first_account(
    make_window: MakeWindow,
    vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    window = make_window(vault)
    assert window.pages.currentWidget() is window.empty_state
    assert not window.header.isVisible()  # the welcome page has its own button

    class FakeAddDialog:
        def __init__(self, vault: Vault, clock: object, parent: object, **options: object) -> None:
            assert callable(options["copy_code"])  # the window's safe clipboard
            self.vault = vault
            self.added_account: Account | None = None

        def exec(self) -> int:
            self.added_account = self.vault.add(totp("Zilliz", "jan"))
            return 1

        def deleteLater(self) -> None:  # noqa: N802 - Qt's name
            pass

    import desktop.ui.add.add_dialog

    monkeypatch.setattr(desktop.ui.add.add_dialog, "AddAccountDialog", FakeAddDialog)
    QTest.mouseClick(window.empty_state.add_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.view
    assert shown_names(window) == ["jan"]
    assert window.current_account() == vault.accounts[0]
    assert window.header.isVisible()


def test_the_welcome_page_comes_back_after_deleting_the_last_account(
    make_window: MakeWindow, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.add(totp("Zilliz", "jan"))
    window = make_window(vault)
    import desktop.ui.window.edit_dialog

    monkeypatch.setattr(
        desktop.ui.window.edit_dialog, "confirm_delete", lambda parent, account: True
    )
    window.delete_action.trigger()
    assert vault.accounts == ()
    assert window.pages.currentWidget() is window.empty_state
    assert window.status.toast == "Account deleted"


def test_declining_the_delete_question_keeps_the_account(
    make_window: MakeWindow, three_accounts: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(three_accounts)
    import desktop.ui.window.edit_dialog

    monkeypatch.setattr(
        desktop.ui.window.edit_dialog, "confirm_delete", lambda parent, account: False
    )
    window.delete_action.trigger()
    assert len(three_accounts.accounts) == 3


def test_editing_renames_in_the_vault(
    make_window: MakeWindow, three_accounts: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(three_accounts)
    window.view.setCurrentIndex(window.proxy.index(1, 0))

    class FakeEditDialog:
        result_issuer = "Intranet West"
        result_name = "j.jansen"

        def __init__(self, account: Account, parent: object) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

        def deleteLater(self) -> None:  # noqa: N802 - Qt's name
            pass

    import desktop.ui.window.edit_dialog

    monkeypatch.setattr(desktop.ui.window.edit_dialog, "EditAccountDialog", FakeEditDialog)
    window.edit_action.trigger()
    assert three_accounts.accounts[1].label == "Intranet West: j.jansen"
    assert row_data(window, 1, Role.ISSUER) == "Intranet West"
    assert window.current_account() == three_accounts.accounts[1]
