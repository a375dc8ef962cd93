"""The main window's search, and moving rows (only while the whole list is shown)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.otp.codes import code_at
from desktop.ui.window.accounts_model import Role
from desktop.vault import Vault
from tests.desktop.conftest import T0
from tests.desktop.ui.window.window_checks import MakeWindow, advance, row_data, shown_names

pytestmark = pytest.mark.gui


def test_search_filters_by_issuer_and_name(
    make_window: MakeWindow, three_accounts: Vault, qtbot: QtBot
) -> None:
    window = make_window(three_accounts)
    window.search_action.trigger()
    assert window.focusWidget() is window.search_field
    QTest.keyClicks(window.search_field, "jans")
    assert shown_names(window) == ["jan.jansen@zorg.example", "jjansen"]
    window.search_field.setText("intra JJ")  # every word must match, any case
    assert shown_names(window) == ["jjansen"]
    window.search_field.setText("vpn")
    assert shown_names(window) == ["jan"]
    assert window.pages.currentWidget() is window.view


def test_a_search_without_matches_says_so(
    make_window: MakeWindow, three_accounts: Vault, qtbot: QtBot
) -> None:
    window = make_window(three_accounts)
    window.search_field.setText("bank")
    assert window.pages.currentWidget() is window.no_match
    assert "bank" in window.no_match.text()
    QTest.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.proxy.rowCount() == 3
    assert window.pages.currentWidget() is window.view


def test_search_survives_the_code_changing(
    make_window: MakeWindow, three_accounts: Vault, clock: FixedClock
) -> None:
    window = make_window(three_accounts)
    window.search_field.setText("zilliz")
    advance(window, clock, 30.0)
    assert shown_names(window) == ["jan.jansen@zorg.example"]
    assert row_data(window, 0, Role.CODE) == code_at(three_accounts.accounts[0], T0 + 30)


def test_move_down_and_up_are_saved_in_the_vault(
    make_window: MakeWindow, three_accounts: Vault, open_test_vault: Callable[[], Vault]
) -> None:
    window = make_window(three_accounts)
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    window.down_action.trigger()
    assert shown_names(window) == ["jjansen", "jan.jansen@zorg.example", "jan"]
    assert window.current_account() == three_accounts.accounts[1]  # the moved row stays current
    assert [a.name for a in open_test_vault().accounts] == [
        "jjansen",
        "jan.jansen@zorg.example",
        "jan",
    ]
    window.up_action.trigger()
    assert [a.name for a in open_test_vault().accounts] == [
        "jan.jansen@zorg.example",
        "jjansen",
        "jan",
    ]
    assert not window.up_action.isEnabled()  # already at the top


def test_dragging_a_row_moves_it_in_the_vault(
    make_window: MakeWindow, three_accounts: Vault, open_test_vault: Callable[[], Vault]
) -> None:
    window = make_window(three_accounts)
    window.view.setCurrentIndex(window.proxy.index(2, 0))
    window.view.move_requested.emit(2, 0)  # what the view asks for after a drop
    assert shown_names(window) == ["jan", "jan.jansen@zorg.example", "jjansen"]
    assert [a.name for a in open_test_vault().accounts] == [
        "jan",
        "jan.jansen@zorg.example",
        "jjansen",
    ]


def test_reordering_is_off_while_searching(make_window: MakeWindow, three_accounts: Vault) -> None:
    window = make_window(three_accounts)
    window.search_field.setText("jans")
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    assert not window.down_action.isEnabled()
    assert not window.view.dragEnabled()
    window.view.move_requested.emit(0, 1)
    assert [a.name for a in three_accounts.accounts][:2] == ["jan.jansen@zorg.example", "jjansen"]
