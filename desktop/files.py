"""Reading a file a person named (an export to import, a picture to scan): never more than
a limit, whatever the name stands for.

``Path.read_bytes()`` trusts the name: ``/dev/zero``, ``/dev/urandom`` or a pipe that never
ends reads until memory runs out, and a named pipe without a writer blocks forever. Here
every read stops after ``limit + 1`` bytes (one more than allowed tells "too large" from
"exactly the limit"), a regular file's size is checked before anything is read, and a
named pipe nobody writes to reads as empty after :data:`PIPE_PATIENCE` seconds instead of
hanging (the window would freeze; ``cat > pipe`` started a moment later is still read).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Final

_CHUNK: Final = 1024 * 1024
PIPE_PATIENCE = 10.0
"""Seconds a named pipe may keep Tweestap waiting for its first byte."""


class TooLarge(Exception):
    """More than ``limit`` bytes."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(f"{path}: more than {limit} bytes")
        self.path = path
        self.limit = limit


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` (a file, a pipe, a device), or :class:`TooLarge` when there
    are more than ``limit``; ``OSError`` (``FileNotFoundError``, ``IsADirectoryError``,
    ``PermissionError``, ...) when it cannot be read."""
    # Non-blocking only for the open itself: a FIFO without a writer would block there.
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_NOCTTY", 0)
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_BINARY", 0)
    )
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise TooLarge(path, limit)
        if stat.S_ISFIFO(info.st_mode) and not _ready(descriptor, PIPE_PATIENCE):
            return b""
        _blocking(descriptor)
        data = bytearray()
        while len(data) <= limit:
            chunk = os.read(descriptor, min(_CHUNK, limit + 1 - len(data)))
            if not chunk:
                return bytes(data)
            data += chunk
        raise TooLarge(path, limit)
    finally:
        os.close(descriptor)


def _ready(descriptor: int, seconds: float) -> bool:
    """Whether a named pipe has data (or a writer that came and went) within ``seconds``."""
    import select

    poller = select.poll()
    poller.register(descriptor, select.POLLIN)
    return bool(poller.poll(int(seconds * 1000)))


def _blocking(descriptor: int) -> None:
    """Reads wait for data again (a pipe whose writer is slow is read to its end)."""
    try:
        import fcntl
    except ImportError:  # Windows: there was no O_NONBLOCK either
        return
    current = fcntl.fcntl(descriptor, fcntl.F_GETFL)
    fcntl.fcntl(descriptor, fcntl.F_SETFL, current & ~os.O_NONBLOCK)
