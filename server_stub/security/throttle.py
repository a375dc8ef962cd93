"""The second-factor throttle rule (pure arithmetic; the services store its state).

After ``free_failures`` consecutive wrong codes, the next attempt must wait
``base_delay * 2**(failures - free_failures)``, never more than ``max_delay``. With the
defaults (5 free, 30 s doubling, 30 min cap) an attacker gets at most 57 guesses in the first
24 hours and 48 per day after that; see docs/server.md.
"""

from __future__ import annotations

from datetime import timedelta

from server_stub.settings import ThrottleParams


def delay_after(params: ThrottleParams, failures: int) -> timedelta:
    """How long the account must wait after ``failures`` consecutive wrong codes."""
    if failures < params.free_failures:
        return timedelta(0)
    doublings = min(failures - params.free_failures, 40)
    delay: timedelta = params.base_delay * (2**doublings)
    return min(delay, params.max_delay)


def max_guesses(params: ThrottleParams, window: timedelta) -> int:
    """The most codes an attacker who always waits out the delay can try within ``window``."""
    elapsed = timedelta(0)
    guesses = 0
    while elapsed <= window:
        guesses += 1
        elapsed += delay_after(params, guesses)
    return guesses
