"""A keyring backend kept in a JSON file named by ``$BENCH_KEYRING_FILE`` (benchmarks only).

``bench/startup.py`` gives it to the app under test in two ways: named in
``PYTHON_KEYRING_BACKEND`` (``--way module``), or installed as a keyring plug-in that keyring
finds by itself through its ``keyring.backends`` entry point, as ``keyrings.alt`` would be
(``--way installed``). Its imports are kept light: the app under test imports it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

KEYRING_FILE_ENV = "BENCH_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    """Passwords in a plain JSON file: a throw-away vault's key, never a real one."""

    priority = 1

    def _path(self) -> Path:
        return Path(os.environ[KEYRING_FILE_ENV])

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self._path().read_text())
        except FileNotFoundError:
            return {}
        return dict(data)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\0{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\0{username}", None)
        self._path().write_text(json.dumps(data))
