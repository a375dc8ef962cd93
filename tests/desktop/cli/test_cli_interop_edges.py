"""Where other apps disagreed with Tweestap: KeePassXC's Steam links, and HOTP counters that
Aegis (a Java ``long``) and Google's export (a protobuf ``int64``) cannot hold."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from desktop.otp.model import Account, OtpType
from desktop.vault import open_vault
from desktop.vault.format import Contents
from tests.desktop.cli.conftest import Cli, listed

KEY = "JBSWY3DPEHPK3PXQ"
KEEPASSXC_STEAM = (
    f"otpauth://totp/Steam:gamer?secret={KEY}&period=30&digits=5&issuer=Steam&encoder=steam"
)
AT = "1718616600"
JAVA_LONG_MAX = 2**63 - 1  # what Aegis (a Java long) and Google's export (int64) hold


def only_code(cli: Cli, *argv: str) -> str:
    code, out, err = cli("code", *argv, "--at", AT)
    assert code == 0, err
    return out.strip()


def test_keepassxc_steam_link_is_added_as_steam_with_the_steam_code(cli: Cli) -> None:
    code, out, err = cli("add", KEEPASSXC_STEAM)
    assert code == 0, err
    assert "Added Steam: gamer" in out
    (stored,) = listed(cli)
    assert (stored["type"], stored["digits"]) == ("steam", 5)
    steam_code = only_code(cli, "--uri", f"otpauth://steam/Steam:gamer?secret={KEY}")
    assert only_code(cli, "gamer") == steam_code
    assert only_code(cli, "--uri", KEEPASSXC_STEAM) == steam_code


def test_the_link_list_writes_steam_so_that_keepassxc_reads_it_as_steam(
    cli: Cli, tmp_path: Path
) -> None:
    """KeePassXC (Totp::parseSettings) ignores the type and takes ``encoder``, ``digits``
    and ``period``; Aegis takes the ``steam`` type. The line carries both."""
    assert cli("add", KEEPASSXC_STEAM)[0] == 0
    target = tmp_path / "links.txt"
    assert cli("export", str(target), "--format", "otpauth")[0] == 0
    (line,) = target.read_text("utf-8").splitlines()
    parts = urlsplit(line)
    query = parse_qs(parts.query)
    assert parts.netloc == "steam"  # Aegis and Ente
    assert query["encoder"] == ["steam"]  # KeePassXC
    assert (query["digits"], query["period"]) == (["5"], ["30"])
    # and Tweestap reads its own line back as the same Steam account
    assert only_code(cli, "--uri", line) == only_code(cli, "gamer")


def test_an_hotp_counter_other_apps_cannot_hold_is_refused_at_add_and_nothing_changes(
    cli: Cli, vault_file: Path
) -> None:
    assert cli("add", "--key", KEY, "--account", "first")[0] == 0
    before = vault_file.read_bytes()
    code, out, err = cli("add", f"otpauth://hotp/Bank:me?secret={KEY}&counter={JAVA_LONG_MAX + 1}")
    assert code == 1 and out == ""
    assert "larger than other authenticator apps can hold" in err
    assert "9223372036854775807" in err and err.count("\n") == 1
    assert vault_file.read_bytes() == before


def test_the_largest_counter_that_is_stored_exports_to_aegis_and_google(
    cli: Cli, tmp_path: Path
) -> None:
    link = f"otpauth://hotp/Bank:me?secret={KEY}&counter={JAVA_LONG_MAX}"
    assert cli("add", link)[0] == 0
    aegis = tmp_path / "aegis.json"
    assert cli("export", str(aegis), "--format", "aegis")[0] == 0
    (entry,) = json.loads(aegis.read_text("utf-8"))["db"]["entries"]
    assert entry["info"]["counter"] == JAVA_LONG_MAX
    code, _, err = cli("export", str(tmp_path / "google.png"), "--format", "google-qr")
    assert code == 0, err
    assert "Left out" not in err


def test_moving_the_counter_past_what_other_apps_hold_is_refused_and_nothing_changes(
    cli: Cli, vault_file: Path
) -> None:
    link = f"otpauth://hotp/Bank:me?secret={KEY}&counter={JAVA_LONG_MAX}"
    assert cli("add", link)[0] == 0
    before = vault_file.read_bytes()
    code, out, err = cli("code", "me", "--advance")
    assert code == 1 and out == ""
    assert "larger than other authenticator apps can hold" in err
    assert vault_file.read_bytes() == before


@pytest.fixture
def vault_from_before_the_limit(cli: Cli) -> None:
    """A vault written when counters up to 2^64 - 1 were stored: it still opens."""
    assert cli("add", "--key", KEY, "--account", "plain")[0] == 0
    vault = open_vault()
    old = Account(issuer="Old", name="far", secret=b"k" * 10, type=OtpType.HOTP, counter=2**64 - 1)
    vault._save(vault._key, Contents(accounts=(*vault.accounts, old)))


@pytest.mark.usefixtures("vault_from_before_the_limit")
def test_an_old_vaults_far_counter_is_left_out_of_a_google_export_with_the_reason(
    cli: Cli, tmp_path: Path
) -> None:
    code, _, err = cli("export", str(tmp_path / "google.png"), "--format", "google-qr")
    assert code == 0, err
    assert "Left out Old: far: Google Authenticator cannot hold a counter above" in err
    assert "Traceback" not in err
    assert (tmp_path / "google.png").exists()


@pytest.mark.usefixtures("vault_from_before_the_limit")
@pytest.mark.parametrize("export_format", ["aegis", "aegis-encrypted"])
def test_an_old_vaults_far_counter_writes_no_aegis_file_aegis_cannot_read(
    cli: Cli, tmp_path: Path, export_format: str
) -> None:
    target = tmp_path / "aegis.json"
    argv = ["export", str(target), "--format", export_format]
    if export_format == "aegis-encrypted":
        argv += ["--password", "long enough password"]
    code, out, err = cli(*argv)
    assert code == 1 and "Exported" not in out
    assert "Aegis cannot hold the counter of Old: far (18446744073709551615)" in err
    assert not target.exists()
