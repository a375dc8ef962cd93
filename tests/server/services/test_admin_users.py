"""Administering accounts: create/read/update, activation mail, reset password, block,
overview counts and warnings, and the audit log with its filters."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.harness import Harness, Login


@pytest.fixture
def admin(harness: Harness) -> Login:
    return harness.admin()


def post(harness: Harness, admin: Login, path: str, body: Any = None) -> Any:
    return harness.client.post(f"/api/admin{path}", headers=admin.headers, json=body)


def test_create_read_list_and_update(harness: Harness, admin: Login) -> None:
    created = post(
        harness,
        admin,
        "/users",
        {
            "name": "marie",
            "password": "lang genoeg",
            "email": "marie@example.org",
            "modules": ["Zorg", "p&o+r"],
            "location_manager": True,
            "ip_allowlist": "192.168.1.7, 10.0.0.0/8",
        },
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["modules"] == ["p&o + r", "zorg"]
    assert body["ip_allowlist"] == ["192.168.1.7", "10.0.0.0/8"]
    assert body["kind"] == "employee"
    assert body["enrollment"] == "not_enrolled"
    assert body["has_password"] is True
    assert "password" not in body and "password_hash" not in body
    read = harness.client.get("/api/admin/users/marie", headers=admin.headers).json()
    assert read == body
    names = [
        u["name"] for u in harness.client.get("/api/admin/users", headers=admin.headers).json()
    ]
    assert names == ["beheerder", "marie"]
    extranet = harness.client.get(
        "/api/admin/users", headers=admin.headers, params={"kind": "extranet"}
    ).json()
    assert extranet == []
    patched = harness.client.patch(
        "/api/admin/users/marie",
        headers=admin.headers,
        json={"email": None, "admin": True, "ip_allowlist": [], "modules": ["p&o"]},
    )
    assert patched.status_code == 200
    assert patched.json()["email"] is None
    assert patched.json()["admin"] is True
    assert patched.json()["ip_allowlist"] == []
    entry = harness.client.get(
        "/api/admin/audit", headers=admin.headers, params={"action": "user_update"}
    ).json()[0]
    assert entry["target"] == "marie"
    assert entry["old"] == {
        "email": "marie@example.org",
        "admin": False,
        "ip_allowlist": ["192.168.1.7", "10.0.0.0/8"],
        "modules": ["p&o + r", "zorg"],
    }
    assert entry["new"] == {"email": None, "admin": True, "ip_allowlist": [], "modules": ["p&o"]}


@pytest.mark.parametrize(
    "body",
    [
        {"name": "x", "ip_allowlist": "10.0.0.300"},
        {"name": "x", "ip_allowlist": "hallo"},
        {"name": "x", "ip_allowlist": "10.0.0.0/33"},
        {"name": "x", "modules": ["kantine"]},
        {"name": "x", "kind": "leverancier"},
        {"name": "x", "password": "kort"},
        {"name": "x", "email": "geen-adres"},
        {"name": "met spatie"},
        {"name": ""},
        {"name": "x", "admin": "misschien"},
        {"name": "x", "extra": True},
        {"password": "lang genoeg"},
    ],
)
def test_invalid_users_get_422(harness: Harness, admin: Login, body: dict[str, Any]) -> None:
    assert post(harness, admin, "/users", body).status_code == 422


def test_duplicates_and_unknown_users(harness: Harness, admin: Login) -> None:
    assert post(harness, admin, "/users", {"name": "jan"}).status_code == 201
    duplicate = post(harness, admin, "/users", {"name": "jan"})
    assert duplicate.status_code == 409
    assert duplicate.json() == {"detail": "user_exists"}
    for method, path in [
        ("GET", "/api/admin/users/niemand"),
        ("PATCH", "/api/admin/users/niemand"),
        ("POST", "/api/admin/users/niemand/block"),
        ("POST", "/api/admin/users/niemand/reset-2fa"),
    ]:
        response = harness.client.request(method, path, headers=admin.headers, json={})
        assert response.status_code == 404
        assert response.json() == {"detail": "user_not_found"}


def test_patch_rejects_bad_values(harness: Harness, admin: Login) -> None:
    harness.add_user("jan")
    for body in [{"ip_allowlist": "1.2.3.4/99"}, {"modules": ["x"]}, {"blocked": True}]:
        response = harness.client.patch("/api/admin/users/jan", headers=admin.headers, json=body)
        assert response.status_code == 422


def test_activation_mail_sets_a_first_password(harness: Harness, admin: Login) -> None:
    post(harness, admin, "/users", {"name": "nieuw", "email": "nieuw@example.org"})
    assert harness.login_response("nieuw", "wat dan ook").status_code == 401
    sent = post(harness, admin, "/users/nieuw/activation-mail")
    assert sent.status_code == 202
    assert sent.json()["sent_to"] == "n***@example.org"
    text = harness.last_mail_text()
    assert "/activate?token=" in text
    token = text.split("Token: ")[1].split()[0]
    done = harness.client.post(
        "/api/activate", json={"token": token, "password": "mijn wachtwoord"}
    )
    assert done.status_code == 204
    assert harness.login("nieuw", "mijn wachtwoord").next == "enroll"
    again = harness.client.post("/api/activate", json={"token": token, "password": "nog een keer"})
    assert again.status_code == 400
    assert again.json() == {"detail": "invalid_token"}


def test_activation_links_expire(harness: Harness, admin: Login) -> None:
    post(harness, admin, "/users", {"name": "nieuw", "email": "nieuw@example.org"})
    post(harness, admin, "/users/nieuw/activation-mail")
    token = harness.last_mail_text().split("Token: ")[1].split()[0]
    harness.clock.advance(hours=72)
    response = harness.client.post("/api/activate", json={"token": token, "password": "wachtwoord"})
    assert response.status_code == 400


def test_activation_mail_needs_an_address(harness: Harness, admin: Login) -> None:
    harness.add_user("jan")
    response = post(harness, admin, "/users/jan/activation-mail")
    assert response.status_code == 409
    assert response.json() == {"detail": "no_email_address"}


def test_reset_password_ends_sessions_and_mails_a_link(harness: Harness, admin: Login) -> None:
    harness.add_user("jan", email="jan@example.org")
    jan = harness.enroll("jan")
    response = post(harness, admin, "/users/jan/reset-password")
    assert response.status_code == 200
    assert response.json()["has_password"] is False
    assert harness.client.get("/api/me", headers=jan.headers).status_code == 401
    assert harness.login_response("jan").status_code == 401
    token = harness.last_mail_text().split("Token: ")[1].split()[0]
    harness.client.post("/api/activate", json={"token": token, "password": "nieuw wachtwoord"})
    assert harness.login("jan", "nieuw wachtwoord").next == "totp"  # the app stays paired


def test_block_and_unblock(harness: Harness, admin: Login) -> None:
    harness.add_user("jan")
    jan = harness.enroll("jan")
    blocked = post(harness, admin, "/users/jan/block")
    assert blocked.json()["blocked"] is True
    assert harness.client.get("/api/me", headers=jan.headers).status_code == 401
    assert harness.login_response("jan").status_code == 403
    assert post(harness, admin, "/users/jan/unblock").json()["blocked"] is False
    assert harness.login("jan").next == "totp"
    self_block = post(harness, admin, "/users/beheerder/block")
    assert self_block.status_code == 409
    assert self_block.json() == {"detail": "cannot_block_self"}


def test_overview_counts_and_warnings(harness: Harness, admin: Login) -> None:
    harness.add_user("actief")
    harness.enroll("actief")
    harness.add_user("half")
    harness.login("half")
    harness.add_user("nooit")
    harness.add_user("geblokkeerd")
    post(harness, admin, "/users/geblokkeerd/block")
    harness.add_user("extern-a", kind="extranet")
    harness.add_user("extern-b", kind="extranet")
    overview = harness.client.get("/api/admin/overview", headers=admin.headers).json()
    assert overview["employees"] == {
        "not_enrolled": 2,
        "pending": 1,
        "active": 2,
        "blocked": 1,
        "total": 5,
    }
    assert overview["extranet"] == {
        "not_enrolled": 2,
        "pending": 0,
        "active": 0,
        "blocked": 0,
        "total": 2,
    }
    assert overview["p_and_o_admins"] == 1
    assert [w["code"] for w in overview["warnings"]] == ["too_few_p_and_o_admins"]
    post(harness, admin, "/users", {"name": "tweede", "admin": True, "modules": ["alle modules"]})
    overview = harness.client.get("/api/admin/overview", headers=admin.headers).json()
    assert overview["p_and_o_admins"] == 2
    assert overview["warnings"] == []
    harness.clock.advance(minutes=15)  # the half-paired secret expires
    overview = harness.client.get("/api/admin/overview", headers=admin.headers).json()
    assert overview["employees"]["pending"] == 0


def test_audit_log_filters(harness: Harness, admin: Login) -> None:
    harness.add_user("jan")
    post(harness, admin, "/users/jan/block")
    harness.clock.advance(hours=1)
    post(harness, admin, "/users/jan/unblock")
    harness.clock.advance(hours=1)
    harness.login_response("jan", "fout")

    def audit(**params: str) -> list[dict[str, Any]]:
        response = harness.client.get("/api/admin/audit", headers=admin.headers, params=params)
        assert response.status_code == 200, response.text
        entries: list[dict[str, Any]] = response.json()
        return entries

    by_target = audit(target="jan")
    assert [e["action"] for e in by_target] == ["login", "unblock", "block", "user_create"]
    block = by_target[2]
    assert block["actor"] == "beheerder"
    assert block["old"] == {"blocked": False}
    assert block["new"] == {"blocked": True}
    assert block["ip"] == "127.0.0.1"
    assert block["result"] == "ok"
    assert by_target[0]["result"] == "invalid_credentials"
    assert [e["action"] for e in audit(actor="beheerder", target="jan")] == ["unblock", "block"]
    assert [e["action"] for e in audit(action="block")] == ["block"]
    since = audit(target="jan", since="2025-03-03T09:30:00Z")
    assert [e["action"] for e in since] == ["login", "unblock"]
    until = audit(target="jan", until="2025-03-03T10:30:00+00:00")
    assert [e["action"] for e in until] == ["unblock", "block", "user_create"]
    assert len(audit(limit="1")) == 1
    for bad in [
        {"since": "gisteren"},
        {"limit": "0"},
        {"limit": "100000"},
        {"since": "0001-01-01T00:00:00+01:00"},
    ]:
        response = harness.client.get("/api/admin/audit", headers=admin.headers, params=bad)
        assert response.status_code == 422, bad


def test_nul_characters_never_reach_the_database(harness: Harness, admin: Login) -> None:
    """PostgreSQL's text cannot hold NUL, not even in a query: refused before it gets there,
    with the answer SQLite would give (tests/server/postgres/ runs this on PostgreSQL)."""
    for method in ("GET", "PATCH"):
        response = harness.client.request(
            method, "/api/admin/users/jan%00", headers=admin.headers, json={}
        )
        assert response.status_code == 404
    assert post(harness, admin, "/users/jan%00/reset-2fa").status_code == 404
    created = post(harness, admin, "/users", {"name": "jan", "email": "jan\u0000@example.org"})
    assert created.status_code == 422
    harness.add_user("jan")
    changed = harness.client.patch(
        "/api/admin/users/jan", headers=admin.headers, json={"email": "jan@exa\u0000mple.org"}
    )
    assert changed.status_code == 422
    for key in ("actor", "target", "action"):
        audit = harness.client.get("/api/admin/audit", headers=admin.headers, params={key: "a\0"})
        assert audit.status_code == 422


def test_the_users_list_shows_each_extranet_users_method_where_they_may_choose(
    harness: Harness, admin: Login
) -> None:
    from server_stub.services.context import Actor

    harness.add_user("extern.app", kind="extranet", email="a@example.org")
    harness.add_user("extern.mail", kind="extranet", email="m@example.org")
    harness.services.users.choose_method("extern.app", "app", Actor("extern.app"))
    policy = harness.client.get("/api/admin/policy", headers=admin.headers).json()
    policy["extranet"] = {"enabled": True, "method": "email", "user_adjustable": True}
    harness.client.put("/api/admin/policy", headers=admin.headers, json=policy)

    users = {
        u["name"]: u for u in harness.client.get("/api/admin/users", headers=admin.headers).json()
    }

    assert (users["extern.app"]["method"], users["extern.app"]["method_choice"]) == ("app", "app")
    assert (users["extern.mail"]["method"], users["extern.mail"]["method_choice"]) == (
        "email",
        None,
    )
    assert users["beheerder"]["method"] == "app"  # employees: the app, from the cut-off on


def test_a_users_own_choice_is_shown_but_not_in_force_where_the_policy_fixes_the_method(
    harness: Harness, admin: Login
) -> None:
    from server_stub.services.context import Actor

    harness.add_user("extern", kind="extranet", email="e@example.org")
    harness.services.users.choose_method("extern", "app", Actor("extern"))
    policy = harness.client.get("/api/admin/policy", headers=admin.headers).json()
    policy["extranet"] = {"enabled": True, "method": "email", "user_adjustable": False}
    harness.client.put("/api/admin/policy", headers=admin.headers, json=policy)

    user = harness.client.get("/api/admin/users/extern", headers=admin.headers).json()

    assert (user["method"], user["method_choice"]) == ("email", "app")


def test_no_method_while_two_step_verification_is_off_for_the_users_group(
    harness: Harness, admin: Login
) -> None:
    harness.add_user("extern", kind="extranet")  # extranet: off by default (the seed)
    user = harness.client.get("/api/admin/users/extern", headers=admin.headers).json()
    assert user["method"] is None
