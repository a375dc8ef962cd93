"""Opening and creating a vault whose key is in the keyring (an in-memory backend here; the
real Secret Service is tested in ``tests/desktop/vault/secret_service``)."""

from __future__ import annotations

import base64
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from desktop.vault import (
    KeyMissing,
    KeyringUnavailable,
    open_vault,
)
from tests.desktop.vault.vault_files import (
    SECRET,
    account,
    folder_listing,
    header_of,
    key_kind,
    vault_file,
)
from tests.helpers.fakes import (
    DBusException,
    DictKeyring,
    FailingKeyring,
    fail_keyring,
    never_asked,
)


def test_new_vault_keeps_a_random_32_byte_key_in_the_keyring(
    home: Path, memory: DictKeyring
) -> None:
    vault = open_vault(home, keyring_backend=memory, password_prompt=never_asked)
    assert (vault.key_storage, vault.key_notice, vault.created) == ("keyring", None, True)
    assert vault.accounts == ()
    (((service, username), value),) = memory.entries.items()
    assert service == "Tweestap"
    assert username == f"vault-key:{vault.vault_id}"
    assert len(base64.b64decode(value, validate=True)) == 32
    assert key_kind(home) == "keyring"
    assert header_of(home)["vault"] == vault.vault_id


def test_keyring_vault_reopens_with_its_accounts(home: Path, memory: DictKeyring) -> None:
    stored = open_vault(home, keyring_backend=memory).add(account())
    again = open_vault(home, keyring_backend=memory, password_prompt=never_asked)
    assert again.accounts == (stored,)
    assert again.accounts[0].secret == SECRET
    assert (again.created, again.key_notice, again.key_storage) == (False, None, "keyring")


def test_two_vaults_get_different_keys(tmp_path: Path, memory: DictKeyring) -> None:
    open_vault(tmp_path / "a", keyring_backend=memory)
    open_vault(tmp_path / "b", keyring_backend=memory)
    assert len(set(memory.entries.values())) == 2


def test_default_home_is_tweestap_home(
    tmp_path: Path, memory: DictKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWEESTAP_HOME", str(tmp_path / "from-env"))
    vault = open_vault(keyring_backend=memory)
    assert vault.path == tmp_path / "from-env" / "vault.tweestap"
    assert vault.path.exists()


def test_default_backend_is_keyrings_current_one(
    home: Path, memory: DictKeyring, global_keyring: None
) -> None:
    keyring.set_keyring(memory)
    vault = open_vault(home)
    assert vault.key_storage == "keyring"
    assert list(memory.entries) == [("Tweestap", f"vault-key:{vault.vault_id}")]


def test_key_missing_from_the_keyring_is_said_and_the_file_is_kept(
    home: Path, memory: DictKeyring
) -> None:
    open_vault(home, keyring_backend=memory).add(account())
    before = vault_file(home).read_bytes()
    memory.entries.clear()
    with pytest.raises(KeyMissing) as raised:
        open_vault(home, keyring_backend=memory, password_prompt=never_asked)
    message = raised.value.render()
    assert str(vault_file(home)) in message
    assert "missing from the system keyring" in message
    assert "kept untouched" in message
    assert vault_file(home).read_bytes() == before
    assert folder_listing(home) == ["vault.tweestap"]
    assert memory.entries == {}


@pytest.mark.parametrize(
    "value",
    [base64.b64encode(bytes(32)).decode(), base64.b64encode(b"short").decode(), "not base64!"],
    ids=["other-key", "short-key", "garbage"],
)
def test_a_different_key_in_the_keyring_is_key_missing_not_corruption(
    home: Path, memory: DictKeyring, value: str
) -> None:
    open_vault(home, keyring_backend=memory)
    before = vault_file(home).read_bytes()
    (entry,) = memory.entries
    memory.entries[entry] = value
    with pytest.raises(KeyMissing, match="does not open them"):
        open_vault(home, keyring_backend=memory)
    assert vault_file(home).read_bytes() == before


@pytest.mark.parametrize(
    ("backend", "says"),
    [
        (fail_keyring(), "no system keyring is available now"),
        (FailingKeyring(KeyringLocked("locked")), "the keyring is locked"),
        (FailingKeyring(DBusException("org.freedesktop.DBus.Error.NoReply")), "did not work"),
    ],
    ids=["none", "locked", "dbus-error"],
)
def test_keyring_vault_without_a_working_keyring_is_refused_and_kept(
    home: Path, memory: DictKeyring, backend: KeyringBackend, says: str
) -> None:
    open_vault(home, keyring_backend=memory)
    before = vault_file(home).read_bytes()
    with pytest.raises(KeyringUnavailable) as raised:
        open_vault(home, keyring_backend=backend, password_prompt=never_asked)
    assert says in raised.value.render()
    assert "kept untouched" in raised.value.render()
    assert vault_file(home).read_bytes() == before
