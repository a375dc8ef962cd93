"""Putting an import into the vault (the one way in), and the last-backup setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import backup_reminder
from desktop.exporters import ExportFormat
from desktop.exporters.backup import Argon2Params
from desktop.exporters.files import default_file_name, export_bytes
from desktop.importers import (
    ImportFileUnreadable,
    ImportResult,
    Skipped,
    importer,
    read_import_file,
)
from desktop.importers.into_vault import store
from desktop.otp.model import Account, InvalidAccount, Likeness, OtpType
from desktop.otp.uri import InvalidUri
from desktop.vault import SaveFailed, Vault, open_vault

T = 1_718_616_600.0


@pytest.fixture(autouse=True)
def fast_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "desktop.exporters.backup.DEFAULT_ARGON2", Argon2Params(memory_kib=64, iterations=1)
    )


@pytest.fixture
def vault(isolated_environment: Path, monkeypatch: pytest.MonkeyPatch) -> Vault:
    monkeypatch.setenv("TWEESTAP_PASSWORD", "vault password")
    return open_vault(isolated_environment)


def account(issuer: str, name: str, key: bytes, **changes: object) -> Account:
    return Account(issuer=issuer, name=name, secret=key).replace(**changes)


def test_import_keeps_every_account_but_exact_duplicates_and_reports_the_rest(
    vault: Vault,
) -> None:
    vault.add(account("Zilliz", "anna", b"key-of-anna-12345"))
    vault.add(account("Intranet", "jan", b"old-key-of-jan-1"))
    skipped = Skipped("Broken: entry", InvalidUri("bad"))
    result = ImportResult(
        format_key="aegis",
        accounts=[
            account("Zilliz", "anna", b"key-of-anna-12345"),  # exactly the same account
            account("Zilliz", "anna (renamed)", b"key-of-anna-12345"),  # same key again
            account("New", "piet", b"key-of-piet-12345"),
            account("Intranet", "jan", b"new-key-of-jan-1"),  # same name, another key
            account("New", "piet", b"key-of-piet-12345"),  # the file's own repeat
        ],
        skipped=[skipped],
    )
    summary = store(vault, result)
    assert [a.label for a in summary.imported] == [
        "Zilliz: anna (renamed)",
        "New: piet",
        "Intranet: jan",
    ]
    assert [d.incoming.label for d in summary.duplicates] == ["Zilliz: anna"]
    assert summary.duplicates[0].existing.label == "Zilliz: anna"
    assert [d.incoming.label for d in summary.repeated] == ["New: piet"]
    assert [(r.account.label, r.other.label, r.likeness) for r in summary.alike] == [
        ("Zilliz: anna (renamed)", "Zilliz: anna", Likeness.SAME_KEY),
        ("Intranet: jan", "Intranet: jan", Likeness.SAME_NAME),
    ]
    assert summary.resemblance(summary.imported[1]) is None
    assert summary.failed == [skipped]
    stored = open_vault().accounts
    assert [a.label for a in stored] == [
        "Zilliz: anna",
        "Intranet: jan",
        "Zilliz: anna (renamed)",
        "New: piet",
        "Intranet: jan",
    ]
    assert [a.secret for a in stored if a.name == "jan"] == [
        b"old-key-of-jan-1",
        b"new-key-of-jan-1",
    ]


def test_add_many_is_one_save_keeps_ids_unique_and_takes_the_same_login_twice(
    vault: Vault,
) -> None:
    first = vault.add(account("A", "a", b"k" * 10))
    added = vault.add_many(
        [account("B", "b", b"l" * 10, id=first.id), account("A", "a", b"m" * 10)]
    )
    assert len({a.id for a in vault.accounts}) == 3
    assert added[0].id != first.id
    assert [a.label for a in open_vault().accounts] == ["A: a", "B: b", "A: a"]


def test_add_many_refuses_what_the_vault_does_not_take_in_and_stores_nothing(
    vault: Vault,
) -> None:
    vault.add(account("A", "a", b"k" * 10))
    before = vault.path.read_bytes()
    with pytest.raises(InvalidAccount):
        vault.add_many([account("B", "b", b"l" * 10), account("C", "c" * 300, b"m" * 10)])
    assert vault.path.read_bytes() == before


def test_a_failed_save_stores_nothing(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault.add(account("A", "a", b"k" * 10))
    from desktop.vault import store as vault_file

    def broken(path: Path, data: bytes) -> None:
        raise vault_file.StoreError(path, OSError(28, "No space left on device"))

    result = ImportResult(format_key="aegis", accounts=[account("B", "b", b"l" * 10)])
    with monkeypatch.context() as patch:
        patch.setattr(vault_file, "write_atomic", broken)
        with pytest.raises(SaveFailed):
            store(vault, result)
    assert [a.label for a in open_vault().accounts] == ["A: a"]
    assert [a.label for a in vault.accounts] == ["A: a"]


def test_backup_round_trip_on_a_fresh_home(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export, then restore into a new data folder with another password: same codes."""
    from desktop.otp.codes import code_at

    vault.add(account("Zilliz", "anna", b"12345678901234567890"))
    vault.add(Account(issuer="VPN", name="jan", secret=b"h" * 20, type=OtpType.HOTP, counter=9))
    data = export_bytes(ExportFormat.TWEESTAP, vault.accounts, "backup pass", now=T)
    monkeypatch.setenv("TWEESTAP_HOME", str(tmp_path / "new-computer"))
    monkeypatch.setenv("TWEESTAP_PASSWORD", "another vault password")
    fresh = open_vault()
    assert fresh.accounts == ()
    result = importer("tweestap").read(data, "backup pass")
    summary = store(fresh, result)
    assert summary.duplicates == [] and summary.failed == []
    restored = open_vault().accounts
    assert [a.label for a in restored] == ["Zilliz: anna", "VPN: jan"]
    assert [code_at(a, T) for a in restored] == [code_at(a, T) for a in vault.accounts]
    assert restored[1].counter == 9


def test_last_backup_is_kept_in_the_vault_settings(vault: Vault) -> None:
    assert not backup_reminder.backup_reminder_due(vault)  # no accounts: nothing to back up
    vault.add(account("A", "a", b"k" * 10))
    assert backup_reminder.backup_reminder_due(vault)
    backup_reminder.record_backup(vault, T)
    assert vault.settings[backup_reminder.LAST_BACKUP_SETTING] == "2024-06-17T09:30:00Z"
    reopened = open_vault()
    assert not backup_reminder.backup_reminder_due(reopened)
    last = backup_reminder.last_backup(reopened)
    assert last is not None and last.timestamp() == T
    vault.set_setting(backup_reminder.LAST_BACKUP_SETTING, None)
    assert backup_reminder.backup_reminder_due(open_vault())


def test_unreadable_import_files_say_why(tmp_path: Path) -> None:
    with pytest.raises(ImportFileUnreadable) as missing:
        read_import_file(tmp_path / "nope.json")
    assert missing.value.render() == f"There is no file {tmp_path / 'nope.json'}."
    with pytest.raises(ImportFileUnreadable) as folder:
        read_import_file(tmp_path)
    assert "is a folder" in folder.value.render()


def test_default_file_names() -> None:
    assert default_file_name(ExportFormat.TWEESTAP, T) == (
        "tweestap-backup-2024-06-17.tweestap-backup"
    )
    assert default_file_name(ExportFormat.OTPAUTH, T).endswith(".txt")
