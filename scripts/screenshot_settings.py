"""Render the clock banner, the lock screen, the settings dialog and the tray menu into
docs/screenshots/, in English and Dutch.

    xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python scripts/screenshot_settings.py

Options as in ``scripts/screenshots.py`` (``--lang``, ``--only``, ``--translations``).
Every scene gets a throw-away vault (its key in a memory keyring), a fixed clock, and a
made-up measurement, so every run shows the same picture.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QPoint  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.clock import Clock, ClockSources, CorrectedClock, FixedClock, Measurement  # noqa: E402
from desktop.favourites import set_favourite  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.ui.shell import around_window  # noqa: E402
from desktop.ui.shell.settings_dialog import SettingsDialog  # noqa: E402
from desktop.ui.window.main_window import MainWindow  # noqa: E402
from desktop.vault import ScryptParams, open_vault  # noqa: E402
from scripts import screenshot_kit  # noqa: E402
from scripts.screenshots import MOMENT, SIZE, three  # noqa: E402
from tests.helpers.fakes import MemoryKeyring  # noqa: E402

WEAK = ScryptParams(n=2**4)  # a screenshot vault protects nothing


def behind(seconds: float) -> Callable[[ClockSources, Clock], Measurement]:
    return lambda _sources, clock: Measurement(seconds - 0.4, seconds + 0.4, "ntp", clock.now())


Scene = Callable[[around_window.Extras], QWidget | QPixmap]


def clock_warning(extras: around_window.Extras) -> QWidget:
    return extras.window


def clock_corrected(extras: around_window.Extras) -> QWidget:
    extras.clock_check.apply_correction()
    return extras.window


def lock_screen(extras: around_window.Extras) -> QWidget:
    extras.window.vault.protect_with_password("screenshot-password", scrypt_params=WEAK)
    extras.app_lock.lock()
    return extras.window


def settings_dialog(extras: around_window.Extras) -> QWidget:
    dialog = SettingsDialog(around_window.current_values(extras), extras.window)
    dialog.show()
    dialog.adjustSize()
    return dialog


def tray_menu(extras: around_window.Extras) -> QWidget:
    vault = extras.window.vault
    set_favourite(vault, vault.accounts[1].id, True)
    menu = extras.tray.menu
    menu.rebuild()
    menu.menu.popup(QPoint(40, 40))
    return menu.menu


def help_menu(extras: around_window.Extras) -> QPixmap:
    """The window with its Help menu open, as the screen shows it (the menu is a window of
    its own, so the screen is grabbed, not the main window)."""
    window = extras.window
    bar = window.menuBar()
    action = bar.actions()[-1]  # Help, the last menu
    bar.setActiveAction(action)
    for _ in range(20):
        QApplication.processEvents()
    frame = window.frameGeometry()
    screen = window.screen()
    return screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height() // 2 + 40)


SCENES: dict[str, tuple[float | None, Scene]] = {
    "clock-warning": (47, clock_warning),
    "clock-corrected": (47, clock_corrected),
    "lock-screen": (None, lock_screen),
    "settings-dialog": (None, settings_dialog),
    "tray-menu": (None, tray_menu),
    "help-menu": (None, help_menu),
}


def main() -> int:
    parser = screenshot_kit.options("Render issue 8's screens as PNG files.")
    parser.add_argument("--only", action="append", help="render only these scenes")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="tweestap-screenshots-"))
    _app = screenshot_kit.start_app(args)
    status = 0
    for language in screenshot_kit.languages(args):
        if not screenshot_kit.install(language):
            status = 1
        for name, (offset, scene) in SCENES.items():
            if args.only and name not in args.only:
                continue
            home = workdir / f"{name}-{language}"
            vault = open_vault(home, keyring_backend=MemoryKeyring())
            three(vault)
            clock = CorrectedClock(FixedClock(MOMENT))
            window = MainWindow(vault, clock)
            window.resize(*SIZE)
            extras = around_window.attach(
                window,
                Settings.load(home),
                clock,
                runner=lambda work, done: done(work()),
                measure_with=behind(offset) if offset is not None else lambda _s, _c: None,
                session=None,
                tray_available=False,
                check_clock=offset is not None,
            )
            window.show()
            window.activateWindow()
            for _ in range(10):
                QApplication.processEvents()
            shown = scene(extras)
            for _ in range(10):
                QApplication.processEvents()
            path = args.out / f"{name}-{language}.png"
            picture = shown if isinstance(shown, QPixmap) else shown.grab()
            if not picture.save(str(path)):
                raise OSError(f"could not write {path}")
            print(path)
            if isinstance(shown, QWidget) and shown is not window:
                shown.close()
            window.close()
            window.deleteLater()
            QCoreApplication.processEvents()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
