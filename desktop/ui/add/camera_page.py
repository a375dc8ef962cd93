"""The add-account window's camera page: a live preview of a webcam, read for QR codes.

Finding the cameras runs in the background (:class:`~desktop.ui.common.background.Background`),
reading one in a thread of its own (:class:`CameraCapture`, a stream that runs until it is
stopped), never in the UI thread. The frames and the codes come
from :func:`desktop.scan.camera.scan_camera`, the one loop that the CLI uses too; a video
file goes through exactly the same path (the tests and the screenshots use one).

PySide6-Essentials has no QtMultimedia, so cameras are found by probing OpenCV's indexes
(:func:`desktop.scan.camera.list_cameras`, quick where ``/dev/videoN`` tells which exist);
on Linux their names come from ``/sys/class/video4linux``.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt, QThread, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.i18n import error_text
from desktop.scan.errors import CameraUnavailable
from desktop.ui.common.accessible import name_combo
from desktop.ui.common.account_fields import MessageLabel, Tone, set_muted
from desktop.ui.common.background import Background

if TYPE_CHECKING:
    from desktop.scan.camera import CameraFrames
    from desktop.scan.decode import Image

    FrameSink = Callable[[Image], bool]

Source = int | str
"""A camera index or a video file (the same code path)."""

STOP_WAIT_MS = 3000
"""How long closing the page waits for a camera read to return before leaving it behind."""

_PREVIEW_SIZE = QSize(400, 300)
_LINUX_NAME = "/sys/class/video4linux/video{index}/name"


@dataclass(frozen=True, slots=True)
class CameraChoice:
    """One camera to offer: what the system calls it ("" when it does not say) and how to
    open it."""

    name: str
    source: Source


def find_cameras() -> list[CameraChoice]:
    """The cameras that open (runs in the background: probing can take a
    moment on Windows and macOS)."""
    from desktop.scan.camera import list_cameras

    return [CameraChoice(camera_name(index), index) for index in list_cameras()]


def camera_name(index: int) -> str:
    """The system's name of camera ``index`` where it tells (Linux), else ""."""
    if not sys.platform.startswith("linux"):
        return ""
    try:
        return Path(_LINUX_NAME.format(index=index)).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def to_qimage(frame: Image) -> QImage:
    """A camera frame (BGR, or gray) as a ``QImage`` of its own (safe to pass on)."""
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_Grayscale8)
    else:
        image = QImage(frame.data, width, height, frame.strides[0], QImage.Format.Format_BGR888)
    return image.copy()


def camera_fault(error: Exception) -> CameraUnavailable:
    """The sentence for an unexpected failure while reading the camera."""
    return CameraUnavailable(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The camera stopped because of an error ({detail}). Choose it again, or add the "
            "account another way.",
        ),
        detail=str(error) or type(error).__name__,
    )


def cameras_or_none() -> list[CameraChoice]:
    """The cameras that open; a broken driver means "no camera" to the person."""
    try:
        return find_cameras()
    except Exception:
        return []


