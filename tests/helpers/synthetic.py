"""Pictures and videos with QR codes, made on the fly for the scanning tests.

Codes are drawn with zxing-cpp's own writer (no extra package); everything is
deterministic (fixed seeds), so a failing test fails the same way every time.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray

Image = NDArray[np.uint8]

OTPAUTH = (
    "otpauth://totp/Zilliz:anna%40zorg.nl?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Zilliz"
)


def u8(array: object) -> Image:
    return np.asarray(array, dtype=np.uint8)


def modules(text: str, ec_level: str = "M") -> Image:
    """One pixel per module, with the 4-module quiet zone; 0 dark, 255 light."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ec_level)
    return np.ascontiguousarray(u8(zxingcpp.write_barcode_to_image(barcode, scale=1)))


def qr(text: str, module: float = 4, ec_level: str = "M") -> Image:
    """The code at ``module`` pixels per module (smoothed when not a whole number)."""
    cells = modules(text, ec_level)
    size = round(cells.shape[0] * module)
    smooth = cv2.INTER_NEAREST if float(module).is_integer() else cv2.INTER_LINEAR
    return u8(cv2.resize(cells, (size, size), interpolation=smooth))


def page(height: int = 480, width: int = 640, value: int = 255) -> Image:
    return np.full((height, width), value, np.uint8)


def paste(background: Image, patch: Image, x: int, y: int) -> Image:
    """``background`` with ``patch`` at ``(x, y)`` (a copy; gray into colour is fine)."""
    result = background.copy()
    h, w = patch.shape[:2]
    if result.ndim == 3 and patch.ndim == 2:
        patch = np.repeat(patch[:, :, None], result.shape[2], axis=2)
    result[y : y + h, x : x + w] = patch
    return result


def recolour(gray: Image, dark: int, light: int) -> Image:
    """0..255 mapped to ``dark``..``light`` (low-contrast and dark-mode codes)."""
    return u8(gray.astype(np.float32) / 255.0 * (light - dark) + dark)


def bgr(gray: Image) -> Image:
    return u8(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))


def webcam_frame(
    scene: Image, rng: np.random.Generator, *, size: tuple[int, int] = (640, 480)
) -> Image:
    """``scene`` as a webcam films it: tilted (perspective), slightly blurred, noisy, JPEG."""
    width, height = size
    h, w = scene.shape[:2]
    source = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    scale = 0.8 * min(width / w, height / h)
    left, top = (width - w * scale) / 2, (height - h * scale) / 2
    target = np.array(
        [
            [left + rng.uniform(0, 30), top + rng.uniform(0, 20)],
            [left + w * scale - rng.uniform(0, 30), top + rng.uniform(0, 20)],
            [left + w * scale - rng.uniform(0, 20), top + h * scale - rng.uniform(0, 20)],
            [left + rng.uniform(0, 20), top + h * scale - rng.uniform(0, 20)],
        ],
        dtype=np.float32,
    )
    matrix = cv2.getPerspectiveTransform(source, target)
    colour = bgr(scene) if scene.ndim == 2 else scene
    frame = cv2.warpPerspective(colour, matrix, (width, height), borderValue=(70, 90, 80))
    frame = cv2.GaussianBlur(frame, (0, 0), 0.8)
    noisy = frame.astype(np.float32) + rng.normal(0, 5, size=frame.shape)
    ok, jpeg = cv2.imencode(".jpg", u8(np.clip(noisy, 0, 255)), [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return u8(cv2.imdecode(jpeg, cv2.IMREAD_COLOR))


def write_png(path: Path, image: Image) -> Path:
    """Through ``imencode`` and bytes, so that any file name works."""
    ok, data = cv2.imencode(".png", image)
    assert ok
    path.write_bytes(data.tobytes())
    return path


def record_video(path: Path, frames: list[Image], fps: float = 10.0) -> Path:
    """Motion-JPEG in AVI: the headless OpenCV wheel writes and reads it everywhere."""
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (width, height))
    assert writer.isOpened(), "OpenCV cannot write MJPG video here"
    for frame in frames:
        writer.write(bgr(frame) if frame.ndim == 2 else frame)
    writer.release()
    return path
