"""otpauth:// links: every edge case of KEY-URI-NOTES.md that must be accepted."""

from __future__ import annotations

import pytest

from desktop.otp.codes import code_at
from desktop.otp.model import Account, Algorithm, InvalidAccount, OtpType
from desktop.otp.uri import InvalidUri, format_uri, parse_uri
from tests.desktop.otp.uri_examples import (
    ENTE_LINES,
    HELLO,
    KEY,
    VECTOR_LINES,
    refusal,
    same_account,
)


def test_uppercase_scheme_and_type_are_accepted() -> None:
    account = parse_uri(f"OTPAUTH://TOTP/Example:alice?secret={KEY}")
    assert account.type is OtpType.TOTP
    assert (account.issuer, account.name, account.secret) == ("Example", "alice", HELLO)


@pytest.mark.parametrize("kind", ["Totp", "HOTP", "Steam"])
def test_type_is_case_insensitive(kind: str) -> None:
    assert parse_uri(f"otpauth://{kind}/x?secret={KEY}").type.value == kind.lower()


def test_plus_in_issuer_param_is_a_space() -> None:
    air_canada = next(line for line in VECTOR_LINES if "Air+Canada" in line)
    account = parse_uri(air_canada)
    assert account.issuer == "Air Canada"
    assert account.name == "Benjamin"


def test_plus_in_label_stays_a_plus() -> None:
    assert parse_uri(f"otpauth://totp/A+B:c+d?secret={KEY}").name == "c+d"


def test_percent_encoded_utf8_label_with_encoded_colon_splits_at_the_colon() -> None:
    account = parse_uri(
        f"otpauth://totp/encoding%3A%20%C2%BF%C3%A4%C3%84%C3%A9%C3%89%3F%20%28demo%29?secret={KEY}"
    )
    assert account.issuer == "encoding"
    assert account.name == "¿äÄéÉ? (demo)"


def test_big_corporation_example_with_encoded_colon_and_at() -> None:
    account = parse_uri(f"otpauth://totp/Big%20Corporation%3A%20alice%40bigco.com?secret={KEY}")
    assert (account.issuer, account.name) == ("Big Corporation", "alice@bigco.com")


@pytest.mark.parametrize(
    "label", ["pi@raspberrypi", "pi%40raspberrypi"], ids=["unescaped_at", "escaped_at"]
)
def test_unescaped_and_escaped_at_mean_the_same(label: str) -> None:
    account = parse_uri(f"otpauth://totp/{label}?secret={KEY}")
    assert (account.issuer, account.name) == ("", "pi@raspberrypi")


@pytest.mark.parametrize("algorithm", ["sha512", "SHA512", "Sha512", "SHA-512", "sha-512"])
def test_algorithm_is_case_insensitive(algorithm: str) -> None:
    account = parse_uri(f"otpauth://totp/x?secret={KEY}&algorithm={algorithm}")
    assert account.algorithm is Algorithm.SHA512


def test_lowercase_algorithm_in_ente_export() -> None:
    wwe = next(line for line in ENTE_LINES if "algorithm=sha512" in line)
    assert parse_uri(wwe).algorithm is Algorithm.SHA512


@pytest.mark.parametrize("period", ["30", "0", "-5", "abc"])
def test_hotp_with_period_ignores_the_period(period: str) -> None:
    account = parse_uri(f"otpauth://hotp/x?secret={KEY}&counter=7&period={period}")
    assert account.type is OtpType.HOTP
    assert account.counter == 7


def test_totp_with_counter_ignores_the_counter() -> None:
    account = parse_uri(f"otpauth://totp/x?secret={KEY}&counter=abc")
    assert account.counter == 0


def test_hotp_without_counter_starts_at_zero() -> None:
    assert parse_uri(f"otpauth://hotp/x?secret={KEY}").counter == 0


def test_ente_export_with_code_display_parses_to_the_vectors() -> None:
    # Same accounts as plain.txt, with codeDisplay=<JSON>, reordered params, stray period.
    by_label = {(a.issuer, a.name): a for a in map(parse_uri, VECTOR_LINES)}
    for line in ENTE_LINES:
        account = parse_uri(line)
        assert "codeDisplay=" in line
        assert same_account(by_label[account.issuer, account.name], account)


@pytest.mark.parametrize("param", ["codeDisplay=%7B%22pinned%22%3Afalse%7D", "foo=bar", "image=x"])
def test_unknown_params_are_ignored(param: str) -> None:
    assert parse_uri(f"otpauth://totp/x?{param}&secret={KEY}").secret == HELLO


