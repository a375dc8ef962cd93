"""A real ``tweestap-server`` for the desktop's admin tests (uvicorn on a free loopback
port, a fresh SQLite file, the clock moved by hand) and the desktop's
:class:`~desktop.net.admin_client.AdminClient` talking to it. The server side is
:mod:`tests.server.harness`; the desktop side never imports the server.

``tests/desktop/conftest.py`` imports the fixtures, for the client's tests and the panel's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyotp
import pytest

from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from tests.server.harness import ADMIN, PASSWORD, Harness, start_harness, stop_harness


@pytest.fixture
def harness(tmp_path: Path) -> Iterator[Harness]:
    started = start_harness(tmp_path / "server")
    yield started
    stop_harness(started)


@pytest.fixture
def desktop_clock(harness: Harness) -> FixedClock:
    """The desktop's clock, showing the server's time (tests move both together)."""
    return FixedClock(harness.clock.now().timestamp())


def sync(harness: Harness, clock: FixedClock, seconds: float) -> None:
    """Let ``seconds`` pass on the server and on the desktop."""
    harness.clock.advance(seconds)
    clock.t = harness.clock.now().timestamp()


def client_login(harness: Harness, client: AdminClient, name: str = ADMIN) -> None:
    """Log ``client`` in as ``name`` (an admin, created and paired on first use), to the end."""
    if harness.existing_user(name) is None:
        harness.add_admin(name)
    step = client.login(name, PASSWORD)
    if step == "enroll":
        secret = client.enrollment().secret
        harness.secrets[name] = secret
        client.verify(pyotp.TOTP(secret).at(harness.clock.now()))
    elif step == "totp":
        client.verify(harness.code(name))
    harness.clock.advance(30)  # the next code of this user is a new one


@pytest.fixture
def make_client(harness: Harness) -> Iterator[Callable[[], AdminClient]]:
    made: list[AdminClient] = []

    def make() -> AdminClient:
        client = AdminClient(harness.url)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def admin_client(harness: Harness, make_client: Callable[[], AdminClient]) -> AdminClient:
    """A client with a completed session of the P&O administrator ``beheerder``."""
    client = make_client()
    client_login(harness, client)
    return client
