"""The desktop side's one clock seam: everything that needs "now" gets a Clock passed in."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

CORRECTION_MAX_AGE = 24 * 3600.0
"""A correction of the computer's clock is trusted for one day after it was measured."""


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the Unix epoch."""
        ...


class SystemClock:
    """The real clock (wrapped by :class:`CorrectedClock` in the window)."""

    def now(self) -> float:
        return time.time()


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
