"""Where no keyring works, a vault is protected by a password: from ``TWEESTAP_PASSWORD`` or
the prompt, said why, normalised, never empty; a wrong one changes nothing."""

from __future__ import annotations

import base64
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, NoKeyringError, PasswordSetError
from secretstorage.exceptions import LockedException

from desktop.vault import (
    KeyringProblem,
    PasswordNeeded,
    PasswordRequest,
    ScryptParams,
    WrongPassword,
    keys,
    open_vault,
)
from tests.desktop.vault.vault_files import (
    PASSWORD,
    account,
    folder_listing,
    header_of,
    key_kind,
    password_vault,
    vault_file,
)
from tests.helpers.fakes import (
    DBusException,
    DictKeyring,
    FailingKeyring,
    ForgetfulKeyring,
    Prompt,
    empty_chainer,
    fail_keyring,
    never_asked,
    null_keyring,
)


@pytest.mark.parametrize(
    ("backend", "kind"),
    [
        (fail_keyring(), "none"),
        (null_keyring(), "off"),
        (empty_chainer(), "none"),
        (FailingKeyring(NoKeyringError("no backend")), "none"),
        (FailingKeyring(KeyringLocked("Failed to unlock the collection!")), "locked"),
        (FailingKeyring(LockedException("Item is locked!")), "locked"),
        (FailingKeyring(PasswordSetError("Failed to store")), "failed"),
        (FailingKeyring(DBusException("org.freedesktop.DBus.Error.ServiceUnknown")), "failed"),
        (ForgetfulKeyring(), "forgot"),
    ],
    ids=[
        "fail-backend",
        "null-backend",
        "empty-chainer",
        "no-keyring-error",
        "keyring-locked",
        "secretstorage-locked",
        "set-error",
        "dbus-error",
        "forgetful",
    ],
)
def test_without_a_working_keyring_a_new_vault_uses_a_password_and_says_why(
    home: Path, backend: KeyringBackend, kind: str
) -> None:
    prompt = Prompt(PASSWORD)
    vault = open_vault(home, keyring_backend=backend, password_prompt=prompt)
    assert vault.key_storage == "password"
    assert isinstance(vault.key_notice, KeyringProblem)
    assert vault.key_notice.kind == kind
    assert "protects your accounts with a password instead" in vault.key_notice.render()
    (request,) = prompt.requests
    assert request == PasswordRequest(new=True, reason=vault.key_notice, path=vault_file(home))
    assert key_kind(home) == "password"


def test_a_failing_keyrings_error_is_named_in_the_notice(home: Path) -> None:
    backend = FailingKeyring(DBusException("org.freedesktop.DBus.Error.ServiceUnknown"))
    vault = open_vault(home, keyring_backend=backend, password_prompt=Prompt(PASSWORD))
    assert vault.key_notice is not None
    assert "DBusException: org.freedesktop.DBus.Error.ServiceUnknown" in vault.key_notice.render()


