"""A main window with everything around it attached (settings, clock check, app lock, tray),
on fake timers, a fake clock, a synchronous clock check and no real tray or D-Bus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pytestqt.qtbot import QtBot

from desktop.clock import Clock, ClockSources, CorrectedClock, FixedClock, Measurement
from desktop.platform.session_lock import SessionLockWatcher
from desktop.settings import Settings
from desktop.ui.common.theme import clear_after
from desktop.ui.shell import around_window
from desktop.ui.shell.clock_check import Done, Measure, Runner, Work
from desktop.ui.window.main_window import MainWindow
from desktop.vault import PasswordRequest, Vault

if TYPE_CHECKING:  # conftest imports this module for its rig fixture
    from tests.helpers.fakes import FakeTimers


LOCK_PASSWORD = "correct horse battery"


def run_now(work: Work, done: Done) -> None:
    """The clock check's runner, without a thread."""
    done(work())


@dataclass
class FakeMeasure:
    """Stands in for desktop.net.time_sources.measure: returns ``result`` (a function of the
    clock, or ``None`` for "no network") and remembers each call."""

    result: Callable[[Clock], Measurement | None] = lambda _clock: None
    calls: list[ClockSources] = field(default_factory=list)

    def __call__(self, sources: ClockSources, clock: Clock) -> Measurement | None:
        self.calls.append(sources)
        return self.result(clock)

    def off_by(self, offset: float, uncertainty: float = 0.3, source: str = "ntp") -> None:
        self.result = lambda clock: Measurement(
            offset - uncertainty, offset + uncertainty, source, clock.now()
        )


@dataclass
class PasswordAnswers:
    """Answers the "choose a password" prompt of the app lock, and remembers the asks."""

    answer: str | None = LOCK_PASSWORD
    requests: list[PasswordRequest] = field(default_factory=list)

    def __call__(self, _parent: object, request: PasswordRequest) -> str | None:
        self.requests.append(request)
        return self.answer


@dataclass
class Rig:
    extras: around_window.Extras
    window: MainWindow
    clock: CorrectedClock
    base: Clock
    idle_clock: FixedClock
    measure: Measure
    passwords: PasswordAnswers
    timers: FakeTimers


MakeRig = Callable[..., Rig]
"""Makes a :class:`Rig`; keyword options as :func:`make_rig`'s (the ``new_rig`` fixture)."""


def make_rig(
    qtbot: QtBot,
    vault: Vault,
    home: Path,
    timers: FakeTimers,
    base: Clock,
    hold_clock: FixedClock,
    *,
    measure: Measure | None = None,
    runner: Runner | None = run_now,
    session: SessionLockWatcher | None = None,
    tray_available: bool = False,
    check_clock: bool = False,
) -> Rig:
    settings = Settings.load(home)
    clock = CorrectedClock(base, settings.correction)
    window = MainWindow(
        vault,
        clock,
        timer_factory=timers,
        hold_clock=hold_clock,
        clear_clipboard_after=clear_after(settings),
    )
    qtbot.addWidget(window)
    measure = measure if measure is not None else FakeMeasure()
    passwords = PasswordAnswers()
    idle_clock = FixedClock(5000.0)
    extras = around_window.attach(
        window,
        settings,
        clock,
        timer_factory=timers,
        runner=runner,
        measure_with=measure,
        idle_clock=idle_clock,
        session=session,
        tray_available=tray_available,
        ask_password=passwords,
        check_clock=check_clock,
    )
    window.show()
    qtbot.waitExposed(window)
    return Rig(extras, window, clock, base, idle_clock, measure, passwords, timers)
