"""The server's own files are for its own account only: the data folder 0700, the SQLite
database and its ``-wal``, ``-shm`` and ``-journal`` files 0600 (they hold the argon2 hashes and
the sealed secrets; the key file is checked in :mod:`server_stub.crypto`).

What the server creates it creates private, whatever the umask (SQLite gives its ``-wal`` and
``-shm`` files the mode of the database file). What it finds open to other users (older
versions left the folder 0755 and the database 0644 under a typical umask) it makes private
itself at start when it owns it, and logs a warning that says so: anyone who could read the
file before may have a copy. A file it does not own, or cannot change, it refuses to start on,
naming the ``chown``/``chmod`` that fixes it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pwd
import stat
from pathlib import Path

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
log = logging.getLogger(__name__)


class UnsafePermissions(Exception):
    """A file or folder of the server is open to other local users and cannot be closed."""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def make_private(path: Path, private_mode: int) -> None:
    """Take every access of group and others from ``path`` when it has any, logging it; raise
    :class:`UnsafePermissions` with the fix when this process cannot (not the owner)."""
    info = path.stat()
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o077:
        return
    me = os.geteuid()
    fix = f"chmod {private_mode:o} {path}"
    if info.st_uid != me:
        owner, user = _user_name(info.st_uid), _user_name(me)
        raise UnsafePermissions(
            f"{path} is open to other users (mode {mode:o}) and belongs to {owner}, not to "
            f"{user} who runs the server; run: chown {user} {path} && {fix}"
        )
    try:
        os.chmod(path, mode & 0o700)
    except OSError as error:
        raise UnsafePermissions(
            f"{path} is open to other users (mode {mode:o}) and could not be made private "
            f"({error.strerror}); run: {fix}"
        ) from None
    log.warning(
        "%s was open to other users (mode %o); made it %o. Anyone who could read it before "
        "may have a copy.",
        path,
        mode,
        mode & 0o700,
    )


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (0700) if missing; close it to group and others if it is open."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    make_private(path, 0o700)


def ensure_private_database(path: Path) -> None:
    """Create the SQLite file ``path`` (0600, empty: SQLite takes an empty file for a new
    database) if missing; close it, and each of its companions, to group and others."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        if candidate.exists():
            make_private(candidate, 0o600)
