"""The audit log as an HR administrator reads it, in Dutch, after a real server recorded what
the hardening added: logins with a name no account has, every refused administrator's action,
the audit log's retention, a password chosen through the activation link, admin access
refused. Every row is in words; an unknown name is "onbekende naam" with its fingerprint
only in the tooltip and the details under the table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.admin import errors
from desktop.admin.model import AccountFields, GroupPolicy, NewUser, Policy
from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from desktop.ui.admin.audit_page import CHANGE, RESULT, WHO, AuditPage
from desktop.ui.admin.panel import AdminWindow
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.server.harness import ADMIN, PASSWORD, Harness

pytestmark = pytest.mark.gui

CODE_WORD = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")
"""What a raw code looks like (``privileged_must_be_employee``); no Dutch word does."""


@pytest.fixture
def dutch(qtbot: QtBot) -> Iterator[None]:
    assert i18n.install("nl") == "nl"
    yield
    i18n.install("en")


def refused(kind: type[errors.AdminError], attempt: object) -> None:
    with pytest.raises(kind):
        attempt()  # type: ignore[operator]


@pytest.fixture
def history(harness: Harness, admin_client: AdminClient) -> Harness:
    """What the server audits since its hardening, each done over HTTP."""
    client = admin_client
    harness.add_user("jan")
    harness.add_user("piet")  # no e-mail address
    harness.add_user("sanne", email="sanne@zorg.example")
    harness.add_user("gert", admin=True, modules=["zorg"], email="gert@zorg.example")
    # Two logins with a name no account has (a password typed into the name field, say).
    harness.login_response("Welkom2024!", "x")
    harness.login_response("Welkom2024!", "y")
    # Every refusal an administrator can meet.
    extranet_admin = NewUser(
        name="ext.baas", kind="extranet", fields=AccountFields(admin=True, modules=("p&o",))
    )
    refused(errors.PrivilegedMustBeEmployee, lambda: client.create_user(extranet_admin))
    refused(errors.EmployeeStaysEmployee, lambda: client.update_user("jan", {"kind": "extranet"}))
    policy = client.get_policy()
    later = Policy(
        policy.employees, policy.extranet, 5, 0, date(2099, 1, 1)
    )  # a passed cut-off moved later
    refused(errors.CutoffPassed, lambda: client.put_policy(later))
    off = Policy(
        GroupPolicy(False, "app", False), policy.extranet, 5, 0, policy.email_cutoff
    )  # employees without the app after the cut-off
    refused(errors.EmployeesNeedApp, lambda: client.put_policy(off))
    refused(errors.CannotBlockSelf, lambda: client.block(ADMIN))
    refused(errors.UserNotFound, lambda: client.reset_2fa("niemand"))
    refused(errors.NoEmailAddress, lambda: client.send_activation_mail("piet"))
    refused(
        errors.UserExists,
        lambda: client.create_user(NewUser(name="Jan", kind="employee", fields=AccountFields())),
    )
    # The retention, and a password chosen through the activation link of a reset.
    assert client.set_audit_retention(90) == 90
    client.reset_password("sanne")
    link = next(w for w in harness.last_mail_text().split() if "/activate?token=" in w)
    token = parse_qs(urlsplit(link).query)["token"][0]
    chosen = harness.client.post("/api/activate", json={"token": token, "password": PASSWORD})
    assert chosen.status_code == 204
    # An administrator without P&O reaches for the admin routes.
    gert = harness.enroll("gert")
    assert harness.client.get("/api/admin/overview", headers=gert.headers).status_code == 403
    return harness


def item(page: AuditPage, row: int, column: int) -> QTableWidgetItem:
    found = page.table.item(row, column)
    assert found is not None
    return found


def rows_by_what(panel: AdminWindow) -> dict[str, list[list[str]]]:
    grouped: dict[str, list[list[str]]] = {}
    for row in panel.audit_page.shown_rows():
        grouped.setdefault(row[3], []).append(row)
    return grouped


def test_every_row_is_in_words(
    qtbot: QtBot, dutch: None, history: Harness, panel: AdminWindow
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    rows = panel.audit_page.shown_rows()
    assert len(rows) > 20
    for row in rows:
        assert not any("unknown:" in cell for cell in row), row
        for cell in row[3:5] + row[6:]:  # what, result, change
            assert not CODE_WORD.search(cell), row


def test_a_login_with_an_unknown_name_is_said_so_with_its_fingerprint_in_the_tooltip(
    qtbot: QtBot, dutch: None, history: Harness, panel: AdminWindow
) -> None:
    page = panel.audit_page
    open_page(qtbot, panel, page)
    unknown = [row for row in range(page.table.rowCount()) if item(page, row, WHO).text() != ""]
    found = [row for row in unknown if item(page, row, WHO).text() == "onbekende naam"]
    assert len(found) == 2
    tips = {item(page, row, WHO).toolTip() for row in found}
    assert len(tips) == 1  # the same typed name: the same fingerprint
    (tip,) = tips
    assert tip.startswith("Niemand heeft een account met de getypte naam.")
    assert re.search(r"[0-9a-f]{16}", tip)
    assert "Welkom2024" not in tip
    for row in found:
        assert item(page, row, RESULT).text() == "geen account met die naam"
        assert item(page, row, 2).text() == ""


def test_refused_actions_say_what_was_tried_and_why(
    qtbot: QtBot, dutch: None, history: Harness, panel: AdminWindow
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    rows = rows_by_what(panel)
    created = {row[2]: row for row in rows["Account aanmaken"]}
    create_admin, create_taken = created["ext.baas"], created["Jan"]
    assert create_admin[1:5] == [
        ADMIN,
        "ext.baas",
        "Account aanmaken",
        "geweigerd: rechten alleen voor medewerkers",
    ]
    assert create_admin[6].startswith("geprobeerd: soort: Extranetter; beheerder: ja")
    assert create_taken[4] == "geweigerd: naam bestaat al"
    (make_extranet,) = rows["Account wijzigen"]
    assert make_extranet[4] == "geweigerd: blijft medewerker"
    assert make_extranet[6] == "geprobeerd: soort: Extranetter"
    policy_results = sorted(row[4] for row in rows["Beleid wijzigen"])
    assert policy_results == [
        "geweigerd: invoerdatum voorbij",
        "geweigerd: medewerkers houden de app",
    ]
    assert rows["Blokkeren"][0][4] == "geweigerd: eigen account"
    assert rows["Tweestapsverificatie resetten"][0][2:5] == [
        "niemand",
        "Tweestapsverificatie resetten",
        "geweigerd: account bestaat niet",
    ]
    assert rows["Activatiemail versturen"][0][4] == "geweigerd: geen e-mailadres"
    (access,) = rows["Beheertoegang geweigerd"]
    assert access[1] == "gert" and access[4] == "geen recht op P&O"


def test_the_refusals_sentence_is_the_results_tooltip(
    qtbot: QtBot, dutch: None, history: Harness, panel: AdminWindow
) -> None:
    page = panel.audit_page
    open_page(qtbot, panel, page)
    tips = [
        item(page, row, RESULT).toolTip()
        for row in range(page.table.rowCount())
        if item(page, row, 3).text() == "Account wijzigen"
    ]
    assert tips == [
        "Sinds de invoerdatum loggen medewerkers altijd in met de Authenticator-app; een "
        "medewerker kan daarom geen extranetgebruiker worden. Het account is niet opgeslagen."
    ]


def test_the_details_under_the_table_say_the_chosen_entry_in_full(
    qtbot: QtBot, dutch: None, history: Harness, panel: AdminWindow
) -> None:
    page = panel.audit_page
    open_page(qtbot, panel, page)
    assert page.details.toPlainText() == ""
    texts = [item(page, row, 3).text() for row in range(page.table.rowCount())]
    page.table.setCurrentCell(texts.index("Account wijzigen"), 0)
    lines = page.details.toPlainText().splitlines()
    assert lines[0].endswith("\u00b7 Account wijzigen \u00b7 geweigerd: blijft medewerker")
    assert lines[1] == f"Door {ADMIN} vanaf 127.0.0.1, bij jan"
    assert lines[2].startswith("Sinds de invoerdatum loggen medewerkers altijd in")
    assert lines[3] == "geprobeerd: soort: Extranetter"
    whos = [item(page, row, WHO).text() for row in range(page.table.rowCount())]
    page.table.setCurrentCell(whos.index("onbekende naam"), 0)
    details = page.details.toPlainText()
    assert "Door onbekende naam vanaf 127.0.0.1" in details
    assert "vingerafdruk" in details and "Welkom2024" not in details


def test_long_words_leave_the_change_column_room_at_the_panels_usual_width(
    qtbot: QtBot,
    dutch: None,
    history: Harness,
    admin_client: AdminClient,
    desktop_clock: FixedClock,
) -> None:
    panel = AdminWindow(admin_client, desktop_clock, available=QRect(0, 0, 1920, 1050))
    qtbot.addWidget(panel)
    panel.show()
    page = panel.audit_page
    open_page(qtbot, panel, page)
    assert panel.width() == 1100
    assert page.table.columnWidth(CHANGE) >= 150
    assert page.table.horizontalScrollBar().maximum() == 0  # every column in view
    refused = [r for r in range(page.table.rowCount()) if "geweigerd" in item(page, r, 4).text()]
    assert all(item(page, r, 4).toolTip() for r in refused)


def test_the_retention_change_and_the_activation_page(
    qtbot: QtBot, dutch: None, history: Harness, panel: AdminWindow
) -> None:
    open_page(qtbot, panel, panel.audit_page)
    rows = rows_by_what(panel)
    (retention,) = rows["Bewaartermijn auditlog gewijzigd"]
    assert retention[1] == ADMIN and retention[4] == "ok"
    assert retention[6] == "bewaartermijn (dagen): 365 \u2192 90"
    (chosen,) = rows["Wachtwoord gekozen (activatielink)"]
    assert chosen[1:3] == ["sanne", "sanne"]
    (reset,) = rows["Wachtwoord gereset"]
    assert reset[6] == "wachtwoord: ingesteld \u2192 niet ingesteld"


def test_the_what_filter_offers_the_retention(
    qtbot: QtBot, dutch: None, history: Harness, panel: AdminWindow
) -> None:
    page = panel.audit_page
    open_page(qtbot, panel, page)
    page.action_combo.setCurrentIndex(page.action_combo.findData("audit_retention"))
    page.load()
    idle(qtbot, panel.session)
    assert [row[3] for row in page.shown_rows()] == ["Bewaartermijn auditlog gewijzigd"]
