"""The server's own files are for its own account only: the data folder 0700, the SQLite
database and its ``-wal``, ``-shm`` and ``-journal`` files 0600 (they hold the argon2 hashes and
the sealed secrets; the key file is checked in :mod:`server_stub.crypto`).

What the server creates it creates private, whatever the umask (SQLite gives its ``-wal`` and
``-shm`` files the mode of the database file). What it finds open to other users it refuses to
start on, naming the ``chmod`` that fixes it: such a file may already have been copied, and
the administrator should know.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


class UnsafePermissions(Exception):
    """A file or folder of the server is open to other local users."""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (0700) if missing; refuse it if group or others have any access."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    mode = _mode(path)
    if mode & 0o077:
        raise UnsafePermissions(
            f"{path} is open to other users (mode {mode:o}); run: chmod 700 {path}"
        )


def ensure_private_database(path: Path) -> None:
    """Create the SQLite file ``path`` (0600, empty: SQLite takes an empty file for a new
    database) if missing; refuse it, or one of its companions, if others may read or write it."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        if candidate.exists() and _mode(candidate) & 0o077:
            raise UnsafePermissions(
                f"{candidate} is readable by other users (mode {_mode(candidate):o}); "
                f"run: chmod 600 {candidate}"
            )
