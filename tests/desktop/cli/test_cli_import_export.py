"""``tweestap import`` and ``tweestap export``, in-process with a fixed clock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.backup_reminder import LAST_BACKUP_SETTING
from desktop.exporters.backup import Argon2Params
from desktop.scan.decode import decode_image_file
from desktop.scan.migration import MigrationCollector, parse_migration_uri
from desktop.vault import open_vault
from tests.desktop.cli.conftest import RFC_URI, Cli, listed
from tests.paths import INTEROP

IMPORTS = INTEROP / "imports"
BACKUP_PASSWORD = "backup password 1"
HOTP_URI = "otpauth://hotp/VPN:jan?secret=JBSWY3DPEHPK3PXP&counter=5&digits=6"
STEAM_URI = "otpauth://steam/Steam:gamer?secret=JBSWY3DPEHPK3PXQ"


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "desktop.exporters.backup.DEFAULT_ARGON2", Argon2Params(memory_kib=64, iterations=1)
    )


@pytest.fixture
def three(cli: Cli) -> Cli:
    for uri in (RFC_URI, HOTP_URI, STEAM_URI):
        assert cli("add", uri)[0] == 0
    return cli


def codes(cli: Cli) -> list[tuple[str, str]]:
    code, out, _ = cli("code", "--json", "--at", "1111111109")
    assert code == 0
    return [(entry["issuer"] + ":" + entry["account"], entry["code"]) for entry in json.loads(out)]


def move_to_a_new_computer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TWEESTAP_HOME", str(tmp_path / "new-computer"))
    monkeypatch.setenv("TWEESTAP_PASSWORD", "a different vault password")


def test_backup_restores_on_a_new_computer_with_the_same_codes(
    three: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = codes(three)
    target = tmp_path / "out" / "backup.tweestap-backup"
    code, out, err = three(
        "export", str(target), "--format", "tweestap", "--password", BACKUP_PASSWORD
    )
    assert code == 0, err
    assert f"Exported 3 accounts to {target}." in out
    assert target.stat().st_mode & 0o777 == 0o600
    assert open_vault().settings[LAST_BACKUP_SETTING] == "1970-01-01T00:00:59Z"

    move_to_a_new_computer(monkeypatch, tmp_path)
    code, out, err = three("import", str(target), "--password", BACKUP_PASSWORD)
    assert code == 0, err
    assert "3 imported, 0 skipped as duplicates, 0 failed." in out
    assert codes(three) == before
    assert [entry["counter"] for entry in listed(three) if entry["type"] == "hotp"] == [5]


def test_importing_twice_skips_every_account_as_a_duplicate(three: Cli, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    three("export", str(target), "--format", "tweestap", "--password", BACKUP_PASSWORD)
    code, out, err = three("import", str(target), "--password", BACKUP_PASSWORD)
    assert code == 0
    assert "0 imported, 3 skipped as duplicates, 0 failed." in out
    assert "Skipped Zilliz: anna@zorg.nl: Tweestap already has this account." in err
    assert len(listed(three)) == 3


def test_wrong_password_imports_nothing(
    three: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "backup"
    three("export", str(target), "--format", "tweestap", "--password", BACKUP_PASSWORD)
    move_to_a_new_computer(monkeypatch, tmp_path)
    code, _, err = three("import", str(target), "--password", "not it at all")
    assert code == 1
    assert "The password does not open this Tweestap file. Nothing was imported." in err
    assert listed(three) == []


def test_encrypted_file_without_password_and_no_terminal(three: Cli, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    three("export", str(target), "--format", "tweestap", "--password", BACKUP_PASSWORD)
    code, _, err = three("import", str(target))
    assert code == 1
    assert "--password" in err
    assert "This Tweestap file is protected with a password." in err


def test_password_is_asked_again_on_a_terminal(
    three: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "backup"
    three("export", str(target), "--format", "tweestap", "--password", BACKUP_PASSWORD)
    move_to_a_new_computer(monkeypatch, tmp_path)
    typed = iter(["wrong one", BACKUP_PASSWORD])
    prompts: list[str] = []

    def getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(typed)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", getpass)
    code, out, err = three("import", str(target))
    assert code == 0, err
    assert prompts == ["Password of the Tweestap file backup: "] * 2
    assert "The password does not open this Tweestap file." in err
    assert "3 imported" in out


def test_export_password_typed_twice_on_a_terminal(
    three: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter(["short", BACKUP_PASSWORD, BACKUP_PASSWORD])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(typed))
    target = tmp_path / "backup"
    code, _, err = three("export", str(target), "--format", "tweestap")
    assert code == 0, err
    assert "too short" in err
    assert three("import", str(target), "--password", BACKUP_PASSWORD)[0] == 0


def test_encrypted_export_needs_a_password_without_a_terminal(three: Cli, tmp_path: Path) -> None:
    target = tmp_path / "backup"
    code, _, err = three("export", str(target), "--format", "aegis-encrypted")
    assert code == 1
    assert "give the password with --password" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("password", "reason"),
    [("kort", "too short: use at least 8 characters"), ("xxxxxxxxxx", "one character")],
)
def test_weak_export_password_is_refused(
    three: Cli, tmp_path: Path, password: str, reason: str
) -> None:
    target = tmp_path / "backup"
    code, _, err = three("export", str(target), "--format", "tweestap", "--password", password)
    assert code == 1
    assert reason in err
    assert not target.exists()


def test_password_with_a_plain_format_is_a_usage_error(three: Cli, tmp_path: Path) -> None:
    code, _, err = three("export", str(tmp_path / "x"), "--format", "otpauth", "--password", "x")
    assert code == 2
    assert "--password is only for the encrypted formats" in err


def test_unknown_export_format_is_a_usage_error(three: Cli, tmp_path: Path) -> None:
    code, _, err = three("export", str(tmp_path / "x"), "--format", "csv")
    assert code == 2
    assert "invalid choice" in err


def test_plain_export_warns_and_imports_back(
    three: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = codes(three)
    target = tmp_path / "links.txt"
    code, _, err = three("export", str(target), "--format", "otpauth")
    assert code == 0
    assert f"Warning: {target} is not encrypted." in err
    assert target.read_text().count("otpauth://") == 3
    move_to_a_new_computer(monkeypatch, tmp_path)
    code, _, err = three("import", str(target))
    assert code == 0, err
    assert codes(three) == before


@pytest.mark.parametrize("export_format", ["aegis", "aegis-encrypted"])
def test_aegis_exports_import_back_detected(
    three: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, export_format: str
) -> None:
    before = codes(three)
    target = tmp_path / "aegis.json"
    extra = ["--password", BACKUP_PASSWORD] if export_format == "aegis-encrypted" else []
    assert three("export", str(target), "--format", export_format, *extra)[0] == 0
    move_to_a_new_computer(monkeypatch, tmp_path)
    code, _, err = three("import", str(target), *extra)
    assert code == 0, err
    assert codes(three) == before


def test_google_qr_writes_one_png_per_code_and_lists_what_is_left_out(
    three: Cli, tmp_path: Path
) -> None:
    for n in range(12):
        three("add", "--key", "JBSWY3DPEHPK3PX" + "ABCDEFGHIJKL"[n], "--account", f"user{n}")
    target = tmp_path / "google.png"
    code, out, err = three("export", str(target), "--format", "google-qr")
    assert code == 0, err
    files = [tmp_path / "google-1.png", tmp_path / "google-2.png"]
    assert out.splitlines()[-2:] == [str(f) for f in files]
    assert "Wrote 2 QR codes with 14 accounts." in out
    assert "Left out Steam: gamer: Google Authenticator cannot make Steam codes." in err
    assert "anyone who sees these QR codes" in err
    collector = MigrationCollector()
    for file in files:
        assert file.stat().st_mode & 0o777 == 0o600
        (text,) = decode_image_file(file)
        collector.add(parse_migration_uri(text))
    assert collector.complete
    names = [a.name for a in collector.accounts()]
    assert names[:2] == ["anna@zorg.nl", "jan"]
    assert len(names) == 14


def test_export_of_an_empty_vault_is_refused(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("export", str(tmp_path / "x"), "--format", "otpauth")
    assert code == 1
    assert "There are no accounts to export" in err


def test_import_of_another_apps_file(cli: Cli) -> None:
    source = IMPORTS / "aegis" / "aegis_plain.json"
    code, out, err = cli("import", str(source))
    assert code == 0, err
    imported = [line for line in out.splitlines() if line.startswith("Imported ")]
    assert len(imported) == len(listed(cli)) > 0


def test_import_with_an_explicit_format(cli: Cli) -> None:
    source = IMPORTS / "andotp" / "andotp_plain.json"
    code, _, err = cli("import", str(source), "--format", "andotp")
    assert code == 0, err
    assert listed(cli)


def test_import_failures(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("import", str(tmp_path / "missing.json"))
    assert code == 1
    assert "There is no file" in err
    other = tmp_path / "notes.txt"
    other.write_text("boodschappen: melk, brood\n")
    code, _, err = cli("import", str(other))
    assert code == 1
    assert "not an export of an authenticator app that Tweestap knows" in err
    code, _, err = cli("import", str(other), "--format", "bogus")
    assert code == 2


def test_file_with_only_bad_entries_exits_1_and_says_why(cli: Cli, tmp_path: Path) -> None:
    links = tmp_path / "links.txt"
    links.write_text("otpauth://totp/A:b?secret=NOT*BASE32\notpauth://totp/C:d\n")
    code, out, err = cli("import", str(links), "--format", "otpauth_uri")
    assert code == 1
    assert "0 imported, 0 skipped as duplicates, 2 failed." in out
    assert err.count("Not imported: ") == 2
    assert listed(cli) == []
