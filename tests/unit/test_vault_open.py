"""Opening and creating the vault: keyring or password, and files that cannot be opened.

The keyring here is an in-memory backend (or keyring's own fail/null backends); the real
Secret Service is tested in ``tests/keyring``.
"""

from __future__ import annotations

import base64
import json
import struct
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringLocked, NoKeyringError, PasswordDeleteError, PasswordSetError
from secretstorage.exceptions import LockedException

from desktop.otp.model import Account
from desktop.vault import (
    KeyMissing,
    KeyringProblem,
    KeyringUnavailable,
    PasswordNeeded,
    PasswordRequest,
    SaveFailed,
    ScryptParams,
    Vault,
    VaultCorrupt,
    VaultTooNew,
    VaultUnreadable,
    WrongPassword,
    keys,
    open_vault,
    set_aside_corrupt,
)
from desktop.vault import format as fmt

FAST = ScryptParams(n=2**4, r=8, p=1)
PASSWORD = "correct horse battery staple"
SECRET = b"12345678901234567890"


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict. It has no ``priority``, so keyring never picks it by itself."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


class FailingKeyring(MemoryKeyring):
    """A keyring whose every call raises ``error`` (as a broken D-Bus keyring would)."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def get_password(self, service: str, username: str) -> str | None:
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.error


class ForgetfulKeyring(MemoryKeyring):
    """Accepts keys and keeps none."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


class EmptyChainer(chainer.ChainerBackend):
    """keyring's chainer on a machine where it found nothing to chain."""

    backends: list[KeyringBackend] = []  # noqa: RUF012 - shadows the discovering property


def fail_keyring() -> KeyringBackend:
    return fail.Keyring()  # type: ignore[no-untyped-call]


def null_keyring() -> KeyringBackend:
    return null.Keyring()  # type: ignore[no-untyped-call]


def empty_chainer() -> KeyringBackend:
    return EmptyChainer()  # type: ignore[no-untyped-call]


class DBusException(Exception):
    """Stands in for a D-Bus error leaking out of a backend."""


class Prompt:
    """A password prompt that records what it was asked and answers from a list."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.requests: list[PasswordRequest] = []

    def __call__(self, request: PasswordRequest) -> str | None:
        self.requests.append(request)
        return self.answers.pop(0)


def never_asked(request: PasswordRequest) -> str | None:
    raise AssertionError(f"the prompt should not be used: {request}")


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "DEFAULT_SCRYPT_PARAMS", FAST)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def memory() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def global_keyring() -> Iterator[None]:
    """Tests that change keyring's process-wide backend put the old one back."""
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def vault_file(home: Path) -> Path:
    return home / "vault.tweestap"


def header_of(home: Path) -> dict[str, object]:
    data = vault_file(home).read_bytes()
    (length,) = struct.unpack_from(">I", data, len(fmt.MAGIC))
    start = len(fmt.MAGIC) + 4
    header: dict[str, object] = json.loads(data[start : start + length])
    return header


def key_kind(home: Path) -> object:
    key = header_of(home)["key"]
    assert isinstance(key, dict)
    return key["kind"]


def password_vault(home: Path, monkeypatch: pytest.MonkeyPatch, password: str = PASSWORD) -> Vault:
    monkeypatch.setenv("TWEESTAP_PASSWORD", password)
    vault = open_vault(home, keyring_backend=fail_keyring())
    monkeypatch.delenv("TWEESTAP_PASSWORD")
    return vault


def account() -> Account:
    return Account(issuer="Zilliz", name="anna@zorg.nl", secret=SECRET)


def folder_listing(home: Path) -> list[str]:
    return sorted(p.name for p in home.iterdir())


# -- keyring mode ---------------------------------------------------------------------------


