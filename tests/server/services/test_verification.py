"""Codes: ±1 step accepted, ±2 refused, replay refused as "already used" (not a guess), parallel
verifies (exactly one wins)."""

from __future__ import annotations

import threading

import httpx
import pyotp
import pytest

from server_stub.domain.audit import AuditFilter
from tests.server.harness import Harness


@pytest.fixture
def paired(harness: Harness) -> Harness:
    harness.add_user("jan")
    harness.enroll("jan")
    harness.clock.advance(minutes=5)  # well clear of the pairing step
    return harness


@pytest.mark.parametrize("steps", [-1, 0, 1])
def test_codes_one_step_off_are_accepted(paired: Harness, steps: int) -> None:
    login = paired.login("jan")
    response = paired.verify(login, paired.code("jan", steps))
    assert response.status_code == 200, response.text
    assert response.json()["next"] == "done"


@pytest.mark.parametrize("steps", [-2, 2, -3, 3])
def test_codes_two_steps_off_are_refused(paired: Harness, steps: int) -> None:
    login = paired.login("jan")
    response = paired.verify(login, paired.code("jan", steps))
    assert response.status_code == 401
    assert response.json() == {"detail": "invalid_code"}


def test_window_edges_inside_one_step(paired: Harness) -> None:
    """At the last second of a step the next step's code is fine, two steps ahead is not."""
    paired.clock.advance(29)
    login = paired.login("jan")
    assert paired.verify(login, paired.code("jan", 2)).status_code == 401
    assert paired.verify(login, paired.code("jan", 1)).status_code == 200


def test_a_code_works_once(paired: Harness) -> None:
    code = paired.code("jan")
    assert paired.verify(paired.login("jan"), code).status_code == 200
    second = paired.verify(paired.login("jan"), code)
    assert second.status_code == 409
    assert second.json() == {"detail": "code_already_used"}
    assert paired.services.users.get("jan").failed_codes == 0  # not a guess


def test_a_code_used_again_is_audited_as_already_used(paired: Harness) -> None:
    code = paired.code("jan")
    assert paired.verify(paired.login("jan"), code).status_code == 200
    assert paired.verify(paired.login("jan"), code).status_code == 409
    entries = paired.services.audit.query(AuditFilter(action="verify", target="jan"))
    assert [entry.result for entry in entries][:2] == ["code_already_used", "ok"]


def test_an_older_step_is_refused_after_a_newer_one(paired: Harness) -> None:
    newer, older = paired.code("jan", 1), paired.code("jan", 0)
    assert paired.verify(paired.login("jan"), newer).status_code == 200
    refused = paired.verify(paired.login("jan"), older)
    assert refused.status_code == 409  # a right code, older than the one used: not a guess
    assert refused.json() == {"detail": "code_already_used"}


def test_spaces_in_a_code_are_ignored(paired: Harness) -> None:
    code = paired.code("jan")
    assert paired.verify(paired.login("jan"), f"{code[:3]} {code[3:]}").status_code == 200


@pytest.mark.parametrize("code", ["", "12345", "abcdef", "1" * 33])
def test_malformed_codes(paired: Harness, code: str) -> None:
    login = paired.login("jan")
    response = paired.client.post("/api/session/verify", headers=login.headers, json={"code": code})
    assert response.status_code in (401, 422)
    assert paired.verify(login, paired.code("jan")).status_code == 200


def test_verify_after_done_is_the_wrong_step(paired: Harness) -> None:
    login = paired.login("jan")
    assert paired.verify(login, paired.code("jan")).status_code == 200
    response = paired.verify(login, paired.code("jan", 1))
    assert response.status_code == 409
    assert response.json() == {"detail": "wrong_step"}


def verify_at_once(url: str, tokens: list[str], code: str) -> list[int]:
    """POST the same code with every token at the same moment, one thread each."""
    barrier = threading.Barrier(len(tokens))
    statuses: list[int] = []
    lock = threading.Lock()

    def attempt(token: str) -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            barrier.wait()
            response = client.post(
                "/api/session/verify",
                headers={"Authorization": f"Bearer {token}"},
                json={"code": code},
            )
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=attempt, args=(token,)) for token in tokens]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return statuses


def test_parallel_verifies_with_one_code_exactly_one_succeeds(paired: Harness) -> None:
    threads_per_round = 4
    for _round in range(5):
        paired.clock.advance(30)
        tokens = [paired.login("jan").token for _ in range(threads_per_round)]
        statuses = verify_at_once(paired.url, tokens, paired.code("jan"))
        assert sorted(statuses) == [200] + [409] * (threads_per_round - 1)


def test_a_burst_of_one_right_code_leaves_one_success_the_rest_already_used_and_no_throttle(
    paired: Harness,
) -> None:
    """Eight sessions of one user send the same right code at once (a user who pressed the
    button in several tabs, a script that retries): one logs in, the others are told the code
    was used, and nobody counts them as guesses: the user is not throttled afterwards."""
    tokens = [paired.login("jan").token for _ in range(8)]
    statuses = verify_at_once(paired.url, tokens, paired.code("jan"))
    assert sorted(statuses) == [200] + [409] * 7
    account = paired.services.users.get("jan")
    assert (account.failed_codes, account.throttled_until) == (0, None)
    paired.clock.advance(30)
    assert paired.verify(paired.login("jan"), paired.code("jan")).status_code == 200


def test_wrong_codes_still_count_beside_codes_already_used(paired: Harness) -> None:
    code = paired.code("jan")
    assert paired.verify(paired.login("jan"), code).status_code == 200
    login = paired.login("jan")
    accepted = {paired.code("jan", steps) for steps in (-1, 0, 1)}
    wrong = next(c for c in ("000000", "111111", "222222", "333333") if c not in accepted)
    for _ in range(5):
        assert paired.verify(login, code).status_code == 409
    for _ in range(5):
        assert paired.verify(login, wrong).status_code == 401
    assert paired.services.users.get("jan").failed_codes == 5
    assert paired.verify(login, paired.code("jan", 1)).status_code == 429


def test_parallel_pairing_with_one_code_exactly_one_succeeds(harness: Harness) -> None:
    harness.add_user("nieuw")
    login = harness.login("nieuw")
    secret = harness.enrollment(login)["secret"]
    code = pyotp.TOTP(secret).at(harness.clock.now())
    statuses = verify_at_once(harness.url, [login.token] * 3, code)
    assert statuses.count(200) == 1
    assert all(status in (200, 409) for status in statuses), statuses
