"""The server's log as JSON lines, with no secret in it, and the access log as configured: a
real ``tweestap-server serve`` process through a whole working day of requests (a pairing, an
administrator's session, a new account's activation link, an extranet user's e-mail code,
the login page with its cookies, wrong passwords and codes), then every secret those requests
carried looked for in everything the process printed."""

from __future__ import annotations

import base64
import email
import json
import re
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest

from tests.server.harness import PASSWORD
from tests.server.ops.org import Org, verify
from tests.server.served import Served

ADMIN_PASSWORD = PASSWORD
NEW_PASSWORD = "nieuw wachtwoord 42"
EXTRANET_PASSWORD = "extranet wachtwoord 7"
WEB_PASSWORD = "via de webpagina 9"


class Secrets:
    """Everything secret the test sent or was given, to look for in the log afterwards."""

    def __init__(self) -> None:
        self.found: dict[str, str] = {}

    def add(self, what: str, value: str | None) -> str:
        assert value, what
        self.found[f"{what} #{len(self.found)}"] = value
        return value

    def add_json(self, what: str, answer: httpx.Response, *keys: str) -> dict[str, Any]:
        data: dict[str, Any] = answer.json()
        for key in keys:
            self.add(f"{what}.{key}", data[key])
        return data

    def cookies(self, client: httpx.Client) -> None:
        for name, value in client.cookies.items():
            if name != "tweestap_lang":
                self.add(f"cookie {name}", value)


def mails(home: Path) -> list[EmailMessage]:
    found = []
    for path in sorted((home / "outbox").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=default_policy)
        assert isinstance(message, EmailMessage)
        found.append(message)
    return found


def mail_text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert isinstance(text, str)
    return text


def csrf_of(page: httpx.Response) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, page.text
    return match.group(1)


def a_working_day(served: Served, org: Org, secrets: Secrets) -> None:
    url = served.url
    api = httpx.Client(base_url=url, timeout=30)

    def bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}

    # A wrong password and an unknown name first (people type passwords into the name field).
    secrets.add("wrong password", "bijna goed geraden")
    assert (
        api.post(
            "/api/session", json={"username": "beheerder", "password": "bijna goed geraden"}
        ).status_code
        == 401
    )
    secrets.add("a password typed as a name", "Zomer2024!wachtwoord")
    assert (
        api.post(
            "/api/session", json={"username": "Zomer2024!wachtwoord", "password": "x"}
        ).status_code
        == 401
    )

    # The administrator pairs the app (password, QR code, first code).
    secrets.add("admin password", ADMIN_PASSWORD)
    login = secrets.add_json(
        "login",
        api.post("/api/session", json={"username": "beheerder", "password": ADMIN_PASSWORD}),
        "token",
    )
    assert login["next"] == "enroll"
    pairing = secrets.add_json(
        "enrollment",
        api.get("/api/session/enrollment", headers=bearer(login["token"])),
        "secret",
        "otpauth_uri",
    )
    secrets.add("setup key in groups", " ".join(re.findall(".{1,4}", pairing["secret"])))
    secrets.add("setup key, lower case", pairing["secret"].lower())
    totp = pyotp.TOTP(pairing["secret"])
    assert (
        verify(url, login["token"], "123456" if totp.now() != "123456" else "654321").status_code
        == 401
    )
    code = secrets.add("pairing code", totp.now())
    done = verify(url, login["token"], code)
    assert done.status_code == 200, done.text
    secrets.add_json("verified", done, "device_token")
    admin = bearer(login["token"])

    # An administrator's session: a policy change, a new account, a reset password.
    policy = api.get("/api/admin/policy", headers=admin).json()
    policy["extranet"] = {"enabled": True, "method": "email", "user_adjustable": False}
    assert api.put("/api/admin/policy", headers=admin, json=policy).status_code == 200
    secrets.add("new account's password", "eerste wachtwoord 1")
    created = api.post(
        "/api/admin/users",
        headers=admin,
        json={"name": "femke", "password": "eerste wachtwoord 1", "email": "femke@example.org"},
    )
    assert created.status_code == 201, created.text
    secrets.add("extranet password", EXTRANET_PASSWORD)
    created = api.post(
        "/api/admin/users",
        headers=admin,
        json={
            "name": "klant",
            "password": EXTRANET_PASSWORD,
            "email": "klant@example.org",
            "kind": "extranet",
        },
    )
    assert created.status_code == 201, created.text
    assert api.post("/api/admin/users/femke/reset-password", headers=admin).status_code == 200
    assert api.get("/api/admin/audit", headers=admin).status_code == 200
    assert api.get("/api/admin/overview", headers=admin).status_code == 200

    # Femke follows the link of her mail: the page, then the form.
    link = re.search(r"https?://\S+/activate\?token=(\S+)", mail_text(mails(org.home)[-1]))
    assert link, mail_text(mails(org.home)[-1])
    token = secrets.add("activation token", link.group(1))
    with httpx.Client(base_url=url, timeout=30) as browser:
        page = browser.get(f"/activate?token={token}")
        assert page.status_code == 200
        secrets.add("csrf token", csrf_of(page))
        secrets.add("new password", NEW_PASSWORD)
        form = {
            "csrf_token": csrf_of(page),
            "token": token,
            "password": NEW_PASSWORD,
            "password_repeat": NEW_PASSWORD,
        }
        answer = browser.post("/activate", data=form)
        assert answer.status_code in (200, 303), answer.text
        secrets.cookies(browser)

    # The extranet user's e-mail code.
    ext = secrets.add_json(
        "extranet login",
        api.post("/api/session", json={"username": "klant", "password": EXTRANET_PASSWORD}),
        "token",
    )
    assert ext["next"] == "email"
    assert api.post("/api/session/email-code", headers=bearer(ext["token"])).status_code == 202
    subject = str(mails(org.home)[-1]["Subject"])
    mailed = secrets.add("e-mail code", subject.rsplit(" ", 1)[-1])
    assert (
        verify(url, ext["token"], "00000000" if mailed != "00000000" else "11111111").status_code
        == 401
    )
    done = verify(url, ext["token"], mailed)
    assert done.status_code == 200, done.text
    secrets.add_json("extranet verified", done, "device_token")
    assert api.get("/api/me", headers=bearer(ext["token"])).status_code == 200
    assert api.delete("/api/session", headers=bearer(ext["token"])).status_code == 204

    # Jan logs in on the login page: the CSRF token, the session and device cookies.
    with httpx.Client(base_url=url, timeout=30, follow_redirects=True) as browser:
        page = browser.get("/")
        secrets.add("csrf token", csrf_of(page))
        secrets.add("web password", PASSWORD)
        answer = browser.post(
            "/login", data={"csrf_token": csrf_of(page), "username": "jan", "password": PASSWORD}
        )
        assert answer.status_code == 200 and 'id="code"' in answer.text, answer.text
        web_code = org.next_code("jan")
        assert web_code is not None
        secrets.add("web code", web_code)
        answer = browser.post("/verify", data={"csrf_token": csrf_of(answer), "code": web_code})
        assert answer.status_code == 200 and 'id="done"' in answer.text, answer.text
        secrets.cookies(browser)
        assert browser.post("/logout", data={"csrf_token": csrf_of(answer)}).status_code == 200
    api.close()


