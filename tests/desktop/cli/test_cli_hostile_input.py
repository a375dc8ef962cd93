"""The command line against an attacker's inputs: no traceback, ever, and nothing stored
changes when a command is refused.

Each class of input has a named test (weird moments, huge values, unreadable files,
folders, named pipes, endless devices, bytes that are not UTF-8, empty input, control
characters in what is printed, output that cannot be written). The table at the end runs
every subcommand with bad arguments and checks the same four things for each: exit code 1
(refused) or 2 (usage), a sentence and no traceback, only printable text on the terminal,
and the vault file byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import IO

import pytest

from tests.desktop.cli.conftest import RFC_URI, Cli, listed
from tests.helpers.synthetic import page, paste, qr, write_png
from tests.paths import INTEROP

KEY = "JBSWY3DPEHPK3PXP"
LINK = f"otpauth://totp/Bank:piet?secret={KEY}"
AEGIS_PLAIN = INTEROP / "imports" / "aegis" / "aegis_plain.json"
AEGIS_ENCRYPTED = INTEROP / "imports" / "aegis" / "aegis_encrypted.json"


def printable(text: str) -> bool:
    """Only what a terminal shows as text: no control character but the line ends."""
    return all(char.isprintable() or char == "\n" for char in text)


def assert_refused(code: int, out: str, err: str, expected: int) -> None:
    assert code == expected, err
    assert out == ""
    assert err.endswith("\n") and err.strip()
    assert "Traceback" not in err
    assert printable(err)


@pytest.fixture
def stored(cli: Cli, vault_file: Path) -> bytes:
    """One account in the vault; the vault's bytes."""
    assert cli("add", RFC_URI)[0] == 0
    return vault_file.read_bytes()


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


# -- weird numbers ---------------------------------------------------------------------------

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


# -- huge values -----------------------------------------------------------------------------


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


# -- unreadable files, folders, pipes and devices --------------------------------------------


@pytest.mark.parametrize("command", ["import", "scan"])
def test_a_file_that_cannot_be_read_is_named_with_the_reason(
    cli: Cli, stored: bytes, vault_file: Path, command: str
) -> None:
    """``/proc/self/mem`` opens but cannot be read (EIO), even for root."""
    code, out, err = cli(command, "/proc/self/mem")
    assert_refused(code, out, err, 1)
    assert "/proc/self/mem" in err and "Input/output error" in err
    assert vault_file.read_bytes() == stored


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["import", "{dir}"], "is a folder, not an export file"),
        (["scan", "{dir}"], "holds no pictures"),
        (["scan", "--camera", "{dir}"], "is not a video Tweestap can play"),
        (["export", "{dir}", "--format", "otpauth"], "is a folder"),
    ],
    ids=["import", "scan", "scan_camera", "export"],
)
def test_a_folder_is_refused_with_a_sentence(
    cli: Cli, stored: bytes, vault_file: Path, tmp_path: Path, argv: list[str], says: str
) -> None:
    (tmp_path / "folder").mkdir()
    code, out, err = cli(*[a.replace("{dir}", str(tmp_path / "folder")) for a in argv])
    assert_refused(code, out, err, 1)
    assert says in err
    assert vault_file.read_bytes() == stored
    assert list((tmp_path / "folder").iterdir()) == []


