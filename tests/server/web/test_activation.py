"""The activation link of the mail (``GET /activate?token=...``): a page to choose a password,
with CSRF like every form, the link good for one use, in Dutch and English."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import httpx

from server_stub.services.context import Actor
from tests.server.harness import Harness
from tests.server.web.webclient import Web, elements

NEW_PASSWORD = "zomer aan zee 2025"


def activation_link(harness: Harness, name: str = "jan") -> str:
    """Reset ``name``'s password; the path and query of the link the mail carries."""
    if harness.existing_user(name) is None:
        harness.add_user(name, email=f"{name}@example.org")
    harness.services.admin.reset_password(name, Actor("test"))
    text = harness.last_mail_text()
    link = next(word for word in text.split() if "/activate?token=" in word)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == harness.settings.public_url
    return f"{parts.path}?{parts.query}"


def choose(web: Web, page_path: str, password: str, repeat: str | None = None) -> httpx.Response:
    page = web.get(page_path)
    token = elements(page).by_id["token"]["value"] or ""
    return web.post(
        "/activate",
        {"token": token, "password": password, "password_repeat": repeat or password},
    )


def test_the_link_of_the_mail_shows_a_form_to_choose_a_password(web: Web) -> None:
    path = activation_link(web.harness)
    page = web.get(path)
    assert page.status_code == 200
    found = elements(page)
    assert "Choose a password" in found.text
    assert "jan" in found.text_of("intro")
    assert found.by_id["token"]["value"] == parse_qs(urlsplit(path).query)["token"][0]
    assert found.by_id["new-password"]["type"] == "password"
    assert found.by_id["new-password"]["autocomplete"] == "new-password"
    assert found.by_id["repeat-password"]["autocomplete"] == "new-password"
    hidden = [a for tag, a in found.tags if tag == "input" and a.get("name") == "csrf_token"]
    assert [a["value"] for a in hidden] == [web.client.cookies["tweestap_csrf"]]
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"  # the token stays on this page


def test_a_password_chosen_on_the_page_logs_in_and_the_link_works_once(web: Web) -> None:
    harness = web.harness
    path = activation_link(harness)
    done = choose(web, path, NEW_PASSWORD)
    assert done.status_code == 200
    assert done.url.path == "/activated"
    assert "Your password has been set" in elements(done).text
    assert harness.login("jan", NEW_PASSWORD).next == "enroll"
    again = web.get(path)
    assert again.status_code == 400
    assert "This link no longer works" in elements(again).text
    assert 'id="new-password"' not in again.text
    hashes = harness.hasher.hash_calls
    reused = choose_with_token(web, path, "een ander wachtwoord")
    assert reused.status_code == 400
    assert harness.hasher.hash_calls == hashes  # a dead link costs no argon2 run
    assert harness.login_response("jan", "een ander wachtwoord").status_code == 401


def choose_with_token(web: Web, path: str, password: str) -> httpx.Response:
    token = parse_qs(urlsplit(path).query)["token"][0]
    return web.post(
        "/activate", {"token": token, "password": password, "password_repeat": password}
    )


def test_a_short_or_unequal_password_is_refused_on_the_same_form(web: Web) -> None:
    path = activation_link(web.harness)
    short = choose(web, path, "kort")
    assert short.status_code == 422
    found = elements(short)
    assert "The password must have at least 8 characters." in found.text
    assert found.by_id["new-password"]["aria-invalid"] == "true"
    assert "token" in found.by_id  # the form is shown again, link and all
    unequal = choose(web, path, NEW_PASSWORD, "zomer aan zee 2024")
    assert unequal.status_code == 422
    assert "The two passwords are not the same." in elements(unequal).text
    assert web.harness.login_response("jan", NEW_PASSWORD).status_code == 401
    assert choose(web, path, NEW_PASSWORD).status_code == 200


def test_an_unknown_missing_or_expired_link_gets_a_clear_page(web: Web) -> None:
    harness = web.harness
    for path in ("/activate", "/activate?token=", "/activate?token=nep", "/activate?token=%00"):
        page = web.get(path)
        assert page.status_code == 400, path
        assert "This link no longer works" in elements(page).text
    path = activation_link(harness)
    harness.clock.advance(hours=72)
    assert web.get(path).status_code == 400


def test_the_form_needs_its_csrf_token(web: Web) -> None:
    path = activation_link(web.harness)
    token = parse_qs(urlsplit(path).query)["token"][0]
    web.get(path)
    body = {"token": token, "password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD}
    refused = web.client.post("/activate", data=body)
    assert refused.status_code == 403
    assert web.harness.login_response("jan", NEW_PASSWORD).status_code == 401
    assert web.get(path).status_code == 200  # the link was not used up


def test_the_page_in_dutch_and_its_language_switch_keeps_the_link(
    make_web: Callable[..., Web],
) -> None:
    dutch = make_web(**{"Accept-Language": "nl-NL,nl;q=0.9"})
    path = activation_link(dutch.harness)
    page = dutch.get(path)
    found = elements(page)
    assert "Wachtwoord kiezen" in found.text
    assert "Kies een wachtwoord voor je account jan." in found.text
    switch = [a["href"] for tag, a in found.tags if tag == "a" and a.get("hreflang") == "en"]
    assert switch == [f"{path}&lang=en"]
    english = dutch.get(switch[0] or "")
    assert "Choose a password" in elements(english).text
    short = choose(dutch, f"{path}&lang=nl", "kort")
    assert "Het wachtwoord moet minstens 8 tekens hebben." in elements(short).text
