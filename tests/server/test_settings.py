"""Settings (``server_stub/settings.py``): read from the environment, unsafe values refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from server_stub.settings import Settings, SettingsError


@pytest.mark.parametrize(
    "overrides",
    [
        {"email_code_digits": 5},
        {"email_code_ttl": timedelta(minutes=11)},
        {"email_codes_per_hour": 0},
        {"trusted_proxies": ("proxy.example",)},
    ],
)
def test_unsafe_settings_are_refused(tmp_path: Path, overrides: dict[str, object]) -> None:
    with pytest.raises(SettingsError):
        Settings.from_env({}, home=tmp_path, **overrides)  # type: ignore[arg-type]


def test_settings_from_the_environment(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "TWEESTAP_SERVER_HOME": str(tmp_path),
            "TWEESTAP_SERVER_TRUSTED_PROXIES": "10.0.0.1, 10.0.1.0/24",
            "TWEESTAP_SERVER_SMTP_HOST": "smtp.example.org",
            "TWEESTAP_SERVER_SMTP_PASSWORD": "geheim",
        }
    )
    assert settings.db_url == f"sqlite:///{tmp_path / 'server.db'}"
    assert settings.key_file == tmp_path / "secret.key"
    assert settings.trusted_proxies == ("10.0.0.1", "10.0.1.0/24")
    assert settings.smtp is not None and settings.smtp.port == 587
    assert "geheim" not in repr(settings)
    url = Settings.from_env({"TWEESTAP_SERVER_DB": "postgresql+psycopg://u@h/db"}, home=tmp_path)
    assert url.db_url == "postgresql+psycopg://u@h/db"


def test_workers_share_the_cores_for_password_hashing(tmp_path: Path) -> None:
    """``serve --workers N`` tells its workers N: each hashes on its share of the cores, so
    the N processes together still hash one password per core (and never fewer than one)."""
    alone = Settings.from_env({}, home=tmp_path).hash_limits
    two = Settings.from_env({"TWEESTAP_SERVER_WORKERS": "2"}, home=tmp_path).hash_limits
    many = Settings.from_env({"TWEESTAP_SERVER_WORKERS": "64"}, home=tmp_path).hash_limits
    assert two.processes == 2
    assert two.slot_count() == max(1, alone.slot_count() // 2)
    assert many.slot_count() == 1
    for wrong in ("0", "twee", "-1"):
        with pytest.raises(SettingsError, match="TWEESTAP_SERVER_WORKERS"):
            Settings.from_env({"TWEESTAP_SERVER_WORKERS": wrong}, home=tmp_path)
