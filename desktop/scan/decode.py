"""Finding and reading QR codes in a picture: one decoder (zxing-cpp) for every source.

The pipeline (measured in ``bench/scan_decode.py``, explained in ``docs/scanning.md``):

1. **plain**: zxing-cpp on the grayscale picture, QR codes only, with its own inverted
   pass (dark-mode pages) and its own downscaled passes (big photos). It also reports the
   symbols it found but could not read (``return_errors``): their places are kept.
2. **regions**: each such place is cut out with a margin, sharpened and enlarged (2x, and
   3x if that fails) and read again. This rescues tiny screenshot codes (1-2 px modules)
   and blurred webcam frames at the cost of a small crop.
3. **upscale**, only when nothing at all was read and the picture has at most about 2
   megapixels (a 1080p screenshot, a webcam frame): the whole picture enlarged 2x
   (low-contrast and blurred codes that zxing does not even locate).

A whole-picture **sharpen** pass exists for the benchmark only: measured, it reads nothing
that the two fallbacks above do not already read, so it is off by default.

No pass guesses: every text comes out of zxing-cpp's Reed-Solomon check, so a fallback can
find a code the plain pass missed but never changes what a code says.

Heavy modules (numpy, OpenCV, zxing-cpp) are imported here, never by the app at start-up.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import cv2
import numpy as np
import zxingcpp
from numpy.typing import NDArray

from desktop.files import TooLarge, read_limited
from desktop.scan.errors import (
    empty_file,
    image_unreadable,
    is_a_folder,
    no_such_file,
    not_allowed,
    not_an_image,
    too_large,
)

Image = NDArray[np.uint8]
Point = tuple[float, float]

QR_FORMAT: Final = zxingcpp.BarcodeFormat.QRCode
"""QR codes (models 1 and 2, micro and rectangular QR); never other barcode kinds."""


class Stage(enum.StrEnum):
    """The passes after the plain one (see the module documentation)."""

    REGIONS = "regions"
    SHARPEN = "sharpen"
    UPSCALE = "upscale"


DEFAULT_STAGES: Final = frozenset({Stage.REGIONS, Stage.UPSCALE})

MAX_PICTURE_FILE_SIZE: Final = 64 * 1024 * 1024
"""Bytes of a picture file: a 4K screenshot saved as BMP is 33 MB; more is not a QR code
someone scans (and ``/dev/zero`` would otherwise be read until memory runs out)."""
# Pixels per picture are limited too: desktop.scan (imported before this module, and so
# before cv2) sets OpenCV's own limit, MAX_PICTURE_PIXELS.

_REGION_MARGIN: Final = 0.25  # of the symbol's size, on every side: its quiet zone and more
_MAX_REGIONS: Final = 6  # a page full of unreadable symbols must not cost seconds
_MAX_REGION_SIDE: Final = 1600  # pixels after enlarging a region
_UPSCALE_MAX_PIXELS: Final = 2_100_000  # whole-picture 2x only up to a 1080p screenshot
_SHARPEN_SIGMA: Final = 1.0


@dataclass(frozen=True, slots=True)
class FoundCode:
    """A QR code read from a picture.

    ``corners`` are its top-left, top-right, bottom-right and bottom-left corners in the
    picture's pixels (as the code is drawn: turned codes have turned corners); ``stage`` is
    the pass that read it (``"plain"`` or a :class:`Stage` value).
    """

    text: str
    corners: tuple[Point, Point, Point, Point]
    stage: str = "plain"

    @property
    def bounds(self) -> tuple[int, int, int, int]:
        """``(x, y, width, height)``: the smallest upright rectangle around the code."""
        xs = [p[0] for p in self.corners]
        ys = [p[1] for p in self.corners]
        left, top = int(np.floor(min(xs))), int(np.floor(min(ys)))
        return left, top, int(np.ceil(max(xs))) - left, int(np.ceil(max(ys))) - top

    @property
    def center(self) -> Point:
        return (
            sum(p[0] for p in self.corners) / 4,
            sum(p[1] for p in self.corners) / 4,
        )


def decode_qr_texts(image: Image) -> list[str]:
    """The texts of the QR codes in ``image``, each once, in reading order.

    ``image``: ``uint8``, grayscale (H x W or H x W x 1), BGR (H x W x 3) or BGRA
    (H x W x 4, as Qt and screenshots give).
    """
    return [code.text for code in find_qr_codes(image)]


def decode_cropped(image: Image) -> list[str]:
    """The texts of the codes in a picture cut tightly around them (a region a person
    selected): as it is, then with a light border, then with a dark one (a dark-mode page's
    light code), since the cut may have taken the quiet zone the decoder needs."""
    texts = decode_qr_texts(image)
    if texts:
        return texts
    gray = np.ascontiguousarray(
        cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY) if image.ndim == 3 else image
    )
    margin = max(8, max(gray.shape) // 8)
    for value in (255, 0):
        padded = cv2.copyMakeBorder(
            gray, margin, margin, margin, margin, cv2.BORDER_CONSTANT, value=value
        )
        texts = decode_qr_texts(np.asarray(padded, np.uint8))
        if texts:
            return texts
    return []


def find_qr_codes(image: Image, *, stages: Collection[Stage] = DEFAULT_STAGES) -> list[FoundCode]:
    """The QR codes in ``image`` with their places, each text once, in reading order
    (rows top to bottom, left to right within a row). ``stages`` picks the fallback passes
    (the benchmark compares them; the app uses :data:`DEFAULT_STAGES`)."""
    gray = to_gray(image)
    found, candidates = _read(gray, stage="plain")
    if Stage.REGIONS in stages and candidates:
        found += _read_regions(gray, candidates, found)
    if not found and Stage.SHARPEN in stages:
        found, _ = _read(_sharpen(gray), stage=Stage.SHARPEN)
    if not found and Stage.UPSCALE in stages and gray.size <= _UPSCALE_MAX_PIXELS:
        enlarged = _u8(cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC))
        found, _ = _read(enlarged, stage=Stage.UPSCALE, scale=2.0, try_downscale=False)
    return reading_order(_unique(found))


def qr_formats() -> zxingcpp.BarcodeFormats:
    """A new ``BarcodeFormats`` of :data:`QR_FORMAT` for each call: a module-level one
    would outlive zxing-cpp at interpreter exit, and nanobind reports that as a leak."""
    return zxingcpp.BarcodeFormats(QR_FORMAT)


def to_gray(image: Image) -> Image:
    """A C-contiguous single-channel ``uint8`` copy or view of ``image``."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8:
        raise TypeError("expected a numpy uint8 array")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if image.ndim == 2:
        return np.ascontiguousarray(image)
    if image.ndim == 3 and image.shape[2] == 3:
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), np.uint8)
    if image.ndim == 3 and image.shape[2] == 4:
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY), np.uint8)
    raise ValueError(f"expected a grayscale, BGR or BGRA picture, not shape {image.shape}")


