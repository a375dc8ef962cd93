"""The account value: its repr keeps the secret out of logs, and it refuses bad parameters."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest

from desktop.otp.model import MAX_COUNTER, MAX_PERIOD, Account, Algorithm, InvalidAccount, OtpType

SECRET = b"s3cr3t-bytes-0123456789"
SECRET_B32 = base64.b32encode(SECRET).decode().rstrip("=")


def make(**changes: Any) -> Account:
    fields = {"issuer": "Example", "name": "alice", "secret": SECRET, **changes}
    return Account(**fields)


@pytest.mark.parametrize(
    "render", [repr, str, lambda a: f"{a}", lambda a: repr([a]), lambda a: repr({"k": a})]
)
def test_repr_hides_the_secret_bytes_and_its_base32(render: Callable[[Account], str]) -> None:
    text = render(make())
    assert "s3cr3t" not in text
    assert SECRET_B32 not in text
    assert SECRET_B32.lower() not in text
    assert SECRET.hex() not in text
    assert "secret=<hidden>" in text
    assert "Example" in text
    assert "alice" in text


@pytest.mark.parametrize("otp_type", list(OtpType))
def test_repr_hides_the_secret_for_every_type(otp_type: OtpType) -> None:
    digits = 5 if otp_type is OtpType.STEAM else 6
    assert "s3cr3t" not in repr(make(type=otp_type, digits=digits))


def invalid(**changes: Any) -> str:
    with pytest.raises(InvalidAccount) as caught:
        make(**changes)
    return caught.value.render()


def test_empty_secret_is_refused() -> None:
    assert "setup key is empty" in invalid(secret=b"")


@pytest.mark.parametrize("digits", [0, 4, 5, 9, 10, -6])
def test_digits_outside_6_to_8_are_refused(digits: int) -> None:
    sentence = invalid(digits=digits)
    assert "6, 7 or 8 digits" in sentence
    assert f"not {digits}" in sentence


@pytest.mark.parametrize("digits", [6, 7, 8])
def test_digits_6_to_8_are_accepted(digits: int) -> None:
    assert make(digits=digits).digits == digits


@pytest.mark.parametrize("digits", [6, 4, 8])
def test_steam_with_other_than_5_characters_is_refused(digits: int) -> None:
    sentence = invalid(type=OtpType.STEAM, digits=digits)
    assert "Steam codes always have 5 characters" in sentence
    assert f"not {digits}" in sentence


@pytest.mark.parametrize("algorithm", [Algorithm.SHA256, Algorithm.SHA512])
def test_steam_with_other_than_sha1_is_refused(algorithm: Algorithm) -> None:
    sentence = invalid(type=OtpType.STEAM, digits=5, algorithm=algorithm)
    assert f"Steam codes always use SHA1, not {algorithm.value}" in sentence


@pytest.mark.parametrize("period", [0, -1, -30, MAX_PERIOD + 1])
@pytest.mark.parametrize("otp_type", [OtpType.TOTP, OtpType.STEAM])
def test_period_outside_1_second_to_24_hours_is_refused(period: int, otp_type: OtpType) -> None:
    digits = 5 if otp_type is OtpType.STEAM else 6
    sentence = invalid(type=otp_type, digits=digits, period=period)
    assert "between 1 second and 24 hours" in sentence
    assert f"not {period} seconds" in sentence


@pytest.mark.parametrize("period", [1, 20, 30, 50, MAX_PERIOD])
def test_period_within_range_is_accepted(period: int) -> None:
    assert make(period=period).period == period


def test_hotp_period_is_not_checked_because_it_is_not_used() -> None:
    assert make(type=OtpType.HOTP, period=0).type is OtpType.HOTP


def test_negative_counter_is_refused() -> None:
    assert "counter cannot be negative (-1)" in invalid(type=OtpType.HOTP, counter=-1)


def test_counter_beyond_eight_bytes_is_refused() -> None:
    sentence = invalid(type=OtpType.HOTP, counter=MAX_COUNTER + 1)
    assert "too large" in sentence
    assert str(MAX_COUNTER) in sentence


@pytest.mark.parametrize("counter", [0, 1, MAX_COUNTER])
def test_counter_within_eight_bytes_is_accepted(counter: int) -> None:
    assert make(type=OtpType.HOTP, counter=counter).counter == counter


@pytest.mark.parametrize(
    ("field", "words"), [("issuer", "issuer contains"), ("name", "account name contains")]
)
def test_text_that_cannot_be_written_as_utf8_is_refused(field: str, words: str) -> None:
    # Undecodable bytes in a command line arrive as lone surrogates ("surrogateescape").
    sentence = invalid(**{field: "caf\udce9"})
    assert words in sentence
    assert "not valid text (U+DCE9)" in sentence


def test_replace_validates_the_new_value() -> None:
    account = make()
    with pytest.raises(InvalidAccount):
        account.replace(digits=9)
    assert account.replace(name="bob").name == "bob"
    assert account.replace(name="bob").id == account.id


def test_account_is_immutable() -> None:
    with pytest.raises(AttributeError):
        make().digits = 8  # type: ignore[misc]


def test_label_and_same_login() -> None:
    assert make().label == "Example: alice"
    assert make(issuer="").label == "alice"
    assert make().same_login(make(issuer="EXAMPLE", name="Alice"))
    assert not make().same_login(make(name="bob"))


def test_each_account_gets_its_own_id() -> None:
    assert make().id != make().id
