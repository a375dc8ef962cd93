"""Codes checked against published vectors and against a tiny independent reference.

The reference below is written from the RFCs with ``hmac`` and ``struct`` only: it shares no
code with ``desktop.otp.codes`` (which goes through pyotp) and none with our base32 parser.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
from datetime import UTC, datetime
from typing import Any

import pyotp
import pytest

from desktop.otp.codes import code_at, code_for_counter, next_code_at, time_step
from desktop.otp.model import Account, Algorithm, OtpType
from desktop.otp.secret import parse_setup_key
from desktop.otp.uri import parse_uri
from tests.paths import INTEROP as INTEROP_ROOT

# The interop corpus in tests/data/interop (see its README).
INTEROP = INTEROP_ROOT / "imports"
MANIFEST = json.loads((INTEROP / "manifest.json").read_text(encoding="utf-8"))
VECTOR_LINES = [
    line
    for name in MANIFEST["vectors"]["files"]
    for line in (INTEROP.parent / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]
VECTOR_ENTRIES = MANIFEST["vectors"]["entries"]

# --- the independent reference -----------------------------------------------------------

_HASHES = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}
_STEAM_CHARS = "23456789BCDFGHJKMNPQRTVWXY"


def _reference_truncate(key: bytes, counter: int, algorithm: str) -> int:
    """RFC 4226 section 5.3: HMAC over the 8-byte big-endian counter, dynamic truncation."""
    mac = hmac.new(key, struct.pack(">Q", counter), _HASHES[algorithm]).digest()
    offset = mac[len(mac) - 1] & 0x0F
    (value,) = struct.unpack(">I", mac[offset : offset + 4])
    return int(value & 0x7FFFFFFF)


def reference_hotp(key: bytes, counter: int, digits: int, algorithm: str = "SHA1") -> str:
    return str(_reference_truncate(key, counter, algorithm) % 10**digits).rjust(digits, "0")


def reference_steam(key: bytes, counter: int) -> str:
    """Steam Guard: the same truncation, then 5 characters from Steam's 26-letter alphabet,
    least significant first."""
    value = _reference_truncate(key, counter, "SHA1")
    out = ""
    for _ in range(5):
        out += _STEAM_CHARS[value % 26]
        value //= 26
    return out


def reference_code(entry: dict[str, object], t: float) -> str:
    secret = str(entry["secret"])
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    if entry["type"] == "hotp":
        counter = int(str(entry["counter"]))
    else:
        counter = int(t) // int(str(entry["period"]))
    if entry["type"] == "steam":
        return reference_steam(key, counter)
    return reference_hotp(key, counter, int(str(entry["digits"])), str(entry["algorithm"]))


def test_reference_itself_matches_rfc_4226_counter_0() -> None:
    # The reference has to be right before it may judge anything.
    assert reference_hotp(b"12345678901234567890", 0, 6) == "755224"
    assert _reference_truncate(b"12345678901234567890", 0, "SHA1") == 0x4C93CF18


# --- RFC 4226 Appendix D ----------------------------------------------------------------

RFC4226_SECRET = b"12345678901234567890"
RFC4226_CODES = [
    "755224",
    "287082",
    "359152",
    "969429",
    "338314",
    "254676",
    "287922",
    "162583",
    "399871",
    "520489",
]


@pytest.mark.parametrize(("counter", "expected"), list(enumerate(RFC4226_CODES)))
def test_rfc4226_appendix_d_hotp_vector(counter: int, expected: str) -> None:
    account = Account("RFC 4226", "test", RFC4226_SECRET, type=OtpType.HOTP, counter=counter)
    assert code_for_counter(account, counter) == expected
    assert code_at(account, 0) == expected
    assert code_at(account, 1e9) == expected  # HOTP codes do not depend on the time


@pytest.mark.parametrize(("counter", "expected"), list(enumerate(RFC4226_CODES[1:])))
def test_rfc4226_next_code_is_the_one_of_the_following_counter(counter: int, expected: str) -> None:
    account = Account("RFC 4226", "test", RFC4226_SECRET, type=OtpType.HOTP, counter=counter)
    assert next_code_at(account, 0) == expected


# --- RFC 6238 Appendix B ----------------------------------------------------------------

RFC6238_SEEDS = {
    Algorithm.SHA1: b"12345678901234567890",  # 20 bytes
    Algorithm.SHA256: b"12345678901234567890123456789012",  # 32 bytes
    Algorithm.SHA512: b"1234567890123456789012345678901234567890123456789012345678901234",
}
RFC6238_TABLE = [
    # time (s),    T (hex),      SHA1,       SHA256,     SHA512
    (59, 0x0000001, "94287082", "46119246", "90693936"),
    (1111111109, 0x23523EC, "07081804", "68084774", "25091201"),
    (1111111111, 0x23523ED, "14050471", "67062674", "99943326"),
    (1234567890, 0x273EF07, "89005924", "91819424", "93441116"),
    (2000000000, 0x3F940AA, "69279037", "90698825", "38618901"),
    (20000000000, 0x27BC86AA, "65353130", "77737706", "47863826"),
]
RFC6238_CASES = [
    pytest.param(t, step, algorithm, code, id=f"{algorithm.value}-{t}")
    for t, step, *codes in RFC6238_TABLE
    for algorithm, code in zip(RFC6238_SEEDS, codes, strict=True)
]


def test_rfc6238_seed_lengths_are_the_ones_of_appendix_b() -> None:
    assert [len(seed) for seed in RFC6238_SEEDS.values()] == [20, 32, 64]


@pytest.mark.parametrize(("t", "step", "algorithm", "expected"), RFC6238_CASES)
def test_rfc6238_appendix_b_totp_vector(
    t: float, step: int, algorithm: Algorithm, expected: str
) -> None:
    account = Account("RFC 6238", "test", RFC6238_SEEDS[algorithm], algorithm=algorithm, digits=8)
    assert time_step(account, t) == step
    assert code_at(account, t) == expected
    assert reference_hotp(RFC6238_SEEDS[algorithm], step, 8, algorithm.value) == expected


# --- the manifest's 8 reference accounts, against the independent reference ---------------

TIMES = [0, 59, 1111111109, 1234567890, 1700000000.75, 2000000000, 20000000000]


def test_vector_files_hold_the_eight_manifest_accounts() -> None:
    assert len(VECTOR_LINES) == len(VECTOR_ENTRIES) == 8


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        pytest.param(line, entry, id=f"{entry['type']}-{entry['issuer']}")
        for line, entry in zip(VECTOR_LINES, VECTOR_ENTRIES, strict=True)
    ],
)
@pytest.mark.parametrize("t", TIMES)
def test_manifest_vector_code_matches_independent_reference(
    line: str, entry: dict[str, Any], t: float
) -> None:
    account = parse_uri(line)
    assert code_at(account, t) == reference_code(entry, t)
    later = t + (0 if entry["type"] == "hotp" else entry["period"])
    following = dict(entry, counter=entry.get("counter", 0) + 1)
    assert next_code_at(account, t) == reference_code(following, later)


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        pytest.param(line, entry, id=f"{entry['type']}-{entry['issuer']}")
        for line, entry in zip(VECTOR_LINES, VECTOR_ENTRIES, strict=True)
    ],
)
def test_manifest_vector_parses_to_the_manifest_fields(line: str, entry: dict[str, Any]) -> None:
    account = parse_uri(line)
    assert account.type.value == entry["type"]
    assert (account.issuer, account.name) == (entry["issuer"], entry["name"])
    assert account.secret == base64.b32decode(entry["secret"] + "=" * (-len(entry["secret"]) % 8))
    assert account.algorithm.value == entry["algorithm"]
    assert account.digits == entry["digits"]
    if entry["type"] == "hotp":
        assert account.counter == entry["counter"]
    else:
        assert account.period == entry["period"]


# --- dim13/otpauth's known code (an 80-bit key, which pyotp refuses by default) ------------

DIM13_TIME = datetime(2009, 11, 10, 23, 0, 0, tzinfo=UTC).timestamp()


def test_dim13_known_code_for_80_bit_key_at_2009_11_10_2300_utc() -> None:
    account = Account("dim13", "example", parse_setup_key("JBSWY3DPEHPK3PXP"))
    assert len(account.secret) * 8 == 80
    assert code_at(account, DIM13_TIME) == "528064"
    assert reference_hotp(account.secret, int(DIM13_TIME) // 30, 6) == "528064"


def test_plain_pyotp_refuses_80_bit_keys_which_is_why_codes_subclasses_it() -> None:
    with pytest.raises(ValueError, match="at least"):
        pyotp.TOTP("JBSWY3DPEHPK3PXP").at(DIM13_TIME)


# --- Steam ------------------------------------------------------------------------------

STEAM_LINE = next(line for line in VECTOR_LINES if line.startswith("otpauth://steam/"))


@pytest.mark.parametrize("t", [*TIMES, 1_600_000_015, 1_600_000_045])
def test_steam_code_matches_independent_steam_alphabet_reference(t: float) -> None:
    account = parse_uri(STEAM_LINE)
    code = code_at(account, t)
    assert code == reference_steam(account.secret, int(t) // 30)
    assert len(code) == 5
    assert set(code) <= set(_STEAM_CHARS)


@pytest.mark.parametrize("counter", [0, 1, 2, 3, 0x7FFFFFFF, 2**40, 2**64 - 1])
def test_steam_code_for_counter_matches_reference_over_rfc_seed(counter: int) -> None:
    account = Account("Steam", "x", RFC4226_SECRET, type=OtpType.STEAM, digits=5)
    assert code_for_counter(account, counter) == reference_steam(RFC4226_SECRET, counter)