def reading_order(codes: Iterable[FoundCode]) -> list[FoundCode]:
    """Rows from top to bottom, left to right in a row: codes whose vertical extents
    overlap by at least half the smaller one share a row."""
    rows: list[list[FoundCode]] = []
    for code in sorted(codes, key=lambda c: c.center[1]):
        _, top, _, height = code.bounds
        if rows:
            _, row_top, _, row_height = rows[-1][0].bounds
            overlap = min(top + height, row_top + row_height) - max(top, row_top)
            if overlap >= min(height, row_height) / 2:
                rows[-1].append(code)
                continue
        rows.append([code])
    return [code for row in rows for code in sorted(row, key=lambda c: c.center[0])]


# -- image files ----------------------------------------------------------------------------


def read_image_file(path: Path | str) -> Image:
    """The picture in ``path`` as grayscale ``uint8``.

    Read as bytes and decoded in memory, so every file name works (OpenCV's own file
    functions fail on non-ASCII paths on Windows). Transparent pixels count as white (a
    code saved with a transparent background), 16-bit pictures are reduced to 8 bits.
    Raises :class:`~desktop.scan.errors.ImageUnreadable` (or its ``NotAnImage``).
    """
    shown = str(path)
    try:
        data = read_limited(Path(path), MAX_PICTURE_FILE_SIZE)
    except TooLarge:
        raise too_large(shown) from None
    except FileNotFoundError:
        raise no_such_file(shown) from None
    except IsADirectoryError:
        raise is_a_folder(shown) from None
    except PermissionError:
        raise not_allowed(shown) from None
    except OSError as error:
        raise image_unreadable(shown, error.strerror or type(error).__name__) from None
    if not data:
        raise empty_file(shown)
    try:
        decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    except cv2.error as error:
        if "validateInputImageSize" in str(error):  # more than MAX_PICTURE_PIXELS
            raise too_large(shown) from None
        decoded = None
    if decoded is None or decoded.size == 0:
        raise not_an_image(shown)
    return _flatten(np.asarray(decoded))


def decode_image_file(path: Path | str) -> list[str]:
    """The QR texts in the picture file ``path`` (see :func:`read_image_file`)."""
    return decode_qr_texts(read_image_file(path))


