"""Medewerkers: the list (states, last login, search, sort) and the Account tab's buttons,
each checked on the real server."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.ui.admin import questions
from desktop.ui.admin.panel import AdminWindow
from desktop.ui.admin.users_model import Column
from desktop.ui.admin.users_page import UsersPage
from server_stub.services.context import Actor
from tests.desktop.ui.admin.conftest import Answers, idle, open_page
from tests.server.harness import ADMIN, Harness

pytestmark = pytest.mark.gui


def column(page: UsersPage, col: Column) -> dict[str, str]:
    return {
        str(page.proxy.index(row, Column.NAME).data()): str(page.proxy.index(row, col).data())
        for row in range(page.proxy.rowCount())
    }


@pytest.fixture
def staff(harness: Harness) -> Harness:
    """paired (jan), half-paired (eva), never logged in (daan), blocked (frank), extranet."""
    harness.add_user("jan", email="jan@zorg.example")
    harness.enroll("jan")
    harness.add_user("eva", email="eva@zorg.example")
    harness.login("eva")  # saw the QR code, entered no code
    harness.add_user("daan")
    harness.add_user("frank")
    harness.services.admin.block("frank", Actor("test"))
    harness.add_user("ext.jansen", kind="extranet", email="ext@partner.example")
    return harness


def users(qtbot: QtBot, panel: AdminWindow) -> UsersPage:
    open_page(qtbot, panel, panel.users_page)
    return panel.users_page


def choose(qtbot: QtBot, page: UsersPage, name: str) -> None:
    page.select_user(name)
    assert page.form.user is not None and page.form.user.name == name


def test_list_shows_each_employees_2fa_state_blocked_and_admin(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    states = column(page, Column.TWO_FA)
    assert states == {
        ADMIN: "Active",
        "daan": "Not enrolled",
        "eva": "Pairing not finished",
        "frank": "Not enrolled",
        "jan": "Active",
    }  # employees only: the extranet user is under its own choice
    assert column(page, Column.BLOCKED)["frank"] == "yes"
    assert column(page, Column.BLOCKED)["jan"] == ""
    assert column(page, Column.ADMIN)[ADMIN] == "yes (P&O)"
    assert page.count_label.text() == "5 of 6 accounts shown"


def test_last_login_shows_completed_logins_only(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    last = column(page, Column.LAST_LOGIN)
    assert last["jan"].startswith("2025-03-03")
    assert last["eva"] == ""  # a password without a code is no login
    assert last["daan"] == ""


def test_search_matches_name_or_e_mail_and_kind_choice_shows_extranet_users(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    page.search_field.setText("ZORG.example")
    assert sorted(page.shown_names()) == ["eva", "jan"]
    page.search_field.setText("partner")
    assert page.shown_names() == []
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("extranet"))
    assert page.shown_names() == ["ext.jansen"]
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(None))
    page.search_field.clear()
    assert len(page.shown_names()) == 6


def test_sorting_by_2fa_state_puts_not_enrolled_first(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    page.table.sortByColumn(Column.TWO_FA, Qt.SortOrder.AscendingOrder)
    states = [str(page.proxy.index(r, Column.TWO_FA).data()) for r in range(page.proxy.rowCount())]
    assert states == ["Not enrolled", "Not enrolled", "Pairing not finished", "Active", "Active"]
    page.table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert page.shown_names() == ["jan", "frank", "eva", "daan", ADMIN]


def test_account_tab_shows_the_chosen_account(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "jan")
    form = page.form
    assert form.name_edit.text() == "jan" and form.name_edit.isReadOnly()
    assert form.email_edit.text() == "jan@zorg.example"
    assert form.password_label.text() == "set"
    assert form.twofa_label.text() == "Active"
    assert form.admin.value() is False and form.location_manager.value() is False
    assert form.block_button.text() == "block"
    assert not form.save_button.isEnabled()


def test_reset_2fa_asks_what_happens_and_the_next_login_asks_to_enroll(
    qtbot: QtBot, panel: AdminWindow, staff: Harness, answers: Answers
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "jan")
    assert staff.login("jan").next == "totp"
    QTest.mouseClick(page.form.reset_2fa_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    title, text = answers.confirmations[-1]
    assert title == "Reset two-step verification"
    assert "new QR code" in text and "jan" in text
    assert page.form.twofa_label.text() == "Not enrolled"
    assert column(page, Column.TWO_FA)["jan"] == "Not enrolled"
    assert staff.login("jan").next == "enroll"


def test_reset_2fa_refused_in_the_question_changes_nothing(
    qtbot: QtBot, panel: AdminWindow, staff: Harness, answers: Answers
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "jan")
    answers.confirm = False
    QTest.mouseClick(page.form.reset_2fa_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert staff.login("jan").next == "totp"


def test_block_then_unblock_changes_the_login_and_the_button(
    qtbot: QtBot, panel: AdminWindow, staff: Harness, answers: Answers
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "daan")
    form = page.form
    QTest.mouseClick(form.block_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert "can no longer log in" in answers.confirmations[-1][1]
    assert form.block_button.text() == "unblock"
    assert form.blocked_label.isVisible()
    assert staff.login_response("daan").json() == {"detail": "blocked"}
    QTest.mouseClick(form.block_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert len(answers.confirmations) == 1  # unblocking is not asked
    assert form.block_button.text() == "block"
    assert staff.login_response("daan").status_code == 200


def test_own_account_cannot_be_blocked(qtbot: QtBot, panel: AdminWindow) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, ADMIN)
    assert not page.form.block_button.isEnabled()


def test_invalid_ip_list_is_shown_at_the_field_and_not_sent(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "jan")
    form = page.form
    form.ip_edit.setText("10.0.0.1, 10.0.0.300")
    assert form.ip_error.isVisible()
    assert "10.0.0.300" in form.ip_error.text()
    assert form.save_button.isEnabled()  # saving says what is wrong instead of doing nothing
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert form.ip_error.isVisible()
    assert staff.services.users.get("jan").ip_allowlist == []
    assert form.ip_edit.text() == "10.0.0.1, 10.0.0.300"  # nothing typed is lost


def test_valid_ip_list_is_saved_in_the_servers_form_and_limits_the_login(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "daan")
    form = page.form
    form.ip_edit.setText(" 192.0.2.0/24 ,192.0.2.9 ")
    assert not form.ip_error.isVisible()
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert staff.services.users.get("daan").ip_allowlist == ["192.0.2.0/24", "192.0.2.9"]
    assert form.ip_edit.text() == "192.0.2.0/24, 192.0.2.9"
    assert staff.login_response("daan").json() == {"detail": "ip_not_allowed"}
    form.ip_edit.clear()  # empty: no restriction
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert staff.login_response("daan").status_code == 200


def test_the_seeds_ip_hint_is_on_the_account_tab(qtbot: QtBot, panel: AdminWindow) -> None:
    page = users(qtbot, panel)
    texts = [label.text() for label in page.form.findChildren(type(page.form.title))]
    assert (
        "Nothing filled in? Then no restriction on IP address. Separate several IP addresses "
        "with a comma." in texts
    )
    assert "An administrator can change settings. Other users cannot." in texts


def test_modules_admin_and_location_manager_are_saved(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "jan")
    form = page.form
    form.module_boxes["zorg"].setChecked(True)
    form.module_boxes["p&o"].setChecked(True)
    form.admin.yes.click()
    form.location_manager.yes.click()
    form.email_edit.setText("jan.nieuw@zorg.example")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    saved = staff.services.users.get("jan")
    assert saved.modules == ["p&o", "zorg"]
    assert saved.admin and saved.location_manager
    assert saved.email == "jan.nieuw@zorg.example"
    assert column(page, Column.ADMIN)["jan"] == "yes (P&O)"


def test_an_action_keeps_edits_that_were_not_saved(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "daan")
    form = page.form
    form.module_boxes["zorg"].setChecked(True)
    form.ip_edit.setText("192.0.2.1")
    QTest.mouseClick(form.block_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert form.block_button.text() == "unblock"
    assert form.module_boxes["zorg"].isChecked()
    assert form.ip_edit.text() == "192.0.2.1"
    assert form.has_unsaved_changes()


def test_choosing_another_account_with_unsaved_edits_asks_and_stay_keeps_them(
    qtbot: QtBot, panel: AdminWindow, staff: Harness, answers: Answers
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "daan")
    page.form.module_boxes["zorg"].setChecked(True)
    answers.unsaved = questions.Unsaved.STAY
    page.select_user("jan")
    assert answers.unsaved_asked == ["the account of daan"]
    assert page.form.user is not None and page.form.user.name == "daan"
    assert page.form.module_boxes["zorg"].isChecked()
    selected = page.table.selectionModel().currentIndex()
    assert selected.siblingAtColumn(Column.NAME).data() == "daan"


def test_choosing_another_account_and_saving_saves_first(
    qtbot: QtBot, panel: AdminWindow, staff: Harness, answers: Answers
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "daan")
    page.form.module_boxes["zorg"].setChecked(True)
    answers.unsaved = questions.Unsaved.SAVE
    page.select_user("jan")
    idle(qtbot, panel.session)
    assert staff.services.users.get("daan").modules == ["zorg"]
    assert page.form.user is not None and page.form.user.name == "jan"


def test_throttled_employee_gets_allow_codes_again(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    login = staff.login("jan")
    for _ in range(6):
        staff.verify(login, "000000")
    page = users(qtbot, panel)
    choose(qtbot, page, "jan")
    form = page.form
    assert form.clear_throttle_button.isVisible()
    assert form.throttle_label.text().startswith("5 wrong codes in a row. Next try allowed at")
    QTest.mouseClick(form.clear_throttle_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert not form.clear_throttle_button.isVisible()
    assert staff.verify(login, staff.code("jan")).status_code == 200


def test_activation_mail_without_address_says_which_account(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "daan")
    QTest.mouseClick(page.form.activation_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert panel.message.kind == "error"
    assert "daan has no e-mail address" in panel.message.text
    choose(qtbot, page, "jan")
    QTest.mouseClick(page.form.activation_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert panel.message.kind == "info"
    assert "j***@zorg.example" in panel.message.text
    assert staff.outbox()[-1]["To"] == "jan@zorg.example"


def test_reset_password_asks_and_removes_the_password(
    qtbot: QtBot, panel: AdminWindow, staff: Harness, answers: Answers
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "jan")
    QTest.mouseClick(page.form.reset_password_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert "activation mail" in answers.confirmations[-1][1]
    assert page.form.password_label.text() == "not set (waiting for activation)"
    assert staff.login_response("jan").status_code == 401


def test_new_account_is_created_and_chosen_and_a_taken_name_is_refused(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    QTest.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    form = page.form
    assert form.new_mode and not form.name_edit.isReadOnly()
    form.name_edit.setText("jan")
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert form.form_error.isVisible() and "jan already exists" in form.form_error.text()
    form.name_edit.setText("nina")
    form.email_edit.setText("nina@zorg.example")
    form.module_boxes["zorg"].setChecked(True)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    created = staff.services.users.get("nina")
    assert (created.kind, created.modules, created.email) == (
        "employee",
        ["zorg"],
        "nina@zorg.example",
    )
    assert form.user is not None and form.user.name == "nina" and not form.new_mode
    assert "nina" in page.shown_names()


def test_new_account_with_an_impossible_name_is_refused_before_sending(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    page.new_account()
    page.form.name_edit.setText("-jan met spaties")
    page.form.save()
    assert page.form.form_error.isVisible()
    assert "starts with a letter or digit" in page.form.form_error.text()
    assert not panel.session.busy


@pytest.mark.parametrize(
    "typed",
    ["jan\x1b[31m@zorg.example", "jan@zorg.example\x00", "jan@\u202eelpmaxe.groz"],
    ids=["escape_sequence", "nul", "bidirectional_override"],
)
def test_an_e_mail_address_with_a_control_character_is_refused_and_nothing_is_saved(
    qtbot: QtBot, panel: AdminWindow, staff: Harness, typed: str
) -> None:
    page = users(qtbot, panel)
    choose(qtbot, page, "jan")
    form = page.form
    form.email_edit.setText(typed)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert form.email_error.isVisible()
    shown = form.email_error.text()
    assert "is not an e-mail address" in shown
    assert not any(char in shown for char in "\x1b\x00\u202e")  # quoted escaped
    assert staff.services.users.get("jan").email == "jan@zorg.example"


def test_the_method_column_shows_each_extranet_users_own_choice(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    staff.add_user("ext.app", kind="extranet", email="app@partner.example")
    staff.services.users.choose_method("ext.app", "app", Actor("ext.app"))
    policy = staff.services.policy.get()
    extranet = replace(policy.extranet, enabled=True, user_adjustable=True)
    staff.services.policy.update(replace(policy, extranet=extranet), Actor("test"))
    page = users(qtbot, panel)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("extranet"))

    methods = column(page, Column.METHOD)

    assert methods == {"ext.app": "Authenticator app (own choice)", "ext.jansen": "E-mail"}
    row = page.shown_names().index("ext.app")
    tip = page.proxy.index(row, Column.METHOD).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "The user chose this method themselves."


def test_the_method_column_says_off_where_two_step_verification_is_off(
    qtbot: QtBot, panel: AdminWindow, staff: Harness
) -> None:
    page = users(qtbot, panel)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("extranet"))
    assert column(page, Column.METHOD) == {"ext.jansen": "off"}
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("employee"))
    assert set(column(page, Column.METHOD).values()) == {"Authenticator app"}
