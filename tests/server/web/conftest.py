"""Fixtures for the login page tests: a browser-like HTTP client on a real server."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.server.harness import Harness
from tests.server.web.webclient import Web, open_web


@pytest.fixture
def make_web(harness: Harness) -> Iterator[Callable[..., Web]]:
    opened: list[Web] = []

    def make(**headers: str) -> Web:
        web = open_web(harness, **headers)
        opened.append(web)
        return web

    yield make
    for web in opened:
        web.close()


@pytest.fixture
def web(make_web: Callable[..., Web]) -> Web:
    return make_web()
