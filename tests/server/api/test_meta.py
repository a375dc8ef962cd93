"""``GET /api/meta`` declares the server's own constants, without a login: the module list
in its order, which modules carry P&O, the user-name rule, the policy's bounds and the audit
log's retention bounds."""

from __future__ import annotations

import re

from server_stub.domain.audit import DEFAULT_RETENTION_DAYS
from server_stub.rights import MODULES, P_AND_O_MODULES
from server_stub.schemas.audit import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS
from server_stub.schemas.policy import MAX_AUTHENTICATOR_VALIDITY_HOURS, MAX_MAIL_VALIDITY_DAYS
from server_stub.schemas.users import USER_NAME_MAX_LENGTH, USER_NAMES_IGNORE_CASE
from tests.server.harness import Harness


def test_meta_answers_without_a_login_with_the_servers_own_constants(harness: Harness) -> None:
    response = harness.client.get("/api/meta")
    assert response.status_code == 200
    body = response.json()
    assert body["modules"] == list(MODULES)
    assert set(body["p_and_o_modules"]) == P_AND_O_MODULES
    assert body["user_names"]["max_length"] == USER_NAME_MAX_LENGTH
    assert body["user_names"]["case_insensitive"] is USER_NAMES_IGNORE_CASE
    assert body["policy_limits"] == {
        "max_authenticator_validity_hours": MAX_AUTHENTICATOR_VALIDITY_HOURS,
        "max_mail_validity_days": MAX_MAIL_VALIDITY_DAYS,
    }


def test_meta_user_name_pattern_is_the_one_user_creation_enforces(harness: Harness) -> None:
    pattern = re.compile(harness.client.get("/api/meta").json()["user_names"]["pattern"])
    admin = harness.admin()
    for name, allowed in [
        ("anna.jansen", True),
        ("a" * USER_NAME_MAX_LENGTH, True),
        ("a" * (USER_NAME_MAX_LENGTH + 1), False),
        ("-anna", False),
        ("anna jansen", False),
    ]:
        assert bool(pattern.fullmatch(name)) is allowed, name
        created = harness.client.post(
            "/api/admin/users",
            json={"name": name, "password": "lang genoeg"},
            headers=admin.headers,
        )
        assert (created.status_code == 201) is allowed, (name, created.status_code)


def test_meta_says_whether_names_ignore_case_as_the_server_treats_them(harness: Harness) -> None:
    ignore_case = harness.client.get("/api/meta").json()["user_names"]["case_insensitive"]
    admin = harness.admin()
    first = harness.client.post(
        "/api/admin/users",
        json={"name": "Anna.Jansen", "password": "lang genoeg"},
        headers=admin.headers,
    )
    assert first.status_code == 201
    again = harness.client.post(
        "/api/admin/users",
        json={"name": "anna.jansen", "password": "lang genoeg"},
        headers=admin.headers,
    )
    assert (again.status_code == 409) is ignore_case


def test_meta_declares_the_audit_retention_bounds_the_retention_route_enforces(
    harness: Harness,
) -> None:
    declared = harness.client.get("/api/meta").json()["audit_retention"]
    assert declared == {
        "min_days": MIN_RETENTION_DAYS,
        "max_days": MAX_RETENTION_DAYS,
        "default_days": DEFAULT_RETENTION_DAYS,
    }
    admin = harness.admin()
    route = "/api/admin/audit/retention"
    assert harness.client.get(route, headers=admin.headers).json() == {
        "days": declared["default_days"]
    }
    for days, allowed in [
        (declared["min_days"] - 1, False),
        (declared["min_days"], True),
        (declared["max_days"], True),
        (declared["max_days"] + 1, False),
    ]:
        answer = harness.client.put(route, json={"days": days}, headers=admin.headers)
        assert (answer.status_code == 200) is allowed, (days, answer.status_code)
