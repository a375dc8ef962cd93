"""Running the admin client's calls off the UI thread, one at a time, in order.

:meth:`Runner.run` hands a function to a one-thread pool and calls ``done`` (with its result)
or ``failed`` (with a :class:`~desktop.errors.UserError`) back on the UI thread. While any
call is under way, :attr:`Runner.busy` is true and ``busy_changed`` tells the widgets, which
show progress and disable their buttons. The UI never waits for the network.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.admin.errors import UnexpectedProblem
from desktop.errors import UserError

T = TypeVar("T")
log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[UserError], None]


class Runner(QObject):
    busy_changed = Signal(bool)
    _finished = Signal(int, bool, object)  # emitted on the worker thread, received here

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # requests in the order they were asked
        self._pending: dict[int, tuple[Done, Failed]] = {}
        self._next_job = 0
        self._busy = False
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._busy

    def run(self, work: Callable[[], T], done: Callable[[T], None], failed: Failed) -> None:
        job = self._next_job
        self._next_job += 1
        self._pending[job] = (done, failed)
        self._set_busy(True)
        self._pool.start(lambda: self._execute(job, work))

    def wait(self, msecs: int = -1) -> bool:
        """Block until every call has returned (closing the window, tests)."""
        return self._pool.waitForDone(msecs)

    def _execute(self, job: int, work: Callable[[], object]) -> None:  # on the worker thread
        try:
            result, ok = work(), True
        except UserError as error:
            result, ok = error, False
        except Exception as error:  # a bug: say so instead of hanging with a spinner
            log.exception("admin call failed")
            result, ok = UnexpectedProblem(f"{type(error).__name__}: {error}"), False
        self._finished.emit(job, ok, result)

    def _deliver(self, job: int, ok: bool, result: object) -> None:
        done, failed = self._pending.pop(job)
        try:
            if ok:
                done(result)
            elif isinstance(result, UserError):
                failed(result)
        finally:
            if not self._pending:
                self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
