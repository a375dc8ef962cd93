"""User names are unique without regard to case: "Anna" beside "anna" would be a trap for the
administrator who resets the wrong one. A name is found (at login, by the admin routes)
however it is capitalised, and kept as it was first written."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest
from sqlalchemy.exc import IntegrityError

from server_stub.cli import main
from server_stub.domain.audit import AuditFilter
from server_stub.models import User
from tests.server.harness import PASSWORD, Harness, Login


@pytest.fixture
def admin(harness: Harness) -> Login:
    return harness.admin()


@pytest.mark.parametrize("second", ["anna", "ANNA", "aNnA"])
def test_a_name_that_differs_only_in_case_is_refused(
    harness: Harness, admin: Login, second: str
) -> None:
    first = harness.client.post("/api/admin/users", headers=admin.headers, json={"name": "Anna"})
    assert first.status_code == 201
    again = harness.client.post("/api/admin/users", headers=admin.headers, json={"name": second})
    assert again.status_code == 409
    assert again.json() == {"detail": "user_exists"}
    names = [
        u["name"] for u in harness.client.get("/api/admin/users", headers=admin.headers).json()
    ]
    assert names == ["Anna", "beheerder"]


def test_user_add_refuses_a_name_that_differs_only_in_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TWEESTAP_SERVER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TWEESTAP_SERVER_DB", raising=False)
    assert main(["user", "add", "Piet", "--password", "lang genoeg"]) == 0
    assert main(["user", "add", "piet", "--password", "lang genoeg"]) == 1
    assert "user_exists" in capsys.readouterr().err


def test_login_and_admin_routes_find_the_account_whatever_the_case(
    harness: Harness, admin: Login
) -> None:
    harness.add_user("Anna")
    login = harness.login("ANNA")
    assert login.next == "enroll"
    entry = harness.services.audit.query(AuditFilter(action="login"))[0]
    assert (entry.actor, entry.target) == ("Anna", "Anna")
    found = harness.client.get("/api/admin/users/anna", headers=admin.headers)
    assert found.status_code == 200 and found.json()["name"] == "Anna"
    blocked = harness.client.post("/api/admin/users/aNNa/block", headers=admin.headers)
    assert blocked.status_code == 200 and blocked.json()["blocked"] is True
    assert harness.login_response("anna").json() == {"detail": "blocked"}


def test_an_administrator_cannot_block_themselves_in_other_letters(
    harness: Harness, admin: Login
) -> None:
    refused = harness.client.post("/api/admin/users/BEHEERDER/block", headers=admin.headers)
    assert refused.status_code == 409
    assert refused.json() == {"detail": "cannot_block_self"}


def test_parallel_creations_of_one_name_in_two_cases_give_one_account(
    harness: Harness, admin: Login
) -> None:
    answers: list[int] = []

    def create(name: str) -> None:
        with httpx.Client(base_url=harness.url, timeout=30) as client:
            body = {"name": name, "password": PASSWORD}
            answers.append(
                client.post("/api/admin/users", headers=admin.headers, json=body).status_code
            )

    threads = [threading.Thread(target=create, args=(n,)) for n in ("Jan", "jan", "JAN", "jAn")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [201, 409, 409, 409]
    assert [u.name.lower() for u in harness.services.users.list()].count("jan") == 1


def test_the_database_itself_refuses_a_second_name_in_other_letters(harness: Harness) -> None:
    """The unique index on lower(name) holds even for a writer that skips the service."""
    harness.add_user("Anna")

    def insert_anna() -> None:
        with harness.services.ctx.db.write() as db:
            db.add(User(name="anna", kind="employee", created_at=harness.clock.now()))

    with pytest.raises(IntegrityError):
        insert_anna()
