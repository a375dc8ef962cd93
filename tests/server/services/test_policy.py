"""The policy ("Modulegebruik"): defaults, validation, the e-mail cut-off, audit."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.server.harness import Harness, Login

BEFORE_CUTOFF = datetime(2024, 6, 3, 9, 0, 0, tzinfo=UTC)  # two weeks before 17 June 2024
DEFAULTS = {
    "employees": {"enabled": True, "method": "app", "user_adjustable": False},
    "extranet": {"enabled": False, "method": "email", "user_adjustable": False},
    "authenticator_validity_hours": 5,
    "mail_validity_days": 0,
    "email_cutoff": "2024-06-17",
}


@pytest.fixture
def admin(harness: Harness) -> Login:
    return harness.admin()


def policy_with(**changes: Any) -> dict[str, Any]:
    policy: dict[str, Any] = {**DEFAULTS, **changes}
    return policy


def test_the_seeds_defaults(harness: Harness, admin: Login) -> None:
    assert harness.client.get("/api/admin/policy", headers=admin.headers).json() == DEFAULTS


def test_update_round_trips_and_is_audited_old_to_new(harness: Harness, admin: Login) -> None:
    new = policy_with(
        extranet={"enabled": True, "method": "app", "user_adjustable": True},
        authenticator_validity_hours=24,
        mail_validity_days=3,
    )
    response = harness.client.put("/api/admin/policy", headers=admin.headers, json=new)
    assert response.status_code == 200
    assert response.json() == new
    assert harness.client.get("/api/admin/policy", headers=admin.headers).json() == new
    entry = harness.client.get(
        "/api/admin/audit", headers=admin.headers, params={"action": "policy_update"}
    ).json()[0]
    assert entry["actor"] == "beheerder"
    assert entry["ip"] == "127.0.0.1"
    assert entry["result"] == "ok"
    assert entry["old"] == {
        "extranet.enabled": False,
        "extranet.method": "email",
        "extranet.user_adjustable": False,
        "authenticator_validity_hours": 5,
        "mail_validity_days": 0,
    }
    assert entry["new"] == {
        "extranet.enabled": True,
        "extranet.method": "app",
        "extranet.user_adjustable": True,
        "authenticator_validity_hours": 24,
        "mail_validity_days": 3,
    }


@pytest.mark.parametrize(
    "body",
    [
        policy_with(authenticator_validity_hours=-1),
        policy_with(authenticator_validity_hours=25),
        policy_with(authenticator_validity_hours="vijf"),
        policy_with(authenticator_validity_hours=10**30),
        policy_with(mail_validity_days=-1),
        policy_with(mail_validity_days=366),
        policy_with(employees={"enabled": True, "method": "sms", "user_adjustable": False}),
        policy_with(employees={"enabled": True, "method": "app"}),
        policy_with(extranet=None),
        policy_with(email_cutoff="17-06-2024"),
        policy_with(email_cutoff="2024-02-30"),
        policy_with(unknown_setting=1),
        {key: value for key, value in DEFAULTS.items() if key != "mail_validity_days"},
        [],
    ],
)
def test_out_of_bounds_policies_get_422(harness: Harness, admin: Login, body: Any) -> None:
    response = harness.client.put("/api/admin/policy", headers=admin.headers, json=body)
    assert response.status_code == 422
    assert harness.client.get("/api/admin/policy", headers=admin.headers).json() == DEFAULTS


@pytest.mark.parametrize("hours", [0, 24])
def test_bounds_themselves_are_accepted(harness: Harness, admin: Login, hours: int) -> None:
    body = policy_with(authenticator_validity_hours=hours)
    assert (
        harness.client.put("/api/admin/policy", headers=admin.headers, json=body).status_code == 200
    )


@pytest.mark.parametrize(
    "employees",
    [
        {"enabled": True, "method": "email", "user_adjustable": False},
        {"enabled": False, "method": "app", "user_adjustable": False},
    ],
)
def test_after_the_cutoff_employees_always_use_the_app(
    harness: Harness, admin: Login, employees: dict[str, Any]
) -> None:
    response = harness.client.put(
        "/api/admin/policy", headers=admin.headers, json=policy_with(employees=employees)
    )
    assert response.status_code == 422
    assert response.json() == {"detail": "employees_require_app_after_cutoff"}


def test_before_the_cutoff_employees_may_use_email_until_it_passes(harness: Harness) -> None:
    harness.clock.set(BEFORE_CUTOFF)
    admin = harness.admin()
    harness.add_user("jan", email="jan@example.org")
    body = policy_with(employees={"enabled": True, "method": "email", "user_adjustable": False})
    assert (
        harness.client.put("/api/admin/policy", headers=admin.headers, json=body).status_code == 200
    )
    assert harness.login("jan").next == "email"
    harness.clock.advance(days=14)  # the cut-off arrives: e-mail codes no longer for employees
    assert harness.login("jan").next == "enroll"


def test_employees_2fa_off_before_the_cutoff(harness: Harness) -> None:
    harness.clock.set(BEFORE_CUTOFF)
    admin = harness.admin()
    harness.add_user("jan")
    body = policy_with(employees={"enabled": False, "method": "app", "user_adjustable": False})
    assert (
        harness.client.put("/api/admin/policy", headers=admin.headers, json=body).status_code == 200
    )
    assert harness.login("jan").next == "done"
    harness.clock.advance(days=14)
    assert harness.login("jan").next == "enroll"


def test_extranet_can_be_switched_on_with_the_app(harness: Harness, admin: Login) -> None:
    harness.add_user("extern", kind="extranet")
    assert harness.login("extern").next == "done"
    body = policy_with(extranet={"enabled": True, "method": "app", "user_adjustable": False})
    harness.client.put("/api/admin/policy", headers=admin.headers, json=body)
    assert harness.login("extern").next == "enroll"


def test_an_adjustable_method_follows_the_users_choice(harness: Harness, admin: Login) -> None:
    from server_stub.services.context import Actor

    harness.add_user("extern", kind="extranet", email="e@example.org")
    fixed = policy_with(extranet={"enabled": True, "method": "email", "user_adjustable": False})
    harness.client.put("/api/admin/policy", headers=admin.headers, json=fixed)
    harness.services.users.choose_method("extern", "app", Actor("extern"))
    assert harness.login("extern").next == "email"
    adjustable = policy_with(extranet={"enabled": True, "method": "email", "user_adjustable": True})
    harness.client.put("/api/admin/policy", headers=admin.headers, json=adjustable)
    assert harness.login("extern").next == "enroll"


def test_an_unchanged_save_writes_no_audit_entry(harness: Harness, admin: Login) -> None:
    harness.client.put("/api/admin/policy", headers=admin.headers, json=DEFAULTS)
    entries = harness.client.get(
        "/api/admin/audit", headers=admin.headers, params={"action": "policy_update"}
    ).json()
    assert entries == []
