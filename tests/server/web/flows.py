"""Steps the login page tests share."""

from __future__ import annotations

from dataclasses import asdict

import httpx
import pyotp

from server_stub.schemas.policy import PolicyUpdate
from server_stub.services.context import Actor
from tests.server.harness import Harness
from tests.server.web.webclient import Web, elements


def set_policy(harness: Harness, **changes: object) -> None:
    current = asdict(harness.services.policy.get())
    current.update(changes)
    harness.services.policy.update(PolicyUpdate.model_validate(current).to_domain(), Actor("test"))


def totp_now(harness: Harness, secret: str) -> str:
    return pyotp.TOTP(secret).at(harness.clock.now())


def wrong_code(harness: Harness, secret: str) -> str:
    """A code the server refuses now: none of the three accepted steps' codes."""
    now = harness.clock.now().timestamp()
    valid = {pyotp.TOTP(secret).at(now + 30 * steps) for steps in (-1, 0, 1)}
    return next(c for c in ("123456", "234567", "345678", "456789") if c not in valid)


def enroll_page(web: Web, name: str = "jan") -> tuple[httpx.Response, str]:
    """Create ``name``, log in, and return the enrollment page and its setup key."""
    web.harness.add_user(name)
    page = web.login(name)
    assert page.status_code == 200, page.text
    assert page.url.path == "/enroll"
    secret = elements(page).text_of("setup-key").replace(" ", "")
    return page, secret


def enrolled(web: Web, name: str = "jan") -> str:
    """Pair ``name`` through the page, log out, forget the trusted-device cookie (as another
    browser would not have it), let a time step pass; the secret."""
    _page, secret = enroll_page(web, name)
    done = web.code(totp_now(web.harness, secret))
    assert done.url.path == "/done", done.text
    assert web.post("/logout").url.path == "/"
    web.client.cookies.delete("tweestap_device")
    web.harness.clock.advance(30)
    return secret
