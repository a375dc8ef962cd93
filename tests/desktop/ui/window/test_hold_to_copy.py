"""Press and hold a code to copy it: a short press copies nothing, the row fills while held."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.otp.codes import code_at
from desktop.ui.window.hold_to_copy import HOLD_SECONDS
from desktop.ui.window.main_window import MainWindow
from desktop.vault import Vault
from tests.helpers.fakes import FakeTimer

pytestmark = pytest.mark.gui

MakeWindow = Callable[[Vault], MainWindow]


@pytest.fixture
def window(make_window: MakeWindow, three_accounts: Vault) -> MainWindow:
    QGuiApplication.clipboard().clear()
    return make_window(three_accounts)


def code_point(window: MainWindow, row: int = 0) -> QPoint:
    """A point on the code of ``row`` (left part of the row)."""
    rect = window.view.visualRect(window.proxy.index(row, 0))
    return QPoint(rect.left() + rect.width() // 4, rect.center().y())


def frame_timer(window: MainWindow) -> FakeTimer:
    timer = window.view.hold.timer
    assert isinstance(timer, FakeTimer)
    return timer


def hold(window: MainWindow, qtbot: QtBot, hold_clock: FixedClock, seconds: float) -> None:
    """Press on the first row's code, keep it down ``seconds``, firing the frame timer."""
    QTest.mousePress(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        code_point(window),
    )
    steps = 10
    for _ in range(steps):
        hold_clock.advance(seconds / steps)
        frame_timer(window).fire()


def test_a_short_press_copies_nothing(
    window: MainWindow, qtbot: QtBot, hold_clock: FixedClock
) -> None:
    hold(window, qtbot, hold_clock, 0.3)
    QTest.mouseRelease(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        code_point(window),
    )
    frame_timer(window).fire()
    assert QGuiApplication.clipboard().text() == ""
    assert window.clipboard.pending is None
    assert window.status.toast == ""


def test_a_click_and_a_double_click_copy_nothing(window: MainWindow, qtbot: QtBot) -> None:
    QTest.mouseClick(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        code_point(window),
    )
    QTest.mouseDClick(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        code_point(window),
    )
    assert QGuiApplication.clipboard().text() == ""


def test_holding_copies_the_code_without_the_space(
    window: MainWindow, qtbot: QtBot, hold_clock: FixedClock, clock: FixedClock
) -> None:
    hold(window, qtbot, hold_clock, HOLD_SECONDS + 0.01)
    expected = code_at(window.vault.accounts[0], clock.now())
    assert QGuiApplication.clipboard().text() == expected
    assert window.status.toast == "Code copied to clipboard"
    assert "Code copied to clipboard" in window.status.text()
    assert not frame_timer(window).is_active()  # the gesture is over; no more frames
    QTest.mouseRelease(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        code_point(window),
    )
    assert QGuiApplication.clipboard().text() == expected  # releasing afterwards is harmless


def test_the_row_fills_up_while_held(
    window: MainWindow, qtbot: QtBot, hold_clock: FixedClock
) -> None:
    index = window.proxy.index(0, 0)
    rect = window.view.visualRect(index)
    hold(window, qtbot, hold_clock, 0.3)
    assert window.view.hold.progress(index) == pytest.approx(0.6)
    assert window.view.hold.progress(window.proxy.index(1, 0)) == 0.0
    image = window.view.viewport().grab().toImage()
    y = rect.top() + 3
    filled_x = rect.left() + int(rect.width() * 0.3)  # inside the first 60 %
    empty_x = rect.left() + int(rect.width() * 0.9)
    assert image.pixelColor(filled_x, y) != image.pixelColor(empty_x, y)
    # Letting go early empties the row again.
    QTest.mouseRelease(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        code_point(window),
    )
    image = window.view.viewport().grab().toImage()
    assert image.pixelColor(filled_x, y) == image.pixelColor(empty_x, y)


def test_the_progress_is_gone_after_an_early_release(
    window: MainWindow, qtbot: QtBot, hold_clock: FixedClock
) -> None:
    hold(window, qtbot, hold_clock, 0.3)
    QTest.mouseRelease(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        code_point(window),
    )
    assert window.view.hold.progress(window.proxy.index(0, 0)) == 0.0
    assert not window.view.hold.is_holding()


def test_moving_away_cancels_the_hold(
    window: MainWindow, qtbot: QtBot, hold_clock: FixedClock
) -> None:
    QTest.mousePress(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        code_point(window),
    )
    QTest.mouseMove(window.view.viewport(), code_point(window) + QPoint(40, 0))
    hold_clock.advance(1.0)
    frame_timer(window).fire()
    assert QGuiApplication.clipboard().text() == ""


def test_pressing_the_next_code_button_does_not_start_a_hold(
    window: MainWindow, qtbot: QtBot, hold_clock: FixedClock
) -> None:
    index = window.proxy.index(2, 0)  # the HOTP row
    geometry = window.view.code_delegate.geometry(window.view.visualRect(index), window.view.font())
    QTest.mousePress(
        window.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        geometry.button.center(),
    )
    assert not window.view.hold.is_holding()


def test_enter_copies_the_selected_row(window: MainWindow, qtbot: QtBot, clock: FixedClock) -> None:
    window.view.setFocus()
    window.view.setCurrentIndex(window.proxy.index(1, 0))
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == code_at(window.vault.accounts[1], clock.now())


def test_ctrl_c_copies_the_selected_row(
    window: MainWindow, qtbot: QtBot, clock: FixedClock
) -> None:
    window.view.setFocus()
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    QTest.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == code_at(window.vault.accounts[0], clock.now())


def test_ctrl_c_in_the_search_field_copies_the_search_text(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.search_field.setText("zilliz")
    window.search_field.setFocus()
    window.search_field.selectAll()
    QTest.keyClick(window.search_field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "zilliz"


def test_the_confirmation_goes_away_by_itself(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    assert window.status.toast
    toast_timer = window.status.timer
    assert isinstance(toast_timer, FakeTimer)
    toast_timer.fire()
    assert window.status.toast == ""
    assert window.status.text() == "Press and hold a code to copy it."


def test_the_copied_code_is_wiped_after_thirty_seconds(window: MainWindow, qtbot: QtBot) -> None:
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Return)
    wipe = window.clipboard.timer
    assert isinstance(wipe, FakeTimer)
    assert wipe.interval() == 30_000
    wipe.fire()
    assert QGuiApplication.clipboard().text() == ""
