"""Code checks: one writer thread, each batch of waiting checks in one transaction.

``POST /api/session/verify`` is the server's hot path (hundreds per second). It must not run
in the event loop (a writer in another process can hold the database's lock for seconds, and
the whole server would stand still), but the thread pool costs a thread hop each way and lets
the checks fight each other and the event loop for the GIL while one of them holds the write
lock (SQLite) or waits on the database's answers (PostgreSQL).

So the event loop hands each check to one thread of its own and awaits the answer. That thread
takes every check waiting at that moment (up to :data:`MAX_BATCH`) and runs them one after
the other in a single write transaction. One commit for the batch, then every answer is handed
back to the event loop in one call. The rules are those of
:meth:`VerificationService.attempt`, in the same order; the replay guard still holds inside a
batch (a second check of one code sees the first one's ``last_step``) and across processes
(the rows a check changes are locked until its batch commits).

On SQLite each check runs inside a savepoint: one that fails unexpectedly is rolled back
alone; a refusal that must be kept (a wrong code's count) is kept. On PostgreSQL a savepoint
and its release are two more round trips to the database server per check (of seven), so the
checks run without them: a refusal is raised before its check writes anything (or, on the
rare pairing and e-mail code path, inside a savepoint of its own), and any other failure
aborts the whole transaction there anyway. Then nothing of the batch was committed, and each
of its checks is run again in a transaction of its own. The commonest such failure is a
session or user row locked by another transaction (the same user's code checked by another
worker at this moment, an administrator changing the user): the batch does not wait for it
(``NOWAIT``) but fails at once, so the checks run alone, and that one waits as it may.

A batch must have begun before its oldest check has waited the database's busy timeout (3 s):
when another process holds the write lock the checks get 503 ``database_busy`` within that
time, and a check that already waited so long is answered at once without trying.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

from server_stub.db import DatabaseBusy, is_busy
from server_stub.domain.login import Verified
from server_stub.ops import metrics
from server_stub.services import Services
from server_stub.services.errors import ServiceError

log = logging.getLogger(__name__)
MAX_BATCH = 32
IDLE_SECONDS = 30.0  # the thread ends after this long without work (and starts again on demand)


@dataclass(eq=False)
class _Check:
    token: str
    code: str
    ip: str | None
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Verified]
    deadline: float
    outcome: Verified | BaseException | None = field(default=None)


def _settle(checks: list[_Check]) -> None:
    """In the event loop: hand each request its answer (unless it went away meanwhile)."""
    for check in checks:
        if check.future.done():
            continue
        if isinstance(check.outcome, BaseException):
            check.future.set_exception(check.outcome)
        elif check.outcome is not None:
            check.future.set_result(check.outcome)


class CodeChecks:
    def __init__(self, services: Services, max_batch: int = MAX_BATCH) -> None:
        self._services = services
        self.max_batch = max_batch
        self._queue: queue.SimpleQueue[_Check] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self.received = 0  # checks handed over so far (read by tests and benchmarks)

    async def verify(self, token: str, code: str, ip: str | None) -> Verified:
        loop = asyncio.get_running_loop()
        busy_timeout = self._services.ctx.db.busy_timeout
        check = _Check(token, code, ip, loop, loop.create_future(), time.monotonic() + busy_timeout)
        self._queue.put(check)
        with self._lock:
            self.received += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="code-checks", daemon=True)
                self._thread.start()
        return await check.future

    def _run(self) -> None:
        me = threading.current_thread()
        try:
            while True:
                try:
                    first = self._queue.get(timeout=IDLE_SECONDS)
                except queue.Empty:
                    with self._lock:  # (a check handed over now starts a new thread)
                        if self._queue.empty():
                            self._thread = None
                            return
                    continue
                batch = [first]
                while len(batch) < self.max_batch:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                self._check(batch)
                metrics.observe_code_checks(check.outcome for check in batch)
                self._deliver(batch)
        finally:
            with self._lock:  # ended by an error: the next check starts a new thread
                if self._thread is me:
                    self._thread = None

    def _check(self, batch: list[_Check]) -> None:
        now = time.monotonic()
        live = []
        for check in batch:
            if check.deadline <= now:
                check.outcome = DatabaseBusy("the check waited too long for the database")
            else:
                live.append(check)
        if not live:
            return
        database = self._services.ctx.db
        if len(live) > 1 and not database.savepoints_are_cheap:
            self._check_together(live)
            return
        verification = self._services.verification
        try:
            with database.write(deadline=min(c.deadline for c in live)) as db:
                if len(live) == 1:  # alone: the transaction is its savepoint
                    check = live[0]
                    check.outcome = verification.attempt(db, check.token, check.code, check.ip)
                    return
                for check in live:
                    try:
                        with db.begin_nested():
                            check.outcome = verification.attempt(
                                db, check.token, check.code, check.ip
                            )
                    except Exception as error:  # rolled back to the savepoint: this one only
                        check.outcome = error
        except Exception as error:  # nothing was committed: every check of the batch failed
            for check in live:
                check.outcome = error

    def _check_together(self, live: list[_Check]) -> None:
        """PostgreSQL: the batch without savepoints; if its transaction breaks, each check
        again on its own."""
        verification = self._services.verification
        try:
            with self._services.ctx.db.write(deadline=min(c.deadline for c in live)) as db:
                for check in live:
                    try:
                        check.outcome = verification.attempt(
                            db, check.token, check.code, check.ip, wait=False
                        )
                    except ServiceError as error:  # refused before it wrote anything
                        check.outcome = error
            return
        except Exception as error:  # rolled back: nothing of the batch was committed
            log.info("a batch of %d code checks failed (%s); each again alone", len(live), error)
        # Each alone, first without waiting for locked rows, so that one check waiting for a
        # row (up to the lock timeout) does not use up the others' time.
        locked = []
        for check in live:
            self._check_alone(check, wait=False)
            if isinstance(check.outcome, Exception) and is_busy(check.outcome):
                locked.append(check)
        for check in locked:
            self._check_alone(check, wait=True)

    def _check_alone(self, check: _Check, *, wait: bool) -> None:
        if check.deadline <= time.monotonic():
            check.outcome = DatabaseBusy("the check waited too long for the database")
            return
        try:
            with self._services.ctx.db.write(deadline=check.deadline) as db:
                check.outcome = self._services.verification.attempt(
                    db, check.token, check.code, check.ip, wait=wait
                )
        except Exception as error:
            check.outcome = error

    @staticmethod
    def _deliver(batch: list[_Check]) -> None:
        by_loop: dict[asyncio.AbstractEventLoop, list[_Check]] = defaultdict(list)
        for check in batch:
            by_loop[check.loop].append(check)
        for loop, checks in by_loop.items():
            # RuntimeError: that event loop has closed, so nobody waits any more.
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(_settle, checks)
