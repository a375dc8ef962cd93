"""The housekeeping of a running server (``server_stub/maintenance.py``): the purge loop waits
on its timer, which the test fires by hand, so nothing here sleeps, and a purge that does not
happen fails the test."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from server_stub.models import LoginSession, PendingEnrollment
from tests.helpers.server_fakes import ManualPurgeTimer
from tests.server.harness import Harness


def rows(harness: Harness, model: type[PendingEnrollment | LoginSession]) -> int:
    with harness.services.ctx.db.read() as db:
        return int(db.scalar(select(func.count()).select_from(model)) or 0)


def test_the_running_server_purges_each_time_its_timer_fires(
    make_harness: Callable[..., Harness],
) -> None:
    timer = ManualPurgeTimer()
    harness = make_harness(lifespan=True, purge_timer=timer)
    harness.add_user("jan")
    harness.login("jan")  # a pairing secret and a session, 15 minutes each
    timer.fire()
    assert (rows(harness, PendingEnrollment), rows(harness, LoginSession)) == (1, 1)
    harness.clock.advance(minutes=15)
    assert rows(harness, PendingEnrollment) == 1  # expired, but no purge until the timer fires
    timer.fire()
    assert (rows(harness, PendingEnrollment), rows(harness, LoginSession)) == (0, 0)
    # Each time, the loop waited the settings' interval (10 minutes).
    assert timer.intervals == [600.0, 600.0, 600.0]


def test_a_purge_that_fails_is_logged_and_the_next_one_tries_again(
    make_harness: Callable[..., Harness], caplog: pytest.LogCaptureFixture
) -> None:
    timer = ManualPurgeTimer()
    harness = make_harness(lifespan=True, purge_timer=timer, db_busy_timeout=timedelta(seconds=0.2))
    harness.add_user("jan")
    harness.login("jan")
    harness.clock.advance(minutes=15)
    holder = sqlite3.connect(harness.db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process holds the database's write lock
        with caplog.at_level(logging.ERROR, logger="server_stub.maintenance"):
            timer.fire()
        assert "purging expired rows failed" in caplog.text
        assert rows(harness, PendingEnrollment) == 1
    finally:
        holder.rollback()
        holder.close()
    timer.fire()
    assert rows(harness, PendingEnrollment) == 0
