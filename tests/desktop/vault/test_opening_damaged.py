"""Files that cannot be opened are never changed: damaged, from a newer version, unreadable;
starting fresh sets them aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.vault import (
    PasswordNeeded,
    SaveFailed,
    VaultCorrupt,
    VaultTooNew,
    VaultUnreadable,
    open_vault,
    set_aside_corrupt,
)
from tests.desktop.vault.vault_files import (
    PASSWORD,
    account,
    folder_listing,
    password_vault,
    vault_file,
)
from tests.helpers.fakes import DictKeyring, Prompt, fail_keyring, never_asked


def _damage(data: bytes, how: str) -> bytes:
    match how:
        case "empty":
            return b""
        case "garbage":
            return b"\x89PNG\r\n\x1a\n" + bytes(range(256))
        case "truncated":
            return data[: len(data) // 2]
        case "header-flip":
            return data[:20] + bytes([data[20] ^ 0x20]) + data[21:]
        case "ciphertext-flip":
            return data[:-20] + bytes([data[-20] ^ 0x01]) + data[-19:]
    raise AssertionError(how)


DAMAGE = ["empty", "garbage", "truncated", "header-flip", "ciphertext-flip"]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_keyring_vault_is_corrupt_and_kept_untouched(
    home: Path, memory: DictKeyring, how: str
) -> None:
    open_vault(home, keyring_backend=memory).add(account())
    damaged = _damage(vault_file(home).read_bytes(), how)
    vault_file(home).write_bytes(damaged)
    with pytest.raises(VaultCorrupt) as raised:
        open_vault(home, keyring_backend=memory, password_prompt=never_asked)
    assert str(vault_file(home)) in raised.value.render()
    assert "kept untouched" in raised.value.render()
    assert raised.value.path == vault_file(home)
    assert vault_file(home).read_bytes() == damaged
    assert folder_listing(home) == ["vault.tweestap"]
    assert len(memory.entries) == 1


@pytest.mark.parametrize("how", ["truncated", "ciphertext-flip"])
def test_a_damaged_password_vault_is_corrupt_not_a_wrong_password(
    home: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    password_vault(home, monkeypatch).add(account())
    damaged = _damage(vault_file(home).read_bytes(), how)
    vault_file(home).write_bytes(damaged)
    with pytest.raises(VaultCorrupt):
        open_vault(home, keyring_backend=fail_keyring(), password_prompt=Prompt(PASSWORD))
    assert vault_file(home).read_bytes() == damaged


def test_a_vault_from_a_newer_version_is_refused_and_kept(home: Path, memory: DictKeyring) -> None:
    open_vault(home, keyring_backend=memory)
    data = vault_file(home).read_bytes().replace(b'"format":1', b'"format":7')
    vault_file(home).write_bytes(data)
    with pytest.raises(VaultTooNew, match="format 7"):
        open_vault(home, keyring_backend=memory, start_fresh_after_corrupt=True)
    assert vault_file(home).read_bytes() == data


def test_an_unreadable_vault_path_is_reported(home: Path, memory: DictKeyring) -> None:
    vault_file(home).mkdir(parents=True)
    with pytest.raises(VaultUnreadable, match="cannot be opened"):
        open_vault(home, keyring_backend=memory)


@pytest.mark.parametrize("how", DAMAGE)
def test_starting_fresh_sets_the_damaged_file_aside(
    home: Path, memory: DictKeyring, how: str
) -> None:
    open_vault(home, keyring_backend=memory).add(account())
    damaged = _damage(vault_file(home).read_bytes(), how)
    vault_file(home).write_bytes(damaged)
    vault = open_vault(home, keyring_backend=memory, start_fresh_after_corrupt=True)
    assert vault.accounts == ()
    assert vault.created
    aside = vault.set_aside_file
    assert aside is not None
    assert aside.parent == home
    assert aside.name.startswith("vault.tweestap.corrupt-")
    assert aside.read_bytes() == damaged
    assert folder_listing(home) == sorted(["vault.tweestap", aside.name])


def test_starting_fresh_after_a_lost_keyring_key_keeps_the_old_file(
    home: Path, memory: DictKeyring
) -> None:
    open_vault(home, keyring_backend=memory)
    before = vault_file(home).read_bytes()
    memory.entries.clear()
    vault = open_vault(home, keyring_backend=memory, start_fresh_after_corrupt=True)
    assert vault.set_aside_file is not None
    assert vault.set_aside_file.read_bytes() == before
    assert vault.key_storage == "keyring"


def test_starting_fresh_without_a_new_password_leaves_the_damaged_file_in_place(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password_vault(home, monkeypatch)
    vault_file(home).write_bytes(b"damaged")
    with pytest.raises(PasswordNeeded):
        open_vault(
            home,
            keyring_backend=fail_keyring(),
            password_prompt=Prompt(None),
            start_fresh_after_corrupt=True,
        )
    assert folder_listing(home) == ["vault.tweestap"]
    assert vault_file(home).read_bytes() == b"damaged"


def test_when_setting_aside_fails_nothing_changes_and_no_key_is_left_behind(
    home: Path, memory: DictKeyring
) -> None:
    open_vault(home, keyring_backend=memory)
    memory.entries.clear()
    before = vault_file(home).read_bytes()

    def broken_rename(*args: object) -> None:
        raise OSError(13, "Permission denied")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("os.rename", broken_rename)
        with pytest.raises(SaveFailed, match="Permission denied"):
            open_vault(home, keyring_backend=memory, start_fresh_after_corrupt=True)
    assert memory.entries == {}
    assert folder_listing(home) == ["vault.tweestap"]
    assert vault_file(home).read_bytes() == before


def test_an_intact_vault_is_never_set_aside(home: Path, memory: DictKeyring) -> None:
    open_vault(home, keyring_backend=memory).add(account())
    vault = open_vault(home, keyring_backend=memory, start_fresh_after_corrupt=True)
    assert vault.set_aside_file is None
    assert len(vault.accounts) == 1


def test_set_aside_corrupt_reports_the_new_name(home: Path, memory: DictKeyring) -> None:
    open_vault(home, keyring_backend=memory)
    vault_file(home).write_bytes(b"damaged")
    aside = set_aside_corrupt(home)
    assert aside.name.startswith("vault.tweestap.corrupt-")
    assert aside.read_bytes() == b"damaged"
    assert not vault_file(home).exists()
    assert open_vault(home, keyring_backend=memory).created


def test_set_aside_corrupt_without_a_file_fails_clearly(home: Path) -> None:
    with pytest.raises(SaveFailed):
        set_aside_corrupt(home)


def test_a_new_vault_that_cannot_be_written_leaves_no_key_behind(
    home: Path, memory: DictKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_replace(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(SaveFailed, match="No space left on device"):
        open_vault(home, keyring_backend=memory)
    assert memory.entries == {}
    assert not vault_file(home).exists()
