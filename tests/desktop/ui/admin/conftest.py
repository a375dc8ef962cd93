"""Admin panel tests: the panel's pages against a real ``tweestap-server``
(:mod:`tests.helpers.admin_server`), and the panel's questions answered by the test."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.clock import FixedClock
from desktop.net.admin_client import AdminClient
from desktop.ui.admin import questions
from desktop.ui.admin.panel import AdminWindow
from desktop.ui.admin.session import AdminSession
from tests.server.harness import Harness

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
