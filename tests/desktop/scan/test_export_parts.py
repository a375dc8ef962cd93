"""Collecting several Google Authenticator exports, and their accounts going into the vault
the one way of every import: nothing doubled, nothing lost (no Qt)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from desktop.importers import ImportResult
from desktop.importers.into_vault import ImportSummary, store
from desktop.otp.model import Account, Likeness
from desktop.scan.errors import BrokenExport
from desktop.scan.export_parts import (
    ExportCollection,
    holds_export,
    read_export_text,
)
from desktop.scan.migration import encode_migration_uris
from desktop.vault import SaveFailed, Vault, open_vault
from tests.helpers.fakes import MemoryKeyring
from tests.paths import INTEROP

SCITO = INTEROP / "google-migration" / "scito-extract_otp_secrets"


def import_accounts(vault: Vault, accounts: Iterable[Account]) -> ImportSummary:
    """What the add-account window does with the accounts of the complete exports."""
    return store(vault, ImportResult(format_key="google_migration", accounts=list(accounts)))


@pytest.fixture
def vault(isolated_environment: Path) -> Vault:
    return open_vault(isolated_environment, keyring_backend=MemoryKeyring())


def account(name: str, secret: bytes = b"0123456789abcdefghij", issuer: str = "Svc") -> Account:
    return Account(issuer=issuer, name=name, secret=secret)


def test_holds_export_finds_a_link_anywhere_in_a_text() -> None:
    assert holds_export("OTPAUTH-MIGRATION://offline?data=x")
    assert holds_export("# comment\notpauth-migration://offline?data=x\n")
    assert not holds_export("otpauth://totp/x?secret=JBSWY3DP")


def test_a_text_file_with_several_exports_is_read_line_by_line() -> None:
    batches = read_export_text((SCITO / "example_export.txt").read_text(encoding="utf-8"))
    assert [len(b.entries) for b in batches] == [1, 1, 2, 1, 1]


@pytest.mark.parametrize("name", ["only_comments.txt", "test_export_wrong_data.txt"])
def test_texts_without_a_readable_export_are_refused(name: str) -> None:
    with pytest.raises(BrokenExport):
        read_export_text((SCITO / name).read_text(encoding="utf-8"))


def test_exports_are_kept_apart_and_only_complete_ones_count() -> None:
    whole = encode_migration_uris([account("a"), account("b")], batch_id=1)
    parts = encode_migration_uris(
        [account("c"), account("d"), account("e")], batch_id=2, per_batch=1
    )
    collection = ExportCollection()
    assert not collection.started and not collection.complete
    for text in whole + parts[:2]:
        for batch in read_export_text(text):
            collection.add(batch)
    assert collection.started and not collection.complete
    assert [a.name for a in collection.accounts()] == ["a", "b"]
    [missing] = collection.incomplete()
    assert str(missing).startswith("Part 3 of this Google Authenticator export (of 3 QR codes)")
    [last] = read_export_text(parts[2])
    assert not collection.received(last)
    collection.add(last)
    collection.add(last)  # the same part twice counts once
    assert collection.received(last) and collection.complete
    assert [a.name for a in collection.accounts()] == ["a", "b", "c", "d", "e"]
    collection.clear()
    assert collection.accounts() == () and not collection.started


def test_import_keeps_every_account_but_exact_duplicates_and_says_what_looks_alike(
    vault: Vault,
) -> None:
    new_key = b"the new account's key"
    vault.add(account("same"))
    vault.add(account("other", secret=b"a different secret!!"))
    summary = import_accounts(
        vault,
        [
            account("new", new_key),
            account("same"),
            account("other", b"yet another secret!!"),
            account("new", new_key),
        ],
    )
    assert [a.name for a in summary.imported] == ["new", "other"]
    assert [d.incoming.name for d in summary.duplicates] == ["same"]
    assert [d.incoming.name for d in summary.repeated] == ["new"]  # the export's own repeat
    (alike,) = summary.alike
    assert (alike.account.name, alike.other.name, alike.likeness) == (
        "other",
        "other",
        Likeness.SAME_NAME,
    )
    assert [a.name for a in vault.accounts] == ["same", "other", "new", "other"]
    assert vault.accounts[1].secret == b"a different secret!!"  # never replaced


def test_a_vault_error_stores_nothing_and_is_raised(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.vault import store

    vault.add(account("first"))
    before = vault.path.read_bytes()

    def broken(path: Path, data: bytes) -> None:
        raise store.StoreError(path, OSError(28, "No space left on device"))

    monkeypatch.setattr(store, "write_atomic", broken)
    with pytest.raises(SaveFailed):
        import_accounts(vault, [account("second"), account("third")])
    assert vault.path.read_bytes() == before
    assert [a.name for a in vault.accounts] == ["first"]
