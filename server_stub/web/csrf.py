"""CSRF protection for the login page's forms: a double-submit token.

Every visitor gets a random 256-bit token in an HttpOnly, SameSite=Strict cookie; every form
carries the same token in a hidden field, and every POST must bring both, equal (compared in
constant time). A page on another site cannot read the cookie, so it cannot fill the field
(and a SameSite=Strict cookie is not even sent with its requests). The token is replaced
whenever the login session changes (log in, log out), so a token seen before the login is
useless after it. A POST whose ``Sec-Fetch-Site`` header says it came from another site is
refused as well, whatever its token.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Final

FIELD: Final = "csrf_token"
TOKEN_BYTES: Final = 32
_MAX_LENGTH: Final = 128
CROSS_SITE: Final = frozenset({"cross-site", "same-site"})


class CsrfRefused(Exception):
    """A POST without a matching CSRF token (the page answers 403)."""


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_plausible(token: str | None) -> bool:
    """A value this module could have made (so a junk cookie is replaced, not reused)."""
    return token is not None and 32 <= len(token) <= _MAX_LENGTH and token.isascii()


def matches(cookie: str | None, submitted: str | None) -> bool:
    """True when both are present, well-formed and equal (constant-time comparison)."""
    if cookie is None or submitted is None:
        return False
    if not (is_plausible(cookie) and is_plausible(submitted)):
        return False
    return hmac.compare_digest(cookie.encode("ascii"), submitted.encode("ascii"))


def check(cookie: str | None, submitted: str | None, fetch_site: str | None) -> None:
    """Raise :class:`CsrfRefused` unless the POST is same-site and the tokens match."""
    if fetch_site is not None and fetch_site.strip().lower() in CROSS_SITE:
        raise CsrfRefused()
    if not matches(cookie, submitted):
        raise CsrfRefused()
