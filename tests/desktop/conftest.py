"""GUI tests: offscreen Qt, a fake clock and fake timers (nothing sleeps), a real vault.

Widgets render with the ``offscreen`` platform (set by ``tests/conftest.py`` before Qt
starts). pytest-xvfb still starts an X server and sets ``DISPLAY``: tests that need the
real X11 clipboard run a child process with ``QT_QPA_PLATFORM=xcb`` against it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.clock import Clock, FixedClock
from desktop.otp.model import Account, OtpType
from desktop.ui.add.add_dialog import AddAccountDialog
from desktop.ui.app import guard_none_refcount
from desktop.ui.window.main_window import MainWindow
from desktop.vault import Vault, open_vault
from tests.helpers.admin_server import admin_client, desktop_clock, harness, make_client  # noqa: F401
from tests.helpers.fakes import FakeTimers, MemoryKeyring
from tests.helpers.window_rig import MakeRig, Rig, make_rig

guard_none_refcount()  # PySide6 6.12.0 on Python 3.11 would abort a long test run otherwise

# 2023-11-14 22:13:30 UTC: a 30-second boundary, half-way through a 60-second step.
T0 = 1_700_000_000 - 1_700_000_000 % 30 + 30


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot pass size hints to (or raise a window
    through) a window manager it does not have; that is not a fault of the code under test."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    r"This plugin does not support (propagateSizeHints|raise)"
                )
            )


@pytest.fixture
def timers() -> FakeTimers:
    return FakeTimers()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(float(T0))


@pytest.fixture
def hold_clock() -> FixedClock:
    """The monotonic clock of the press-and-hold gesture."""
    return FixedClock(1000.0)


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def open_test_vault(
    isolated_environment: Path, keyring_backend: MemoryKeyring
) -> Callable[[], Vault]:
    """Opens (again) the real vault file in this test's folder."""
    return lambda: open_vault(isolated_environment, keyring_backend=keyring_backend)


@pytest.fixture
def vault(open_test_vault: Callable[[], Vault]) -> Vault:
    """An empty vault in this test's folder, its key in a memory keyring."""
    return open_test_vault()


def totp(
    issuer: str, name: str, *, period: int = 30, key: bytes = b"12345678901234567890"
) -> Account:
    return Account(issuer=issuer, name=name, secret=key, period=period)


def hotp(issuer: str, name: str, *, counter: int = 0) -> Account:
    return Account(
        issuer=issuer,
        name=name,
        secret=b"hotp-secret-0123456789",
        type=OtpType.HOTP,
        counter=counter,
    )


@pytest.fixture
def three_accounts(vault: Vault) -> Vault:
    """Zilliz (30 s), a 60-second account, and a counter (HOTP) account, in that order."""
    vault.add(totp("Zilliz", "jan.jansen@zorg.example"))
    vault.add(totp("Intranet", "jjansen", period=60, key=b"another-secret-key!!"))
    vault.add(hotp("VPN", "jan"))
    return vault


@pytest.fixture
def dialog(qtbot: QtBot, vault: Vault, clock: FixedClock, timers: FakeTimers) -> AddAccountDialog:
    """The add-account window on the test's vault, shown (tests of another dialog have
    a ``dialog`` fixture of their own)."""
    dialog = AddAccountDialog(vault, clock, timer_factory=timers)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def clipboard(qapp: QApplication) -> Iterator[QClipboard]:
    """The system clipboard, emptied after the test."""
    board = QGuiApplication.clipboard()
    yield board
    board.clear()


def when_modal_opens(act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal window as soon as it is shown (exec() blocks)."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            QTimer.singleShot(10, poll)
            return
        act(modal)

    QTimer.singleShot(0, poll)


@pytest.fixture
def make_window(
    qtbot: QtBot, clock: FixedClock, hold_clock: FixedClock, timers: FakeTimers
) -> Callable[[Vault], MainWindow]:
    """A shown main window on the fake clock and fake timers."""

    def make(vault: Vault) -> MainWindow:
        window = MainWindow(vault, clock, timer_factory=timers, hold_clock=hold_clock)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def new_rig(
    qtbot: QtBot,
    three_accounts: Vault,
    isolated_environment: Path,
    timers: FakeTimers,
    clock: FixedClock,
    hold_clock: FixedClock,
) -> MakeRig:
    """Makes the main window on :func:`three_accounts` with everything around it attached
    (:func:`~tests.helpers.window_rig.make_rig`'s options; ``base`` replaces the clock)."""

    def make(*, base: Clock | None = None, **options: Any) -> Rig:
        return make_rig(
            qtbot,
            three_accounts,
            isolated_environment,
            timers,
            clock if base is None else base,
            hold_clock,
            **options,
        )

    return make
