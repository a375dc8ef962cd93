"""The login page's protections: CSRF, cookie flags, security headers, no outside assets."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest

from server_stub.http.headers import CONTENT_SECURITY_POLICY
from tests.server.harness import PASSWORD, Harness
from tests.server.web.flows import enroll_page, set_policy, totp_now
from tests.server.web.webclient import Web, elements

LOGIN = {"username": "jan", "password": PASSWORD}


def cookie_line(response: httpx.Response, name: str) -> str:
    lines = [c for c in response.headers.get_list("set-cookie") if c.startswith(f"{name}=")]
    assert len(lines) == 1, response.headers.get_list("set-cookie")
    return lines[0]


def attributes(line: str) -> set[str]:
    return {part.strip().lower() for part in line.split(";")[1:]}


def assert_refused(response: httpx.Response) -> None:
    assert response.status_code == 403
    found = elements(response)
    assert "This page has expired" in found.text
    assert "The form could not be sent safely." in found.text
    assert "tweestap_session" not in response.headers.get("set-cookie", "")


@pytest.mark.parametrize(
    "token",
    [None, "", "x" * 43, "short", "é" * 43],
    ids=["missing", "empty", "wrong", "too-short", "not-ascii"],
)
def test_a_post_with_a_missing_or_wrong_csrf_token_gets_the_403_page(
    web: Web, token: str | None
) -> None:
    web.harness.add_user("jan")
    web.get("/")
    body = dict(LOGIN) if token is None else {**LOGIN, "csrf_token": token}
    refused = web.client.post("/login", data=body)
    assert_refused(refused)
    assert web.harness.hasher.verify_calls == 0  # refused before the password was looked at


def test_a_post_without_the_csrf_cookie_is_refused_even_with_a_plausible_token(
    web: Web,
) -> None:
    web.harness.add_user("jan")
    token = web.csrf
    web.client.cookies.clear()
    assert_refused(web.client.post("/login", data={**LOGIN, "csrf_token": token}))


def test_a_cross_site_post_is_refused_even_with_the_right_token(web: Web) -> None:
    web.harness.add_user("jan")
    for site in ("cross-site", "same-site", "Cross-Site"):
        assert_refused(web.login("jan", headers={"Sec-Fetch-Site": site}))
    assert web.login("jan", headers={"Sec-Fetch-Site": "same-origin"}).url.path == "/enroll"


def test_a_json_body_cannot_stand_in_for_the_form(web: Web) -> None:
    web.harness.add_user("jan")
    web.get("/")
    assert_refused(web.client.post("/login", json={**LOGIN, "csrf_token": web.csrf}))


@pytest.mark.parametrize("path", ["/login", "/verify", "/email/send", "/logout"])
def test_every_post_route_checks_the_csrf_token(web: Web, path: str) -> None:
    web.get("/")
    assert_refused(web.client.post(path, data={"csrf_token": "f" * 43}))


def test_login_and_logout_replace_the_csrf_token(web: Web) -> None:
    web.harness.add_user("jan")
    first = web.csrf
    logged_in = web.login("jan", follow_redirects=False)
    second = cookie_line(logged_in, "tweestap_csrf").split(";")[0].split("=", 1)[1]
    assert second != first
    # The token from before the login no longer matches the new cookie.
    assert_refused(web.client.post("/logout", data={"csrf_token": first}))
    logged_out = web.post("/logout", follow_redirects=False)
    third = cookie_line(logged_out, "tweestap_csrf").split(";")[0].split("=", 1)[1]
    assert third not in {first, second}


def test_cookies_are_httponly_and_samesite_strict_and_not_secure_over_plain_http(
    web: Web,
) -> None:
    harness = web.harness
    harness.add_user("jan")
    first = web.get("/?lang=en")
    login = web.login("jan", follow_redirects=False)
    secret = elements(web.get("/enroll")).text_of("setup-key").replace(" ", "")
    verified = web.code(totp_now(harness, secret), follow_redirects=False)
    lines = {
        "tweestap_csrf": cookie_line(first, "tweestap_csrf"),
        "tweestap_lang": cookie_line(first, "tweestap_lang"),
        "tweestap_session": cookie_line(login, "tweestap_session"),
        "tweestap_device": cookie_line(verified, "tweestap_device"),
    }
    for name, line in lines.items():
        flags = attributes(line)
        assert {"httponly", "samesite=strict", "path=/"} <= flags, name
        assert "secure" not in flags, name
        assert not any(f.startswith("domain=") or f.startswith("expires=") for f in flags), name
    assert not any(f.startswith("max-age") for f in attributes(lines["tweestap_session"]))


def test_cookies_are_secure_with_the_host_prefix_behind_https(
    make_harness: Callable[..., Harness],
) -> None:
    harness = make_harness(public_url="https://login.example.org")
    harness.add_user("jan")
    with httpx.Client(base_url=harness.url, timeout=30) as client:
        first = client.get("/")
        csrf = cookie_line(first, "__Host-tweestap_csrf")
        assert {"secure", "httponly", "samesite=strict", "path=/"} <= attributes(csrf)
        token = csrf.split(";")[0].split("=", 1)[1]
        login = client.post(
            "/login",
            data={**LOGIN, "csrf_token": token},
            headers={"Cookie": f"__Host-tweestap_csrf={token}"},
        )
        assert login.status_code == 303
        assert login.headers["location"] == "/enroll"
        session = cookie_line(login, "__Host-tweestap_session")
        assert {"secure", "httponly", "samesite=strict", "path=/"} <= attributes(session)
        assert not [c for c in login.headers.get_list("set-cookie") if c.startswith("tweestap_")]


def test_pages_carry_the_security_headers_and_are_never_cached(web: Web) -> None:
    _page, _secret = enroll_page(web)
    for response in (web.get("/enroll"), web.client.post("/login", data={})):
        headers = response.headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
    policy = dict(
        part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";") if part.strip()
    )
    assert policy["default-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert policy["script-src"] == policy["style-src"] == "'self'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert not re.search(r"https?:|\*", CONTENT_SECURITY_POLICY)


def test_the_json_api_has_no_page_headers_but_is_never_cached(harness: Harness) -> None:
    health = harness.client.get("/api/health")
    assert "content-security-policy" not in health.headers
    assert health.headers["cache-control"] == "no-store"
    assert health.headers["x-content-type-options"] == "nosniff"


def test_the_enrollment_json_with_the_totp_secret_is_never_cached(harness: Harness) -> None:
    harness.add_user("jan")
    login = harness.login("jan")
    answer = harness.client.get("/api/session/enrollment", headers=login.headers)
    assert answer.status_code == 200 and "secret" in answer.json()
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["pragma"] == "no-cache"  # HTTP/1.0 caches in between


def test_strict_transport_security_on_every_answer_under_an_https_public_url(
    make_harness: Callable[..., Harness],
) -> None:
    harness = make_harness(public_url="https://login.example.org")
    harness.add_user("jan")
    login = harness.login("jan")
    answers = [
        harness.client.get("/"),
        harness.client.get("/assets/web.css"),
        harness.client.get("/api/health"),
        harness.client.get("/api/session/enrollment", headers=login.headers),
        harness.client.post("/api/session", json={"username": "x", "password": "y"}),
        harness.client.get("/no-such-page"),
    ]
    for answer in answers:
        assert answer.headers["strict-transport-security"] == "max-age=63072000", answer.url


def test_no_strict_transport_security_over_plain_http(harness: Harness) -> None:
    """A browser ignores it over http anyway; sending it would claim a TLS that is not there."""
    for path in ("/", "/api/health"):
        assert "strict-transport-security" not in harness.client.get(path).headers


def test_no_page_loads_anything_from_outside_the_server(web: Web) -> None:
    harness = web.harness
    set_policy(harness, extranet={"enabled": True, "method": "email", "user_adjustable": False})
    harness.add_user("extern", kind="extranet", email="extern@example.org")
    pages = [web.get("/"), web.client.post("/login", data={})]
    pages.append(enroll_page(web)[0])
    web.post("/logout")
    pages.append(web.login("extern"))
    pages.append(web.post("/email/send"))
    for page in pages:
        found = elements(page)
        for tag, attrs in found.tags:
            for name in ("src", "href", "action"):
                value = attrs.get(name)
                if value is None:
                    continue
                if tag == "a" and attrs.get("id") == "pair-here":
                    # A link out, only followed when clicked: to the authenticator app.
                    assert value.startswith("otpauth://totp/"), value
                    continue
                assert value.startswith(("/", "data:")) and not value.startswith("//"), (
                    page.url,
                    tag,
                    value,
                )
        assert "<style" not in page.text and " style=" not in page.text
        assert re.search(r"<script(?![^>]*\bsrc=)", page.text) is None  # no inline scripts


def test_a_typed_username_is_shown_back_escaped(web: Web) -> None:
    typed = '<img src=x onerror="alert(1)">&'
    page = web.login(typed, "whatever")
    assert page.status_code == 401
    assert typed not in page.text
    assert elements(page).by_id["username"]["value"] == typed  # the parser unescapes it


def test_the_403_page_speaks_the_browsers_language(make_web: Callable[..., Web]) -> None:
    web = make_web(**{"Accept-Language": "nl-NL"})
    refused = web.client.post("/login", data={"csrf_token": "x" * 43})  # no cookie yet
    assert refused.status_code == 403
    found = elements(refused)
    assert "Deze pagina is verlopen" in found.text
    assert "Naar de inlogpagina" in found.text
    # ...and hands out a token, so trying again from the login page works.
    assert cookie_line(refused, "tweestap_csrf")
