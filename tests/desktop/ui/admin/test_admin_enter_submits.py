"""Enter does what the page's main button does, wherever a person would press it: both
steps of the admin login, the policy, the account tab, the audit log's filters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.ui.admin.connect_dialog import ConnectDialog
from desktop.ui.admin.panel import AdminWindow
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.server.harness import ADMIN, PASSWORD, Harness

pytestmark = pytest.mark.gui


def press_enter(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(widget, Qt.Key.Key_Return)


@pytest.fixture
def dialog(qtbot: QtBot, harness: Harness, desktop_clock: FixedClock) -> Iterator[ConnectDialog]:
    made = ConnectDialog(desktop_clock, address=harness.url)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.runner.wait()
    if made.client is not None:
        made.client.close()


def wait(qtbot: QtBot, dialog: ConnectDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20000)


def test_enter_in_the_password_field_logs_in(
    qtbot: QtBot, harness: Harness, dialog: ConnectDialog
) -> None:
    harness.add_admin()
    harness.enroll(ADMIN)
    dialog.username_edit.setText(ADMIN)
    dialog.password_edit.setText(PASSWORD)
    press_enter(dialog.password_edit)
    wait(qtbot, dialog)
    assert dialog.pages.currentIndex() == 1


def test_enter_in_the_code_field_of_the_code_step_logs_in(
    qtbot: QtBot, harness: Harness, dialog: ConnectDialog
) -> None:
    harness.add_admin()
    harness.enroll(ADMIN)
    dialog.username_edit.setText(ADMIN)
    dialog.password_edit.setText(PASSWORD)
    press_enter(dialog.password_edit)
    wait(qtbot, dialog)
    dialog.code_edit.setText(harness.code(ADMIN))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        press_enter(dialog.code_edit)
    assert dialog.overview is not None


def test_enter_on_the_code_step_with_a_wrong_code_says_so_and_stays(
    qtbot: QtBot, harness: Harness, dialog: ConnectDialog
) -> None:
    harness.add_admin()
    harness.enroll(ADMIN)
    dialog.username_edit.setText(ADMIN)
    dialog.password_edit.setText(PASSWORD)
    press_enter(dialog.password_edit)
    wait(qtbot, dialog)
    dialog.code_edit.setText("000000")
    press_enter(dialog.code_edit)
    wait(qtbot, dialog)
    assert dialog.pages.currentIndex() == 1
    assert dialog.message.text.startswith("That code is not right.")


def test_back_to_the_password_step_enter_logs_in_again(
    qtbot: QtBot, harness: Harness, dialog: ConnectDialog
) -> None:
    harness.add_admin()
    harness.enroll(ADMIN)
    dialog.username_edit.setText(ADMIN)
    dialog.password_edit.setText(PASSWORD)
    press_enter(dialog.password_edit)
    wait(qtbot, dialog)
    dialog.back_to_password()
    press_enter(dialog.password_edit)
    wait(qtbot, dialog)
    assert dialog.pages.currentIndex() == 1


def test_enter_in_a_policy_number_saves_the_policy(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.validity_hours.setValue(8)
    press_enter(page.validity_hours)
    idle(qtbot, panel.session)
    assert harness.services.policy.get().authenticator_validity_hours == 8
    assert not page.has_unsaved_changes()


def test_enter_in_an_account_field_saves_the_account(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    harness.add_user("jan", email="jan@zorg.example")
    page = panel.users_page
    open_page(qtbot, panel, page)
    page.select_user("jan")
    page.form.email_edit.setText("jan.nieuw@zorg.example")
    press_enter(page.form.email_edit)
    idle(qtbot, panel.session)
    assert harness.services.users.get("jan").email == "jan.nieuw@zorg.example"


def test_enter_in_the_new_accounts_name_creates_it(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    page = panel.users_page
    open_page(qtbot, panel, page)
    page.new_account()
    page.form.name_edit.setText("nieuw")
    press_enter(page.form.name_edit)
    idle(qtbot, panel.session)
    assert harness.existing_user("nieuw") is not None


def test_enter_in_the_audit_logs_number_of_entries_shows_them(
    qtbot: QtBot, panel: AdminWindow
) -> None:
    page = panel.audit_page
    open_page(qtbot, panel, page)
    page.limit_spin.setValue(1)
    press_enter(page.limit_spin)
    idle(qtbot, panel.session)
    assert len(page.entries) == 1
