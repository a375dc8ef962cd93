"""Which keyring backend holds the vault's key: keyring's own choice, remembered.

keyring picks its backend on every start: the one ``PYTHON_KEYRING_BACKEND`` names, else
the one in its ``keyringrc.cfg``, else by *discovery*: it imports every installed backend
(their entry points) and asks each whether it works here. On Linux discovery alone takes
50-100 ms (the macOS backend looks for its framework with ``ctypes.util.find_library``,
which runs ``ldconfig``), a third of what the window needs to paint its codes.

So once a key has been read from or stored in a backend that discovery found, that
backend's class is remembered in :data:`FILE_NAME` beside the vault, and later starts ask
it first, as long as it still says it works here (keyring's own viability check);
otherwise discovery runs as before. The variable and the config file keep their
precedence: with either set this module stays out of the way. It is a cache, nothing
more: losing the file costs one discovery, never a key.

Only names in keyring's own package or in the ``keyrings`` namespace its plug-ins share
(``keyrings.alt``, ``keyrings.cryptfile``) are loaded from the file: a name elsewhere
would import a module for nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.core
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.util import platform_

from desktop import paths

FILE_NAME = "keyring-backend"
BACKEND_ENV = "PYTHON_KEYRING_BACKEND"
_NAME = re.compile(r"(?:keyring\.backends|keyrings)(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
_NOT_WORTH_REMEMBERING = (fail.Keyring, null.Keyring, chainer.ChainerBackend)


@dataclass(slots=True)
class BackendChoice:
    """The backend to use, and whether keyring's discovery found it (then it is worth
    remembering once it has held a key)."""

    backend: KeyringBackend
    folder: Path
    discovered: bool

    def confirm(self) -> None:
        """The backend held (or gave back) a key: remember it, if discovery found it."""
        if not self.discovered or isinstance(self.backend, _NOT_WORTH_REMEMBERING):
            return
        name = class_name(self.backend)
        if _NAME.fullmatch(name) is None or read_remembered(self.folder) == name:
            return
        with contextlib.suppress(OSError):  # a cache: a read-only folder costs time only
            paths.ensure_private_dir(self.folder)  # a new vault's key is stored first
            path = self.folder / FILE_NAME
            temporary = path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
            temporary.write_text(name + "\n", encoding="utf-8")
            temporary.replace(path)
        self.discovered = False


def class_name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def keyring_is_told() -> bool:
    """Whether keyring is told which backend to use (its variable or its config file)."""
    if os.environ.get(BACKEND_ENV, "").strip():
        return True
    config: Path = platform_.config_root() / "keyringrc.cfg"
    return config.is_file()


def read_remembered(folder: Path) -> str | None:
    try:
        text = (folder / FILE_NAME).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if _NAME.fullmatch(text) else None


def choose(folder: Path) -> BackendChoice:
    """The backend for a vault in ``folder``: keyring's, or the one remembered there."""
    if not keyring_is_told():
        name = read_remembered(folder)
        if name is not None:
            with contextlib.suppress(Exception):  # gone, or no longer viable: discover again
                return BackendChoice(keyring.core.load_keyring(name), folder, discovered=False)
    return BackendChoice(keyring.get_keyring(), folder, discovered=not keyring_is_told())
