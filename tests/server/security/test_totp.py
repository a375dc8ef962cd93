"""TOTP as the server computes it (``server_stub/security/totp.py``): RFC 6238's vectors,
agreement with pyotp, and which step a code belongs to (one either side, never two)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest

from server_stub.security import totp

RFC6238_SECRET = b"12345678901234567890"


@pytest.mark.parametrize(
    ("unix_time", "code"),
    [(59, "287082"), (1111111109, "081804"), (1234567890, "005924"), (2000000000, "279037")],
)
def test_rfc_6238_sha1_vectors(unix_time: int, code: str) -> None:
    assert totp.code_at_step(RFC6238_SECRET, unix_time // 30) == code


def test_codes_agree_with_pyotp() -> None:
    secret = totp.new_secret()
    reference = pyotp.TOTP(totp.to_base32(secret))
    for offset in range(0, 3600 * 24, 3607):
        moment = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=offset)
        assert totp.code_at_step(secret, totp.time_step(moment)) == reference.at(moment)


def test_match_step_tells_which_step() -> None:
    secret = totp.new_secret()
    now = datetime(2025, 1, 1, 12, 0, 15, tzinfo=UTC)
    step = totp.time_step(now)
    for delta in (-1, 0, 1):
        assert totp.match_step(secret, totp.code_at_step(secret, step + delta), now) == step + delta
    for delta in (-2, 2):
        assert totp.match_step(secret, totp.code_at_step(secret, step + delta), now) is None
    assert totp.match_step(secret, "abcdef", now) is None
    assert totp.match_step(secret, "ä", now) is None
