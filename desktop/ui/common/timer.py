"""The window's one timer seam: a single-shot timer that widgets ask to wake them up.

Everything in the UI that waits (the next step boundary, the countdown's next second, the
press-and-hold animation, clearing the clipboard, hiding a message) goes through
:class:`Timer`, so tests replace it with a fake they fire by hand and nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal


class Timer(QObject):
    """A single-shot timer: :meth:`start` arms it (again), ``timeout`` fires once."""

    timeout = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._qtimer = QTimer(self)
        self._qtimer.setSingleShot(True)
        # Coarse timers may fire up to 5 % late, which would show a code that already
        # expired; codes change on whole seconds, so ask for millisecond accuracy.
        self._qtimer.setTimerType(Qt.TimerType.PreciseTimer)
        self._qtimer.timeout.connect(self.timeout)

    def start(self, msec: int) -> None:
        """Fire once after ``msec`` milliseconds, replacing any earlier request."""
        self._qtimer.start(max(0, msec))

    def stop(self) -> None:
        self._qtimer.stop()

    def is_active(self) -> bool:
        return self._qtimer.isActive()

    def interval(self) -> int:
        """The delay of the last :meth:`start`, in milliseconds."""
        return self._qtimer.interval()


TimerFactory = Callable[[QObject], Timer]
"""Makes a :class:`Timer` owned by the given object (tests pass a factory of fakes)."""


def make_timer(parent: QObject) -> Timer:
    return Timer(parent)
