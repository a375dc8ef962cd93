"""Capturing the screen for real: a window with a QR code on an X server (never offscreen),
on the first screen, on a second screen, and on a HiDPI screen; Wayland is refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPixmap, QScreen

from desktop.scan.errors import ScreenCaptureUnavailable
from desktop.ui.capture.screens import ScreenShot, decode_screens, grab_screens
from tests.helpers.synthetic import OTPAUTH, bgr, modules, page, paste, qr
from tests.helpers.xserver import own_xvfb, pytest_xvfb, run_helper, x_server

pytestmark = pytest.mark.gui

# The helper puts the window at (40, 30) and draws 4 px modules with a 4-module quiet zone.
CODE_AT = (40 + 16, 30 + 16)


@pytest.fixture(scope="module")
def x_display(request: pytest.FixtureRequest) -> Iterator[str]:
    with x_server(pytest_xvfb(request)) as display:
        yield display


@pytest.fixture(scope="module")
def two_screens() -> Iterator[str]:
    with own_xvfb("800x600x24", "640x480x24") as display:
        yield display


def captured(display: str, *options: str, **env: str) -> dict[str, Any]:
    result = run_helper(display, OTPAUTH, "--decode", *options, **env)
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def test_a_qr_window_on_the_x_server_is_found_with_its_place(x_display: str) -> None:
    found = captured(x_display)
    assert found["platform"] == "xcb"
    [code] = found["codes"]
    assert code["payload"] == OTPAUTH
    x, y, width, height = code["rect"]
    assert (abs(x - CODE_AT[0]), abs(y - CODE_AT[1])) <= (2, 2)
    assert width == height and width > 100


def test_a_qr_window_on_the_second_x_screen_is_found_on_that_screen(two_screens: str) -> None:
    found = captured(two_screens, "--screen", "1")
    assert [s["shape"] for s in found["screens"]] == [[600, 800, 4], [480, 640, 4]]
    names = [s["name"] for s in found["screens"]]
    assert len(set(names)) == 2, "two screens with the same name are told apart"
    assert found["window_screen"] == 1
    [code] = found["codes"]
    assert (code["payload"], code["screen"]) == (OTPAUTH, names[1])
    assert (abs(code["rect"][0] - CODE_AT[0]), abs(code["rect"][1] - CODE_AT[1])) <= (2, 2)


def test_a_hidpi_screen_is_captured_at_full_device_pixels_and_mapped_back(
    x_display: str,
) -> None:
    found = captured(x_display, QT_SCALE_FACTOR="2")
    [screen] = found["screens"]
    assert screen["device_pixel_ratio"] == 2.0
    width, height = screen["geometry"][2:]
    assert screen["shape"][:2] == [height * 2, width * 2]
    [code] = found["codes"]
    x, y, size, _ = code["rect"]
    assert code["payload"] == OTPAUTH
    assert (abs(x - CODE_AT[0]), abs(y - CODE_AT[1])) <= (2, 2)  # logical coordinates
    assert abs(size - (modules(OTPAUTH).shape[0] - 8) * 4) <= 3


def test_wayland_refuses_capture_with_the_image_route(
    qapp: QGuiApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "wayland"))
    with pytest.raises(ScreenCaptureUnavailable, match="Wayland") as refused:
        grab_screens()
    assert "screenshot" in str(refused.value)


def test_the_offscreen_platform_has_no_screen_to_capture(qapp: QGuiApplication) -> None:
    assert QGuiApplication.platformName() == "offscreen"
    with pytest.raises(ScreenCaptureUnavailable, match="no screen to capture"):
        grab_screens()


@pytest.fixture
def blank_grabs(qapp: QGuiApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """An X11-like platform whose grabs come back as one flat colour (as under XWayland)."""
    blank = QPixmap(64, 48)
    blank.fill(QColor(0, 0, 0))
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    monkeypatch.setattr(QScreen, "grabWindow", lambda self, *args: blank)


@pytest.mark.usefixtures("blank_grabs")
def test_blank_grabs_in_a_wayland_session_are_explained_as_wayland(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    with pytest.raises(ScreenCaptureUnavailable, match="Wayland"):
        grab_screens()


@pytest.mark.usefixtures("blank_grabs")
def test_blank_grabs_elsewhere_say_the_picture_was_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    with pytest.raises(ScreenCaptureUnavailable, match="empty picture"):
        grab_screens()


def test_codes_on_a_hidpi_shot_are_given_in_logical_desktop_coordinates() -> None:
    picture = bgr(paste(page(600, 800), qr(OTPAUTH, module=4), 200, 100))
    shot = ScreenShot("right", picture, 2.0, (1000, 0, 400, 300))
    [code] = decode_screens([shot])
    assert code.screen == "right"
    x, y, width, _ = code.rect
    assert (abs(x - (1000 + (200 + 16) // 2)), abs(y - (100 + 16) // 2)) <= (1, 1)
    assert abs(width - (qr(OTPAUTH, module=4).shape[0] - 32) // 2) <= 2
