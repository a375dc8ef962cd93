"""QR codes from a webcam or a recorded video: one code path for both (OpenCV VideoCapture).

Tests and ``tweestap scan --camera FILE`` feed a video file through exactly the code that
reads a live camera. Capturing blocks until the next frame: a window runs it in a worker
thread (never in the UI thread) and stops it by closing the generator or the
:class:`CameraFrames`.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Final

import cv2
import numpy as np

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.scan.classify import is_account_payload
from desktop.scan.decode import Image, decode_qr_texts
from desktop.scan.errors import CameraUnavailable

Source = int | str | Path
"""A camera's index (0 = the first camera) or a video file."""

_LINUX_DEVICE: Final = "/dev/video{index}"


MAX_CAMERA_INDEX = 1023
"""Cameras are numbered from 0 (``/dev/video0`` on Linux); a larger number is a typing
mistake, and OpenCV's C ``int`` would not even take a much larger one."""


class CameraFrames:
    """The frames of a camera or a video file as BGR ``uint8`` arrays.

    Use as a context manager (``with CameraFrames(0) as frames: for frame in frames: ...``);
    opening raises :class:`~desktop.scan.errors.CameraUnavailable` with a sentence saying
    what is wrong. Iteration ends at the end of a file or when the camera stops giving
    pictures. ``frames_read`` counts the frames handed out so far.
    """

    def __init__(self, source: Source) -> None:
        self.source: int | str = source if isinstance(source, int) else str(source)
        self.frames_read = 0
        self._capture: cv2.VideoCapture | None = None

    def __enter__(self) -> CameraFrames:
        self.open()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def open(self) -> cv2.VideoCapture:
        if self._capture is not None:
            return self._capture
        if isinstance(self.source, str) and not Path(self.source).is_file():
            if not Path(self.source).exists():
                raise CameraUnavailable(
                    QT_TRANSLATE_NOOP("Errors", "The video file {path} does not exist."),
                    path=self.source,
                )
            raise _cannot_open(self.source)  # a folder, a device, a pipe: not a video file
        if isinstance(self.source, int) and not 0 <= self.source <= MAX_CAMERA_INDEX:
            raise _cannot_open(self.source)  # OpenCV takes a C int; no system has that many
        with quiet_opencv():
            capture = _open_capture(self.source)
        if not capture.isOpened():
            capture.release()
            raise _cannot_open(self.source)
        self._capture = capture
        return capture

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None

    def __iter__(self) -> Iterator[Image]:
        capture = self.open()
        while True:
            ok, frame = capture.read()
            if not ok or frame is None:
                break
            self.frames_read += 1
            yield np.asarray(frame, np.uint8)
        if self.frames_read == 0:
            raise _no_pictures(self.source)


def scan_camera(
    source: Source | CameraFrames,
    *,
    stop_after_first: bool = True,
    max_frames: int | None = None,
) -> Iterator[str]:
    """Each new QR text seen by the camera (or in the video), once, as soon as it is read.

    Every frame is decoded; with ``stop_after_first`` scanning ends right after the first
    account code (``otpauth://`` or a Google export), other codes are passed on and
    scanning goes on. ``max_frames`` bounds the frames read (``None``: until the video ends
    or the caller stops iterating). The camera is released at the end, also when ``source``
    is a :class:`CameraFrames` the caller opened (to report a failure to open first).
    """
    seen: set[str] = set()
    with source if isinstance(source, CameraFrames) else CameraFrames(source) as frames:
        for number, frame in enumerate(frames, start=1):
            for text in decode_qr_texts(frame):
                if text in seen:
                    continue
                seen.add(text)
                yield text
                if stop_after_first and is_account_payload(text):
                    return
            if max_frames is not None and number >= max_frames:
                return


def list_cameras(max_index: int = 5) -> list[int]:
    """Indexes of the cameras that open, from 0 to ``max_index`` - 1, probed quietly.

    On Linux only indexes with a ``/dev/videoN`` device are tried (so a machine without a
    camera answers at once, ``[]``); elsewhere each index is tried in turn.
    """
    found = []
    for index in range(max_index):
        if (
            sys.platform.startswith("linux")
            and not Path(_LINUX_DEVICE.format(index=index)).exists()
        ):
            continue
        with quiet_opencv():
            capture = _open_capture(index)
            try:
                if capture.isOpened():
                    found.append(index)
            finally:
                capture.release()
    return found


@contextlib.contextmanager
def quiet_opencv() -> Iterator[None]:
    """Silence OpenCV's own warnings (a missing camera is an answer, not a warning)."""
    logging = cv2.utils.logging
    before = logging.getLogLevel()
    logging.setLogLevel(logging.LOG_LEVEL_SILENT)
    try:
        yield
    finally:
        logging.setLogLevel(before)


def _open_capture(source: int | str) -> cv2.VideoCapture:
    if isinstance(source, int):
        return cv2.VideoCapture(source, _camera_api())
    return cv2.VideoCapture(source)


def _camera_api() -> int:
    """The platform's own camera interface: FFmpeg cannot open cameras in these wheels."""
    if sys.platform.startswith("linux"):
        return int(cv2.CAP_V4L2)
    if sys.platform == "win32":
        return int(cv2.CAP_DSHOW)  # opens in a fraction of the time MSMF takes
    if sys.platform == "darwin":
        return int(cv2.CAP_AVFOUNDATION)
    return int(cv2.CAP_ANY)


def _cannot_open(source: int | str) -> CameraUnavailable:
    if isinstance(source, int):
        return CameraUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Camera {index} cannot be opened. Check that it is connected and not in use "
                "by another program (a video call, for instance).",
            ),
            index=source,
        )
    return CameraUnavailable(
        QT_TRANSLATE_NOOP("Errors", "The file {path} is not a video Tweestap can play."),
        path=source,
    )


def _no_pictures(source: int | str) -> CameraUnavailable:
    if isinstance(source, int):
        return CameraUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Camera {index} opened but gives no picture. Close other programs that use "
                "it and try again.",
            ),
            index=source,
        )
    return CameraUnavailable(
        QT_TRANSLATE_NOOP("Errors", "The video file {path} holds no pictures."),
        path=source,
    )
