"""Where the desktop app keeps its data.

``TWEESTAP_HOME`` overrides the platform's per-user data folder (tests never touch the real
one); the folder is created on first write, readable by its owner only.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Tweestap"
HOME_ENV = "TWEESTAP_HOME"
VAULT_FILE_NAME = "vault.tweestap"
PRIVATE_DIR_MODE = 0o700
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
"""Icons, translations, templates: beside the package, in the source tree and the builds."""


def data_home() -> Path:
    """``$TWEESTAP_HOME`` if set (and not empty), else the platform's user data folder."""
    override = os.environ.get(HOME_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def vault_path(home: Path | None = None) -> Path:
    """The vault file inside ``home`` (default :func:`data_home`)."""
    return (home if home is not None else data_home()) / VAULT_FILE_NAME


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if missing; a folder made here is mode 0700.

    An existing folder keeps its permissions: it may be one the person chose on purpose.
    """
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        # mkdir's mode is filtered through the umask; the data folder is private regardless.
        os.chmod(folder, PRIVATE_DIR_MODE)
    return folder
