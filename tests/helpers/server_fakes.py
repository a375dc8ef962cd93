"""The stand-ins the server's tests (and scripts) use where the real thing is the edge of the
machine: a password hasher with cheap parameters that counts its work (and one whose
verifications wait at a gate the test opens), and a purge timer that fires when told to.
Everything else is real: a server on a loopback port, a database file, the services."""

from __future__ import annotations

import asyncio
import threading
from typing import Literal

from argon2 import PasswordHasher

from server_stub.settings import Argon2Params

WAIT = 15.0
"""How long a fake waits for the server's side before the test fails (only reached when
something is wrong)."""


class CountingHasher(PasswordHasher):
    """argon2id with test parameters that counts its verifications and hashes."""

    def __init__(self) -> None:
        params = Argon2Params.for_tests()
        super().__init__(
            time_cost=params.time_cost,
            memory_cost=params.memory_cost,
            parallelism=params.parallelism,
        )
        self.verify_calls = 0
        self.hash_calls = 0
        self._lock = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        with self._lock:
            self.verify_calls += 1
        return super().verify(hash, password)

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        with self._lock:
            self.hash_calls += 1
        return super().hash(password, salt=salt)


class GatedHasher(CountingHasher):
    """Verifications wait at a gate the test opens, and are counted while they run."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.gate.set()
        self.running = 0
        self.most_running = 0
        self._count = threading.Lock()

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        with self._count:
            self.running += 1
            self.most_running = max(self.most_running, self.running)
        try:
            assert self.gate.wait(60), "the test never opened the gate"
            return super().verify(hash, password)
        finally:
            with self._count:
                self.running -= 1


def _release(waiting: asyncio.Future[None]) -> None:
    if not waiting.done():  # (cancelled when the server stopped meanwhile)
        waiting.set_result(None)


class ManualPurgeTimer:
    """A :class:`server_stub.maintenance.PurgeTimer` that waits until the test calls
    :meth:`fire`, from any thread (the server runs its event loop in a thread of its own)."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._waiting: tuple[asyncio.AbstractEventLoop, asyncio.Future[None]] | None = None
        self.waits = 0
        """How often the purge loop has come to wait (once at start, then after each purge)."""
        self.intervals: list[float] = []
        """The interval the loop asked for each time, in seconds."""

    async def wait(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        waiting: asyncio.Future[None] = loop.create_future()
        with self._changed:
            self._waiting = (loop, waiting)
            self.intervals.append(seconds)
            self.waits += 1
            self._changed.notify_all()
        await waiting

    def fire(self) -> None:
        """Let the interval pass once, and return when the loop waits again: the purge that
        ran in between has finished (or failed, and the loop went on)."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._waiting is not None, WAIT):
                raise AssertionError("the purge loop is not waiting on its timer")
            assert self._waiting is not None
            loop, waiting = self._waiting
            self._waiting = None
            fired_after = self.waits
        loop.call_soon_threadsafe(_release, waiting)
        with self._changed:
            if not self._changed.wait_for(lambda: self.waits > fired_after, WAIT):
                raise AssertionError("the purge loop did not come back to its timer")
