"""Switching where the vault's key lives (the app lock): keyring to password and back, a
failed switch keeping the old key."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.vault import (
    KeyringUnavailable,
    PasswordNeeded,
    SaveFailed,
    WrongPassword,
    open_vault,
)
from tests.desktop.vault.vault_files import (
    FAST,
    PASSWORD,
    account,
    header_of,
    password_vault,
    vault_file,
)
from tests.helpers.fakes import DictKeyring, Prompt, fail_keyring, never_asked


def test_protect_with_password_moves_a_keyring_vault_to_a_password(
    home: Path, memory: DictKeyring
) -> None:
    vault = open_vault(home, keyring_backend=memory)
    stored = vault.add(account())
    vault.protect_with_password("new secret words", scrypt_params=FAST)
    assert (vault.key_storage, vault.key_notice) == ("password", None)
    assert memory.entries == {}
    key = header_of(home)["key"]
    assert isinstance(key, dict)
    assert (key["kind"], key["reason"]) == ("password", "chosen")
    again = open_vault(home, keyring_backend=memory, password_prompt=Prompt("new secret words"))
    assert again.accounts == (stored,)
    assert again.key_notice is None  # chosen, so nothing to explain
    assert again.vault_id == vault.vault_id


def test_protect_with_password_again_changes_the_password(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = password_vault(home, monkeypatch)
    vault.protect_with_password("second password")
    with pytest.raises(WrongPassword):
        open_vault(home, keyring_backend=fail_keyring(), password_prompt=Prompt(PASSWORD))
    open_vault(home, keyring_backend=fail_keyring(), password_prompt=Prompt("second password"))


def test_protect_with_an_empty_password_is_refused(home: Path, memory: DictKeyring) -> None:
    vault = open_vault(home, keyring_backend=memory)
    with pytest.raises(PasswordNeeded):
        vault.protect_with_password("")
    assert vault.key_storage == "keyring"


def test_a_failed_switch_to_a_password_keeps_the_keyring_key(
    home: Path, memory: DictKeyring
) -> None:
    vault = open_vault(home, keyring_backend=memory)
    before = vault_file(home).read_bytes()

    def broken_replace(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("os.replace", broken_replace)
        with pytest.raises(SaveFailed, match="Read-only"):
            vault.protect_with_password("new secret words")
    assert vault.key_storage == "keyring"
    assert len(memory.entries) == 1
    assert vault_file(home).read_bytes() == before
    open_vault(home, keyring_backend=memory, password_prompt=never_asked)


def test_use_keyring_moves_a_password_vault_into_the_keyring(
    home: Path, monkeypatch: pytest.MonkeyPatch, memory: DictKeyring
) -> None:
    password_vault(home, monkeypatch).add(account())
    vault = open_vault(home, keyring_backend=memory, password_prompt=Prompt(PASSWORD))
    vault.use_keyring()
    assert (vault.key_storage, vault.key_notice) == ("keyring", None)
    assert list(memory.entries) == [("Tweestap", f"vault-key:{vault.vault_id}")]
    again = open_vault(home, keyring_backend=memory, password_prompt=never_asked)
    assert [a.label for a in again.accounts] == ["Zilliz: anna@zorg.nl"]
    vault.use_keyring()  # already there: nothing to do
    assert len(memory.entries) == 1


def test_use_keyring_without_a_keyring_keeps_the_password(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = password_vault(home, monkeypatch)
    before = vault_file(home).read_bytes()
    with pytest.raises(KeyringUnavailable):
        vault.use_keyring()
    assert vault.key_storage == "password"
    assert vault_file(home).read_bytes() == before


def test_a_failed_switch_to_the_keyring_removes_the_new_entry(
    home: Path, monkeypatch: pytest.MonkeyPatch, memory: DictKeyring
) -> None:
    password_vault(home, monkeypatch)
    vault = open_vault(home, keyring_backend=memory, password_prompt=Prompt(PASSWORD))

    def broken_replace(*args: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("os.replace", broken_replace)
        with pytest.raises(SaveFailed):
            vault.use_keyring()
    assert vault.key_storage == "password"
    assert memory.entries == {}
    open_vault(home, keyring_backend=memory, password_prompt=Prompt(PASSWORD))
