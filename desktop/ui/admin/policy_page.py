"""Beleid: the page "module P&O > Instellen > Modulegebruik > Tweestapsverificatie".

Two blocks (medewerkers, extranetters: ja/nee, standaard methode, aanpasbaar voor
gebruiker), then geldigheid authenticator (uren) and geldigheid mail (dagen). From the
cut-off date the employees' switch, method and choice are fixed (on, authenticator app),
and the page says why; a block that is off has no method to choose either. A number out
of range stays as typed, is explained next to its field and is not saved. Opslaan sends
the whole policy; annuleer puts back what the server has.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.contract import PolicyLimits
from desktop.admin.model import METHODS, GroupPolicy, Method, Policy
from desktop.ui.admin import labels
from desktop.ui.admin.session import AdminSession
from desktop.ui.admin.widgets import LimitedSpinBox, YesNo, on_enter
from desktop.ui.common.accessible import name_combo, name_scroll_bars


class GroupBlock:
    """The three rows of one block: on/off, standaard methode, aanpasbaar voor gebruiker
    (with what that choice means, or why it cannot apply)."""

    def __init__(self, parent: QWidget, group: str) -> None:
        self.group = group
        name = labels.group(group)
        self.enabled = YesNo(name, parent)
        self.method = QComboBox(parent)
        for value in METHODS:
            self.method.addItem(labels.method(value), value)
        name_combo(self.method, f"{name}: {labels.default_method()}")
        self.adjustable = YesNo(f"{name}: {labels.adjustable()}", parent)
        self.adjustable_hint = QLabel(parent)
        self.adjustable_hint.setObjectName("FieldHint")
        self.adjustable_hint.setWordWrap(True)

    def value(self) -> GroupPolicy:
        return GroupPolicy(
            enabled=self.enabled.value(),
            method=cast(Method, self.method.currentData()),
            user_adjustable=self.adjustable.value(),
        )

    def set_value(self, group: GroupPolicy) -> None:
        self.enabled.set_value(group.enabled)
        self.method.setCurrentIndex(METHODS.index(group.method))
        self.adjustable.set_value(group.user_adjustable)

    def connect(self, slot: Callable[[], None]) -> None:
        self.enabled.changed.connect(slot)
        self.method.currentIndexChanged.connect(slot)
        self.adjustable.changed.connect(slot)


class PolicyPage(QWidget):
    def __init__(self, session: AdminSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loaded: Policy | None = None
        self._limits = session.client.contract.policy_limits  # declared by the server

        title = QLabel(self.tr("Two-step verification"), self)
        title.setObjectName("PageTitle")
        where = QLabel(self.tr("Module P&O \u203a Set up \u203a Module use"), self)
        where.setObjectName("Hint")
        self._build_fields()
        form = self._build_form()
        self._build_notes()
        buttons = self._build_buttons()
        self._arrange(title, where, form, buttons)
        self._connect()
        self.set_limits(self._limits)
        self._set_form_enabled(False)
        self._update_buttons()

    # -- building ------------------------------------------------------------------------

    def _build_fields(self) -> None:
        """Both groups' blocks and the two numbers."""
        self.employees = GroupBlock(self, "employees")
        self.extranet = GroupBlock(self, "extranet")
        self.validity_hours = LimitedSpinBox(self)
        self.validity_hours.setAccessibleName(labels.validity_hours())
        self.mail_days = LimitedSpinBox(self)
        self.mail_days.setAccessibleName(labels.mail_validity_days())
        for spin in (self.validity_hours, self.mail_days):
            spin.setMinimumWidth(90)

    def _build_form(self) -> QGridLayout:
        """The page's rows as the seed shows them, each with its hint where it has one."""
        form = QGridLayout()
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(10)
        rows: list[tuple[str, QWidget | None]] = [
            (labels.group("employees"), self.employees.enabled),
            (labels.default_method(), self.employees.method),
            (labels.adjustable(), self.employees.adjustable),
            ("", None),
            (labels.group("extranet"), self.extranet.enabled),
            (labels.default_method(), self.extranet.method),
            (labels.adjustable(), self.extranet.adjustable),
            ("", None),
            (labels.validity_hours(), self.validity_hours),
            (labels.mail_validity_days(), self.mail_days),
        ]
        self.hours_hint = QLabel(self)
        self.days_hint = QLabel(self)
        hinted: dict[QWidget, QLabel] = {
            self.validity_hours: self.hours_hint,
            self.mail_days: self.days_hint,
            self.employees.adjustable: self.employees.adjustable_hint,
            self.extranet.adjustable: self.extranet.adjustable_hint,
        }
        for row, (text, widget) in enumerate(rows):
            if widget is None:
                rule = QFrame(self)
                rule.setFrameShape(QFrame.Shape.HLine)
                rule.setFrameShadow(QFrame.Shadow.Sunken)
                form.addWidget(rule, row, 0, 1, 2)
                continue
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addWidget(label, row, 0)
            hint = hinted.get(widget)
            if hint is None:
                form.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignLeft)
                continue
            hint.setObjectName("FieldHint")
            with_hint = QHBoxLayout()
            with_hint.setSpacing(12)
            with_hint.addWidget(widget)
            with_hint.addWidget(hint, 1)
            form.addLayout(with_hint, row, 1)
        form.setColumnStretch(1, 1)
        return form

    def _build_notes(self) -> None:
        self.cutoff_note = QLabel(self)
        self.cutoff_note.setWordWrap(True)
        self.cutoff_note.setObjectName("Hint")
        self.validity_note = QLabel(
            self.tr(
                "The validity is how long a browser where the code was entered is trusted. "
                "At 0 hours a new code is asked at every login; at 24 hours once a day."
            ),
            self,
        )
        self.validity_note.setWordWrap(True)
        self.validity_note.setObjectName("Hint")

    def _build_buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.discard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        return buttons

    def _arrange(
        self, title: QLabel, where: QLabel, form: QGridLayout, buttons: QHBoxLayout
    ) -> None:
        """Everything in one column that scrolls where the window is low."""
        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addWidget(self.cutoff_note)
        layout.addWidget(self.validity_note)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # No tab stop of its own: a screen reader would announce a nameless "filler"; the
        # area still scrolls to whichever of its controls has the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        name_scroll_bars(scroll, self.tr("policy"))
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _connect(self) -> None:
        self.employees.connect(self._changed)
        self.extranet.connect(self._changed)
        self.validity_hours.valueChanged.connect(self._changed)
        self.mail_days.valueChanged.connect(self._changed)
        self.validity_hours.valueChanged.connect(self._check_numbers)
        self.mail_days.valueChanged.connect(self._check_numbers)
        self.employees.enabled.changed.connect(self._update_applicability)
        self.extranet.enabled.changed.connect(self._update_applicability)
        on_enter(self._save_on_enter, self.validity_hours, self.mail_days)
        self.session.busy_changed.connect(lambda _busy, _text: self._update_buttons())

    # -- what the page shows ------------------------------------------------------------

    def set_limits(self, limits: PolicyLimits) -> None:
        self._limits = limits
        self.validity_hours.set_limits(0, limits.max_validity_hours)
        self.mail_days.set_limits(0, limits.max_mail_days)
        self._check_numbers()

    def _check_numbers(self) -> None:
        """Each number's hint, or what is wrong with it (in red) when it is out of range."""
        hours, days = self.validity_hours, self.mail_days
        if hours.in_range():
            hours_text = self.tr("0 to {hours}; 0 = a code at every login.").format(
                hours=hours.limits[1]
            )
        else:
            hours_text = self.tr("Choose 0 to {maximum} hours; {value} is too many.").format(
                maximum=hours.limits[1], value=hours.value()
            )
        if days.in_range():
            days_text = self.tr("0 = a code at every login.")
        else:
            days_text = self.tr("Choose 0 to {maximum} days; {value} is too many.").format(
                maximum=days.limits[1], value=days.value()
            )
        for spin, hint, text in (
            (hours, self.hours_hint, hours_text),
            (days, self.days_hint, days_text),
        ):
            hint.setText(text)
            hint.setObjectName("FieldHint" if spin.in_range() else "FieldError")
            hint.style().unpolish(hint)
            hint.style().polish(hint)
            spin.setAccessibleDescription(text)

    def out_of_range(self) -> LimitedSpinBox | None:
        """The first number that may not be saved as it is."""
        for spin in (self.validity_hours, self.mail_days):
            if not spin.in_range():
                return spin
        return None

    def show_policy(self, policy: Policy) -> None:
        """Show ``policy`` as the server's state (no unsaved changes afterwards)."""
        self.loaded = policy
        self.employees.set_value(policy.employees)
        self.extranet.set_value(policy.extranet)
        self.validity_hours.setValue(policy.authenticator_validity_hours)
        self.mail_days.setValue(policy.mail_validity_days)
        self._set_form_enabled(True)
        self._show_cutoff(policy)
        self._update_buttons()

    def _today(self) -> date:
        return datetime.fromtimestamp(self.session.clock.now(), UTC).date()

    def _show_cutoff(self, policy: Policy) -> None:
        cutoff = policy.email_cutoff.strftime("%d-%m-%Y")
        locked = policy.employees_locked(self._today())
        if locked:
            text = self.tr(
                "Since {date}, two-step verification is on for all employees and they log in "
                "with an authenticator app; e-mail codes are no longer accepted for employees. "
                "It is not required for extranet users: you can switch it on for them here."
            )
        else:
            text = self.tr(
                "From {date}, two-step verification will be on for all employees, with an "
                "authenticator app; e-mail codes will no longer be accepted for employees. "
                "Until then you may choose. It is not required for extranet users."
            )
        self.cutoff_note.setText(text.format(date=cutoff))
        self._update_applicability()

    def _update_applicability(self) -> None:
        """Disable what cannot apply, and say why; explain the choice where it applies."""
        if self.loaded is None:
            return
        # On for everyone means everyone: there is no exemption, so no "nee" after the date,
        # and the method is the app whatever a user would choose.
        locked = self.loaded.employees_locked(self._today())
        cutoff = self.loaded.email_cutoff.strftime("%d-%m-%Y")
        self.employees.enabled.setEnabled(not locked)
        for block in (self.employees, self.extranet):
            on = block.enabled.value()
            fixed = locked and block is self.employees
            block.method.setEnabled(on and not fixed)
            block.adjustable.setEnabled(on and not fixed)
            if fixed:
                text = self.tr("Employees always use the authenticator app since {date}.").format(
                    date=cutoff
                )
            elif not on:
                text = self.tr("Two-step verification is off for {group}.").format(
                    group=labels.group(block.group)
                )
            else:
                text = self.tr(
                    "yes: each user chooses between the authenticator app and e-mail; "
                    "no: everyone uses the default method."
                )
            block.adjustable_hint.setText(text)
            block.adjustable.setAccessibleDescription(text)

    def current(self) -> Policy | None:
        if self.loaded is None:
            return None
        return Policy(
            employees=self.employees.value(),
            extranet=self.extranet.value(),
            authenticator_validity_hours=self.validity_hours.value(),
            mail_validity_days=self.mail_days.value(),
            email_cutoff=self.loaded.email_cutoff,
        )

    def has_unsaved_changes(self) -> bool:
        return self.loaded is not None and self.current() != self.loaded

    def unsaved_what(self) -> str:
        return self.tr("the two-step verification policy")

    # -- talking to the server ------------------------------------------------------------

    def load(self) -> None:
        self.session.call(
            lambda client: client.get_policy(),
            self.show_policy,
            progress=self.tr("Loading the policy\u2026"),
        )

    def save(self, then: Callable[[], None] | None = None) -> None:
        policy = self.current()
        if policy is None or not self.has_unsaved_changes():
            if then is not None:
                then()
            return
        wrong = self.out_of_range()
        if wrong is not None:  # its hint says what is allowed; nothing is sent
            wrong.setFocus(Qt.FocusReason.OtherFocusReason)
            wrong.selectAll()
            return

        def saved(result: Policy) -> None:
            # What was typed meanwhile stays; what was saved becomes the server's state.
            typed = self.current()
            self.show_policy(result)
            if typed is not None and typed != policy:
                self._show_typed(typed)
            self.session.tell(self.tr("The policy has been saved."))
            if then is not None:
                then()

        self.session.call(
            lambda client: client.put_policy(policy),
            saved,
            progress=self.tr("Saving the policy\u2026"),
        )

    def _save_on_enter(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def discard(self) -> None:
        if self.loaded is not None:
            self.show_policy(self.loaded)

    def _show_typed(self, policy: Policy) -> None:
        self.employees.set_value(policy.employees)
        self.extranet.set_value(policy.extranet)
        self.validity_hours.setValue(policy.authenticator_validity_hours)
        self.mail_days.setValue(policy.mail_validity_days)

    # -- state ----------------------------------------------------------------------------------

    def _changed(self) -> None:
        self._update_buttons()

    def _set_form_enabled(self, enabled: bool) -> None:
        for block in (self.employees, self.extranet):
            for widget in (block.enabled, block.method, block.adjustable):
                widget.setEnabled(enabled)
        self.validity_hours.setEnabled(enabled)
        self.mail_days.setEnabled(enabled)
        if enabled:
            self._update_applicability()

    def _update_buttons(self) -> None:
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty and not self.session.busy)
        self.cancel_button.setEnabled(dirty)
