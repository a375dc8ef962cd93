"""Overzicht: counts and chart per group, the P&O administrators warning, the CSV export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.admin import overview_page
from desktop.ui.admin.panel import AdminWindow
from server_stub.services.context import Actor
from tests.desktop.ui.admin.conftest import idle
from tests.server.harness import ADMIN, Harness

pytestmark = pytest.mark.gui


@pytest.fixture
def organisation(harness: Harness) -> Harness:
    harness.add_user("jan", email="jan@zorg.example")
    harness.enroll("jan")
    harness.add_user("eva", email="=HYPERLINK(1)@zorg.example")
    harness.login("eva")  # pairing not finished
    harness.add_user("daan")
    harness.add_user("frank")
    harness.services.admin.block("frank", Actor("test"))
    harness.add_user("ext.een", kind="extranet")
    harness.add_user("ext.twee", kind="extranet")
    return harness


def refresh(qtbot: QtBot, panel: AdminWindow) -> None:
    QTest.mouseClick(panel.overview_page.refresh_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)


def test_counts_per_group_and_state(
    qtbot: QtBot, panel: AdminWindow, organisation: Harness
) -> None:
    refresh(qtbot, panel)
    page = panel.overview_page
    shown = {key: label.text() for key, label in page.count_labels.items()}
    assert shown[("employees", "active")] == "2"  # jan and the administrator
    assert shown[("employees", "pending")] == "1"
    assert shown[("employees", "not_enrolled")] == "2"
    assert shown[("employees", "blocked")] == "1"
    assert shown[("employees", "total")] == "5"
    assert shown[("extranet", "total")] == "2"
    assert shown[("extranet", "not_enrolled")] == "2"


def test_chart_draws_one_bar_per_group_with_every_state(
    qtbot: QtBot, panel: AdminWindow, organisation: Harness
) -> None:
    refresh(qtbot, panel)
    chart = panel.overview_page.chart
    assert chart.describe() == (
        "Employees: Active 2, Pairing not finished 1, Not enrolled 2; "
        "Extranet users: Active 0, Pairing not finished 0, Not enrolled 2"
    )
    image = chart.grab().toImage()
    colours = {image.pixelColor(x, 18).name() for x in range(image.width())}
    assert {"#2e7d46", "#e0a526", "#9aa3ad"} <= colours  # green, amber and grey parts drawn


def test_one_p_and_o_administrator_is_warned_about_and_two_are_not(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    page = panel.overview_page
    assert page.warning.isVisible()
    assert page.warning.text.startswith("Only 1 administrator(s) with module P&O.")
    assert page.admins_label.text() == "Administrators with module P&O: 1"
    harness.add_admin("tweede", modules=("p&o + r",))
    refresh(qtbot, panel)
    assert not page.warning.isVisible()
    assert page.admins_label.text() == "Administrators with module P&O: 2"


def test_export_lists_employees_without_finished_pairing_safely(
    qtbot: QtBot,
    panel: AdminWindow,
    organisation: Harness,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "export.csv"
    monkeypatch.setattr(overview_page, "ask_csv_path", lambda _parent, _name: target)
    QTest.mouseClick(panel.overview_page.export_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    with open(target, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == [
        "username",
        "e-mail address",
        "two-step verification",
        "blocked",
        "last login",
    ]
    assert sorted(rows[1:]) == [
        ["daan", "", "Not enrolled", "no", ""],
        ["eva", "'=HYPERLINK(1)@zorg.example", "Pairing not finished", "no", ""],
        ["frank", "", "Not enrolled", "yes", ""],
    ]  # no paired employee (jan, the admin), no extranet user
    assert panel.message.text == f"3 employees written to {target}."
    assert ADMIN not in target.read_text(encoding="utf-8-sig")


def test_export_cancelled_in_the_file_dialog_writes_nothing(
    qtbot: QtBot, panel: AdminWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(overview_page, "ask_csv_path", lambda _parent, _name: None)
    QTest.mouseClick(panel.overview_page.export_button, Qt.MouseButton.LeftButton)
    assert not panel.session.busy
    assert not panel.message.isVisible()


def test_export_to_a_folder_that_cannot_be_written_says_so(
    qtbot: QtBot, panel: AdminWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "missing" / "export.csv"
    monkeypatch.setattr(overview_page, "ask_csv_path", lambda _parent, _name: target)
    QTest.mouseClick(panel.overview_page.export_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert panel.message.kind == "error"
    assert panel.message.text.startswith(f"Could not write {target}")


def rows_in_order(page: overview_page.OverviewPage, group: str) -> list[tuple[str, int]]:
    """(label, number) of each row of the counts table, top to bottom, for ``group``."""
    column = 1 if group == "employees" else 2
    rows = []
    for row in range(1, page.counts.rowCount()):
        label_item = page.counts.itemAtPosition(row, 0)
        number_item = page.counts.itemAtPosition(row, column)
        if label_item is None or number_item is None:
            continue
        label, number = label_item.widget(), number_item.widget()
        if not isinstance(label, QLabel) or not isinstance(number, QLabel):
            continue  # the rule above the total
        rows.append((label.text(), int(number.text())))
    return rows


@pytest.mark.parametrize("group", ["employees", "extranet"])
def test_the_rows_above_total_add_up_to_total_and_blocked_says_it_is_part_of_them(
    qtbot: QtBot, panel: AdminWindow, organisation: Harness, group: str
) -> None:
    refresh(qtbot, panel)
    rows = rows_in_order(panel.overview_page, group)
    labels = [label for label, _number in rows]
    total_at = labels.index("Total")
    assert sum(number for _label, number in rows[:total_at]) == rows[total_at][1]
    assert labels[total_at + 1 :] == ["of whom blocked"]