@pytest.mark.parametrize(
    ("command", "says"),
    [("import", "The file is empty"), ("scan", "is empty, so it holds no QR code")],
)
def test_a_named_pipe_nobody_writes_to_reads_as_empty_instead_of_hanging(
    cli: Cli,
    stored: bytes,
    vault_file: Path,
    fifo: Path,
    command: str,
    says: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("desktop.files.PIPE_PATIENCE", 0.2)
    code, out, err = cli(command, str(fifo))
    assert_refused(code, out, err, 1)
    assert says in err
    assert vault_file.read_bytes() == stored


def test_an_export_read_from_a_named_pipe_is_imported(cli: Cli, fifo: Path) -> None:
    """``tweestap import <(gpg -d export.json.gpg)``: a pipe with a writer is read to its end."""

    def write_later() -> None:
        time.sleep(0.5)  # after Tweestap has opened the pipe: it waits for the first byte
        fifo.write_bytes(AEGIS_PLAIN.read_bytes())

    writer = threading.Thread(target=write_later, daemon=True)
    writer.start()
    try:
        code, out, err = cli("import", str(fifo), "--format", "aegis")
    finally:
        writer.join(timeout=10)
    assert code == 0, err
    assert "7 imported" in out


def test_an_export_over_a_named_pipe_is_refused_and_the_pipe_stays(
    cli: Cli, stored: bytes, vault_file: Path, fifo: Path
) -> None:
    code, out, err = cli("export", str(fifo), "--format", "otpauth")
    assert code == 1 and "Exported" not in out
    assert "is not a file (it is a device, a pipe or a socket)" in err
    assert fifo.is_fifo()
    assert vault_file.read_bytes() == stored


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["import", "/dev/zero"], "is too large to be an authenticator export"),
        (["import", "/dev/urandom"], "is too large to be an authenticator export"),
        (["scan", "/dev/zero"], "is too large to be a screenshot or photo"),
        (["scan", "--camera", "/dev/zero"], "is not a video Tweestap can play"),
        (["export", "/dev/null", "--format", "otpauth"], "is not a file"),
    ],
    ids=["import_zero", "import_urandom", "scan_zero", "camera_zero", "export_null"],
)
def test_an_endless_device_is_read_only_up_to_the_limit_and_never_replaced(
    cli: Cli, stored: bytes, vault_file: Path, argv: list[str], says: str
) -> None:
    code, out, err = cli(*argv)
    assert code == 1 and "Exported" not in out
    assert says in err and "Traceback" not in err
    assert vault_file.read_bytes() == stored
    assert Path("/dev/null").is_char_device() and Path("/dev/zero").is_char_device()


