"""A QR code that is not an account link gets an explanation and a way forward."""

from __future__ import annotations

import pytest

from desktop.otp.model import Account
from desktop.otp.uri import InvalidUri
from desktop.scan.classify import classify, is_account_payload
from desktop.scan.errors import BrokenExport, ExportNotice, NotAnAccountQr
from desktop.scan.migration import encode_migration_uris
from tests.helpers.synthetic import OTPAUTH

MICROSOFT_CLASSIC = (
    "phonefactor://activate_account?code=123456789"
    "&url=https://mobileappcommunicator.auth.microsoft.com/activate/123456789/WEU"
)


def test_an_account_link_gives_its_account_and_no_message() -> None:
    scanned = classify(OTPAUTH)
    [account] = scanned.accounts
    assert (scanned.kind, scanned.message, scanned.usable) == ("account", None, True)
    assert (account.issuer, account.name) == ("Zilliz", "anna@zorg.nl")


def test_surrounding_white_space_is_ignored() -> None:
    assert classify(f"  {OTPAUTH}\n").accounts


def test_a_broken_account_link_is_an_account_code_with_the_reason() -> None:
    scanned = classify("otpauth://totp/Zilliz:anna?issuer=Zilliz")
    assert (scanned.kind, scanned.accounts) == ("account", [])
    assert isinstance(scanned.message, InvalidUri) and "setup key" in str(scanned.message)


def test_a_google_export_offers_to_import_all_its_accounts() -> None:
    accounts = [Account(issuer="A", name=f"n{i}", secret=b"k" * 10) for i in range(3)]
    [uri] = encode_migration_uris(accounts, batch_id=-4)
    scanned = classify(uri)
    assert scanned.kind == "google_export" and scanned.batch is not None
    assert [a.name for a in scanned.accounts] == ["n0", "n1", "n2"]
    assert isinstance(scanned.message, ExportNotice)
    assert str(scanned.message).endswith("export of 3 accounts. Import them all?")


def test_a_damaged_google_export_says_so_and_offers_nothing() -> None:
    scanned = classify("otpauth-migration://offline?data=XXXX")
    assert (scanned.kind, scanned.accounts, scanned.batch) == ("google_export", [], None)
    assert isinstance(scanned.message, BrokenExport)


@pytest.mark.parametrize(
    "payload",
    [
        "https://zilliz.nl/login?next=/2fa",
        "HTTP://EXAMPLE.ORG",
        "www.zilliz.nl/help",
    ],
)
def test_a_web_address_says_it_opens_a_page_and_names_the_site(payload: str) -> None:
    scanned = classify(payload)
    assert (scanned.kind, scanned.accounts) == ("web_address", [])
    assert isinstance(scanned.message, NotAnAccountQr)
    text = str(scanned.message)
    assert "opens a web page" in text and "not an account link" in text
    assert scanned.message.params["address"] in {"zilliz.nl", "example.org", "www.zilliz.nl"}


@pytest.mark.parametrize(
    "payload",
    [
        MICROSOFT_CLASSIC,
        "PhoneFactor://activate_account?code=1&url=https://x",
        "https://mobileappcommunicator.auth.microsoft.com/activate/123456789/WEU",
        "https://bn1.pfp.phonefactor.net/pad/activate?code=123",
    ],
)
def test_a_microsoft_work_account_code_says_to_choose_another_authenticator_app(
    payload: str,
) -> None:
    scanned = classify(payload)
    assert (scanned.kind, scanned.accounts) == ("microsoft_work_account", [])
    text = str(scanned.message)
    assert "Microsoft Authenticator" in text
    assert "I want to use a different authenticator app" in text


def test_an_ordinary_microsoft_page_is_just_a_web_address() -> None:
    assert classify("https://www.microsoft.com/security").kind == "web_address"


def test_a_totp_link_issued_by_microsoft_is_an_account() -> None:
    link = "otpauth://totp/Microsoft:anna@zorg.nl?secret=JBSWY3DPEHPK3PXP&issuer=Microsoft"
    assert classify(link).kind == "account"


def test_other_text_is_quoted_shortened_on_one_line() -> None:
    scanned = classify("WIFI:S:thuis;T:WPA;P:" + "x" * 80 + ";;\nline two")
    assert scanned.kind == "other"
    shown = scanned.message.params["content"] if scanned.message else ""
    assert isinstance(shown, str)
    assert shown.startswith("WIFI:S:thuis") and shown.endswith("\u2026") and len(shown) == 60
    assert "\n" not in shown
    assert "starts with otpauth://" in str(scanned.message)


def test_an_empty_code_says_it_is_empty() -> None:
    scanned = classify("   ")
    assert scanned.kind == "other" and "empty" in str(scanned.message)


def test_a_migration_link_behind_a_prefix_is_not_taken_as_an_export() -> None:
    assert classify("QR-Code:otpauth-migration://offline?data=CjUK").kind == "other"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (OTPAUTH, True),
        ("OTPAUTH://TOTP/x?secret=AA", True),
        ("otpauth-migration://offline?data=XXXX", True),
        ("https://zilliz.nl", False),
        (MICROSOFT_CLASSIC, False),
    ],
)
def test_what_a_camera_scan_waits_for(payload: str, expected: bool) -> None:
    assert is_account_payload(payload) is expected
