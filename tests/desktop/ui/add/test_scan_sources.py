"""Reading the key from a QR code in the add-account window: screen, image file, pasted
picture, dropped file, and the pick list for several codes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QClipboard, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.add import scan_sources
from desktop.ui.add.add_dialog import AddAccountDialog
from desktop.ui.add.scan_sources import dropped_files
from desktop.ui.common.account_fields import Tone
from desktop.vault import Vault
from tests.helpers import synthetic
from tests.helpers.synthetic import OTPAUTH

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

BANK = "otpauth://totp/Bank:piet?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank"
WEB = "https://zilliz.nl/inloghulp/"


def picture(*texts: str) -> np.ndarray:
    """A white page with the QR codes of ``texts`` side by side."""
    image = synthetic.page(300, 220 * max(1, len(texts)) + 20)
    for i, text in enumerate(texts):
        image = synthetic.paste(image, synthetic.qr(text, module=3), 20 + 220 * i, 40)
    return image


def picture_file(tmp_path: Path, *texts: str) -> Path:
    return synthetic.write_png(tmp_path / "code.png", picture(*texts))


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    """Answer the open-file window with ``path`` (``None``: cancelled); returns its titles."""
    titles: list[str] = []

    def answer(parent: QWidget, title: str, folder: str, filters: str) -> tuple[str, str]:
        titles.append(title)
        assert "*.png" in filters
        return ("", "") if path is None else (str(path), filters.split(";;")[0])

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    return titles


def open_image(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, path: Path | None
) -> None:
    choose_file(monkeypatch, path)
    dialog.scan_sources.open_button.click()


def scan_message(dialog: AddAccountDialog) -> str:
    return dialog.scan_sources.message.message


def test_the_buttons_sit_under_the_key_field(dialog: AddAccountDialog) -> None:
    sources = dialog.scan_sources
    assert dialog.extra_sources_layout.indexOf(sources) == 0
    texts = [b.text() for b in (sources.screen_button, sources.open_button, sources.paste_button)]
    assert texts == ["Scan scree&n", "Open &image\u2026", "&Paste image"]
    assert not sources.message.isVisible()
    assert dialog.acceptDrops()


def test_an_opened_image_fills_the_key_and_the_names(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    titles = choose_file(monkeypatch, picture_file(tmp_path, OTPAUTH))
    dialog.scan_sources.open_button.click()
    assert titles == ["Open an image of the QR code"]
    assert dialog.key_edit.text() == OTPAUTH
    assert (dialog.issuer_edit.text(), dialog.name_edit.text()) == ("Zilliz", "anna@zorg.nl")
    assert dialog.key_message.tone is Tone.OK
    assert dialog.add_button.isEnabled()
    assert not dialog.scan_sources.message.isVisible()
    assert QApplication.overrideCursor() is None  # the busy cursor is gone again


def test_cancelling_the_file_window_does_nothing(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_image(dialog, monkeypatch, None)
    assert dialog.key_edit.text() == ""
    assert not dialog.scan_sources.message.isVisible()


def test_a_web_address_code_is_explained_and_nothing_is_filled(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, vault: Vault
) -> None:
    open_image(dialog, monkeypatch, picture_file(tmp_path, WEB))
    assert dialog.key_edit.text() == ""
    assert dialog.scan_sources.message.tone is Tone.ERROR
    assert scan_message(dialog).startswith("This QR code opens a web page (zilliz.nl)")
    assert dialog.scan_sources.message.isVisible()
    assert not dialog.add_button.isEnabled()
    assert vault.accounts == ()


def test_a_picture_without_a_code_says_so(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    open_image(dialog, monkeypatch, picture_file(tmp_path))
    assert scan_message(dialog).startswith("No QR code was found in the picture.")
    assert dialog.key_edit.text() == ""


def test_a_file_that_is_no_picture_is_explained(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = tmp_path / "code.png"
    text.write_text("not a picture")
    open_image(dialog, monkeypatch, text)
    assert scan_message(dialog).startswith(f"The file {text} is not a picture Tweestap can read")
    assert QApplication.overrideCursor() is None


def test_typing_in_the_key_field_clears_the_scan_message(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    open_image(dialog, monkeypatch, picture_file(tmp_path))
    assert dialog.scan_sources.message.isVisible()
    dialog.key_edit.setFocus()
    dialog.key_edit.insert("J")  # as typed: textEdited
    assert not dialog.scan_sources.message.isVisible()


def test_several_codes_offer_a_pick_list(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[tuple[QWidget, str, str, list[str]]] = []

    def pick(parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
        asked.append((parent, title, label, list(items)))
        return 1

    monkeypatch.setattr(scan_sources, "pick_from_list", pick)
    open_image(dialog, monkeypatch, picture_file(tmp_path, OTPAUTH, WEB, BANK))
    [(parent, title, label, items)] = asked
    assert parent is dialog
    assert title == "Choose an account"
    assert "Several QR codes" in label
    assert items == ["Zilliz: anna@zorg.nl", "Bank: piet"]
    assert dialog.key_edit.text() == BANK
    assert (dialog.issuer_edit.text(), dialog.name_edit.text()) == ("Bank", "piet")


def test_cancelling_the_pick_list_fills_nothing(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(scan_sources, "pick_from_list", lambda *args: None)
    open_image(dialog, monkeypatch, picture_file(tmp_path, OTPAUTH, BANK))
    assert dialog.key_edit.text() == ""
    assert not dialog.scan_sources.message.isVisible()


def test_the_pick_list_maps_the_chosen_text_back_to_its_index(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers = iter([("b", True), ("b", False)])
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: next(answers)))
    assert scan_sources.pick_from_list(parent, "t", "l", ["a", "b"]) == 1
    assert scan_sources.pick_from_list(parent, "t", "l", ["a", "b"]) is None


def test_a_pasted_picture_is_read(
    dialog: AddAccountDialog, clipboard: QClipboard, tmp_path: Path
) -> None:
    clipboard.setImage(QImage(str(picture_file(tmp_path, OTPAUTH))))
    dialog.scan_sources.paste_button.click()
    assert dialog.key_edit.text() == OTPAUTH
    assert dialog.issuer_edit.text() == "Zilliz"


def test_pasting_without_a_picture_is_explained(
    dialog: AddAccountDialog, clipboard: QClipboard
) -> None:
    clipboard.setText("JBSWY3DPEHPK3PXP")
    dialog.scan_sources.paste_button.click()
    assert scan_message(dialog).startswith("The clipboard holds no picture.")
    assert dialog.key_edit.text() == ""


def drag_events(mime: QMimeData) -> tuple[QDragEnterEvent, QDropEvent]:
    """Entering with and dropping ``mime`` (which must outlive the events)."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    enter = QDragEnterEvent(QPoint(10, 10), *args)
    drop = QDropEvent(QPointF(10, 10), *args)
    enter.setAccepted(False)
    drop.setAccepted(False)
    return enter, drop


