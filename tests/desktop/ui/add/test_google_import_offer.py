"""Google Authenticator exports in the add-account window: opened as a picture, pasted as
text (button or key field), in several parts, with accounts already stored, and the
corpus's broken exports, which store nothing."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.importers import ImportResult
from desktop.importers.into_vault import store
from desktop.otp.model import Account, OtpType
from desktop.otp.secret import parse_setup_key
from desktop.scan.export_parts import ExportCollection, read_export_text
from desktop.scan.migration import PREFIX, encode_migration_uris
from desktop.scan.migration_schema import MigrationPayload
from desktop.ui.add.add_dialog import AddAccountDialog, Page
from desktop.ui.common.account_fields import Tone
from desktop.vault import Vault
from tests.helpers import synthetic
from tests.paths import INTEROP

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

SCITO = INTEROP / "google-migration" / "scito-extract_otp_secrets"
PNG_ACCOUNTS = [
    ("Test1", "test1@example1.com"),
    ("Test2", "test2@example2.com"),
    ("Test3", "test3@example3.com"),
]


@pytest.fixture
def export_png(tmp_path: Path) -> Path:
    """A copy of the corpus's export picture (the corpus is read-only; the window may
    offer to delete the picture)."""
    return Path(shutil.copy(SCITO / "example_export.png", tmp_path / "example_export.png"))


def open_image(dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    def answer(parent: QWidget, title: str, folder: str, filters: str) -> tuple[str, str]:
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    dialog.scan_sources.open_button.click()


def stored(vault: Vault) -> list[tuple[str, str]]:
    return [(a.issuer, a.name) for a in vault.accounts]


def png_secrets() -> dict[tuple[str, str], bytes]:
    from desktop.scan.decode import decode_image_file

    [text] = decode_image_file(SCITO / "example_export.png")
    batches = read_export_text(text)
    return {(a.issuer, a.name): a.secret for b in batches for a in b.accounts}


def test_an_opened_export_picture_offers_to_import_all_its_accounts(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, export_png: Path, vault: Vault
) -> None:
    open_image(dialog, monkeypatch, export_png)
    offer = dialog.export_offer
    assert offer.isVisible()
    assert offer.message.message == "Google Authenticator export read: 3 accounts."
    assert offer.message.tone is Tone.OK
    assert offer.import_button.text() == "Import all 3 accounts"
    assert offer.import_button.isVisible()
    assert dialog.key_edit.text() == ""  # an export is not a setup key
    assert not dialog.scan_sources.message.isVisible()
    assert not vault.accounts  # nothing before the button
    offer.import_button.click()
    assert dialog.page is Page.IMPORTED
    assert stored(vault) == PNG_ACCOUNTS
    assert dialog.imported_title.text() == "Accounts imported"
    assert dialog.imported_summary.text() == (
        "3 accounts were imported: Test1: test1@example1.com, Test2: test2@example2.com, "
        "Test3: test3@example3.com."
    )
    imported_ids = [account.id for account in dialog.imported_accounts]
    assert imported_ids == [account.id for account in vault.accounts]
    assert dialog.import_delete_offer.asking
    assert dialog.import_delete_offer.paths == [str(export_png)]
    assert not offer.isVisible()  # imported: the offer is done
    dialog.imported_close_button.click()
    assert dialog.result() == AddAccountDialog.DialogCode.Accepted


def test_accounts_already_stored_are_not_doubled_and_look_alikes_are_kept_and_said(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, export_png: Path, vault: Vault
) -> None:
    secrets = png_secrets()
    vault.add(Account(issuer="Test1", name="test1@example1.com", secret=secrets[PNG_ACCOUNTS[0]]))
    vault.add(Account(issuer="Test2", name="test2@example2.com", secret=b"another key, not ours"))
    open_image(dialog, monkeypatch, export_png)
    dialog.export_offer.import_button.click()
    assert stored(vault) == [*PNG_ACCOUNTS[:2], *PNG_ACCOUNTS[1:]]
    assert vault.accounts[1].secret == b"another key, not ours"  # never replaced silently
    assert vault.accounts[2].secret == secrets[PNG_ACCOUNTS[1]]  # and the export's one kept
    assert dialog.imported_summary.text() == (
        "2 accounts were imported: Test2: test2@example2.com, Test3: test3@example3.com. "
        "Already in Tweestap, so not added again: Test1: test1@example1.com. "
        "Imported, but they look like another account; remove the one you do not need: "
        "Test2: test2@example2.com (same name as Test2: test2@example2.com, another setup key)."
    )


def test_importing_twice_adds_nothing_the_second_time(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, export_png: Path, vault: Vault
) -> None:
    open_image(dialog, monkeypatch, export_png)
    dialog.export_offer.import_button.click()
    scanned = [*collection_of(export_png).accounts()]
    again = store(vault, ImportResult(format_key="google_migration", accounts=scanned))
    assert again.imported == [] and len(again.duplicates) == 3
    assert stored(vault) == PNG_ACCOUNTS


def collection_of(path: Path) -> ExportCollection:
    from desktop.scan.decode import decode_image_file

    collection = ExportCollection()
    for text in decode_image_file(path):
        for batch in read_export_text(text):
            collection.add(batch)
    return collection


def test_a_pasted_text_export_with_several_exports_imports_each_account_once(
    dialog: AddAccountDialog, clipboard: QClipboard, vault: Vault
) -> None:
    clipboard.setText((SCITO / "example_export.txt").read_text(encoding="utf-8"))
    dialog.scan_sources.paste_button.click()
    offer = dialog.export_offer
    assert offer.message.message == "Google Authenticator export read: 6 accounts."
    assert offer.import_button.text() == "Import all 6 accounts"
    offer.import_button.click()
    assert stored(vault) == [
        ("raspberrypi", "pi@raspberrypi"),
        ("", "pi@raspberrypi"),
        ("", "hotp demo"),
        ("encoding", "\u00bf\u00e4\u00c4\u00e9\u00c9? (demo)"),
    ]
    hotp = vault.accounts[2]
    assert (hotp.type, hotp.counter) == (OtpType.HOTP, 4)
    assert all(a.secret == parse_setup_key("7KSQL2JTUDIS5EF65KLMRQIIGY") for a in vault.accounts)
    summary = dialog.imported_summary.text()
    assert summary.startswith("4 accounts were imported: raspberrypi: pi@raspberrypi, ")
    assert "Already in Tweestap, so not added again: pi@raspberrypi, raspberrypi: pi@" in summary
    assert not dialog.import_delete_offer.isVisible()  # pasted text: no file to delete


def test_an_export_pasted_into_the_key_field_goes_to_the_offer(
    dialog: AddAccountDialog, clipboard: QClipboard, vault: Vault
) -> None:
    clipboard.setText((SCITO / "example_export_only_totp.txt").read_text(encoding="utf-8"))
    dialog.key_edit.setFocus()
    dialog.key_edit.paste()
    assert dialog.key_edit.text() == ""
    assert not dialog.key_message.isVisible()
    assert dialog.export_offer.import_button.text() == "Import all 5 accounts"
    dialog.export_offer.import_button.click()
    assert len(vault.accounts) == 3  # two of the five were the same account again


def test_a_single_export_link_typed_into_the_key_field_goes_to_the_offer(
    dialog: AddAccountDialog,
) -> None:
    [link] = [
        line
        for line in (
            INTEROP / "google-migration" / "gnome-authenticator" / "google_migration_discord.txt"
        )
        .read_text()
        .splitlines()
        if line.startswith("otpauth-migration://")
    ]
    dialog.set_key_text(link)
    assert dialog.key_edit.text() == ""
    assert dialog.export_offer.import_button.text() == "Import 1 account"
    assert dialog.export_offer.message.message == "Google Authenticator export read: 1 account."


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        ("test_export_wrong_data.txt", "This Google Authenticator export cannot be read"),
        ("test_export_wrong_prefix.txt", "Line 1 is not a Google Authenticator export link"),
    ],
)
def test_a_broken_text_export_is_explained_and_nothing_is_stored(
    dialog: AddAccountDialog, clipboard: QClipboard, vault: Vault, name: str, sentence: str
) -> None:
    clipboard.setText((SCITO / name).read_text(encoding="utf-8"))
    dialog.scan_sources.paste_button.click()
    offer = dialog.export_offer
    assert offer.isVisible()
    assert offer.message.tone is Tone.ERROR
    assert offer.message.message.startswith(sentence)
    assert not offer.import_button.isVisible()
    assert vault.accounts == ()


def test_a_damaged_export_link_pasted_into_the_key_field_is_explained(
    dialog: AddAccountDialog,
) -> None:
    dialog.set_key_text("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8")
    assert dialog.export_offer.message.tone is Tone.ERROR
    assert "Google Authenticator export cannot be read" in dialog.export_offer.message.message
    assert not dialog.add_button.isEnabled()


def test_a_qr_code_that_only_mentions_an_export_is_explained(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, vault: Vault
) -> None:
    picture = Path(shutil.copy(SCITO / "qr_but_without_otp.png", tmp_path / "qr.png"))
    open_image(dialog, monkeypatch, picture)
    assert not dialog.export_offer.isVisible()
    assert dialog.scan_sources.message.message.startswith(
        "This QR code holds \u201cNOT A otpauth-migration:// URL\u201d, which is not an account"
    )
    assert dialog.key_edit.text() == "" and vault.accounts == ()


def test_a_text_named_like_a_picture_is_explained(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, vault: Vault
) -> None:
    fake = SCITO / "text_masquerading_as_image.jpeg"
    open_image(dialog, monkeypatch, fake)
    assert dialog.scan_sources.message.message.startswith(
        f"The file {fake} is not a picture Tweestap can read."
    )
    assert not dialog.export_offer.isVisible()
    assert vault.accounts == ()


def test_the_parts_of_an_export_in_two_pictures_are_put_together(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, vault: Vault
) -> None:
    accounts = [
        Account(issuer="Zilliz", name=f"user{i}", secret=bytes([70 + i]) * 20) for i in range(4)
    ]
    first, second = encode_migration_uris(accounts, batch_id=123456, per_batch=2)

    def part(name: str, text: str) -> Path:
        image = synthetic.paste(synthetic.page(400, 400), synthetic.qr(text, module=3), 20, 20)
        return synthetic.write_png(tmp_path / name, image)

    open_image(dialog, monkeypatch, part("part2.png", second))
    offer = dialog.export_offer
    assert offer.message.message == "Part of a Google Authenticator export was read."
    assert offer.details.text() == (
        "Part 1 of this Google Authenticator export (of 2 QR codes) is still missing. "
        "Scan it too; nothing of this export was added yet."
    )
    assert not offer.import_button.isVisible()
    open_image(dialog, monkeypatch, part("part1.png", first))
    assert offer.import_button.text() == "Import all 4 accounts"
    assert offer.details.isHidden()
    offer.import_button.click()
    assert stored(vault) == [("Zilliz", f"user{i}") for i in range(4)]
    assert dialog.import_delete_offer.paths == [
        str(tmp_path / "part2.png"),
        str(tmp_path / "part1.png"),
    ]


def test_an_export_with_an_unusable_account_imports_the_others_and_says_why(
    dialog: AddAccountDialog, clipboard: QClipboard, vault: Vault
) -> None:
    payload = MigrationPayload(version=1, batch_size=1, batch_index=0, batch_id=5)
    payload.otp_parameters.add(secret=b"A" * 20, name="ok", issuer="Svc", algorithm=1, type=2)
    payload.otp_parameters.add(secret=b"B" * 20, name="old", issuer="Svc", algorithm=4, type=2)
    link = PREFIX + "offline?data=" + base64.b64encode(payload.SerializeToString()).decode()
    clipboard.setText(link)
    dialog.scan_sources.paste_button.click()
    offer = dialog.export_offer
    assert offer.import_button.text() == "Import 1 account"
    assert offer.details.text() == (
        "Svc: old cannot be imported: It uses the MD5 algorithm, which Tweestap cannot make "
        "codes with."
    )
    offer.import_button.click()
    assert stored(vault) == [("Svc", "ok")]
    assert dialog.imported_summary.text().endswith("Tweestap cannot use: Svc: old.")
