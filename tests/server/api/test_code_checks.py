"""Code checks on SQLite share a transaction when they arrive together (one writer thread, a
savepoint each): the replay guard, the wrong-code count and a failing check still act per
check."""

from __future__ import annotations

import threading
import time

import pytest

from server_stub.api.code_checks import CodeChecks
from tests.server.harness import Harness
from tests.server.services.test_verification import verify_at_once


def wrong_code(harness: Harness, name: str) -> str:
    accepted = {harness.code(name, steps) for steps in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in accepted)


@pytest.fixture
def paired(harness: Harness) -> Harness:
    harness.add_user("jan")
    harness.enroll("jan")
    return harness


def held_up(harness: Harness, requests: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Send every request (label: session token, code) at once while this process's write
    lock is held, until all have reached the writer thread; then let them go: they share its
    transactions. The statuses by label."""
    db = harness.services.ctx.db
    lock = db._write_lock
    assert lock is not None
    checks: CodeChecks = harness.server.app.state.code_checks
    before = checks.received
    statuses: dict[str, int] = {}

    def send(label: str, token: str, code: str) -> None:
        statuses[label] = verify_at_once(harness.url, [token], code)[0]

    threads = [threading.Thread(target=send, args=(k, *v)) for k, v in requests.items()]
    with lock:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 15
        while checks.received - before < len(requests):
            assert time.monotonic() < deadline, "the checks did not arrive"
            time.sleep(0.01)
    for thread in threads:
        thread.join(30)
    return statuses


def test_twenty_parallel_checks_of_one_code_in_one_transaction_exactly_one_succeeds(
    paired: Harness,
) -> None:
    code = paired.code("jan")
    requests = {f"check{n}": (paired.login("jan").token, code) for n in range(20)}
    statuses = list(held_up(paired, requests).values())
    assert sorted(statuses) == [200] + [409] * 19, statuses
    assert paired.services.users.get("jan").failed_codes == 0  # no replay counted as a guess


def test_a_batch_keeps_each_wrong_code_and_each_right_one(harness: Harness) -> None:
    for name in ("anna", "bram", "carla"):
        harness.add_user(name)
        harness.enroll(name)
    requests = {
        "anna": (harness.login("anna").token, harness.code("anna")),
        "bram": (harness.login("bram").token, harness.code("bram")),
        "carla": (harness.login("carla").token, wrong_code(harness, "carla")),
        "nobody": ("not a session", "123456"),
    }
    statuses = held_up(harness, requests)
    assert statuses == {"anna": 200, "bram": 200, "carla": 401, "nobody": 401}
    assert harness.services.users.get("carla").failed_codes == 1
    assert harness.services.users.get("anna").failed_codes == 0
