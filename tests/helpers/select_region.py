"""Select a region of a real X screen, for the region-select tests.

Run as ``python -m tests.helpers.select_region TEXT [--screen N] [--module PX] [--escape]``
with ``QT_QPA_PLATFORM=xcb`` and ``DISPLAY`` set. A window shows the code (as
:mod:`tests.helpers.show_qr` does); once it is on the screen, every screen is captured for
real (:func:`desktop.ui.capture.screens.grab_screens`), the region overlays are shown, and a drag
around the window (or Esc, with ``--escape``) is simulated with QTest on the overlay of
the window's screen. Prints one JSON object: the overlays' geometries, what was picked and
the texts read from it (or ``cancelled``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.ui.add.region_select import RegionSelector
from desktop.ui.capture.screens import ScreenShot, decode_region, grab_screens
from tests.helpers.show_qr import DEADLINE, CodeWindow, code_picture, on_screen, wait_until

MARGIN = 6  # logical pixels around the window in the drag


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("text")
    parser.add_argument("--screen", type=int, default=0)
    parser.add_argument("--module", type=int, default=4)
    parser.add_argument("--escape", action="store_true")
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    screens = QApplication.screens()
    target = screens[args.screen]
    window = CodeWindow(code_picture(args.text, args.module))
    window.setScreen(target)
    top_left = target.geometry().topLeft() + QPoint(60, 50)
    window.setGeometry(QRect(top_left, window.picture.size()))
    window.show()
    if not wait_until(lambda: window.painted and on_screen(args.text), time.monotonic() + DEADLINE):
        print("the window did not appear on the screen", file=sys.stderr)
        return 3

    shots = grab_screens()
    selector = RegionSelector(shots)
    result: dict[str, Any] = {
        "platform": app.platformName(),
        "overlays": [rect(o.geometry()) for o in selector.overlays],
        "shots": [[s.name, list(s.geometry), s.device_pixel_ratio] for s in shots],
    }
    picked: list[tuple[ScreenShot, tuple[int, int, int, int]]] = []
    selector.picked.connect(lambda shot, rect: picked.append((shot, tuple(rect))))
    selector.cancelled.connect(lambda: result.update(cancelled=True))
    selector.start()
    geometry = window.geometry()  # logical desktop coordinates
    on_screen_of_window = screens.index(window.screen())
    [overlay] = [o for o in selector.overlays if o.shot.index == on_screen_of_window]
    if not wait_until(overlay.isVisible, time.monotonic() + DEADLINE):
        print("the overlay did not show", file=sys.stderr)
        return 3
    if args.escape:
        QTest.keyClick(overlay, Qt.Key.Key_Escape)
    else:
        origin = overlay.geometry().topLeft()
        start = geometry.topLeft() - origin - QPoint(MARGIN, MARGIN)
        end = (
            geometry.topLeft()
            - origin
            + QPoint(geometry.width() + MARGIN, geometry.height() + MARGIN)
        )
        QTest.mousePress(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(overlay, (start + end) / 2)
        QTest.mouseMove(overlay, end)
        QTest.mouseRelease(overlay, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    result["window"] = rect(geometry)
    result["overlays_left"] = len(selector.overlays)
    result["picked"] = [[shot.name, list(rect)] for shot, rect in picked]
    result["texts"] = [decode_region(shot, rect) for shot, rect in picked]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
