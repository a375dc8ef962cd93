"""Password hashing with argon2id, timed alike for unknown users, and never too many at once.

:meth:`Passwords.verify` always runs one argon2 verification: against the stored hash, or,
when there is none (unknown user, account waiting for activation), against a dummy hash made
with the same parameters, so the answer takes as long either way.

Each argon2 run takes 64 MiB and most of a core for about 0.2 s. At most ``slots`` run at once
(one per core by default), on threads of their own at a lower priority, so that the event loop
(health and code checks) always gets the CPU first; at most ``queue`` more wait for a slot, at
most ``wait`` seconds. Any further one, or one that waited too long, gets :class:`HashesBusy`
at once (the API answers 503 with ``Retry-After``): a flood of logins costs a bounded amount
of memory and CPU instead of all of it.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from typing import TypeVar

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from server_stub.ops import metrics
from server_stub.settings import Argon2Params, HashLimits

T = TypeVar("T")


class HashesBusy(Exception):
    """Every hash slot is taken and the queue is full (or the wait was too long)."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"every password hash slot is taken; retry after {retry_after} s")
        self.retry_after = retry_after


def make_hasher(params: Argon2Params) -> PasswordHasher:
    return PasswordHasher(
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        type=Type.ID,
    )


def _lower_priority(niceness: int) -> Callable[[], None]:
    def initializer() -> None:
        if niceness and hasattr(os, "setpriority"):
            # Linux: a thread's own nice value (only raising it needs no privilege).
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)

    return initializer


class HashSlots:
    """``with slots.slot(): ...``: at most ``limits.slot_count()`` holders at once, at most
    ``limits.queue_length()`` waiting; re-entrant per thread (a nested use takes no second
    slot)."""

    def __init__(self, limits: HashLimits) -> None:
        self.slots = limits.slot_count()
        self.queue = limits.queue_length()
        self.wait = limits.wait.total_seconds()
        self._free = threading.BoundedSemaphore(self.slots)
        self._lock = threading.Lock()
        self._waiting = 0
        self._held = threading.local()
        self.executor = ThreadPoolExecutor(
            max_workers=self.slots,
            thread_name_prefix="argon2",
            initializer=_lower_priority(limits.niceness),
        )

    @property
    def retry_after(self) -> int:
        return 1

    @contextmanager
    def slot(self) -> Iterator[None]:
        depth = getattr(self._held, "depth", 0)
        if depth:
            self._held.depth = depth + 1
            try:
                yield
            finally:
                self._held.depth = depth
            return
        with self._lock:
            if self._waiting >= self.queue:
                metrics.HASH_REJECTED.inc()
                raise HashesBusy(self.retry_after)
            self._waiting += 1
        metrics.HASH_WAITING.inc()
        try:
            acquired = self._free.acquire(timeout=self.wait)
        finally:
            metrics.HASH_WAITING.dec()
            with self._lock:
                self._waiting -= 1
        if not acquired:
            metrics.HASH_REJECTED.inc()
            raise HashesBusy(self.retry_after)
        self._held.depth = 1
        metrics.HASH_RUNNING.inc()
        try:
            yield
        finally:
            metrics.HASH_RUNNING.dec()
            self._held.depth = 0
            self._free.release()

    def run(self, work: Callable[[], T]) -> T:
        """``work`` (an argon2 call) on a hash thread, within a slot."""
        with self.slot():
            return self.executor.submit(work).result()

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


class Passwords:
    def __init__(self, hasher: PasswordHasher, limits: HashLimits | None = None) -> None:
        self.hasher = hasher
        self.slots = HashSlots(limits or HashLimits())
        self._dummy = hasher.hash(secrets.token_urlsafe(16))

    def slot(self) -> AbstractContextManager[None]:
        """Hold a hash slot across several steps (e.g. count the attempt, then verify)."""
        return self.slots.slot()

    def hash(self, password: str) -> str:
        return self.slots.run(lambda: self.hasher.hash(password))

    def verify(self, stored: str | None, password: str) -> bool:
        """True only when ``stored`` exists and matches; one argon2 run in every case."""

        def check() -> bool:
            try:
                return self.hasher.verify(stored if stored is not None else self._dummy, password)
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                return False

        matched = self.slots.run(check)
        return matched and stored is not None

    def needs_rehash(self, stored: str) -> bool:
        try:
            return self.hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True

    def close(self) -> None:
        self.slots.close()
