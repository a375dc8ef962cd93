"""Screenshots of the server's login web page into docs/screenshots/web-*.png.

Serves the demo organisation (``tweestap-server demo``'s accounts) from a temporary folder on
a free loopback port and walks through the pages with headless Chromium (Playwright, the
system's ``/usr/bin/chromium``; Playwright never downloads a browser here)::

    .venv/bin/python scripts/screenshot_web.py [--out docs/screenshots] [--chromium PATH]
"""

from __future__ import annotations

import argparse
import email
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pyotp  # noqa: E402
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright  # noqa: E402

from server_stub.app import create_app  # noqa: E402
from server_stub.demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from server_stub.runner import BackgroundServer  # noqa: E402
from server_stub.services import Services  # noqa: E402
from server_stub.services.context import Actor  # noqa: E402
from server_stub.settings import Argon2Params, Settings  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT: ViewportSize = {"width": 760, "height": 640}
LOCALES = {"nl": "nl-NL", "en": "en-GB"}


@contextmanager
def demo_server() -> Iterator[tuple[str, Callable[[], str]]]:
    """The demo's URL, and a function that resets a password and returns the mail's link."""
    with tempfile.TemporaryDirectory(prefix="tweestap-web-shots-") as scratch:
        home = Path(scratch)
        settings = Settings.from_env({}, home=home, argon2=Argon2Params.for_tests())
        services = Services.build(settings)
        try:
            seed_demo(services)
            with BackgroundServer(create_app(services)) as server:

                def activation_link() -> str:
                    services.admin.reset_password("gert.support", Actor("screenshots"))
                    newest = sorted(settings.outbox_dir.glob("*.eml"))[-1]
                    mail = email.message_from_bytes(newest.read_bytes(), policy=default)
                    body = mail.get_body(("plain",)) if isinstance(mail, EmailMessage) else None
                    if body is None:
                        raise RuntimeError(f"{newest} has no text part")
                    text = str(body.get_content())
                    link = next(w for w in text.split() if "/activate?token=" in w)
                    return server.url + link.removeprefix(settings.public_url)

                yield server.url, activation_link
        finally:
            services.close()


def log_in(page: Page, url: str, name: str) -> None:
    page.goto(url + "/")
    page.fill("#username", name)
    page.fill("#password", DEMO_PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_load_state()


def shoot(
    browser: Browser,
    url: str,
    lang: str,
    out: Path,
    *,
    email: bool,
    activation_link: Callable[[], str],
) -> list[Path]:
    written: list[Path] = []
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALES[lang])
    page = context.new_page()

    def save(name: str) -> None:
        path = out / f"web-{name}-{lang}.png"
        page.screenshot(path=str(path), full_page=True)
        written.append(path)

    page.goto(url + "/")
    save("login")

    page.fill("#username", "carla.zorg")
    page.fill("#password", "not the password")
    page.click("#login-form button[type=submit]")
    save("login-error")

    log_in(page, url, "daan.nieuw")
    page.wait_for_selector("#qr")
    save("enroll")
    page.click("form.cancel button")  # scanned perhaps, but no code entered

    log_in(page, url, "daan.nieuw")  # the QR code again: remove the old entry first
    page.wait_for_selector("#again")
    save("enroll-again")
    secret = (page.text_content("#setup-key") or "").replace(" ", "")
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("#paired")
    save("done-paired")
    page.click("#logout")

    log_in(page, url, "carla.zorg")
    page.fill("#code", "000000")
    page.click("#code-form button[type=submit]")
    page.wait_for_selector("[role=alert]")
    save("code-error")
    page.click("#code-help")  # "What to do if the code does not work?"
    page.wait_for_selector("#help-steps")
    save("help")
    page.click("#help-back")
    page.click("form.cancel button")

    page.goto(activation_link())
    save("activate")
    page.fill("#new-password", "zomer aan zee 2025")
    page.fill("#repeat-password", "zomer aan zee 2024")
    page.click("#activate")
    page.wait_for_selector("[role=alert]")
    save("activate-error")
    page.fill("#new-password", "zomer aan zee 2025")
    page.fill("#repeat-password", "zomer aan zee 2025")
    page.click("#activate")
    page.wait_for_selector("#to-login")
    save("activated")

    if email:  # one language only: a second code within 30 s would be refused
        log_in(page, url, "ext.jansen")
        page.click("#send-code")
        page.wait_for_selector("#notice")
        save("email")
    context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS
        )
        try:
            for lang in LOCALES:  # a fresh organisation each: daan.nieuw pairs in each
                with demo_server() as (url, activation_link):
                    shots = shoot(
                        browser,
                        url,
                        lang,
                        args.out,
                        email=lang == "nl",
                        activation_link=activation_link,
                    )
                    for path in shots:
                        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
