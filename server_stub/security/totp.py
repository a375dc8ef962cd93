"""TOTP (RFC 6238) as authenticator apps expect it: SHA1, 6 digits, 30-second steps.

:func:`match_step` tells *which* step a code belongs to (the replay guard needs it) and
compares every candidate in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime
from urllib.parse import quote, urlencode

SECRET_BYTES = 20  # 160 bits, RFC 4226's recommendation
DIGITS = 6
PERIOD = 30
WINDOW = 1  # steps tolerated either side


def new_secret() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def to_base32(secret: bytes) -> str:
    return base64.b32encode(secret).decode("ascii").rstrip("=")


def time_step(moment: datetime) -> int:
    return int(moment.timestamp()) // PERIOD


def code_at_step(secret: bytes, step: int) -> str:
    digest = hmac.new(secret, step.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def match_step(secret: bytes, code: str, moment: datetime, window: int = WINDOW) -> int | None:
    """The highest step within ``window`` of ``moment`` whose code equals ``code``, if any.

    Every candidate is computed and compared (constant time per comparison), so the time
    taken does not depend on which step, if any, matched.
    """
    given = code.encode("ascii", "replace")
    current = time_step(moment)
    matched: int | None = None
    for step in range(current - window, current + window + 1):
        if hmac.compare_digest(code_at_step(secret, step).encode("ascii"), given):
            matched = step
    return matched


def otpauth_uri(secret: bytes, *, account: str, issuer: str) -> str:
    label = quote(f"{issuer}:{account}", safe=":@")
    query = urlencode(
        {
            "secret": to_base32(secret),
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": PERIOD,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