def test_new_vault_keeps_a_random_32_byte_key_in_the_keyring(
    home: Path, memory: MemoryKeyring
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


def test_keyring_vault_reopens_with_its_accounts(home: Path, memory: MemoryKeyring) -> None:
    stored = open_vault(home, keyring_backend=memory).add(account())
    again = open_vault(home, keyring_backend=memory, password_prompt=never_asked)
    assert again.accounts == (stored,)
    assert again.accounts[0].secret == SECRET
    assert (again.created, again.key_notice, again.key_storage) == (False, None, "keyring")


def test_two_vaults_get_different_keys(tmp_path: Path, memory: MemoryKeyring) -> None:
    open_vault(tmp_path / "a", keyring_backend=memory)
    open_vault(tmp_path / "b", keyring_backend=memory)
    assert len(set(memory.entries.values())) == 2


def test_default_home_is_tweestap_home(
    tmp_path: Path, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWEESTAP_HOME", str(tmp_path / "from-env"))
    vault = open_vault(keyring_backend=memory)
    assert vault.path == tmp_path / "from-env" / "vault.tweestap"
    assert vault.path.exists()


def test_default_backend_is_keyrings_current_one(
    home: Path, memory: MemoryKeyring, global_keyring: None
) -> None:
    keyring.set_keyring(memory)
    vault = open_vault(home)
    assert vault.key_storage == "keyring"
    assert list(memory.entries) == [("Tweestap", f"vault-key:{vault.vault_id}")]


def test_key_missing_from_the_keyring_is_said_and_the_file_is_kept(
    home: Path, memory: MemoryKeyring
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
    home: Path, memory: MemoryKeyring, value: str
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
    home: Path, memory: MemoryKeyring, backend: KeyringBackend, says: str
) -> None:
    open_vault(home, keyring_backend=memory)
    before = vault_file(home).read_bytes()
    with pytest.raises(KeyringUnavailable) as raised:
        open_vault(home, keyring_backend=backend, password_prompt=never_asked)
    assert says in raised.value.render()
    assert "kept untouched" in raised.value.render()
    assert vault_file(home).read_bytes() == before


# -- falling back to a password -------------------------------------------------------------


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
    home: Path, monkeypatch: pytest.MonkeyPatch, memory: MemoryKeyring
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


# -- files that cannot be opened ------------------------------------------------------------


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
    home: Path, memory: MemoryKeyring, how: str
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


def test_a_vault_from_a_newer_version_is_refused_and_kept(
    home: Path, memory: MemoryKeyring
) -> None:
    open_vault(home, keyring_backend=memory)
    data = vault_file(home).read_bytes().replace(b'"format":1', b'"format":7')
    vault_file(home).write_bytes(data)
    with pytest.raises(VaultTooNew, match="format 7"):
        open_vault(home, keyring_backend=memory, start_fresh_after_corrupt=True)
    assert vault_file(home).read_bytes() == data


def test_an_unreadable_vault_path_is_reported(home: Path, memory: MemoryKeyring) -> None:
    vault_file(home).mkdir(parents=True)
    with pytest.raises(VaultUnreadable, match="cannot be opened"):
        open_vault(home, keyring_backend=memory)


@pytest.mark.parametrize("how", DAMAGE)
def test_starting_fresh_sets_the_damaged_file_aside(
    home: Path, memory: MemoryKeyring, how: str
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
    home: Path, memory: MemoryKeyring
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
    home: Path, memory: MemoryKeyring
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


def test_an_intact_vault_is_never_set_aside(home: Path, memory: MemoryKeyring) -> None:
    open_vault(home, keyring_backend=memory).add(account())
    vault = open_vault(home, keyring_backend=memory, start_fresh_after_corrupt=True)
    assert vault.set_aside_file is None
    assert len(vault.accounts) == 1


def test_set_aside_corrupt_reports_the_new_name(home: Path, memory: MemoryKeyring) -> None:
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
    home: Path, memory: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_replace(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(SaveFailed, match="No space left on device"):
        open_vault(home, keyring_backend=memory)
    assert memory.entries == {}
    assert not vault_file(home).exists()


# -- switching the key source ("app lock") --------------------------------------------------


def test_protect_with_password_moves_a_keyring_vault_to_a_password(
    home: Path, memory: MemoryKeyring
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


def test_protect_with_an_empty_password_is_refused(home: Path, memory: MemoryKeyring) -> None:
    vault = open_vault(home, keyring_backend=memory)
    with pytest.raises(PasswordNeeded):
        vault.protect_with_password("")
    assert vault.key_storage == "keyring"


def test_a_failed_switch_to_a_password_keeps_the_keyring_key(
    home: Path, memory: MemoryKeyring
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
    home: Path, monkeypatch: pytest.MonkeyPatch, memory: MemoryKeyring
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
    home: Path, monkeypatch: pytest.MonkeyPatch, memory: MemoryKeyring
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
