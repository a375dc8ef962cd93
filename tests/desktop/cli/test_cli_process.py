"""The installed command as a user runs it: real process, real exit codes, the user's language."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__


def run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def dutch() -> dict[str, str]:
    return {"TWEESTAP_LANG": "", "LANGUAGE": "", "LC_ALL": "", "LANG": "nl_NL.UTF-8"}


def test_version_prints_the_version_and_exits_0() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"tweestap {__version__}"


def test_user_error_exits_1_with_one_sentence_and_no_traceback() -> None:
    result = run("code", "--uri", "https://zilliz.nl/")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "web address" in result.stderr


def test_dutch_system_gets_dutch_error_messages() -> None:
    result = run("code", "--uri", "https://zilliz.nl/", env=dutch())
    assert result.returncode == 1
    assert "webadres" in result.stderr
    assert "web address" not in result.stderr


def test_dutch_system_gets_dutch_help() -> None:
    result = run("--help", env=dutch())
    assert result.returncode == 0
    assert "account toevoegen" in result.stdout


def test_dutch_help_has_no_english_left_from_argparse() -> None:
    result = run("--help", env=dutch())
    assert "gebruik: tweestap" in result.stdout
    assert "opties:" in result.stdout
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in result.stdout


def test_english_help_keeps_argparse_words() -> None:
    result = run("--help", env={"TWEESTAP_LANG": "en"})
    assert "usage: tweestap" in result.stdout
    assert "show this help message and exit" in result.stdout


def test_dutch_missing_argument_is_explained_in_dutch() -> None:
    result = run("rename", "abc", env=dutch())
    assert result.returncode == 2
    assert "deze argumenten zijn verplicht: --issuer, --account" in result.stderr


def test_desktop_entry_command_registers_the_link_handler(tmp_path: Path) -> None:
    env = {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_DIRS": str(tmp_path / "data"),
        "XDG_CURRENT_DESKTOP": "",
        "HOME": str(tmp_path),
        "TWEESTAP_LANG": "en",
    }
    installed = run("desktop-entry", env=env)
    assert installed.returncode == 0, installed.stderr
    assert "opens otpauth:// links" in installed.stdout
    entry = tmp_path / "data" / "applications" / "nl.tweestap.Tweestap.desktop"
    assert f"Exec={sys.executable} -m desktop %u" in entry.read_text(encoding="utf-8")
    removed = run("desktop-entry", "--remove", env=env)
    assert removed.returncode == 0
    assert not entry.exists()


def test_usage_error_exits_2_in_dutch() -> None:
    result = run("add", "--digits", "zes", env=dutch())
    assert result.returncode == 2
    assert "Gebruiksfout" in result.stderr


def test_add_and_code_through_the_real_command() -> None:
    env = {"TWEESTAP_PASSWORD": "a long test password"}
    added = run("add", "--key", "JBSW Y3DP EHPK 3PXP", "--account", "anna", env=env)
    assert added.returncode == 0, added.stderr
    code = run("code", "anna", "--at", "1257894000", env=env)
    assert (code.returncode, code.stdout) == (0, "528064\n")


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_server_entry_point_answers(argv: list[str]) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from server_stub.cli import main; sys.exit(main())",
            *argv,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "tweestap-server" in result.stdout
