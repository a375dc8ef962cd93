"""The pure building blocks: TOTP, IP lists, module rights, settings refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyotp
import pytest

from server_stub.clock import ManualClock
from server_stub.rights import has_p_and_o, normalize_modules
from server_stub.security import totp
from server_stub.security.ipallow import is_allowed, parse_allowlist
from server_stub.security.passwords import Passwords, make_hasher
from server_stub.settings import Argon2Params, Settings, SettingsError

RFC6238_SECRET = b"12345678901234567890"


@pytest.mark.parametrize(
    ("unix_time", "code"),
    [(59, "287082"), (1111111109, "081804"), (1234567890, "005924"), (2000000000, "279037")],
)
def test_rfc_6238_sha1_vectors(unix_time: int, code: str) -> None:
    assert totp.code_at_step(RFC6238_SECRET, unix_time // 30) == code


def test_codes_agree_with_pyotp() -> None:
    secret = totp.new_secret()
    reference = pyotp.TOTP(totp.to_base32(secret))
    for offset in range(0, 3600 * 24, 3607):
        moment = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(seconds=offset)
        assert totp.code_at_step(secret, totp.time_step(moment)) == reference.at(moment)


def test_match_step_tells_which_step() -> None:
    secret = totp.new_secret()
    now = datetime(2025, 1, 1, 12, 0, 15, tzinfo=UTC)
    step = totp.time_step(now)
    for delta in (-1, 0, 1):
        assert totp.match_step(secret, totp.code_at_step(secret, step + delta), now) == step + delta
    for delta in (-2, 2):
        assert totp.match_step(secret, totp.code_at_step(secret, step + delta), now) is None
    assert totp.match_step(secret, "abcdef", now) is None
    assert totp.match_step(secret, "ä", now) is None


def test_parse_allowlist() -> None:
    assert parse_allowlist(" 10.0.0.1 ,10.1.0.0/16,, 10.0.0.1, 2001:db8::/32 ") == (
        "10.0.0.1",
        "10.1.0.0/16",
        "2001:db8::/32",
    )
    assert parse_allowlist("10.1.2.3/24") == ("10.1.2.0/24",)
    assert parse_allowlist("") == ()
    for bad in ("10.0.0.256", "foo", "10.0.0.0/40", "1.2.3.4 5.6.7.8"):
        with pytest.raises(ValueError, match="not an IP"):
            parse_allowlist(bad)


def test_is_allowed() -> None:
    assert is_allowed("", None)
    assert is_allowed("10.0.0.0/8", "10.200.3.4")
    assert is_allowed("10.0.0.0/8", "::ffff:10.1.1.1")
    assert not is_allowed("10.0.0.0/8", "11.0.0.1")
    assert not is_allowed("10.0.0.0/8", None)
    assert not is_allowed("10.0.0.0/8", "testclient")
    assert is_allowed("2001:db8::/32", "2001:db8::5")
    assert not is_allowed("10.0.0.0/8", "2001:db8::5")


def test_modules() -> None:
    assert normalize_modules(["Zorg + R", "p&o", "ZORG", " alle  modules "]) == (
        "alle modules",
        "p&o",
        "zorg",
        "zorg + r",
    )
    with pytest.raises(ValueError, match="unknown module"):
        normalize_modules(["kantine"])
    assert has_p_and_o(["p&o"]) and has_p_and_o(["p&o + r"]) and has_p_and_o(["alle modules"])
    assert not has_p_and_o(["administratie", "zorg"])


def test_password_hashes_are_argon2id() -> None:
    passwords = Passwords(make_hasher(Argon2Params.for_tests()))
    stored = passwords.hash("geheim wachtwoord")
    assert stored.startswith("$argon2id$")
    assert passwords.verify(stored, "geheim wachtwoord")
    assert not passwords.verify(stored, "fout")
    assert not passwords.verify(None, "geheim wachtwoord")
    assert not passwords.verify("not a hash", "x")
    assert Argon2Params() == Argon2Params(time_cost=3, memory_cost=65536, parallelism=4)


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


def test_manual_clock() -> None:
    clock = ManualClock(datetime(2025, 1, 1, tzinfo=UTC))
    assert clock.advance(minutes=1) == datetime(2025, 1, 1, 0, 1, tzinfo=UTC)
    with pytest.raises(ValueError, match="aware"):
        ManualClock(datetime(2025, 1, 1))