class CameraCapture(QThread):
    """Reads one camera (or video file) in a worker thread.

    ``frame_ready`` says a new preview frame can be taken with :meth:`take_frame` (only
    the newest is kept, so a slow screen never makes frames pile up); ``code_read`` carries
    each new QR text once; ``failed`` carries the :class:`UserError` that stopped it.
    :meth:`stop` asks it to end after the frame at hand; the camera is released then.
    """

    frame_ready = Signal()
    code_read = Signal(str)
    failed = Signal(object)

    def __init__(self, source: Source, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self.frames_read = 0
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._frame: QImage | None = None

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def stop(self) -> None:
        self._stopping.set()

    def take_frame(self) -> QImage | None:
        with self._lock:
            frame, self._frame = self._frame, None
        return frame

    def run(self) -> None:
        from desktop.scan.camera import scan_camera

        try:
            frames = _preview_frames(self.source, self._offer)
            texts = scan_camera(frames, stop_after_first=False)
            try:
                for text in texts:
                    if self.stopping:
                        break
                    self.code_read.emit(text)
            finally:
                if isinstance(texts, Generator):
                    texts.close()  # releases the camera now, not when collected
            self.frames_read = frames.frames_read
        except UserError as error:
            if not self.stopping:
                self.failed.emit(error)
        except Exception as error:  # a driver or decoder fault must not end in silence
            if not self.stopping:
                self.failed.emit(camera_fault(error))

    def _offer(self, frame: Image) -> bool:
        """Hand a frame to the preview; ``False`` asks the frame loop to stop."""
        if self.stopping:
            return False
        image = to_qimage(frame)
        with self._lock:
            first = self._frame is None
            self._frame = image
        if first:
            self.frame_ready.emit()
        return True


def _preview_frames(source: Source, offer: FrameSink) -> CameraFrames:
    """:class:`~desktop.scan.camera.CameraFrames` that show each frame before it is read
    (made here: OpenCV is imported only when a camera starts)."""
    from desktop.scan.camera import CameraFrames

    class PreviewFrames(CameraFrames):
        def __iter__(self) -> Iterator[Image]:
            for frame in super().__iter__():
                if not offer(frame):
                    return
                yield frame

    return PreviewFrames(source)


_left_running: set[CameraCapture] = set()
"""Captures whose camera did not return in time when their page closed: kept alive (a
running QThread must not be destroyed) until they finish on their own."""


def _forget_left_running() -> None:
    for capture in [c for c in _left_running if c.isFinished()]:
        _left_running.discard(capture)
        capture.deleteLater()


class CameraPreview(QLabel):
    """The newest frame, scaled to fit (aspect kept), or a sentence while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame: QImage | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMinimumSize(_PREVIEW_SIZE)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setStyleSheet(
            "background: #202124; color: #e8eaed; border-radius: 4px; padding: 12px;"
        )

    @property
    def frame(self) -> QImage | None:
        return self._frame

    def show_frame(self, frame: QImage) -> None:
        self._frame = frame
        self._scale()

    def show_text(self, text: str) -> None:
        self._frame = None
        self.clear()
        self.setText(text)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return _PREVIEW_SIZE

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        if self._frame is None:
            return
        ratio = self.devicePixelRatioF()
        area = self.contentsRect().size() * ratio
        pixmap = QPixmap.fromImage(self._frame).scaled(
            area, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)


class CameraPanel(QWidget):
    """The camera page: which camera, its live picture, and what its codes are.

    ``payload_read`` carries each new QR text; the window decides what it is and calls
    :meth:`stop` (an account link) or :meth:`show_message` (anything else; scanning goes
    on). ``back_requested``: the person pressed Back.
    """

    payload_read = Signal(str)
    back_requested = Signal()
    message_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._capture: CameraCapture | None = None
        self._search = Background(self, name="camera-search")
        self._searching = 0  # which search the page waits for
        self._got_code = False

        intro = QLabel(
            self.tr(
                "Hold the QR code from the login page in front of the camera, so that it fills "
                "about a third of the picture. It is read as soon as it is sharp."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.camera_box = QComboBox(self)
        name_combo(self.camera_box, self.tr("Camera"))
        self.camera_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        camera_label = QLabel(self.tr("&Camera:"), self)
        camera_label.setBuddy(self.camera_box)
        self.preview = CameraPreview(self)
        self.preview.setAccessibleName(self.tr("Camera picture"))
        self.status = QLabel(self)
        set_muted(self.status)
        self.status.setWordWrap(True)
        self.message = MessageLabel(None, self)
        self.back_button = QPushButton(self.tr("&Back"), self)
        self.back_button.setAccessibleName(self.tr("Stop the camera and go back"))

        self.camera_box.activated.connect(self._camera_chosen)
        self.back_button.clicked.connect(self.back_requested)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(camera_label)
        row.addWidget(self.camera_box, 1)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addSpacing(10)
        layout.addLayout(buttons)

    # -- public ---------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._capture is not None and self._capture.isRunning()

    @property
    def capture(self) -> CameraCapture | None:
        return self._capture

    def start(self) -> None:
        """Look for cameras (in a worker thread) and start the first one found."""
        self.stop()
        self.message.clear_message()
        self.camera_box.clear()
        self.camera_box.setEnabled(False)
        self.status.setText("")
        self.preview.show_text(self.tr("Looking for cameras\u2026"))
        self._searching += 1
        searching = self._searching
        self._search.run(
            cameras_or_none,
            lambda choices: self._cameras_found(searching, choices),
            lambda _problem: self._cameras_found(searching, []),
        )

    def start_source(self, source: Source) -> None:
        """Read ``source`` (a camera index or a video file) from now on."""
        self.stop()
        self._got_code = False
        self.message.clear_message()
        self.status.setText(self.tr("Starting the camera\u2026"))
        capture = CameraCapture(source, self)
        capture.frame_ready.connect(self._show_frame)
        capture.code_read.connect(self._code_read)
        capture.failed.connect(self._failed)
        capture.finished.connect(self._finished)
        self._capture = capture
        capture.start()

    def stop(self) -> None:
        """Stop reading and release the camera (waits briefly for the frame at hand)."""
        capture, self._capture = self._capture, None
        if capture is None:
            return
        capture.stop()
        if capture.wait(STOP_WAIT_MS):
            capture.deleteLater()
            return
        # A camera driver that hangs: never block the window on it. The thread object
        # must outlive its run(), so it is kept until it ends.
        capture.setParent(None)
        _left_running.add(capture)
        capture.finished.connect(_forget_left_running)

    def show_message(self, text: str, tone: Tone = Tone.ERROR) -> None:
        """What the last code was, under the picture (scanning goes on)."""
        self.message.show_message(text, tone)
        self.message_changed.emit()

    def shutdown(self) -> None:
        """The window closes: stop the camera and wait for a search still probing."""
        self.stop()
        self._searching += 1  # cameras still being probed are found for nobody
        self._search.wait(STOP_WAIT_MS)

    # -- behaviour ------------------------------------------------------------------------

    def _cameras_found(self, searching: int, choices: list[CameraChoice]) -> None:
        if searching != self._searching:
            return
        self.camera_box.clear()
        for number, choice in enumerate(choices, start=1):
            name = choice.name or self.tr("Camera {number}").format(number=number)
            self.camera_box.addItem(name, choice.source)
        self.camera_box.setEnabled(bool(choices))
        if not choices:
            text = self.tr(
                "No camera was found. Connect a webcam and press Back, then Camera again; or "
                "use the screen, a picture of the QR code or the setup key instead."
            )
            self.preview.show_text(text)
            self.status.setText("")
            self.message_changed.emit()
            return
        self.preview.show_text(self.tr("Starting the camera\u2026"))
        self.start_source(choices[0].source)

    def _camera_chosen(self, index: int) -> None:
        source = self.camera_box.itemData(index)
        if isinstance(source, (int, str)):
            self.preview.show_text(self.tr("Starting the camera\u2026"))
            self.start_source(source)

    def _current(self) -> CameraCapture | None:
        """The capture that sent the signal being handled, if it is still the one shown
        (signals of a stopped capture may still be on their way)."""
        sender = self.sender()
        return self._capture if sender is not None and sender is self._capture else None

    def _show_frame(self) -> None:
        capture = self._current()
        frame = capture.take_frame() if capture is not None else None
        if frame is None:
            return
        if self.preview.frame is None:
            self.status.setText(self.tr("Looking for a QR code\u2026"))
        self.preview.show_frame(frame)

    def _code_read(self, text: str) -> None:
        if self._current() is None:
            return
        self._got_code = True
        self.payload_read.emit(text)

    def _failed(self, error: UserError) -> None:
        if self._current() is None:
            return
        self.preview.show_text(error_text(error))
        self.status.setText("")
        self.message_changed.emit()

    def _finished(self) -> None:
        capture = self._current()
        if capture is None:
            return  # stopped on purpose, or replaced by another camera
        self._capture = None
        capture.deleteLater()
        if capture.frames_read == 0:
            return  # it failed to open; :meth:`_failed` said why
        if isinstance(capture.source, str):
            self.status.setText(self.tr("The video has ended."))
        else:
            self.status.setText(
                self.tr("The camera stopped sending pictures. Choose it again to restart.")
            )
        if not self._got_code:
            self.show_message(self.tr("No QR code was seen."), Tone.ERROR)
        self.message_changed.emit()
