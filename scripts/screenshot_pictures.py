"""What the dialog screenshots show beside the windows: a login page with its QR code, a
webcam filming it, pictures in a temporary folder, and waiting for a scene to be ready."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray
from PySide6.QtWidgets import QApplication

Picture = NDArray[Any]


WORKDIR = Path(tempfile.gettempdir())
WEB_ADDRESS = "https://zilliz.nl/inloghulp/"
PICTURES = Path(tempfile.gettempdir()) / "Afbeeldingen"
"""Where the scenes' picture files go: a fixed name, since the window shows the path."""


def pictures() -> Path:
    PICTURES.mkdir(exist_ok=True)
    return PICTURES


def wait(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the scene did not get ready in time")
        QApplication.processEvents()
        time.sleep(0.01)


Picture = NDArray[np.uint8]


def qr(text: str, module: int) -> Picture:
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    return np.ascontiguousarray(
        np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=module), np.uint8)
    )


def login_page(width: int, height: int, text: str) -> Picture:
    """A login page as the customer's site shows it: a title, a QR code, the setup key."""
    page = np.full((height, width, 3), 246, np.uint8)
    cv2.rectangle(page, (0, 0), (width, 56), (120, 84, 33), -1)
    cv2.putText(page, "Zilliz", (24, 38), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (255, 255, 255), 2)
    cv2.putText(
        page,
        "Tweestapsverificatie instellen",
        (24, 104),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.8,
        (40, 40, 40),
        2,
    )
    code = qr(text, 4)
    size = code.shape[0]
    top, left = 130, 24
    page[top : top + size, left : left + size] = np.repeat(code[:, :, None], 3, axis=2)
    cv2.putText(
        page,
        "Instelsleutel: GEZD GNBV GY3T QOJQ",
        (left, top + size + 34),
        cv2.FONT_HERSHEY_SIMPLEX,
        0.6,
        (60, 60, 60),
        1,
    )
    return page


def camera_video() -> Path:
    """A webcam filming a laptop screen with a login page (its code: a web address)."""
    rng = np.random.default_rng(4)
    scene = login_page(520, 440, WEB_ADDRESS)
    source = np.array([[0, 0], [520, 0], [520, 440], [0, 440]], np.float32)
    target = np.array([[118, 62], [548, 48], [560, 420], [104, 430]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, target)
    frames = []
    for _ in range(8):
        frame = cv2.warpPerspective(scene, matrix, (640, 480), borderValue=(58, 64, 70))
        frame = cv2.GaussianBlur(frame, (0, 0), 0.9)
        noisy = np.clip(frame.astype(np.float32) + rng.normal(0, 4, frame.shape), 0, 255)
        frames.append(noisy.astype(np.uint8))
    path = WORKDIR / "camera.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 10.0, (640, 480))
    for _ in range(60):  # long enough to be still playing when the window is captured
        for frame in frames:
            writer.write(frame)
    writer.release()
    return path