def test_misspelled_algo_param_is_ignored_and_sha1_applies() -> None:
    account = parse_uri(f"otpauth://totp/x?secret={KEY}&algo=SHA256")
    assert account.algorithm is Algorithm.SHA1


def test_parameter_names_are_case_sensitive_like_other_readers() -> None:
    account = parse_uri(f"otpauth://totp/x?secret={KEY}&Digits=8&ALGORITHM=SHA256")
    assert (account.digits, account.algorithm) == (6, Algorithm.SHA1)


def test_first_of_repeated_parameters_counts() -> None:
    account = parse_uri(f"otpauth://totp/x?secret={KEY}&digits=8&digits=6")
    assert account.digits == 8


@pytest.mark.parametrize(
    "secret",
    [f"{KEY}======", KEY.lower(), "JBSW%20Y3DP%20EHPK%203PXP", "JBSW+Y3DP+EHPK+3PXP"],
    ids=["andotp_padding", "lowercase", "encoded_spaces", "plus_spaces"],
)
def test_secret_as_exporters_write_it(secret: str) -> None:
    assert parse_uri(f"otpauth://totp/x?secret={secret}").secret == HELLO


def test_one_byte_secret_is_accepted() -> None:
    assert parse_uri("otpauth://totp/x?secret=AA").secret == b"\x00"


def test_no_issuer_anywhere_gives_empty_issuer() -> None:
    account = parse_uri(f"otpauth://hotp/hotp%20demo?secret={KEY}&counter=0")
    assert (account.issuer, account.name) == ("", "hotp demo")


def test_two_colons_in_label_keep_it_all_as_the_name() -> None:
    account = parse_uri(f"otpauth://totp/A:B:C?secret={KEY}")
    assert (account.issuer, account.name) == ("", "A:B:C")


def test_two_colons_in_label_with_matching_issuer_param_strip_the_prefix() -> None:
    account = parse_uri(f"otpauth://totp/Example:alice:work?secret={KEY}&issuer=Example")
    assert (account.issuer, account.name) == ("Example", "alice:work")


def test_two_colons_in_label_with_other_issuer_param_keep_the_label_as_name() -> None:
    account = parse_uri(f"otpauth://totp/A:B:C?secret={KEY}&issuer=Z")
    assert (account.issuer, account.name) == ("Z", "A:B:C")


def test_encoded_colon_inside_issuer_with_literal_separator() -> None:
    account = parse_uri(f"otpauth://totp/A%3AB:c?secret={KEY}")
    assert (account.issuer, account.name) == ("A:B", "c")


def test_encoded_colon_inside_name_with_literal_separator() -> None:
    account = parse_uri(f"otpauth://totp/X:a%3Ab?secret={KEY}")
    assert (account.issuer, account.name) == ("X", "a:b")


@pytest.mark.parametrize(
    "label",
    [
        "Provider1:%20Alice%20Smith",
        "Provider1:%20%20Alice%20Smith",
        "Provider1: Alice Smith",
        "Provider1%3A%20Alice%20Smith",
        "Provider1%20:%20Alice%20Smith%20",
    ],
    ids=["encoded_space", "two_spaces", "literal_space", "encoded_colon", "spaces_both_sides"],
)
def test_spaces_around_the_colon_are_not_part_of_either_part(label: str) -> None:
    account = parse_uri(f"otpauth://totp/{label}?secret={KEY}")
    assert (account.issuer, account.name) == ("Provider1", "Alice Smith")


def test_issuer_param_wins_over_a_different_label_prefix() -> None:
    account = parse_uri(f"otpauth://totp/Old:bob?secret={KEY}&issuer=New")
    assert (account.issuer, account.name) == ("New", "bob")


def test_label_prefix_is_the_issuer_when_there_is_no_issuer_param() -> None:
    account = parse_uri(f"otpauth://totp/Label:bob?secret={KEY}")
    assert (account.issuer, account.name) == ("Label", "bob")


def test_issuer_param_alone_with_plain_label() -> None:
    account = parse_uri(f"otpauth://totp/bob?secret={KEY}&issuer=Example%20Co")
    assert (account.issuer, account.name) == ("Example Co", "bob")


@pytest.mark.parametrize("empty", ["", "%20", "+"], ids=["empty", "encoded_space", "plus"])
def test_blank_issuer_param_falls_back_to_the_label_prefix(empty: str) -> None:
    account = parse_uri(f"otpauth://totp/Label:bob?secret={KEY}&issuer={empty}")
    assert account.issuer == "Label"


