"""Fixtures for the server tests: a fresh real server per test (``harness``), on a fresh
database from ``databases`` (SQLite; tests/server/postgres/ overrides it with PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.harness import Databases, Harness, SqliteInHome, start_harness, stop_harness


@pytest.fixture(scope="session")
def databases() -> Databases:
    return SqliteInHome()


@pytest.fixture
def make_harness(tmp_path: Path, databases: Databases) -> Iterator[Callable[..., Harness]]:
    started: list[tuple[Harness, str | None]] = []

    def make(**overrides: Any) -> Harness:
        url = databases.new()
        harness = start_harness(tmp_path / f"server-{len(started)}", url, **overrides)
        started.append((harness, url))
        return harness

    yield make
    for harness, url in started:
        stop_harness(harness)
        databases.drop(url)


@pytest.fixture
def harness(make_harness: Callable[..., Harness]) -> Harness:
    return make_harness()
