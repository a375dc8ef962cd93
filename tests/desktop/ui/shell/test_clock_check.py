"""The clock check in the window: the banner, its two actions, the correction at the clock
seam, remembering it, measuring every hour, and the correction expiring or disagreeing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.clock import CORRECTION_MAX_AGE, Clock, ClockSources, FixedClock, Measurement
from desktop.net.time_sources import measure, sntp_query
from desktop.otp.codes import code_at
from desktop.settings import SERVER_URL, Settings
from desktop.ui.common.background import Background
from desktop.ui.shell.around_window import save_settings
from desktop.ui.shell.clock_check import CHECK_INTERVAL_MS
from tests.helpers.fakes import FakeNtpServer, FakeTimer, ShiftedClock
from tests.helpers.window_rig import FakeMeasure, MakeRig, Rig

pytestmark = pytest.mark.gui


@pytest.fixture
def rig(new_rig: MakeRig) -> MakeRig:
    def make(fake: FakeMeasure | None = None, **options: object) -> Rig:
        return new_rig(measure=fake, **options)

    return make


def fake(offset: float | None, uncertainty: float = 0.3) -> FakeMeasure:
    measured = FakeMeasure()
    if offset is not None:
        measured.off_by(offset, uncertainty)
    return measured


def hourly(rig: Rig) -> FakeTimer:
    timer = rig.extras.clock_check.timer
    assert isinstance(timer, FakeTimer)
    return timer


@pytest.mark.parametrize(
    ("offset", "words"),
    [
        (47.2, "Your computer clock is 47 seconds behind; codes may therefore be invalid."),
        (-90.0, "Your computer clock is 90 seconds ahead; codes may therefore be invalid."),
        (-31.0, "Your computer clock is 31 seconds ahead; codes may therefore be invalid."),
        (29.0, "Your computer clock is 29 seconds behind; codes may therefore be invalid."),
        (-3 * 3600.0, "Your computer clock is 3 hours ahead; codes may therefore be invalid."),
    ],
)
def test_a_clock_too_far_off_gets_a_banner_in_plain_words(
    rig: MakeRig, offset: float, words: str
) -> None:
    r = rig(fake(offset), check_clock=True)
    banner = r.extras.clock_banner
    assert banner.isVisible()
    assert banner.label.text() == words
    assert banner.help_button.isVisible()
    assert banner.correct_button.isVisible()
    assert not banner.stop_button.isVisible()
    assert r.clock.offset == 0  # nothing corrected until asked


@pytest.mark.parametrize("offset", [15.0, -15.0, 3.0, 0.0])
def test_a_clock_within_15_seconds_gets_no_banner(rig: MakeRig, offset: float) -> None:
    r = rig(fake(offset), check_clock=True)
    assert not r.extras.clock_banner.isVisible()


def test_no_network_no_banner_and_no_correction(rig: MakeRig, isolated_environment: Path) -> None:
    r = rig(fake(None), check_clock=True)
    assert not r.extras.clock_banner.isVisible()
    assert r.clock.correction is None
    assert Settings.load(isolated_environment).correction is None


def test_a_vague_measurement_warns_but_offers_no_correction(rig: MakeRig) -> None:
    r = rig(fake(60.0, uncertainty=5.0), check_clock=True)
    banner = r.extras.clock_banner
    assert banner.isVisible()
    assert "not precise enough" in banner.label.text()
    assert not banner.correct_button.isVisible()


def test_correcting_shows_it_fixes_the_codes_and_is_remembered(
    rig: MakeRig, qtbot: QtBot, clock: FixedClock, isolated_environment: Path
) -> None:
    r = rig(fake(47.0), check_clock=True)
    banner = r.extras.clock_banner
    QTest.mouseClick(banner.correct_button, Qt.MouseButton.LeftButton)
    assert r.clock.offset == pytest.approx(47.0)
    assert banner.isVisible()
    assert banner.label.text().startswith("Codes corrected by +47 s: your computer clock is 47")
    assert "(measured today at " in banner.label.text()
    assert banner.stop_button.isVisible()
    assert not banner.correct_button.isVisible()
    # the window's codes are those of the true time, not of this computer's clock
    true_time = clock.now() + 47.0
    for row, account in enumerate(r.window.model.accounts):
        if account.type.value == "totp":
            assert r.window.model.code(row) == code_at(account, true_time)
    stored = Settings.load(isolated_environment).correction
    assert stored is not None
    assert stored.offset == pytest.approx(47.0)
    assert stored.measured_at == clock.now()


def test_a_remembered_correction_applies_at_the_next_start(
    rig: MakeRig, qtbot: QtBot, clock: FixedClock
) -> None:
    first = rig(fake(47.0), check_clock=True)
    QTest.mouseClick(first.extras.clock_banner.correct_button, Qt.MouseButton.LeftButton)
    first.window.close()
    clock.advance(3600)
    again = rig(fake(None))  # offline this time
    assert again.clock.offset == pytest.approx(47.0)
    assert again.extras.clock_banner.label.text().startswith("Codes corrected by +47 s")


def test_stop_correcting(rig: MakeRig, qtbot: QtBot, isolated_environment: Path) -> None:
    r = rig(fake(-31.0), check_clock=True)
    banner = r.extras.clock_banner
    QTest.mouseClick(banner.correct_button, Qt.MouseButton.LeftButton)
    assert r.clock.offset == pytest.approx(-31.0)
    assert "\u221231 s" in banner.label.text()
    QTest.mouseClick(banner.stop_button, Qt.MouseButton.LeftButton)
    assert r.clock.correction is None
    assert Settings.load(isolated_environment).correction is None
    assert banner.label.text().startswith("Your computer clock is 31 seconds ahead")


def test_measured_at_start_and_every_hour(rig: MakeRig, clock: FixedClock) -> None:
    measured = fake(0.0)
    r = rig(measured, check_clock=True)
    assert len(measured.calls) == 1
    timer = hourly(r)
    assert timer.is_active()
    assert timer.interval() == CHECK_INTERVAL_MS == 3600 * 1000
    measured.off_by(40.0)
    clock.advance(3600)
    timer.fire()
    assert len(measured.calls) == 2
    assert r.extras.clock_banner.label.text().startswith("Your computer clock is 40 seconds")
    assert timer.is_active()


def test_the_correction_expires_after_a_day(
    rig: MakeRig, qtbot: QtBot, clock: FixedClock, isolated_environment: Path
) -> None:
    measured = fake(47.0)
    r = rig(measured, check_clock=True)
    QTest.mouseClick(r.extras.clock_banner.correct_button, Qt.MouseButton.LeftButton)
    expiry = r.extras.clock_check.expiry_timer
    assert isinstance(expiry, FakeTimer)
    assert expiry.is_active()
    assert expiry.interval() == pytest.approx(CORRECTION_MAX_AGE * 1000 + 1000, abs=1000)
    measured.result = lambda _clock: None  # offline meanwhile: the hourly checks keep it
    for _ in range(23):
        clock.advance(3600)
        hourly(r).fire()
    assert r.clock.offset == pytest.approx(47.0)
    clock.advance(3601)
    assert r.clock.now() == clock.now()  # the clock seam stops correcting by itself...
    expiry.fire()  # ...and the window follows
    assert r.clock.correction is None
    assert Settings.load(isolated_environment).correction is None
    assert not r.extras.clock_banner.isVisible()  # offline: nothing to say
    measured.off_by(47.0)
    hourly(r).fire()
    assert r.extras.clock_banner.label.text().startswith("Your computer clock is 47 seconds")


def test_a_new_measurement_that_disagrees_drops_the_correction(
    rig: MakeRig, qtbot: QtBot, clock: FixedClock
) -> None:
    measured = fake(47.0)
    r = rig(measured, check_clock=True)
    QTest.mouseClick(r.extras.clock_banner.correct_button, Qt.MouseButton.LeftButton)
    measured.off_by(0.2)  # someone set the clock right
    clock.advance(3600)
    hourly(r).fire()
    assert r.clock.correction is None
    assert not r.extras.clock_banner.isVisible()


def test_a_new_measurement_that_agrees_renews_the_correction(
    rig: MakeRig, qtbot: QtBot, clock: FixedClock
) -> None:
    measured = fake(47.0)
    r = rig(measured, check_clock=True)
    QTest.mouseClick(r.extras.clock_banner.correct_button, Qt.MouseButton.LeftButton)
    measured.off_by(47.6)
    clock.advance(3600)
    hourly(r).fire()
    correction = r.clock.correction
    assert correction is not None
    assert correction.offset == pytest.approx(47.6)
    assert correction.measured_at == clock.now()


def test_changing_the_clock_source_measures_again(rig: MakeRig) -> None:
    measured = fake(0.0)
    r = rig(measured, check_clock=True)
    save_settings(r.extras, {SERVER_URL.key: "https://2fa.example.org"})
    assert len(measured.calls) == 2
    assert measured.calls[-1] == ClockSources("auto", "pool.ntp.org", "https://2fa.example.org")


def test_help_says_how_to_fix_the_clock(rig: MakeRig) -> None:
    banner = rig(fake(47.0), check_clock=True).extras.clock_banner
    assert "Sync now" in banner.help_text("win32")
    assert "Date & Time" in banner.help_text("darwin")
    assert "timedatectl set-ntp true" in banner.help_text("linux")


def test_measuring_happens_off_the_ui_thread(qtbot: QtBot) -> None:
    background = Background(name="clock-check")
    threads: dict[str, threading.Thread] = {}
    results: list[Measurement | None] = []

    def work() -> Measurement:
        threads["work"] = threading.current_thread()
        return Measurement(1, 2, "ntp", 0)

    def done(result: Measurement | None) -> None:
        threads["done"] = threading.current_thread()
        results.append(result)

    background.run(work, done, lambda _problem: done(None))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert threads["work"] is not threading.main_thread()
    assert threads["done"] is threading.main_thread()
    assert results == [Measurement(1, 2, "ntp", 0)]


def test_end_to_end_with_a_fake_ntp_server(rig: MakeRig, qtbot: QtBot) -> None:
    """A real SNTP exchange on loopback, in a real thread, with this computer 31 s behind."""
    server = FakeNtpServer()
    try:

        def measure_here(sources: ClockSources, clock: Clock) -> Measurement | None:
            return measure(
                sources, clock, ntp=lambda host, c: sntp_query("127.0.0.1", c, port=server.port)
            )

        computer = ShiftedClock(-31)
        r = rig(measure_here, base=computer, runner=None, check_clock=True)
        banner = r.extras.clock_banner
        qtbot.waitUntil(banner.isVisible, timeout=5000)
        assert banner.label.text().startswith("Your computer clock is 31 seconds behind")
        QTest.mouseClick(banner.correct_button, Qt.MouseButton.LeftButton)
        assert abs(r.clock.now() - time.time()) < 0.1
        assert server.requests == 1
    finally:
        server.close()
