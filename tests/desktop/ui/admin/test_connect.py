"""Logging in through the dialog: password, then the code — typed, or from the app's own
vault — and every refusal as its own sentence with what was typed kept."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.net import embedded_server
from desktop.net.admin_client import AdminClient
from desktop.net.embedded_server import EmbeddedServer
from desktop.otp.model import Account
from desktop.ui.admin.connect_dialog import ConnectDialog
from desktop.vault import Vault
from server_stub.services.context import Actor
from tests.helpers.admin_server import sync
from tests.server.harness import ADMIN, PASSWORD, Harness

pytestmark = pytest.mark.gui

MakeDialog = Callable[..., ConnectDialog]


@pytest.fixture
def make_dialog(qtbot: QtBot, desktop_clock: FixedClock) -> Iterator[MakeDialog]:
    made: list[ConnectDialog] = []

    def make(**options: object) -> ConnectDialog:
        dialog = ConnectDialog(desktop_clock, **options)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:  # after a login the client belongs to whoever opened the dialog
        dialog.runner.wait()
        if dialog.client is not None:
            dialog.client.close()


def wait(qtbot: QtBot, dialog: ConnectDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20000)


def password_step(
    qtbot: QtBot, dialog: ConnectDialog, name: str = ADMIN, password: str = PASSWORD
) -> None:
    dialog.username_edit.setText(name)
    dialog.password_edit.setText(password)
    QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)


def key_of(harness: Harness, name: str) -> bytes:
    secret = harness.secrets[name]
    return base64.b32decode(secret + "=" * (-len(secret) % 8))


def test_login_with_a_typed_code_gives_a_session_that_may_administer(
    qtbot: QtBot, harness: Harness, make_dialog: MakeDialog
) -> None:
    harness.add_admin()
    harness.enroll(ADMIN)
    dialog = make_dialog(address=harness.url)
    password_step(qtbot, dialog)
    assert dialog.pages.currentIndex() == 1
    assert "Enter the code of beheerder" in dialog.code_intro.text()
    assert not dialog.vault_button.isVisible()  # the vault holds no such account
    dialog.code_edit.setText(harness.code(ADMIN))
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        QTest.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert dialog.overview is not None and dialog.client is not None
    assert dialog.client.me is not None and dialog.client.me.name == ADMIN
    assert dialog.password_edit.text() == ""  # the password is not kept once in


def test_code_is_offered_from_the_vault_when_it_holds_the_admins_account(
    qtbot: QtBot,
    harness: Harness,
    make_dialog: MakeDialog,
    vault: Vault,
    desktop_clock: FixedClock,
) -> None:
    harness.add_admin()
    harness.enroll(ADMIN)
    sync(harness, desktop_clock, 0)
    vault.add(Account(issuer="Zilliz", name=ADMIN, secret=b"another site's key!!"))
    vault.add(Account(issuer="Tweestap", name=ADMIN, secret=key_of(harness, ADMIN)))
    dialog = make_dialog(address=harness.url, accounts=lambda: vault.accounts)
    password_step(qtbot, dialog)
    assert dialog.vault_button.isVisible()
    assert dialog.vault_button.text() == "Use the code from Tweestap (Tweestap: beheerder)"
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        QTest.mouseClick(dialog.vault_button, Qt.MouseButton.LeftButton)
    assert dialog.overview is not None


def test_first_login_shows_the_setup_key_and_adding_it_to_the_vault_offers_its_code(
    qtbot: QtBot, harness: Harness, make_dialog: MakeDialog, vault: Vault
) -> None:
    harness.add_admin()
    dialog = make_dialog(
        address=harness.url,
        accounts=lambda: vault.accounts,
        add_account=lambda account: vault.add(account, replace_existing=True),
    )
    password_step(qtbot, dialog)
    assert "not set up for beheerder yet" in dialog.code_intro.text()
    assert dialog.setup_key_edit.isVisible()
    assert len(dialog.setup_key_edit.text().replace(" ", "")) == 32  # 160 bits in base32
    assert not dialog.vault_button.isVisible()
    QTest.mouseClick(dialog.add_to_vault_button, Qt.MouseButton.LeftButton)
    assert [a.label for a in vault.accounts] == ["Tweestap: beheerder"]
    assert not dialog.add_to_vault_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        QTest.mouseClick(dialog.vault_button, Qt.MouseButton.LeftButton)
    assert harness.existing_user(ADMIN) is not None
    assert harness.services.users.get(ADMIN).enrollment == "active"


def test_wrong_password_is_said_and_what_was_typed_stays(
    qtbot: QtBot, harness: Harness, make_dialog: MakeDialog
) -> None:
    harness.add_admin()
    dialog = make_dialog(address=harness.url)
    password_step(qtbot, dialog, password="wrong password")
    assert dialog.pages.currentIndex() == 0
    assert dialog.message.text == "The username or password is wrong."
    assert dialog.username_edit.text() == ADMIN
    assert dialog.password_edit.text() == "wrong password"
    assert dialog.result() == 0


def test_empty_fields_are_asked_for_without_a_request(
    qtbot: QtBot, harness: Harness, make_dialog: MakeDialog
) -> None:
    dialog = make_dialog(address=harness.url)
    QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text == "Fill in your username and password."
    assert not dialog.runner.busy


def test_wrong_code_keeps_the_code_page_and_says_so(
    qtbot: QtBot, harness: Harness, make_dialog: MakeDialog
) -> None:
    harness.add_admin()
    harness.enroll(ADMIN)
    dialog = make_dialog(address=harness.url)
    password_step(qtbot, dialog)
    dialog.code_edit.setText("000000")
    QTest.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)
    assert dialog.pages.currentIndex() == 1
    assert dialog.message.text.startswith("That code is not right.")
    assert dialog.code_edit.text() == "000000"


def test_admin_without_p_and_o_is_refused_after_the_code(
    qtbot: QtBot, harness: Harness, make_dialog: MakeDialog
) -> None:
    harness.add_admin("support", modules=("administratie",))
    harness.enroll("support")
    dialog = make_dialog(address=harness.url)
    password_step(qtbot, dialog, name="support")
    dialog.code_edit.setText(harness.code("support"))
    QTest.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    wait(qtbot, dialog)
    assert dialog.result() == 0
    assert dialog.pages.currentIndex() == 0
    assert dialog.message.text.startswith("Only administrators with module P&O")
    assert dialog.client is not None and not dialog.client.logged_in


def test_blocked_admin_is_told_so(qtbot: QtBot, harness: Harness, make_dialog: MakeDialog) -> None:
    harness.add_admin("tweede")
    harness.services.admin.block("tweede", Actor("test"))
    dialog = make_dialog(address=harness.url)
    password_step(qtbot, dialog, name="tweede")
    assert dialog.message.text.startswith("This account is blocked.")


def test_address_where_nothing_answers_is_named_in_the_message(
    qtbot: QtBot, harness: Harness, make_dialog: MakeDialog
) -> None:
    url = harness.url
    harness.server.stop()
    dialog = make_dialog(address=url)
    password_step(qtbot, dialog)
    assert dialog.message.text.startswith(f"Cannot reach the server at {url}.")
    assert dialog.password_edit.text() == PASSWORD


def test_text_that_is_no_address_is_refused_before_any_request(
    qtbot: QtBot, make_dialog: MakeDialog
) -> None:
    dialog = make_dialog(address="ftp://files")
    password_step(qtbot, dialog)
    assert "is not a server address" in dialog.message.text


# -- the embedded server ----------------------------------------------------------------------


@pytest.fixture
def local_server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    """An embedded server's place on a free port; any process started for it is stopped."""
    server = EmbeddedServer(home=tmp_path / "tweestap-home" / "server", port=_free_port())
    yield server
    embedded_server.stop_started()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_embedded_server_that_is_not_running_is_started_then_asked(
    qtbot: QtBot, make_dialog: MakeDialog, local_server: EmbeddedServer
) -> None:
    assert not embedded_server.is_running(local_server.url)
    dialog = make_dialog(embedded=local_server)
    assert dialog.address_edit.text() == local_server.url
    assert dialog.address_hint.isVisible()
    password_step(qtbot, dialog, name="nobody", password="no such account")
    # The server started (its own fresh database) and answered: nobody is no user there.
    assert dialog.message.text == "The username or password is wrong."
    assert len(embedded_server.started_processes()) == 1
    assert embedded_server.is_running(local_server.url)
    assert (local_server.home / "server.db").exists()


def test_relogin_fixes_address_and_user_and_says_why(
    qtbot: QtBot, harness: Harness, make_dialog: MakeDialog, admin_client: AdminClient
) -> None:
    dialog = make_dialog(
        address=admin_client.url,
        username=ADMIN,
        client=admin_client,
        reason="Your session has ended.",
    )
    assert dialog.address_edit.isReadOnly() and dialog.username_edit.isReadOnly()
    assert dialog.message.text == "Your session has ended."
    assert not dialog.address_hint.isVisible()


def test_file_menu_of_the_main_window_opens_the_administration_login(
    qtbot: QtBot, vault: Vault, desktop_clock: FixedClock
) -> None:
    from desktop.ui.window.main_window import MainWindow

    window = MainWindow(vault, desktop_clock)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    entry = next(a for a in file_menu.actions() if a.text() == "&Administration\u2026")
    entry.trigger()
    dialog = window.findChild(ConnectDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.address_edit.text() == "http://127.0.0.1:8765"  # the embedded server
    dialog.reject()
