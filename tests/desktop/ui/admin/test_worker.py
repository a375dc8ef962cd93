"""Background work: run off the UI thread, in order, and the answers come back on it."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from desktop.admin.errors import InvalidCode
from desktop.errors import UnexpectedProblem, UserError
from desktop.ui.common.background import Background

pytestmark = pytest.mark.gui


def test_results_errors_and_bugs_come_back_in_order_on_the_ui_thread(qtbot: QtBot) -> None:
    runner = Background()
    ui_thread = threading.get_ident()
    worker_threads: list[int] = []
    got: list[object] = []
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)

    def work(value: int) -> int:
        worker_threads.append(threading.get_ident())
        return value

    def wrong_code() -> int:
        raise InvalidCode()

    def bug() -> int:
        raise KeyError("missing")

    def record(value: object) -> None:
        assert threading.get_ident() == ui_thread
        got.append(value)

    def failed(error: UserError) -> None:
        record(error)

    runner.run(lambda: work(1), record, failed)
    runner.run(wrong_code, record, failed)
    runner.run(bug, record, failed)
    runner.run(lambda: work(2), record, failed)
    assert runner.busy
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert got[0] == 1 and got[3] == 2
    assert isinstance(got[1], InvalidCode)
    assert isinstance(got[2], UnexpectedProblem) and "KeyError" in str(got[2])
    assert busy == [True, False]
    assert ui_thread not in worker_threads


def test_a_call_started_from_a_callback_keeps_the_runner_busy(qtbot: QtBot) -> None:
    runner = Background()
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    done: list[str] = []

    def first(_value: object) -> None:
        done.append("first")
        runner.run(lambda: "second", lambda value: done.append(str(value)), lambda e: None)

    runner.run(lambda: "first", first, lambda e: None)
    qtbot.waitUntil(lambda: done == ["first", "second"] and not runner.busy, timeout=5000)
    assert busy == [True, False]
    assert runner.wait(1000)
