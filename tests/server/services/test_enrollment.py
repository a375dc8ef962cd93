"""Pairing: no credential before a valid code, a fresh secret at every login until then,
pending secrets expire, the pairing code is used up, reset 2FA starts over."""

from __future__ import annotations

import base64
from urllib.parse import parse_qs, urlparse

import pyotp

from tests.server.harness import Harness


def test_first_login_shows_a_160_bit_sha1_secret_with_uri_and_qr(harness: Harness) -> None:
    harness.add_user("jan")
    login = harness.login("jan")
    assert login.next == "enroll"
    data = harness.enrollment(login)
    secret = data["secret"]
    assert len(base64.b32decode(secret + "=" * (-len(secret) % 8))) == 20
    uri = urlparse(data["otpauth_uri"])
    assert (uri.scheme, uri.netloc, uri.path) == ("otpauth", "totp", "/Tweestap:jan")
    query = {k: v[0] for k, v in parse_qs(uri.query).items()}
    assert query == {
        "secret": secret,
        "issuer": "Tweestap",
        "algorithm": "SHA1",
        "digits": "6",
        "period": "30",
    }
    assert (
        data["qr_svg"].startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in data["qr_svg"]
    )
    # The same session asks again: the same secret.
    assert harness.enrollment(login)["secret"] == secret


def test_every_login_before_pairing_issues_a_fresh_secret(harness: Harness) -> None:
    harness.add_user("jan")
    first = harness.login("jan")
    first_secret = harness.enrollment(first)["secret"]
    second = harness.login("jan")
    second_secret = harness.enrollment(second)["secret"]
    assert first_secret != second_secret
    # The half-added entry's codes are not valid: only the last secret shown counts.
    stale = harness.verify(second, pyotp.TOTP(first_secret).at(harness.clock.now()))
    assert stale.status_code == 401
    assert stale.json() == {"detail": "invalid_code"}
    assert (
        harness.verify(second, pyotp.TOTP(second_secret).at(harness.clock.now())).status_code == 200
    )


def test_no_credential_exists_until_a_valid_code(harness: Harness) -> None:
    harness.add_user("jan")
    login = harness.login("jan")
    harness.enrollment(login)
    assert harness.services.users.get("jan").enrollment == "pending"
    harness.verify(login, "000000")
    assert harness.services.users.get("jan").enrollment == "pending"
    assert harness.login("jan").next == "enroll"


def test_pending_secret_expires(harness: Harness) -> None:
    harness.add_user("jan")
    login = harness.login("jan")
    secret = harness.enrollment(login)["secret"]
    harness.clock.advance(minutes=15)
    assert harness.services.users.get("jan").enrollment == "not_enrolled"
    response = harness.verify(login, pyotp.TOTP(secret).at(harness.clock.now()))
    assert response.status_code == 401  # the session waiting for the code expired with it
    again = harness.login("jan")
    assert again.next == "enroll"
    assert harness.enrollment(again)["secret"] != secret


def test_pairing_completes_and_the_next_login_asks_only_the_code(harness: Harness) -> None:
    harness.add_user("jan")
    harness.enroll("jan")
    assert harness.services.users.get("jan").enrollment == "active"
    login = harness.login("jan")
    assert login.next == "totp"
    refused = harness.client.get("/api/session/enrollment", headers=login.headers)
    assert refused.status_code == 409
    assert refused.json() == {"detail": "wrong_step"}
    assert harness.verify(login, harness.code("jan")).status_code == 200


def test_the_pairing_code_counts_as_used(harness: Harness) -> None:
    harness.add_user("jan")
    login = harness.login("jan")
    secret = harness.enrollment(login)["secret"]
    code = pyotp.TOTP(secret).at(harness.clock.now())
    assert harness.verify(login, code).status_code == 200
    replay = harness.login("jan")
    response = harness.verify(replay, code)
    assert response.status_code == 409
    assert response.json() == {"detail": "code_already_used"}


def test_reset_2fa_makes_the_next_login_enroll_with_a_new_secret(harness: Harness) -> None:
    admin = harness.admin()
    harness.add_user("jan")
    harness.enroll("jan")
    old_secret = harness.secrets["jan"]
    response = harness.client.post("/api/admin/users/jan/reset-2fa", headers=admin.headers)
    assert response.status_code == 200
    assert response.json()["enrollment"] == "not_enrolled"
    login = harness.login("jan")
    assert login.next == "enroll"
    new_secret = harness.enrollment(login)["secret"]
    assert new_secret != old_secret
    stale = harness.verify(login, pyotp.TOTP(old_secret).at(harness.clock.now()))
    assert stale.status_code == 401


def test_enrollment_needs_a_token(harness: Harness) -> None:
    assert harness.client.get("/api/session/enrollment").status_code == 401
