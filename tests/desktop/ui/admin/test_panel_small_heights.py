"""Every page of the admin panel at 1280×720 and at the smallest size the window allows, with
the longest Dutch texts where texts appear (the message bar, the hints and errors of the
policy, the account tab, a new account, the audit log's retention): nothing is squeezed below
what it needs and nothing overlaps; what does not fit scrolls."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from desktop.ui.admin.panel import AdminWindow
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.helpers.layout_checks import layout_problems, longest_dutch_sentence
from tests.server.harness import Harness

pytestmark = pytest.mark.gui

LONGEST = longest_dutch_sentence()
SIZES = ["1280x720", "smallest"]


@pytest.fixture
def dutch(qtbot: QtBot) -> Iterator[None]:
    assert i18n.install("nl") == "nl"
    yield
    i18n.install("en")


@pytest.fixture
def window(
    qtbot: QtBot,
    dutch: None,
    harness: Harness,
    admin_client: AdminClient,
    desktop_clock: FixedClock,
) -> AdminWindow:
    for number in range(30):
        harness.add_user(f"medewerker.{number:02}", email=f"m{number}@zorg.example")
    made = AdminWindow(admin_client, desktop_clock, available=QRect(0, 0, 1280, 720 - 32))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    idle(qtbot, made.session)
    return made


def at_size(window: AdminWindow, size: str) -> None:
    if size == "smallest":
        window.resize(1, 1)  # Qt keeps a window at least as large as its layout needs
    else:
        window.fit_screen(QRect(0, 0, 1280, 720 - 32))
    for _ in range(3):
        QApplication.processEvents()


def with_long_message(window: AdminWindow) -> None:
    window.message.show_message(LONGEST, "error")


def overview(qtbot: QtBot, window: AdminWindow) -> None:
    open_page(qtbot, window, window.overview_page)


def policy_out_of_range(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.policy_page
    open_page(qtbot, window, page)
    page.validity_hours.setValue(999)
    page.mail_days.setValue(9999)


def account_with_errors(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.users_page
    open_page(qtbot, window, page)
    page.select_user("medewerker.07")
    form = page.form
    form.ip_edit.setText("10.0.0.300")
    for label in (form.form_error, form.email_error, form.ip_error):
        form._show_text(label, LONGEST)


def new_account_with_errors(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.users_page
    open_page(qtbot, window, page)
    page.new_account()
    form = page.form
    form.ip_edit.setText("10.0.0.300")  # the hint and the error under the IP field
    form._show_text(form.form_error, LONGEST)


def audit_retention_out_of_range(qtbot: QtBot, window: AdminWindow) -> None:
    page = window.audit_page
    open_page(qtbot, window, page)
    assert page.retention is not None
    page.retention.spin.setValue(99999)


SCENES: dict[str, Callable[[QtBot, AdminWindow], None]] = {
    "overview": overview,
    "policy": policy_out_of_range,
    "account": account_with_errors,
    "new-account": new_account_with_errors,
    "audit": audit_retention_out_of_range,
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scene", SCENES)
def test_each_page_with_the_longest_dutch_texts_keeps_every_row(
    qtbot: QtBot, window: AdminWindow, scene: str, size: str
) -> None:
    SCENES[scene](qtbot, window)
    with_long_message(window)
    at_size(window, size)
    assert layout_problems(window) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_new_account_form_scrolls_to_its_last_row_instead_of_overlapping(
    qtbot: QtBot, window: AdminWindow, size: str
) -> None:
    new_account_with_errors(qtbot, window)
    at_size(window, size)
    layout_problems(window)
    form, scroll = window.users_page.form, window.users_page.form_scroll
    rows = [form.ip_edit, form.ip_hint, form.ip_error, form.twofa_label, form.save_button]
    tops = [row.mapTo(form, row.rect().topLeft()).y() for row in rows]
    bottoms = [row.mapTo(form, row.rect().bottomLeft()).y() for row in rows]
    assert all(bottoms[i] < tops[i + 1] for i in range(len(rows) - 1)), (tops, bottoms)
    assert form.height() >= form.heightForWidth(form.width())  # all of it, scrolled
    scroll.ensureWidgetVisible(form.save_button)
    assert form.save_button.visibleRegion().boundingRect().height() > 0