def _flatten(picture: NDArray[Any]) -> Image:
    """Any picture OpenCV decodes (8/16-bit, float, with or without alpha) -> 8-bit gray."""
    if picture.dtype == np.uint16:
        picture = _u8(picture >> 8)
    elif picture.dtype != np.uint8:  # 32-bit float (HDR, EXR): stretch to 0..255
        values = picture.astype(np.float64)
        low, high = float(values.min()), float(values.max())
        picture = _u8((values - low) * (255.0 / (high - low or 1.0)))
    if picture.ndim == 3 and picture.shape[2] == 4:
        alpha = picture[:, :, 3:4].astype(np.uint16)
        colour = picture[:, :, :3].astype(np.uint16)
        over_white = (colour * alpha + 255 * (255 - alpha)) // 255
        picture = over_white.astype(np.uint8)
    if picture.ndim == 3 and picture.shape[2] == 2:  # gray + alpha
        alpha = picture[:, :, 1].astype(np.uint16)
        picture = ((picture[:, :, 0] * alpha + 255 * (255 - alpha)) // 255).astype(np.uint8)
    return to_gray(np.asarray(picture, np.uint8))


# -- the passes -----------------------------------------------------------------------------

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive)


def _read(
    gray: Image,
    *,
    stage: str,
    offset: tuple[int, int] = (0, 0),
    scale: float = 1.0,
    try_downscale: bool = True,
) -> tuple[list[FoundCode], list[Box]]:
    """Valid codes and the boxes of unreadable symbols, in the coordinates of the picture
    that ``gray`` was cut from (at ``offset``) and enlarged by ``scale``."""
    barcodes = zxingcpp.read_barcodes(
        gray,
        formats=qr_formats(),
        try_rotate=True,
        try_downscale=try_downscale,
        try_invert=True,
        text_mode=zxingcpp.TextMode.Plain,
        return_errors=True,
    )
    found: list[FoundCode] = []
    failed: list[Box] = []
    for barcode in barcodes:
        position = barcode.position
        tl, tr, br, bl = (
            (offset[0] + p.x / scale, offset[1] + p.y / scale)
            for p in (
                position.top_left,
                position.top_right,
                position.bottom_right,
                position.bottom_left,
            )
        )
        corners = (tl, tr, br, bl)
        if barcode.valid:
            found.append(FoundCode(barcode.text, corners, str(stage)))
        else:
            xs, ys = [c[0] for c in corners], [c[1] for c in corners]
            failed.append((int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1))
    return found, failed


def _read_regions(gray: Image, candidates: list[Box], found: list[FoundCode]) -> list[FoundCode]:
    height, width = gray.shape
    read: list[FoundCode] = []
    done = [_box_of(code) for code in found]
    for box in _merge(candidates)[:_MAX_REGIONS]:
        if any(_overlaps(box, other) for other in done):
            continue
        x0, y0, x1, y1 = box
        margin = int(max(x1 - x0, y1 - y0) * _REGION_MARGIN) + 4
        x0, y0 = max(0, x0 - margin), max(0, y0 - margin)
        x1, y1 = min(width, x1 + margin), min(height, y1 + margin)
        region = gray[y0:y1, x0:x1]
        for factor in (2.0, 3.0):
            factor = min(factor, _MAX_REGION_SIDE / max(region.shape))
            if factor < 1.5:
                break
            enlarged = cv2.resize(
                _sharpen(region), None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC
            )
            codes, _ = _read(
                np.asarray(enlarged, np.uint8),
                stage=Stage.REGIONS,
                offset=(x0, y0),
                scale=factor,
                try_downscale=False,
            )
            if codes:
                read += codes
                done += [_box_of(code) for code in codes]
                break
    return read


def _u8(array: object) -> Image:
    """``array`` as ``uint8`` (OpenCV's functions are typed as returning any matrix)."""
    return np.asarray(array, dtype=np.uint8)


def _sharpen(gray: Image) -> Image:
    """Unsharp mask: the picture plus its difference from a blurred copy."""
    blurred = cv2.GaussianBlur(gray, (0, 0), _SHARPEN_SIGMA)
    return np.asarray(cv2.addWeighted(gray, 2.0, blurred, -1.0, 0), np.uint8)


def _box_of(code: FoundCode) -> Box:
    x, y, w, h = code.bounds
    return x, y, x + w, y + h


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _merge(boxes: list[Box]) -> list[Box]:
    """Overlapping boxes (zxing reports one symbol several times) joined; largest first."""
    merged: list[Box] = []
    for box in boxes:
        for i, other in enumerate(merged):
            if _overlaps(box, other):
                merged[i] = (
                    min(box[0], other[0]),
                    min(box[1], other[1]),
                    max(box[2], other[2]),
                    max(box[3], other[3]),
                )
                break
        else:
            merged.append(box)
    return sorted(merged, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True)


def _unique(codes: list[FoundCode]) -> list[FoundCode]:
    seen: dict[str, FoundCode] = {}
    for code in codes:
        seen.setdefault(code.text, code)
    return list(seen.values())
