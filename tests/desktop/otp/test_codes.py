"""Code display, the countdown, and the code that follows: all with the time passed in."""

from __future__ import annotations

import base64
import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.otp.codes import (
    code_at,
    code_for_counter,
    group,
    next_code_at,
    seconds_remaining,
    time_step,
)
from desktop.otp.model import MAX_COUNTER, Account, Algorithm, OtpType

SECRET = b"12345678901234567890"
STEAM_CHARS = set("23456789BCDFGHJKMNPQRTVWXY")


def totp(period: int = 30, digits: int = 6, algorithm: Algorithm = Algorithm.SHA1) -> Account:
    return Account("I", "n", SECRET, digits=digits, period=period, algorithm=algorithm)


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        pytest.param("123456", "123 456", id="6_digits_3_3"),
        pytest.param("1234567", "1234 567", id="7_digits_4_3"),
        pytest.param("12345678", "1234 5678", id="8_digits_4_4"),
        pytest.param("000000", "000 000", id="leading_zeros_kept"),
        pytest.param("5XK2B", "5XK2B", id="steam_5_chars_unchanged"),
        pytest.param("", "", id="empty_unchanged"),
    ],
)
def test_group_splits_codes_for_display(code: str, shown: str) -> None:
    assert group(code) == shown


def test_group_only_adds_one_space() -> None:
    assert group("12345678").replace(" ", "") == "12345678"


_ACCOUNTS = st.builds(
    lambda otp_type, algorithm, digits, period, counter, secret: Account(
        "I",
        "n",
        secret,
        type=otp_type,
        algorithm=Algorithm.SHA1 if otp_type is OtpType.STEAM else algorithm,
        digits=5 if otp_type is OtpType.STEAM else digits,
        period=period,
        counter=counter if otp_type is OtpType.HOTP else 0,
    ),
    st.sampled_from(OtpType),
    st.sampled_from(Algorithm),
    st.integers(6, 8),
    st.integers(1, 24 * 3600),
    st.integers(0, MAX_COUNTER - 1),
    st.binary(min_size=1, max_size=64),
)
# Up to the year 2514: beyond ~2**40 s a float no longer holds sub-second steps exactly.
_TIMES = st.floats(min_value=0, max_value=2**34, allow_nan=False)


@given(_ACCOUNTS, _TIMES)
def test_code_at_never_contains_spaces_and_has_the_account_length(
    account: Account, t: float
) -> None:
    code = code_at(account, t)
    assert " " not in code
    assert len(code) == account.digits
    if account.type is OtpType.STEAM:
        assert set(code) <= STEAM_CHARS
    else:
        assert code.isdigit()
        assert code.isascii()


@given(_ACCOUNTS, _TIMES)
@example(totp(), 17179869179.999998)  # + 30 rounds to 17179869210.0, two periods on
def test_next_code_at_equals_code_at_one_period_later(account: Account, t: float) -> None:
    if account.type is OtpType.HOTP:
        assert next_code_at(account, t) == code_for_counter(account, account.counter + 1)
    else:
        # One period after the whole second of t: a float t just below a power of two
        # (say 2**34 - 2**-19) plus the period rounds up to the next whole second, which can
        # be the start of the period after next.
        assert next_code_at(account, t) == code_at(account, math.floor(t) + account.period)


@pytest.mark.parametrize("t", [0, 29, 29.999, 30, 59.5, 1_700_000_000, 1_700_000_029.999])
def test_next_code_at_equals_code_at_t_plus_period_at_edges(t: float) -> None:
    assert next_code_at(totp(), t) == code_at(totp(), t + 30)


@pytest.mark.parametrize(
    ("t", "period", "remaining"),
    [
        pytest.param(0, 30, 30, id="epoch_full_period"),
        pytest.param(30, 30, 30, id="exactly_on_a_step_full_period"),
        pytest.param(1_700_000_010, 30, 30, id="exactly_on_a_real_step"),
        pytest.param(29, 30, 1, id="one_second_before_step"),
        pytest.param(59, 30, 1, id="rfc_time_59"),
        pytest.param(45, 30, 15, id="half_way"),
        pytest.param(100, 50, 50, id="period_50_on_step"),
        pytest.param(20, 20, 20, id="period_20_on_step"),
        pytest.param(1, 1, 1, id="period_1"),
    ],
)
def test_seconds_remaining_at_boundaries(t: float, period: int, remaining: float) -> None:
    assert seconds_remaining(totp(period=period), t) == remaining


@pytest.mark.parametrize("step", [1, 2, 56_666_667])
@pytest.mark.parametrize("period", [20, 30, 50])
def test_just_before_a_step_the_old_code_has_a_millisecond_left(step: int, period: int) -> None:
    account = totp(period=period)
    edge = step * period
    before = edge - 0.001
    assert seconds_remaining(account, before) == pytest.approx(0.001, abs=1e-5)
    assert time_step(account, before) == step - 1
    assert time_step(account, edge) == step
    assert code_at(account, before) == code_for_counter(account, step - 1)
    assert code_at(account, edge) == code_for_counter(account, step)
    assert next_code_at(account, before) == code_at(account, edge)


@given(_ACCOUNTS.filter(lambda a: a.type is not OtpType.HOTP), _TIMES)
def test_seconds_remaining_is_in_half_open_range_and_lands_on_the_next_step(
    account: Account, t: float
) -> None:
    remaining = seconds_remaining(account, t)
    assert 0 < remaining <= account.period
    assert time_step(account, t) == math.floor(t) // account.period


def test_steam_shares_the_totp_countdown() -> None:
    steam = Account("Steam", "n", SECRET, type=OtpType.STEAM, digits=5)
    assert seconds_remaining(steam, 45) == 15
    assert code_at(steam, 45) == code_for_counter(steam, 1)


def test_hotp_codes_never_expire() -> None:
    hotp = Account("I", "n", SECRET, type=OtpType.HOTP, counter=3)
    assert seconds_remaining(hotp, 12345) == math.inf
    assert code_at(hotp, 0) == code_at(hotp, 10**10) == code_for_counter(hotp, 3)


@pytest.mark.parametrize("counter", [-1, MAX_COUNTER + 1], ids=["negative", "beyond_64_bits"])
def test_code_for_counter_outside_eight_bytes_is_a_programming_error(counter: int) -> None:
    with pytest.raises(ValueError, match="2\\*\\*64"):
        code_for_counter(totp(), counter)


def test_code_for_the_largest_counter() -> None:
    assert len(code_for_counter(totp(), MAX_COUNTER)) == 6


def test_a_code_is_made_from_the_key_bytes_with_no_base32_on_the_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The account holds its key decoded; painting a code must not encode it to base32 and
    decode it again (twice) for every row and every second."""

    def refuse(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("a code went through base32")

    monkeypatch.setattr(base64, "b32encode", refuse)
    monkeypatch.setattr(base64, "b32decode", refuse)
    assert code_at(totp(digits=8), 59) == "94287082"  # RFC 6238, SHA1 at T = 59
    assert code_for_counter(Account("I", "n", SECRET, type=OtpType.HOTP), 0) == "755224"
