"""Trusted devices ("geldigheid authenticator"): N hours from the policy at check time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.server.harness import Harness


@pytest.fixture
def paired(harness: Harness) -> Harness:
    harness.add_user("jan")
    harness.enroll("jan")
    harness.clock.advance(minutes=5)
    return harness


def set_policy(harness: Harness, admin_headers: dict[str, str], **changes: Any) -> None:
    policy = harness.client.get("/api/admin/policy", headers=admin_headers).json()
    policy.update(changes)
    response = harness.client.put("/api/admin/policy", headers=admin_headers, json=policy)
    assert response.status_code == 200, response.text


def trusted_login(harness: Harness) -> str:
    login = harness.login("jan")
    response = harness.verify(login, harness.code("jan"))
    assert response.status_code == 200
    harness.clock.advance(30)
    token: str = response.json()["device_token"]
    return token


def test_device_token_skips_the_code_for_n_hours(paired: Harness) -> None:
    login = paired.login("jan")
    response = paired.verify(login, paired.code("jan"))
    verified_at = paired.clock.now()
    assert response.status_code == 200
    body = response.json()
    assert body["trusted_until"] == (verified_at + timedelta(hours=5)).isoformat().replace(
        "+00:00", "Z"
    )
    token = body["device_token"]
    paired.clock.set(verified_at + timedelta(hours=5) - timedelta(seconds=1))
    assert paired.login("jan", device_token=token).next == "done"
    paired.clock.set(verified_at + timedelta(hours=5))
    assert paired.login("jan", device_token=token).next == "totp"


def test_lowering_the_validity_applies_at_once(paired: Harness) -> None:
    admin = paired.admin()
    token = trusted_login(paired)
    paired.clock.advance(hours=2)
    assert paired.login("jan", device_token=token).next == "done"
    set_policy(paired, admin.headers, authenticator_validity_hours=1)
    assert paired.login("jan", device_token=token).next == "totp"
    set_policy(paired, admin.headers, authenticator_validity_hours=3)
    assert paired.login("jan", device_token=token).next == "done"


def test_zero_hours_means_a_code_at_every_login(paired: Harness) -> None:
    admin = paired.admin()
    set_policy(paired, admin.headers, authenticator_validity_hours=0)
    token = trusted_login(paired)
    assert paired.login("jan", device_token=token).next == "totp"


def test_a_device_token_belongs_to_one_user(paired: Harness) -> None:
    paired.add_user("piet")
    paired.enroll("piet")
    token = trusted_login(paired)
    assert paired.login("piet", device_token=token).next == "totp"
    assert paired.login("jan", device_token="made-up").next == "totp"


@pytest.mark.parametrize(
    ("path", "body", "expected_next"),
    [
        ("reset-2fa", None, "enroll"),
        ("reset-password", None, None),
        ("block", None, None),
        ("", {"ip_allowlist": "127.0.0.1"}, "totp"),
    ],
)
def test_access_changes_revoke_devices(
    paired: Harness, path: str, body: dict[str, str] | None, expected_next: str | None
) -> None:
    admin = paired.admin()
    paired.client.patch("/api/admin/users/jan", headers=admin.headers, json={"email": "j@x.nl"})
    token = trusted_login(paired)
    assert paired.login("jan", device_token=token).next == "done"
    if path:
        response = paired.client.post(f"/api/admin/users/jan/{path}", headers=admin.headers)
    else:
        response = paired.client.patch("/api/admin/users/jan", headers=admin.headers, json=body)
    assert response.status_code == 200, response.text
    if path == "block":
        paired.client.post("/api/admin/users/jan/unblock", headers=admin.headers)
    if path == "reset-password":
        link_token = paired.last_mail_text().split("Token: ")[1].split()[0]
        activated = paired.client.post(
            "/api/activate", json={"token": link_token, "password": "a new password"}
        )
        assert activated.status_code == 204
        assert paired.login("jan", "a new password", device_token=token).next == "totp"
        return
    assert paired.login("jan", device_token=token).next == (expected_next or "totp")
