"""Show a QR code in a real window on an X server, for the screen-capture tests.

Run as ``python -m tests.helpers.show_qr TEXT [--screen N] [--at X Y] [--module PX]`` with
``QT_QPA_PLATFORM=xcb`` and ``DISPLAY`` set. The window is shown on screen ``N`` (an index
into ``QGuiApplication.screens()``); once the code is on the screen (checked by capturing
it), the helper either

* ``--decode``: runs :func:`desktop.ui.capture.screens.decode_screens` itself and prints one JSON
  object (``screens`` and ``codes``), then quits; or
* otherwise prints ``ready`` and keeps the window up until its standard input closes (so
  that another process, e.g. ``tweestap scan --screen``, can capture it).

It waits by polling with a deadline, never by sleeping a fixed time.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np
import zxingcpp
from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPaintEvent, QRasterWindow

from desktop.scan.errors import ScanError
from desktop.ui.capture.screens import decode_screens, grab_screens

DEADLINE = 8.0  # seconds for the window to appear


class CodeWindow(QRasterWindow):
    def __init__(self, picture: QImage) -> None:
        super().__init__()
        self.picture = picture
        self.painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.drawImage(0, 0, self.picture)
        painter.end()
        self.painted = True


def code_picture(text: str, module: int) -> QImage:
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    pixels = np.ascontiguousarray(
        np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=module))
    )
    height, width = pixels.shape
    return QImage(pixels.data, width, height, width, QImage.Format.Format_Grayscale8).copy()


def wait_until(condition: object, deadline: float) -> bool:
    """Run the event loop until ``condition()`` is true or ``deadline`` (monotonic) passes."""
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(25)
    result = {"ok": False}

    def check() -> None:
        if condition():  # type: ignore[operator]
            result["ok"] = True
            loop.quit()
        elif time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    QTimer.singleShot(0, check)
    loop.exec()
    timer.stop()
    return result["ok"]


def on_screen(text: str) -> bool:
    try:
        return any(text == code.payload for code in decode_screens(grab_screens()))
    except ScanError:  # a capture before the window shows may be refused
        return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("text")
    parser.add_argument("--screen", type=int, default=0)
    parser.add_argument("--at", type=int, nargs=2, default=(40, 30), metavar=("X", "Y"))
    parser.add_argument("--module", type=int, default=4)
    parser.add_argument("--decode", action="store_true")
    args = parser.parse_args()

    app = QGuiApplication(sys.argv[:1])
    screens = QGuiApplication.screens()
    target = screens[args.screen]
    window = CodeWindow(code_picture(args.text, args.module))
    window.setScreen(target)
    top_left = target.geometry().topLeft() + QPoint(*args.at)
    window.setGeometry(QRect(top_left, window.picture.size()))
    window.show()
    deadline = time.monotonic() + DEADLINE
    if not wait_until(lambda: window.painted and on_screen(args.text), deadline):
        print("the window did not appear on the screen", file=sys.stderr)
        return 3
    if args.decode:
        shots = grab_screens()
        result = {
            "platform": app.platformName(),
            "screens": [
                {
                    "name": s.name,
                    "geometry": s.geometry,
                    "device_pixel_ratio": s.device_pixel_ratio,
                    "shape": list(s.image.shape),
                }
                for s in shots
            ],
            "window_screen": screens.index(window.screen()),
            "codes": [
                {"payload": c.payload, "screen": c.screen, "rect": c.rect}
                for c in decode_screens(shots)
            ],
        }
        print(json.dumps(result))
        return 0
    print("ready", flush=True)
    sys.stdin.read()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
