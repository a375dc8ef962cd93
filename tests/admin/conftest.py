"""Admin panel tests: a real ``tweestap-server`` (uvicorn on a free loopback port, a fresh
SQLite file, the clock moved by hand) and the desktop's :class:`AdminClient` talking to it.

The server side is :mod:`tests.server.harness`; the desktop side never imports the server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyotp
import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from desktop.ui.admin import questions
from desktop.ui.admin.panel import AdminWindow
from desktop.ui.admin.session import AdminSession
from tests.gui.conftest import (  # noqa: F401 - fixtures shared with the GUI tests
    keyring_backend,
    open_test_vault,
    vault,
)
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


# -- the panel's questions ----------------------------------------------------------------


@dataclass
class Answers:
    """What the stand-in question boxes answer, and what they were asked."""

    confirm: bool = True
    unsaved: questions.Unsaved = questions.Unsaved.DISCARD
    confirmations: list[tuple[str, str]] = field(default_factory=list)
    unsaved_asked: list[str] = field(default_factory=list)


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """No modal box ever blocks a test: questions are answered from here and recorded."""
    given = Answers()

    def confirm(_parent: object, title: str, text: str, _action: str) -> bool:
        given.confirmations.append((title, text))
        return given.confirm

    def ask_unsaved(_parent: object, what: str) -> questions.Unsaved:
        given.unsaved_asked.append(what)
        return given.unsaved

    monkeypatch.setattr(questions, "confirm", confirm)
    monkeypatch.setattr(questions, "ask_unsaved", ask_unsaved)
    return given


# -- the panel ------------------------------------------------------------------------------


def idle(qtbot: QtBot, session: AdminSession, timeout: int = 15000) -> None:
    """Wait until every request of ``session`` has been answered and delivered."""
    qtbot.waitUntil(lambda: not session.busy, timeout=timeout)


@pytest.fixture
def panel(
    qtbot: QtBot, harness: Harness, admin_client: AdminClient, desktop_clock: FixedClock
) -> AdminWindow:
    """The admin panel of a logged-in P&O administrator, shown, its first page loaded."""
    desktop_clock.t = harness.clock.now().timestamp()
    window = AdminWindow(admin_client, desktop_clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle(qtbot, window.session)
    return window


def open_page(qtbot: QtBot, panel: AdminWindow, page: QWidget) -> None:
    panel.show_page(page)
    idle(qtbot, panel.session)
