"""Settings declared once: defaults, validation, persistence, and files that are damaged,
hand-edited or from a newer version."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from desktop import settings as s
from desktop.clock import Correction
from desktop.settings import InvalidSetting, Settings, SettingsNotSaved


def stored(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((home / "settings.json").read_text(encoding="utf-8"))
    return data


def test_every_setting_is_declared_once_with_a_valid_default() -> None:
    keys = [setting.key for setting in s.ALL]
    assert len(keys) == len(set(keys))
    for setting in s.ALL:
        assert setting.validate(setting.default) == setting.default
        assert setting.label
    assert {
        "clipboard_clear_seconds",
        "hold_to_copy_seconds",
        "show_next_code",
        "language",
        "theme",
        "app_lock",
        "lock_after_minutes",
        "clock_source",
        "ntp_server",
        "start_in_tray",
    } <= set(keys)


def test_no_file_means_defaults_and_nothing_written(isolated_environment: Path) -> None:
    settings = Settings.load(isolated_environment)
    assert settings.get(s.CLIPBOARD_CLEAR_SECONDS) == 30
    assert settings.get(s.HOLD_SECONDS) == 0.5
    assert settings.get(s.THEME) == "system"
    assert settings.get(s.NTP_SERVER) == "pool.ntp.org"
    assert settings.correction is None
    assert not (isolated_environment / "settings.json").exists()


def test_changes_are_saved_and_read_back(isolated_environment: Path) -> None:
    settings = Settings.load(isolated_environment)
    changed = settings.update(
        {
            "clipboard_clear_seconds": 45,
            "theme": "dark",
            "hold_to_copy_seconds": 1,
            "language": "nl",
        }
    )
    assert sorted(changed) == [
        "clipboard_clear_seconds",
        "hold_to_copy_seconds",
        "language",
        "theme",
    ]
    again = Settings.load(isolated_environment)
    assert again.get(s.CLIPBOARD_CLEAR_SECONDS) == 45
    assert again.get(s.HOLD_SECONDS) == 1.0
    assert isinstance(again.get(s.HOLD_SECONDS), float)
    assert again.get(s.THEME) == "dark"
    assert again.get(s.LANGUAGE) == "nl"
    assert again.problems == []
    mode = stat.S_IMODE((isolated_environment / "settings.json").stat().st_mode)
    assert mode == 0o600
    assert settings.update({"theme": "dark"}) == []  # unchanged: not even written


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("clipboard_clear_seconds", -1),
        ("clipboard_clear_seconds", 601),
        ("clipboard_clear_seconds", 2.5),
        ("clipboard_clear_seconds", True),
        ("clipboard_clear_seconds", "30"),
        ("hold_to_copy_seconds", 0.1),
        ("hold_to_copy_seconds", float("nan")),
        ("show_next_code", 1),
        ("language", "de"),
        ("theme", "purple"),
        ("lock_after_minutes", 481),
        ("clock_source", "gps"),
        ("ntp_server", "pool ntp org"),
        ("ntp_server", ""),
        ("server_url", "ftp://example.org"),
        ("server_url", "https://exa mple.org"),
        ("app_lock", True),  # not a file setting: it is the vault's key kind
        ("no_such_setting", 1),
    ],
)
def test_invalid_values_are_refused_and_nothing_is_saved(
    isolated_environment: Path, key: str, value: object
) -> None:
    settings = Settings.load(isolated_environment)
    with pytest.raises(InvalidSetting) as refused:
        settings.update({"theme": "light", key: value})
    assert refused.value.key == key
    assert settings.get(s.THEME) == "system"
    assert not (isolated_environment / "settings.json").exists()


@pytest.mark.parametrize(
    "value", ["pool.ntp.org", "time.cloudflare.com", "192.168.1.1", "::1", "ntp1"]
)
def test_time_servers(value: str) -> None:
    assert s.NTP_SERVER.validate(value) == value


@pytest.mark.parametrize(
    "value", ["", "https://2fa.example.org", "http://127.0.0.1:8765", "https://x.org/base/"]
)
def test_server_addresses(value: str) -> None:
    assert s.SERVER_URL.validate(value) == value


def test_a_hand_edited_file_falls_back_per_setting(isolated_environment: Path) -> None:
    isolated_environment.mkdir(parents=True)
    (isolated_environment / "settings.json").write_text(
        json.dumps(
            {
                "format": 1,
                "settings": {
                    "clipboard_clear_seconds": 9999,
                    "theme": "dark",
                    "language": 7,
                    "app_lock": True,
                    "from_the_future": "x",
                },
                "newer_field": {"kept": True},
            }
        ),
        encoding="utf-8",
    )
    settings = Settings.load(isolated_environment)
    assert settings.get(s.CLIPBOARD_CLEAR_SECONDS) == 30
    assert settings.get(s.THEME) == "dark"
    assert settings.get(s.LANGUAGE) == "system"
    assert sorted(settings.problems) == ["clipboard_clear_seconds", "language"]
    settings.update({"theme": "light"})
    data = stored(isolated_environment)
    assert data["newer_field"] == {"kept": True}  # a newer version's field survives a save
    assert "app_lock" not in data["settings"]


@pytest.mark.parametrize("content", [b"{not json", b"[]", b"\xff\xfe", b""])
def test_a_damaged_file_means_defaults(isolated_environment: Path, content: bytes) -> None:
    isolated_environment.mkdir(parents=True)
    (isolated_environment / "settings.json").write_bytes(content)
    settings = Settings.load(isolated_environment)
    assert settings.values() == {k.key: k.default for k in s.ALL if k.stored}


def test_the_clock_correction_is_remembered_with_its_time(isolated_environment: Path) -> None:
    settings = Settings.load(isolated_environment)
    settings.set_correction(Correction(offset=47.25, measured_at=1_700_000_000.5, source="ntp"))
    assert stored(isolated_environment)["state"]["clock_correction"] == {
        "offset": 47.25,
        "measured_at": 1_700_000_000.5,
        "source": "ntp",
    }
    assert Settings.load(isolated_environment).correction == Correction(
        47.25, 1_700_000_000.5, "ntp"
    )
    settings.set_correction(None)
    assert Settings.load(isolated_environment).correction is None


@pytest.mark.parametrize(
    "state",
    [
        {"clock_correction": {"offset": "47", "measured_at": 1}},
        {"clock_correction": {"offset": float("inf"), "measured_at": 1}},
        {"clock_correction": {"offset": True, "measured_at": 1}},
        {"clock_correction": [47, 1]},
        [],
    ],
)
def test_an_unusable_correction_is_no_correction(isolated_environment: Path, state: object) -> None:
    isolated_environment.mkdir(parents=True)
    (isolated_environment / "settings.json").write_text(
        json.dumps({"format": 1, "settings": {}, "state": state}), encoding="utf-8"
    )
    assert Settings.load(isolated_environment).correction is None


def test_a_failed_save_changes_nothing(isolated_environment: Path) -> None:
    isolated_environment.mkdir(parents=True)
    (isolated_environment / "settings.json").mkdir()  # cannot be replaced by a file
    settings = Settings.load(isolated_environment)
    with pytest.raises(SettingsNotSaved):
        settings.update({"theme": "dark"})
    assert settings.get(s.THEME) == "system"
