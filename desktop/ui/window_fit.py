"""Windows that grow when their contents need more room: a message that appears (an error
banner, a hint under a field) must push the form down, never squeeze it.

Qt gives a top-level window the minimum size of its layout, but not the height that wrapped
text needs at the window's width (height-for-width), so a long sentence that appears in a
dialog of fixed height takes its room from the fields. :func:`keep_fitted` watches a window
for layout changes and grows it to what its layout needs at its current width; when the
message goes again, the window returns to the height it had before it grew (no empty band
above the buttons), never smaller.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


def needed_height(window: QWidget) -> int:
    """The height ``window``'s layout needs at the window's width (0 without a layout)."""
    layout = window.layout()
    if layout is None:
        return 0
    layout.activate()
    width = window.width()
    if layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = layout.totalSizeHint().height()
    return max(height, layout.totalMinimumSize().height())


def fit_height(window: QWidget, *, shrink: bool = False) -> None:
    """Make ``window`` as high as its contents need (only taller, unless ``shrink``)."""
    needed = needed_height(window)
    if needed <= 0:
        return
    if needed > window.height() or (shrink and needed < window.height()):
        window.resize(window.width(), needed)


class _Fitter(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.shown_height: int | None = None
        """The window's height when it was shown: where it returns to after a message."""
        self.grown = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(watched, QWidget):
            return False
        if event.type() == QEvent.Type.Show:
            fit_height(watched)
            self.shown_height, self.grown = watched.height(), False
        elif event.type() == QEvent.Type.LayoutRequest and watched.isVisible():
            self.fit(watched)
        return False

    def fit(self, window: QWidget) -> None:
        needed = needed_height(window)
        if needed <= 0:
            return
        base = self.shown_height if self.shown_height is not None else window.height()
        if needed > window.height():
            self.grown = True
            window.resize(window.width(), needed)
        elif self.grown and needed < window.height():
            target = max(needed, base)
            self.grown = target > base
            window.resize(window.width(), target)


def keep_fitted(window: QWidget) -> None:
    """Grow ``window`` whenever its contents need more height than it has."""
    fitter = _Fitter(window)
    window.installEventFilter(fitter)
