"""Measuring the computer's clock: a fake NTP server on loopback UDP and our own 2FA server's
``Date`` header, with the clock seam shifted; no network; the correction and its expiry."""

from __future__ import annotations

import socket
import struct
import time
from collections.abc import Iterator

import pytest

from desktop.clock import (
    CORRECTION_MAX_AGE,
    OFFSET_LIMIT,
    ClockSources,
    CorrectedClock,
    Correction,
    FixedClock,
    Measurement,
    combine,
    update_correction,
)
from desktop.net.time_sources import (
    MeasurementFailed,
    _ntp_time,
    http_date_query,
    measure,
    sntp_query,
)
from tests.helpers.fakes import NTP_TO_UNIX, FakeNtpServer, ShiftedClock
from tests.server.harness import Harness, start_harness, stop_harness

SHIFTS = [15, -15, 16, -16, 29, -29, 31, -31, 90, -90]


@pytest.fixture
def ntp() -> Iterator[FakeNtpServer]:
    server = FakeNtpServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def tfa_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    """Our own 2FA server (server_stub) on a loopback port: its /api/health ``Date``."""
    harness = start_harness(tmp_path_factory.mktemp("server"))
    yield harness
    stop_harness(harness)


def closed_port(kind: socket.SocketKind) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# -- NTP ---------------------------------------------------------------------------------


@pytest.mark.parametrize("shift", SHIFTS)
def test_ntp_measures_the_shifted_clock(ntp: FakeNtpServer, shift: int) -> None:
    m = sntp_query("127.0.0.1", ShiftedClock(shift), port=ntp.port, timeout=2)
    assert m.low <= -shift <= m.high
    assert m.uncertainty < 0.1  # loopback
    assert m.source == "ntp"
    assert m.too_far_off is (abs(shift) > OFFSET_LIMIT)
    assert m.can_correct


def test_a_slow_round_trip_widens_the_interval_and_holds_back_the_warning(
    ntp: FakeNtpServer,
) -> None:
    """15.5 s behind, but with a 1.2 s round trip nobody can tell it from 15 s: no warning."""
    ntp.delay_out = ntp.delay_back = 0.6
    m = sntp_query("127.0.0.1", ShiftedClock(-15.5), port=ntp.port, timeout=3)
    assert m.low <= 15.5 <= m.high
    assert m.uncertainty >= 0.55
    assert m.offset > OFFSET_LIMIT  # the estimate alone would have warned
    assert not m.too_far_off


def test_the_servers_own_error_is_part_of_the_bound(ntp: FakeNtpServer) -> None:
    ntp.root_delay, ntp.root_dispersion = 2.0, 1.5
    m = sntp_query("127.0.0.1", ShiftedClock(-16), port=ntp.port)
    assert m.uncertainty >= 2.5  # 2.0 / 2 + 1.5
    assert not m.too_far_off
    assert not m.can_correct


@pytest.mark.parametrize(
    ("field", "value"),
    [("stratum", 0), ("leap", 3)],
    ids=["kiss-of-death", "unsynchronised"],
)
def test_replies_of_servers_that_do_not_know_the_time_are_refused(
    ntp: FakeNtpServer, field: str, value: int
) -> None:
    setattr(ntp, field, value)
    with pytest.raises(MeasurementFailed):
        sntp_query("127.0.0.1", ShiftedClock(-60), port=ntp.port)


def test_a_reply_that_does_not_echo_our_request_is_ignored(ntp: FakeNtpServer) -> None:
    ntp.echo = False
    with pytest.raises(MeasurementFailed):
        sntp_query("127.0.0.1", ShiftedClock(-60), port=ntp.port, timeout=0.3)


def test_no_ntp_answer_is_no_measurement(ntp: FakeNtpServer) -> None:
    ntp.silent = True
    with pytest.raises(MeasurementFailed):
        sntp_query("127.0.0.1", ShiftedClock(0), port=ntp.port, timeout=0.2)
    with pytest.raises(MeasurementFailed):  # nothing listens: ICMP port unreachable
        sntp_query("127.0.0.1", ShiftedClock(0), port=closed_port(socket.SOCK_DGRAM))


def test_ntp_era_rollover() -> None:
    """RFC 4330 section 3: seconds with the top bit clear are in era 1 (after 2036)."""
    assert _ntp_time(struct.pack(">II", 0x80000000, 0)) == 0x80000000 - NTP_TO_UNIX
    assert _ntp_time(struct.pack(">II", 1000, 2**31)) == 2**32 + 1000 - NTP_TO_UNIX + 0.5


# -- our server's Date header ---------------------------------------------------------------


