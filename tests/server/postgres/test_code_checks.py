"""Code checks on PostgreSQL share a transaction when they arrive together (one writer thread,
no savepoints: two more round trips per check): a refusal in the middle still acts alone, and
a row locked elsewhere neither stalls the batch nor takes the other checks down with it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import Connection, create_engine, text

from server_stub.api.code_checks import CodeChecks
from tests.server.api.test_code_checks import wrong_code
from tests.server.harness import Harness
from tests.server.services.test_verification import verify_at_once


@contextmanager
def row_locked(harness: Harness, name: str) -> Iterator[Connection]:
    """Another transaction holds user ``name``'s row until the block ends."""
    engine = create_engine(harness.settings.db_url)
    try:
        with engine.connect() as holder:
            holder.execute(text("SELECT id FROM users WHERE name = :n FOR UPDATE"), {"n": name})
            try:
                yield holder
            finally:
                holder.rollback()
    finally:
        engine.dispose()


def batched(harness: Harness, requests: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Send every request (label: session token, code) while the writer thread waits on a
    check of user ``blocker`` (whose row is locked elsewhere), until all have reached it; then
    release: they share one transaction. The statuses by label."""
    checks: CodeChecks = harness.server.app.state.code_checks
    blocker = harness.login("blocker")
    statuses: dict[str, int] = {}

    def send(label: str, token: str, code: str) -> None:
        statuses[label] = verify_at_once(harness.url, [token], code)[0]

    def arrived(count: int) -> None:
        deadline = time.monotonic() + 15
        while checks.received - before < count:
            assert time.monotonic() < deadline, "the checks did not arrive"
            time.sleep(0.01)

    with row_locked(harness, "blocker"):
        before = checks.received
        first = threading.Thread(
            target=send, args=("blocker", blocker.token, harness.code("blocker"))
        )
        first.start()
        arrived(1)
        time.sleep(0.2)  # the writer thread has taken it and waits on the row
        threads = [threading.Thread(target=send, args=(k, *v)) for k, v in requests.items()]
        for thread in threads:
            thread.start()
        arrived(1 + len(requests))
    for thread in [first, *threads]:
        thread.join(30)
    assert statuses.pop("blocker") == 200
    return statuses


def paired(harness: Harness, *names: str) -> None:
    for name in ("blocker", *names):
        harness.add_user(name)
        harness.enroll(name)


def test_a_batch_without_savepoints_keeps_each_wrong_code_and_each_right_one(
    make_harness: Callable[..., Harness],
) -> None:
    harness = make_harness(db_busy_timeout=timedelta(seconds=5))
    paired(harness, "anna", "bram", "carla")
    harness.clock.advance(minutes=2)
    requests = {
        "anna": (harness.login("anna").token, harness.code("anna")),
        "nobody": ("not a session", "123456"),  # refused in the middle of the batch
        "carla": (harness.login("carla").token, wrong_code(harness, "carla")),
        "bram": (harness.login("bram").token, harness.code("bram")),
        "bram again": (harness.login("bram").token, harness.code("bram")),
    }
    statuses = batched(harness, requests)
    brams = sorted([statuses.pop("bram"), statuses.pop("bram again")])
    assert statuses == {"anna": 200, "nobody": 401, "carla": 401}
    assert brams == [200, 409]  # one code, accepted once in one transaction
    assert harness.services.users.get("carla").failed_codes == 1
    assert harness.services.users.get("bram").failed_codes == 0


def test_a_row_locked_elsewhere_fails_only_its_own_check_and_the_batch_does_not_wait_for_it(
    make_harness: Callable[..., Harness],
) -> None:
    """Carla's row is held by another transaction past the lock timeout. Her check waits and
    gets 503; Anna's and Bram's, which arrived with hers, are answered as if she were not
    there (a batch that waited on her row would have used up their time as well)."""
    harness = make_harness(db_busy_timeout=timedelta(seconds=1))
    paired(harness, "anna", "bram", "carla")
    harness.clock.advance(minutes=2)
    requests = {
        "anna": (harness.login("anna").token, harness.code("anna")),
        "carla": (harness.login("carla").token, harness.code("carla")),
        "bram": (harness.login("bram").token, harness.code("bram")),
    }
    with row_locked(harness, "carla"):
        statuses = batched(harness, requests)
    assert statuses == {"anna": 200, "carla": 503, "bram": 200}
    # Her code was not used up: it works once the row is free.
    assert harness.verify(harness.login("carla"), harness.code("carla")).status_code == 200