def test_a_vault_file_that_is_a_named_pipe_is_refused_and_left_alone(
    cli: Cli, vault_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.files.PIPE_PATIENCE", 0.2)
    vault_file.parent.mkdir(parents=True)
    os.mkfifo(vault_file)
    code, out, err = cli("list")
    assert_refused(code, out, err, 1)
    assert "cannot be read" in err and "kept untouched" in err
    assert vault_file.is_fifo()


def test_a_settings_file_that_is_endless_or_a_pipe_gives_the_defaults(
    cli: Cli, isolated_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("desktop.files.PIPE_PATIENCE", 0.2)
    isolated_environment.mkdir(parents=True)
    os.mkfifo(isolated_environment / "settings.json")
    code, out, err = cli("code", "--uri", RFC_URI, "--at", "59")
    assert code == 0 and out.strip() == "94287082", err
    (isolated_environment / "settings.json").unlink()
    (isolated_environment / "settings.json").symlink_to("/dev/zero")
    code, out, err = cli("code", "--uri", RFC_URI, "--at", "59")
    assert code == 0 and out.strip() == "94287082", err


def test_desktop_entry_where_nothing_can_be_written_is_a_sentence(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    code, out, err = cli("desktop-entry")
    assert_refused(code, out, err, 1)
    assert "The application menu in" in err and "cannot be changed (Not a directory)" in err


def test_a_picture_that_claims_a_billion_pixels_is_refused_before_it_fills_memory(
    tmp_path: Path,
) -> None:
    """A 100 KB PNG of 30,000 x 30,000 pixels; OpenCV reads its pixel limit when it loads,
    so this runs in a process of its own."""
    import struct
    import zlib

    side = 30_000
    rows = b"".join(b"\x00" + b"\x00" * (side // 8) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
    assert bomb.stat().st_size < 200_000
    result = run_process("scan", str(bomb))
    assert result.returncode == 1
    assert "is too large to be a screenshot or photo of a QR code" in result.stderr
    assert "Traceback" not in result.stderr


# -- bytes that are not UTF-8, and empty input -----------------------------------------------


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


# -- control characters never reach the terminal ----------------------------------------------

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


# -- output that cannot be written ------------------------------------------------------------


def run_process(
    *argv: str | bytes,
    env: Mapping[str, str | bytes] | None = None,
    stdout: IO[str] | int = subprocess.PIPE,
) -> subprocess.CompletedProcess[str]:
    environment: dict[str, str | bytes] = {**os.environ, "TWEESTAP_LANG": "en", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        env=environment,
        timeout=120,
        check=False,
    )


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


# -- every subcommand: refused means unchanged ------------------------------------------------

HOTP = ["--key", KEY, "--account", "a", "--type", "hotp"]
REFUSED: list[tuple[list[str], int]] = [
    # add
    ([LINK, "--digits", "8"], 2),
    (["--key", KEY, "--account", "a", "--counter", "5"], 2),
    (["--key", KEY, "--account", "a", "--type", "hotp", "--period", "60"], 2),
    (["--key", KEY, "--account", "a", "--digits", "\u0666"], 2),
    ([*HOTP, "--counter", "-1"], 1),
    ([*HOTP, "--counter", str(2**63)], 1),
    (["--key", KEY, "--account", "a", "--period", "0"], 1),
    (["--key", KEY, "--account", "a", "--type", "steam", "--digits", "6"], 1),
    (["--key", KEY, "--account", "a", "--algorithm", "md5"], 2),
    (["--key", "0O0O", "--account", "a"], 1),
    ([RFC_URI], 1),
    ([f"otpauth://totp/X:a?secret={KEY}&encoder=yandex"], 1),
    ([f"otpauth://hotp/X:a?secret={KEY}&encoder=steam"], 1),
    (["otpauth-migration://offline?data=%%%"], 1),
    (["\x1b[31m"], 1),
]
REFUSED = [(["add", *argv], code) for argv, code in REFUSED] + [
    # code
    (["code", "--uri", RFC_URI, "--advance"], 2),
    (["code", "--uri", RFC_URI, "anna"], 2),
    (["code", "--uri", "https://zilliz.nl"], 1),
    (["code", "--uri", f"otpauth://hotp/X:a?secret={KEY}&counter={2**64}"], 1),
    (["code", "no such account"], 1),
    (["code", "--at", "1e400"], 2),
    # list, remove, rename
    (["list", "extra"], 2),
    (["list", "--bogus"], 2),
    (["remove"], 2),
    (["remove", "nope"], 1),
    (["remove", "x" * 100_000], 1),
    (["rename", "nope", "--issuer", "", "--account", "x"], 1),
    (["rename", "{id}", "--issuer", "", "--account", "y" * 300], 1),
    (["rename", "{id}", "--issuer", "i" * 300, "--account", "y"], 1),
    (["rename", "{id}", "--account", "y"], 2),
    # scan
    (["scan"], 2),
    (["scan", "{tmp}/missing.png"], 1),
    (["scan", "{tmp}/missing.png", "--screen"], 2),
    (["scan", "--camera", "99999"], 1),
    (["scan", "--camera", "99999999999999999999999"], 1),
    (["scan", "--camera", "{tmp}/missing.mp4"], 1),
    (["scan", "--add", "{tmp}/missing.png"], 1),
    # import
    (["import"], 2),
    (["import", "{tmp}/missing.json"], 1),
    (["import", str(AEGIS_PLAIN), "--format", "nope"], 2),
    (["import", str(AEGIS_PLAIN), "--format", "2fas"], 1),
    (["import", str(AEGIS_ENCRYPTED), "--password", ""], 1),
    (["import", str(AEGIS_ENCRYPTED), "--password", "wrong"], 1),
    # export
    (["export", "{tmp}/x.json"], 2),
    (["export", "{tmp}/x.json", "--format", "bogus"], 2),
    (["export", "{tmp}/x.json", "--format", "aegis", "--password", "long enough"], 2),
    (["export", "{tmp}/x", "--format", "tweestap", "--password", "short"], 1),
    (["export", "{tmp}/x", "--format", "tweestap", "--password", "aaaaaaaaaa"], 1),
    (["export", "{tmp}/x", "--format", "tweestap"], 1),
    (["export", "/dev/null", "--format", "aegis"], 1),
    # desktop-entry, and no command at all
    (["desktop-entry", "--bogus"], 2),
    (["--bogus"], 2),
    (["frobnicate\x1b[2J"], 2),
]


@pytest.mark.parametrize(("argv", "expected"), REFUSED, ids=lambda v: repr(v)[:60])
def test_no_input_in_this_table_produces_a_traceback_or_changes_the_vault(
    cli: Cli, stored: bytes, vault_file: Path, tmp_path: Path, argv: list[str], expected: int
) -> None:
    account_id = str(listed(cli)[0]["id"])
    resolved = [a.replace("{id}", account_id).replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = cli(*resolved)
    assert code == expected, err
    assert "Traceback" not in err and err.strip()
    assert printable(out) and printable(err)
    assert "Exported" not in out and "Added" not in out
    assert vault_file.read_bytes() == stored
    assert [p.name for p in tmp_path.iterdir() if p.name != "tweestap-home"] == []
