"""QR codes on the screen: capture every screen at full device pixels and read them.

Needs a running ``QGuiApplication`` (PySide6 is imported only when capturing). Each
screen is grabbed with ``QScreen.grabWindow(0)``, which gives device pixels (a 1.5x HiDPI
screen of 1280x800 logical pixels gives 1920x1200), so tiny codes keep every module. The
places of the codes found are given back in the desktop's logical coordinates (what
``QWidget.geometry()`` uses), ready for a region-select overlay or a "which one?" list.

Wayland does not let programs capture the screen: there :class:`ScreenCaptureUnavailable`
says so, and the window offers the desktop portal or an image file instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.scan.decode import Image, find_qr_codes
from desktop.scan.errors import ScreenCaptureUnavailable
from desktop.scan.qimage import qimage_to_array

Rect = tuple[int, int, int, int]
"""``(x, y, width, height)``."""

_NO_SCREEN_PLATFORMS = frozenset({"offscreen", "minimal"})
"""Qt platforms without a real screen: their "grabs" are blank or uninitialised memory."""


@dataclass(frozen=True, slots=True)
class ScreenShot:
    """One screen's picture: ``image`` is BGRA ``uint8`` in device pixels; ``geometry`` is
    the screen's place on the desktop in logical pixels; ``name`` is unique among the
    shots (screens with the same name get " (2)", " (3)" appended)."""

    name: str
    image: Image
    device_pixel_ratio: float
    geometry: Rect

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
    if platform == "wayland":
        raise _wayland()
    if platform in _NO_SCREEN_PLATFORMS:
        raise no_display()
    shots: list[ScreenShot] = []
    names: dict[str, int] = {}
    for screen in QGuiApplication.screens():
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
            )
        )
    if not any(_has_content(shot.image) for shot in shots):
        if platform == "wayland" or os.environ.get("XDG_SESSION_TYPE", "").lower() == "wayland":
            raise _wayland()
        raise ScreenCaptureUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The screen could not be captured: the system gave an empty picture. Save a "
                "screenshot of the QR code and open that image instead.",
            )
        )
    return shots


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


def _wayland() -> ScreenCaptureUnavailable:
    return ScreenCaptureUnavailable(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This desktop (Wayland) does not let programs capture the screen. Take a "
            "screenshot with your desktop's screenshot tool and open that image, or paste it.",
        )
    )
