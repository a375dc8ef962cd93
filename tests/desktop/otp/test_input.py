"""The add-account field: one pasted text read as a setup key or an otpauth:// link."""

from __future__ import annotations

import pytest

from desktop.otp.input import (
    CodeSettings,
    InputKind,
    MissingName,
    check_key_text,
    check_name,
    clean_pasted,
    make_account,
    read_key_or_link,
)
from desktop.otp.model import Algorithm, InvalidAccount, OtpType
from desktop.otp.secret import InvalidSecret
from desktop.otp.uri import InvalidUri, NotAnAccountLink

KEY = "JBSWY3DPEHPK3PXP"
SECRET = b"Hello!\xde\xad\xbe\xef"
LINK = (
    "otpauth://totp/Zilliz:jan%40zorg.nl?secret=JBSWY3DPEHPK3PXP&issuer=Zilliz"
    "&algorithm=SHA256&digits=8&period=60"
)


@pytest.mark.parametrize(
    "text",
    [
        KEY,
        "jbswy3dpehpk3pxp",
        "JBSW Y3DP EHPK 3PXP",
        "jbsw-y3dp-ehpk-3pxp",
        "  JBSW Y3DP EHPK 3PXP \n",
        "JBSW Y3DP\nEHPK 3PXP",
        "JBSWY3DPEHPK3PXP====",
    ],
)
def test_setup_keys_as_people_paste_them(text: str) -> None:
    key = read_key_or_link(text)
    assert key.kind is InputKind.SETUP_KEY
    assert key.secret == SECRET
    assert key.link is None


@pytest.mark.parametrize(
    "text",
    [LINK, f"\n  {LINK}\n\n", f"\t{LINK[:40]}\n{LINK[40:]}  ", LINK.replace("otpauth", "OTPAUTH")],
)
def test_links_fill_names_and_settings(text: str) -> None:
    key = read_key_or_link(text)
    assert key.kind is InputKind.LINK
    assert key.secret == SECRET
    assert key.link is not None
    assert (key.link.issuer, key.link.name) == ("Zilliz", "jan@zorg.nl")
    assert CodeSettings.of(key.link) == CodeSettings(
        type=OtpType.TOTP, algorithm=Algorithm.SHA256, digits=8, period=60
    )


def test_hotp_link_keeps_its_counter() -> None:
    key = read_key_or_link(f"otpauth://hotp/Bank:piet?secret={KEY}&counter=42")
    assert key.link is not None
    settings = CodeSettings.of(key.link)
    assert (settings.type, settings.counter) == (OtpType.HOTP, 42)


@pytest.mark.parametrize(
    ("text", "error", "words"),
    [
        ("JBSWY3DPEHPK3PX0", InvalidSecret, "letter O"),
        ("JBSWY3DPEHPK3PX!", InvalidSecret, "A to Z"),
        ("JBSWY3DPEHPK3PXPA", InvalidSecret, "17 characters"),
        ("https://zilliz.nl/inloghulp/", NotAnAccountLink, "web address"),
        ("www.zilliz.nl", NotAnAccountLink, "web address"),
        ("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8", NotAnAccountLink, "Import"),
        ("otpauth://totp/Zilliz:jan", InvalidUri, "'secret' parameter"),
        ("otpauth://motp/Zilliz:jan?secret=" + KEY, InvalidUri, "'motp'"),
        ("otpauth://totp/Zilliz:jan?digits=12&secret=" + KEY, InvalidAccount, "12"),
    ],
)
def test_what_is_wrong_is_said_in_one_sentence(
    text: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error) as raised:
        read_key_or_link(text)
    assert words in str(raised.value)
    check = check_key_text(text)
    assert not check.ok
    assert check.error is not None
    assert words in check.error.render()


def test_check_of_empty_text_is_neither_ok_nor_an_error() -> None:
    for text in ("", "   ", "\n\n"):
        check = check_key_text(text)
        assert check.empty
        assert not check.ok
        assert check.error is None


def test_check_of_good_text() -> None:
    check = check_key_text(" jbsw y3dp ehpk 3pxp ")
    assert check.ok
    assert check.error is None
    assert check.key is not None
    assert check.key.secret == SECRET


def test_clean_pasted() -> None:
    assert clean_pasted("  abc \r\n def\n") == "abc def"
    assert clean_pasted("otpauth://totp/a:b?se\ncret=X\r\n") == "otpauth://totp/a:b?secret=X"
    assert clean_pasted("otpauth://totp/My%20Bank:b") == "otpauth://totp/My%20Bank:b"


def test_secret_not_in_repr() -> None:
    assert KEY not in repr(read_key_or_link(KEY))
    assert "Hello" not in repr(read_key_or_link(KEY))


def test_make_account_uses_typed_names_and_settings() -> None:
    key = read_key_or_link(LINK)
    account = make_account(
        key, issuer="  Zilliz test ", name=" jan ", settings=CodeSettings(digits=7, period=45)
    )
    assert (account.issuer, account.name) == ("Zilliz test", "jan")
    assert (account.secret, account.digits, account.period) == (SECRET, 7, 45)
    assert account.algorithm is Algorithm.SHA1


def test_make_account_for_each_type() -> None:
    key = read_key_or_link(KEY)
    hotp = make_account(
        key, issuer="", name="x", settings=CodeSettings(type=OtpType.HOTP, counter=3, period=90)
    )
    assert (hotp.type, hotp.counter, hotp.period) == (OtpType.HOTP, 3, 30)
    totp = make_account(key, issuer="", name="x", settings=CodeSettings(counter=3))
    assert totp.counter == 0
    steam = make_account(
        key,
        issuer="Steam",
        name="x",
        settings=CodeSettings(type=OtpType.STEAM, digits=8, algorithm=Algorithm.SHA512),
    )
    assert (steam.digits, steam.algorithm) == (5, Algorithm.SHA1)


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_an_account_needs_a_name(name: str) -> None:
    with pytest.raises(MissingName, match="name for the account"):
        check_name(name)
    with pytest.raises(MissingName):
        make_account(read_key_or_link(KEY), issuer="Zilliz", name=name, settings=CodeSettings())


def test_issuer_may_be_empty() -> None:
    check_name("jan")
    account = make_account(read_key_or_link(KEY), issuer=" ", name="jan", settings=CodeSettings())
    assert account.issuer == ""
