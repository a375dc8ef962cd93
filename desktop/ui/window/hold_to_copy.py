"""Press and hold a code to copy it, like on a phone: a short press or a click copies nothing.

The gesture watches the view's viewport. While the button is held down on a row, the row
fills up (the view's delegate paints :meth:`HoldToCopy.progress`); after
:data:`HOLD_SECONDS` the row is ``held`` and the caller copies its code. Releasing early,
moving away (a drag) or leaving the window cancels it.

Time comes from a :class:`~desktop.clock.Clock` (monotonic by default) and the frames
from a :class:`~desktop.ui.common.timer.Timer`, so tests drive the gesture without waiting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication

from desktop.clock import Clock, MonotonicClock
from desktop.ui.common.timer import Timer

HOLD_SECONDS = 0.5
FRAME_MS = 16

ModelIndex = QModelIndex | QPersistentModelIndex
Accepts = Callable[[QModelIndex, QPoint], bool]


class HoldToCopy(QObject):
    """The press-and-hold gesture on the rows of ``view``.

    ``accepts(index, pos)`` may refuse a press (e.g. on a row's own button).
    """

    held = Signal(QPersistentModelIndex)
    """The row was held long enough: copy its code."""
    started = Signal(QPersistentModelIndex)
    cancelled = Signal()

    def __init__(
        self,
        view: QAbstractItemView,
        timer: Timer,
        *,
        clock: Clock | None = None,
        duration: float = HOLD_SECONDS,
        accepts: Accepts | None = None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self.timer = timer
        self.timer.timeout.connect(self._frame)
        self._clock: Clock = clock or MonotonicClock()
        self.duration = duration
        self._accepts = accepts
        self._index: QPersistentModelIndex | None = None
        self._pressed_at = 0.0
        self._press_pos = QPoint()
        view.viewport().installEventFilter(self)

    def is_holding(self) -> bool:
        return self._index is not None and self._index.isValid()

    def progress(self, index: ModelIndex) -> float:
        """How far the hold on ``index`` has come: 0.0 (not held) to 1.0."""
        if self._index is None or not self._index.isValid() or self._index != index:
            return 0.0
        elapsed = self._clock.now() - self._pressed_at
        return max(0.0, min(1.0, elapsed / self.duration)) if self.duration > 0 else 1.0

    def cancel(self) -> None:
        if self._index is None:
            return
        index = self._index
        self._index = None
        self.timer.stop()
        self._repaint(index)
        self.cancelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self._press(event)
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            if self._index is not None:
                moved = (event.position().toPoint() - self._press_pos).manhattanLength()
                if moved >= QApplication.startDragDistance():
                    self.cancel()
        elif kind in (
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
            QEvent.Type.Leave,
            QEvent.Type.Hide,
            QEvent.Type.FocusOut,
        ):
            self.cancel()
        return False  # the view still selects the row, starts drags, opens menus

    def _press(self, event: QMouseEvent) -> None:
        self.cancel()
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        index = self._view.indexAt(pos)
        if not index.isValid() or (self._accepts is not None and not self._accepts(index, pos)):
            return
        self._index = QPersistentModelIndex(index)
        self._pressed_at = self._clock.now()
        self._press_pos = pos
        self.timer.start(FRAME_MS)
        self.started.emit(self._index)

    def _frame(self) -> None:
        index = self._index
        if index is None:
            return
        if not index.isValid():
            self._index = None
            return
        self._repaint(index)
        if self.progress(index) >= 1.0:
            self._index = None
            self._repaint(index)
            self.held.emit(index)
        else:
            self.timer.start(FRAME_MS)

    def _repaint(self, index: QPersistentModelIndex) -> None:
        if index.isValid():
            model_index = self._view.model().index(index.row(), index.column(), index.parent())
            self._view.viewport().update(self._view.visualRect(model_index))
