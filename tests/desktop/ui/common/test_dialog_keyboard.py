"""The keyboard in the add dialog: it opens in the key field, and Tab goes from the key to
the service and account name (the way a person fills it in), not through the five buttons
that read a QR code; those come after the dialog's own buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.ui.add.add_dialog import AddAccountDialog
from desktop.vault import Vault
from tests.desktop.conftest import T0

pytestmark = pytest.mark.gui


def tab_stops(start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab reaches from ``start``, in order (the focus chain, as Qt walks it)."""
    stops = []
    widget = start
    for _ in range(count):
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        stops.append(focused)
        widget = focused
    return stops


@pytest.fixture
def dialog(qtbot: QtBot, vault: Vault) -> AddAccountDialog:
    made = AddAccountDialog(vault, FixedClock(float(T0)))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    made.activateWindow()
    qtbot.waitUntil(lambda: made.key_edit.hasFocus())
    return made


def test_tab_from_the_key_goes_to_the_service_then_the_account_name(
    dialog: AddAccountDialog,
) -> None:
    first, second = tab_stops(dialog.key_edit, 2)
    assert first is dialog.issuer_edit
    assert second is dialog.name_edit


def test_the_scan_buttons_come_after_the_dialogs_own_buttons_and_shift_tab_reaches_them(
    dialog: AddAccountDialog,
) -> None:
    sources = dialog.scan_sources
    scan_buttons = [
        sources.camera_button,
        sources.screen_button,
        sources.region_button,
        sources.open_button,
        sources.paste_button,
    ]
    stops = tab_stops(dialog.key_edit, 12)
    assert stops.index(dialog.cancel_button) < stops.index(sources.camera_button)
    assert [stop for stop in stops if stop in scan_buttons] == scan_buttons
    dialog.key_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    QTest.keyClick(dialog.key_edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is sources.paste_button
