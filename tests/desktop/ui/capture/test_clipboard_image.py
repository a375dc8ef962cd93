"""Pasting a picture: QImage -> numpy in every format Qt hands out, and the clipboard route
(offscreen Qt, in this process)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QClipboard, QColor, QGuiApplication, QImage

from desktop.scan.errors import NotAnImage
from desktop.ui.capture.clipboard_image import NoPictureOnClipboard, decode_clipboard_image
from desktop.ui.capture.pixels import qimage_to_array
from tests.helpers.synthetic import OTPAUTH, page, paste, qr, write_png

pytestmark = pytest.mark.gui


def gray_qimage(pixels: np.ndarray) -> QImage:
    height, width = pixels.shape
    data = np.ascontiguousarray(pixels, np.uint8)
    return QImage(data.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


@pytest.fixture
def clipboard(qapp: QGuiApplication) -> Iterator[QClipboard]:
    board = QGuiApplication.clipboard()
    yield board
    board.clear()


def test_rgb32_pixels_come_out_as_bgra_with_opaque_alpha() -> None:
    image = QImage(2, 1, QImage.Format.Format_RGB32)
    image.setPixelColor(0, 0, QColor(10, 20, 30))
    image.setPixelColor(1, 0, QColor(200, 100, 50))
    assert qimage_to_array(image).tolist() == [[[30, 20, 10, 255], [50, 100, 200, 255]]]


def test_rgb888_rows_padded_to_four_bytes_lose_their_padding() -> None:
    image = QImage(5, 2, QImage.Format.Format_RGB888)  # 15 bytes of pixels, 16 per row
    image.fill(QColor(1, 2, 3))
    image.setPixelColor(4, 1, QColor(250, 251, 252))
    assert image.bytesPerLine() > 5 * 3
    array = qimage_to_array(image)
    assert array.shape == (2, 5, 4)
    assert array[0, 0].tolist() == [3, 2, 1, 255]
    assert array[1, 4].tolist() == [252, 251, 250, 255]


def test_grayscale_stays_one_channel_without_the_row_padding() -> None:
    pixels = np.arange(15, dtype=np.uint8).reshape(3, 5) * 10
    array = qimage_to_array(gray_qimage(pixels))
    assert array.shape == (3, 5)
    assert np.array_equal(array, pixels)


def test_transparent_pixels_are_laid_over_white() -> None:
    image = QImage(3, 1, QImage.Format.Format_ARGB32)
    image.setPixelColor(0, 0, QColor(0, 0, 0, 0))  # fully transparent black: white
    image.setPixelColor(1, 0, QColor(0, 0, 0, 255))  # opaque black
    image.setPixelColor(2, 0, QColor(0, 0, 0, 128))  # half: grey
    bgra = qimage_to_array(image)
    assert bgra[0, 0].tolist() == [255, 255, 255, 255]
    assert bgra[0, 1].tolist() == [0, 0, 0, 255]
    assert 120 <= bgra[0, 2, 0] <= 135 and bgra[0, 2, 3] == 255


def test_indexed_and_premultiplied_formats_are_converted() -> None:
    base = gray_qimage(np.array([[0, 255]], np.uint8))
    for target in (QImage.Format.Format_Indexed8, QImage.Format.Format_ARGB32_Premultiplied):
        array = qimage_to_array(base.convertToFormat(target))
        assert array[0, :, :3].tolist() == [[0, 0, 0], [255, 255, 255]]


def test_a_null_image_is_an_empty_array() -> None:
    assert qimage_to_array(QImage()).shape == (0, 0, 4)


def test_a_pasted_screenshot_is_read(clipboard: QClipboard) -> None:
    screenshot = gray_qimage(paste(page(), qr(OTPAUTH), 101, 57))
    clipboard.setImage(screenshot.convertToFormat(QImage.Format.Format_RGB888))
    assert decode_clipboard_image(clipboard) == [OTPAUTH]


def test_a_pasted_code_with_a_transparent_background_is_read(clipboard: QClipboard) -> None:
    code = qr(OTPAUTH)
    height, width = code.shape
    bgra = np.zeros((height, width, 4), np.uint8)  # black everywhere, but only the dark
    bgra[:, :, 3] = 255 - code  # modules are opaque (ARGB32 is B, G, R, A in memory here)
    image = QImage(bgra.data, width, height, width * 4, QImage.Format.Format_ARGB32).copy()
    clipboard.setImage(image)
    assert decode_clipboard_image(clipboard) == [OTPAUTH]


def test_text_on_the_clipboard_is_no_picture(clipboard: QClipboard) -> None:
    clipboard.setText(OTPAUTH)
    with pytest.raises(NoPictureOnClipboard, match="no picture"):
        decode_clipboard_image(clipboard)


def test_picture_files_copied_in_a_file_manager_are_read(
    clipboard: QClipboard, tmp_path: Path
) -> None:
    picture = write_png(tmp_path / "code.png", paste(page(), qr(OTPAUTH), 100, 60))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(picture))])
    clipboard.setMimeData(mime)
    assert decode_clipboard_image(clipboard) == [OTPAUTH]


def test_a_copied_file_that_is_not_a_picture_is_refused(
    clipboard: QClipboard, tmp_path: Path
) -> None:
    text = tmp_path / "notes.png"
    text.write_text("hello")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    clipboard.setMimeData(mime)
    with pytest.raises(NotAnImage):
        decode_clipboard_image(clipboard)
