"""The login page in real headless Chromium (Playwright, the system's /usr/bin/chromium).

One browser and one server for the module; each test has its own browser context (cookies)
and its own user. The server's clock is the harness's ManualClock, so codes are computed at
the server's (shifted) time and no test waits for a time step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import cv2
import numpy as np
import pyotp
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    expect,
    sync_playwright,
)

from desktop.scan.decode import decode_qr_texts
from server_stub.services.context import Actor
from tests.server.harness import PASSWORD, Harness, start_harness, stop_harness
from tests.server.web.flows import set_policy, totp_now, wrong_code

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FORM_TARGETS = frozenset({"/login", "/verify", "/email/send", "/activate"})


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with scripts/system-deps.sh")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    harness = start_harness(tmp_path_factory.mktemp("web-browser"))
    yield harness
    stop_harness(harness)


class Tab:
    """A page in its own context, recording console errors and uncaught exceptions (a CSP
    violation shows up as a console error)."""

    def __init__(self, browser: Browser, server: Harness, locale: str) -> None:
        self.server = server
        self.context: BrowserContext = browser.new_context(
            locale=locale, viewport={"width": 900, "height": 1100}
        )
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # A form answered with its error status (401 wrong code, 403 ...) is logged as a failed
        # load of the form's target; that is the page working, not an error on it.
        url = str(message.location.get("url", ""))
        if (
            message.text.startswith("Failed to load resource")
            and urlsplit(url.removeprefix(self.server.url)).path in FORM_TARGETS
        ):
            return
        self.errors.append(f"{message.text} ({url})")

    def log_in(self, name: str, password: str = PASSWORD) -> None:
        self.page.goto(self.server.url + "/")
        self.page.fill("#username", name)
        self.page.fill("#password", password)
        self.page.click("#login-form button[type=submit]")

    def submit_code(self, code: str) -> None:
        self.page.fill("#code", code)
        self.page.click("#code-form button[type=submit]")

    def log_out(self) -> None:
        self.page.click("#logout")
        self.page.wait_for_url(self.server.url + "/")

    def path(self) -> str:
        return self.page.url.removeprefix(self.server.url)

    def cookie(self, name: str) -> dict[str, object] | None:
        found = [dict(c) for c in self.context.cookies() if c["name"] == name]
        return found[0] if found else None

    def qr_secret(self) -> str:
        """The secret of the QR code in a screenshot of the whole page, read by our decoder."""
        png = self.page.screenshot(full_page=True)
        decoded = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
        assert decoded is not None
        [uri] = decode_qr_texts(np.asarray(decoded, dtype=np.uint8))
        assert uri.startswith("otpauth://totp/Tweestap:"), uri
        otp = pyotp.parse_uri(uri)
        assert isinstance(otp, pyotp.TOTP)
        return str(otp.secret)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_tab(browser: Browser, server: Harness) -> Iterator[Callable[[str], Tab]]:
    opened: list[Tab] = []

    def open_one(locale: str) -> Tab:
        tab = Tab(browser, server, locale)
        opened.append(tab)
        return tab

    yield open_one
    for tab in opened:
        tab.close()


def test_enroll_from_a_screenshot_wrong_code_right_code_then_only_the_code(
    server: Harness, open_tab: Callable[[str], Tab]
) -> None:
    set_policy(server, authenticator_validity_hours=0)
    server.add_user("marieke")
    tab = open_tab("en-US")
    page = tab.page
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    tab.log_in("marieke")
    page.wait_for_url("**/enroll")
    expect(page.locator("h1")).to_have_text("Set up your authenticator app")
    expect(page.locator("#qr")).to_have_attribute(
        "alt", "QR code to add your account to an authenticator app"
    )

    secret = tab.qr_secret()
    expect(page.locator("#setup-key")).to_have_text(
        " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    )
    page.click("#copy-key")
    expect(page.locator("#copy-status")).to_have_text("The setup key has been copied.")
    assert page.evaluate("navigator.clipboard.readText()") == secret

    tab.submit_code(wrong_code(server, secret))
    expect(page.get_by_role("alert")).to_contain_text("Incorrect code.")
    expect(page.locator("#code")).to_have_attribute("aria-invalid", "true")
    assert tab.qr_secret() == secret  # the same QR after a wrong code

    tab.submit_code(totp_now(server, secret))
    page.wait_for_url("**/done")
    expect(page.locator("h1")).to_have_text("You are logged in")
    session = tab.cookie("tweestap_session")
    assert session is not None
    assert (session["httpOnly"], session["sameSite"]) == (True, "Strict")
    assert tab.cookie("tweestap_device") is None  # the policy trusts no device (0 hours)

    tab.log_out()
    assert tab.cookie("tweestap_session") is None
    server.clock.advance(30)
    tab.log_in("marieke")
    page.wait_for_url("**/code")
    expect(page.locator("h1")).to_have_text("Enter the code")
    expect(page.locator("#qr")).to_have_count(0)
    expect(page.locator("#setup-key")).to_have_count(0)
    expect(page.locator("#code")).to_have_attribute("autocomplete", "one-time-code")
    tab.submit_code(totp_now(server, secret))
    page.wait_for_url("**/done")
    assert tab.errors == []


def test_a_trusted_device_cookie_skips_the_code_at_the_next_login(
    server: Harness, open_tab: Callable[[str], Tab]
) -> None:
    set_policy(server, authenticator_validity_hours=5)
    server.add_user("joost")
    server.enroll("joost")  # paired over the JSON API
    tab = open_tab("en-GB")
    tab.log_in("joost")
    tab.page.wait_for_url("**/code")
    tab.submit_code(server.code("joost"))
    tab.page.wait_for_url("**/done")
    device = tab.cookie("tweestap_device")
    assert device is not None
    assert (device["httpOnly"], device["sameSite"], device["secure"]) == (True, "Strict", False)
    tab.log_out()
    tab.log_in("joost")
    tab.page.wait_for_url("**/done")
    expect(tab.page.locator("h1")).to_have_text("You are logged in")
    assert tab.errors == []


def test_the_dutch_page_for_a_dutch_browser_and_the_language_switch(
    server: Harness, open_tab: Callable[[str], Tab]
) -> None:
    set_policy(server, authenticator_validity_hours=0)
    server.add_user("sanne")
    tab = open_tab("nl-NL")
    page = tab.page
    tab.log_in("sanne", "niet het wachtwoord")
    expect(page.get_by_role("alert")).to_have_text("Onjuiste gebruikersnaam of wachtwoord.")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("sanne")

    tab.log_in("sanne")
    page.wait_for_url("**/enroll")
    expect(page.locator("h1")).to_have_text("Authenticator-app koppelen")
    expect(page.locator("#qr")).to_have_attribute(
        "alt", "QR-code om je account toe te voegen aan een authenticator-app"
    )
    secret = tab.qr_secret()
    tab.submit_code(wrong_code(server, secret))
    expect(page.get_by_role("alert")).to_contain_text("Onjuiste code.")

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/enroll?lang=en")
    expect(page.locator("h1")).to_have_text("Set up your authenticator app")
    assert tab.qr_secret() == secret
    tab.submit_code(totp_now(server, secret))
    page.wait_for_url("**/done")
    expect(page.locator("h1")).to_have_text("You are logged in")
    page.get_by_role("link", name="Nederlands").click()
    expect(page.locator("h1")).to_have_text("Je bent ingelogd")
    assert tab.errors == []


def test_a_new_qr_after_an_unfinished_pairing_says_to_remove_the_old_entry_first(
    server: Harness, open_tab: Callable[[str], Tab]
) -> None:
    set_policy(server, authenticator_validity_hours=0)
    server.add_user("femke")
    tab = open_tab("nl-NL")
    page = tab.page
    tab.log_in("femke")
    page.wait_for_url("**/enroll")
    expect(page.locator("#again")).to_have_count(0)  # the first QR code: nothing to remove
    first = tab.qr_secret()
    page.get_by_role("button", name="Annuleren").click()  # scanned, but no code entered
    page.wait_for_url(server.url + "/")

    tab.log_in("femke")
    page.wait_for_url("**/enroll")
    again = page.locator("#again")
    expect(again).to_contain_text("verwijder eerst de oude regel uit je app")
    expect(again).to_contain_text("niet afgerond")
    expect(page.locator(".steps > li").first).to_contain_text("Verwijder de oude regel")
    second = tab.qr_secret()
    assert second != first  # a new QR code: the old entry's codes are void
    tab.submit_code(totp_now(server, second))
    page.wait_for_url("**/done")
    expect(page.locator("#paired")).to_have_text(
        "De koppeling is afgerond: je app is nu gekoppeld aan je account."
    )
    assert tab.errors == []


def test_after_a_reset_the_qr_code_says_to_remove_the_old_entry_in_english_too(
    server: Harness, open_tab: Callable[[str], Tab]
) -> None:
    set_policy(server, authenticator_validity_hours=0)
    server.add_user("pieter")
    server.enroll("pieter")  # paired earlier
    server.services.admin.reset_2fa("pieter", Actor("beheerder"))
    tab = open_tab("en-GB")
    tab.log_in("pieter")
    tab.page.wait_for_url("**/enroll")
    expect(tab.page.locator("#again")).to_contain_text("remove the old entry from your app first")
    assert tab.errors == []


def test_a_login_with_the_code_does_not_say_pairing_was_completed(
    server: Harness, open_tab: Callable[[str], Tab]
) -> None:
    set_policy(server, authenticator_validity_hours=0)
    server.add_user("ruud")
    server.enroll("ruud")
    server.clock.advance(30)
    tab = open_tab("nl-NL")
    tab.log_in("ruud")
    tab.page.wait_for_url("**/code")
    tab.submit_code(server.code("ruud"))
    tab.page.wait_for_url("**/done")
    expect(tab.page.locator("h1")).to_have_text("Je bent ingelogd")
    expect(tab.page.locator("#paired")).to_have_count(0)


def activation_url(server: Harness, name: str) -> str:
    """Reset ``name``'s password; the link of the mail, on this test's server."""
    server.add_user(name, email=f"{name}@example.org")
    server.services.admin.reset_password(name, Actor("test"))
    link = next(w for w in server.last_mail_text().split() if "/activate?token=" in w)
    return server.url + link.removeprefix(server.settings.public_url)


def test_the_activation_link_sets_a_password_once_and_the_login_works(
    server: Harness, open_tab: Callable[[str], Tab]
) -> None:
    url = activation_url(server, "lotte")
    tab = open_tab("en-GB")
    page = tab.page
    page.goto(url)
    expect(page.locator("h1")).to_have_text("Choose a password")
    expect(page.locator("#intro")).to_have_text("Choose a password for your account lotte.")
    expect(page.get_by_label("New password")).to_be_focused()
    page.get_by_label("New password").fill("zomer aan zee 2025")
    page.get_by_label("Repeat the password").fill("zomer aan zee 2024")
    page.click("#activate")
    expect(page.get_by_role("alert")).to_have_text("The two passwords are not the same.")
    expect(page.locator("#new-password")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("New password").fill("zomer aan zee 2025")
    page.get_by_label("Repeat the password").fill("zomer aan zee 2025")
    page.click("#activate")
    page.wait_for_url("**/activated")
    expect(page.locator("h1")).to_have_text("Your password has been set")
    page.click("#to-login")
    page.wait_for_url(server.url + "/")
    tab.log_in("lotte", "zomer aan zee 2025")
    page.wait_for_url("**/enroll")
    page.goto(url)  # the same link again
    expect(page.locator("h1")).to_have_text("This link no longer works")
    expect(page.locator("#new-password")).to_have_count(0)
    assert tab.errors == []


def test_the_activation_page_in_dutch_and_switched_to_english_keeps_the_link(
    server: Harness, open_tab: Callable[[str], Tab]
) -> None:
    url = activation_url(server, "fenna")
    tab = open_tab("nl-NL")
    page = tab.page
    page.goto(url)
    expect(page.locator("h1")).to_have_text("Wachtwoord kiezen")
    expect(page.locator("#intro")).to_have_text("Kies een wachtwoord voor je account fenna.")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**&lang=en")
    expect(page.locator("h1")).to_have_text("Choose a password")
    page.get_by_role("link", name="Nederlands").click()
    page.get_by_label("Nieuw wachtwoord").fill("herfst in het bos")
    page.get_by_label("Herhaal het wachtwoord").fill("herfst in het bos")
    page.get_by_role("button", name="Wachtwoord instellen").click()
    page.wait_for_url("**/activated")
    expect(page.locator("h1")).to_have_text("Je wachtwoord is ingesteld")
    assert server.login("fenna", "herfst in het bos").next == "enroll"
    assert tab.errors == []
