"""Fixtures for the server tests: a fresh real server per test (``harness``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.harness import Harness, start_harness, stop_harness


@pytest.fixture
def make_harness(tmp_path: Path) -> Iterator[Callable[..., Harness]]:
    started: list[Harness] = []

    def make(**overrides: Any) -> Harness:
        harness = start_harness(tmp_path / f"server-{len(started)}", **overrides)
        started.append(harness)
        return harness

    yield make
    for harness in started:
        stop_harness(harness)


@pytest.fixture
def harness(make_harness: Callable[..., Harness]) -> Harness:
    return make_harness()
