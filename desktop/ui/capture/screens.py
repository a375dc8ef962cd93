"""QR codes on the screen: capture every screen at full device pixels and read them.

Needs a running ``QGuiApplication`` (PySide6 is imported only when capturing). Each
screen is grabbed with ``QScreen.grabWindow(0)``, which gives device pixels (a 1.5x HiDPI
screen of 1280x800 logical pixels gives 1920x1200), so tiny codes keep every module. The
places of the codes found are given back in the desktop's logical coordinates (what
``QWidget.geometry()`` uses), ready for a region-select overlay or a "which one?" list.

Wayland does not let programs capture the screen: there :class:`WaylandCaptureRefused`
says so, and the window offers the desktop portal or an image file instead. Which of the
refusals applies is decided by :func:`capture_verdict`, a pure function.

:func:`decode_region` reads the part of a shot that a person selected (the region-select
overlay), in the same logical desktop coordinates.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

import numpy as np

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.scan.decode import Image, decode_cropped, find_qr_codes
from desktop.scan.errors import ScreenCaptureUnavailable
from desktop.ui.capture.pixels import qimage_to_array

Rect = tuple[int, int, int, int]
"""``(x, y, width, height)``."""

_NO_SCREEN_PLATFORMS = frozenset({"offscreen", "minimal"})
"""Qt platforms without a real screen: their "grabs" are blank or uninitialised memory."""

Verdict = Literal["ok", "wayland", "empty", "no_display"]


class WaylandCaptureRefused(ScreenCaptureUnavailable):
    """A Wayland session: only the desktop portal (or the person's own screenshot) can
    capture the screen."""


def capture_verdict(platform: str, session_type: str, *, has_content: bool | None) -> Verdict:
    """Whether a screen capture can be used, and if not, why.

    ``platform`` is ``QGuiApplication.platformName()``, ``session_type`` the value of
    ``XDG_SESSION_TYPE``; ``has_content`` is ``None`` before capturing, else whether any
    grab held more than one flat colour (a refused capture is empty or all black).

    * ``"wayland"``: the Wayland platform (Qt cannot capture there at all), or an empty
      capture in a Wayland session (XWayland gives black pictures): offer the portal;
    * ``"no_display"``: the offscreen/minimal platforms, which have no screen;
    * ``"empty"``: an empty capture anywhere else;
    * ``"ok"``: go on (before capturing), or the capture is usable.
    """
    if platform == "wayland":
        return "wayland"
    if platform in _NO_SCREEN_PLATFORMS:
        return "no_display"
    if has_content is None or has_content:
        return "ok"
    if session_type.strip().lower() == "wayland":
        return "wayland"
    return "empty"


@dataclass(frozen=True, slots=True)
class ScreenShot:
    """One screen's picture: ``image`` is BGRA ``uint8`` in device pixels; ``geometry`` is
    the screen's place on the desktop in logical pixels; ``name`` is unique among the
    shots (screens with the same name get " (2)", " (3)" appended); ``index`` is the
    screen's place in ``QGuiApplication.screens()`` (separate X screens all start at 0, 0,
    so the geometry alone does not tell them apart), ``None`` for a picture from elsewhere."""

    name: str
    image: Image
    device_pixel_ratio: float
    geometry: Rect
    index: int | None = None

    def __repr__(self) -> str:
        return (
            f"ScreenShot(name={self.name!r}, size={self.image.shape[1]}x{self.image.shape[0]}, "
            f"device_pixel_ratio={self.device_pixel_ratio}, geometry={self.geometry})"
        )


@dataclass(frozen=True, slots=True)
class ScreenCode:
    """A QR code found on a screen: its text, the screen's name and the code's rectangle in
    desktop (logical) coordinates."""

    payload: str
    screen: str
    rect: Rect


def grab_screens() -> list[ScreenShot]:
    """A picture of every screen. Raises :class:`ScreenCaptureUnavailable` on Wayland, and
    when the system gave only empty pictures."""
    from PySide6.QtGui import QGuiApplication

    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        raise RuntimeError("grab_screens() needs a QGuiApplication")
    platform = QGuiApplication.platformName()
    session = os.environ.get("XDG_SESSION_TYPE", "")
    _refuse(capture_verdict(platform, session, has_content=None))
    shots: list[ScreenShot] = []
    names: dict[str, int] = {}
    for index, screen in enumerate(QGuiApplication.screens()):
        pixmap = screen.grabWindow(0)
        if pixmap.isNull():
            continue
        base = screen.name() or "screen"
        names[base] = names.get(base, 0) + 1
        geometry = screen.geometry()
        shots.append(
            ScreenShot(
                name=base if names[base] == 1 else f"{base} ({names[base]})",
                image=qimage_to_array(pixmap.toImage()),
                device_pixel_ratio=pixmap.devicePixelRatio(),
                geometry=(geometry.x(), geometry.y(), geometry.width(), geometry.height()),
                index=index,
            )
        )
    has_content = any(_has_content(shot.image) for shot in shots)
    _refuse(capture_verdict(platform, session, has_content=has_content))
    return shots


def _refuse(verdict: Verdict) -> None:
    if verdict == "wayland":
        raise _wayland()
    if verdict == "no_display":
        raise no_display()
    if verdict == "empty":
        raise ScreenCaptureUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The screen could not be captured: the system gave an empty picture. Save a "
                "screenshot of the QR code and open that image instead.",
            )
        )


def decode_screens(shots: list[ScreenShot] | None = None) -> list[ScreenCode]:
    """Every QR code on every screen (screen by screen, in reading order)."""
    found = []
    for shot in grab_screens() if shots is None else shots:
        ratio = shot.device_pixel_ratio or 1.0
        for code in find_qr_codes(shot.image):
            x, y, width, height = code.bounds
            rect = (
                shot.geometry[0] + round(x / ratio),
                shot.geometry[1] + round(y / ratio),
                round(width / ratio),
                round(height / ratio),
            )
            found.append(ScreenCode(code.text, shot.name, rect))
    return found


def region_pixels(shot: ScreenShot, rect: Rect) -> Image:
    """The pixels of ``shot`` under ``rect`` (logical desktop coordinates, as the overlay
    and :class:`ScreenCode` use), at the shot's full device resolution. The scale comes
    from the picture and the screen's size, so fractional ratios map exactly too."""
    x, y, width, height = rect
    sx, sy, s_width, s_height = shot.geometry
    rows, columns = shot.image.shape[:2]
    scale_x = columns / s_width if s_width else 1.0
    scale_y = rows / s_height if s_height else 1.0
    left = max(0, int(np.floor((x - sx) * scale_x)))
    top = max(0, int(np.floor((y - sy) * scale_y)))
    right = min(columns, int(np.ceil((x - sx + width) * scale_x)))
    bottom = min(rows, int(np.ceil((y - sy + height) * scale_y)))
    if right <= left or bottom <= top:
        return np.zeros((0, 0), np.uint8)
    return np.ascontiguousarray(shot.image[top:bottom, left:right])


