"""The admin login and the panel fit: a long message pushes the login form down instead of
squeezing it, and the panel opens within the screen it opens on, usable on a 1280×720 or
1366×768 laptop (the employees' list shows a good number of rows beside the account tab)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from desktop.ui.admin.connect_dialog import ConnectDialog
from desktop.ui.admin.panel import AdminWindow
from desktop.ui.window.code_view import ACCENT
from tests.desktop.ui.admin.conftest import idle, open_page
from tests.helpers.layout_checks import layout_problems, longest_dutch_sentence
from tests.server.harness import ADMIN, PASSWORD, Harness

pytestmark = pytest.mark.gui

LONGEST = longest_dutch_sentence()
LAPTOPS = {
    "1280x720": QRect(0, 0, 1280, 720 - 32),  # minus a desktop panel
    "1366x768": QRect(0, 0, 1366, 768 - 32),
}
TITLE_BAR = 40
"""Room left for the window manager's frame above the window's own area."""


@pytest.fixture
def dutch(qapp: QApplication) -> Iterator[None]:
    assert i18n.install("nl") == "nl"
    yield
    i18n.install("en")


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


def test_login_with_the_longest_dutch_error_keeps_every_field(
    dialog: ConnectDialog, dutch: None
) -> None:
    assert layout_problems(dialog) == []
    dialog.show_error_text(LONGEST)
    assert layout_problems(dialog) == []
    assert dialog.address_edit.height() >= dialog.address_edit.minimumSizeHint().height()


def test_login_returns_to_its_size_when_the_error_goes(dialog: ConnectDialog, dutch: None) -> None:
    before = dialog.height()
    dialog.show_error_text(LONGEST)
    layout_problems(dialog)
    assert dialog.height() > before
    dialog.message.hide()
    assert layout_problems(dialog) == []
    assert dialog.height() == before  # no empty band above the buttons


def test_code_step_with_the_longest_dutch_error_keeps_every_field(
    qtbot: QtBot, harness: Harness, dialog: ConnectDialog, dutch: None
) -> None:
    harness.add_admin()
    dialog.username_edit.setText(ADMIN)
    dialog.password_edit.setText(PASSWORD)
    dialog.start_login()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20000)
    assert dialog.pages.currentIndex() == 1  # first login: the setup key is shown too
    dialog.show_error_text(LONGEST)
    assert layout_problems(dialog) == []


@pytest.fixture
def many_employees(harness: Harness) -> Harness:
    for number in range(40):
        harness.add_user(f"medewerker.{number:02}", email=f"m{number}@zorg.example")
    return harness


@pytest.mark.parametrize("laptop", LAPTOPS)
def test_panel_opens_within_a_laptop_screen_and_the_list_shows_rows(
    qtbot: QtBot,
    many_employees: Harness,
    admin_client: AdminClient,
    desktop_clock: FixedClock,
    dutch: None,
    laptop: str,
) -> None:
    available = LAPTOPS[laptop]
    window = AdminWindow(admin_client, desktop_clock, available=available)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle(qtbot, window.session)
    assert available.contains(window.geometry().adjusted(0, -TITLE_BAR, 0, 0))
    assert window.minimumSizeHint().height() <= available.height() - TITLE_BAR
    open_page(qtbot, window, window.users_page)
    table = window.users_page.table
    rows_shown = table.viewport().height() // table.verticalHeader().defaultSectionSize()
    assert rows_shown >= 8
    assert layout_problems(window) == []


def test_panel_on_a_large_screen_keeps_its_comfortable_size(
    qtbot: QtBot, admin_client: AdminClient, desktop_clock: FixedClock
) -> None:
    window = AdminWindow(admin_client, desktop_clock, available=QRect(0, 0, 1920, 1050))
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (1100, 780)


def test_panel_with_the_longest_dutch_message_keeps_its_pages_usable(
    qtbot: QtBot,
    many_employees: Harness,
    admin_client: AdminClient,
    desktop_clock: FixedClock,
    dutch: None,
) -> None:
    window = AdminWindow(admin_client, desktop_clock, available=LAPTOPS["1280x720"])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle(qtbot, window.session)
    window.message.show_message(LONGEST, "error", can_retry=True)
    for page in (window.policy_page, window.users_page, window.audit_page):
        open_page(qtbot, window, page)
        assert layout_problems(window) == [], page


def test_the_selected_sidebar_item_has_no_focus_rectangle_inside(
    qtbot: QtBot, panel: AdminWindow
) -> None:
    sidebar = panel.sidebar
    panel.activateWindow()
    sidebar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(sidebar.hasFocus)
    open_page(qtbot, panel, panel.policy_page)
    image = sidebar.viewport().grab().toImage()
    item = sidebar.visualItemRect(sidebar.item(1))
    accent = QColor(ACCENT).rgb()
    # Right of the text the selected item is one plain colour; a focus frame would cross it.
    stray = [
        (x, y)
        for x in range(item.left() + item.width() * 6 // 10, item.right())
        for y in range(item.top() + 1, item.bottom())
        if image.pixel(x, y) != accent
    ]
    assert stray == []
