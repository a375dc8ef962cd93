""" "Try again" only where trying again can help: a server that could not be reached, or that
was busy for a moment (503 with its ``Retry-After``, 429 with its wait), gets the button,
counting down the wait the server asked for; a refusal (a rule's 422, a right taken away,
an account that is gone) gets its sentence and no button, since the same request would be
refused again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.admin import errors
from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from desktop.ui.admin.panel import AdminWindow
from server_stub.app import create_app
from server_stub.runner import BackgroundServer
from server_stub.schemas.users import UserUpdate
from server_stub.services.context import Actor
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.helpers.fakes import FakeTimer, FakeTimers
from tests.server.harness import ADMIN, Harness

pytestmark = pytest.mark.gui


@pytest.fixture
def timers() -> FakeTimers:
    return FakeTimers()


@pytest.fixture
def window(
    qtbot: QtBot,
    harness: Harness,
    admin_client: AdminClient,
    desktop_clock: FixedClock,
    timers: FakeTimers,
) -> AdminWindow:
    harness.add_user("jan")
    harness.add_user("ext.jansen", kind="extranet")
    desktop_clock.t = harness.clock.now().timestamp()
    made = AdminWindow(admin_client, desktop_clock, timer_factory=timers)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    idle(qtbot, made.session)
    return made


@pytest.fixture
def dutch() -> Iterator[None]:
    assert i18n.install("nl") == "nl"
    yield
    i18n.install("en")


def countdown(timers: FakeTimers) -> FakeTimer:
    (ticking,) = [timer for timer in timers.active() if timer.interval() == 1000]
    return ticking


def choose(qtbot: QtBot, window: AdminWindow, name: str) -> None:
    open_page(qtbot, window, window.users_page)
    window.users_page.select_user(name)


# -- refusals: the sentence, no button -------------------------------------------------------


def test_a_rule_refusal_422_offers_no_try_again(
    qtbot: QtBot, window: AdminWindow, harness: Harness
) -> None:
    choose(qtbot, window, "ext.jansen")
    form = window.users_page.form
    form.admin.yes.click()  # an extranet administrator: refused by the server
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window.session)
    assert window.message.text.startswith("An administrator or an account with module P&O")
    assert not window.message.retry_button.isVisible()
    assert form.admin.value()  # what was typed stays, to be changed and saved again


def test_a_right_taken_away_403_offers_no_try_again(
    qtbot: QtBot, window: AdminWindow, harness: Harness
) -> None:
    harness.services.users.update(
        ADMIN, UserUpdate(modules=["zorg"]).to_domain(), Actor("other admin")
    )
    open_page(qtbot, window, window.policy_page)
    assert window.message.text.startswith("Only administrators with module P&O")
    assert not window.message.retry_button.isVisible()


def test_an_account_that_is_gone_404_offers_no_try_again(
    qtbot: QtBot, window: AdminWindow, harness: Harness
) -> None:
    choose(qtbot, window, "jan")
    with sqlite3.connect(harness.db_path) as database:  # removed behind the panel's back
        database.execute("DELETE FROM users WHERE name = 'jan'")
    window.users_page.form.toggle_block()
    idle(qtbot, window.session)
    assert window.message.text == "There is no account named jan (any more)."
    assert not window.message.retry_button.isVisible()


def test_a_refusal_after_a_transient_failure_forgets_the_earlier_retry(
    qtbot: QtBot, window: AdminWindow
) -> None:
    repeated: list[str] = []
    window.session.problem.emit(errors.ServerUnreachable("http://x"), lambda: repeated.append("x"))
    window.session.problem.emit(errors.Forbidden(), lambda: repeated.append("403"))
    assert not window.message.retry_button.isVisible()
    window.message.retry.emit()
    assert repeated == []


# -- transient failures: the button, after the wait --------------------------------------------


def test_server_unreachable_offers_try_again_at_once(
    qtbot: QtBot, window: AdminWindow, harness: Harness
) -> None:
    harness.server.stop()
    open_page(qtbot, window, window.users_page)
    assert window.message.text.startswith("Cannot reach the server")
    assert window.message.retry_button.isVisible()
    assert window.message.retry_button.isEnabled()
    assert window.message.retry_button.text() == "Try again"
    harness.server = BackgroundServer(create_app(harness.services), port=harness.server.port)
    harness.server.start()
    QTest.mouseClick(window.message.retry_button, Qt.MouseButton.LeftButton)
    idle(qtbot, window.session)
    assert "jan" in window.users_page.shown_names()


def test_a_busy_database_503_offers_try_again_after_its_retry_after(
    qtbot: QtBot, window: AdminWindow, harness: Harness, timers: FakeTimers
) -> None:
    choose(qtbot, window, "jan")
    holder = sqlite3.connect(harness.db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        window.users_page.form.toggle_block()
        idle(qtbot, window.session, timeout=20000)
    finally:
        holder.rollback()
        holder.close()
    button = window.message.retry_button
    assert window.message.text.startswith("The server is busy just now. Try again in 2 seconds")
    assert button.isVisible() and not button.isEnabled()
    assert button.text() == "Try again in 2 s"
    countdown(timers).fire()
    assert button.text() == "Try again in 1 s" and not button.isEnabled()
    countdown(timers).fire()
    assert button.isEnabled() and button.text() == "Try again"
    assert not [timer for timer in timers.active() if timer.interval() == 1000]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    idle(qtbot, window.session)
    assert harness.services.users.get("jan").blocked


def test_a_429_wait_is_counted_down_in_minutes_when_long(
    window: AdminWindow, timers: FakeTimers
) -> None:
    window.session.problem.emit(errors.Throttled(150), lambda: None)
    button = window.message.retry_button
    assert window.message.text == "Too many wrong codes. Wait 150 seconds, then try again."
    assert button.text() == "Try again in 3 min" and not button.isEnabled()
    for _ in range(31):
        countdown(timers).fire()
    assert button.text() == "Try again in 119 s"


def test_the_wait_in_dutch(window: AdminWindow, dutch: None) -> None:
    window.session.problem.emit(errors.ServerBusy(2), lambda: None)
    assert window.message.retry_button.text() == "Opnieuw proberen over 2 s"
    window.session.problem.emit(errors.ServerUnreachable("http://x"), lambda: None)
    assert window.message.retry_button.text() == "Opnieuw proberen"


def test_closing_the_message_stops_the_countdown(window: AdminWindow, timers: FakeTimers) -> None:
    window.session.problem.emit(errors.ServerBusy(5), lambda: None)
    assert countdown(timers)
    window.message.close_message()
    assert not [timer for timer in timers.active() if timer.interval() == 1000]
