"""Every bad input to ``tweestap add`` is refused with a sentence; nothing stored changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desktop.cli.conftest import RFC_URI, Cli

BAD_ADDS = {
    "malformed_key_with_digit_one": (["--key", "JBSW1Y3DPEHPK3PX", "--account", "a"], "letter I"),
    "key_with_punctuation": (["--key", "JBSWY3DP!HPK3PXP", "--account", "a"], "!"),
    "key_of_impossible_length": (["--key", "JBSWY3DPE", "--account", "a"], "9 characters"),
    "empty_key": (["--key", "   ", "--account", "a"], "empty"),
    "web_address_instead_of_link": (["https://zilliz.nl/inloghulp/"], "web address"),
    "plain_words": (["hello world"], "otpauth://"),
    "google_export_link": (["otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8"], "Import"),
    "unknown_type": (["otpauth://motp/X:a?secret=JBSWY3DPEHPK3PXP"], "motp"),
    "unknown_algorithm": (["otpauth://totp/X:a?secret=JBSWY3DPEHPK3PXP&algorithm=MD5"], "MD5"),
    "five_digits": (["otpauth://totp/X:a?secret=JBSWY3DPEHPK3PXP&digits=5"], "6, 7 or 8"),
    "nine_digits": (["otpauth://totp/X:a?secret=JBSWY3DPEHPK3PXP&digits=9"], "6, 7 or 8"),
    "digits_not_a_number": (["otpauth://totp/X:a?secret=JBSWY3DPEHPK3PXP&digits=six"], "six"),
    "period_zero": (["otpauth://totp/X:a?secret=JBSWY3DPEHPK3PXP&period=0"], "period"),
    "empty_secret": (["otpauth://totp/X:a?secret="], "empty"),
    "missing_secret": (["otpauth://totp/X:a?issuer=X"], "secret"),
}


@pytest.mark.parametrize(("argv", "says"), BAD_ADDS.values(), ids=BAD_ADDS.keys())
def test_bad_add_is_refused_with_a_sentence_and_the_vault_unchanged(
    cli: Cli, vault_file: Path, argv: list[str], says: str
) -> None:
    cli("add", RFC_URI)
    before = vault_file.read_bytes()
    code, out, err = cli("add", *argv)
    assert code == 1
    assert out == ""
    assert says in err
    assert "Traceback" not in err
    assert err.count("\n") == 1  # one sentence on one line
    assert vault_file.read_bytes() == before


def test_bad_add_on_a_fresh_machine_creates_no_vault(cli: Cli, vault_file: Path) -> None:
    code, _, _ = cli("add", "--key", "0000", "--account", "a")
    assert code == 1
    assert not vault_file.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["add", RFC_URI, "--key", "JBSWY3DPEHPK3PXP"],
        ["add"],
        ["add", "--key", "JBSWY3DPEHPK3PXP"],
        ["add", "--key", "JBSWY3DPEHPK3PXP", "--account", "a", "--digits", "six"],
        ["frobnicate"],
        ["rename", "abc"],
    ],
    ids=[
        "link_and_key_together",
        "nothing_to_add",
        "key_without_account_name",
        "digits_not_a_number_option",
        "unknown_command",
        "rename_without_new_names",
    ],
)
def test_usage_errors_exit_2(cli: Cli, argv: list[str]) -> None:
    code, _, err = cli(*argv)
    assert code == 2
    assert err.strip()
