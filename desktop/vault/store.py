"""The vault file on disk: read it, replace it atomically, set it aside. No crypto here.

A save never leaves a half-written file: the new bytes go to a private temporary file in
the same folder, are flushed to the disk, and then take the old file's place in one
``os.replace``; the folder is synced so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from desktop.files import TooLarge, read_limited
from desktop.paths import ensure_private_dir

FILE_MODE = 0o600
CORRUPT_SUFFIX = ".corrupt-"


class StoreError(Exception):
    """Reading, writing or moving the file failed; ``reason`` is the system's short reason."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.reason = error.strerror or type(error).__name__
        super().__init__(f"{path}: {self.reason}")
        self.path = path


MAX_VAULT_SIZE = 256 * 1024 * 1024
"""A vault of 100,000 accounts is about 30 MB; what is larger is not a vault, and is not
read into memory (nor is a device or a pipe of that name read without end)."""


def read(path: Path) -> bytes | None:
    """The file's bytes, or ``None`` if there is no such file."""
    try:
        return read_limited(path, MAX_VAULT_SIZE)
    except FileNotFoundError:
        return None
    except TooLarge:
        raise StoreError(path, OSError(errno.EFBIG, os.strerror(errno.EFBIG))) from None
    except OSError as error:
        raise StoreError(path, error) from error


def fingerprint(data: bytes) -> bytes:
    """Identifies one version of the file (to notice changes made by another process)."""
    return hashlib.sha256(data).digest()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` (mode 0600); on failure the old file is unchanged."""
    try:
        folder = ensure_private_dir(path.parent)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise StoreError(path, error) from error
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, FILE_MODE)  # mkstemp makes it 0600 already; say so explicitly
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise StoreError(path, error) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def set_aside(path: Path, *, now: datetime | None = None) -> Path:
    """Rename ``path`` to ``<name>.corrupt-<UTC time>`` beside it (never over another file)
    and return the new path."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}{CORRUPT_SUFFIX}{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}{CORRUPT_SUFFIX}{stamp}-{number}")
    try:
        os.rename(path, target)
    except OSError as error:
        raise StoreError(path, error) from error
    _sync_folder(path.parent)
    return target


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; best effort (not every system or file system can).

    Failing here must not report the save as failed: the new file is already in place.
    """
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        descriptor = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
