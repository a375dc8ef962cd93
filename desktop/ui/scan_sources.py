"""Reading the key from a QR code in the add-account window: the screen, an image file,
a pasted picture or a picture file dropped on the window.

What a scan found is handed to :func:`desktop.scan.choose.choose`; an account link goes to
the window's key field (its usual check and review run), anything else is explained
under the buttons. The scanning modules (numpy, OpenCV, zxing-cpp) are imported on the
first click, so opening the window stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.ui.account_input import MessageLabel, Tone

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from desktop.scan.choose import ScanOutcome, Source

IMAGE_PATTERNS = "*.png *.jpg *.jpeg *.bmp *.webp *.tif *.tiff *.gif"


def pick_from_list(parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
    """The index of the item the person chose in a small list, or ``None`` (cancelled)."""
    text, ok = QInputDialog.getItem(parent, title, label, list(items), 0, False)
    if not ok or text not in items:
        return None
    return list(items).index(text)


def dropped_files(mime: QMimeData | None) -> list[str]:
    """The local files in a drag (a file manager's file URLs), in order."""
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class ScanSources(QWidget):
    """The "Scan screen", "Open image…" and "Paste image" buttons and their message.

    ``set_key_text`` receives the account link that was read. Picture files dropped on
    ``drop_target`` (the whole window) are read as well.
    """

    message_changed = Signal()
    """The sentence under the buttons appeared or changed (the window may need to grow)."""

    def __init__(
        self,
        set_key_text: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        drop_target: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._set_key_text = set_key_text

        self.screen_button = QPushButton(self.tr("Scan scree&n"), self)
        self.screen_button.setAccessibleName(self.tr("Scan the screen for a QR code"))
        self.open_button = QPushButton(self.tr("Open &image\u2026"), self)
        self.open_button.setAccessibleName(self.tr("Open an image of the QR code"))
        self.paste_button = QPushButton(self.tr("&Paste image"), self)
        self.paste_button.setAccessibleName(self.tr("Paste an image of the QR code"))
        self.message = MessageLabel(None, self)

        self.screen_button.clicked.connect(self.scan_screen)
        self.open_button.clicked.connect(self.open_image)
        self.paste_button.clicked.connect(self.paste_image)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.screen_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.paste_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        if drop_target is not None:
            drop_target.setAcceptDrops(True)
            drop_target.installEventFilter(self)

    # -- the sources ----------------------------------------------------------------------

    def scan_screen(self) -> None:
        """Read the QR codes on every screen."""

        def read() -> list[str]:
            from desktop.scan.screen import decode_screens

            return [code.payload for code in decode_screens()]

        self._scan(read, "screen")

    def open_image(self) -> None:
        """Ask for a picture file and read it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an image of the QR code"),
            "",
            self.tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_PATTERNS),
        )
        if path:
            self.read_files([path])

    def paste_image(self) -> None:
        """Read the picture (or picture files) on the clipboard."""

        def read() -> list[str]:
            from desktop.scan.clipboard import decode_clipboard_image

            return decode_clipboard_image(QGuiApplication.clipboard())

        self._scan(read, "picture")

    def read_files(self, paths: Sequence[str]) -> None:
        """Read the QR codes in picture files (opened or dropped), in order."""

        def read() -> list[str]:
            from desktop.scan.decode import decode_image_file

            texts: list[str] = []
            for path in paths:
                texts += decode_image_file(path)
            return texts

        self._scan(read, "picture")

    def clear_message(self) -> None:
        self.message.clear_message()

    # -- dropping files -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
            event, QDragMoveEvent
        ):
            if dropped_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            files = dropped_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self.read_files(files)
                return True
        return super().eventFilter(watched, event)

    # -- what was found -------------------------------------------------------------------

    def _scan(self, read: Callable[[], list[str]], source: Source) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from desktop.scan.choose import choose

            outcome = choose(read(), source=source)
        except UserError as error:
            self._explain(error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._follow(outcome)

    def _follow(self, outcome: ScanOutcome) -> None:
        if outcome.action == "fill":
            self._fill(outcome.payload)
        elif outcome.action == "pick":
            index = pick_from_list(
                self.window(),
                self.tr("Choose an account"),
                self.tr("Several QR codes were found. Which account do you want to add?"),
                [option.label for option in outcome.options],
            )
            if index is not None:
                self._fill(outcome.options[index].payload)
        elif outcome.message is not None:
            self._explain(outcome.message)

    def _fill(self, payload: str) -> None:
        self.message.clear_message()
        self._set_key_text(payload)

    def _explain(self, error: UserError) -> None:
        self.message.show_message(error_text(error), Tone.ERROR)
        self.message_changed.emit()
