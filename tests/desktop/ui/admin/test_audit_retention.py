"""The audit log's retention on the Auditlog page: shown as the server has it, changed in place
(Enter saves), bounded by what the server declares, a number out of range explained and not
sent, a shorter retention asked first, confirmed like every other save."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.admin.contract import RetentionLimits
from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from desktop.ui.admin import questions
from desktop.ui.admin.audit_retention import RetentionRow
from desktop.ui.admin.panel import AdminWindow
from tests.desktop.ui.admin.conftest import Answers, idle, open_page
from tests.server.harness import Harness

pytestmark = pytest.mark.gui


def retention_of(panel: AdminWindow) -> RetentionRow:
    row = panel.audit_page.retention
    assert row is not None
    return row


def type_days(row: RetentionRow, text: str) -> None:
    row.spin.setFocus(Qt.FocusReason.OtherFocusReason)
    row.spin.selectAll()
    QTest.keyClicks(row.spin, text)


def stored(harness: Harness) -> int:
    return harness.services.audit.retention()


def test_the_page_shows_the_servers_retention_and_its_bounds(
    qtbot: QtBot, panel: AdminWindow
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    row = retention_of(panel)
    assert row.label.text() == "Audit log retention:"
    assert row.spin.text() == "365 days"
    assert row.hint.text() == "30 to 3650 days; older entries are removed automatically."
    assert not row.save_button.isEnabled()  # nothing changed yet


def test_enter_saves_a_shorter_retention_after_asking_and_confirms_it(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, answers: Answers
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    row = retention_of(panel)
    type_days(row, "90")
    QTest.keyClick(row.spin, Qt.Key.Key_Return)
    idle(qtbot, panel.session)
    (title, text) = answers.confirmations[-1]
    assert title == "Shorten the audit log retention"
    assert text.startswith("Keep audit log entries 90 days instead of 365?")
    assert stored(harness) == 90
    assert panel.message.kind == "info"
    assert panel.message.text == "The audit log now keeps entries 90 days."
    assert not panel.audit_page.has_unsaved_changes()


def test_a_longer_retention_is_saved_without_a_question(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, answers: Answers
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    row = retention_of(panel)
    type_days(row, "730")
    QTest.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert answers.confirmations == []
    assert stored(harness) == 730


def test_declining_the_question_sends_nothing_and_keeps_the_number(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, answers: Answers
) -> None:
    answers.confirm = False
    open_page(qtbot, panel, panel.audit_page)
    row = retention_of(panel)
    type_days(row, "30")
    row.save()
    idle(qtbot, panel.session)
    assert stored(harness) == 365
    assert row.spin.value() == 30 and panel.audit_page.has_unsaved_changes()


@pytest.mark.parametrize(
    ("typed", "explained"),
    [
        ("10", "Choose 30 to 3650 days; 10 is too few."),
        ("5000", "Choose 30 to 3650 days; 5000 is too many."),
    ],
)
def test_a_number_out_of_range_stays_is_explained_and_is_not_sent(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, typed: str, explained: str
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    row = retention_of(panel)
    type_days(row, typed)
    assert row.spin.cleanText() == typed  # never silently changed
    assert row.hint.objectName() == "FieldError"
    assert row.hint.text() == explained
    row.spin.clearFocus()
    assert row.spin.cleanText() == typed
    row.spin.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(row.spin, Qt.Key.Key_Return)
    idle(qtbot, panel.session)
    assert stored(harness) == 365
    assert row.spin.hasFocus()
    type_days(row, "400")
    assert row.hint.objectName() == "FieldHint"


def test_the_arrows_stop_at_the_servers_bounds(qtbot: QtBot, panel: AdminWindow) -> None:
    open_page(qtbot, panel, panel.audit_page)
    row = retention_of(panel)
    row.spin.setValue(3650)
    row.spin.stepUp()
    assert row.spin.value() == 3650
    row.spin.setValue(30)
    row.spin.stepDown()
    assert row.spin.value() == 30


def test_leaving_the_page_with_a_changed_retention_asks(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, answers: Answers
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    type_days(retention_of(panel), "400")
    answers.unsaved = questions.Unsaved.SAVE
    open_page(qtbot, panel, panel.policy_page)
    assert answers.unsaved_asked == ["the audit log retention"]
    assert stored(harness) == 400
    assert panel.stack.currentWidget() is panel.policy_page


def test_the_bounds_are_the_ones_the_server_declares(
    qtbot: QtBot, harness: Harness, admin_client: AdminClient, desktop_clock: FixedClock
) -> None:
    declared = RetentionLimits(min_days=60, max_days=400, default_days=365)
    admin_client._contract = dataclasses.replace(admin_client.contract, audit_retention=declared)
    window = AdminWindow(admin_client, desktop_clock)
    qtbot.addWidget(window)
    window.show()
    open_page(qtbot, window, window.audit_page)
    row = retention_of(window)
    assert row.hint.text() == "60 to 400 days; older entries are removed automatically."
    type_days(row, "50")
    assert row.hint.text() == "Choose 60 to 400 days; 50 is too few."


def test_a_server_without_a_retention_setting_shows_no_retention(
    qtbot: QtBot, harness: Harness, admin_client: AdminClient, desktop_clock: FixedClock
) -> None:
    admin_client._contract = dataclasses.replace(admin_client.contract, audit_retention=None)
    window = AdminWindow(admin_client, desktop_clock)
    qtbot.addWidget(window)
    window.show()
    open_page(qtbot, window, window.audit_page)
    assert window.audit_page.retention is None
    assert not window.audit_page.has_unsaved_changes()
    assert window.audit_page.shown_rows()  # the log itself is there


@pytest.fixture
def dutch(qtbot: QtBot) -> Iterator[None]:
    assert i18n.install("nl") == "nl"
    yield
    i18n.install("en")


def test_the_retention_in_dutch(
    qtbot: QtBot, dutch: None, harness: Harness, panel: AdminWindow
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    row = retention_of(panel)
    assert row.label.text() == "Bewaartermijn auditlog:"
    assert row.spin.text() == "365 dagen"
    assert row.hint.text() == "30 tot en met 3650 dagen; oudere regels worden vanzelf verwijderd."
    type_days(row, "10")
    assert row.hint.text() == "Kies 30 tot en met 3650 dagen; 10 is te weinig."
    type_days(row, "90")
    row.save()
    idle(qtbot, panel.session)
    assert panel.message.text == "Het auditlog bewaart regels nu 90 dagen."
