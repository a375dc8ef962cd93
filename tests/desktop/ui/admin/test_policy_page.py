"""Beleid: the policy page mirrors "Modulegebruik > Tweestapsverificatie" and saves to the
real server; unsaved changes are never dropped without asking."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from desktop.ui.admin import questions
from desktop.ui.admin.panel import AdminWindow
from server_stub.domain.policy import GroupPolicy
from tests.desktop.ui.admin.conftest import Answers, idle, open_page
from tests.server.harness import Harness

pytestmark = pytest.mark.gui


def test_policy_page_shows_the_servers_policy(qtbot: QtBot, panel: AdminWindow) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    assert page.employees.enabled.value() is True
    assert page.employees.method.currentData() == "app"
    assert page.extranet.enabled.value() is False
    assert page.extranet.method.currentData() == "email"
    assert page.validity_hours.value() == 5
    assert page.validity_hours.limits == (0, 24)  # read from the server's OpenAPI
    assert page.mail_days.value() == 0
    assert not page.save_button.isEnabled()  # nothing to save yet


def test_changed_policy_is_saved_and_seen_on_the_server(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.extranet.enabled.yes.click()
    page.extranet.method.setCurrentIndex(page.extranet.method.findData("app"))
    page.extranet.adjustable.yes.click()
    page.validity_hours.setValue(8)
    page.mail_days.setValue(2)
    assert page.has_unsaved_changes()
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    on_server = harness.services.policy.get()
    assert on_server.extranet == GroupPolicy(enabled=True, method="app", user_adjustable=True)
    assert on_server.authenticator_validity_hours == 8
    assert on_server.mail_validity_days == 2
    assert not page.has_unsaved_changes()
    assert panel.message.kind == "info" and "saved" in panel.message.text


def test_cancel_puts_back_what_the_server_has(qtbot: QtBot, panel: AdminWindow) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.validity_hours.setValue(0)
    QTest.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.validity_hours.value() == 5
    assert not page.has_unsaved_changes()


def test_after_the_cutoff_the_employees_switch_is_fixed_and_the_page_says_why(
    qtbot: QtBot, panel: AdminWindow
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    assert not page.employees.enabled.isEnabled()
    assert not page.employees.method.isEnabled()
    assert "Since 17-06-2024" in page.cutoff_note.text()
    assert "no longer accepted" in page.cutoff_note.text()


def test_before_the_cutoff_employees_may_still_choose_e_mail(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    harness.store_policy(email_cutoff=date(2026, 1, 1))  # saved before it had passed
    page = panel.policy_page
    open_page(qtbot, panel, page)
    assert page.employees.enabled.isEnabled() and page.employees.method.isEnabled()
    assert page.cutoff_note.text().startswith("From 01-01-2026")
    page.employees.method.setCurrentIndex(page.employees.method.findData("email"))
    page.save()
    idle(qtbot, panel.session)
    assert harness.services.policy.get().employees.method == "email"


def test_leaving_with_unsaved_changes_asks_and_stay_keeps_the_typed_value(
    qtbot: QtBot, panel: AdminWindow, answers: Answers, harness: Harness
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.validity_hours.setValue(12)
    answers.unsaved = questions.Unsaved.STAY
    panel.show_page(panel.users_page)
    assert answers.unsaved_asked == ["the two-step verification policy"]
    assert panel.stack.currentWidget() is page
    assert panel.sidebar.currentRow() == 1
    assert page.validity_hours.value() == 12
    assert harness.services.policy.get().authenticator_validity_hours == 5


def test_leaving_with_unsaved_changes_and_choosing_save_saves_then_goes(
    qtbot: QtBot, panel: AdminWindow, answers: Answers, harness: Harness
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.validity_hours.setValue(12)
    answers.unsaved = questions.Unsaved.SAVE
    panel.show_page(panel.audit_page)
    idle(qtbot, panel.session)
    assert harness.services.policy.get().authenticator_validity_hours == 12
    assert panel.stack.currentWidget() is panel.audit_page
    assert panel.sidebar.currentRow() == 3


def test_leaving_with_unsaved_changes_and_discarding_restores_the_servers_values(
    qtbot: QtBot, panel: AdminWindow, answers: Answers
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.validity_hours.setValue(12)
    answers.unsaved = questions.Unsaved.DISCARD
    open_page(qtbot, panel, panel.overview_page)
    assert panel.stack.currentWidget() is panel.overview_page
    assert page.validity_hours.value() == 5


def test_closing_the_panel_with_unsaved_policy_asks_first(
    qtbot: QtBot, panel: AdminWindow, answers: Answers
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.mail_days.setValue(9)
    answers.unsaved = questions.Unsaved.STAY
    panel.close()
    assert panel.isVisible()
    assert answers.unsaved_asked == ["the two-step verification policy"]
    answers.unsaved = questions.Unsaved.DISCARD
    panel.close()
    assert not panel.isVisible()


def type_into(field: QAbstractSpinBox, text: str) -> None:
    field.setFocus(Qt.FocusReason.OtherFocusReason)
    field.selectAll()
    QTest.keyClicks(field, text)


def test_typing_30_hours_keeps_30_says_what_is_allowed_and_saves_nothing(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    type_into(page.validity_hours, "30")
    assert page.validity_hours.text() == "30"  # never silently 3
    assert page.validity_hours.value() == 30
    assert page.hours_hint.objectName() == "FieldError"
    assert page.hours_hint.text() == "Choose 0 to 24 hours; 30 is too many."
    page.validity_hours.clearFocus()  # leaving the field changes nothing either
    assert page.validity_hours.text() == "30"
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert harness.services.policy.get().authenticator_validity_hours == 5
    assert page.has_unsaved_changes()
    assert page.validity_hours.hasFocus()
    type_into(page.validity_hours, "24")
    assert page.hours_hint.objectName() == "FieldHint"
    QTest.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert harness.services.policy.get().authenticator_validity_hours == 24


def test_too_many_mail_days_are_refused_with_a_message(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    type_into(page.mail_days, "400")
    assert page.mail_days.text() == "400"
    assert page.days_hint.text() == "Choose 0 to 365 days; 400 is too many."
    page.save()
    idle(qtbot, panel.session)
    assert harness.services.policy.get().mail_validity_days == 0


def test_the_arrows_stop_at_the_limit(qtbot: QtBot, panel: AdminWindow) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.validity_hours.setValue(24)
    page.validity_hours.stepUp()
    assert page.validity_hours.value() == 24


def test_adjustable_by_user_is_explained(qtbot: QtBot, panel: AdminWindow) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    page.extranet.enabled.yes.click()
    assert page.extranet.adjustable.isEnabled()
    assert page.extranet.adjustable_hint.text() == (
        "yes: each user chooses between the authenticator app and e-mail; "
        "no: everyone uses the default method."
    )


def test_after_the_cutoff_adjustable_by_user_cannot_apply_to_employees_and_says_why(
    qtbot: QtBot, panel: AdminWindow
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    assert not page.employees.adjustable.isEnabled()
    assert page.employees.adjustable_hint.text() == (
        "Employees always use the authenticator app since 17-06-2024."
    )


def test_with_two_step_verification_off_the_method_and_choice_cannot_apply(
    qtbot: QtBot, panel: AdminWindow
) -> None:
    page = panel.policy_page
    open_page(qtbot, panel, page)
    assert page.extranet.enabled.value() is False
    assert not page.extranet.method.isEnabled()
    assert not page.extranet.adjustable.isEnabled()
    assert page.extranet.adjustable_hint.text() == (
        "Two-step verification is off for extranet users."
    )
    page.extranet.enabled.yes.click()
    assert page.extranet.method.isEnabled() and page.extranet.adjustable.isEnabled()
    page.extranet.enabled.no.click()
    assert not page.extranet.method.isEnabled()


def test_selecting_a_page_in_the_sidebar_goes_there_as_a_screen_reader_selects(
    qtbot: QtBot, panel: AdminWindow, answers: Answers
) -> None:
    """A screen reader picks a page through the list's selection (AT-SPI Selection),
    which leaves the current row alone; the panel follows the selection too, and still
    asks before leaving unsaved changes."""
    from PySide6.QtCore import QItemSelectionModel

    selection = panel.sidebar.selectionModel()
    selection.select(
        panel.sidebar.model().index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    idle(qtbot, panel.session)
    assert panel.stack.currentWidget() is panel.policy_page
    assert panel.sidebar.currentRow() == 1

    panel.policy_page.validity_hours.setValue(12)
    answers.unsaved = questions.Unsaved.STAY
    selection.select(
        panel.sidebar.model().index(3, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert answers.unsaved_asked == ["the two-step verification policy"]
    assert panel.stack.currentWidget() is panel.policy_page
    assert panel.sidebar.currentRow() == 1
