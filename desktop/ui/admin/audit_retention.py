"""The audit log's retention, on the Auditlog page: "Bewaartermijn auditlog: 365 dagen",
changed in place and saved with the button or Enter.

The bounds are the server's (``GET /api/meta``); a number outside them stays as typed, is
explained in red beside it and is not sent, as on the policy page. A shorter retention removes
the older entries at the server's next purge, which cannot be undone: it is asked first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.admin.contract import RetentionLimits
from desktop.ui.admin import questions
from desktop.ui.admin.session import AdminSession
from desktop.ui.admin.widgets import LimitedSpinBox, on_enter


class RetentionRow(QWidget):
    def __init__(
        self, session: AdminSession, limits: RetentionLimits, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.limits = limits
        self.loaded: int | None = None
        self.label = QLabel(self.tr("Audit log retention:"), self)
        self.spin = LimitedSpinBox(self)
        self.spin.set_limits(limits.min_days, limits.max_days)
        self.spin.setSuffix(self.tr(" days"))
        self.spin.setMinimumWidth(110)
        self.spin.setAccessibleName(self.tr("Audit log retention in days"))
        self.label.setBuddy(self.spin)
        self.save_button = QPushButton(self.tr("Save"), self)
        # One line: a wrapped line's height is not part of the page's minimum, so at the
        # window's smallest height a second line would take its room from the filters.
        self.hint = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.label)
        layout.addWidget(self.spin)
        layout.addWidget(self.save_button)
        layout.addWidget(self.hint, 1)
        self.save_button.clicked.connect(lambda: self.save())
        self.spin.valueChanged.connect(self._changed)
        on_enter(self._save_on_enter, self.spin)
        self.session.busy_changed.connect(lambda _busy, _text: self._update())
        self.spin.setEnabled(False)
        self._changed()

    # -- what is shown -----------------------------------------------------------------------

    def show_days(self, days: int) -> None:
        """The server's retention (no unsaved change afterwards)."""
        self.loaded = days
        self.spin.setValue(days)
        self.spin.setEnabled(True)
        self._changed()

    def _changed(self) -> None:
        self._explain()
        self._update()

    def _explain(self) -> None:
        """What the number does, or (in red) why it cannot be saved."""
        spin, low, high = self.spin, self.limits.min_days, self.limits.max_days
        if spin.in_range():
            text = self.tr(
                "{minimum} to {maximum} days; older entries are removed automatically."
            ).format(minimum=low, maximum=high)
        elif spin.value() < low:
            text = self.tr("Choose {minimum} to {maximum} days; {value} is too few.").format(
                minimum=low, maximum=high, value=spin.value()
            )
        else:
            text = self.tr("Choose {minimum} to {maximum} days; {value} is too many.").format(
                minimum=low, maximum=high, value=spin.value()
            )
        self.hint.setText(text)
        self.hint.setObjectName("FieldHint" if spin.in_range() else "FieldError")
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
        spin.setAccessibleDescription(text)

    def _update(self) -> None:
        self.save_button.setEnabled(self.has_unsaved_changes() and not self.session.busy)

    def has_unsaved_changes(self) -> bool:
        return self.loaded is not None and self.spin.value() != self.loaded

    # -- talking to the server ----------------------------------------------------------------

    def load(self) -> None:
        if self.has_unsaved_changes():
            return  # what was typed stays
        self.session.call(
            lambda client: client.audit_retention(),
            self.show_days,
            progress=self.tr("Reading the audit log retention\u2026"),
        )

    def save(self, then: Callable[[], None] | None = None) -> None:
        if not self.has_unsaved_changes() or self.loaded is None:
            if then is not None:
                then()
            return
        if not self.spin.in_range():  # the hint says what is allowed; nothing is sent
            self.spin.setFocus(Qt.FocusReason.OtherFocusReason)
            self.spin.selectAll()
            return
        days, before = self.spin.value(), self.loaded
        if days < before and not questions.confirm(
            self,
            self.tr("Shorten the audit log retention"),
            self.tr(
                "Keep audit log entries {days} days instead of {before}? Entries older than "
                "{days} days are removed at the server's next clean-up, within ten minutes. "
                "This cannot be undone."
            ).format(days=days, before=before),
            self.tr("Shorten"),
        ):
            return

        def saved(result: int) -> None:
            self.show_days(result)
            self.session.tell(
                self.tr("The audit log now keeps entries {days} days.").format(days=result)
            )
            if then is not None:
                then()

        self.session.call(
            lambda client: client.set_audit_retention(days),
            saved,
            progress=self.tr("Saving the audit log retention\u2026"),
        )

    def _save_on_enter(self) -> None:
        if self.save_button.isEnabled() or not self.spin.in_range():
            self.save()

    def discard(self) -> None:
        if self.loaded is not None:
            self.show_days(self.loaded)
