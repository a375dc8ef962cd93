"""Import, export and QR code windows, and the backup reminder of the main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.backup_reminder import LAST_BACKUP_SETTING
from desktop.clock import FixedClock
from desktop.exporters import ExportFormat
from desktop.exporters.backup import Argon2Params
from desktop.exporters.files import export_bytes
from desktop.importers import importer
from desktop.otp.codes import code_at
from desktop.otp.model import Account, OtpType
from desktop.otp.uri import format_uri
from desktop.scan.decode import decode_qr_texts
from desktop.scan.migration import MigrationCollector, parse_migration_uri
from desktop.ui.capture.pixels import qimage_to_array
from desktop.ui.import_export.export_dialog import ExportDialog
from desktop.ui.import_export.import_dialog import ImportDialog, Page
from desktop.ui.import_export.qr_codes_dialog import (
    AccountQrDialog,
    GoogleExportDialog,
    QrCodesDialog,
)
from desktop.ui.window.main_window import MainWindow
from desktop.vault import Vault
from tests.desktop.conftest import T0, when_modal_opens
from tests.paths import INTEROP

pytestmark = pytest.mark.gui

PASSWORD = "backup password 1"


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "desktop.exporters.backup.DEFAULT_ARGON2", Argon2Params(memory_kib=64, iterations=1)
    )


def some_accounts(count: int = 3) -> list[Account]:
    return [
        Account(
            issuer=f"Dienst {n}",
            name=f"medewerker{n}@zorg.nl",
            secret=(n + 1).to_bytes(2, "big") * 10,
        )
        for n in range(count)
    ]


def backup_file(tmp_path: Path, accounts: list[Account]) -> Path:
    path = tmp_path / "backup.tweestap-backup"
    path.write_bytes(export_bytes(ExportFormat.TWEESTAP, accounts, PASSWORD, now=T0))
    return path


def import_dialog(qtbot: QtBot, vault: Vault) -> ImportDialog:
    dialog = ImportDialog(vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def wait_for(qtbot: QtBot, dialog: ImportDialog, page: Page) -> None:
    qtbot.waitUntil(lambda: dialog.page is page, timeout=10_000)


def decoded(dialog: QrCodesDialog) -> list[str]:
    pixmap = dialog.image_label.pixmap()
    return decode_qr_texts(qimage_to_array(pixmap.toImage()))


# -- import -----------------------------------------------------------------------------------


def test_import_asks_the_password_again_after_a_wrong_one(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    accounts = some_accounts()
    dialog = import_dialog(qtbot, vault)
    dialog.open_file(backup_file(tmp_path, accounts))
    wait_for(qtbot, dialog, Page.PASSWORD)
    assert dialog.password_message.message == ""
    assert "backup.tweestap-backup" in dialog.password_explanation.text()
    assert not dialog.action_button.isEnabled()

    QTest.keyClicks(dialog.password_edit, "not the password")
    dialog.action_button.click()
    wait_for(qtbot, dialog, Page.PASSWORD)
    assert dialog.password_message.message == (
        "The password does not open this Tweestap file. Nothing was imported."
    )
    assert vault.accounts == ()

    dialog.password_edit.setText(PASSWORD)
    dialog.action_button.click()
    wait_for(qtbot, dialog, Page.SUMMARY)
    assert dialog.summary_heading.text() == "3 accounts imported"
    assert "medewerker2@zorg.nl" in dialog.summary_text.toPlainText()
    stored: list[Account] = list(vault.accounts)
    assert [x.label for x in stored] == [x.label for x in accounts]
    assert [code_at(x, T0) for x in stored] == [code_at(x, T0) for x in accounts]
    assert dialog.action_button.text() == "&Close"
    assert not dialog.cancel_button.isVisible()


def test_summary_lists_duplicates_and_failures(qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    accounts = some_accounts(2)
    vault.add(accounts[0])
    links = tmp_path / "links.txt"
    links.write_text(
        "".join(format_uri(a) + "\n" for a in accounts) + "otpauth://totp/Kapot:x?secret=1*\n"
    )
    dialog = import_dialog(qtbot, vault)
    dialog.open_file(links)
    wait_for(qtbot, dialog, Page.SUMMARY)
    text = dialog.summary_text.toPlainText()
    assert dialog.summary_heading.text() == "1 account imported"
    assert "Imported (1)" in text
    assert "Skipped: Tweestap already has these (1)" in text
    assert "Dienst 0: medewerker0@zorg.nl" in text
    assert "Not imported (1)" in text
    assert "Kapot: x" in text
    assert len(vault.accounts) == 2


def test_summary_names_what_each_imported_look_alike_resembles(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    """dim13's two links: one name with two keys; then the same key under a new name."""
    first, other_key = some_accounts(2)
    other_key = other_key.replace(issuer=first.issuer, name=first.name)
    renamed = first.replace(name="renamed@zorg.nl")
    vault.add(first)
    links = tmp_path / "links.txt"
    links.write_text("".join(format_uri(a) + "\n" for a in (first, other_key, renamed)))
    dialog = import_dialog(qtbot, vault)
    dialog.open_file(links)
    wait_for(qtbot, dialog, Page.SUMMARY)
    text = dialog.summary_text.toPlainText()
    assert dialog.summary_heading.text() == "2 accounts imported"
    assert (
        "Dienst 0: medewerker0@zorg.nl (same name as Dienst 0: medewerker0@zorg.nl, another "
        "setup key)"
    ) in text
    assert "Dienst 0: renamed@zorg.nl (same setup key as Dienst 0: medewerker0@zorg.nl)" in text
    assert "Skipped: Tweestap already has these (1)" in text
    assert [a.secret for a in vault.accounts] == [first.secret, other_key.secret, first.secret]


