"""The login page over HTTP: every page and its ids, the flow, the messages, the languages."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import pytest

from server_stub.security import totp
from server_stub.services.context import Actor
from server_stub.services.enrollment import qr_svg
from tests.server.harness import PASSWORD, Harness
from tests.server.web.flows import enroll_page, enrolled, set_policy, totp_now, wrong_code
from tests.server.web.webclient import Web, elements


def test_login_page_has_username_password_and_a_hidden_csrf_token(web: Web) -> None:
    page = web.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    found = elements(page)
    assert found.by_id["username"]["autocomplete"] == "username"
    assert found.by_id["password"]["type"] == "password"
    assert found.by_id["password"]["autocomplete"] == "current-password"
    hidden = [a for tag, a in found.tags if tag == "input" and a.get("name") == "csrf_token"]
    assert [a["value"] for a in hidden] == [web.client.cookies["tweestap_csrf"]]
    assert found.with_role("alert") == []
    assert "Log in" in found.text


def test_enroll_page_shows_the_qr_the_grouped_setup_key_and_the_code_field(web: Web) -> None:
    page, secret = enroll_page(web)
    found = elements(page)
    qr = found.by_id["qr"]
    assert found.tag_of("qr") == "img"
    assert qr["alt"] == "QR code to add your account to an authenticator app"
    assert (qr["src"] or "").startswith("data:image/svg+xml;base64,")
    key_text = found.text_of("setup-key")
    assert re.fullmatch(r"([A-Z2-7]{4} )*[A-Z2-7]{1,4}", key_text), key_text
    assert len(secret) == 32
    copy = found.by_id["copy-key"]
    assert copy["data-copy"] == "setup-key"
    assert "hidden" in copy  # shown by the script; without it the key is selected by hand
    code = found.by_id["code"]
    assert (code["inputmode"], code["autocomplete"]) == ("numeric", "one-time-code")
    assert "authenticator app" in found.text and "Tweestap" in found.text
    assert page.headers["cache-control"] == "no-store"


def test_the_qr_image_is_the_otpauth_uri_of_the_setup_key(web: Web) -> None:
    page, secret = enroll_page(web)
    src = elements(page).by_id["qr"]["src"] or ""
    svg = base64.b64decode(src.removeprefix("data:image/svg+xml;base64,")).decode()
    uri = totp.otpauth_uri(base64.b32decode(secret), account="jan", issuer="Tweestap")
    assert svg == qr_svg(uri)


def test_a_wrong_pairing_code_says_incorrect_code_and_keeps_the_same_qr(web: Web) -> None:
    page, secret = enroll_page(web)
    right = totp_now(web.harness, secret)
    wrong = web.code(wrong_code(web.harness, secret))
    assert wrong.status_code == 401
    assert wrong.url.path == "/verify"
    found = elements(wrong)
    [alert] = found.with_role("alert")
    assert found.text_of(alert["id"] or "").startswith("Incorrect code.")
    assert found.by_id["code"]["aria-invalid"] == "true"
    assert found.text_of("setup-key").replace(" ", "") == secret
    assert elements(web.get("/enroll")).by_id["qr"]["src"] == elements(page).by_id["qr"]["src"]
    assert web.code(right).url.path == "/done"


def test_the_right_code_logs_in_and_the_next_login_asks_only_the_code(web: Web) -> None:
    set_policy(web.harness, authenticator_validity_hours=0)
    secret = enrolled(web)
    again = web.login("jan")
    assert again.url.path == "/code"
    found = elements(again)
    assert "code" in found.by_id and "qr" not in found.by_id and "setup-key" not in found.by_id
    assert found.by_id["code"]["autocomplete"] == "one-time-code"
    done = web.code(totp_now(web.harness, secret))
    assert done.url.path == "/done"
    assert elements(done).text_of("done") == "You are logged in"
    assert "You are logged in as jan." in elements(done).text
    assert "logout" in elements(done).by_id


def test_a_code_with_spaces_is_accepted(web: Web) -> None:
    secret = enrolled(web)
    code = totp_now(web.harness, secret)
    web.login("jan")
    assert web.code(f" {code[:3]} {code[3:]} ").url.path == "/done"


def test_an_empty_or_overlong_code_is_refused_without_counting_as_a_wrong_code(
    web: Web,
) -> None:
    enroll_page(web)
    for code in ("   ", "1" * 33):
        answer = web.code(code)
        assert answer.status_code == 422
        assert elements(answer).with_role("alert")
    assert web.harness.services.users.get("jan").failed_codes == 0


def test_throttled_codes_show_the_wait_and_a_retry_after(web: Web) -> None:
    secret = enrolled(web)
    web.login("jan")
    wrong = wrong_code(web.harness, secret)
    for _ in range(5):
        assert web.code(wrong).status_code == 401
    waiting = web.code(wrong)
    assert waiting.status_code == 429
    assert waiting.headers["retry-after"] == "30"
    assert "Too many incorrect codes. Try again in 30 seconds." in elements(waiting).text
    web.harness.clock.advance(20)
    right = web.code(totp_now(web.harness, secret))
    assert right.status_code == 429
    assert "Try again in 10 seconds." in elements(right).text


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "This code has already been used. Wait for the next code"),
        ("nl", "Deze code is al gebruikt. Wacht op de volgende code"),
    ],
)
def test_a_code_already_used_elsewhere_says_so_and_is_not_counted(
    make_web: Callable[..., Web], language: str, sentence: str
) -> None:
    web = make_web(**{"Accept-Language": language})
    secret = enrolled(web)
    code = totp_now(web.harness, secret)
    elsewhere = web.harness.login("jan")  # the same person in another browser, a moment earlier
    assert web.harness.verify(elsewhere, code).status_code == 200
    assert web.login("jan").url.path == "/code"
    used = web.code(code)
    assert used.status_code == 409
    found = elements(used)
    [alert] = found.with_role("alert")
    assert found.text_of(alert["id"] or "").startswith(sentence)
    assert web.harness.services.users.get("jan").failed_codes == 0
    web.harness.clock.advance(30)
    assert web.code(totp_now(web.harness, secret)).url.path == "/done"


def test_unknown_user_and_wrong_password_get_the_same_message(web: Web) -> None:
    web.harness.add_user("jan")
    unknown = web.login("nobody", PASSWORD)
    wrong = web.login("jan", "not the password")
    assert unknown.status_code == wrong.status_code == 401
    texts = [elements(r).text.replace(n, "") for r, n in ((unknown, "nobody"), (wrong, "jan"))]
    assert texts[0] == texts[1]
    assert "Incorrect username or password." in texts[0]
    assert elements(wrong).by_id["username"]["value"] == "jan"
    assert "tweestap_session" not in web.client.cookies


def test_blocked_and_outside_the_allow_list_are_told_after_a_correct_password(
    web: Web,
) -> None:
    harness = web.harness
    harness.add_user("jan")
    harness.add_user("piet", ip_allowlist="10.1.2.3")
    harness.services.admin.block("jan", Actor("test"))
    assert "Incorrect username or password." in elements(web.login("jan", "nope")).text
    blocked = web.login("jan")
    assert blocked.status_code == 403
    assert "Your account is blocked." in elements(blocked).text
    outside = web.login("piet")
    assert outside.status_code == 403
    assert "Your account may not log in from this IP address." in elements(outside).text


def test_a_trusted_device_cookie_skips_the_code_until_the_validity_runs_out(web: Web) -> None:
    harness = web.harness
    _page, secret = enroll_page(web)
    verified = web.code(totp_now(harness, secret), follow_redirects=False)
    cookie = next(
        c for c in verified.headers.get_list("set-cookie") if c.startswith("tweestap_device=")
    )
    assert "Max-Age=18000" in cookie  # the policy's 5 hours
    web.post("/logout")
    harness.clock.advance(-1, hours=5)
    assert web.login("jan").url.path == "/done"
    web.post("/logout")
    harness.clock.advance(1)
    assert web.login("jan").url.path == "/code"


def test_zero_validity_hours_sets_no_device_cookie(web: Web) -> None:
    set_policy(web.harness, authenticator_validity_hours=0)
    _page, secret = enroll_page(web)
    verified = web.code(totp_now(web.harness, secret), follow_redirects=False)
    assert verified.status_code == 303
    assert not any(
        c.startswith("tweestap_device=") and "Max-Age=0" not in c
        for c in verified.headers.get_list("set-cookie")
    )
    assert "tweestap_device" not in web.client.cookies


def test_email_step_sends_a_code_limits_resending_and_accepts_the_code(web: Web) -> None:
    harness = web.harness
    set_policy(harness, extranet={"enabled": True, "method": "email", "user_adjustable": False})
    harness.add_user("extern", kind="extranet", email="extern@example.org")
    page = web.login("extern")
    assert page.url.path == "/email"
    found = elements(page)
    assert {"code", "send-code"} <= set(found.by_id)
    assert "The 8 digits from the e-mail." in found.text
    assert harness.outbox() == []
    sent = web.post("/email/send")
    assert sent.status_code == 200
    assert "Code sent to e***@example.org. It is valid for 10 minutes." in elements(sent).text
    code = re.search(r"\b(\d{8})\b", harness.last_mail_text())
    assert code is not None
    again = web.post("/email/send")
    assert again.status_code == 429
    assert again.headers["retry-after"] == "30"
    assert "You can ask for a new one in 30 seconds." in elements(again).text
    assert len(harness.outbox()) == 1
    assert web.code(code.group(1)).url.path == "/done"


def test_logout_ends_the_session_on_the_server(web: Web) -> None:
    secret = enrolled(web)
    web.login("jan")
    web.code(totp_now(web.harness, secret))
    token = web.client.cookies["tweestap_session"]
    me = web.harness.client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    out = web.post("/logout")
    assert out.url.path == "/"
    assert "tweestap_session" not in web.client.cookies
    me = web.harness.client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 401
    assert web.get("/done").url.path == "/"


def test_step_pages_send_the_browser_to_the_step_it_is_at(web: Web) -> None:
    for path in ("/enroll", "/code", "/email", "/done"):
        assert web.get(path).url.path == "/"
    enroll_page(web)
    for path in ("/", "/code", "/email", "/done", "/login"):
        assert web.get(path).url.path == "/enroll", path


def test_a_session_that_expired_on_the_code_page_goes_back_to_the_login(web: Web) -> None:
    _page, secret = enroll_page(web)
    web.harness.clock.advance(minutes=16)
    late = web.code(totp_now(web.harness, secret))
    assert late.status_code == 401
    assert "Your session has expired. Please log in again." in elements(late).text
    assert "username" in elements(late).by_id


def test_a_dutch_browser_gets_the_dutch_page(make_web: Callable[..., Web]) -> None:
    web = make_web(**{"Accept-Language": "nl-NL,nl;q=0.9,en;q=0.8"})
    page = web.get("/")
    found = elements(page)
    assert 'lang="nl"' in page.text
    assert "Inloggen" in found.text and "Gebruikersnaam" in found.text
    assert found.by_id["username"] and found.by_id["password"]
    _page, secret = enroll_page(web)
    dutch = elements(web.get("/enroll"))
    assert "Authenticator-app koppelen" in dutch.text and "Instelsleutel" in dutch.text
    wrong = web.code(wrong_code(web.harness, secret))
    assert "Onjuiste code." in elements(wrong).text
    assert "Voer de code in" in elements(wrong).text  # the label's hint, Dutch too


def test_the_language_switch_is_remembered_in_a_cookie(make_web: Callable[..., Web]) -> None:
    web = make_web(**{"Accept-Language": "en-US"})
    links = [a for tag, a in elements(web.get("/")).tags if a.get("hreflang")]
    assert [(a["href"], a.get("aria-current")) for a in links] == [
        ("/?lang=nl", None),
        ("/?lang=en", "true"),
    ]
    switched = web.get("/?lang=nl")
    assert "Inloggen" in elements(switched).text
    cookie = next(c for c in switched.headers.get_list("set-cookie") if "tweestap_lang=" in c)
    assert "tweestap_lang=nl" in cookie and "HttpOnly" in cookie
    assert "Inloggen" in elements(web.get("/")).text
    assert "Log in with your username" in elements(web.get("/?lang=en")).text


def test_static_files_are_served_by_the_app_and_nothing_else_is(harness: Harness) -> None:
    css = harness.client.get("/assets/web.css")
    assert css.status_code == 200
    assert css.headers["content-type"] == "text/css; charset=utf-8"
    assert "max-age" in css.headers["cache-control"]
    js = harness.client.get("/assets/web.js")
    assert js.headers["content-type"] == "text/javascript; charset=utf-8"
    assert "navigator.clipboard" in js.text
    for path in ("/assets/missing.css", "/assets/..%2Fsettings.py", "/assets/web.html"):
        assert harness.client.get(path).status_code == 404, path


def test_the_enroll_page_links_the_setup_key_for_the_authenticator_app_on_this_pc(
    web: Web,
) -> None:
    page, secret = enroll_page(web)
    found = elements(page)
    link = found.by_id["pair-here"]
    assert found.tag_of("pair-here") == "a"
    assert found.text_of("pair-here") == "Pair with the authenticator app on this PC"
    assert link["href"] == totp.otpauth_uri(
        base64.b32decode(secret), account="jan", issuer="Tweestap"
    )  # the very secret of the QR code and the setup key beside it
    assert link["aria-describedby"] == "pair-here-hint"
    assert "enter the code the app shows below" in found.text_of("pair-here-hint")
    assert page.headers["cache-control"] == "no-store"


def test_the_otpauth_link_is_on_the_enroll_page_only(web: Web) -> None:
    _page, secret = enroll_page(web)
    wrong = web.code(wrong_code(web.harness, secret))
    assert "pair-here" in elements(wrong).by_id  # the same step, after a wrong code
    done = web.code(totp_now(web.harness, secret))
    for answer in (done, web.get("/help"), web.get("/code"), web.get("/")):
        assert "otpauth:" not in answer.text
        assert secret not in answer.text


def test_a_wrong_code_links_the_help_for_a_code_that_does_not_work(web: Web) -> None:
    secret = enrolled(web)
    web.login("jan")
    wrong = web.code(wrong_code(web.harness, secret))
    found = elements(wrong)
    [alert] = found.with_role("alert")
    assert found.by_id["code-help"]["href"] == "/help"
    assert found.text_of("code-help") == "What to do if the code does not work?"
    assert found.text_of(alert["id"] or "").endswith("What to do if the code does not work?")


def test_the_help_page_gives_the_checklist_the_login_help_and_the_reset_without_a_login(
    make_web: Callable[..., Web],
) -> None:
    web = make_web(**{"Accept-Language": "nl-NL,nl;q=0.9"})
    page = web.get("/help")
    assert page.status_code == 200
    found = elements(page)
    assert found.text_of("help") == "Wat moet ik doen als de code niet werkt?"
    steps = found.text_of("help-steps")
    for words in (
        "meest recente code",
        "hoort bij het account",
        "tijd op je telefoon en computer",
        "opnieuw de QR-code",
        "verwijder eerst de oude regel",
    ):
        assert words in steps
    assert found.by_id["login-help"]["href"] == "https://zilliz.nl/inloghulp/"
    assert "reset tweestapsverificatie" in found.text_of("help-reset")
    assert found.by_id["help-back"]["href"] == "/"
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
