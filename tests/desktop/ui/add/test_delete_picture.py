"""After adding an account from a picture file, the window offers to delete the file (it
holds the setup key): Delete moves it to the trash (or deletes it), Keep keeps it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.add import delete_picture as file_privacy
from desktop.ui.add.add_dialog import AddAccountDialog, Page
from desktop.ui.add.delete_picture import DeleteFileOffer, discard_file
from desktop.ui.common.account_fields import Tone
from tests.helpers import synthetic
from tests.helpers.synthetic import OTPAUTH
from tests.paths import INTEROP

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

QUESTION = "Delete the screenshot? It contains the setup key."


@pytest.fixture
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The trash Qt uses (the freedesktop.org one under XDG_DATA_HOME): the test's own."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data / "Trash" / "files"


@pytest.fixture
def screenshot(tmp_path: Path) -> Path:
    folder = tmp_path / "Pictures"
    folder.mkdir()
    image = synthetic.paste(synthetic.page(300, 300), synthetic.qr(OTPAUTH, module=3), 20, 20)
    return synthetic.write_png(folder / "Screenshot from 2024-06-17.png", image)


def open_image(dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    def answer(parent: QWidget, title: str, folder: str, filters: str) -> tuple[str, str]:
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    dialog.scan_sources.open_button.click()


def add_from(dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    open_image(dialog, monkeypatch, path)
    assert dialog.key_edit.text() == OTPAUTH
    dialog.add_button.click()
    assert dialog.page is Page.DONE


def test_after_adding_from_a_file_the_done_page_asks_to_delete_it(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, screenshot: Path
) -> None:
    add_from(dialog, monkeypatch, screenshot)
    offer = dialog.delete_offer
    assert offer.isVisible() and offer.asking
    assert offer.question.text() == QUESTION
    assert offer.files_label.text() == str(screenshot)
    assert offer.delete_button.text() == "&Delete" and offer.keep_button.text() == "&Keep"
    assert dialog.focusWidget() is dialog.close_button  # nothing is deleted by pressing Enter


def test_delete_moves_the_screenshot_to_the_trash(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, screenshot: Path, trash: Path
) -> None:
    add_from(dialog, monkeypatch, screenshot)
    dialog.delete_offer.delete_button.click()
    assert not screenshot.exists()
    if os.stat(trash.parent.parent).st_dev == os.stat(screenshot.parent).st_dev:
        assert (trash / screenshot.name).read_bytes()[:4] == b"\x89PNG"
    offer = dialog.delete_offer
    assert not offer.asking
    assert offer.result.message == (
        "The screenshot was moved to the trash. Empty the trash to remove it for good."
    )
    assert offer.result.tone is Tone.OK
    assert dialog.added_account is not None  # the account itself stays, of course


def test_keep_leaves_the_screenshot_alone(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, screenshot: Path, trash: Path
) -> None:
    add_from(dialog, monkeypatch, screenshot)
    before = screenshot.read_bytes()
    dialog.delete_offer.keep_button.click()
    assert screenshot.read_bytes() == before
    assert not dialog.delete_offer.isVisible()
    assert not trash.exists()
    dialog.close_button.click()
    assert screenshot.exists()


def test_without_a_trash_the_screenshot_is_deleted(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, screenshot: Path
) -> None:
    monkeypatch.setattr(file_privacy, "move_to_trash", lambda path: False)
    add_from(dialog, monkeypatch, screenshot)
    dialog.delete_offer.delete_button.click()
    assert not screenshot.exists()
    assert dialog.delete_offer.result.message == "The screenshot was deleted."


def test_a_screenshot_that_cannot_be_deleted_is_explained(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, screenshot: Path
) -> None:
    def refuse(path: str) -> None:
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(file_privacy, "move_to_trash", lambda path: False)
    monkeypatch.setattr("desktop.ui.add.delete_picture.os.unlink", refuse)
    offer = DeleteFileOffer()
    qtbot.addWidget(offer)
    offer.offer([str(screenshot)])
    offer.delete_button.click()
    assert screenshot.exists()
    assert offer.result.tone is Tone.ERROR
    assert offer.result.message == (
        f"The screenshot could not be deleted (Permission denied). Delete {screenshot} yourself."
    )


def test_a_key_typed_by_hand_asks_nothing(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, screenshot: Path
) -> None:
    open_image(dialog, monkeypatch, screenshot)
    dialog.key_edit.setFocus()
    dialog.key_edit.selectAll()
    dialog.key_edit.insert("JBSWY3DPEHPK3PXP")  # typed over what the picture gave
    dialog.name_edit.setText("jan")
    dialog.add_button.click()
    assert dialog.page is Page.DONE
    assert not dialog.delete_offer.isVisible()
    assert screenshot.exists()


def test_a_pasted_picture_asks_nothing(
    dialog: AddAccountDialog, screenshot: Path, qapp: object
) -> None:
    from PySide6.QtGui import QGuiApplication, QImage

    board = QGuiApplication.clipboard()
    board.setImage(QImage(str(screenshot)))
    try:
        dialog.scan_sources.paste_button.click()
    finally:
        board.clear()
    dialog.add_button.click()
    assert dialog.page is Page.DONE
    assert not dialog.delete_offer.isVisible()


def test_only_the_file_with_the_chosen_code_is_offered(
    dialog: AddAccountDialog, screenshot: Path, tmp_path: Path
) -> None:
    empty = synthetic.write_png(tmp_path / "empty.png", synthetic.page(100, 100))
    dialog.scan_sources.read_files([str(empty), str(screenshot)])
    dialog.add_button.click()
    assert dialog.delete_offer.paths == [str(screenshot)]


def test_an_imported_export_picture_can_be_deleted_too(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, trash: Path
) -> None:
    source = INTEROP / "google-migration" / "scito-extract_otp_secrets" / "example_export.png"
    picture = Path(shutil.copy(source, tmp_path / "export.png"))
    open_image(dialog, monkeypatch, picture)
    dialog.export_offer.import_button.click()
    offer = dialog.import_delete_offer
    assert offer.asking and offer.question.text() == QUESTION
    offer.delete_button.click()
    assert not picture.exists()
    assert source.exists()  # the corpus itself is never touched


def test_discard_file_reports_trash_or_delete(
    screenshot: Path, trash: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert discard_file(str(screenshot)) is True
    other = synthetic.write_png(tmp_path / "other.png", synthetic.page(10, 10))
    monkeypatch.setattr(file_privacy, "move_to_trash", lambda path: False)
    assert discard_file(str(other)) is False
    assert not other.exists()
    with pytest.raises(FileNotFoundError):
        discard_file(str(other))
