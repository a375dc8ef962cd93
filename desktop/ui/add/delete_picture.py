"""After an account was added from a picture file: offer to delete that file.

A screenshot of the login page's QR code holds the setup key, so anyone who finds the file
can make the codes too. The offer moves the file to the system's trash where there is one
(``QFile.moveToTrash``), and deletes it otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QFile, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.common.account_fields import MessageLabel, Tone, set_notice


def discard_file(path: str) -> bool:
    """Move ``path`` to the trash, or delete it where there is no trash.

    Returns ``True`` when the file went to the trash, ``False`` when it was deleted; raises
    :class:`OSError` when neither worked.
    """
    if move_to_trash(path):
        return True
    os.unlink(path)
    return False


def move_to_trash(path: str) -> bool:
    """The system's trash (freedesktop.org's on Linux, the Recycle Bin, the macOS Trash);
    ``False`` where there is none for this file."""
    return QFile(path).moveToTrash()


class DeleteFileOffer(QFrame):
    """ "Delete the screenshot? It contains the setup key." with Delete and Keep."""

    answered = Signal()
    """Delete or Keep was pressed (the window may shrink)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[str] = []
        self.question = QLabel(self.tr("Delete the screenshot? It contains the setup key."), self)
        self.question.setWordWrap(True)
        set_notice(self.question)
        self.files_label = QLabel(self)
        self.files_label.setWordWrap(True)
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)
        self.files_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the screenshot"))
        self.keep_button = QPushButton(self.tr("&Keep"), self)
        self.keep_button.setAccessibleName(self.tr("Keep the screenshot"))
        self.result = MessageLabel(None, self)
        self.delete_button.clicked.connect(self.delete_files)
        self.keep_button.clicked.connect(self.keep_files)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        self._asking = QWidget(self)
        asking = QVBoxLayout(self._asking)
        asking.setContentsMargins(0, 0, 0, 0)
        asking.addWidget(self.question)
        asking.addWidget(self.files_label)
        asking.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._asking)
        layout.addWidget(self.result)
        self.setVisible(False)

    def offer(self, paths: Sequence[str]) -> None:
        """Ask about ``paths`` (those that still exist); nothing to ask: stay hidden."""
        self.paths = [p for p in dict.fromkeys(paths) if Path(p).is_file()]
        self.result.clear_message()
        self._asking.setVisible(bool(self.paths))
        self.files_label.setText("\n".join(self.paths))
        self.setVisible(bool(self.paths))

    @property
    def asking(self) -> bool:
        """The question is up (not answered yet)."""
        return bool(self.paths) and not self.isHidden() and not self._asking.isHidden()

    def delete_files(self) -> None:
        trashed = deleted = 0
        for path in self.paths:
            try:
                if discard_file(path):
                    trashed += 1
                else:
                    deleted += 1
            except OSError as error:
                self._asking.setVisible(False)
                self.result.show_message(
                    self.tr(
                        "The screenshot could not be deleted ({reason}). Delete {path} yourself."
                    ).format(reason=error.strerror or type(error).__name__, path=path),
                    Tone.ERROR,
                )
                self.answered.emit()
                return
        self._asking.setVisible(False)
        if trashed:
            self.result.show_message(
                self.tr(
                    "The screenshot was moved to the trash. Empty the trash to remove it for good."
                ),
                Tone.OK,
            )
        elif deleted:
            self.result.show_message(self.tr("The screenshot was deleted."), Tone.OK)
        self.answered.emit()

    def keep_files(self) -> None:
        self.paths = []
        self.setVisible(False)
        self.answered.emit()