def test_missing_label_gives_empty_name() -> None:
    account = parse_uri(f"otpauth://totp?secret={KEY}&issuer=X")
    assert (account.issuer, account.name) == ("X", "")


def test_raw_hash_is_part_of_a_value_not_a_fragment() -> None:
    account = parse_uri(f"otpauth://totp/C#:dev?issuer=C#&secret={KEY}")
    assert (account.issuer, account.name, account.secret) == ("C#", "dev", HELLO)


def test_surrounding_whitespace_is_ignored() -> None:
    assert parse_uri(f"  otpauth://totp/x?secret={KEY}\n").secret == HELLO


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", (OtpType.STEAM, Algorithm.SHA1, 5, 30)),
        ("&digits=5&algorithm=SHA1&period=30", (OtpType.STEAM, Algorithm.SHA1, 5, 30)),
    ],
    ids=["defaults", "explicit"],
)
def test_steam_link_gets_five_characters(
    query: str, expected: tuple[OtpType, Algorithm, int, int]
) -> None:
    account = parse_uri(f"otpauth://steam/Steam:gamer?secret={KEY}{query}")
    assert (account.type, account.algorithm, account.digits, account.period) == expected


STEAM_AT = 1_718_616_600.0


@pytest.mark.parametrize(
    "link",
    [
        # KeePassXC 2.7's own spelling (Totp::writeSettings), and variants of it
        f"otpauth://totp/Steam:gamer?secret={KEY}&period=30&digits=5&issuer=Steam&encoder=steam",
        f"otpauth://totp/Steam:gamer?secret={KEY}&encoder=steam",
        f"otpauth://TOTP/Steam:gamer?secret={KEY}&digits=5&encoder=Steam",
        f"otpauth://steam/Steam:gamer?secret={KEY}&encoder=steam",
    ],
    ids=["keepassxc", "encoder_only", "capitals", "steam_type_and_encoder"],
)
def test_keepassxc_steam_link_is_a_steam_account_with_the_steam_code(link: str) -> None:
    account = parse_uri(link)
    ours = parse_uri(f"otpauth://steam/Steam:gamer?secret={KEY}")
    assert same_account(account, ours)
    assert code_at(account, STEAM_AT) == code_at(ours, STEAM_AT)
    assert code_at(account, STEAM_AT).isalnum() and not code_at(account, STEAM_AT).isdigit()


def test_a_steam_encoder_on_an_hotp_link_is_refused() -> None:
    sentence = refusal(f"otpauth://hotp/x?secret={KEY}&encoder=steam", InvalidUri)
    assert "hotp codes written as Steam codes" in sentence


def test_an_unknown_encoder_is_refused_rather_than_shown_as_a_wrong_number() -> None:
    sentence = refusal(f"otpauth://totp/x?secret={KEY}&encoder=yandex", InvalidUri)
    assert "'yandex' encoder" in sentence


def test_a_steam_encoder_with_six_digits_is_refused_like_a_steam_link() -> None:
    sentence = refusal(f"otpauth://totp/x?secret={KEY}&digits=6&encoder=steam", InvalidAccount)
    assert "Steam codes always have 5 characters" in sentence


def test_a_written_steam_link_tells_keepassxc_and_aegis_it_is_steam() -> None:
    """KeePassXC ignores the type and reads ``encoder`` (with ``digits`` and ``period``);
    Aegis reads the ``steam`` type and ignores ``encoder``."""
    link = format_uri(Account("Steam", "gamer", HELLO, type=OtpType.STEAM, digits=5))
    assert link == (
        f"otpauth://steam/Steam:gamer?secret={KEY}&issuer=Steam&algorithm=SHA1&digits=5"
        "&period=30&encoder=steam"
    )
    assert "encoder" not in format_uri(Account("Steam", "gamer", HELLO))


def test_totp_defaults_are_sha1_6_digits_30_seconds() -> None:
    account = parse_uri(f"otpauth://totp/x?secret={KEY}")
    assert (account.algorithm, account.digits, account.period) == (Algorithm.SHA1, 6, 30)


@pytest.mark.parametrize(("digits", "value"), [(" 7", 7), ("08", 8)])
def test_whole_numbers_with_spaces_or_leading_zeros(digits: str, value: int) -> None:
    assert parse_uri(f"otpauth://totp/x?secret={KEY}&digits={digits}").digits == value
