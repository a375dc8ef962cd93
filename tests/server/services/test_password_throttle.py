"""Wrong passwords are throttled like wrong codes, per account name and per client address:
after 5 wrong passwords for one name each attempt waits 30 s, doubling up to 30 minutes; after
20 from one address, 1 s doubling up to 15 minutes. A throttled attempt is refused before its
password is hashed (429 + Retry-After), a known name and an unknown one alike."""

from __future__ import annotations

import threading

import httpx
import pytest

from server_stub.domain.audit import AuditFilter
from tests.server.harness import PASSWORD, Harness
from tests.server.web.webclient import elements, open_web

WRONG = "not the password"


def other_address(harness: Harness) -> httpx.Client:
    """A client from 127.0.0.2 (loopback too): another address for the throttle."""
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    return httpx.Client(base_url=harness.url, transport=transport, timeout=30)


def attempt(
    harness: Harness, name: str, password: str, client: httpx.Client | None = None
) -> httpx.Response:
    return (client or harness.client).post(
        "/api/session", json={"username": name, "password": password}
    )


@pytest.mark.parametrize("name", ["jan", "niemand"], ids=["known", "unknown"])
def test_five_wrong_passwords_then_each_attempt_waits_longer(harness: Harness, name: str) -> None:
    """The same answers for a name that exists and one that does not: no enumeration."""
    harness.add_user("jan")
    for _ in range(5):
        assert attempt(harness, name, WRONG).status_code == 401
    for expected_wait in (30, 60, 120, 240, 480, 960, 1800, 1800):
        hashes = harness.hasher.verify_calls
        refused = attempt(harness, name, PASSWORD)  # even the right one: refused unchecked
        assert refused.status_code == 429
        assert refused.json() == {"detail": "too_many_attempts"}
        assert int(refused.headers["Retry-After"]) == expected_wait
        assert harness.hasher.verify_calls == hashes  # no argon2 run for a throttled attempt
        harness.clock.advance(expected_wait - 1)
        assert attempt(harness, name, WRONG).status_code == 429
        harness.clock.advance(1)
        assert attempt(harness, name, WRONG).status_code == 401


def test_a_right_password_after_the_wait_logs_in_and_resets_the_count(harness: Harness) -> None:
    harness.add_user("jan")
    for _ in range(5):
        attempt(harness, "jan", WRONG)
    harness.clock.advance(30)
    assert attempt(harness, "jan", PASSWORD).status_code == 200
    for _ in range(5):
        assert attempt(harness, "jan", WRONG).status_code == 401


def test_the_name_counts_whatever_its_case(harness: Harness) -> None:
    harness.add_user("jan")
    for name in ("jan", "JAN", "Jan", "jAn", "jaN"):
        assert attempt(harness, name, WRONG).status_code == 401
    assert attempt(harness, "JaN", PASSWORD).status_code == 429


def test_the_count_is_forgotten_a_day_after_the_last_wrong_password(harness: Harness) -> None:
    harness.add_user("jan")
    for _ in range(4):
        attempt(harness, "jan", WRONG)
    harness.clock.advance(hours=24)
    for _ in range(4):
        assert attempt(harness, "jan", WRONG).status_code == 401
    assert attempt(harness, "jan", PASSWORD).status_code == 200


def test_twenty_wrong_passwords_from_one_address_make_it_wait_whatever_the_names(
    harness: Harness,
) -> None:
    harness.add_user("jan")
    for number in range(20):
        assert attempt(harness, f"gok{number}", WRONG).status_code == 401
    refused = attempt(harness, "jan", PASSWORD)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    with other_address(harness) as elsewhere:  # another address is not held up
        assert attempt(harness, "jan", PASSWORD, elsewhere).status_code == 200
    harness.clock.advance(1)
    assert attempt(harness, "gok99", WRONG).status_code == 401
    assert attempt(harness, "jan", PASSWORD).headers["Retry-After"] == "2"


def test_right_passwords_do_not_count_against_the_address(harness: Harness) -> None:
    """An office behind one address: many people logging in is not an attack."""
    for number in range(30):
        harness.add_user(f"collega{number}")
    for number in range(30):
        assert attempt(harness, f"collega{number}", PASSWORD).status_code == 200
    for number in range(19):
        assert attempt(harness, f"collega{number}", WRONG).status_code == 401
    assert attempt(harness, "collega29", PASSWORD).status_code == 200


def test_throttled_attempts_are_not_audited_but_the_wrong_passwords_are(harness: Harness) -> None:
    harness.add_user("jan")
    for _ in range(5):
        attempt(harness, "jan", WRONG)
    for _ in range(10):
        attempt(harness, "jan", WRONG)
    entries = harness.services.audit.query(AuditFilter(action="login", limit=1000))
    assert [e.result for e in entries] == ["invalid_credentials"] * 5


def test_parallel_wrong_passwords_for_one_name_get_exactly_five_hashes(harness: Harness) -> None:
    """The attempt is counted before its password is hashed, under the database's lock:
    twelve at once cannot all slip through before the first failures are written."""
    harness.add_user("jan")
    statuses: list[int] = []

    def one() -> None:
        with httpx.Client(base_url=harness.url, timeout=30) as client:
            statuses.append(attempt(harness, "jan", WRONG, client).status_code)

    threads = [threading.Thread(target=one) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(401) == 5, statuses
    assert set(statuses) <= {401, 429, 503}
    assert harness.hasher.verify_calls == 5


def test_the_administrators_clear_throttle_also_clears_the_password_wait(
    harness: Harness,
) -> None:
    admin = harness.admin()
    harness.add_user("jan")
    for _ in range(5):
        attempt(harness, "jan", WRONG)
    assert attempt(harness, "jan", PASSWORD).status_code == 429
    cleared = harness.client.post("/api/admin/users/jan/clear-throttle", headers=admin.headers)
    assert cleared.status_code == 200
    assert attempt(harness, "jan", PASSWORD).status_code == 200


def test_the_login_page_says_how_long_to_wait(harness: Harness) -> None:
    harness.add_user("jan")
    english = open_web(harness)
    dutch = open_web(harness, **{"Accept-Language": "nl-NL,nl;q=0.9"})
    try:
        for _ in range(5):
            assert english.login("jan", WRONG).status_code == 401
        page = english.login("jan")
        assert page.status_code == 429
        assert page.headers["Retry-After"] == "30"
        assert "Too many wrong passwords. Try again in 30 seconds." in elements(page).text
        page = dutch.login("jan")
        assert "Te veel onjuiste wachtwoorden. Probeer het over 30 seconden opnieuw." in (
            elements(page).text
        )
    finally:
        english.close()
        dutch.close()
