"""Auditlog: filters by who, whom, what and when, answered by the server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.admin.model import AuditEntry
from desktop.ui.admin.audit_page import AuditPage, describe_change
from desktop.ui.admin.panel import AdminWindow
from tests.admin.conftest import idle, open_page
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
    assert rows[1][6] == "blocked: false \u2192 true"
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


def test_change_column_names_each_changed_field_old_to_new() -> None:
    entry = AuditEntry(
        id=1,
        at=datetime(2025, 1, 1, tzinfo=UTC),
        actor="a",
        target="b",
        action="user_update",
        old={"modules": [], "admin": False},
        new={"modules": ["zorg"], "admin": True},
        ip=None,
        result="ok",
    )
    assert describe_change(entry) == 'modules: [] \u2192 ["zorg"]; admin: false \u2192 true'
    created = AuditEntry(
        1, entry.at, "a", "b", "user_create", None, {"kind": "employee"}, None, "ok"
    )
    assert describe_change(created) == 'kind: "employee"'
