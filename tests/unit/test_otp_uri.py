"""otpauth:// links: every edge case of KEY-URI-NOTES.md, the refusals, and round trips."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.errors import UserError
from desktop.otp.codes import code_at
from desktop.otp.model import MAX_COUNTER, MAX_PERIOD, Account, Algorithm, InvalidAccount, OtpType
from desktop.otp.secret import InvalidSecret
from desktop.otp.uri import InvalidUri, NotAnAccountLink, format_uri, parse_uri
from tests.paths import INTEROP as INTEROP_ROOT

INTEROP = INTEROP_ROOT / "imports"
VECTOR_LINES = [
    line
    for name in ("otpauth_uri/plain.txt", "expected/extra_vectors.txt")
    for line in (INTEROP / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]
ENTE_LINES = (INTEROP / "ente_auth/ente_auth.txt").read_text(encoding="utf-8").split()

KEY = "JBSWY3DPEHPK3PXP"
HELLO = b"Hello!\xde\xad\xbe\xef"


def same_account(a: Account, b: Account) -> bool:
    """Equal in everything but the id (each parse makes a new one)."""
    return a == b.replace(id=a.id)


# --- edge cases that must be accepted -------------------------------------------------------


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


# --- refusals ------------------------------------------------------------------------------


def refusal(text: str, kind: type[UserError] = UserError) -> str:
    with pytest.raises(kind) as caught:
        parse_uri(text)
    return caught.value.render()


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


# --- writing, and round trips ----------------------------------------------------------------


@pytest.mark.parametrize("line", VECTOR_LINES)
def test_vector_round_trips(line: str) -> None:
    account = parse_uri(line)
    assert same_account(account, parse_uri(format_uri(account)))


@pytest.mark.parametrize("line", [line for line in VECTOR_LINES if "+" not in line])
def test_our_writer_writes_the_vector_lines_exactly_as_aegis_does(line: str) -> None:
    """Steam links get ``encoder=steam`` at the end, for KeePassXC; the rest is Aegis' own."""
    steam = line.startswith("otpauth://steam/")
    assert format_uri(parse_uri(line)) == line + ("&encoder=steam" if steam else "")


def test_format_writes_issuer_twice_and_encodes_the_label() -> None:
    account = Account("Big Corp", "alice@bigco.com", HELLO)
    assert format_uri(account) == (
        f"otpauth://totp/Big%20Corp:alice@bigco.com?secret={KEY}"
        "&issuer=Big%20Corp&algorithm=SHA1&digits=6&period=30"
    )


@pytest.mark.parametrize(
    ("issuer", "name", "label"),
    [
        ("A:B", "c", "A%3AB:c"),
        ("X", "a:b", "X:a%3Ab"),
        ("", "a:b", ":a%3Ab"),
        ("", "plain", "plain"),
        ("X", "", "X:"),
        ("a/b?c#d", "100%", "a%2Fb%3Fc%23d:100%25"),
    ],
)
def test_colons_and_delimiters_inside_the_parts_are_escaped(
    issuer: str, name: str, label: str
) -> None:
    uri = format_uri(Account(issuer, name, HELLO))
    assert uri.startswith(f"otpauth://totp/{label}?")
    assert (parse_uri(uri).issuer, parse_uri(uri).name) == (issuer, name)


def test_hotp_link_writes_counter_not_period() -> None:
    uri = format_uri(Account("I", "n", HELLO, type=OtpType.HOTP, counter=42))
    assert "counter=42" in uri
    assert "period=" not in uri


def _clean(text: str) -> bool:
    return text == text.strip()


_PART = st.text(
    st.one_of(st.sampled_from(":%/?#&=+@ \u00a0:"), st.characters(exclude_categories=["Cs"])),
    max_size=24,
).filter(_clean)


@st.composite
def accounts(draw: st.DrawFn) -> Account:
    otp_type = draw(st.sampled_from(OtpType))
    algorithm = Algorithm.SHA1 if otp_type is OtpType.STEAM else draw(st.sampled_from(Algorithm))
    return Account(
        issuer=draw(_PART),
        name=draw(_PART),
        secret=draw(st.binary(min_size=1, max_size=64)),
        type=otp_type,
        algorithm=algorithm,
        digits=5 if otp_type is OtpType.STEAM else draw(st.integers(6, 8)),
        period=30 if otp_type is OtpType.HOTP else draw(st.integers(1, MAX_PERIOD)),
        counter=draw(st.integers(0, MAX_COUNTER)) if otp_type is OtpType.HOTP else 0,
    )


@settings(max_examples=300)
@given(accounts())
def test_generated_account_round_trips(account: Account) -> None:
    assert same_account(account, parse_uri(format_uri(account)))


@given(accounts())
def test_written_label_has_one_literal_colon_at_most_and_the_query_none(account: Account) -> None:
    uri = format_uri(account)
    label, _, query = uri.removeprefix(f"otpauth://{account.type.value}/").partition("?")
    assert label.count(":") == (1 if account.issuer or ":" in account.name else 0)
    assert ":" not in query
    assert " " not in uri
    if ":" in label:
        issuer, name = label.split(":")
        assert (unquote(issuer), unquote(name)) == (account.issuer, account.name)
    else:
        assert ("", unquote(label)) == (account.issuer, account.name)


_ANY_TEXT = st.text(st.characters(exclude_categories=()))
_PARAM_VALUES = st.one_of(
    _ANY_TEXT, st.sampled_from(["", "0", "-1", "5", "8", "SHA1", "sha256", "md5", KEY, "AA"])
)
_QUERIES = st.lists(
    st.tuples(
        st.sampled_from(["secret", "issuer", "algorithm", "digits", "period", "counter", "x"]),
        _PARAM_VALUES,
    ),
    max_size=6,
).map(lambda pairs: "&".join(f"{key}={value}" for key, value in pairs))
_LINKS = st.builds(
    "otpauth://{}/{}?{}".format,
    st.one_of(st.sampled_from(["totp", "hotp", "steam", "TOTP", "", "[", "motp"]), _ANY_TEXT),
    _ANY_TEXT,
    _QUERIES,
)


@settings(max_examples=300)
@given(st.one_of(_ANY_TEXT, _LINKS))
def test_arbitrary_text_only_ever_raises_a_user_error(text: str) -> None:
    try:
        account = parse_uri(text)
    except UserError as error:
        sentence = error.render()
    else:
        assert account.secret
        sentence = "accepted"
    assert sentence  # a refusal always has something to say
