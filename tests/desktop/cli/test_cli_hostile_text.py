"""The command line against hostile text: bytes that are not UTF-8, empty input, control
characters that must never reach the terminal, and output that cannot be written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desktop.cli.conftest import RFC_URI, Cli, listed
from tests.desktop.cli.hostile import (
    AEGIS_ENCRYPTED,
    KEY,
    LINK,
    assert_refused,
    printable,
    run_process,
)
from tests.helpers.synthetic import page, paste, qr, write_png


def test_a_file_of_random_bytes_is_not_an_export(
    cli: Cli, stored: bytes, vault_file: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.json"
    junk.write_bytes(bytes(range(256)) * 40 + b"{\xff\xfe")
    for argv in (["import", str(junk)], ["import", str(junk), "--format", "aegis"]):
        code, out, err = cli(*argv)
        assert_refused(code, out, err, 1)
    code, out, err = cli("scan", str(junk))
    assert_refused(code, out, err, 1)
    assert vault_file.read_bytes() == stored


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["remove", "ab\udcffcd"], "ab\\udcffcd"),
        (["code", "ab\udcffcd"], "ab\\udcffcd"),
        (["add", "--key", KEY, "--account", "piet\udcff"], "not valid text (U+DCFF)"),
        (["export", "{tmp}/x", "--format", "tweestap", "--password", "abc\udcffdefgh"], "bytes"),
        (["import", str(AEGIS_ENCRYPTED), "--password", "test\udcff"], "does not open"),
    ],
    ids=["remove", "code", "add_name", "export_password", "import_password"],
)
def test_arguments_that_are_not_utf8_get_a_sentence(
    cli: Cli, stored: bytes, vault_file: Path, tmp_path: Path, argv: list[str], says: str
) -> None:
    """Python hands undecodable command-line bytes over as lone surrogates."""
    code, out, err = cli(*[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert_refused(code, out, err, 1)
    assert says in err
    assert vault_file.read_bytes() == stored


def test_arguments_that_are_not_utf8_as_a_real_process_passes_them(tmp_path: Path) -> None:
    env: dict[str, str | bytes] = {
        "TWEESTAP_HOME": str(tmp_path / "home"),
        "TWEESTAP_PASSWORD": "a password",
    }
    assert run_process(b"add", LINK.encode(), env=env).returncode == 0
    result = run_process(b"remove", b"ab\xffcd", env=env)
    assert result.returncode == 1
    assert "No account has the id ab\\udcffcd." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_vault_password_in_another_encoding_opens_the_vault(tmp_path: Path) -> None:
    env: dict[str, str | bytes] = {
        "TWEESTAP_HOME": str(tmp_path / "home"),
        "TWEESTAP_PASSWORD": "p\xe4sswort",
    }
    latin1 = {**env, "TWEESTAP_PASSWORD": b"p\xe4sswort"}  # not UTF-8
    assert run_process(b"add", LINK.encode(), env=latin1).returncode == 0
    listed_again = run_process(b"list", env=latin1)
    assert listed_again.returncode == 0 and "Bank: piet" in listed_again.stdout
    wrong = run_process(b"list", env=env)  # the same letters, as UTF-8: other bytes
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["add", ""], 2),
        (["add", "--key", "", "--account", "a"], 2),
        (["add", "--key", KEY, "--account", ""], 2),
        (["add", "--key", KEY, "--account", "\x1b\x00\n"], 2),
        (["add", f"otpauth://totp/?secret={KEY}"], 2),
        (["code", "--uri", ""], 1),
        (["remove", ""], 1),
        (["rename", "{id}", "--issuer", "", "--account", ""], 2),
        (["rename", "{id}", "--issuer", "", "--account", "\x1b"], 2),
        (["import", "{empty}"], 1),
        (["scan", "{empty}"], 1),
    ],
    ids=[
        "add_empty_link",
        "add_empty_key",
        "add_empty_name",
        "add_name_of_control_characters",
        "add_link_without_a_name",
        "code_empty_link",
        "remove_empty_id",
        "rename_to_an_empty_name",
        "rename_to_control_characters",
        "import_empty_file",
        "scan_empty_file",
    ],
)
def test_empty_input_is_refused_with_a_sentence(
    cli: Cli, stored: bytes, vault_file: Path, tmp_path: Path, argv: list[str], expected: int
) -> None:
    (tmp_path / "empty").write_bytes(b"")
    account_id = str(listed(cli)[0]["id"])
    resolved = [
        a.replace("{id}", account_id).replace("{empty}", str(tmp_path / "empty")) for a in argv
    ]
    code, out, err = cli(*resolved)
    assert_refused(code, out, err, expected)
    assert vault_file.read_bytes() == stored


HOSTILE_LINK = (
    f"otpauth://totp/%1B%5B31mEvil%0AFake%E2%80%AE:piet%00%C2%9B2J%1B%5D0%3Bpwn%07?secret={KEY}"
)


def test_control_characters_in_a_link_are_not_stored_nor_printed(cli: Cli) -> None:
    code, out, err = cli("add", HOSTILE_LINK)
    assert code == 0, err
    assert printable(out) and printable(err)
    (account,) = listed(cli)
    assert (account["issuer"], account["account"]) == ("[31mEvil Fake", "piet2J]0;pwn")
    for argv in (["list"], ["code"]):
        code, out, err = cli(*argv)
        assert code == 0 and printable(out) and printable(err)
        assert out.count("\n") == 1  # one account, one line
    for argv in (["list", "--json"], ["code", "--json"]):
        code, out, err = cli(*argv)
        assert code == 0 and printable(out) and printable(err)
        assert json.loads(out)[0]["issuer"] == "[31mEvil Fake"


def test_a_qr_code_with_control_characters_is_printed_escaped_on_one_line(
    cli: Cli, tmp_path: Path
) -> None:
    payload = "hello\x1b[31m red\nfake line\x9b2J\u202egnp.exe"
    canvas = paste(page(400, 460), qr(payload, module=3), 20, 40)
    image = str(write_png(tmp_path / "hostile.png", canvas))
    code, out, err = cli("scan", image)
    assert code == 0, err
    assert out == "hello\\x1b[31m red\\nfake line\\x9b2J\\u202egnp.exe\n"
    code, out, _ = cli("scan", "--json", image)
    assert code == 0 and printable(out) and "\x1b" not in out
    assert json.loads(out) == [{"source": image, "codes": [payload]}]


def test_a_search_text_with_an_escape_sequence_is_quoted_escaped(cli: Cli, stored: bytes) -> None:
    code, out, err = cli("code", "\x1b]0;pwned\x07")
    assert_refused(code, out, err, 1)
    assert "\\x1b]0;pwned\\x07" in err


def test_an_unknown_argument_with_an_escape_sequence_is_quoted_escaped(cli: Cli) -> None:
    code, out, err = cli("list", "\x1b[2J")
    assert_refused(code, out, err, 2)
    assert "unrecognized arguments: \\x1b[2J" in err


def test_a_full_disk_under_the_output_is_a_sentence_not_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        result = run_process("code", "--uri", RFC_URI, "--at", "59", stdout=full)
    assert result.returncode == 1
    assert result.stderr == "The output could not be written (No space left on device).\n"


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    """``tweestap code --uri ... | head -c0``: the reader is gone before anything is written."""
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "code", "--uri", RFC_URI, "--at", "59"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TWEESTAP_LANG": "en"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    with process.stderr:
        errors = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in errors and "Exception ignored" not in errors
