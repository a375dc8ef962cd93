"""The server's refusals that protect the second factor, a password throttle and a busy server:
each reaches the administrator as its own sentence, in English and in Dutch."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.admin import errors
from desktop.admin.model import AccountFields, NewUser, Policy
from desktop.net.admin_client import AdminClient
from desktop.net.embedded_server import is_running
from desktop.ui.admin.panel import AdminWindow
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.server.harness import PASSWORD, Harness

pytestmark = pytest.mark.gui

EXTRANET_ADMIN = NewUser(
    name="ext.baas", kind="extranet", fields=AccountFields(admin=True, modules=("p&o",))
)


@pytest.fixture
def dutch(qtbot: QtBot) -> Iterator[None]:
    assert i18n.install("nl") == "nl", "resources/translations/tweestap_nl.qm is missing"
    yield
    i18n.install("en")


def sentence(error: errors.AdminError) -> str:
    return i18n.error_text(error)


def test_an_extranet_administrator_is_refused_with_its_own_sentence(
    admin_client: AdminClient, qtbot: QtBot
) -> None:
    with pytest.raises(errors.PrivilegedMustBeEmployee) as refused:
        admin_client.create_user(EXTRANET_ADMIN)
    assert sentence(refused.value).startswith(
        "An administrator or an account with module P&O is always an employee"
    )


def test_the_refusal_in_dutch(admin_client: AdminClient, dutch: None) -> None:
    with pytest.raises(errors.PrivilegedMustBeEmployee) as refused:
        admin_client.create_user(EXTRANET_ADMIN)
    assert sentence(refused.value) == (
        "Een beheerder of een account met recht op module P&O is altijd een medewerker, "
        "zodat er altijd een tweede stap nodig is. Het account is niet opgeslagen."
    )


def test_an_employee_made_extranet_and_a_passed_cutoff_moved_later_are_refused(
    harness: Harness, admin_client: AdminClient, dutch: None
) -> None:
    harness.add_user("jan")
    with pytest.raises(errors.EmployeeStaysEmployee) as refused:
        admin_client.update_user("jan", {"kind": "extranet"})
    assert "kan daarom geen extranetgebruiker worden" in sentence(refused.value)
    policy = admin_client.get_policy()
    later = Policy(
        policy.employees,
        policy.extranet,
        policy.authenticator_validity_hours,
        policy.mail_validity_days,
        date(2099, 1, 1),
    )
    with pytest.raises(errors.CutoffPassed) as refused_policy:
        admin_client.put_policy(later)
    assert sentence(refused_policy.value).startswith("De invoerdatum is voorbij")


def test_too_many_wrong_passwords_says_how_long_to_wait(
    harness: Harness, make_client: object
) -> None:
    harness.add_admin()
    client: AdminClient = make_client()  # type: ignore[operator]
    for _ in range(5):
        with pytest.raises(errors.InvalidCredentials):
            client.login("beheerder", "not the password")
    with pytest.raises(errors.TooManyPasswords) as refused:
        client.login("beheerder", PASSWORD)
    assert refused.value.seconds == 30
    assert sentence(refused.value) == ("Too many wrong passwords. Wait 30 seconds, then try again.")


def test_a_locked_database_says_the_server_is_busy(
    harness: Harness, admin_client: AdminClient, qtbot: QtBot
) -> None:
    harness.add_user("jan")
    holder = sqlite3.connect(harness.db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(errors.ServerBusy) as refused:
            admin_client.reset_2fa("jan")
        assert refused.value.seconds == 2
        assert sentence(refused.value).startswith("The server is busy just now.")
        with pytest.raises(errors.ServerBusy):
            admin_client.health()
        assert is_running(harness.url)  # busy, but a Tweestap server: not started again
    finally:
        holder.rollback()
        holder.close()
    assert admin_client.reset_2fa("jan").name == "jan"  # once the lock is gone


# -- the panel -----------------------------------------------------------------------------


@pytest.mark.gui
def test_a_refused_change_is_explained_and_what_was_typed_stays(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    harness.add_user("ext.jansen", kind="extranet")
    page = panel.users_page
    open_page(qtbot, panel, page)
    page.select_user("ext.jansen")
    form = page.form
    form.admin.yes.click()
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert panel.message.kind == "error"
    assert panel.message.text.startswith(
        "An administrator or an account with module P&O is always an employee"
    )
    assert form.has_unsaved_changes() and form.admin.value()
    assert harness.services.users.get("ext.jansen").admin is False


@pytest.mark.gui
def test_a_refused_new_account_is_explained_in_dutch_at_the_form(
    qtbot: QtBot, panel: AdminWindow, harness: Harness, dutch: None
) -> None:
    page = panel.users_page
    open_page(qtbot, panel, page)
    page.new_account()
    form = page.form
    form.name_edit.setText("ext.baas")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("extranet"))
    form.module_boxes["p&o"].setChecked(True)
    QTest.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.session)
    assert form.form_error.isVisible()
    assert "is altijd een medewerker" in form.form_error.text()
    assert harness.existing_user("ext.baas") is None