def test_choose_file_uses_the_file_window_and_detects_the_format(
    qtbot: QtBot, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = INTEROP / "imports" / "aegis" / "aegis_plain.json"
    asked: list[str] = []

    def get_open_file_name(parent: QWidget, title: str, *args: object) -> tuple[str, str]:
        asked.append(title)
        return str(source), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_open_file_name)
    dialog = import_dialog(qtbot, vault)
    assert dialog.action_button.text() == "&Choose file\u2026"
    dialog.action_button.click()
    wait_for(qtbot, dialog, Page.SUMMARY)
    assert asked == ["Choose the file to import"]
    assert len(vault.accounts) == len(importer("aegis").read(source.read_bytes()).accounts)


def test_a_file_of_no_known_app_stays_on_the_first_page_with_the_reason(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("boodschappen\n")
    dialog = import_dialog(qtbot, vault)
    dialog.open_file(notes)
    wait_for(qtbot, dialog, Page.CHOOSE)
    qtbot.waitUntil(lambda: "not an export" in dialog.choose_message.message)
    dialog.open_file(tmp_path / "missing.json")
    assert dialog.choose_message.message == f"There is no file {tmp_path / 'missing.json'}."


def test_reading_shows_progress_in_the_window_while_the_worker_runs(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big backup: the window shows the busy bar and stays responsive, then the summary."""
    monkeypatch.setattr(
        "desktop.exporters.backup.DEFAULT_ARGON2", Argon2Params(memory_kib=32 * 1024)
    )
    path = backup_file(tmp_path, some_accounts(300))
    dialog = import_dialog(qtbot, vault)
    dialog.open_file(path)
    wait_for(qtbot, dialog, Page.PASSWORD)
    dialog.password_edit.setText(PASSWORD)
    seen: list[Page] = []
    dialog.page_changed.connect(lambda page: seen.append(Page(page)))
    dialog.submit_password()
    assert dialog.page is Page.READING
    assert dialog.progress.isVisible()
    assert dialog.reading_label.text() == "Unlocking backup.tweestap-backup\u2026"
    assert not dialog.cancel_button.isEnabled()
    wait_for(qtbot, dialog, Page.SUMMARY)
    assert seen == [Page.READING, Page.SUMMARY]
    assert len(vault.accounts) == 300


def test_closing_while_reading_stores_nothing(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "desktop.exporters.backup.DEFAULT_ARGON2", Argon2Params(memory_kib=32 * 1024)
    )
    dialog = import_dialog(qtbot, vault)
    dialog.open_file(backup_file(tmp_path, some_accounts()))
    wait_for(qtbot, dialog, Page.PASSWORD)
    dialog.password_edit.setText(PASSWORD)
    dialog.submit_password()
    assert dialog.page is Page.READING
    dialog.reject()  # Escape: waits for the worker, then drops its result
    qtbot.wait(50)
    assert dialog.summary is None
    assert vault.accounts == ()


# -- export -----------------------------------------------------------------------------------


def export_dialog(qtbot: QtBot, vault: Vault, *, backup: bool = False) -> ExportDialog:
    dialog = ExportDialog(vault, FixedClock(float(T0)), backup=backup)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_backup_needs_a_good_password_twice(qtbot: QtBot, vault: Vault) -> None:
    vault.add_many(some_accounts())
    dialog = export_dialog(qtbot, vault, backup=True)
    assert dialog.windowTitle() == "Back up"
    assert dialog.export_format is ExportFormat.TWEESTAP
    assert dialog.password_form.isVisible()
    assert not dialog.warning.isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.message.message == "Choose a password of at least 8 characters."
    QTest.keyClicks(dialog.password_edit, "kort")
    assert dialog.message.message == "The password is too short: use at least 8 characters."
    QTest.keyClicks(dialog.password_edit, " genoeg")
    assert dialog.message.message == "Now type the password again."
    QTest.keyClicks(dialog.repeat_edit, "kort genoeG")
    assert dialog.message.message == "The two passwords are not the same."
    assert not dialog.save_button.isEnabled()
    dialog.repeat_edit.setText("kort genoeg")
    assert dialog.message.message.startswith("The passwords match.")
    assert dialog.save_button.isEnabled()


def test_backup_is_saved_private_importable_and_recorded(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts = some_accounts()
    vault.add_many(accounts)
    target = tmp_path / "chosen.tweestap-backup"
    suggested: list[str] = []

    def get_save_file_name(parent: QWidget, title: str, name: str, *a: object) -> tuple[str, str]:
        suggested.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    dialog = export_dialog(qtbot, vault, backup=True)
    dialog.password_edit.setText(PASSWORD)
    dialog.repeat_edit.setText(PASSWORD)
    dialog.save_button.click()
    assert suggested[0].endswith("tweestap-backup-2023-11-14.tweestap-backup")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved_path == target
    assert target.stat().st_mode & 0o777 == 0o600
    assert vault.settings[LAST_BACKUP_SETTING] == "2023-11-14T22:13:30Z"
    restored = importer("tweestap").read(target.read_bytes(), PASSWORD).accounts
    assert [a.label for a in restored] == [a.label for a in accounts]


def test_plain_formats_warn_and_need_no_password(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    vault.add_many(some_accounts())
    dialog = export_dialog(qtbot, vault)
    assert dialog.windowTitle() == "Export accounts"
    dialog.format_buttons[ExportFormat.OTPAUTH].click()
    assert dialog.export_format is ExportFormat.OTPAUTH
    assert not dialog.password_form.isVisible()
    assert dialog.warning.isVisible()
    assert "not encrypted: anyone who gets it can make your codes" in dialog.warning.text()
    assert dialog.save_button.isEnabled()
    dialog.select_format(ExportFormat.AEGIS_ENCRYPTED)
    assert dialog.password_form.isVisible()
    assert not dialog.warning.isVisible()
    dialog.select_format(ExportFormat.AEGIS)
    assert dialog.export_to(tmp_path / "aegis.json")
    assert not dialog.isVisible()
    assert importer("aegis").read((tmp_path / "aegis.json").read_bytes()).accounts


def test_google_export_shows_codes_one_at_a_time_that_decode_to_the_accounts(
    qtbot: QtBot, vault: Vault
) -> None:
    accounts = some_accounts(13)
    steam = Account(issuer="Steam", name="gamer", secret=b"s" * 10, type=OtpType.STEAM, digits=5)
    vault.add_many([*accounts, steam])
    exporter = export_dialog(qtbot, vault)
    exporter.format_buttons[ExportFormat.GOOGLE_QR].click()
    assert exporter.save_button.text() == "&Show QR codes"
    assert "Anyone who sees these QR codes" in exporter.warning.text()
    dialog = exporter.google_dialog()
    assert isinstance(dialog, GoogleExportDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.position_label.text() == "Code 1 of 2"
    assert not dialog.previous_button.isEnabled()
    assert "Steam: gamer: Google Authenticator cannot make Steam codes." in (
        dialog.left_out_label.text()
    )
    assert dialog.image_label.pixmap().width() >= 300
    code_area = dialog.image_label.geometry()
    assert code_area.height() >= dialog.image_label.pixmap().height()
    assert dialog.position_label.geometry().top() > code_area.bottom()  # corners stay free
    collector = MigrationCollector()
    (first,) = decoded(dialog)
    collector.add(parse_migration_uri(first))
    dialog.next_button.click()
    assert dialog.position_label.text() == "Code 2 of 2"
    assert not dialog.next_button.isEnabled()
    (second,) = decoded(dialog)
    collector.add(parse_migration_uri(second))
    assert collector.complete
    got = collector.accounts()
    assert [(a.label, a.secret) for a in got] == [(a.label, a.secret) for a in accounts]
    QTest.keyClick(dialog, Qt.Key.Key_Left)
    assert dialog.current == 0


def test_one_accounts_qr_code_adds_the_same_account_and_warns(qtbot: QtBot) -> None:
    account = Account(issuer="Zilliz", name="anna@zorg.nl", secret=b"12345678901234567890")
    dialog = AccountQrDialog(account)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Show QR code \u2013 Zilliz: anna@zorg.nl"
    assert "Anyone who sees this code can copy the account" in dialog.warning.text()
    assert not dialog.position_label.isVisible()
    assert decoded(dialog) == [format_uri(account)]


# -- the main window ---------------------------------------------------------------------------


def test_reminder_until_a_backup_is_made_or_put_off(
    make_window: Callable[[Vault], MainWindow],
    three_accounts: Vault,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(three_accounts)
    reminder = window.transfer.reminder
    assert reminder.isVisible()
    reminder.later_button.click()
    assert not reminder.isVisible()
    window.show_vault(None)
    assert not reminder.isVisible()  # put off for this session

    window.close()
    window = make_window(three_accounts)
    reminder = window.transfer.reminder
    assert reminder.isVisible()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "b.tweestap-backup"), "")
    )

    def save(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.password_edit.setText(PASSWORD)
        dialog.repeat_edit.setText(PASSWORD)
        dialog.save_button.click()

    when_modal_opens(save)
    reminder.backup_button.click()
    assert (tmp_path / "b.tweestap-backup").exists()
    assert not reminder.isVisible()


def test_no_reminder_without_accounts(
    make_window: Callable[[Vault], MainWindow], vault: Vault
) -> None:
    window = make_window(vault)
    assert not window.transfer.reminder.isVisible()
    assert not window.transfer.backup_action.isEnabled()
    assert window.transfer.import_action.isEnabled()


def test_menus_offer_import_export_backup_and_the_qr_code(
    make_window: Callable[[Vault], MainWindow], three_accounts: Vault
) -> None:
    window = make_window(three_accounts)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["&Import\u2026", "&Export\u2026", "&Back up\u2026"]
    accounts_menu = window.menuBar().actions()[1].menu()
    assert isinstance(accounts_menu, QMenu)
    assert window.transfer.show_qr_action in accounts_menu.actions()
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    assert window.transfer.show_qr_action.isEnabled()

    shown: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, AccountQrDialog)
        shown.append(dialog.account.label)
        dialog.reject()

    when_modal_opens(look)
    window.transfer.show_qr_action.trigger()
    assert shown == ["Zilliz: jan.jansen@zorg.example"]


def test_imported_accounts_appear_in_the_window(
    make_window: Callable[[Vault], MainWindow],
    vault: Vault,
    tmp_path: Path,
    qtbot: QtBot,
) -> None:
    window = make_window(vault)
    path = backup_file(tmp_path, some_accounts(2))

    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        dialog.open_file(path)
        qtbot.waitUntil(lambda: dialog.page is Page.PASSWORD, timeout=10_000)
        dialog.password_edit.setText(PASSWORD)
        dialog.submit_password()
        qtbot.waitUntil(lambda: dialog.page is Page.SUMMARY, timeout=10_000)
        dialog.action_button.click()

    when_modal_opens(run)
    window.transfer.import_action.trigger()
    assert window.model.rowCount() == 2
    assert window.transfer.reminder.isVisible()