def with_the_key_file(org: Org, secrets: Secrets) -> None:
    key = (org.home / "secret.key").read_bytes()
    secrets.add("key file, hex", key.hex())
    secrets.add("key file, base64", base64.b64encode(key).decode())


def test_a_day_of_requests_leaves_only_json_lines_and_no_secret_in_the_log(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    org = Org(tmp_path / "server-home")
    org.add("beheerder", paired=False, admin=True, modules=["p&o"], email="b@example.org")
    org.add("jan")
    secrets = Secrets()
    served = serve(org.home, "--log-format", "json")
    a_working_day(served, org, secrets)
    with_the_key_file(org, secrets)
    served.stop()
    log = served.output()

    lines = log.splitlines()
    entries = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"time", "level", "logger", "message"} <= entry.keys() for entry in entries)
    access = [entry for entry in entries if entry["logger"] == "tweestap.access"]
    assert len(access) >= 25
    assert {"method", "path", "status", "duration_ms", "client", "bytes"} <= access[0].keys()
    paths = {(entry["method"], entry["path"], entry["status"]) for entry in access}
    assert ("POST", "/api/session/verify", 200) in paths
    assert ("GET", "/activate", 200) in paths  # the path, never the query with the token
    assert ("POST", "/api/admin/users", 201) in paths
    assert any(entry["message"].startswith("Tweestap server on") for entry in entries)

    assert len(secrets.found) >= 25
    for what, value in secrets.found.items():
        if value.isdigit():  # a code: a whole number, not the digits of a time or a duration
            assert not re.search(rf"(?<![\d.]){value}(?![\d.])", log), what
        else:
            assert value not in log, what
    assert "$argon2" not in log  # no password hash either


def test_text_lines_by_default_and_the_access_log_can_be_switched_off(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    org = Org(tmp_path / "server-home")
    org.add("jan")
    served = serve(org.home)
    assert httpx.get(f"{served.url}/api/health").status_code == 200
    served.stop()
    text = served.output()
    assert re.search(
        r' INFO tweestap\.access: 127\.0\.0\.1 "GET /api/health" 200 [\d.]+ms', text
    ), text
    assert not text.lstrip().startswith("{")

    quiet = serve(org.home, "--no-access-log", "--log-format", "json")
    assert httpx.get(f"{quiet.url}/api/health").status_code == 200
    quiet.stop()
    entries = [json.loads(line) for line in quiet.output().splitlines()]
    assert entries and not [e for e in entries if e["logger"] == "tweestap.access"]


def test_the_environment_sets_the_log_format_and_the_access_log(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    org = Org(tmp_path / "server-home")
    served = serve(org.home, TWEESTAP_SERVER_LOG_FORMAT="json", TWEESTAP_SERVER_ACCESS_LOG="off")
    assert httpx.get(f"{served.url}/api/health").status_code == 200
    served.stop()
    entries = [json.loads(line) for line in served.output().splitlines()]
    assert entries and all(e["logger"] != "tweestap.access" for e in entries)


def test_a_path_with_a_line_break_stays_one_access_line(
    serve: Callable[..., Served], tmp_path: Path
) -> None:
    served = serve(tmp_path / "server-home")
    assert httpx.get(f"{served.url}/x%0aFAKE%20INFO%20line").status_code == 404
    served.stop()
    assert "\nFAKE INFO line" not in served.output()
    assert "/x\\nFAKE INFO line" in served.output()


@pytest.mark.parametrize("value", ["yaml"])
def test_an_unknown_log_format_is_refused(tmp_path: Path, value: str) -> None:
    from tests.server.served import run_cli

    done = run_cli(tmp_path / "home", "serve", env={"TWEESTAP_SERVER_LOG_FORMAT": value})
    assert done.returncode == 1
    assert "log_format must be one of text, json" in done.stderr
