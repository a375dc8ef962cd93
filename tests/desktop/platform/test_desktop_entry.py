"""The desktop entry puts Tweestap in the menu and makes it the otpauth:// handler."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.platform import desktop_entry
from desktop.platform.desktop_entry import DESKTOP_FILE, entry_text, install, is_link, uninstall


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_DIRS": str(tmp_path / "data"),
        "XDG_CURRENT_DESKTOP": "",
        "HOME": str(tmp_path),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def query_default(scheme: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        ["xdg-mime", "query", "default", f"x-scheme-handler/{scheme}"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_install_registers_both_link_schemes_with_xdg_mime(xdg: dict[str, str]) -> None:
    installed = install(["/opt/tweestap/tweestap"])
    assert installed.entry == Path(xdg["XDG_DATA_HOME"]) / "applications" / DESKTOP_FILE
    assert query_default("otpauth", xdg) == DESKTOP_FILE
    assert query_default("otpauth-migration", xdg) == DESKTOP_FILE


def test_entry_passes_desktop_file_validate(xdg: dict[str, str]) -> None:
    installed = install([sys.executable, "-m", "desktop"])
    done = subprocess.run(
        ["desktop-file-validate", str(installed.entry)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = installed.entry.read_text(encoding="utf-8")
    assert f"Exec={sys.executable} -m desktop %u" in text
    assert "MimeType=x-scheme-handler/otpauth;x-scheme-handler/otpauth-migration;" in text


def test_exec_line_quotes_a_path_with_spaces_and_percent() -> None:
    text = entry_text(["/home/an na/100% apps/tweestap"])
    assert 'Exec="/home/an na/100%% apps/tweestap" %u' in text


def test_exec_line_escapes_quote_and_dollar() -> None:
    text = entry_text(['/tmp/we"ird$dir/tweestap'])
    assert 'Exec="/tmp/we\\"ird\\$dir/tweestap" %u' in text


def test_icon_is_installed_into_the_hicolor_theme(xdg: dict[str, str]) -> None:
    installed = install(["/usr/bin/tweestap"])
    assert installed.icon == (
        Path(xdg["XDG_DATA_HOME"]) / "icons/hicolor/scalable/apps/tweestap.svg"
    )
    assert installed.icon.read_bytes() == desktop_entry.ICON_SOURCE.read_bytes()


def test_uninstall_removes_what_install_wrote(xdg: dict[str, str]) -> None:
    installed = install(["/usr/bin/tweestap"])
    removed = uninstall()
    assert installed.entry in removed
    assert not installed.entry.exists()
    assert uninstall() == []


def test_missing_xdg_mime_is_a_clear_error_after_writing_the_entry(
    xdg: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(desktop_entry.RegistrationFailed, match="xdg-utils"):
        install(["/usr/bin/tweestap"])
    assert (Path(xdg["XDG_DATA_HOME"]) / "applications" / DESKTOP_FILE).is_file()


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("otpauth://totp/a?secret=JBSWY3DP", True),
        ("OTPAUTH://totp/a?secret=JBSWY3DP", True),
        ("otpauth-migration://offline?data=AA", True),
        ("list", False),
        ("https://example.org", False),
        ("/home/anna/otpauth.png", False),
    ],
)
def test_is_link_accepts_only_the_handled_schemes(argument: str, expected: bool) -> None:
    assert is_link(argument) is expected
