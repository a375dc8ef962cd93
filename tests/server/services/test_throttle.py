"""Throttling wrong codes: 5 free, then an exponentially growing wait (429 + Retry-After);
a correct code during the wait is refused unchecked and stays usable; success and the
administrator reset the counter."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server_stub.security.throttle import delay_after, max_guesses
from server_stub.settings import ThrottleParams
from tests.server.harness import Harness, Login

WRONG = "000000"


@pytest.fixture
def paired(harness: Harness) -> Harness:
    harness.add_user("jan")
    harness.enroll("jan")
    harness.clock.advance(minutes=5)
    return harness


def wrong_code(harness: Harness, login: Login) -> str:
    code = WRONG
    while code in {harness.code("jan", s) for s in (-1, 0, 1)}:
        code = str(int(code) + 1).zfill(6)
    return code


def fail(harness: Harness, login: Login, times: int) -> None:
    for _ in range(times):
        response = harness.verify(login, wrong_code(harness, login))
        assert response.status_code == 401, response.text


def test_five_wrong_codes_then_each_attempt_waits_longer(paired: Harness) -> None:
    login = paired.login("jan")
    fail(paired, login, 5)
    for expected_wait in (30, 60, 120, 240, 480, 960, 1800, 1800):
        response = paired.verify(login, wrong_code(paired, login))
        assert response.status_code == 429
        assert response.json() == {"detail": "throttled"}
        assert int(response.headers["Retry-After"]) == expected_wait
        paired.clock.advance(expected_wait - 1)
        login = paired.login("jan")  # (a session waiting for a code lives 15 minutes)
        assert paired.verify(login, wrong_code(paired, login)).status_code == 429
        paired.clock.advance(1)
        login = paired.login("jan")  # a new session does not escape the wait
        fail(paired, login, 1)


def test_retry_after_counts_down(paired: Harness) -> None:
    login = paired.login("jan")
    fail(paired, login, 5)
    paired.clock.advance(10)
    response = paired.verify(login, paired.code("jan"))
    assert int(response.headers["Retry-After"]) == 20


def test_a_correct_code_during_the_wait_is_refused_and_not_used_up(paired: Harness) -> None:
    login = paired.login("jan")
    fail(paired, login, 5)
    code = paired.code("jan")
    refused = paired.verify(login, code)
    assert refused.status_code == 429
    paired.clock.advance(30)  # the same code is now one step old: still in the window
    accepted = paired.verify(login, code)
    assert accepted.status_code == 200, accepted.text


def test_success_resets_the_counter(paired: Harness) -> None:
    login = paired.login("jan")
    fail(paired, login, 5)
    paired.clock.advance(30)
    assert paired.verify(login, paired.code("jan")).status_code == 200
    assert paired.services.users.get("jan").failed_codes == 0
    paired.clock.advance(30)
    login = paired.login("jan")
    fail(paired, login, 5)  # five free failures again, no 429 in between


def test_administrators_can_clear_the_throttle(paired: Harness) -> None:
    admin = paired.admin()
    login = paired.login("jan")
    fail(paired, login, 5)
    paired.clock.advance(30)
    fail(paired, login, 1)
    state = paired.client.get("/api/admin/users/jan", headers=admin.headers).json()
    assert state["failed_codes"] == 6
    assert state["throttled_until"] is not None
    cleared = paired.client.post("/api/admin/users/jan/clear-throttle", headers=admin.headers)
    assert cleared.status_code == 200
    assert cleared.json()["failed_codes"] == 0
    assert cleared.json()["throttled_until"] is None
    assert paired.verify(login, paired.code("jan")).status_code == 200
    entries = paired.client.get(
        "/api/admin/audit", headers=admin.headers, params={"action": "clear_throttle"}
    ).json()
    assert entries[0]["old"]["failed_codes"] == 6
    assert entries[0]["new"]["failed_codes"] == 0


def test_the_throttle_is_separate_from_the_password(paired: Harness) -> None:
    login = paired.login("jan")
    fail(paired, login, 5)
    # Passwords still work (and are not what is counted); the code step waits.
    relogin = paired.login("jan")
    assert paired.verify(relogin, paired.code("jan")).status_code == 429


def test_the_rule_allows_about_fifty_guesses_a_day() -> None:
    params = ThrottleParams()
    assert [delay_after(params, n).total_seconds() for n in range(4, 13)] == [
        0,
        30,
        60,
        120,
        240,
        480,
        960,
        1800,
        1800,
    ]
    first_day = max_guesses(params, timedelta(days=1))
    assert first_day <= 60
    # Once at the cap, one guess per 30 minutes: 48 a day.
    assert timedelta(days=1) / params.max_delay == 48
    assert max_guesses(params, timedelta(days=2)) - first_day <= 48
