"""Failures in the middle of a session: the server stopped, the session expired, the right
taken away, a policy the server refuses. Each gives its own sentence and nothing typed is
lost; "Try again" (or logging in again) finishes what was interrupted."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.ui.admin.panel import AdminWindow
from server_stub.app import create_app
from server_stub.runner import BackgroundServer
from server_stub.schemas.users import UserUpdate
from server_stub.services.context import Actor
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.helpers.admin_server import sync
from tests.server.harness import ADMIN, PASSWORD, Harness

pytestmark = pytest.mark.gui


def restart(harness: Harness) -> None:
    """Start the same server (same data, same clock) again on the same port."""
    harness.server = BackgroundServer(create_app(harness.services), port=harness.server.port)
    harness.server.start()


def test_server_stopped_mid_session_keeps_the_typed_policy_and_try_again_saves_it(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.validity_hours.setValue(10)
    page.extranet.enabled.yes.click()
    harness.server.stop()
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert panel.message.kind == "error"
    assert panel.message.text.startswith(f"Cannot reach the server at {harness.url}.")
    assert panel.message.retry_button.isVisible()
    assert page.validity_hours.value() == 10 and page.extranet.enabled.value()
    assert page.has_unsaved_changes()
    restart(harness)
    QTest.mouseClick(panel.message.retry_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    saved = harness.services.policy.get()
    assert saved.authenticator_validity_hours == 10 and saved.extranet.enabled
    assert not page.has_unsaved_changes()


def test_server_stopped_while_loading_accounts_says_so_once_per_attempt(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    harness.server.stop()
    open_page(qtbot, panel, panel.users_page)
    assert panel.message.text.startswith("Cannot reach the server")
    restart(harness)
    QTest.mouseClick(panel.message.retry_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert ADMIN in panel.users_page.shown_names()


def test_expired_session_asks_to_log_in_again_then_finishes_the_save(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, desktop_clock: FixedClock
) -> None:
    page = panel.users_page
    harness.add_user("jan")
    open_page(qtbot, panel, page)
    page.select_user("jan")
    page.form.module_boxes["zorg"].setChecked(True)
    sync(harness, desktop_clock, 8 * 3600 + 60)  # the session (8 hours) is over
    QTest.mouseClick(page.form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    dialog = panel.relogin_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.message.text.startswith("Your session has ended.")
    assert dialog.username_edit.text() == ADMIN and dialog.username_edit.isReadOnly()
    assert page.form.module_boxes["zorg"].isChecked()  # still there
    assert harness.services.users.get("jan").modules == []
    dialog.password_edit.setText(PASSWORD)
    QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1 and not dialog.runner.busy)
    dialog.code_edit.setText(harness.code(ADMIN))
    QTest.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.relogin_dialog is None, timeout=15000)
    idle(qtbot, panel.session)
    assert harness.services.users.get("jan").modules == ["zorg"]
    assert not page.form.has_unsaved_changes()


def test_expired_session_and_cancelled_login_keep_the_edits_and_offer_try_again(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, desktop_clock: FixedClock
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.mail_days.setValue(4)
    sync(harness, desktop_clock, 8 * 3600 + 60)
    page.save()
    idle(qtbot, panel.session)
    assert panel.relogin_dialog is not None
    panel.relogin_dialog.reject()
    assert panel.relogin_dialog is None
    assert panel.message.kind == "warning"
    assert panel.message.text.startswith("You are not logged in. What you typed is kept")
    assert page.mail_days.value() == 4
    QTest.mouseClick(panel.message.retry_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert panel.relogin_dialog is not None  # trying again asks to log in again


def test_admin_whose_p_and_o_right_was_taken_away_gets_the_403_sentence(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    harness.services.users.update(
        ADMIN, UserUpdate(modules=["zorg"]).to_domain(), Actor("other admin")
    )
    open_page(qtbot, panel, panel.policy_page)
    assert panel.message.kind == "error"
    assert panel.message.text.startswith("Only administrators with module P&O")


def test_policy_refused_because_the_cutoff_arrived_meanwhile_is_explained(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, desktop_clock: FixedClock
) -> None:
    harness.store_policy(email_cutoff=date(2025, 3, 4))  # saved before it had passed
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.employees.enabled.no.click()  # allowed on screen: the cut-off is tomorrow
    sync(harness, desktop_clock, 24 * 3600)  # ... and now it is today
    assert panel.session.client.login(ADMIN, PASSWORD) == "totp"  # a session at the new time
    panel.session.client.verify(harness.code(ADMIN))
    page.save()
    idle(qtbot, panel.session)
    assert panel.message.text.startswith("Since the cut-off date two-step verification stays on")
    assert page.employees.value().enabled is False  # what was chosen is still shown
    assert harness.services.policy.get().employees.enabled
