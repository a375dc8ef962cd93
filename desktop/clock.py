"""The desktop side's one clock seam: everything that needs "now" gets a Clock passed in."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the Unix epoch."""
        ...


class SystemClock:
    """The real clock. (A measured offset correction will wrap this, see issue 8.)"""

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
