"""QImage -> numpy, for pictures that come from Qt (screens, the clipboard)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import numpy as np

from desktop.scan.decode import Image

if TYPE_CHECKING:
    from PySide6.QtGui import QImage


def qimage_to_array(image: QImage) -> Image:
    """A copy of ``image`` as a ``uint8`` array: H x W for grayscale pictures, H x W x 4
    (BGRA, alpha 255) for all others. Other formats are converted first; transparent pixels
    are laid over white (a code copied with a transparent background stays readable);
    rows lose their padding (``bytesPerLine`` may exceed width x bytes per pixel)."""
    from PySide6.QtGui import QImage

    if image.isNull():
        return np.zeros((0, 0, 4), np.uint8)
    if image.format() == QImage.Format.Format_Grayscale8:
        return _pixels(image, 1)[:, :, 0].copy()
    transparent = image.hasAlphaChannel()
    wanted = QImage.Format.Format_ARGB32 if transparent else QImage.Format.Format_RGB32
    if image.format() != wanted:
        image = image.convertToFormat(wanted)
    pixels = _pixels(image, 4)
    if sys.byteorder == "big":  # (A)RGB32 is the word 0xAARRGGBB: bytes A R G B here
        pixels = pixels[:, :, ::-1]
    bgra = np.array(pixels, np.uint8)  # a copy: the QImage may go away
    if transparent:
        alpha = bgra[:, :, 3:4].astype(np.uint16)
        over_white = (bgra[:, :, :3] * alpha + 255 * (255 - alpha) + 127) // 255
        bgra[:, :, :3] = over_white.astype(np.uint8)
    bgra[:, :, 3] = 255
    return bgra


def _pixels(image: QImage, channels: int) -> Image:
    """A view of ``image``'s pixels, H x W x ``channels``, without the row padding."""
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), np.uint8, count=stride * height)
    return buffer.reshape(height, stride)[:, : width * channels].reshape(height, width, channels)
