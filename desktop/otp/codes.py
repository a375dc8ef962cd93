"""Codes of an account at a given moment. Time is always passed in."""

from __future__ import annotations

import hashlib
import hmac
import math
from typing import Any

import pyotp

from desktop.otp.model import MAX_COUNTER, Account, Algorithm, OtpType

_DIGESTS = {
    Algorithm.SHA1: hashlib.sha1,
    Algorithm.SHA256: hashlib.sha256,
    Algorithm.SHA512: hashlib.sha512,
}
_STEAM_ALPHABET = "23456789BCDFGHJKMNPQRTVWXY"
MAX_MOMENT = 253_402_300_799
"""The last second of the year 9999 (UTC): the latest moment codes are asked for. Every
moment from 0 to here has a time step that fits HMAC's 8-byte counter."""


class _KeyHOTP(pyotp.HOTP):
    """pyotp's HOTP on the key as bytes, as the account holds it: pyotp keeps keys as base32
    text and decodes them again for every code, which would turn every painted code into
    bytes -> base32 -> bytes. Its 112-bit minimum is not applied either: real sites issue
    80-bit keys, and the desktop must read every key a site hands out (the server issues
    160-bit keys on its own side)."""

    def __init__(self, key: bytes, *, digits: int, digest: Any) -> None:
        self._key = key
        super().__init__("", digits=digits, digest=digest)

    def byte_secret(self) -> bytes:
        return self._key


def time_step(account: Account, t: float) -> int:
    """The RFC 6238 counter for ``t`` (seconds since the epoch)."""
    return math.floor(t) // account.period


def seconds_remaining(account: Account, t: float) -> float:
    """Seconds until the code shown at ``t`` changes (HOTP codes never expire: ``inf``)."""
    if account.type is OtpType.HOTP:
        return math.inf
    return account.period - (t % account.period)


def code_for_counter(account: Account, counter: int) -> str:
    """The code for a raw HMAC counter (the HOTP counter or a TOTP time step).

    The counter must fit the 8 bytes RFC 4226 gives it (pyotp would silently widen it).
    """
    if not 0 <= counter <= MAX_COUNTER:
        raise ValueError(f"an HMAC counter must be between 0 and 2**64 - 1, not {counter}")
    if account.type is OtpType.STEAM:
        return _steam_code(account.secret, counter)
    otp = _KeyHOTP(account.secret, digits=account.digits, digest=_DIGESTS[account.algorithm])
    return otp.generate_otp(counter)


def code_at(account: Account, t: float) -> str:
    """The code to type at moment ``t``; for HOTP, the code of the stored counter."""
    if account.type is OtpType.HOTP:
        return code_for_counter(account, account.counter)
    return code_for_counter(account, time_step(account, t))


def next_code_at(account: Account, t: float) -> str:
    """The code that follows the one shown at ``t`` (the next period, or counter + 1)."""
    if account.type is OtpType.HOTP:
        return code_for_counter(account, account.counter + 1)
    return code_for_counter(account, time_step(account, t) + 1)


def group(code: str) -> str:
    """``123456`` → ``123 456``, ``12345678`` → ``1234 5678``; for display only."""
    if len(code) < 6:
        return code
    middle = (len(code) + 1) // 2
    return f"{code[:middle]} {code[middle:]}"


def _steam_code(secret: bytes, counter: int) -> str:
    digest = hmac.new(secret, counter.to_bytes(8, "big"), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF
    chars = []
    for _ in range(5):
        value, index = divmod(value, len(_STEAM_ALPHABET))
        chars.append(_STEAM_ALPHABET[index])
    return "".join(chars)
