"""When each account was added and whether it replaced an older entry: kept in the vault,
read back, and forgiving of whatever an older or hand-edited vault holds there."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.otp.model import Account
from desktop.pairing_history import KEY, Pairing, pairing_of, record
from desktop.vault import Vault, open_vault
from tests.helpers.fakes import MemoryKeyring


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def vault(tmp_path: Path, backend: MemoryKeyring) -> Vault:
    return open_vault(tmp_path, keyring_backend=backend)


def add(vault: Vault, name: str) -> Account:
    return vault.add(Account(issuer="Zilliz", name=name, secret=b"12345678901234567890"))


def test_recorded_pairings_are_read_back_and_survive_reopening(
    vault: Vault, tmp_path: Path, backend: MemoryKeyring
) -> None:
    jan, piet = add(vault, "jan"), add(vault, "piet")
    record(vault, jan.id, at=1_700_000_000.5, replaced=False)
    record(vault, piet.id, at=1_700_000_100.0, replaced=True)
    reopened = open_vault(tmp_path, keyring_backend=backend)
    assert pairing_of(reopened, jan.id) == Pairing(1_700_000_000.5, replaced=False)
    assert pairing_of(reopened, piet.id) == Pairing(1_700_000_100.0, replaced=True)


def test_an_account_added_without_a_record_has_none(vault: Vault) -> None:
    assert pairing_of(vault, add(vault, "jan").id) is None


def test_entries_of_deleted_accounts_are_dropped_on_the_next_record(vault: Vault) -> None:
    jan, piet = add(vault, "jan"), add(vault, "piet")
    record(vault, jan.id, at=1.0, replaced=False)
    vault.remove(jan.id)
    record(vault, piet.id, at=2.0, replaced=False)
    assert set(vault.settings[KEY]) == {piet.id}


@pytest.mark.parametrize(
    "stored",
    [
        "not a mapping",
        {"ID": "not an entry"},
        {"ID": {"at": "yesterday"}},
        {"ID": {"at": True}},
        {"ID": {"at": None, "replaced": "yes"}},
        {"ID": {}},
    ],
)
def test_anything_else_in_the_vault_reads_as_unknown(vault: Vault, stored: object) -> None:
    jan = add(vault, "jan")
    if isinstance(stored, dict):
        stored = {jan.id if key == "ID" else key: value for key, value in stored.items()}
    vault.set_setting(KEY, stored)
    assert pairing_of(vault, jan.id) is None
    record(vault, jan.id, at=5.0, replaced=True)  # and recording still works
    assert pairing_of(vault, jan.id) == Pairing(5.0, replaced=True)
