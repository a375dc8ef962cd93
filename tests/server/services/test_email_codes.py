"""E-mail codes for extranet users: 8 digits, 10 minutes, single use, resend limits, outbox."""

from __future__ import annotations

import re

import pytest

from tests.server.harness import Harness, Login
from tests.server.services.test_policy import policy_with
from tests.server.services.test_verification import verify_at_once


@pytest.fixture
def extranet(harness: Harness) -> Harness:
    admin = harness.admin()
    body = policy_with(extranet={"enabled": True, "method": "email", "user_adjustable": False})
    assert (
        harness.client.put("/api/admin/policy", headers=admin.headers, json=body).status_code == 200
    )
    harness.add_user("extern", kind="extranet", email="extern@example.org")
    return harness


def send(harness: Harness, login: Login) -> str:
    response = harness.client.post("/api/session/email-code", headers=login.headers)
    assert response.status_code == 202, response.text
    assert response.json()["sent_to"] == "e***@example.org"
    message = harness.outbox()[-1]
    assert message["To"] == "extern@example.org"
    match = re.search(r"\b(\d{8})\b", harness.last_mail_text())
    assert match is not None
    return match.group(1)


def test_email_login_flow_through_the_outbox(extranet: Harness) -> None:
    login = extranet.login("extern")
    assert login.next == "email"
    code = send(extranet, login)
    assert len(list(extranet.settings.outbox_dir.glob("*.eml"))) == 1
    response = extranet.verify(login, code)
    assert response.status_code == 200
    assert extranet.client.get("/api/me", headers=login.headers).json()["method"] == "email"


def test_an_email_code_works_once(extranet: Harness) -> None:
    login = extranet.login("extern")
    code = send(extranet, login)
    assert extranet.verify(login, code).status_code == 200
    again = extranet.login("extern")
    used = extranet.verify(again, code)
    assert used.status_code == 409
    assert used.json() == {"detail": "code_already_used"}
    assert extranet.services.users.get("extern").failed_codes == 0


def test_an_email_code_retired_by_a_newer_one_is_a_wrong_code(extranet: Harness) -> None:
    login = extranet.login("extern")
    old = send(extranet, login)
    extranet.clock.advance(31)
    new = send(extranet, login)
    assert old != new
    assert extranet.verify(login, old).status_code == 401
    assert extranet.services.users.get("extern").failed_codes == 1
    assert extranet.verify(login, new).status_code == 200


def test_one_email_code_sent_at_once_from_three_sessions_logs_in_one(extranet: Harness) -> None:
    first = extranet.login("extern")
    code = send(extranet, first)
    tokens = [first.token, *(extranet.login("extern").token for _ in range(2))]
    statuses = verify_at_once(extranet.url, tokens, code)
    assert sorted(statuses) == [200, 409, 409]
    assert extranet.services.users.get("extern").failed_codes == 0


def test_an_email_code_expires_after_ten_minutes(extranet: Harness) -> None:
    login = extranet.login("extern")
    code = send(extranet, login)
    extranet.clock.advance(minutes=10)
    assert extranet.verify(login, code).status_code == 401


def test_resend_limits(extranet: Harness) -> None:
    login = extranet.login("extern")
    first = send(extranet, login)
    too_soon = extranet.client.post("/api/session/email-code", headers=login.headers)
    assert too_soon.status_code == 429
    assert too_soon.json() == {"detail": "resend_limited"}
    assert int(too_soon.headers["Retry-After"]) == 30
    extranet.clock.advance(30)
    second = send(extranet, login)
    if second != first:
        assert extranet.verify(login, first).status_code == 401  # a new code retires the old
    for _ in range(3):
        extranet.clock.advance(30)
        send(extranet, login)
    extranet.clock.advance(30)
    sixth = extranet.client.post("/api/session/email-code", headers=login.headers)
    assert sixth.status_code == 429
    assert int(sixth.headers["Retry-After"]) == 3600 - 5 * 30
    assert len(extranet.outbox()) == 5


def test_wrong_email_codes_are_throttled_like_app_codes(extranet: Harness) -> None:
    login = extranet.login("extern")
    code = send(extranet, login)
    for _ in range(5):
        assert extranet.verify(login, "00000000" if code != "00000000" else "1").status_code == 401
    assert extranet.verify(login, code).status_code == 429
    extranet.clock.advance(30)
    assert extranet.verify(login, code).status_code == 200


def test_no_email_address_no_code(extranet: Harness) -> None:
    extranet.add_user("zonder", kind="extranet")
    login = extranet.login("zonder")
    response = extranet.client.post("/api/session/email-code", headers=login.headers)
    assert response.status_code == 409
    assert response.json() == {"detail": "no_email_address"}


def test_email_codes_only_at_the_email_step(extranet: Harness) -> None:
    extranet.add_user("jan")
    login = extranet.login("jan")
    response = extranet.client.post("/api/session/email-code", headers=login.headers)
    assert response.status_code == 409
    assert response.json() == {"detail": "wrong_step"}
    assert extranet.client.post("/api/session/email-code").status_code == 401


def test_mail_validity_days(extranet: Harness) -> None:
    admin = extranet.admin()
    body = policy_with(
        extranet={"enabled": True, "method": "email", "user_adjustable": False},
        mail_validity_days=2,
    )
    extranet.client.put("/api/admin/policy", headers=admin.headers, json=body)
    login = extranet.login("extern")
    response = extranet.verify(login, send(extranet, login))
    device = response.json()["device_token"]
    extranet.clock.advance(days=1, hours=23)
    assert extranet.login("extern", device_token=device).next == "done"
    extranet.clock.advance(hours=1)
    assert extranet.login("extern", device_token=device).next == "email"
