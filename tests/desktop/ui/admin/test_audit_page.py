"""Auditlog: filters by who, whom, what and when, answered by the server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.admin.model import AuditEntry
from desktop.ui.admin.audit_changes import describe_change
from desktop.ui.admin.audit_page import AuditPage
from desktop.ui.admin.panel import AdminWindow
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.server.harness import ADMIN, Harness

pytestmark = pytest.mark.gui


@pytest.fixture
def history(qtbot: QtBot, panel: AdminWindow, harness: Harness) -> Harness:
    """beheerder blocks jan, an hour later piet; piet types a wrong password."""
    harness.add_user("jan")
    harness.add_user("piet")
    panel.session.client.block("jan")
    harness.clock.advance(3600)
    panel.session.client.block("piet")
    harness.login_response("piet", "wrong")
    return harness


def show(qtbot: QtBot, page: AuditPage) -> list[list[str]]:
    QTest.mouseClick(page.search_button, Qt.MouseButton.LeftButton)
    idle(qtbot, page.session)
    return page.shown_rows()


def test_whole_log_newest_first_with_readable_words(
    qtbot: QtBot, panel: AdminWindow, history: Harness
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    rows = panel.audit_page.shown_rows()
    assert rows[0][1:6] == ["piet", "piet", "Login (password)", "wrong password", "127.0.0.1"]
    assert rows[1][1:5] == [ADMIN, "piet", "Blocked", "ok"]
    assert rows[1][6] == "blocked: no \u2192 yes"
    assert panel.audit_page.count_label.text() == f"{len(rows)} entries, newest first"


def test_filter_by_who_whom_and_what(qtbot: QtBot, panel: AdminWindow, history: Harness) -> None:
    page = panel.audit_page
    open_page(qtbot, panel, page)
    page.actor_edit.setText(ADMIN)
    page.action_combo.setCurrentIndex(page.action_combo.findData("block"))
    assert [row[2] for row in show(qtbot, page)] == ["piet", "jan"]
    page.target_edit.setText("jan")
    assert [row[2] for row in show(qtbot, page)] == ["jan"]
    page.actor_edit.setText("niemand")
    assert show(qtbot, page) == []
    assert page.count_label.text() == "0 entries, newest first"


def test_filter_by_when(qtbot: QtBot, panel: AdminWindow, history: Harness) -> None:
    page = panel.audit_page
    open_page(qtbot, panel, page)
    page.action_combo.setCurrentIndex(page.action_combo.findData("block"))
    half_way = history.clock.now() - timedelta(minutes=30)
    moment = QDateTime.fromSecsSinceEpoch(int(half_way.timestamp()))
    page.since_check.setChecked(True)
    page.since_edit.setDateTime(moment)
    assert [row[2] for row in show(qtbot, page)] == ["piet"]
    page.since_check.setChecked(False)
    page.until_check.setChecked(True)
    page.until_edit.setDateTime(moment)
    assert [row[2] for row in show(qtbot, page)] == ["jan"]


def test_limit_keeps_the_newest_entries(qtbot: QtBot, panel: AdminWindow, history: Harness) -> None:
    page = panel.audit_page
    open_page(qtbot, panel, page)
    page.limit_spin.setValue(1)
    rows = show(qtbot, page)
    assert len(rows) == 1 and rows[0][3] == "Login (password)"


def entry(action: str, old: object, new: object) -> AuditEntry:
    return AuditEntry(1, datetime(2025, 1, 1, tzinfo=UTC), "a", "b", action, old, new, None, "ok")


def test_change_column_names_each_changed_field_in_plain_words_old_to_new() -> None:
    changed = entry(
        "user_update", {"modules": [], "admin": False}, {"modules": ["zorg"], "admin": True}
    )
    assert describe_change(changed) == "administrator: no \u2192 yes; modules: (none) \u2192 zorg"
    blocked = entry("block", {"blocked": False}, {"blocked": True})
    assert describe_change(blocked) == "blocked: no \u2192 yes"


def test_a_new_account_lists_what_it_was_given_without_the_empty_fields() -> None:
    created = entry(
        "user_create",
        None,
        # The server stores the keys sorted; they are shown in the account tab's order.
        {"admin": True, "email": None, "ip_allowlist": [], "kind": "employee", "modules": ["p&o"]},
    )
    assert describe_change(created) == "kind: Employee; administrator: yes; modules: p&o"


def test_a_policy_change_uses_the_policy_pages_own_labels() -> None:
    changed = entry(
        "policy_update",
        {"authenticator_validity_hours": 5, "extranet.method": "email"},
        {"authenticator_validity_hours": 3, "extranet.method": "app"},
    )
    assert describe_change(changed) == (
        "extranet users, default method: E-mail \u2192 Authenticator app; "
        "authenticator validity (hours): 5 \u2192 3"
    )


def test_a_reset_says_what_happened_to_the_pairing() -> None:
    reset = entry("reset_2fa", {"enrollment": "active"}, {"enrollment": "not_enrolled"})
    assert describe_change(reset) == "two-step verification: Active \u2192 Not enrolled"


def test_a_login_says_which_step_came_next_and_a_wrong_code_how_many() -> None:
    assert describe_change(entry("login", None, {"next": "enroll"})) == (
        "next step: pair the app (QR code)"
    )
    wrong = entry("verify", None, {"failures": 3, "step": "totp"})
    assert describe_change(wrong) == "wrong codes in a row: 3; step: code from the app"
    mail = entry("activation_mail", None, {"to": "jan@zorg.example"})
    assert describe_change(mail) == "sent to: jan@zorg.example"


def test_the_change_column_in_dutch_has_no_technical_words(qapp: object) -> None:
    assert i18n.install("nl") == "nl"
    try:
        policy = entry(
            "policy_update",
            {"authenticator_validity_hours": 5, "employees.user_adjustable": False},
            {"authenticator_validity_hours": 3, "employees.user_adjustable": True},
        )
        assert describe_change(policy) == (
            "medewerkers, aanpasbaar voor gebruiker: nee \u2192 ja; "
            "geldigheid authenticator (uren): 5 \u2192 3"
        )
        login = entry("login", None, {"next": "enroll"})
        assert describe_change(login) == "volgende stap: app koppelen (QR-code)"
        reset = entry("reset_2fa", {"enrollment": "active"}, {"enrollment": "not_enrolled"})
        assert describe_change(reset) == "tweestapsverificatie: Actief \u2192 Niet gekoppeld"
        blocked = entry("block", {"blocked": False}, {"blocked": True})
        assert describe_change(blocked) == "geblokkeerd: nee \u2192 ja"
    finally:
        i18n.install("en")


def test_a_field_this_version_does_not_know_is_still_shown() -> None:
    future = entry("user_update", {"shoe_size": 41}, {"shoe_size": 42})
    assert describe_change(future) == "shoe_size: 41 \u2192 42"
