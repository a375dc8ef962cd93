"""The vault tests' fixtures: a home folder, an in-memory keyring, scrypt at test strength,
and keyring's process-wide backend put back after a test that changes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from desktop.vault import keys
from tests.desktop.vault.vault_files import FAST
from tests.helpers.fakes import DictKeyring


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keys, "DEFAULT_SCRYPT_PARAMS", FAST)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def memory() -> DictKeyring:
    return DictKeyring()


@pytest.fixture
def global_keyring() -> Iterator[None]:
    """Tests that change keyring's process-wide backend put the old one back."""
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)
