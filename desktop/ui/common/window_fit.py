"""Windows as high as what they show: a message that appears (an error banner, a hint under
a field) pushes the form down instead of squeezing it, and a dialog with pages is as high as
the page shown, so no empty band sits above its buttons.

Qt gives a top-level window the minimum size of its layout, but not the height that wrapped
text needs at the window's width (height-for-width), so a long sentence that appears in a
dialog of fixed height takes its room from the fields. :func:`keep_fitted` watches a window
for layout changes and makes it as high as its layout asks at its width; when the message
goes again, the window returns to the height it was shown with, never lower than its
contents need. A :class:`PageStack` asks for the height of its current page only (a
QStackedWidget asks for its highest page, shown or not).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtWidgets import QStackedLayout, QWidget


class _CurrentPageLayout(QStackedLayout):
    """A stacked layout that asks for the room of its current page only."""

    def _current(self) -> QWidget | None:
        return self.currentWidget()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        page = self._current()
        return page.sizeHint() if page is not None else QSize(0, 0)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        page = self._current()
        return page.minimumSizeHint() if page is not None else QSize(0, 0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        page = self._current()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        page = self._current()
        return page.heightForWidth(width) if page is not None else -1


class PageStack(QWidget):
    """Pages, one shown at a time (as QStackedWidget), where only the page shown counts for
    the window's size: QStackedWidget asks for the room of its largest page, shown or not."""

    currentChanged = Signal(int)  # noqa: N815 - QStackedWidget's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages = _CurrentPageLayout(self)
        self._pages.setContentsMargins(0, 0, 0, 0)
        self._pages.currentChanged.connect(self._changed)

    def _changed(self, index: int) -> None:
        self._pages.invalidate()
        self.updateGeometry()
        self.currentChanged.emit(index)

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - QStackedWidget's name
        return self._pages.addWidget(page)

    def count(self) -> int:
        return self._pages.count()

    def widget(self, index: int) -> QWidget | None:
        return self._pages.widget(index)

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - QStackedWidget's name
        return self._pages.indexOf(page)

    def currentIndex(self) -> int:  # noqa: N802 - QStackedWidget's name
        return self._pages.currentIndex()

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - QStackedWidget's name
        return self._pages.currentWidget()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802 - QStackedWidget's name
        self._pages.setCurrentIndex(index)

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - QStackedWidget's name
        self._pages.setCurrentWidget(page)


def needed_height(window: QWidget) -> int:
    """The height ``window``'s layout asks for at the window's width (0 without a layout)."""
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


class Fitter(QObject):
    """Keeps a window as high as its contents (see :func:`keep_fitted`)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.shown_height: int | None = None
        """The window's height when it was shown: where it returns to after a message."""
        self.grown = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # While its window is destroyed, Qt may still call in after Python let go of us.
        if watched is not getattr(self, "_window", None):
            return False
        if event.type() == QEvent.Type.Show:
            self.snap()  # the size Qt guessed wraps text at another width than it gets
        elif event.type() == QEvent.Type.LayoutRequest and self._window.isVisible():
            self.fit()
        return False

    def snap(self) -> None:
        """Exactly as high as the contents ask for now (a new page, a new window)."""
        needed = needed_height(self._window)
        if needed > 0:
            self._window.resize(self._window.width(), needed)
        self.shown_height, self.grown = self._window.height(), False

    def fit(self) -> None:
        """Taller when the contents need it; back to the shown height when they no longer do."""
        window = self._window
        if self.shown_height is None:
            self.shown_height = window.height()
        needed = needed_height(window)
        if needed <= 0:
            return
        height = window.height()
        if needed > height:
            self.grown = True
            window.resize(window.width(), needed)
        elif self.grown and needed < height:
            # The message has gone: back to the height it was shown with.
            target = max(needed, self.shown_height)
            self.grown = target > self.shown_height
            window.resize(window.width(), target)


def keep_fitted(window: QWidget) -> Fitter:
    """Keep ``window`` as high as its contents ask whenever they change; the returned
    :class:`Fitter`'s :meth:`~Fitter.snap` fits it exactly (call it after a page change)."""
    fitter = Fitter(window)
    window.installEventFilter(fitter)
    return fitter
