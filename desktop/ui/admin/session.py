"""What the admin pages share: the logged-in client, the worker, the clock, and one place
where failures go.

Pages ask :meth:`AdminSession.call` to run a client method off the UI thread. A failure the
page does not handle itself (its ``failed`` returns ``False``) is announced with
``problem`` (the panel shows the sentence with "Try again"); an expired session is
announced with ``expired`` (the panel asks to log in again, then retries the call). Either
way the page keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.admin.errors import SessionExpired
from desktop.clock import Clock
from desktop.errors import UserError
from desktop.net.admin_client import AdminClient
from desktop.ui.common.background import Background

T = TypeVar("T")
Retry = Callable[[], None]
Handled = Callable[[UserError], bool]


class AdminSession(QObject):
    busy_changed = Signal(bool, str)
    """(busy, what is being done) — e.g. ``(True, "Saving the policy…")``."""
    problem = Signal(object, object)
    """(error, retry): a failure no page handled; ``retry()`` repeats the call."""
    expired = Signal(object)
    """(retry): the server ended the session; log in again, then ``retry()``."""
    notice = Signal(str)
    """A confirmation for the person ("Saved.")."""

    def __init__(
        self,
        client: AdminClient,
        clock: Clock,
        runner: Background | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.clock = clock
        self.runner = runner or Background(self)
        self._progress = ""
        self.runner.busy_changed.connect(self._busy_changed)

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def call(
        self,
        work: Callable[[AdminClient], T],
        done: Callable[[T], None],
        *,
        progress: str,
        failed: Handled | None = None,
    ) -> None:
        """Run ``work(client)`` on the worker; ``done(result)`` back on the UI thread."""

        def retry() -> None:
            self.call(work, done, progress=progress, failed=failed)

        def on_failed(error: UserError) -> None:
            if isinstance(error, SessionExpired):
                self.expired.emit(retry)
            elif failed is None or not failed(error):
                self.problem.emit(error, retry)

        self._progress = progress
        client = self.client
        self.runner.run(lambda: work(client), done, on_failed)
        if self.runner.busy:
            self.busy_changed.emit(True, progress)

    def tell(self, text: str) -> None:
        self.notice.emit(text)

    def _busy_changed(self, busy: bool) -> None:
        self.busy_changed.emit(busy, self._progress if busy else "")
