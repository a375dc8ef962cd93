"""The server's one clock seam (``server_stub/clock.py``)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from server_stub.clock import ManualClock


def test_manual_clock() -> None:
    clock = ManualClock(datetime(2025, 1, 1, tzinfo=UTC))
    assert clock.advance(minutes=1) == datetime(2025, 1, 1, 0, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="aware"):
        ManualClock(datetime(2025, 1, 1))
