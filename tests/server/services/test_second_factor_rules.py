"""The two rules no administrator can switch off: an account with admin or P&O rights always
needs a second factor, and from the cut-off date on employees always use the authenticator
app. Every route that could undo one (create, update, the policy, the command line) refuses
with its own code, and the attempt is audited."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from server_stub.cli import main
from server_stub.demo import ACCOUNTS, DEMO_PASSWORD, seed_demo
from server_stub.domain.audit import AuditFilter
from server_stub.models import User
from server_stub.rights import has_p_and_o
from server_stub.services import Services
from server_stub.settings import Settings
from tests.server.harness import Harness, Login

BEFORE_CUTOFF = datetime(2024, 6, 3, 9, 0, 0, tzinfo=UTC)  # two weeks before 17 June 2024
POLICY = {
    "employees": {"enabled": True, "method": "app", "user_adjustable": False},
    "extranet": {"enabled": False, "method": "email", "user_adjustable": False},
    "authenticator_validity_hours": 5,
    "mail_validity_days": 0,
    "email_cutoff": "2024-06-17",
}
PRIVILEGED = [
    {"admin": True, "modules": []},
    {"admin": False, "modules": ["p&o"]},
    {"admin": False, "modules": ["p&o + r"]},
    {"admin": True, "modules": ["alle modules"]},
]
PRIVILEGED_IDS = ["admin", "p&o", "p&o+r", "admin-alle-modules"]


@pytest.fixture
def admin(harness: Harness) -> Login:
    return harness.admin()


def last_audit(harness: Harness, action: str) -> Any:
    entries = harness.services.audit.query(AuditFilter(action=action))
    assert entries, f"no {action} entry"
    return entries[0]


def put_policy(harness: Harness, admin: Login, **changes: Any) -> Any:
    return harness.client.put(
        "/api/admin/policy", headers=admin.headers, json={**POLICY, **changes}
    )


# -- accounts --------------------------------------------------------------------------------


@pytest.mark.parametrize("rights", PRIVILEGED, ids=PRIVILEGED_IDS)
def test_creating_an_extranet_account_with_admin_or_p_and_o_rights_is_refused_and_audited(
    harness: Harness, admin: Login, rights: dict[str, Any]
) -> None:
    body = {"name": "ext.baas", "password": "lang genoeg", "kind": "extranet", **rights}
    refused = harness.client.post("/api/admin/users", headers=admin.headers, json=body)
    assert refused.status_code == 422
    assert refused.json() == {"detail": "privileged_must_be_employee"}
    assert harness.client.get("/api/admin/users/ext.baas", headers=admin.headers).status_code == 404
    entry = last_audit(harness, "user_create")
    assert (entry.actor, entry.target, entry.result) == (
        "beheerder",
        "ext.baas",
        "privileged_must_be_employee",
    )
    assert entry.new["kind"] == "extranet"
    assert "password" not in entry.new and "lang genoeg" not in repr(entry)


def test_an_administrator_cannot_be_turned_into_an_extranet_user(
    harness: Harness, admin: Login
) -> None:
    harness.add_admin("tweede")
    refused = harness.client.patch(
        "/api/admin/users/tweede", headers=admin.headers, json={"kind": "extranet"}
    )
    assert refused.status_code == 422
    assert refused.json() == {"detail": "privileged_must_be_employee"}
    assert harness.services.users.get("tweede").kind == "employee"
    entry = last_audit(harness, "user_update")
    assert (entry.actor, entry.target, entry.result) == (
        "beheerder",
        "tweede",
        "privileged_must_be_employee",
    )
    assert entry.new == {"kind": "extranet"}
    assert harness.login("tweede").next == "enroll"


@pytest.mark.parametrize("rights", PRIVILEGED, ids=PRIVILEGED_IDS)
def test_an_extranet_user_cannot_be_given_admin_or_p_and_o_rights(
    harness: Harness, admin: Login, rights: dict[str, Any]
) -> None:
    harness.add_user("extern", kind="extranet")
    refused = harness.client.patch("/api/admin/users/extern", headers=admin.headers, json=rights)
    assert refused.status_code == 422
    assert refused.json() == {"detail": "privileged_must_be_employee"}
    user = harness.services.users.get("extern")
    assert (user.admin, user.modules) == (False, [])
    assert last_audit(harness, "user_update").result == "privileged_must_be_employee"


def test_after_the_cutoff_an_employee_cannot_become_an_extranet_user(
    harness: Harness, admin: Login
) -> None:
    """An extranet user logs in without a code while extranet 2FA is off (the default)."""
    harness.add_user("jan")
    refused = harness.client.patch(
        "/api/admin/users/jan", headers=admin.headers, json={"kind": "extranet"}
    )
    assert refused.status_code == 422
    assert refused.json() == {"detail": "employee_cannot_become_extranet"}
    assert harness.login("jan").next == "enroll"
    assert last_audit(harness, "user_update").result == "employee_cannot_become_extranet"


def test_an_extranet_user_may_become_an_employee(harness: Harness, admin: Login) -> None:
    harness.add_user("extern", kind="extranet")
    moved = harness.client.patch(
        "/api/admin/users/extern", headers=admin.headers, json={"kind": "employee"}
    )
    assert moved.status_code == 200
    assert harness.login("extern").next == "enroll"


# -- the policy ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "employees",
    [
        {"enabled": False, "method": "app", "user_adjustable": False},
        {"enabled": True, "method": "email", "user_adjustable": False},
        {"enabled": True, "method": "app", "user_adjustable": False},
    ],
    ids=["off", "email", "unchanged"],
)
def test_a_passed_cutoff_cannot_be_moved_to_a_later_date(
    harness: Harness, admin: Login, employees: dict[str, Any]
) -> None:
    harness.add_user("jan", email="jan@example.org")
    refused = put_policy(harness, admin, employees=employees, email_cutoff="2099-12-31")
    assert refused.status_code == 422
    assert refused.json() == {"detail": "email_cutoff_passed"}
    assert harness.services.policy.get().email_cutoff == date(2024, 6, 17)
    assert harness.login("jan").next == "enroll"
    entry = last_audit(harness, "policy_update")
    assert (entry.actor, entry.result) == ("beheerder", "email_cutoff_passed")
    assert entry.new["email_cutoff"] == "2099-12-31"


def test_a_refused_switch_to_email_after_the_cutoff_is_audited(
    harness: Harness, admin: Login
) -> None:
    employees = {"enabled": True, "method": "email", "user_adjustable": False}
    refused = put_policy(harness, admin, employees=employees)
    assert refused.json() == {"detail": "employees_require_app_after_cutoff"}
    entry = last_audit(harness, "policy_update")
    assert (entry.actor, entry.result) == ("beheerder", "employees_require_app_after_cutoff")
    assert entry.new == {"employees.method": "email"}


def test_a_passed_cutoff_may_be_moved_earlier(harness: Harness, admin: Login) -> None:
    assert put_policy(harness, admin, email_cutoff="2024-01-01").status_code == 200


# -- the login: a second factor for every administrator, whatever is stored ------------------


def test_before_the_cutoff_with_employee_2fa_off_administrators_still_need_a_code(
    harness: Harness,
) -> None:
    harness.clock.set(BEFORE_CUTOFF)
    admin = harness.admin()
    off = {"enabled": False, "method": "app", "user_adjustable": False}
    assert put_policy(harness, admin, employees=off).status_code == 200
    harness.add_user("jan")
    harness.add_user("pieter.po", modules=["p&o"])
    harness.add_admin("tweede")
    assert harness.login("jan").next == "done"
    assert harness.login("pieter.po").next == "enroll"
    assert harness.login("tweede").next == "enroll"
    assert harness.login("beheerder").next == "totp"


@pytest.mark.parametrize("rights", PRIVILEGED, ids=PRIVILEGED_IDS)
def test_an_extranet_administrator_stored_before_these_rules_still_needs_a_code(
    harness: Harness, rights: dict[str, Any]
) -> None:
    """A database written by an older server may hold one; extranet 2FA is off by default."""
    harness.add_user("ext.oud", kind="extranet", email="ext.oud@example.org")
    with harness.services.ctx.db.write() as db:
        user = db.query(User).filter_by(name="ext.oud").one()
        user.is_admin = rights["admin"]
        user.modules = ",".join(rights["modules"])
    assert harness.login("ext.oud").next == "email"  # the extranet method, but a code


# -- the command line and the demo -------------------------------------------------------------


def test_user_add_refuses_an_extranet_administrator_and_audits_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TWEESTAP_SERVER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("TWEESTAP_SERVER_DB", raising=False)
    args = ["user", "add", "ext.baas", "--password", "lang genoeg", "--extranet", "--admin"]
    assert main([*args, "--modules", "p&o"]) == 1
    error = capsys.readouterr().err
    assert "privileged_must_be_employee" in error
    assert "always employees" in error  # a sentence, not only the code
    services = Services.build(Settings.from_env())
    try:
        assert services.users.list() == []
        entry = services.audit.query(AuditFilter(action="user_create"))[0]
        assert (entry.actor, entry.target, entry.result) == (
            "cli",
            "ext.baas",
            "privileged_must_be_employee",
        )
    finally:
        services.close()


def test_every_privileged_account_of_the_demo_needs_a_code(harness: Harness) -> None:
    seed_demo(harness.services)
    privileged = [a for a in ACCOUNTS if a.admin or has_p_and_o(a.modules)]
    assert privileged
    for account in privileged:
        assert account.kind == "employee"
        if not account.blocked:
            response = harness.login_response(account.name, DEMO_PASSWORD)
            assert response.json()["next"] != "done", account.name