def test_a_picture_file_dropped_on_the_window_is_read(
    dialog: AddAccountDialog, tmp_path: Path
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture_file(tmp_path, OTPAUTH)))])
    enter, drop = drag_events(mime)
    # What Qt's drag handling does with the events of a drag over the window.
    assert dialog.scan_sources.eventFilter(dialog, enter)
    assert enter.isAccepted()
    assert dialog.key_edit.text() == ""
    assert dialog.scan_sources.eventFilter(dialog, drop)
    assert drop.isAccepted()
    assert dialog.key_edit.text() == OTPAUTH
    assert dialog.name_edit.text() == "anna@zorg.nl"


def test_a_drag_without_files_is_not_taken(dialog: AddAccountDialog) -> None:
    mime = QMimeData()
    mime.setText("JBSWY3DPEHPK3PXP")
    enter, drop = drag_events(mime)
    assert not dialog.scan_sources.eventFilter(dialog, enter)
    assert not enter.isAccepted()
    assert not dialog.scan_sources.eventFilter(dialog, drop)
    assert not drop.isAccepted()
    assert dialog.key_edit.text() == ""


def test_dropped_text_is_left_alone(dialog: AddAccountDialog) -> None:
    mime = QMimeData()
    mime.setText("hello")
    assert dropped_files(mime) == []
    assert dropped_files(None) == []
    mime.setUrls([QUrl("https://zilliz.nl/code.png")])
    assert dropped_files(mime) == []


def test_dropped_files_are_read_in_order(dialog: AddAccountDialog, tmp_path: Path) -> None:
    empty = synthetic.write_png(tmp_path / "empty.png", picture())
    code = synthetic.write_png(tmp_path / "bank.png", picture(BANK))
    dialog.scan_sources.read_files([str(empty), str(code)])
    assert dialog.key_edit.text() == BANK


def test_screen_scan_without_a_display_explains_why(dialog: AddAccountDialog) -> None:
    assert QGuiApplication.platformName() == "offscreen"
    dialog.scan_sources.screen_button.click()
    assert scan_message(dialog).startswith("There is no screen to capture")
    assert dialog.key_edit.text() == ""
    assert QApplication.overrideCursor() is None


def test_codes_on_the_screen_fill_the_key(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.capture import screens

    found = [screens.ScreenCode(WEB, "one", (0, 0, 10, 10))]
    monkeypatch.setattr(screens, "decode_screens", lambda: found)
    dialog.scan_sources.screen_button.click()
    assert scan_message(dialog).startswith("This QR code opens a web page")
    found.append(screens.ScreenCode(OTPAUTH, "two", (0, 0, 10, 10)))
    dialog.scan_sources.screen_button.click()
    assert dialog.key_edit.text() == OTPAUTH
    assert not dialog.scan_sources.message.isVisible()
    monkeypatch.setattr(screens, "decode_screens", list)
    dialog.scan_sources.screen_button.click()
    assert scan_message(dialog).startswith("No QR code was found on the screen.")
