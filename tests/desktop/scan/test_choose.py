"""What the add-account window does with the codes one scan found."""

from __future__ import annotations

import subprocess
import sys

from desktop.otp.model import Account
from desktop.scan.choose import NoQrCode, Option, ScanOutcome, choose, label, unique_labels
from desktop.scan.errors import ExportNotice, NotAnAccountQr
from desktop.scan.migration import encode_migration_uris
from tests.helpers.synthetic import OTPAUTH
from tests.paths import ROOT

BANK = "otpauth://totp/Bank:piet?secret=JBSWY3DPEHPK3PXP&issuer=Bank"
NO_ISSUER = "otpauth://totp/mail?secret=JBSWY3DPEHPK3PXP"
BROKEN = "otpauth://totp/Zilliz:anna?issuer=Zilliz"
WEB = "https://zilliz.nl/inloghulp/"


def test_one_account_link_fills_the_key_field() -> None:
    assert choose([OTPAUTH]) == ScanOutcome("fill", payload=OTPAUTH)


def test_white_space_around_the_link_is_dropped() -> None:
    assert choose([f" {OTPAUTH}\n"]).payload == OTPAUTH


def test_the_same_code_twice_counts_once() -> None:
    assert choose([OTPAUTH, OTPAUTH]).action == "fill"


def test_an_account_link_wins_over_other_codes() -> None:
    assert choose([WEB, OTPAUTH, "hello"]) == ScanOutcome("fill", payload=OTPAUTH)


def test_several_account_links_are_offered_by_service_and_name() -> None:
    outcome = choose([OTPAUTH, WEB, BANK, NO_ISSUER])
    assert outcome.action == "pick"
    assert outcome.options == (
        Option(OTPAUTH, "Zilliz: anna@zorg.nl"),
        Option(BANK, "Bank: piet"),
        Option(NO_ISSUER, "mail"),
    )
    assert outcome.message is None


def test_look_alike_accounts_get_numbered_labels() -> None:
    other = BANK.replace("JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ")
    assert [o.label for o in choose([BANK, other]).options] == ["Bank: piet", "Bank: piet (2)"]


def test_a_usable_link_wins_over_a_broken_one() -> None:
    assert choose([BROKEN, BANK]) == ScanOutcome("fill", payload=BANK)


def test_a_broken_link_still_goes_to_the_key_field_which_explains_it() -> None:
    assert choose([BROKEN]) == ScanOutcome("fill", payload=BROKEN)


def test_a_web_address_is_explained() -> None:
    outcome = choose([WEB])
    assert (outcome.action, outcome.payload, outcome.options) == ("explain", "", ())
    assert isinstance(outcome.message, NotAnAccountQr)
    assert "opens a web page (zilliz.nl)" in str(outcome.message)


def test_the_first_other_code_is_explained() -> None:
    outcome = choose(["hello", WEB])
    assert isinstance(outcome.message, NotAnAccountQr)
    assert "\u201chello\u201d" in str(outcome.message)


def test_a_google_export_is_explained() -> None:
    [uri] = encode_migration_uris(
        [Account(issuer="A", name="n", secret=b"k" * 10)] * 2, batch_id=-4
    )
    assert isinstance(choose([uri]).message, ExportNotice)


def test_no_code_on_the_screen() -> None:
    outcome = choose([], source="screen")
    assert outcome.action == "explain"
    assert isinstance(outcome.message, NoQrCode)
    assert str(outcome.message).startswith("No QR code was found on the screen.")


def test_no_code_in_a_picture() -> None:
    message = choose(iter([])).message
    assert isinstance(message, NoQrCode)
    assert str(message).startswith("No QR code was found in the picture.")


def test_labels() -> None:
    assert label(Account(issuer="", name="", secret=b"k" * 10)) == "?"
    assert unique_labels(["a", "b", "a", "a"]) == ["a", "b", "a (2)", "a (3)"]


def test_the_add_window_and_choosing_do_not_load_opencv_or_zxing() -> None:
    probe = (
        "import sys, desktop.ui.add.add_dialog, desktop.scan.choose;"
        "print(sorted({'cv2', 'zxingcpp', 'numpy'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert result.stdout.strip() == "[]"
