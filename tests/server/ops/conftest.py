"""Real ``tweestap-server serve`` processes for the operations tests, stopped at the end."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.server.served import Served


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def make(home: Path | None = None, *args: str, wait: bool = True, **env: str) -> Served:
        served = Served(home or tmp_path / "server-home", env=dict(env), args=list(args))
        started.append(served)
        return served.start(wait=wait)

    yield make
    for served in started:
        served.stop()
