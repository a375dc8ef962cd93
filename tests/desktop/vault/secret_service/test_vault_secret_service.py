"""The vault against a real Secret Service (gnome-keyring on a private D-Bus, see conftest)."""

from __future__ import annotations

import base64
import functools
import gc
import os
import shutil
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import secretstorage
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, fail

from desktop.otp.model import Account
from desktop.vault import (
    KeyMissing,
    KeyringProblem,
    KeyringUnavailable,
    PasswordRequest,
    ScryptParams,
    keys,
    open_vault,
)
from desktop.vault import format as fmt

pytestmark = pytest.mark.keyring

FAST = ScryptParams(n=2**4, r=8, p=1)
PASSWORD = "correct horse battery staple"
SECRET = b"12345678901234567890"


def leaks_a_socket(test: Callable[..., None]) -> Callable[..., None]:
    """keyring's Secret Service backend leaks its D-Bus connection when the collection is
    locked or the service is gone (inside reference cycles). The test collects the garbage
    itself, so the ResourceWarning comes while it is ignored, not in some later test."""

    @functools.wraps(test)
    def collecting(*args: object, **kwargs: object) -> None:
        try:
            test(*args, **kwargs)
        finally:
            gc.collect()

    marked: Callable[..., None] = pytest.mark.filterwarnings("ignore::ResourceWarning")(collecting)
    return marked


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "DEFAULT_SCRYPT_PARAMS", FAST)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def secret_service_backend() -> KeyringBackend:
    return SecretService.Keyring()  # type: ignore[no-untyped-call]


def fail_keyring() -> KeyringBackend:
    return fail.Keyring()  # type: ignore[no-untyped-call]


def never_asked(request: PasswordRequest) -> str | None:
    raise AssertionError(f"the prompt should not be used: {request}")


def account() -> Account:
    return Account(issuer="Zilliz", name="anna@zorg.nl", secret=SECRET)


def stored_entries(vault_id: str) -> list[dict[str, Any]]:
    """What the Secret Service itself holds for this vault, read without keyring."""
    with closing(secretstorage.dbus_init()) as connection:
        query = {"service": "Tweestap", "username": f"vault-key:{vault_id}"}
        return [
            {"path": item.item_path, "secret": item.get_secret(), "label": item.get_label()}
            for item in secretstorage.search_items(connection, query)
        ]


def lock_default_collection() -> None:
    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        collection.lock()
        assert collection.is_locked()


def test_a_new_vault_keeps_its_key_in_the_secret_service(
    home: Path, secret_service_keyring: KeyringBackend
) -> None:
    vault = open_vault(home, password_prompt=never_asked)  # keyring's current backend
    assert (vault.key_storage, vault.key_notice) == ("keyring", None)
    (entry,) = stored_entries(vault.vault_id)
    assert entry["path"].startswith("/org/freedesktop/secrets/collection/login/")
    key = base64.b64decode(entry["secret"], validate=True)
    assert len(key) == 32
    username = f"vault-key:{vault.vault_id}"
    assert secret_service_keyring.get_password("Tweestap", username) == entry["secret"].decode()
    # It is the key of the file: with it, the file decrypts.
    header, _ = fmt.decode((home / "vault.tweestap").read_bytes(), key)
    assert header.key == fmt.KeyringKeySpec("Tweestap", username)


def test_a_keyring_vault_reopens_with_the_key_from_the_secret_service(
    home: Path, secret_service_keyring: KeyringBackend
) -> None:
    stored = open_vault(home).add(account())
    again = open_vault(home, keyring_backend=secret_service_backend(), password_prompt=never_asked)
    assert again.accounts == (stored,)
    assert again.accounts[0].secret == SECRET
    assert again.key_storage == "keyring"


def test_the_vault_file_alone_does_not_decrypt(
    home: Path, secret_service_keyring: KeyringBackend
) -> None:
    vault = open_vault(home)
    vault.add(account())
    data = (home / "vault.tweestap").read_bytes()
    (entry,) = stored_entries(vault.vault_id)
    assert entry["secret"] not in data
    assert base64.b64decode(entry["secret"]) not in data
    assert SECRET not in data
    with pytest.raises(fmt.WrongKeyError):
        fmt.decode(data, os.urandom(32))
    with pytest.raises(KeyringUnavailable):
        open_vault(home, keyring_backend=fail_keyring(), password_prompt=never_asked)


