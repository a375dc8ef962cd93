"""A bar chart of enrollment states, drawn with QPainter (QtCharts is not in PySide6-Essentials).

One horizontal bar per group (employees, extranet users), split into active, pairing not
finished and not enrolled, each part as wide as its share, its number inside when it fits,
and a legend underneath.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.admin.model import ENROLLMENT_STATES, EnrollmentState, GroupCounts
from desktop.ui.admin import labels

COLORS: dict[EnrollmentState, str] = {
    "active": "#2e7d46",
    "pending": "#e0a526",
    "not_enrolled": "#9aa3ad",
}
ORDER: tuple[EnrollmentState, ...] = ("active", "pending", "not_enrolled")
BAR_HEIGHT = 28
ROW_GAP = 16
LEGEND_GAP = 18
SWATCH = 12


@dataclass(frozen=True)
class Bar:
    title: str
    counts: GroupCounts


class EnrollmentChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Enrollment chart"))

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def describe(self) -> str:
        """The chart in words (for screen readers and tests)."""
        parts = []
        for bar in self.bars:
            states = ", ".join(
                f"{labels.enrollment(state)} {bar.counts.count(state)}" for state in ORDER
            )
            parts.append(f"{bar.title}: {states}")
        return "; ".join(parts)

    def _label_width(self) -> int:
        metrics = QFontMetrics(self.font())
        return max((metrics.horizontalAdvance(bar.title) for bar in self.bars), default=0) + 16

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        rows = max(1, len(self.bars))
        legend = QFontMetrics(self.font()).height() + LEGEND_GAP
        return QSize(480, rows * BAR_HEIGHT + (rows - 1) * ROW_GAP + legend + 8)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        left = self._label_width()
        width = max(10, self.width() - left - 8)
        y = 4
        for bar in self.bars:
            painter.setPen(text_color)
            painter.drawText(
                QRectF(0, y, left - 8, BAR_HEIGHT),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                bar.title,
            )
            total = sum(bar.counts.count(state) for state in ENROLLMENT_STATES)
            if total == 0:
                painter.setPen(QColor("#9aa3ad"))
                painter.drawRect(QRectF(left, y, width, BAR_HEIGHT))
                painter.drawText(
                    QRectF(left, y, width, BAR_HEIGHT),
                    int(Qt.AlignmentFlag.AlignCenter),
                    self.tr("no accounts"),
                )
            x = float(left)
            for state in ORDER if total else ():
                count = bar.counts.count(state)
                if count == 0:
                    continue
                part = width * count / total
                rect = QRectF(x, y, part, BAR_HEIGHT)
                painter.fillRect(rect, QColor(COLORS[state]))
                number = str(count)
                if metrics.horizontalAdvance(number) + 6 < part:
                    painter.setPen(QColor("white"))
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), number)
                x += part
            y += BAR_HEIGHT + ROW_GAP
        y += LEGEND_GAP - ROW_GAP
        x = float(left)
        for state in ORDER:
            painter.fillRect(
                QRectF(x, y + (metrics.height() - SWATCH) / 2, SWATCH, SWATCH),
                QColor(COLORS[state]),
            )
            text = labels.enrollment(state)
            painter.setPen(text_color)
            painter.drawText(
                QRectF(x + SWATCH + 6, y, metrics.horizontalAdvance(text) + 4, metrics.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            x += SWATCH + 6 + metrics.horizontalAdvance(text) + 24
        painter.end()
