"""Select a region of the screen: a full-screen overlay on every screen, showing what was on
it (dimmed), where the person drags a rectangle around the QR code. Esc cancels.

The screens are captured first (:func:`desktop.ui.capture.screens.grab_screens`, at device
pixels); each overlay shows its screen's picture at the screen's device-pixel ratio, so
what is selected is exactly what is read: the rectangle is turned back into that
picture's pixels by :func:`desktop.ui.capture.screens.region_pixels`. Overlays are windows of
the add-account window, so its modality does not block them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.ui.capture.screens import Rect, ScreenShot

MIN_SIDE = 8
"""A rectangle smaller than this (logical pixels) is a click, not a selection."""

_DIM = QColor(0, 0, 0, 120)
_FRAME = QColor(64, 160, 255)


def shot_pixmap(shot: ScreenShot) -> QPixmap:
    """The shot's picture as a pixmap that covers its screen's logical size."""
    image = shot.image
    height, width = image.shape[:2]
    if image.ndim == 2:
        layout = QImage.Format.Format_Grayscale8
    elif image.shape[2] == 3:
        layout = QImage.Format.Format_BGR888
    else:
        layout = QImage.Format.Format_RGB32  # BGRA bytes, as grab_screens gives
    qimage = QImage(image.data, width, height, image.strides[0], layout)
    pixmap = QPixmap.fromImage(qimage.copy())
    logical_width = shot.geometry[2] or width
    pixmap.setDevicePixelRatio(width / logical_width)
    return pixmap


class RegionOverlay(QWidget):
    """One screen's overlay. ``selected`` carries the rectangle in desktop (logical)
    coordinates; ``cancelled`` is Esc."""

    selected = Signal(tuple)
    cancelled = Signal()

    def __init__(self, shot: ScreenShot, parent: QWidget | None = None) -> None:
        flags = (
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        super().__init__(parent, flags)
        self.shot = shot
        self._pixmap = shot_pixmap(shot)
        self._origin: QPoint | None = None
        self._current: QPoint | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWindowTitle(self.tr("Select region"))
        self.setAccessibleName(self.tr("Select the region of the QR code"))
        self.hint = self.tr("Drag a rectangle around the QR code. Press Esc to cancel.")
        x, y, width, height = shot.geometry
        screens = QGuiApplication.screens()
        if shot.index is not None and 0 <= shot.index < len(screens):
            self.setScreen(screens[shot.index])
        self.setGeometry(x, y, width, height)

    @property
    def selection(self) -> QRect:
        """The rectangle being dragged, in this overlay's coordinates (empty: none)."""
        if self._origin is None or self._current is None:
            return QRect()
        a, b = self._origin, self._current
        left, top = min(a.x(), b.x()), min(a.y(), b.y())
        return QRect(left, top, abs(a.x() - b.x()), abs(a.y() - b.y()))

    # -- events ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.activateWindow()
        self.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        selection = self.selection
        whole = self.rect()
        if selection.isEmpty():
            painter.fillRect(whole, _DIM)
        else:  # dim everything around the selection
            painter.fillRect(QRect(0, 0, whole.width(), selection.top()), _DIM)
            painter.fillRect(QRect(0, selection.bottom() + 1, whole.width(), whole.height()), _DIM)
            painter.fillRect(QRect(0, selection.top(), selection.left(), selection.height()), _DIM)
            painter.fillRect(
                QRect(
                    selection.right() + 1,
                    selection.top(),
                    whole.width(),
                    selection.height(),
                ),
                _DIM,
            )
            painter.setPen(QPen(_FRAME, 2))
            painter.drawRect(selection.adjusted(0, 0, -1, -1))
        self._paint_hint(painter)
        painter.end()

    def _paint_hint(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        box = metrics.boundingRect(self.hint).adjusted(-16, -10, 16, 10)
        box.moveCenter(QPoint(self.width() // 2, 0))
        box.moveTop(24)
        if not self.selection.intersects(box):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(32, 33, 36, 220))
            painter.drawRoundedRect(box, 8, 8)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.hint)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._origin = self._current = event.position().toPoint()
            self.update()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._origin is not None:
            self._current = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton or self._origin is None:
            return
        self._current = event.position().toPoint()
        selection = self.selection
        self._origin = self._current = None
        self.update()
        if selection.width() < MIN_SIDE or selection.height() < MIN_SIDE:
            return  # a click: keep waiting for a rectangle
        x, y = self.shot.geometry[:2]
        self.selected.emit(
            (x + selection.x(), y + selection.y(), selection.width(), selection.height())
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class RegionSelector(QObject):
    """The overlays of all screens, shown together and closed together.

    ``picked`` carries ``(shot, rect)``: the screen's picture and the rectangle in desktop
    coordinates; ``cancelled``: Esc on any screen.
    """

    picked = Signal(object, tuple)
    cancelled = Signal()

    def __init__(self, shots: Sequence[ScreenShot], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overlays = [RegionOverlay(shot, parent) for shot in shots]
        for overlay in self.overlays:
            overlay.selected.connect(self._selected)
            overlay.cancelled.connect(self.cancel)

    def start(self) -> None:
        for overlay in self.overlays:
            overlay.show()
        if self.overlays:
            self.overlays[0].activateWindow()

    def cancel(self) -> None:
        self.close_overlays()
        self.cancelled.emit()

    def close_overlays(self) -> None:
        overlays, self.overlays = self.overlays, []
        for overlay in overlays:
            overlay.close()

    def _selected(self, rect: Rect) -> None:
        overlay = self.sender()
        shot = overlay.shot if isinstance(overlay, RegionOverlay) else None
        self.close_overlays()
        if shot is not None:
            self.picked.emit(shot, rect)
