"""Geometry checks for a shown window: no widget squeezed below what it needs, no two
widgets of one layout on top of each other (what a long message must never cause)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QApplication, QLayout, QStackedWidget, QWidget

from tests.paths import ROOT

DUTCH = ROOT / "resources" / "translations" / "tweestap_nl.ts"


def longest_dutch_sentence() -> str:
    """The longest Dutch text of the app: a message no banner may be too small for."""
    texts = (
        (message.findtext("translation") or "")
        for message in ET.parse(DUTCH).getroot().iter("message")
    )
    return max(texts, key=len)


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            found.append(widget)
        child = item.layout()
        if child is not None:
            found.extend(_layout_widgets(child))
    return found


def layout_problems(window: QWidget) -> list[str]:
    """What is wrong with the geometry of ``window``'s visible, layout-placed widgets."""
    for _ in range(3):
        QApplication.processEvents()  # the layouts' own requests first
    problems: list[str] = []
    for parent in [window, *window.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or not parent.isVisible():
            continue
        placed = [w for w in _layout_widgets(layout) if w.isVisible() and not w.isWindow()]
        for widget in placed:
            if isinstance(widget, QStackedWidget):
                continue  # it asks for its largest page; the page shown is checked itself
            label = _describe(widget)
            if widget.hasHeightForWidth() and widget.layout() is None:
                # Wrapped text; a container's height-for-width is its preferred height, its
                # children are checked one by one.
                needed = widget.heightForWidth(widget.width())
            else:
                needed = widget.minimumSizeHint().height()
            needed = max(needed, widget.minimumHeight())
            if needed > 0 and widget.height() < needed - 1:
                problems.append(f"{label}: {widget.height()} px high, needs {needed}")
        for first_index, first in enumerate(placed):
            for second in placed[first_index + 1 :]:
                overlap = first.geometry().intersected(second.geometry())
                if overlap.width() > 1 and overlap.height() > 1:
                    problems.append(
                        f"{_describe(first)} and {_describe(second)} overlap by "
                        f"{overlap.width()}x{overlap.height()}"
                    )
    return problems


def _describe(widget: QWidget) -> str:
    text = getattr(widget, "text", "")
    text = text() if callable(text) else text
    return f"{widget.objectName() or type(widget).__name__} {str(text)[:40]!r}"


def gap_above(window: QWidget, buttons: QWidget) -> int:
    """The empty height between the lowest visible thing above ``buttons`` and ``buttons``
    (both in ``window``'s coordinates)."""
    for _ in range(3):
        QApplication.processEvents()
    top = buttons.mapTo(window, buttons.rect().topLeft()).y()
    lowest = 0
    for widget in window.findChildren(QWidget):
        if (
            not widget.isVisible()
            or widget is buttons
            or buttons.isAncestorOf(widget)
            or widget.isAncestorOf(buttons)
            or widget.findChildren(QWidget)  # containers: their contents count
        ):
            continue
        bottom = widget.mapTo(window, widget.rect().bottomLeft()).y()
        if bottom < top:
            lowest = max(lowest, bottom)
    return top - lowest - 1
