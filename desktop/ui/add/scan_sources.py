"""Reading the key from a QR code in the add-account window: the camera, the screen (whole,
or a region the person selects), an image file, a pasted picture or a picture file dropped
on the window.

What a scan found is handed to :func:`desktop.scan.choose.choose`; an account link goes to
the window's key field (its usual check and review run), a Google Authenticator export to
the window's import offer (``export_found``), anything else is explained under the
buttons. The camera has a page of its own in the window (``camera_requested``). Where
the screen cannot be captured (Wayland) the desktop's screenshot portal is offered.
The scanning modules (numpy, OpenCV, zxing-cpp) are imported on the first click, so
opening the window stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.ui.common.account_fields import MessageLabel, Tone

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from desktop.platform.screenshot_portal import ScreenshotPortal
    from desktop.scan.choose import ScanOutcome, Source
    from desktop.ui.add.region_select import RegionSelector
    from desktop.ui.capture.screens import Rect, ScreenShot

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
    """The "Camera", "Scan screen", "Select region…", "Open image…" and "Paste image"
    buttons and their message.

    ``set_key_text`` receives the account link that was read; :attr:`key_files` are then
    the picture files it came from (the window offers to delete them once the account is
    added). Picture files dropped on ``drop_target`` (the whole window) are read as well.
    """

    message_changed = Signal()
    """The sentence under the buttons appeared or changed (the window may need to grow)."""
    camera_requested = Signal()
    """The Camera button: the window shows its camera page."""
    export_found = Signal(list, list)
    """Google Authenticator export texts, and the picture files they came from."""

    def __init__(
        self,
        set_key_text: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        drop_target: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._set_key_text = set_key_text
        self.key_files: list[str] = []
        self._found_in: dict[str, str] = {}
        self.portal: ScreenshotPortal | None = None
        self.region_selector: RegionSelector | None = None

        self.camera_button = QPushButton(self.tr("&Camera"), self)
        self.camera_button.setAccessibleName(self.tr("Scan the QR code with the camera"))
        self.screen_button = QPushButton(self.tr("Scan scree&n"), self)
        self.screen_button.setAccessibleName(self.tr("Scan the screen for a QR code"))
        self.open_button = QPushButton(self.tr("Open &image\u2026"), self)
        self.open_button.setAccessibleName(self.tr("Open an image of the QR code"))
        self.paste_button = QPushButton(self.tr("&Paste image"), self)
        self.paste_button.setAccessibleName(self.tr("Paste an image of the QR code"))
        self.region_button = QPushButton(self.tr("Select re&gion\u2026"), self)
        self.region_button.setAccessibleName(
            self.tr("Select the region of the screen that shows the QR code")
        )
        self.message = MessageLabel(None, self)
        self.portal_button = QPushButton(self.tr("&Take a screenshot\u2026"), self)
        self.portal_button.setAccessibleName(
            self.tr("Take a screenshot with the desktop's screenshot tool")
        )
        self.portal_button.setVisible(False)

        self.camera_button.clicked.connect(self.camera_requested)
        self.screen_button.clicked.connect(self.scan_screen)
        self.region_button.clicked.connect(self.select_region)
        self.open_button.clicked.connect(self.open_image)
        self.paste_button.clicked.connect(self.paste_image)
        self.portal_button.clicked.connect(self.take_portal_screenshot)

        buttons = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setHorizontalSpacing(6)
        for column, button in enumerate(
            (self.camera_button, self.screen_button, self.region_button)
        ):
            buttons.addWidget(button, 0, column)
        buttons.addWidget(self.open_button, 1, 0)
        buttons.addWidget(self.paste_button, 1, 1)
        buttons.setColumnStretch(3, 1)
        offer = QHBoxLayout()
        offer.setContentsMargins(0, 0, 0, 0)
        offer.addWidget(self.portal_button)
        offer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addLayout(offer)

        if drop_target is not None:
            drop_target.setAcceptDrops(True)
            drop_target.installEventFilter(self)

    # -- the sources ----------------------------------------------------------------------

    def scan_screen(self) -> None:
        """Read the QR codes on every screen."""

        def read() -> list[str]:
            from desktop.ui.capture.screens import decode_screens

            return [code.payload for code in decode_screens()]

        self._scan(read, "screen")

    def select_region(self) -> None:
        """Capture every screen and let the person drag a rectangle around the QR code."""
        from desktop.ui.add.region_select import RegionSelector
        from desktop.ui.capture.screens import grab_screens

        self.cancel_region()
        try:
            shots = grab_screens()
        except UserError as error:
            self._explain(error)
            return
        self.clear_message()
        selector = RegionSelector(shots, self.window())
        selector.picked.connect(self._region_picked)
        selector.cancelled.connect(self.cancel_region)
        self.region_selector = selector
        selector.start()

    def cancel_region(self) -> None:
        """Close the region overlays, if they are up (Esc, or the window closes)."""
        selector, self.region_selector = self.region_selector, None
        if selector is not None:
            selector.close_overlays()
            selector.deleteLater()

    def _region_picked(self, shot: ScreenShot, rect: Rect) -> None:
        self.cancel_region()

        def read() -> list[str]:
            from desktop.ui.capture.screens import decode_region

            return decode_region(shot, rect)

        self._scan(read, "region")

    def take_portal_screenshot(self) -> None:
        """Ask the desktop's screenshot portal for a picture (Wayland), then read it."""
        portal = self._screenshot_portal()
        if portal.waiting:
            return
        portal.request()

    def set_portal(self, portal: ScreenshotPortal) -> None:
        """Use ``portal`` for screenshots (the session bus's portal unless set)."""
        self.portal = portal
        portal.captured.connect(self._portal_captured)
        portal.failed.connect(self._explain)

    def _screenshot_portal(self) -> ScreenshotPortal:
        if self.portal is not None:
            return self.portal
        from desktop.platform.screenshot_portal import ScreenshotPortal

        portal = ScreenshotPortal(parent=self)
        self.set_portal(portal)
        return portal

    def _portal_captured(self, path: str) -> None:
        self.portal_button.setVisible(False)
        self.read_files([path])

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
        """Read the picture (or picture files) on the clipboard; without one, a copied
        account link or Google Authenticator export text is taken too."""
        text = _clipboard_text()
        if text is not None:
            from desktop.scan.export_parts import holds_export

            self._found_in = {}
            if holds_export(text):
                self.clear_message()
                self.export_found.emit([text], [])
            else:
                self._found([text], "picture")
            return

        def read() -> list[str]:
            from desktop.ui.capture.clipboard_image import decode_clipboard_image

            return decode_clipboard_image(QGuiApplication.clipboard())

        self._scan(read, "picture")

    def read_files(self, paths: Sequence[str]) -> None:
        """Read the QR codes in picture files (opened or dropped), in order."""

        def read() -> list[str]:
            from desktop.scan.decode import decode_image_file

            texts: list[str] = []
            for path in paths:
                for text in decode_image_file(path):
                    self._found_in.setdefault(text, path)
                    texts.append(text)
            return texts

        self._scan(read, "picture")

    def clear_message(self) -> None:
        self.message.clear_message()
        self.portal_button.setVisible(False)

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
        self._found_in = {}
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            payloads = read()
        except UserError as error:
            self._explain(error)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._found(payloads, source)

    def _found(self, payloads: list[str], source: Source) -> None:
        from desktop.scan.choose import choose
        from desktop.scan.migration import is_migration_uri

        exports = [p for p in payloads if is_migration_uri(p)]
        if exports:
            self.clear_message()
            files = list(dict.fromkeys(self._found_in[p] for p in exports if p in self._found_in))
            self.export_found.emit(exports, files)
            return
        self._follow(choose(payloads, source=source), source)

    def _follow(self, outcome: ScanOutcome, source: Source) -> None:
        if outcome.action == "fill":
            self._fill(outcome.payload)
        elif outcome.action == "pick":
            labels = [option.label for option in outcome.options]
            if source == "screen":
                labels.append(self.tr("None of these: select a region of the screen\u2026"))
            index = pick_from_list(
                self.window(),
                self.tr("Choose an account"),
                self.tr("Several QR codes were found. Which account do you want to add?"),
                labels,
            )
            if index is not None and index < len(outcome.options):
                self._fill(outcome.options[index].payload)
            elif index is not None:
                self.select_region()
        elif outcome.message is not None:
            self._explain(outcome.message)
            if source == "screen":
                self._offer_region()

    def _offer_region(self) -> None:
        """After a screen scan that found no account: point at "Select region…"."""
        self.message.show_message(
            self.message.message
            + " "
            + self.tr(
                "Or choose \u201cSelect region\u2026\u201d and drag a rectangle around the QR code."
            ),
            Tone.ERROR,
        )
        self.region_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message_changed.emit()

    def _fill(self, payload: str) -> None:
        self.clear_message()
        self.key_files = [self._found_in[payload]] if payload in self._found_in else []
        self._set_key_text(payload)

    def _explain(self, error: UserError) -> None:
        from desktop.ui.capture.screens import WaylandCaptureRefused

        self.message.show_message(error_text(error), Tone.ERROR)
        wayland = isinstance(error, WaylandCaptureRefused)
        self.portal_button.setVisible(wayland and self._screenshot_portal().available())
        self.message_changed.emit()


def _clipboard_text() -> str | None:
    """The clipboard's text when it holds no picture (nor picture files) but an account
    link or an export: what the Paste button reads then."""
    board = QGuiApplication.clipboard()
    mime = board.mimeData()
    if mime is None or mime.hasImage() or dropped_files(mime):
        return None
    text = board.text().strip()
    lowered = text.lower()
    if lowered.startswith("otpauth://") or "otpauth-migration://" in lowered:
        return text
    return None
