"""Painting one account row: the name, the code in large grouped digits, the countdown ring.

::

    Zilliz  jan@zorg.example                                   next
    123 456                                                  789 012  (12)

HOTP rows show a "Next code" button where TOTP rows show the ring. While a code is being
pressed and held, the row fills from the left: the visible progress of the copy gesture.
All sizes follow the font, so the row scales with the system's font size and DPI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.window.accounts_model import NEXT_CODE_SECONDS, Role

translate = QCoreApplication.translate

ModelIndex = QModelIndex | QPersistentModelIndex
HoldProgress = Callable[[ModelIndex], float]


@dataclass(frozen=True, slots=True)
class Colours:
    text: QColor
    muted: QColor
    accent: QColor
    urgent: QColor
    track: QColor
    separator: QColor
    selected: QColor
    hover: QColor
    hold: QColor


def colours(palette: QPalette) -> Colours:
    """Calm colours that work on light and dark palettes alike."""
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    dark = base.lightnessF() < 0.5
    accent = QColor("#8cb8f0") if dark else QColor("#1c5fae")
    urgent = QColor("#f0a070") if dark else QColor("#b5470b")

    def faded(colour: QColor, alpha: float) -> QColor:
        result = QColor(colour)
        result.setAlphaF(alpha)
        return result

    return Colours(
        text=text,
        muted=faded(text, 0.62),
        accent=accent,
        urgent=urgent,
        track=faded(text, 0.12),
        separator=faded(text, 0.08),
        selected=faded(accent, 0.13),
        hover=faded(text, 0.035),
        hold=faded(accent, 0.22),
    )


@dataclass(frozen=True, slots=True)
class Fonts:
    issuer: QFont
    name: QFont
    code: QFont
    small: QFont
    seconds: QFont


def fonts(base: QFont) -> Fonts:
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    issuer = QFont(base)
    issuer.setPointSizeF(size * 1.08)
    issuer.setWeight(QFont.Weight.DemiBold)
    name = QFont(base)
    name.setPointSizeF(size * 1.0)
    code = QFont(base)
    code.setPointSizeF(size * 2.5)
    code.setWeight(QFont.Weight.Medium)
    code.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
    code.setStyleHint(QFont.StyleHint.Monospace, QFont.StyleStrategy.PreferDefault)
    small = QFont(base)
    small.setPointSizeF(size * 0.9)
    seconds = QFont(base)
    seconds.setPointSizeF(size * 0.9)
    seconds.setWeight(QFont.Weight.DemiBold)
    return Fonts(issuer, name, code, small, seconds)


@dataclass(frozen=True, slots=True)
class RowGeometry:
    """Where things go in a row (shared by painting and by mouse hit-testing)."""

    margin: int
    label_top: int
    label_height: int
    code_top: int
    code_height: int
    ring: QRect
    button: QRect


class CodeDelegate(QStyledItemDelegate):
    """Paints account rows; ``hold_progress`` tells how far a press-and-hold has come."""

    def __init__(self, hold_progress: HoldProgress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hold_progress = hold_progress
        self._fonts_for: QFont | None = None
        self._fonts = fonts(QFont())
        self._tracks: dict[tuple[int, float, int, float], QPixmap] = {}
        self.exposed: QRect | None = None
        """The part of the view being repainted (set by the view): rows skip their text
        when only the countdown is repainted."""

    def fonts_for(self, base: QFont) -> Fonts:
        if self._fonts_for != base:
            self._fonts_for = QFont(base)
            self._fonts = fonts(base)
        return self._fonts

    def geometry(self, rect: QRect, base: QFont) -> RowGeometry:
        f = self.fonts_for(base)
        label_height = QFontMetrics(f.issuer).height()
        code_height = QFontMetrics(f.code).height()
        unit = QFontMetrics(base).height()  # ~ one line of text: the spacing unit
        margin = round(unit * 1.2)
        gap = round(unit * 0.25)
        content = label_height + gap + code_height
        top = rect.top() + (rect.height() - content) // 2
        diameter = round(unit * 2.4)
        ring = QRect(
            rect.right() - margin - diameter,
            rect.top() + (rect.height() - diameter) // 2,
            diameter,
            diameter,
        )
        button_text = translate("CodeDelegate", "Next code")
        button_width = QFontMetrics(base).horizontalAdvance(button_text) + unit * 2
        button_height = round(unit * 2)
        button = QRect(
            rect.right() - margin - button_width,
            rect.top() + (rect.height() - button_height) // 2,
            button_width,
            button_height,
        )
        code_top = top + label_height + gap
        return RowGeometry(margin, top, label_height, code_top, code_height, ring, button)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        f = self.fonts_for(option.font)
        unit = QFontMetrics(option.font).height()
        label_and_code = QFontMetrics(f.issuer).height() + QFontMetrics(f.code).height()
        height = label_and_code + round(unit * 0.25) + round(unit * 2.4)
        return QSize(unit * 24, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect: QRect = option.rect
        base: QFont = option.font
        state: QStyle.StateFlag = option.state
        c = colours(option.palette)
        f = self.fonts_for(base)
        g = self.geometry(rect, base)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

        # Background: selection, hover, then the press-and-hold fill.
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, c.selected)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, c.hover)
        if state & QStyle.StateFlag.State_HasFocus:  # where Enter and Ctrl+C act
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), c.accent)
        progress = self._hold_progress(index)
        if progress > 0:
            filled = QRect(rect.left(), rect.top(), round(rect.width() * progress), rect.height())
            painter.fillRect(filled, c.hold)
        painter.setPen(QPen(c.separator, 1))
        painter.drawLine(
            rect.left() + g.margin, rect.bottom(), rect.right() - g.margin, rect.bottom()
        )

        is_counter = bool(index.data(Role.IS_COUNTER))
        if is_counter:
            right_edge = g.button.left() - g.margin
        else:  # the name stops where the countdown (and the next code) begins
            right_edge = self.countdown_left(rect, base) - g.margin // 2
        left = rect.left() + g.margin

        text_rect = QRect(left, g.label_top, right_edge - left, g.label_height + g.code_height)
        if self.exposed is None or self.exposed.intersects(text_rect):
            self._paint_text(painter, index, g, left, right_edge, f, c)
        seconds = index.data(Role.SECONDS_LEFT)
        urgent = isinstance(seconds, int) and seconds <= NEXT_CODE_SECONDS
        if is_counter:
            self._paint_button(painter, g.button, base, c)
        elif isinstance(seconds, int):
            progress_left = index.data(Role.PROGRESS)
            self._paint_ring(painter, g.ring, seconds, float(progress_left or 0.0), urgent, f, c)
            next_code = index.data(Role.NEXT_CODE)
            if next_code:
                self._paint_next(painter, g, str(next_code), f, c)
        painter.restore()

    def countdown_left(self, rect: QRect, base: QFont) -> int:
        """Where the part of a row that changes every second begins (its x)."""
        g = self.geometry(rect, base)
        metrics = QFontMetrics(self.fonts_for(base).small)
        caption = translate("CodeDelegate", "next")
        widest = max(metrics.horizontalAdvance("0000 0000"), metrics.horizontalAdvance(caption))
        return g.ring.left() - g.margin // 2 - widest - 2

    def _paint_text(
        self,
        painter: QPainter,
        index: ModelIndex,
        g: RowGeometry,
        left: int,
        right_edge: int,
        f: Fonts,
        c: Colours,
    ) -> None:
        # Issuer (bold) and account name (muted) on the first line.
        issuer = str(index.data(Role.ISSUER) or "")
        name = str(index.data(Role.NAME) or "")
        label_rect = QRect(left, g.label_top, right_edge - left, g.label_height)
        painter.setFont(f.issuer)
        painter.setPen(c.text)
        issuer_metrics = QFontMetrics(f.issuer)
        if issuer:
            shown = issuer_metrics.elidedText(
                issuer, Qt.TextElideMode.ElideRight, label_rect.width()
            )
            painter.drawText(
                label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
            )
            used = issuer_metrics.horizontalAdvance(shown) + issuer_metrics.horizontalAdvance("  ")
            label_rect.setLeft(label_rect.left() + used)
        if name and label_rect.width() > 0:
            painter.setFont(f.name)
            painter.setPen(c.muted if issuer else c.text)
            shown = QFontMetrics(f.name).elidedText(
                name, Qt.TextElideMode.ElideMiddle, label_rect.width()
            )
            painter.drawText(
                label_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
            )

        # The code, large; in the warning colour during its last seconds.
        seconds = index.data(Role.SECONDS_LEFT)
        urgent = isinstance(seconds, int) and seconds <= NEXT_CODE_SECONDS
        code = str(index.data(Role.GROUPED_CODE) or "")
        painter.setFont(f.code)
        painter.setPen(c.urgent if urgent else c.accent)
        code_rect = QRect(left, g.code_top, right_edge - left, g.code_height)
        painter.drawText(
            code_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, code
        )

    def _paint_ring(
        self,
        painter: QPainter,
        ring: QRect,
        seconds: int,
        left: float,
        urgent: bool,
        f: Fonts,
        c: Colours,
    ) -> None:
        width = max(2.0, ring.width() / 12)
        inner = QRectF(ring).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.drawPixmap(ring.topLeft(), self._track(ring.width(), width, c.track, painter))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pen = QPen(c.urgent if urgent else c.accent, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(inner, 90 * 16, round(left * 360 * 16))
        painter.setFont(f.seconds)
        painter.setPen(c.urgent if urgent else c.muted)
        painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, str(seconds))

    def _track(self, diameter: int, width: float, colour: QColor, painter: QPainter) -> QPixmap:
        """The ring's grey circle, drawn once: stroking a smooth circle for every row every
        second is most of what the countdown costs."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        key = (diameter, width, colour.rgba(), ratio)
        pixmap = self._tracks.get(key)
        if pixmap is None:
            pixmap = QPixmap(round(diameter * ratio), round(diameter * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            ring_painter = QPainter(pixmap)
            ring_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            ring_painter.setPen(QPen(colour, width))
            half = width / 2
            ring_painter.drawEllipse(QRectF(half, half, diameter - width, diameter - width))
            ring_painter.end()
            self._tracks = {key: pixmap}  # one size and colour at a time
        return pixmap

    def _paint_next(
        self, painter: QPainter, g: RowGeometry, code: str, f: Fonts, c: Colours
    ) -> None:
        metrics = QFontMetrics(f.small)
        caption = translate("CodeDelegate", "next")
        width = max(metrics.horizontalAdvance(code), metrics.horizontalAdvance(caption))
        right = g.ring.left() - g.margin // 2
        box = QRect(
            right - width, g.ring.center().y() - metrics.height(), width, metrics.height() * 2
        )
        painter.setFont(f.small)
        painter.setPen(c.muted)
        align = Qt.AlignmentFlag.AlignRight
        painter.drawText(
            box.adjusted(0, 0, 0, -metrics.height()), align | Qt.AlignmentFlag.AlignBottom, caption
        )
        painter.setPen(c.text)
        painter.drawText(
            box.adjusted(0, metrics.height(), 0, 0), align | Qt.AlignmentFlag.AlignTop, code
        )

    def _paint_button(self, painter: QPainter, button: QRect, base: QFont, c: Colours) -> None:
        painter.setPen(QPen(c.accent, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = button.height() / 2
        painter.drawRoundedRect(QRectF(button).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        painter.setFont(base)
        painter.drawText(
            button, Qt.AlignmentFlag.AlignCenter, translate("CodeDelegate", "Next code")
        )
