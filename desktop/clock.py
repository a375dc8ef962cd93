"""The desktop side's clock seam, and what to do about a computer clock that is off.

Everything that needs "now" gets a :class:`Clock` passed in: :class:`SystemClock` for the
wall clock (codes), :class:`MonotonicClock` for durations that must not jump (a press and
hold, idle minutes), :class:`FixedClock` in tests and screenshots. A clock that is off is
*measured* (:mod:`desktop.net.time_sources` asks the network; the result is a
:class:`Measurement`, an interval) and *corrected* (:class:`CorrectedClock` adds a
:class:`Correction`); the rules for both are here, free of Qt and of the network.

Every measurement is an *interval* that surely holds the true offset (true time minus this
computer's time). A warning needs the whole interval beyond :data:`OFFSET_LIMIT`; a
correction needs the interval narrower than :data:`MAX_CORRECTION_UNCERTAINTY`. No answer
means no measurement: no warning and no correction, never a guess.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

CORRECTION_MAX_AGE = 24 * 3600.0
"""A correction of the computer's clock is trusted for one day after it was measured."""
OFFSET_LIMIT = 15.0
"""Seconds the clock may be off before the window warns (the server accepts ±1 step of 30 s,
and typing a code takes a while)."""
MAX_CORRECTION_UNCERTAINTY = 2.0
"""Only a measurement at least this precise (±seconds) may correct the codes."""
AGREEMENT_TOLERANCE = 2.0
"""A kept correction still agrees with a new measurement within this many seconds (beyond
the measurement's own uncertainty)."""
DEFAULT_NTP_SERVER = "pool.ntp.org"


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the Unix epoch."""
        ...


class SystemClock:
    """The real clock (wrapped by :class:`CorrectedClock` in the window)."""

    def now(self) -> float:
        return time.time()


class MonotonicClock:
    """Seconds that never jump (a gesture or an idle timeout must not care about the wall
    clock being set)."""

    def now(self) -> float:
        return time.monotonic()


class FixedClock:
    """A clock that only moves when told to: for tests and for reproducible screenshots."""

    def __init__(self, t: float) -> None:
        self.t = t

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@dataclass(frozen=True, slots=True)
class Correction:
    """Add ``offset`` seconds to the computer's clock, as measured at ``measured_at``.

    ``measured_at`` is a reading of the *uncorrected* clock. The correction applies from
    then until :data:`CORRECTION_MAX_AGE` later; a clock reading before it (the clock was
    set back) or after that day means it no longer applies.
    """

    offset: float
    measured_at: float
    source: str = ""

    def applies_at(self, base_now: float) -> bool:
        return self.measured_at <= base_now <= self.measured_at + CORRECTION_MAX_AGE


class CorrectedClock:
    """``base`` plus the current :class:`Correction`, if one applies at this moment.

    The window's codes are computed from this clock; measuring the offset must always use
    :attr:`base`, never this clock, or a correction would correct itself.
    """

    def __init__(self, base: Clock, correction: Correction | None = None) -> None:
        self.base = base
        self.correction = correction

    @property
    def offset(self) -> float:
        """The seconds added now (0.0 without a correction, or once it has expired)."""
        correction = self.correction
        if correction is None or not correction.applies_at(self.base.now()):
            return 0.0
        return correction.offset

    def now(self) -> float:
        base_now = self.base.now()
        correction = self.correction
        if correction is None or not correction.applies_at(base_now):
            return base_now
        return base_now + correction.offset


# -- measuring how far off a clock is -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Measurement:
    """The true offset lies in ``[low, high]`` seconds (positive: this clock is behind).

    ``measured_at`` is the reading of the (uncorrected) clock when the answer came in.
    """

    low: float
    high: float
    source: str
    measured_at: float

    @property
    def offset(self) -> float:
        return (self.low + self.high) / 2

    @property
    def uncertainty(self) -> float:
        return (self.high - self.low) / 2

    @property
    def too_far_off(self) -> bool:
        """The clock is surely more than :data:`OFFSET_LIMIT` seconds off."""
        return self.low > OFFSET_LIMIT or self.high < -OFFSET_LIMIT

    @property
    def can_correct(self) -> bool:
        return self.uncertainty <= MAX_CORRECTION_UNCERTAINTY

    def agrees_with(self, offset: float) -> bool:
        return self.low - AGREEMENT_TOLERANCE <= offset <= self.high + AGREEMENT_TOLERANCE

    def correction(self) -> Correction:
        return Correction(offset=self.offset, measured_at=self.measured_at, source=self.source)


def combine(measurements: Sequence[Measurement]) -> Measurement | None:
    """What all measurements allow together (their intersection); ``None`` if there are
    none or they contradict each other (then nobody knows which one is right)."""
    if not measurements:
        return None
    low = max(m.low for m in measurements)
    high = min(m.high for m in measurements)
    if low > high:
        return None
    sources = "+".join(dict.fromkeys(m.source for m in measurements))
    return Measurement(low, high, sources, max(m.measured_at for m in measurements))


@dataclass(frozen=True, slots=True)
class ClockSources:
    """Where to measure: ``source`` is ``auto`` (both that are set), ``ntp``, ``server``
    or ``off``."""

    source: str = "auto"
    ntp_server: str = DEFAULT_NTP_SERVER
    server_url: str = ""

    @property
    def use_ntp(self) -> bool:
        return self.source in ("auto", "ntp") and bool(self.ntp_server)

    @property
    def use_server(self) -> bool:
        return self.source in ("auto", "server") and bool(self.server_url)


def update_correction(
    correction: Correction | None, measurement: Measurement | None, base_now: float
) -> Correction | None:
    """The correction to keep after a measurement (``None``: the clock was not reached).

    Dropped when it is older than a day or a new measurement disagrees with it; a new
    measurement that agrees renews it (a precise one also refines its offset).
    """
    if correction is None or not correction.applies_at(base_now):
        return None
    if measurement is None:
        return correction
    if not measurement.agrees_with(correction.offset):
        return None
    if measurement.can_correct:
        return measurement.correction()
    return correction
