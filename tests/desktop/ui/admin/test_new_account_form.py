"""The new-account form: the user name, the one field only a new account has, looks and
works like the other fields, and what cannot apply yet says so instead of sitting there."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from desktop.ui.admin.panel import AdminWindow
from tests.desktop.ui.admin.conftest import open_page
from tests.server.harness import Harness

pytestmark = pytest.mark.gui


def background(field: QLineEdit) -> QColor:
    """The colour inside the field, right of any text."""
    image = field.grab().toImage()
    return image.pixelColor(image.width() - 12, image.height() // 2)


def test_the_user_name_of_a_new_account_looks_editable_after_an_existing_account(
    qtbot: QtBot, panel: AdminWindow, harness: Harness
) -> None:
    harness.add_user("jan", email="jan@zorg.example")
    page = panel.users_page
    open_page(qtbot, panel, page)
    page.select_user("jan")
    form = page.form
    assert background(form.name_edit) != background(form.email_edit)  # read-only: shown so
    page.new_account()
    assert not form.name_edit.isReadOnly()
    assert background(form.name_edit) == background(form.email_edit)


def test_a_new_account_says_how_its_password_and_pairing_come(
    qtbot: QtBot, panel: AdminWindow
) -> None:
    page = panel.users_page
    open_page(qtbot, panel, page)
    page.new_account()
    form = page.form
    assert form.password_label.text() == "chosen by the user, through the activation mail"
    assert not form.reset_password_button.isVisible()  # there is no password to reset yet
    assert form.twofa_label.text() == "paired at the first login (QR code)"
    form.discard()
    assert form.password_label.text() == "" and form.reset_password_button.isVisible()