def test_python_keyring_backend_fail_forces_password_mode(
    home: Path, monkeypatch: pytest.MonkeyPatch, global_keyring: None
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()  # keyring reads the variable when it picks its backend
    prompt = Prompt(PASSWORD)
    vault = open_vault(home, password_prompt=prompt)
    assert vault.key_storage == "password"
    assert isinstance(vault.key_notice, KeyringProblem)
    assert vault.key_notice.kind == "none"


def test_a_keyring_library_that_cannot_even_pick_a_backend_means_password_mode(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_backend() -> KeyringBackend:
        raise RuntimeError("The Secret Service daemon is neither running nor activatable")

    monkeypatch.setattr(keyring, "get_keyring", no_backend)
    vault = open_vault(home, password_prompt=Prompt(PASSWORD))
    assert vault.key_storage == "password"
    assert isinstance(vault.key_notice, KeyringProblem)
    assert "neither running nor activatable" in vault.key_notice.render()


def test_password_from_tweestap_password_without_a_prompt(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWEESTAP_PASSWORD", PASSWORD)
    stored = open_vault(home, keyring_backend=fail_keyring(), password_prompt=never_asked).add(
        account()
    )
    again = open_vault(home, keyring_backend=fail_keyring(), password_prompt=never_asked)
    assert again.accounts == (stored,)


def test_password_from_the_prompt_when_creating_and_when_opening(home: Path) -> None:
    creating = Prompt(PASSWORD)
    stored = open_vault(home, keyring_backend=fail_keyring(), password_prompt=creating).add(
        account()
    )
    opening = Prompt(PASSWORD)
    again = open_vault(home, keyring_backend=fail_keyring(), password_prompt=opening)
    assert again.accounts == (stored,)
    (request,) = opening.requests
    assert request.new is False
    assert request.path == vault_file(home)
    assert "protected by a password" in request.reason.render()


def test_tweestap_password_wins_over_the_prompt(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password_vault(home, monkeypatch)
    monkeypatch.setenv("TWEESTAP_PASSWORD", PASSWORD)
    open_vault(home, keyring_backend=fail_keyring(), password_prompt=never_asked)


def test_an_empty_tweestap_password_counts_as_unset(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password_vault(home, monkeypatch)
    monkeypatch.setenv("TWEESTAP_PASSWORD", "")
    prompt = Prompt(PASSWORD)
    open_vault(home, keyring_backend=fail_keyring(), password_prompt=prompt)
    assert len(prompt.requests) == 1


def test_the_password_is_normalised_so_it_works_on_every_system(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password_vault(home, monkeypatch, password="caf\u00e9")  # precomposed é
    open_vault(home, keyring_backend=fail_keyring(), password_prompt=Prompt("cafe\u0301"))


def test_a_password_vault_stays_a_password_vault_when_a_keyring_appears(
    home: Path, monkeypatch: pytest.MonkeyPatch, memory: DictKeyring
) -> None:
    password_vault(home, monkeypatch).add(account())
    prompt = Prompt(PASSWORD)
    vault = open_vault(home, keyring_backend=memory, password_prompt=prompt)
    assert vault.key_storage == "password"
    assert len(prompt.requests) == 1
    assert memory.entries == {}
    assert key_kind(home) == "password"


def test_a_reopened_fallback_vault_still_says_why_it_has_a_password(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password_vault(home, monkeypatch)
    vault = open_vault(home, keyring_backend=fail_keyring(), password_prompt=Prompt(PASSWORD))
    assert vault.key_notice is not None
    assert "no system keyring could be used" in vault.key_notice.render()


@pytest.mark.parametrize("answer", [None, "missing"], ids=["prompt-cancelled", "no-prompt"])
def test_no_password_for_a_new_vault_creates_nothing(home: Path, answer: str | None) -> None:
    prompt = Prompt(None) if answer is None else None
    with pytest.raises(PasswordNeeded) as raised:
        open_vault(home, keyring_backend=fail_keyring(), password_prompt=prompt)
    assert "Nothing was stored" in raised.value.render()
    assert not vault_file(home).exists()


def test_an_empty_new_password_is_refused(home: Path) -> None:
    with pytest.raises(PasswordNeeded, match="cannot be empty"):
        open_vault(home, keyring_backend=fail_keyring(), password_prompt=Prompt(""))
    assert not vault_file(home).exists()


@pytest.mark.parametrize("answer", [None, "missing"], ids=["prompt-cancelled", "no-prompt"])
def test_no_password_for_an_existing_vault_is_password_needed(
    home: Path, monkeypatch: pytest.MonkeyPatch, answer: str | None
) -> None:
    password_vault(home, monkeypatch)
    before = vault_file(home).read_bytes()
    prompt = Prompt(None) if answer is None else None
    with pytest.raises(PasswordNeeded) as raised:
        open_vault(home, keyring_backend=fail_keyring(), password_prompt=prompt)
    assert "TWEESTAP_PASSWORD" in raised.value.render()
    assert str(vault_file(home)) in raised.value.render()
    assert vault_file(home).read_bytes() == before


def test_wrong_password_from_the_prompt_changes_nothing(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password_vault(home, monkeypatch).add(account())
    before = vault_file(home).read_bytes()
    with pytest.raises(WrongPassword) as raised:
        open_vault(
            home,
            keyring_backend=fail_keyring(),
            password_prompt=Prompt("wrong"),
            start_fresh_after_corrupt=True,  # a wrong password is never "corrupt"
        )
    assert raised.value.render() == "The password is wrong; nothing was opened or changed."
    assert "wrong" not in raised.value.params.values()
    assert vault_file(home).read_bytes() == before
    assert folder_listing(home) == ["vault.tweestap"]


def test_wrong_password_from_the_environment_names_the_variable(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    password_vault(home, monkeypatch)
    before = vault_file(home).read_bytes()
    monkeypatch.setenv("TWEESTAP_PASSWORD", "wrong")
    with pytest.raises(WrongPassword, match="TWEESTAP_PASSWORD") as raised:
        open_vault(home, keyring_backend=fail_keyring())
    assert raised.value.from_environment
    assert vault_file(home).read_bytes() == before


def test_new_passwords_use_strong_scrypt_parameters_by_default() -> None:
    assert ScryptParams(n=2**17, r=8, p=1) == keys.STRONG_SCRYPT


def test_scrypt_parameters_are_stored_in_the_header(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWEESTAP_PASSWORD", PASSWORD)
    open_vault(home, keyring_backend=fail_keyring(), scrypt_params=ScryptParams(n=2**5, r=4, p=2))
    key = header_of(home)["key"]
    assert isinstance(key, dict)
    assert (key["kdf"], key["n"], key["r"], key["p"]) == ("scrypt", 32, 4, 2)
    assert len(base64.b64decode(key["salt"])) == 16
    monkeypatch.setattr(keys, "DEFAULT_SCRYPT_PARAMS", ScryptParams(n=2**6))
    open_vault(home, keyring_backend=fail_keyring())  # opening uses the header's parameters