def test_the_vault_file_copied_to_another_keyring_does_not_open(
    tmp_path: Path, start_secret_service: Any
) -> None:
    start_secret_service()
    original = tmp_path / "this-machine"
    open_vault(original, keyring_backend=secret_service_backend()).add(account())
    start_secret_service()  # another machine, another keyring
    copy = tmp_path / "other-machine"
    copy.mkdir()
    shutil.copy2(original / "vault.tweestap", copy / "vault.tweestap")
    with pytest.raises(KeyMissing):
        open_vault(copy, keyring_backend=secret_service_backend(), password_prompt=never_asked)
    assert (copy / "vault.tweestap").read_bytes() == (original / "vault.tweestap").read_bytes()


def test_a_key_deleted_from_the_secret_service_is_key_missing_and_the_file_is_kept(
    home: Path, secret_service_keyring: KeyringBackend
) -> None:
    vault = open_vault(home)
    vault.add(account())
    before = (home / "vault.tweestap").read_bytes()
    secret_service_keyring.delete_password("Tweestap", f"vault-key:{vault.vault_id}")
    assert stored_entries(vault.vault_id) == []
    with pytest.raises(KeyMissing) as raised:
        open_vault(home, password_prompt=never_asked)
    assert f"vault-key:{vault.vault_id}" in raised.value.render()
    assert (home / "vault.tweestap").read_bytes() == before
    assert sorted(p.name for p in home.iterdir()) == ["vault.tweestap"]
    assert stored_entries(vault.vault_id) == []  # and no new key was made


def test_protect_with_password_removes_the_key_from_the_secret_service(
    home: Path, secret_service_keyring: KeyringBackend
) -> None:
    vault = open_vault(home)
    vault.protect_with_password(PASSWORD)
    assert stored_entries(vault.vault_id) == []
    vault.use_keyring()
    assert len(stored_entries(vault.vault_id)) == 1
    assert open_vault(home, password_prompt=never_asked).key_storage == "keyring"


@leaks_a_socket
def test_a_locked_keyring_makes_a_new_vault_use_a_password(
    home: Path, start_secret_service: Any
) -> None:
    start_secret_service()
    lock_default_collection()
    asked: list[PasswordRequest] = []

    def prompt(request: PasswordRequest) -> str:
        asked.append(request)
        return PASSWORD

    vault = open_vault(home, keyring_backend=secret_service_backend(), password_prompt=prompt)
    assert vault.key_storage == "password"
    assert isinstance(vault.key_notice, KeyringProblem)
    assert vault.key_notice.kind == "locked"
    assert "locked" in asked[0].reason.render()


@leaks_a_socket
def test_a_keyring_vault_is_refused_and_kept_while_the_keyring_is_locked(
    home: Path, start_secret_service: Any
) -> None:
    start_secret_service()
    open_vault(home, keyring_backend=secret_service_backend())
    before = (home / "vault.tweestap").read_bytes()
    lock_default_collection()
    with pytest.raises(KeyringUnavailable, match="locked"):
        open_vault(home, keyring_backend=secret_service_backend(), password_prompt=never_asked)
    assert (home / "vault.tweestap").read_bytes() == before


@leaks_a_socket
def test_when_the_secret_service_is_gone_a_keyring_vault_is_refused_and_kept(
    home: Path, start_secret_service: Any
) -> None:
    daemons = start_secret_service()
    open_vault(home, keyring_backend=secret_service_backend())
    before = (home / "vault.tweestap").read_bytes()
    daemons.stop_keyring_daemon()
    with pytest.raises(KeyringUnavailable, match="did not work"):
        open_vault(home, keyring_backend=secret_service_backend(), password_prompt=never_asked)
    assert (home / "vault.tweestap").read_bytes() == before
    fresh = open_vault(
        home.parent / "new-home",
        keyring_backend=secret_service_backend(),
        password_prompt=lambda request: PASSWORD,
    )
    assert fresh.key_storage == "password"
    assert isinstance(fresh.key_notice, KeyringProblem)
    assert fresh.key_notice.kind == "failed"
