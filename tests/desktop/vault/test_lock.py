"""The app lock at the vault level: a locked vault holds no key and no accounts, and the
vault file together with the keyring does not give the secrets away."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from desktop.otp.model import Account
from desktop.otp.secret import format_setup_key
from desktop.vault import (
    Vault,
    VaultChanged,
    VaultLocked,
    WrongPassword,
    open_vault,
)
from desktop.vault import (
    format as fmt,
)
from desktop.vault.keys import KeyringKey, PasswordKey
from tests.helpers.fakes import MemoryKeyring

PASSWORD = "correct horse battery"
SECRET = b"12345678901234567890"


@pytest.fixture
def backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def vault(isolated_environment: Path, backend: MemoryKeyring) -> Vault:
    vault = open_vault(isolated_environment, keyring_backend=backend)
    vault.add(Account(issuer="Zilliz", name="jan", secret=SECRET))
    vault.add(Account(issuer="VPN", name="jan", secret=b"another secret key!!"))
    return vault


def nothing_yields_the_secrets(path: Path, backend: MemoryKeyring) -> None:
    """Everything an attacker with the file and the keyring has: no key opens the file."""
    data = path.read_bytes()
    assert format_setup_key(SECRET).replace(" ", "").encode() not in data
    assert SECRET not in data
    sealed = fmt.read_header(data)
    for value in backend.entries.values():  # every key the keyring holds
        try:
            candidate = base64.b64decode(value)
        except ValueError:
            continue
        if len(candidate) == fmt.MASTER_KEY_SIZE:
            with pytest.raises(fmt.WrongKeyError):
                fmt.open_sealed(sealed, candidate)
    header = json.loads(data[19 : 19 + int.from_bytes(data[15:19], "big")])
    assert header["key"]["kind"] == "password"
    assert header["key"]["reason"] == "chosen"


def test_turning_the_lock_on_moves_the_key_out_of_the_keyring(
    vault: Vault, backend: MemoryKeyring
) -> None:
    before = vault.key_storage
    assert len(backend.entries) == 1
    vault.protect_with_password(PASSWORD)
    assert (before, vault.key_storage) == ("keyring", "password")
    assert backend.entries == {}  # the keyring alone no longer opens anything
    nothing_yields_the_secrets(vault.path, backend)


def test_a_locked_vault_forgets_key_and_accounts(vault: Vault, backend: MemoryKeyring) -> None:
    vault.protect_with_password(PASSWORD)
    vault.lock()
    assert vault.is_locked
    assert vault.accounts == ()
    assert dict(vault.settings) == {}
    assert "master_key" not in vars(vault._key)
    assert not isinstance(vault._key, PasswordKey | KeyringKey)
    nothing_yields_the_secrets(vault.path, backend)


def test_a_locked_vault_refuses_every_change_and_keeps_the_file(vault: Vault) -> None:
    vault.protect_with_password(PASSWORD)
    vault.lock()
    before = vault.path.read_bytes()
    with pytest.raises(VaultLocked):
        vault.add(Account(issuer="X", name="y", secret=SECRET))
    with pytest.raises(VaultLocked):
        vault.set_setting("favourites", ["x"])
    with pytest.raises(VaultLocked):
        vault.protect_with_password("another password")  # would write an empty vault
    with pytest.raises(VaultLocked):
        vault.use_keyring()
    with pytest.raises(VaultLocked):
        vault.reload()
    assert vault.path.read_bytes() == before


def test_unlocking(vault: Vault) -> None:
    vault.protect_with_password(PASSWORD)
    vault.lock()
    with pytest.raises(WrongPassword):
        vault.unlock("wrong password")
    assert vault.is_locked
    vault.unlock(PASSWORD)
    assert not vault.is_locked
    assert [a.issuer for a in vault.accounts] == ["Zilliz", "VPN"]
    vault.add(Account(issuer="After", name="unlock", secret=SECRET))
    assert len(open_vault(vault.path.parent, password_prompt=lambda _r: PASSWORD).accounts) == 3


def test_only_a_password_vault_can_be_locked(vault: Vault) -> None:
    with pytest.raises(ValueError, match="password"):
        vault.lock()
    assert not vault.is_locked


def test_turning_the_lock_off_moves_the_key_back(vault: Vault, backend: MemoryKeyring) -> None:
    vault.protect_with_password(PASSWORD)
    vault.use_keyring()
    assert vault.key_storage == "keyring"
    assert len(backend.entries) == 1
    assert len(open_vault(vault.path.parent, keyring_backend=backend).accounts) == 2


def test_unlock_notices_a_vault_moved_back_to_the_keyring_meanwhile(
    vault: Vault, backend: MemoryKeyring
) -> None:
    vault.protect_with_password(PASSWORD)
    vault.lock()
    other = open_vault(
        vault.path.parent, password_prompt=lambda _r: PASSWORD, keyring_backend=backend
    )
    other.use_keyring()  # another Tweestap turned the lock off
    with pytest.raises(VaultChanged):
        vault.unlock(PASSWORD)


def test_check_password_accepts_only_the_app_locks_password(vault: Vault) -> None:
    vault.protect_with_password(PASSWORD)
    vault.check_password(PASSWORD)  # no error: it is the one
    with pytest.raises(WrongPassword):
        vault.check_password(PASSWORD + " ")
    with pytest.raises(WrongPassword):
        vault.check_password("")
    assert [a.name for a in vault.accounts] == ["jan", "jan"]  # nothing changed or locked


def test_check_password_needs_an_unlocked_vault_with_a_password(vault: Vault) -> None:
    with pytest.raises(ValueError, match="no password"):
        vault.check_password(PASSWORD)  # its key is in the keyring: nothing to check
    vault.protect_with_password(PASSWORD)
    vault.lock()
    with pytest.raises(VaultLocked):
        vault.check_password(PASSWORD)
