"""Selecting a region of the screen: the overlays, dragging a rectangle with QTest over a
captured picture with codes at known places, HiDPI and a second screen, Esc; and where
the add-account window offers it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.add import scan_sources
from desktop.ui.add.add_dialog import AddAccountDialog
from desktop.ui.add.region_select import RegionOverlay, RegionSelector
from desktop.ui.capture import screens
from desktop.ui.capture.screens import ScreenShot, decode_region, region_pixels
from tests.helpers.synthetic import OTPAUTH, page, paste, qr, recolour
from tests.helpers.xserver import helper_env, own_xvfb, pytest_xvfb, x_server
from tests.paths import ROOT

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
]

BANK = "otpauth://totp/Bank:piet?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank"
MODULE = 4  # device pixels per module
# Where the codes are drawn, in device pixels of a 2x screen of 800x600 logical pixels.
ZILLIZ_AT, BANK_AT = (200, 240), (1000, 240)


def bgra(gray: np.ndarray) -> np.ndarray:
    out = np.empty((*gray.shape, 4), np.uint8)
    out[:, :, :3] = gray[:, :, None]
    out[:, :, 3] = 255
    return out


def code_size(text: str) -> int:
    return int(qr(text, module=MODULE).shape[0])


def hidpi_shot() -> ScreenShot:
    """A 2x screen (800x600 logical, 1600x1200 device pixels) with two account codes."""
    picture = page(1200, 1600, value=240)
    picture = paste(picture, qr(OTPAUTH, module=MODULE), *ZILLIZ_AT)
    picture = paste(picture, qr(BANK, module=MODULE), *BANK_AT)
    return ScreenShot("main", bgra(picture), 2.0, (0, 0, 800, 600))


def logical_box(
    at: tuple[int, int], text: str, ratio: float, margin: int = 6
) -> tuple[QPoint, QPoint]:
    """The corners of a drag around the code drawn at ``at`` (device pixels), in the
    overlay's logical coordinates."""
    size = code_size(text)
    left, top = at[0] / ratio - margin, at[1] / ratio - margin
    right, bottom = (at[0] + size) / ratio + margin, (at[1] + size) / ratio + margin
    return QPoint(round(left), round(top)), QPoint(round(right), round(bottom))


