"""The command line against an attacker's values: weird moments and numbers, huge values;
no traceback, and nothing stored changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desktop.cli.conftest import RFC_URI, Cli
from tests.desktop.cli.hostile import KEY, assert_refused

MOMENTS = ["-1", "nan", "inf", "-inf", "1e30", "1e19", "253402300800", "abc", "", "1_0e5x"]


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("source", ["stored", "uri"])
def test_a_moment_outside_1970_to_9999_is_a_usage_error_not_a_traceback(
    cli: Cli, stored: bytes, vault_file: Path, moment: str, source: str
) -> None:
    argv = ["code", f"--at={moment}"] + (["--uri", RFC_URI] if source == "uri" else [])
    code, out, err = cli(*argv)
    assert_refused(code, out, err, 2)
    assert "argument --at: give a moment in seconds since 1970" in err
    assert vault_file.read_bytes() == stored


@pytest.mark.parametrize("moment", ["0", "59", "1.5", "253402300799", " 1718616600 "])
def test_every_moment_from_1970_to_9999_has_a_code(cli: Cli, moment: str) -> None:
    code, out, err = cli("code", "--uri", RFC_URI, "--at", moment)
    assert code == 0, err
    assert out.strip().isdigit()


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--key", KEY, "--account", "x" * 10_000], "10000 characters long"),
        (["--key", KEY, "--issuer", "i" * 257, "--account", "a"], "257 characters long"),
        (["--key", "A" * 100_000, "--account", "a"], "62500 bytes long"),
        (
            ["--key", KEY, "--account", "a", "--type", "hotp", "--counter", str(2**64)],
            "is too large",
        ),
        (
            ["--key", KEY, "--account", "a", "--type", "hotp", "--counter", "9" * 30],
            "is too large",
        ),
        ([f"otpauth://hotp/X:a?secret={KEY}&counter={'9' * 40}"], "far too large"),
        ([f"otpauth://hotp/X:a?secret={KEY}&counter={2**64 - 1}"], "larger than other"),
        ([f"otpauth://totp/X:{'n' * 300}?secret={KEY}"], "300 characters long"),
    ],
    ids=[
        "ten_thousand_character_name",
        "long_issuer",
        "sixty_kilobyte_key",
        "counter_beyond_eight_bytes",
        "thirty_digit_counter",
        "forty_digit_counter_in_a_link",
        "counter_beyond_java_long",
        "long_name_in_a_link",
    ],
)
def test_a_huge_value_is_refused_with_a_sentence_and_nothing_changes(
    cli: Cli, stored: bytes, vault_file: Path, argv: list[str], says: str
) -> None:
    code, out, err = cli("add", *argv)
    assert_refused(code, out, err, 1)
    assert says in err and err.count("\n") == 1
    assert vault_file.read_bytes() == stored


def test_a_number_option_with_thousands_of_digits_is_a_usage_error(cli: Cli) -> None:
    code, out, err = cli("add", "--key", KEY, "--account", "a", "--digits", "9" * 5000)
    assert_refused(code, out, err, 2)
    assert "give a whole number" in err
    assert len(err) < 1000  # the value is not repeated in full
