"""Qt's own words (a text field's context menu, the file dialog's buttons) follow the app's
language: the seed tells people to *plakken* the instelsleutel, so "Paste" in a Dutch
window would be a stranger's word."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop import i18n

pytestmark = pytest.mark.gui


@pytest.fixture
def language() -> Iterator[None]:
    yield
    i18n.install("en")


def menu_texts(field: QLineEdit) -> list[str]:
    menu = field.createStandardContextMenu()
    try:
        return [action.text().split("\t")[0].replace("&", "") for action in menu.actions()]
    finally:
        menu.deleteLater()


def test_a_text_fields_context_menu_is_dutch_in_the_dutch_app(qtbot: QtBot, language: None) -> None:
    assert i18n.install("nl") == "nl"
    field = QLineEdit()
    qtbot.addWidget(field)
    texts = menu_texts(field)
    assert "Plakken" in texts
    assert "Knippen" in texts
    assert "Alles selecteren" in texts
    assert "Paste" not in texts


def test_switching_back_to_english_gives_qts_english_words_again(
    qtbot: QtBot, language: None
) -> None:
    i18n.install("nl")
    i18n.install("en")
    field = QLineEdit()
    qtbot.addWidget(field)
    assert "Paste" in menu_texts(field)


def test_qts_own_file_dialog_speaks_dutch_in_the_dutch_app(qtbot: QtBot, language: None) -> None:
    i18n.install("nl")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    assert {button.text().replace("&", "") for button in box.buttons()} >= {"Annuleren"}


def test_the_qt_catalogue_is_found_where_pyside6_keeps_it() -> None:
    folder = i18n.qt_translations_dir()
    assert folder is not None
    assert (folder / "qtbase_nl.qm").is_file()
