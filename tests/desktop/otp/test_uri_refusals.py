"""otpauth:// links that are refused, each with a sentence that names the problem."""

from __future__ import annotations

import pytest

from desktop.otp.model import MAX_COUNTER, MAX_PERIOD, InvalidAccount
from desktop.otp.secret import InvalidSecret
from desktop.otp.uri import InvalidUri, NotAnAccountLink
from tests.desktop.otp.uri_examples import KEY, refusal


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("https://example.com/login", ["web address", "otpauth://"], id="https"),
        pytest.param("http://example.com", ["web address"], id="http"),
        pytest.param("HTTPS://EXAMPLE.COM", ["web address"], id="https_uppercase"),
        pytest.param("hello world", ["not an account link", "otpauth://"], id="plain_words"),
        pytest.param(KEY, ["not an account link", "otpauth://"], id="bare_setup_key"),
        pytest.param("steam://" + KEY, ["not an account link"], id="bitwarden_steam"),
        pytest.param("otpauth:totp/x?secret=AA", ["not an account link"], id="no_slashes"),
        pytest.param("", ["nothing to read", "empty"], id="empty_string"),
        pytest.param("   \n", ["nothing to read", "empty"], id="only_whitespace"),
        pytest.param(
            "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU",
            ["Google Authenticator export", "several accounts", "Import"],
            id="otpauth_migration",
        ),
        pytest.param(
            "OTPAUTH-MIGRATION://offline?data=x",
            ["Google Authenticator export"],
            id="otpauth_migration_uppercase",
        ),
    ],
)
def test_not_an_otpauth_link_is_refused(text: str, words: list[str]) -> None:
    sentence = refusal(text, NotAnAccountLink)
    for word in words:
        assert word in sentence


@pytest.mark.parametrize("kind", ["motp", "yandex", "MOTP", "totp2"])
def test_unknown_type_is_refused_naming_it(kind: str) -> None:
    sentence = refusal(f"otpauth://{kind}/x?secret={KEY}", InvalidUri)
    assert f"'{kind.lower()}'" in sentence
    assert "totp, hotp and steam" in sentence


@pytest.mark.parametrize("text", ["otpauth:///x?secret=AA", "otpauth://", "otpauth://?secret=AA"])
def test_empty_type_is_refused(text: str) -> None:
    sentence = refusal(text, InvalidUri)
    assert "does not say" in sentence
    assert "'totp' or 'hotp'" in sentence


def test_very_long_type_is_shortened_in_the_sentence() -> None:
    sentence = refusal(f"otpauth://{'x' * 500}/x?secret={KEY}", InvalidUri)
    assert len(sentence) < 150
    assert "\u2026" in sentence


@pytest.mark.parametrize("algorithm", ["MD5", "sha3-256", "SHA224", "ſha1"])
def test_unknown_algorithm_is_refused_naming_it(algorithm: str) -> None:
    sentence = refusal(f"otpauth://totp/x?secret={KEY}&algorithm={algorithm}", InvalidUri)
    assert f"'{algorithm}'" in sentence
    assert "unknown" in sentence
    assert "SHA1, SHA256 or SHA512" in sentence


@pytest.mark.parametrize("digits", ["5", "9", "10", "0", "-6"])
def test_digits_outside_6_to_8_are_refused(digits: str) -> None:
    sentence = refusal(f"otpauth://totp/x?secret={KEY}&digits={digits}", InvalidAccount)
    assert "6, 7 or 8 digits" in sentence
    assert f"not {int(digits)}" in sentence


@pytest.mark.parametrize(
    ("digits", "shown"),
    [
        ("abc", "abc"),
        ("6.0", "6.0"),
        ("six", "six"),
        ("%2B6", "+6"),
        ("1_0", "1_0"),
        ("%D9%A6", "\u0666"),  # ARABIC-INDIC DIGIT SIX, which int() would take for 6
    ],
)
def test_digits_that_are_not_a_whole_number_are_refused(digits: str, shown: str) -> None:
    sentence = refusal(f"otpauth://totp/x?secret={KEY}&digits={digits}", InvalidUri)
    assert "'digits'" in sentence
    assert "whole number" in sentence
    assert f"'{shown}'" in sentence


def test_steam_link_with_six_digits_is_refused() -> None:
    sentence = refusal(f"otpauth://steam/x?secret={KEY}&digits=6", InvalidAccount)
    assert "Steam codes always have 5 characters" in sentence


def test_steam_link_with_sha256_is_refused() -> None:
    sentence = refusal(f"otpauth://steam/x?secret={KEY}&algorithm=SHA256", InvalidAccount)
    assert "Steam codes always use SHA1" in sentence


@pytest.mark.parametrize("period", ["0", "-30", str(MAX_PERIOD + 1)])
def test_period_out_of_range_is_refused(period: str) -> None:
    sentence = refusal(f"otpauth://totp/x?secret={KEY}&period={period}", InvalidAccount)
    assert "period must be between 1 second and 24 hours" in sentence
    assert f"not {period} seconds" in sentence


@pytest.mark.parametrize("period", ["abc", "30s", "1e2"])
def test_period_that_is_not_a_whole_number_is_refused(period: str) -> None:
    sentence = refusal(f"otpauth://totp/x?secret={KEY}&period={period}", InvalidUri)
    assert "'period'" in sentence
    assert "whole number" in sentence


def test_negative_counter_is_refused() -> None:
    sentence = refusal(f"otpauth://hotp/x?secret={KEY}&counter=-1", InvalidAccount)
    assert "counter cannot be negative" in sentence


def test_counter_beyond_64_bits_is_refused() -> None:
    sentence = refusal(f"otpauth://hotp/x?secret={KEY}&counter={MAX_COUNTER + 1}", InvalidAccount)
    assert "too large" in sentence


def test_absurdly_long_number_is_refused_without_quoting_it() -> None:
    sentence = refusal(f"otpauth://hotp/x?secret={KEY}&counter={'9' * 5000}", InvalidUri)
    assert "'counter'" in sentence
    assert "far too large" in sentence
    assert "999" not in sentence


@pytest.mark.parametrize(
    "text",
    ["otpauth://totp/x?issuer=X", "otpauth://totp/x", f"otpauth://totp/x?Secret={KEY}"],
    ids=["other_params_only", "no_query", "wrong_case_name"],
)
def test_missing_secret_is_refused(text: str) -> None:
    sentence = refusal(text, InvalidUri)
    assert "no setup key" in sentence
    assert "'secret'" in sentence


@pytest.mark.parametrize("secret", ["", "%20", "===="], ids=["empty", "space", "only_padding"])
def test_empty_secret_is_refused(secret: str) -> None:
    assert "empty" in refusal(f"otpauth://totp/x?secret={secret}", InvalidSecret)


def test_bad_secret_in_link_is_refused_with_the_setup_key_sentence() -> None:
    sentence = refusal("otpauth://totp/x?secret=JBSWY3DPEHPK3PX0", InvalidSecret)
    assert "letter O" in sentence
