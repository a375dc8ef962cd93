"""At most one password hash per core at once (here: 2), a short queue (here: 2), and every
further login answered 503 at once, while health checks, code checks and the login page keep
answering. The hasher here blocks until the test lets it go, so the test sees the order of
events, not timings."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import httpx
import pytest

from server_stub.settings import HashLimits
from tests.helpers.server_fakes import GatedHasher
from tests.server.harness import Harness, Login

WAIT = 15.0  # generous: only reached when something is wrong


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


@pytest.fixture
def gated(make_harness: Callable[..., Harness]) -> Iterator[tuple[Harness, GatedHasher]]:
    hasher = GatedHasher()
    harness = make_harness(
        hasher=hasher, hash_limits=HashLimits(slots=2, queue=2, wait=timedelta(seconds=30))
    )
    yield harness, hasher
    hasher.gate.set()


def test_two_hashes_at_once_two_waiting_the_rest_503_at_once_and_the_rest_of_the_server_answers(
    gated: tuple[Harness, GatedHasher],
) -> None:
    harness, hasher = gated
    harness.add_user("jan")
    harness.enroll("jan")
    waiting: Login = harness.login("jan")  # a session at the code step, for a code check
    assert waiting.next == "totp"
    hasher.gate.clear()

    answers: list[httpx.Response] = []

    def attempt(number: int) -> None:
        with httpx.Client(base_url=harness.url, timeout=60) as client:
            body = {"username": f"gast{number}", "password": "geraden"}
            answers.append(client.post("/api/session", json=body))

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    wait_for(lambda: hasher.running == 2, "two hashes to run")
    wait_for(lambda: len(answers) == 4, "four immediate answers")
    # Four answered while two hashes are still running and two wait for a slot.
    assert [a.status_code for a in answers] == [503] * 4
    assert all(a.json() == {"detail": "busy"} for a in answers)
    assert all(int(a.headers["Retry-After"]) >= 1 for a in answers)
    assert hasher.running == 2

    assert harness.client.get("/api/health").status_code == 200
    assert harness.client.get("/").status_code == 200
    verified = harness.verify(waiting, harness.code("jan"))
    assert verified.status_code == 200, verified.text
    assert hasher.running == 2  # all of that while the hashes still run

    hasher.gate.set()
    for thread in threads:
        thread.join(WAIT)
    assert sorted(a.status_code for a in answers) == [401] * 4 + [503] * 4
    assert hasher.most_running == 2


def test_a_login_waiting_longer_than_the_limit_gets_503(
    make_harness: Callable[..., Harness],
) -> None:
    hasher = GatedHasher()
    harness = make_harness(
        hasher=hasher, hash_limits=HashLimits(slots=1, queue=1, wait=timedelta(seconds=0.5))
    )
    hasher.gate.clear()
    first: list[httpx.Response] = []
    blocked = threading.Thread(
        target=lambda: first.append(harness.login_response("eerste", "geraden"))
    )
    blocked.start()
    wait_for(lambda: hasher.running == 1, "the first hash")
    second = harness.login_response("tweede", "geraden")  # waits its 0.5 s in the queue
    assert second.status_code == 503
    hasher.gate.set()
    blocked.join(WAIT)
    assert first[0].status_code == 401
