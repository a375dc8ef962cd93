"""tests/server/services/test_purge.py on PostgreSQL (this folder's ``databases`` fixture),
and what only PostgreSQL can show: a purge meeting another process's purge half way."""

import threading
from datetime import timedelta
from typing import Any

from sqlalchemy import event

from server_stub.models import LoginSession, User
from server_stub.services import Services
from server_stub.services.purge import Purged
from tests.server.harness import Harness
from tests.server.services.test_purge import *  # noqa: F403
from tests.server.services.test_purge import count


def test_a_purge_finding_another_process_purging_skips_instead_of_waiting_on_its_rows(
    harness: Harness,
) -> None:
    """Another process's purge has deleted the expired sessions and not committed yet (held
    here at its next statement). Before: this purge waited on those rows' locks for the whole
    lock timeout and then failed; now it sees the other purge's claim and skips."""
    now = harness.clock.now()
    with harness.services.ctx.db.write() as db:
        user = User(name="piet", kind="employee", created_at=now)
        db.add(user)
        db.flush()
        for k in range(5):
            db.add(
                LoginSession(
                    token_hash=f"{k:02d}".ljust(64, "0"),
                    user_id=user.id,
                    state="done",
                    created_at=now,
                    expires_at=now - timedelta(minutes=1),
                )
            )
    other = Services.build(harness.settings, clock=harness.clock, hasher=harness.hasher)
    halfway = threading.Event()
    go_on = threading.Event()

    @event.listens_for(other.ctx.db.engine, "before_cursor_execute")
    def hold(*args: Any) -> None:
        if args[2].lstrip().upper().startswith("DELETE FROM EMAIL_CODES"):
            halfway.set()
            assert go_on.wait(30)

    results: list[Purged | BaseException] = []

    def purge_elsewhere() -> None:
        try:
            results.append(other.purge.purge(now))
        except BaseException as error:
            results.append(error)

    elsewhere = threading.Thread(target=purge_elsewhere)
    elsewhere.start()
    try:
        assert halfway.wait(30)
        mine = harness.services.purge.purge(now)
    finally:
        go_on.set()
        elsewhere.join(60)
        other.close()
    assert mine == Purged()
    assert len(results) == 1 and isinstance(results[0], Purged), results
    assert results[0].sessions == 5
    assert count(harness.services, LoginSession) == 0
