"""Render the main window into docs/screenshots/, in English and Dutch.

Run under an X server for real fonts, e.g.::

    xvfb-run -a -s "-screen 0 1280x1024x24" .venv/bin/python scripts/screenshots.py

(``QT_QPA_PLATFORM=offscreen`` works too.) ``TWEESTAP_LANG=nl`` (or ``en``) renders one
language only; without it, both. Every scene gets a throw-away vault in a temporary folder
(its key in a memory keyring) and a fixed clock, so every run shows the same codes.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop import i18n  # noqa: E402
from desktop.clock import FixedClock  # noqa: E402
from desktop.otp.model import Account, OtpType  # noqa: E402
from desktop.ui.window.main_window import MainWindow  # noqa: E402
from desktop.vault import Vault, open_vault  # noqa: E402
from scripts import screenshot_kit  # noqa: E402
from tests.helpers.fakes import MemoryKeyring  # noqa: E402

MOMENT = 1_111_111_110 + 18  # 12 seconds left in the 30-second step
LAST_SECONDS = 1_111_111_110 + 26  # 4 seconds left: the next code shows
SIZE = (560, 680)
NAME = "jan.de.vries@zorggroep.nl"


def three(vault: Vault) -> None:
    vault.add(Account(issuer="Zilliz", name=NAME, secret=b"12345678901234567890"))
    vault.add(Account(issuer="Microsoft", name="j.devries@zorggroep.nl", secret=b"m" * 20))
    vault.add(Account(issuer="VPN Zorggroep", name="jdevries", secret=b"v" * 20, type=OtpType.HOTP))


ISSUERS = [
    "Zilliz", "Microsoft", "Google", "GitHub", "Nextcloud", "Ons Dossier", "Nedap", "AFAS",
    "Mijn Zorgportaal", "Rooster", "VPN Zorggroep", "Intranet", "Salarisportaal", "Dropbox",
]  # fmt: skip
PEOPLE = ["jan", "fatima", "pieter", "anouk", "mohammed", "sanne", "ruud", "lotte", "kees"]


def many(vault: Vault, count: int = 200) -> None:
    randomise = random.Random(7)  # noqa: S311 - made-up names, not secrets
    added = 0
    while added < count:
        issuer = ISSUERS[added % len(ISSUERS)]
        person = PEOPLE[(added // len(ISSUERS)) % len(PEOPLE)]
        name = f"{person}.{randomise.randint(10, 99)}@zorggroep.nl"
        secret = randomise.randbytes(20)
        vault.add(Account(issuer=issuer, name=name, secret=secret), replace_existing=True)
        added += 1


Scene = Callable[[MainWindow], None]


def nothing(window: MainWindow) -> None:
    pass


def hold_first_row(window: MainWindow) -> None:
    """Press the first code and keep holding (60 % of the gesture)."""
    view = window.view
    rect = view.visualRect(window.proxy.index(0, 0))
    QTest.mousePress(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(rect.left() + 80, rect.center().y()),
    )
    hold_clock = HOLD_CLOCK
    hold_clock.advance(0.3)
    view.viewport().repaint()


def copied(window: MainWindow) -> None:
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    window.copy_current()


def notice(window: MainWindow) -> None:
    window.show_banner(
        i18n.translate(
            "Errors",
            "No system keyring (such as GNOME Keyring, KWallet or the Windows "
            "Credential Manager) is available, so Tweestap protects your accounts "
            "with a password instead.",
        )
    )


def search(window: MainWindow) -> None:
    window.search_field.setText("zilliz")


HOLD_CLOCK = FixedClock(0.0)

SCENES: dict[str, tuple[Callable[[Vault], None] | None, float, Scene]] = {
    "main-empty": (None, MOMENT, nothing),
    "main-3": (three, MOMENT, nothing),
    "main-3-next-code": (three, LAST_SECONDS, nothing),
    "main-3-holding": (three, MOMENT, hold_first_row),
    "main-3-copied": (three, MOMENT, copied),
    "main-notice": (three, MOMENT, notice),
    "main-200": (many, MOMENT, nothing),
    "main-200-search": (many, MOMENT, search),
}


def main() -> int:
    parser = screenshot_kit.options("Render the main window as PNG files.")
    parser.add_argument("--only", action="append", help="render only these scenes")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="tweestap-screenshots-"))
    _app = screenshot_kit.start_app(args)
    status = 0
    for language in screenshot_kit.languages(args):
        if not screenshot_kit.install(language):
            status = 1
        for name, (fill, moment, scene) in SCENES.items():
            if args.only and name not in args.only:
                continue
            vault = open_vault(workdir / f"{name}-{language}", keyring_backend=MemoryKeyring())
            if fill is not None:
                fill(vault)
            window = MainWindow(vault, FixedClock(moment), hold_clock=HOLD_CLOCK)
            window.resize(*SIZE)
            window.show()
            window.activateWindow()
            for _ in range(10):
                QApplication.processEvents()
            scene(window)
            QApplication.processEvents()
            path = args.out / f"{name}-{language}.png"
            if not window.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            print(path)
            window.close()
            window.deleteLater()
            QCoreApplication.processEvents()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