@pytest.mark.parametrize("shift", [15, -15, 29, -29, 31, -31, 90, -90])
def test_the_servers_date_header_measures_the_shifted_clock(
    tfa_server: Harness, shift: int
) -> None:
    m = http_date_query(tfa_server.url, ShiftedClock(shift))
    assert m.low <= -shift <= m.high
    # one second of resolution, the server's cached Date, a loopback round trip
    assert m.uncertainty <= 1.6
    assert m.source == "server"
    assert m.too_far_off is (abs(shift) > 16)
    assert m.can_correct


def test_no_server_is_no_measurement() -> None:
    with pytest.raises(MeasurementFailed):
        http_date_query(
            f"http://127.0.0.1:{closed_port(socket.SOCK_STREAM)}", ShiftedClock(0), timeout=1
        )


def test_both_sources_together(ntp: FakeNtpServer, tfa_server: Harness) -> None:
    sources = ClockSources("auto", "127.0.0.1", tfa_server.url)
    m = measure(
        sources,
        ShiftedClock(-31),
        ntp=lambda host, clock: sntp_query(host, clock, port=ntp.port),
    )
    assert m is not None
    assert m.source == "ntp+server"
    assert m.low <= 31 <= m.high
    assert m.uncertainty < 0.1  # the NTP interval lies inside the server's


def test_no_network_no_measurement_and_no_guess() -> None:
    failures: list[str] = []
    sources = ClockSources(
        "auto", "127.0.0.1", f"http://127.0.0.1:{closed_port(socket.SOCK_STREAM)}"
    )
    dead_udp = closed_port(socket.SOCK_DGRAM)
    m = measure(
        sources,
        ShiftedClock(-90),
        ntp=lambda host, clock: sntp_query(host, clock, port=dead_udp, timeout=0.5),
        http=lambda url, clock: http_date_query(url, clock, timeout=0.5),
        failures=failures,
    )
    assert m is None
    assert len(failures) == 2


def test_sources_that_are_off_are_not_asked() -> None:
    def fail(_where: str, _clock: object) -> Measurement:
        raise AssertionError("asked")

    assert (
        measure(ClockSources("off", "pool.ntp.org", "http://x"), FixedClock(0), ntp=fail, http=fail)
        is None
    )
    assert (
        measure(ClockSources("server", "pool.ntp.org", ""), FixedClock(0), ntp=fail, http=fail)
        is None
    )


def test_sources_that_disagree_give_nothing() -> None:
    a = Measurement(30, 31, "ntp", 100)
    b = Measurement(40, 42, "server", 100)
    assert combine([a, b]) is None
    both = combine([a, Measurement(30.5, 35, "server", 101)])
    assert both == Measurement(30.5, 31, "ntp+server", 101)


# -- the correction ---------------------------------------------------------------------------


def test_the_correction_puts_codes_back_on_true_time(ntp: FakeNtpServer) -> None:
    computer = ShiftedClock(-31)
    m = sntp_query("127.0.0.1", computer, port=ntp.port)
    corrected = CorrectedClock(computer, m.correction())
    assert abs(corrected.now() - time.time()) < 0.05
    assert abs(corrected.offset - 31) < 0.05


def test_a_correction_expires_after_a_day() -> None:
    base = FixedClock(1_000_000.0)
    corrected = CorrectedClock(base, Correction(offset=47.0, measured_at=base.now()))
    assert corrected.now() == 1_000_047.0
    base.advance(CORRECTION_MAX_AGE)
    assert corrected.offset == 47.0
    base.advance(1)
    assert corrected.offset == 0.0
    assert corrected.now() == base.now()
    base.t = 999_999.0  # the clock was set back before the measurement
    assert corrected.now() == base.now()


def test_update_correction() -> None:
    kept = Correction(offset=47.0, measured_at=1000.0, source="ntp")
    assert update_correction(None, Measurement(46, 48, "ntp", 2000), 2000) is None
    assert update_correction(kept, None, 2000) == kept  # no network: keep it
    assert update_correction(kept, None, 1000 + CORRECTION_MAX_AGE + 1) is None  # too old
    renewed = update_correction(kept, Measurement(46.5, 47.5, "ntp", 5000), 5000)
    assert renewed == Correction(offset=47.0, measured_at=5000, source="ntp")
    vague = Measurement(40, 50, "server", 5000)  # agrees, too vague to refine
    assert update_correction(kept, vague, 5000) == kept
    assert update_correction(kept, Measurement(-0.1, 0.1, "ntp", 5000), 5000) is None  # fixed
    assert update_correction(kept, Measurement(52, 53, "ntp", 5000), 5000) is None  # moved


def test_the_measurement_uses_the_base_clock_never_the_corrected_one(ntp: FakeNtpServer) -> None:
    computer = ShiftedClock(-31)
    corrected = CorrectedClock(computer, Correction(31.0, computer.now()))
    m = sntp_query("127.0.0.1", corrected.base, port=ntp.port)
    assert m.low <= 31 <= m.high
