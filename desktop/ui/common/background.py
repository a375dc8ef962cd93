"""The one way the windows run work off the UI thread: :class:`Background`.

:meth:`Background.run` queues a function; a worker thread runs the queue in order and hands
each result to ``done``, or its :class:`~desktop.errors.UserError` to ``failed``, back on the
UI thread (a queued signal). A bug in the work (any other exception) is logged and comes back
as :class:`~desktop.errors.UnexpectedProblem`, so no window waits forever with a spinner.
While work is queued or running :attr:`Background.busy` is true and ``busy_changed`` says so,
for widgets that show progress and disable their buttons. The UI never waits for the network
or a slow file.

Each user has its own :class:`Background` (the admin panel's requests, the clock check, the
import dialog's reading, the camera search), so a slow clock measurement never holds up a
request of the admin panel. The worker thread ends when its queue is empty and never keeps
the app from quitting; :meth:`Background.wait` is for a window that must not close while a
request of its own is under way (and for tests).

(The camera's frames are a stream, not a job: :mod:`desktop.ui.add.camera_page` reads them
in a thread of its own that runs until it is stopped.)
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.errors import UnexpectedProblem, UserError

T = TypeVar("T")
log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[UserError], None]


class Background(QObject):
    busy_changed = Signal(bool)
    _finished = Signal(int, bool, object)  # emitted on the worker thread, received here

    def __init__(self, parent: QObject | None = None, *, name: str = "background") -> None:
        super().__init__(parent)
        self._name = name
        self._state = threading.Condition()
        self._queue: deque[tuple[int, Callable[[], object]]] = deque()
        self._working = False
        self._unfinished = 0  # queued, running or not yet delivered
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
        with self._state:
            self._queue.append((job, work))
            self._unfinished += 1
            if not self._working:
                self._working = True
                threading.Thread(target=self._work_through, name=self._name, daemon=True).start()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued function has returned (a closing window, tests)."""
        with self._state:
            return self._state.wait_for(
                lambda: self._unfinished == 0, None if msecs < 0 else msecs / 1000
            )

    def _work_through(self) -> None:  # on the worker thread
        while True:
            with self._state:
                if not self._queue:
                    self._working = False
                    return
                job, work = self._queue.popleft()
            try:
                result, ok = work(), True
            except UserError as error:
                result, ok = error, False
            except Exception as error:  # a bug: say so instead of hanging with a spinner
                log.exception("background work failed")
                result, ok = UnexpectedProblem(f"{type(error).__name__}: {error}"), False
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self._finished.emit(job, ok, result)
            with self._state:
                self._unfinished -= 1
                self._state.notify_all()

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
