"""A confirmation in the admin panel ("The policy has been saved.") is read and goes: it
clears on the next page or the next action, and fades away by itself after a while.
A failure stays until it is dealt with."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from desktop.ui.admin.panel import AdminWindow
from desktop.ui.admin.widgets import INFO_SHOWN_MS
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.helpers.fakes import FakeTimers

pytestmark = pytest.mark.gui


@pytest.fixture
def timers() -> FakeTimers:
    return FakeTimers()


@pytest.fixture
def window(
    qtbot: QtBot, admin_client: AdminClient, desktop_clock: FixedClock, timers: FakeTimers
) -> AdminWindow:
    made = AdminWindow(admin_client, desktop_clock, timer_factory=timers)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    idle(qtbot, made.session)
    return made


def save_policy(qtbot: QtBot, window: AdminWindow, hours: int) -> None:
    page = window.policy_page
    page.validity_hours.setValue(hours)
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window.session)


def test_a_confirmation_clears_when_another_page_is_chosen(
    qtbot: QtBot, window: AdminWindow
) -> None:
    open_page(qtbot, window, window.policy_page)
    save_policy(qtbot, window, 8)
    assert window.message.text == "The policy has been saved."
    open_page(qtbot, window, window.users_page)
    assert not window.message.isVisible()


def test_a_confirmation_clears_when_the_next_action_starts(
    qtbot: QtBot, window: AdminWindow
) -> None:
    open_page(qtbot, window, window.policy_page)
    save_policy(qtbot, window, 8)
    assert window.message.isVisible()
    save_policy(qtbot, window, 9)  # the second save says so again, nothing stale in between
    assert window.message.text == "The policy has been saved."
    window.overview_page.refresh_button.click()  # an action elsewhere
    assert not window.message.isVisible()


def test_a_confirmation_fades_away_by_itself(
    qtbot: QtBot, window: AdminWindow, timers: FakeTimers
) -> None:
    open_page(qtbot, window, window.policy_page)
    save_policy(qtbot, window, 8)
    fading = [timer for timer in timers.active() if timer.interval() == INFO_SHOWN_MS]
    assert len(fading) == 1
    fading[0].fire()
    qtbot.waitUntil(lambda: not window.message.isVisible(), timeout=3000)


def test_a_failure_stays_on_another_page_until_dealt_with(
    qtbot: QtBot, window: AdminWindow, timers: FakeTimers
) -> None:
    window.message.show_message("The server did not answer.", "error", can_retry=True)
    open_page(qtbot, window, window.audit_page)
    assert window.message.isVisible()
    assert not [timer for timer in timers.active() if timer.interval() == INFO_SHOWN_MS]
