"""The clock check in the window: measure at start and every hour (off the UI thread), warn
in a banner when this computer's clock is more than 15 s off, and correct the codes when
the person asks to.

The measuring itself is :mod:`desktop.net.time_sources` (no Qt); the correction lives at the
clock seam (:class:`~desktop.clock.CorrectedClock`), so every code the window shows, copies
or checks while adding an account uses it. While a correction is on, a quiet bar says so;
it ends after a day, when a new measurement disagrees, or when the person stops it.
"""

from __future__ import annotations

import logging
import math
import sys
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import (
    CORRECTION_MAX_AGE,
    Clock,
    ClockSources,
    CorrectedClock,
    Correction,
    Measurement,
    update_correction,
)
from desktop.net.time_sources import measure
from desktop.ui.common.background import Background
from desktop.ui.common.timer import TimerFactory, make_timer

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 3600 * 1000
"""Measure again every hour."""

Work = Callable[[], Measurement | None]
Done = Callable[[Measurement | None], None]
Runner = Callable[[Work, Done], None]
"""Runs ``work`` somewhere and hands its result to ``done`` on the UI thread."""
Measure = Callable[[ClockSources, Clock], Measurement | None]


class ClockCheck(QObject):
    """Measures the offset of ``clock.base`` and keeps ``clock``'s correction up to date."""

    changed = Signal()
    """A measurement arrived or the correction changed."""

    def __init__(
        self,
        clock: CorrectedClock,
        sources: Callable[[], ClockSources],
        *,
        save_correction: Callable[[Correction | None], None] = lambda _c: None,
        timer_factory: TimerFactory = make_timer,
        runner: Runner | None = None,
        measure_with: Measure = measure,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._sources = sources
        self._save = save_correction
        self._run: Runner = runner if runner is not None else self._in_background
        self._background: Background | None = None
        self._measure = measure_with
        self.measurement: Measurement | None = None
        """The last measurement (``None``: none yet, or no source answered)."""
        self.checked = False
        """A check has finished (then ``measurement is None`` means no source answered)."""
        self.busy = False
        self.timer = timer_factory(self)
        self.timer.timeout.connect(self.check_now)
        self.expiry_timer = timer_factory(self)
        self.expiry_timer.timeout.connect(self._expire)
        self._schedule_expiry()

    @property
    def correction(self) -> Correction | None:
        """The correction in force now (an expired one is not)."""
        correction = self.clock.correction
        if correction is None or not correction.applies_at(self.clock.base.now()):
            return None
        return correction

    @property
    def warning(self) -> Measurement | None:
        """The measurement to warn about: too far off, and not being corrected."""
        m = self.measurement
        if m is None or not m.too_far_off or self.correction is not None:
            return None
        return m

    def sources(self) -> ClockSources:
        """Where the next check measures (the settings, read now)."""
        return self._sources()

    def check_now(self) -> None:
        """Measure now (in the background) and again in an hour."""
        self.timer.start(CHECK_INTERVAL_MS)
        if self.busy:
            return
        self.busy = True
        sources = self._sources()
        base = self.clock.base  # never the corrected clock: it would measure itself
        self._run(lambda: self._measure(sources, base), self._measured)

    def _in_background(self, work: Work, done: Done) -> None:
        """Measure on a worker thread; a failure (a bug: every network problem is "no
        measurement" already) never reaches the person as a warning."""
        if self._background is None:
            self._background = Background(self, name="clock-check")
        self._background.run(work, done, lambda _problem: done(None))

    def apply_correction(self) -> None:
        """Correct the codes by the last measurement (when it is precise enough)."""
        m = self.measurement
        if m is not None and m.too_far_off and m.can_correct:
            self._set_correction(m.correction())
            self.changed.emit()

    def stop_correcting(self) -> None:
        self._set_correction(None)
        self.changed.emit()

    def stop(self) -> None:
        self.timer.stop()
        self.expiry_timer.stop()

    def _measured(self, measurement: Measurement | None) -> None:
        self.busy = False
        self.checked = True
        self.measurement = measurement
        kept = update_correction(self.clock.correction, measurement, self.clock.base.now())
        self._set_correction(kept)
        self.changed.emit()

    def _set_correction(self, correction: Correction | None) -> None:
        if correction != self.clock.correction:
            self.clock.correction = correction
            try:
                self._save(correction)
            except Exception:  # the correction still works for this session
                log.exception("could not remember the clock correction")
        self._schedule_expiry()

    def _schedule_expiry(self) -> None:
        correction = self.correction
        if correction is None:
            self.expiry_timer.stop()
            return
        left = correction.measured_at + CORRECTION_MAX_AGE - self.clock.base.now()
        self.expiry_timer.start(max(0, math.ceil(left * 1000)) + 1000)

    def _expire(self) -> None:
        """A day has passed: drop the correction and measure again."""
        if self.clock.correction is not None and self.correction is None:
            self._set_correction(None)
            self.measurement = None
            self.changed.emit()
            self.check_now()
        else:
            self._schedule_expiry()


class ClockBanner(QFrame):
    """The warning with its two actions, or the quiet note that codes are corrected."""

    def __init__(self, check: ClockCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setObjectName("ClockBanner")
        self.label = QLabel(self)
        self.label.setObjectName("ClockText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_button = QPushButton(self.tr("How to fix the clock"), self)
        self.help_button.clicked.connect(self.show_help)
        self.correct_button = QPushButton(self.tr("Correct codes for this offset"), self)
        self.correct_button.clicked.connect(check.apply_correction)
        self.stop_button = QPushButton(self.tr("Stop correcting"), self)
        self.stop_button.clicked.connect(check.stop_correcting)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.help_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.setStyleSheet(CLOCK_STYLE)
        check.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        warning = self.check.warning
        correction = self.check.correction
        if warning is not None:
            self.setProperty("tone", "warning")
            text = self.warning_text(warning.offset)
            if not warning.can_correct:
                text += " " + self.tr(
                    "The measurement is not precise enough to correct the codes for it."
                )
            self.label.setText(text)
            self.help_button.show()
            self.correct_button.setVisible(warning.can_correct)
            self.stop_button.hide()
        elif correction is not None:
            self.setProperty("tone", "info")
            self.label.setText(self.correction_text(correction))
            self.help_button.show()
            self.correct_button.hide()
            self.stop_button.show()
        else:
            self.hide()
            return
        self.style().unpolish(self)
        self.style().polish(self)
        self.setAccessibleName(self.tr("Clock"))
        self.setAccessibleDescription(self.label.text())
        self.show()

    def amount(self, seconds: float) -> str:
        seconds = abs(round(seconds))
        if seconds < 120:
            return self.tr("{count} seconds").format(count=seconds)
        if seconds < 120 * 60:
            return self.tr("{count} minutes").format(count=round(seconds / 60))
        return self.tr("{count} hours").format(count=round(seconds / 3600))

    def warning_text(self, offset: float) -> str:
        """Positive offset: true time is later, so this clock is behind."""
        if offset > 0:
            text = self.tr(
                "Your computer clock is {amount} behind; codes may therefore be invalid."
            )
        else:
            text = self.tr("Your computer clock is {amount} ahead; codes may therefore be invalid.")
        return text.format(amount=self.amount(offset))

    def correction_text(self, correction: Correction) -> str:
        sign = "+" if correction.offset >= 0 else "\u2212"
        when = self.when(correction.measured_at)
        if correction.offset > 0:
            text = self.tr(
                "Codes corrected by {sign}{seconds} s: your computer clock is {amount} behind "
                "(measured {when})."
            )
        else:
            text = self.tr(
                "Codes corrected by {sign}{seconds} s: your computer clock is {amount} ahead "
                "(measured {when})."
            )
        return text.format(
            sign=sign,
            seconds=abs(round(correction.offset)),
            amount=self.amount(correction.offset),
            when=when,
        )

    def when(self, moment: float) -> str:
        """``today at 14:02`` (a correction is at most a day old), by this computer's clock."""
        measured = QDateTime.fromMSecsSinceEpoch(round(moment * 1000))
        today = QDateTime.fromMSecsSinceEpoch(round(self.check.clock.base.now() * 1000)).date()
        time = measured.toString("HH:mm")
        if measured.date() == today:
            return self.tr("today at {time}").format(time=time)
        if measured.date().addDays(1) == today:
            return self.tr("yesterday at {time}").format(time=time)
        return measured.toString("yyyy-MM-dd HH:mm")

    def show_help(self) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Set the clock right"))
        box.setText(self.tr("Let your computer set its clock automatically from the internet."))
        box.setInformativeText(self.help_text())
        box.exec()
        box.deleteLater()
        self.check.check_now()  # the clock may be right now

    def help_text(self, platform: str = sys.platform) -> str:
        if platform == "win32":
            steps = self.tr(
                "Open Settings, then Time & language, then Date & time. Turn on \u201cSet "
                "time automatically\u201d and \u201cSet time zone automatically\u201d, then "
                "click \u201cSync now\u201d."
            )
        elif platform == "darwin":
            steps = self.tr(
                "Open System Settings, then General, then Date & Time. Turn on \u201cSet time "
                "and date automatically\u201d and check the time zone."
            )
        else:
            steps = self.tr(
                "Open your desktop's settings, then Date & Time, and turn on automatic date "
                "and time. In a terminal, \u201ctimedatectl set-ntp true\u201d does the same."
            )
        return (
            steps
            + "\n\n"
            + self.tr(
                "If you may not change the clock on this computer, ask your IT department. "
                "Until then Tweestap can correct its codes for the difference."
            )
        )


CLOCK_STYLE = """
QFrame#ClockBanner[tone="warning"] { background: #fdf1d8; border-bottom: 1px solid #e8cf96; }
QFrame#ClockBanner[tone="warning"] QLabel { color: #4a3a10; }
QFrame#ClockBanner[tone="info"] { background: #e6eff9; border-bottom: 1px solid #b8cde6; }
QFrame#ClockBanner[tone="info"] QLabel { color: #163a63; }
QFrame#ClockBanner QPushButton {
    padding: 4px 12px;
    border: 1px solid #b7a57a;
    border-radius: 6px;
    background: #fffaf0;
    color: #3a2e0c;
}
QFrame#ClockBanner[tone="info"] QPushButton {
    border-color: #9bb5d6;
    background: #f6f9fd;
    color: #163a63;
}
QFrame#ClockBanner QPushButton:hover { background: white; }
"""
