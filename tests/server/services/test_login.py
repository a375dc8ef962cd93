"""The password step: same answer for unknown users and wrong passwords, then blocked and
IP-list refusals, malformed bodies, logout and session lifetimes."""

from __future__ import annotations

import pytest

from server_stub.domain.audit import AuditFilter
from tests.server.harness import PASSWORD, Harness


def test_health_and_openapi(harness: Harness) -> None:
    assert harness.client.get("/api/health").json() == {
        "status": "ok",
        "version": "0.1.0",
        "database": "ok",
    }
    schema = harness.client.get("/openapi.json").json()
    for path in ("/api/session", "/api/session/verify", "/api/admin/policy", "/api/admin/audit"):
        assert path in schema["paths"]


def test_unknown_user_and_wrong_password_get_the_same_answer(harness: Harness) -> None:
    harness.add_user("jan")
    unknown = harness.login_response("nobody", PASSWORD)
    wrong = harness.login_response("jan", "not the password")
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json() == {"detail": "invalid_credentials"}
    assert unknown.headers.get("www-authenticate") == wrong.headers.get("www-authenticate")


def test_unknown_users_cost_one_password_hash_like_everyone_else(harness: Harness) -> None:
    harness.add_user("jan")
    harness.add_user("wacht", password=None)  # waiting for activation: no password yet
    for name, password in [
        ("nobody", PASSWORD),
        ("jan", "wrong password"),
        ("wacht", PASSWORD),
        ("jan", PASSWORD),
    ]:
        before = harness.hasher.verify_calls
        harness.login_response(name, password)
        assert harness.hasher.verify_calls == before + 1, name


def test_failed_logins_are_audited_for_known_and_unknown_users(harness: Harness) -> None:
    harness.add_user("jan")
    harness.login_response("nobody", "x")
    harness.login_response("jan", "x")
    entries = harness.services.audit.query(AuditFilter(action="login"))
    results = {(e.actor, e.target, e.result) for e in entries}
    assert ("jan", "jan", "invalid_credentials") in results
    unknown = [e for e in entries if e.target is None]
    assert len(unknown) == 1 and unknown[0].result == "invalid_credentials"
    assert unknown[0].actor is not None and unknown[0].actor.startswith("unknown:")


def test_blocked_user_is_refused_only_after_a_correct_password(harness: Harness) -> None:
    harness.add_user("jan")
    admin = harness.admin()
    harness.client.post("/api/admin/users/jan/block", headers=admin.headers)
    assert harness.login_response("jan", "wrong password").json() == {
        "detail": "invalid_credentials"
    }
    refused = harness.login_response("jan")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "blocked"}


@pytest.mark.parametrize(
    ("allowlist", "allowed"),
    [
        ("", True),
        ("127.0.0.1", True),
        ("10.0.0.1", False),
        ("127.0.0.0/8", True),
        ("10.0.0.0/8", False),
        ("10.0.0.1, 127.0.0.1", True),
        ("10.0.0.0/8,192.168.0.0/16", False),
        ("::1", False),
    ],
)
def test_ip_allowlist(harness: Harness, allowlist: str, allowed: bool) -> None:
    harness.add_user("jan", ip_allowlist=allowlist)
    response = harness.login_response("jan")
    if allowed:
        assert response.status_code == 200, response.text
    else:
        assert response.status_code == 403
        assert response.json() == {"detail": "ip_not_allowed"}


def test_ip_allowlist_is_checked_on_every_request(harness: Harness) -> None:
    admin = harness.admin()
    harness.add_user("jan")
    jan = harness.enroll("jan")
    assert harness.client.get("/api/me", headers=jan.headers).status_code == 200
    harness.client.patch(
        "/api/admin/users/jan", headers=admin.headers, json={"ip_allowlist": "10.0.0.0/8"}
    )
    refused = harness.client.get("/api/me", headers=jan.headers)
    assert refused.status_code == 403
    assert refused.json() == {"detail": "ip_not_allowed"}


def test_ip_allowlist_is_checked_at_the_code_step(harness: Harness) -> None:
    """``POST /api/session/verify`` makes the session checks itself (one transaction)."""
    admin = harness.admin()
    harness.add_user("jan")
    harness.enroll("jan")
    jan = harness.login("jan")
    assert jan.next == "totp"
    harness.client.patch(
        "/api/admin/users/jan", headers=admin.headers, json={"ip_allowlist": "10.0.0.0/8"}
    )
    refused = harness.verify(jan, harness.code("jan"))
    assert refused.status_code == 403
    assert refused.json() == {"detail": "ip_not_allowed"}


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"{}",
        b'{"username": "jan"}',
        b'{"username": 5, "password": "x"}',
        b'{"username": "jan", "password": ["x"]}',
        b'{"username": "", "password": "x"}',
        b'{"username": "' + b"a" * 300 + b'", "password": "x"}',
        b'{"username": "jan\\u0000", "password": "x"}',
        b'{"username": "jan", "password": "x", "extra": 1}',
        b"[]",
    ],
)
def test_malformed_login_bodies_get_422(harness: Harness, body: bytes) -> None:
    response = harness.client.post(
        "/api/session", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422


def test_requests_without_a_valid_token_get_401(harness: Harness) -> None:
    for headers in [{}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Basic eDp5"}]:
        response = harness.client.get("/api/me", headers=headers)
        assert response.status_code == 401
        assert response.json() == {"detail": "not_authenticated"}


def test_extranet_users_log_in_without_a_code_while_their_2fa_is_off(harness: Harness) -> None:
    harness.add_user("extern", kind="extranet")
    login = harness.login("extern")
    assert login.next == "done"
    assert harness.client.get("/api/me", headers=login.headers).json()["method"] is None


def test_me_needs_a_completed_session(harness: Harness) -> None:
    harness.add_user("jan")
    login = harness.login("jan")
    refused = harness.client.get("/api/me", headers=login.headers)
    assert refused.status_code == 403
    assert refused.json() == {"detail": "second_factor_required"}


def test_logout_ends_the_session(harness: Harness) -> None:
    harness.add_user("jan")
    login = harness.enroll("jan")
    assert harness.client.delete("/api/session", headers=login.headers).status_code == 204
    assert harness.client.get("/api/me", headers=login.headers).status_code == 401
    assert harness.client.delete("/api/session", headers=login.headers).status_code == 401


def test_a_session_waiting_for_a_code_expires(harness: Harness) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    login = harness.login("jan")
    harness.clock.advance(minutes=15, seconds=1)
    response = harness.verify(login, harness.code("jan"))
    assert response.status_code == 401
    assert response.json() == {"detail": "not_authenticated"}


def test_a_completed_session_expires_after_eight_hours(harness: Harness) -> None:
    harness.add_user("jan")
    login = harness.enroll("jan")
    harness.clock.advance(hours=7, minutes=59)
    assert harness.client.get("/api/me", headers=login.headers).status_code == 200
    harness.clock.advance(minutes=1)
    assert harness.client.get("/api/me", headers=login.headers).status_code == 401
