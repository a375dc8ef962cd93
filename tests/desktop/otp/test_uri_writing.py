"""Writing otpauth:// links, and reading back what was written."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.errors import UserError
from desktop.otp.model import MAX_COUNTER, MAX_PERIOD, Account, Algorithm, OtpType
from desktop.otp.uri import format_uri, parse_uri
from tests.desktop.otp.uri_examples import HELLO, KEY, VECTOR_LINES, same_account


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
