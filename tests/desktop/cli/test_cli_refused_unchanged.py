"""Every subcommand with bad arguments: exit code 1 (refused) or 2 (usage), a sentence and
no traceback, only printable text on the terminal, and the vault file byte for byte as it
was."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.desktop.cli.conftest import RFC_URI, Cli, listed
from tests.desktop.cli.hostile import AEGIS_ENCRYPTED, AEGIS_PLAIN, KEY, LINK, printable

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