def drag(widget: QWidget, start: QPoint, end: QPoint) -> None:
    """Press, move in steps, release: what a person's drag sends."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in (0.25, 0.5, 0.75):
        between = start + (end - start) * step
        QTest.mouseMove(widget, between)
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def captured(monkeypatch: pytest.MonkeyPatch, shots: Sequence[ScreenShot]) -> None:
    """What capturing the screens gives (the offscreen platform has no real screen)."""
    monkeypatch.setattr(screens, "grab_screens", lambda: list(shots))


def overlays(dialog: AddAccountDialog) -> list[RegionOverlay]:
    selector = dialog.scan_sources.region_selector
    assert selector is not None
    return selector.overlays


def test_dragging_around_one_code_of_two_fills_the_key_with_that_one(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured(monkeypatch, [hidpi_shot()])
    dialog.scan_sources.region_button.click()
    [overlay] = overlays(dialog)
    qtbot.waitExposed(overlay)
    assert overlay.geometry().getRect() == (0, 0, 800, 600)
    assert overlay.isWindow() and overlay.windowFlags() & Qt.WindowType.FramelessWindowHint
    drag(overlay, *logical_box(BANK_AT, BANK, 2.0))
    assert dialog.key_edit.text() == BANK  # not the pick list: only one code was inside
    assert (dialog.issuer_edit.text(), dialog.name_edit.text()) == ("Bank", "piet")
    assert dialog.scan_sources.region_selector is None
    qtbot.waitUntil(lambda: not overlay.isVisible())


def test_the_selection_is_shown_while_dragging(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured(monkeypatch, [hidpi_shot()])
    dialog.scan_sources.select_region()
    [overlay] = overlays(dialog)
    start, end = logical_box(ZILLIZ_AT, OTPAUTH, 2.0)
    QTest.mousePress(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(overlay, end)
    assert overlay.selection.getRect() == (start.x(), start.y(), *(end - start).toTuple())
    picture = overlay.grab().toImage()
    inside = picture.pixelColor(start + QPoint(4, 4))
    outside = picture.pixelColor(QPoint(5, 590))
    assert inside.lightness() > outside.lightness() + 40  # the rest is dimmed
    QTest.mouseRelease(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert dialog.key_edit.text() == OTPAUTH


def test_escape_cancels_and_reads_nothing(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured(monkeypatch, [hidpi_shot()])
    dialog.scan_sources.region_button.click()
    [overlay] = overlays(dialog)
    qtbot.waitExposed(overlay)
    QTest.keyClick(overlay, Qt.Key.Key_Escape)
    assert dialog.scan_sources.region_selector is None
    qtbot.waitUntil(lambda: not overlay.isVisible())
    assert dialog.key_edit.text() == ""
    assert not dialog.scan_sources.message.isVisible()
    assert dialog.isVisible()  # Esc closed the overlay, not the window


def test_a_click_is_not_a_selection(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured(monkeypatch, [hidpi_shot()])
    dialog.scan_sources.select_region()
    [overlay] = overlays(dialog)
    picked: list[object] = []
    assert dialog.scan_sources.region_selector is not None
    dialog.scan_sources.region_selector.picked.connect(lambda *args: picked.append(args))
    QTest.mouseClick(
        overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(50, 50)
    )
    assert picked == []
    assert overlay.isVisible()  # still waiting for a rectangle
    drag(overlay, *logical_box(ZILLIZ_AT, OTPAUTH, 2.0))
    assert len(picked) == 1


def test_a_region_without_a_code_says_so(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured(monkeypatch, [hidpi_shot()])
    dialog.scan_sources.select_region()
    [overlay] = overlays(dialog)
    drag(overlay, QPoint(20, 400), QPoint(300, 580))
    assert dialog.key_edit.text() == ""
    assert dialog.scan_sources.message.message.startswith(
        "No QR code was found in the region you selected."
    )


def test_each_screen_gets_an_overlay_and_the_second_one_reads_its_own_picture(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    left = hidpi_shot()
    right_picture = paste(page(480, 640, value=250), qr(OTPAUTH, module=3), 300, 120)
    right = ScreenShot("right", bgra(right_picture), 1.0, (800, 0, 640, 480))
    captured(monkeypatch, [left, right])
    dialog.scan_sources.select_region()
    first, second = overlays(dialog)
    assert second.geometry().getRect() == (800, 0, 640, 480)
    assert (first.shot, second.shot) == (left, right)
    drag(second, *logical_box((300, 120), OTPAUTH, 1.0))
    assert dialog.key_edit.text() == OTPAUTH
    qtbot.waitUntil(lambda: not first.isVisible() and not second.isVisible())


def test_a_capture_that_is_refused_is_explained_without_overlays(
    dialog: AddAccountDialog,
) -> None:
    dialog.scan_sources.region_button.click()  # the offscreen platform: nothing to capture
    assert dialog.scan_sources.region_selector is None
    assert dialog.scan_sources.message.message.startswith("There is no screen to capture")


def test_selector_signals_the_shot_and_the_desktop_rectangle(qtbot: QtBot) -> None:
    shot = ScreenShot("right", bgra(page(300, 400)), 1.5, (1000, 50, 267, 200))
    parent = QWidget()
    qtbot.addWidget(parent)
    selector = RegionSelector([shot], parent)
    selector.start()
    [overlay] = selector.overlays
    with qtbot.waitSignal(selector.picked) as picked:
        drag(overlay, QPoint(10, 20), QPoint(110, 90))
    assert picked.args == [shot, (1010, 70, 100, 70)]
    assert selector.overlays == []


# -- the pixels under a selection -----------------------------------------------------------


def test_region_pixels_map_logical_rectangles_to_device_pixels() -> None:
    shot = hidpi_shot()
    pixels = region_pixels(shot, (100, 120, 50, 30))
    assert pixels.shape == (60, 100, 4)
    assert np.array_equal(pixels, shot.image[240:300, 200:300])
    offset = ScreenShot("b", shot.image, 2.0, (-800, 100, 800, 600))  # a screen on the left
    assert np.array_equal(region_pixels(offset, (-700, 220, 50, 30)), pixels)
    assert region_pixels(shot, (900, 0, 10, 10)).size == 0  # off this screen
    assert region_pixels(shot, (790, 590, 50, 50)).shape == (20, 20, 4)  # clipped


def test_a_tight_selection_without_the_quiet_zone_still_reads() -> None:
    shot = hidpi_shot()
    quiet = 4 * MODULE  # the code's own white border, in device pixels
    size = code_size(OTPAUTH)
    tight = (
        (ZILLIZ_AT[0] + quiet) // 2 + 1,
        (ZILLIZ_AT[1] + quiet) // 2 + 1,
        (size - 2 * quiet) // 2 - 2,
        (size - 2 * quiet) // 2 - 2,
    )
    assert decode_region(shot, tight) == [OTPAUTH]


def test_a_tight_selection_of_a_dark_mode_code_still_reads() -> None:
    dark = recolour(255 - page(600, 800), 0, 255)
    light_code = 255 - qr(OTPAUTH, module=MODULE)
    picture = paste(dark, light_code, 100, 100)
    shot = ScreenShot("dark", bgra(picture), 1.0, (0, 0, 800, 600))
    quiet = 4 * MODULE
    size = light_code.shape[0]
    tight = (100 + quiet + 1, 100 + quiet + 1, size - 2 * quiet - 2, size - 2 * quiet - 2)
    assert decode_region(shot, tight) == [OTPAUTH]


# -- where the window offers it -------------------------------------------------------------


def test_a_screen_scan_without_a_code_points_to_select_region(
    dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screens, "decode_screens", list)
    dialog.scan_sources.screen_button.click()
    message = dialog.scan_sources.message.message
    assert message.startswith("No QR code was found on the screen.")
    assert message.endswith(
        "Or choose \u201cSelect region\u2026\u201d and drag a rectangle around the QR code."
    )
    assert dialog.focusWidget() is dialog.scan_sources.region_button


def test_several_codes_on_the_screen_offer_a_region_in_the_pick_list(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = [
        screens.ScreenCode(OTPAUTH, "main", (0, 0, 10, 10)),
        screens.ScreenCode(BANK, "main", (20, 0, 10, 10)),
    ]
    monkeypatch.setattr(screens, "decode_screens", lambda: found)
    captured(monkeypatch, [hidpi_shot()])
    asked: list[list[str]] = []

    def pick(parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
        asked.append(list(items))
        return len(items) - 1  # the last item: select a region

    monkeypatch.setattr(scan_sources, "pick_from_list", pick)
    dialog.scan_sources.screen_button.click()
    assert asked == [
        ["Zilliz: anna@zorg.nl", "Bank: piet", "None of these: select a region of the screen\u2026"]
    ]
    [overlay] = overlays(dialog)
    drag(overlay, *logical_box(ZILLIZ_AT, OTPAUTH, 2.0))
    assert dialog.key_edit.text() == OTPAUTH


def test_closing_the_window_closes_the_overlays(
    qtbot: QtBot, dialog: AddAccountDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured(monkeypatch, [hidpi_shot()])
    dialog.scan_sources.select_region()
    [overlay] = overlays(dialog)
    qtbot.waitExposed(overlay)
    dialog.reject()
    assert dialog.scan_sources.region_selector is None
    qtbot.waitUntil(lambda: not overlay.isVisible())


# -- on a real X server: real captures, real overlays ---------------------------------------


@pytest.fixture(scope="module")
def x_display(request: pytest.FixtureRequest) -> Iterator[str]:
    with x_server(pytest_xvfb(request)) as display:
        yield display


@pytest.fixture(scope="module")
def two_screens() -> Iterator[str]:
    with own_xvfb("800x600x24", "640x480x24") as display:
        yield display


def select_on_x(display: str, *options: str, **env: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.select_region", OTPAUTH, *options],
        cwd=ROOT,
        env=helper_env(display, **env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def test_a_drag_on_a_real_x_screen_reads_the_code_under_it(x_display: str) -> None:
    found = select_on_x(x_display)
    assert found["platform"] == "xcb"
    [[name, rect]] = found["picked"]
    assert name == found["shots"][0][0]
    x, y, width, height = found["window"]
    assert rect == [x - 6, y - 6, width + 12, height + 12]  # the drag, in desktop pixels
    assert found["texts"] == [[OTPAUTH]]
    assert found["overlays_left"] == 0


def test_a_drag_on_a_hidpi_x_screen_reads_the_device_pixels(x_display: str) -> None:
    found = select_on_x(x_display, "--module", "2", QT_SCALE_FACTOR="2")
    [[_, geometry, ratio]] = found["shots"]
    assert ratio == 2.0
    assert found["overlays"] == [geometry]  # the overlay covers the screen, in logical pixels
    assert found["texts"] == [[OTPAUTH]]


def test_each_x_screen_gets_an_overlay_and_the_second_reads_its_code(two_screens: str) -> None:
    found = select_on_x(two_screens, "--screen", "1")
    assert len(found["overlays"]) == 2
    assert found["overlays"] == [shot[1] for shot in found["shots"]]
    [[name, _]] = found["picked"]
    assert name == found["shots"][1][0]
    assert found["texts"] == [[OTPAUTH]]


def test_escape_on_a_real_x_screen_cancels(x_display: str) -> None:
    found = select_on_x(x_display, "--escape")
    assert found["cancelled"] is True
    assert found["picked"] == [] and found["texts"] == []
    assert found["overlays_left"] == 0
