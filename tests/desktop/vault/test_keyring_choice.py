"""The keyring backend that held the vault's key is remembered, so later starts skip
keyring's discovery; keyring's own variable and config file keep their precedence."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop.otp.model import Account
from desktop.vault import open_vault
from desktop.vault.keyring_choice import FILE_NAME, choose, read_remembered

PLUGIN = '''
import json, os
from pathlib import Path
from keyring.backend import KeyringBackend
from keyring.compat import properties

class FileKeyring(KeyringBackend):
    """A file-backed backend, as a keyring plug-in in the keyrings namespace would be."""

    priority = 1

    def _data(self):
        path = Path(os.environ["TEST_KEYRING_FILE"])
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service, username):
        return self._data().get(service + "/" + username)

    def set_password(self, service, username, password):
        data = self._data()
        data[service + "/" + username] = password
        Path(os.environ["TEST_KEYRING_FILE"]).write_text(json.dumps(data))

    def delete_password(self, service, username):
        data = self._data()
        data.pop(service + "/" + username, None)
        Path(os.environ["TEST_KEYRING_FILE"]).write_text(json.dumps(data))

class NotHere(FileKeyring):
    """A backend that says it does not work on this computer (keyring's viability test)."""

    @properties.classproperty
    def priority(cls):
        raise RuntimeError("no such service here")
'''
NAME = "keyrings.tweestap_test_plugin.FileKeyring"


class Discovery:
    """Stands in for keyring's discovery (entry points, every backend asked): counts runs."""

    def __init__(self, backend: KeyringBackend) -> None:
        self.backend = backend
        self.runs = 0

    def __call__(self) -> KeyringBackend:
        self.runs += 1
        return self.backend


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> type[KeyringBackend]:
    """A file-backed backend importable as ``keyrings.tweestap_test_plugin``; nothing tells
    keyring which backend to use (no variable, no config file)."""
    folder = tmp_path / "site" / "keyrings"
    folder.mkdir(parents=True)
    (folder / "tweestap_test_plugin.py").write_text(PLUGIN)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setenv("TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    from keyrings.tweestap_test_plugin import FileKeyring  # type: ignore[import-not-found]

    backend_class: type[KeyringBackend] = FileKeyring
    return backend_class


@pytest.fixture
def discovery(plugin: type[KeyringBackend], monkeypatch: pytest.MonkeyPatch) -> Discovery:
    found = Discovery(plugin())
    monkeypatch.setattr(keyring, "get_keyring", found)
    return found


def account() -> Account:
    return Account(issuer="Zilliz", name="jan", secret=b"12345678901234567890")


def test_the_backend_discovery_found_is_remembered_and_asked_first_next_time(
    tmp_path: Path, discovery: Discovery
) -> None:
    home = tmp_path / "home"
    open_vault(home).add(account())
    assert read_remembered(home) == NAME
    runs = discovery.runs

    again = open_vault(home)

    assert again.key_storage == "keyring"
    assert [a.name for a in again.accounts] == ["jan"]
    assert discovery.runs == runs  # opened without keyring's discovery


def test_a_vault_from_before_remembers_its_backend_on_its_first_open(
    tmp_path: Path, discovery: Discovery
) -> None:
    home = tmp_path / "home"
    open_vault(home).add(account())
    (home / FILE_NAME).unlink()

    open_vault(home)

    assert read_remembered(home) == NAME


def test_a_remembered_backend_that_no_longer_works_here_falls_back_to_discovery(
    tmp_path: Path, discovery: Discovery
) -> None:
    home = tmp_path / "home"
    open_vault(home).add(account())
    (home / FILE_NAME).write_text("keyrings.tweestap_test_plugin.NotHere\n")
    runs = discovery.runs

    reopened = open_vault(home)

    assert discovery.runs == runs + 1
    assert [a.name for a in reopened.accounts] == ["jan"]
    assert read_remembered(home) == NAME


def test_the_environment_variable_wins_over_the_remembered_backend(
    tmp_path: Path, discovery: Discovery, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / FILE_NAME).write_text(NAME + "\n")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

    chosen = choose(home)

    assert chosen.backend is discovery.backend  # keyring's own choice, asked as before
    chosen.confirm()
    assert read_remembered(home) == NAME  # and nothing new remembered


def test_keyrings_config_file_wins_and_nothing_is_remembered(
    tmp_path: Path, discovery: Discovery
) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "python_keyring" / "keyringrc.cfg"
    config.parent.mkdir(parents=True)
    config.write_text("[backend]\ndefault-keyring=keyring.backends.fail.Keyring\n")
    home = tmp_path / "home"
    home.mkdir()

    chosen = choose(home)
    chosen.confirm()

    assert discovery.runs == 1
    assert not (home / FILE_NAME).exists()


@pytest.mark.parametrize(
    "name",
    [
        "antigravity.Keyring",  # importing it would open a web browser
        "os.system",
        "keyrings",
        "keyring.backends.fail.Keyring; rm -rf ~",
        "",
    ],
)
def test_a_name_outside_keyrings_packages_is_never_imported(
    tmp_path: Path, discovery: Discovery, name: str
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / FILE_NAME).write_text(name)

    chosen = choose(home)

    assert chosen.backend is discovery.backend
    assert discovery.runs == 1


def test_a_keyring_that_cannot_hold_keys_is_not_remembered(
    tmp_path: Path, plugin: type[KeyringBackend], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)
    monkeypatch.setenv("TWEESTAP_PASSWORD", "a password for the test")
    home = tmp_path / "home"

    vault = open_vault(home)

    assert vault.key_storage == "password"
    assert not (home / FILE_NAME).exists()


def test_the_remembered_file_holds_only_the_class_name(
    tmp_path: Path, discovery: Discovery
) -> None:
    home = tmp_path / "home"
    open_vault(home).add(account())
    assert (home / FILE_NAME).read_text() == NAME + "\n"
    stored = json.loads((tmp_path / "keyring.json").read_text())
    assert list(stored) == [k for k in stored if k.startswith("Tweestap/vault-key:")]
