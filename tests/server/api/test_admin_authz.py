"""Every admin route: no token 401; non-admin, admin without P&O, and a P&O admin whose
session has not passed the code step all 403; a complete P&O admin gets through."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server_stub.domain.audit import AuditFilter
from tests.server.harness import Harness, Login, start_harness, stop_harness
from tests.server.services.test_policy import DEFAULTS

TARGET = "doelwit"
ROUTES: list[tuple[str, str, Any]] = [
    ("GET", "/api/admin/policy", None),
    ("PUT", "/api/admin/policy", DEFAULTS),
    ("GET", "/api/admin/users", None),
    ("POST", "/api/admin/users", {"name": "nieuw-{n}", "password": "lang genoeg"}),
    ("GET", "/api/admin/users/{target}", None),
    ("PATCH", "/api/admin/users/{target}", {"location_manager": True}),
    ("POST", "/api/admin/users/{target}/reset-2fa", None),
    ("POST", "/api/admin/users/{target}/block", None),
    ("POST", "/api/admin/users/{target}/unblock", None),
    ("POST", "/api/admin/users/{target}/reset-password", None),
    ("POST", "/api/admin/users/{target}/activation-mail", None),
    ("POST", "/api/admin/users/{target}/clear-throttle", None),
    ("GET", "/api/admin/audit", None),
    ("GET", "/api/admin/overview", None),
]
IDS = [f"{method} {path}" for method, path, _ in ROUTES]


class Org:
    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        harness.add_user(TARGET, email="doelwit@example.org")
        harness.add_user("medewerker")
        harness.add_user("support", admin=True, modules=["administratie", "zorg"])
        harness.add_user("halfweg", admin=True, modules=["p&o"])
        self.sessions: dict[str, Login] = {
            "employee": harness.enroll("medewerker"),
            "admin_without_p_and_o": harness.enroll("support"),
            "admin": harness.admin(),
        }
        halfway = harness.login("halfweg")
        assert halfway.next == "enroll"
        self.sessions["admin_with_incomplete_2fa"] = halfway
        self.counter = 0

    def call(self, route: tuple[str, str, Any], headers: dict[str, str]) -> Any:
        method, path, body = route
        self.counter += 1
        path = path.format(target=TARGET)
        if isinstance(body, dict) and "name" in body:
            body = {**body, "name": body["name"].format(n=self.counter)}
        return self.harness.client.request(method, path, headers=headers, json=body)


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Org]:
    harness = start_harness(Path(tmp_path_factory.mktemp("authz")))
    yield Org(harness)
    stop_harness(harness)


@pytest.mark.parametrize("route", ROUTES, ids=IDS)
def test_without_a_token_401(org: Org, route: tuple[str, str, Any]) -> None:
    response = org.call(route, {})
    assert response.status_code == 401
    assert response.json() == {"detail": "not_authenticated"}
    assert org.call(route, {"Authorization": "Bearer unknown"}).status_code == 401


@pytest.mark.parametrize(
    ("who", "detail"),
    [
        ("employee", "forbidden"),
        ("admin_without_p_and_o", "forbidden"),
        ("admin_with_incomplete_2fa", "second_factor_required"),
    ],
)
@pytest.mark.parametrize("route", ROUTES, ids=IDS)
def test_everyone_but_a_complete_p_and_o_admin_gets_403(
    org: Org, route: tuple[str, str, Any], who: str, detail: str
) -> None:
    response = org.call(route, org.sessions[who].headers)
    assert response.status_code == 403, response.text
    assert response.json() == {"detail": detail}


@pytest.mark.parametrize("route", ROUTES, ids=IDS)
def test_a_complete_p_and_o_admin_gets_through(org: Org, route: tuple[str, str, Any]) -> None:
    response = org.call(route, org.sessions["admin"].headers)
    assert 200 <= response.status_code < 300, response.text


def test_refusals_are_audited_and_changed_nothing(org: Org) -> None:
    entries = org.harness.services.audit.query(AuditFilter(actor="medewerker"))
    assert {entry.action for entry in entries} == {"login", "enroll_complete", "admin_access"}
    refused = [entry for entry in entries if entry.action == "admin_access"]
    assert len(refused) == len(ROUTES)
    assert {entry.result for entry in refused} == {"forbidden"}
    assert org.harness.services.audit.query(AuditFilter(target="doelwit", actor="support")) == []
