"""What the main window's tests share: a window on a vault, a row's data, the names shown,
and time moved on by hand."""

from __future__ import annotations

from collections.abc import Callable

from desktop.clock import FixedClock
from desktop.ui.window.accounts_model import Role
from desktop.ui.window.main_window import MainWindow
from desktop.vault import Vault
from tests.helpers.fakes import FakeTimer

MakeWindow = Callable[[Vault], MainWindow]


def row_data(window: MainWindow, row: int, role: int) -> object:
    return window.proxy.index(row, 0).data(role)


def shown_names(window: MainWindow) -> list[str]:
    return [str(row_data(window, row, Role.NAME)) for row in range(window.proxy.rowCount())]


def advance(window: MainWindow, clock: FixedClock, seconds: float) -> None:
    """Let ``seconds`` pass and fire the window's timer as the event loop would."""
    clock.advance(seconds)
    timer = window.tick_timer
    assert isinstance(timer, FakeTimer)
    timer.fire()