def decode_region(shot: ScreenShot, rect: Rect) -> list[str]:
    """The QR texts inside ``rect`` of ``shot`` (see :func:`region_pixels`).

    A rectangle drawn tightly around a code cuts off its quiet zone, which the decoder
    needs: when the region as selected gives nothing, it is read again with a light
    border, then with a dark one (a dark-mode page's light code).
    """
    pixels = region_pixels(shot, rect)
    if pixels.size == 0:
        return []
    return decode_cropped(pixels)


def _has_content(image: Image) -> bool:
    """Not empty and not one flat colour (what a refused capture looks like)."""
    if image.size == 0:
        return False
    colour = image[..., :3] if image.ndim == 3 else image
    return bool(colour.min() != colour.max())


def no_display() -> ScreenCaptureUnavailable:
    """The sentence for a program that runs without any display to capture."""
    return ScreenCaptureUnavailable(
        QT_TRANSLATE_NOOP(
            "Errors",
            "There is no screen to capture: this program runs without a display. Save a "
            "screenshot of the QR code and scan that file.",
        )
    )


def _wayland() -> WaylandCaptureRefused:
    return WaylandCaptureRefused(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This desktop (Wayland) does not let programs capture the screen. Take a "
            "screenshot with your desktop's screenshot tool and open that image, or paste it.",
        )
    )
