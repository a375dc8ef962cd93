"""The "Account" tab of an employee, as in the seed's screenshot.

gebruikersnaam, wachtwoord (reset), locatiemanager, beheerder, IP adres (validated, with
the seed's hint), modules (checkboxes), and the buttons opslaan, mail activatie,
blokkeer/deblokkeer, annuleer and reset tweestapsverificatie; plus the state of the user's
two-step verification with "allow codes again" when they are made to wait.

Whatever the server answers, what was typed stays in the fields: an action (block, reset)
refreshes the account's state but keeps unsaved edits; a refused save keeps them too and
shows the server's sentence next to the field it is about.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.errors import (
    InvalidEmail,
    InvalidIpList,
    ServerUnreachable,
    TooManyIpEntries,
    ValidationFailed,
)
from desktop.admin.model import (
    KINDS,
    AccountFields,
    Kind,
    User,
    check_email,
    parse_ip_list,
)
from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.ui.admin import account_actions, labels
from desktop.ui.admin.session import AdminSession
from desktop.ui.admin.widgets import FieldGrid, YesNo, error_label, hint_label, on_enter
from desktop.ui.common.accessible import name_combo


@dataclass(frozen=True)
class Typed:
    """The fields as they are on screen, valid or not."""

    name: str
    kind: Kind
    email: str
    admin: bool
    location_manager: bool
    modules: tuple[str, ...]
    ip_text: str


class AccountForm(QWidget):
    changed = Signal(object)
    """A :class:`User` as the server now has it (after a save or an action)."""
    created = Signal(object)
    new_cancelled = Signal()

    def __init__(self, session: AdminSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.user: User | None = None
        self.new_mode = False
        self.tabs = QTabWidget(self)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its tab bar takes the focus, named
        page = QWidget(self.tabs)
        self.tabs.addTab(page, self.tr("Account"))
        self._build_fields(page)  # in the order Tab goes through them
        modules = self._build_modules(page)
        grid = self._build_grid(page)
        self._build_buttons(page)
        self._arrange(page, grid, modules)
        self._connect()
        self.show_nothing()

    # -- building ----------------------------------------------------------------------------

    def _build_fields(self, page: QWidget) -> None:
        self.title = QLabel(page)
        self.title.setObjectName("PageTitle")
        self.blocked_label = QLabel(self.tr("This account is blocked."), page)
        self.blocked_label.setObjectName("FieldError")
        self.form_error = QLabel(page)
        self.form_error.setObjectName("FieldError")
        self.form_error.setWordWrap(True)
        self.name_edit = QLineEdit(page)
        self.name_edit.setAccessibleName(self.tr("username"))
        self.kind_combo = QComboBox(page)
        for kind in KINDS:
            self.kind_combo.addItem(labels.kind(kind), kind)
        name_combo(self.kind_combo, self.tr("kind of account"))
        self.email_edit = QLineEdit(page)
        self.email_edit.setAccessibleName(self.tr("e-mail address"))
        self.email_error = error_label(page)
        self.password_label = QLabel(page)
        self.reset_password_button = QPushButton(self.tr("reset password"), page)
        self.location_manager = YesNo(self.tr("location manager"), page)
        self.admin = YesNo(self.tr("administrator"), page)
        self.admin_hint = hint_label(
            self.tr("An administrator can change settings. Other users cannot."), page
        )
        self.ip_edit = QLineEdit(page)
        self.ip_edit.setAccessibleName(self.tr("IP address"))
        self.ip_edit.setPlaceholderText(self.tr("for example 192.168.1.10, 10.0.0.0/24"))
        self.ip_hint = hint_label(
            self.tr(
                "Nothing filled in? Then no restriction on IP address. Separate several IP "
                "addresses with a comma."
            ),
            page,
        )
        self.ip_error = error_label(page)
        self.twofa_label = QLabel(page)
        self.throttle_label = hint_label("", page)
        self.clear_throttle_button = QPushButton(self.tr("Allow codes again"), page)
        self.clear_throttle_button.setToolTip(self.tr("Lift the wait after too many wrong codes."))

    def _build_modules(self, page: QWidget) -> QGroupBox:
        """A check box for every module right the server declares, in its order."""
        self.module_boxes: dict[str, QCheckBox] = {}
        modules = QGroupBox(self.tr("modules"), page)
        module_layout = QVBoxLayout(modules)
        for module in self.session.client.contract.modules:
            box = QCheckBox(module.replace("&", "&&"), modules)  # "p&o" is no shortcut
            self.module_boxes[module] = box
            module_layout.addWidget(box)
        module_layout.addStretch(1)
        return modules

    def _build_grid(self, page: QWidget) -> FieldGrid:
        """The fields with their labels, hints and errors, as on the seed's screenshot."""
        grid = FieldGrid(page)
        grid.add(self.tr("username"), self.name_edit)
        self.kind_row_label = grid.add(
            self.tr("kind"), self.kind_combo, align=Qt.AlignmentFlag.AlignLeft
        )
        grid.add(self.tr("e-mail address"), self.email_edit, self.email_error)
        grid.add(self.tr("password"), _row(self.password_label, self.reset_password_button))
        grid.add(self.tr("location manager"), self.location_manager)
        grid.add(self.tr("administrator"), self.admin, self.admin_hint)
        grid.add(self.tr("IP address"), self.ip_edit, self.ip_hint, self.ip_error)
        twofa_row = _row(self.twofa_label, self.clear_throttle_button)
        grid.add(self.tr("two-step verification"), twofa_row, self.throttle_label)
        grid.setColumnStretch(1, 1)
        return grid

    def _build_buttons(self, page: QWidget) -> None:
        self.save_button = QPushButton(self.tr("save"), page)
        self.save_button.setObjectName("PrimaryButton")
        self.activation_button = QPushButton(self.tr("mail activation"), page)
        self.block_button = QPushButton(self.tr("block"), page)
        self.cancel_button = QPushButton(self.tr("cancel"), page)
        self.reset_2fa_button = QPushButton(self.tr("reset two-step verification"), page)

    def _arrange(self, page: QWidget, grid: FieldGrid, modules: QGroupBox) -> None:
        """Title and messages, the fields beside the modules, the buttons under them."""
        buttons = QHBoxLayout()
        for button in (
            self.save_button,
            self.activation_button,
            self.block_button,
            self.cancel_button,
            self.reset_2fa_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(grid, 3)
        columns.addWidget(modules, 1, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(self.title)
        layout.addWidget(self.blocked_label)
        layout.addWidget(self.form_error)
        layout.addLayout(columns)
        layout.addSpacing(10)
        layout.addLayout(buttons)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)

    def _connect(self) -> None:
        self.save_button.clicked.connect(lambda: self.save())
        self.cancel_button.clicked.connect(self.discard)
        self.activation_button.clicked.connect(self.send_activation_mail)
        self.block_button.clicked.connect(self.toggle_block)
        self.reset_2fa_button.clicked.connect(self.reset_2fa)
        self.reset_password_button.clicked.connect(self.reset_password)
        self.clear_throttle_button.clicked.connect(self.clear_throttle)
        for edit in (self.name_edit, self.email_edit, self.ip_edit):
            edit.textChanged.connect(self._edited)
        on_enter(self._save_on_enter, self.name_edit, self.email_edit, self.ip_edit)
        self.ip_edit.textChanged.connect(self._check_ip_live)
        self.location_manager.changed.connect(self._edited)
        self.admin.changed.connect(self._edited)
        for box in self.module_boxes.values():
            box.toggled.connect(self._edited)
        self.session.busy_changed.connect(lambda _busy, _text: self._update_state())

    # -- what is shown -----------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.user, self.new_mode = None, False
        self._restore(Typed("", "employee", "", False, False, (), ""))
        self.title.setText(self.tr("Choose an account in the list."))
        self._clear_errors()
        self._update_state()

    def show_user(self, user: User) -> None:
        """Show ``user`` as the server has it (no unsaved changes afterwards)."""
        self.user, self.new_mode = user, False
        self._restore(
            Typed(
                name=user.name,
                kind=user.kind,
                email=user.email or "",
                admin=user.admin,
                location_manager=user.location_manager,
                modules=user.modules,
                ip_text=", ".join(user.ip_allowlist),
            )
        )
        self.title.setText(user.name)
        self._clear_errors()
        self._update_state()

    def start_new(self) -> None:
        self.user, self.new_mode = None, True
        self._restore(Typed("", "employee", "", False, False, (), ""))
        self.title.setText(self.tr("New account"))
        self._clear_errors()
        self._update_state()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def typed(self) -> Typed:
        return Typed(
            name=self.name_edit.text().strip(),
            kind=cast(Kind, self.kind_combo.currentData()),
            email=self.email_edit.text().strip(),
            admin=self.admin.value(),
            location_manager=self.location_manager.value(),
            modules=tuple(m for m, box in self.module_boxes.items() if box.isChecked()),
            ip_text=self.ip_edit.text(),
        )

    def _restore(self, typed: Typed) -> None:
        self.name_edit.setText(typed.name)
        self.kind_combo.setCurrentIndex(KINDS.index(typed.kind))
        self.email_edit.setText(typed.email)
        self.admin.set_value(typed.admin)
        self.location_manager.set_value(typed.location_manager)
        for module, box in self.module_boxes.items():
            box.setChecked(module in typed.modules)
        self.ip_edit.setText(typed.ip_text)

    def _fields(self) -> AccountFields:
        """The typed fields, checked as the server checks them (UserError otherwise)."""
        typed = self.typed()
        return AccountFields(
            email=check_email(typed.email),
            admin=typed.admin,
            location_manager=typed.location_manager,
            modules=typed.modules,
            ip_allowlist=parse_ip_list(typed.ip_text),
        )

    def has_unsaved_changes(self) -> bool:
        if self.new_mode:
            typed = self.typed()
            return bool(typed.name or typed.email or typed.ip_text.strip() or typed.modules)
        if self.user is None:
            return False
        try:
            return self._fields() != self.user.fields
        except UserError:
            return True

    def unsaved_what(self) -> str:
        if self.new_mode:
            return self.tr("the new account")
        name = self.user.name if self.user is not None else ""
        return self.tr("the account of {name}").format(name=name)

    def refresh(self, user: User) -> None:
        """The server's new state of the account; edits not yet saved stay on screen."""
        keep = self.typed() if self.has_unsaved_changes() else None
        self.show_user(user)
        if keep is not None:
            self._restore(keep)
        self.changed.emit(user)

    # -- saving ------------------------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> None:
        self._clear_errors()
        try:
            fields = self._fields()
        except UserError as error:
            self._show_field_error(error)
            return
        if self.new_mode:
            account_actions.create(self, fields, then)
            return
        user = self.user
        if user is None:
            return
        changes = fields.changes_from(user.fields)
        if not changes:
            if then is not None:
                then()
            return
        name = user.name

        def saved(result: User) -> None:
            self.show_user(result)
            self.changed.emit(result)
            self.session.tell(self.tr("The account of {name} has been saved.").format(name=name))
            if then is not None:
                then()

        self.session.call(
            lambda client: client.update_user(name, changes),
            saved,
            progress=self.tr("Saving the account\u2026"),
            failed=self.server_refused,
        )

    def _save_on_enter(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def discard(self) -> None:
        if self.new_mode:
            self.show_nothing()
            self.new_cancelled.emit()
        elif self.user is not None:
            self.show_user(self.user)

    def server_refused(self, error: UserError) -> bool:
        """Show a refused save next to its field; other failures go to the panel."""
        if isinstance(error, ValidationFailed):
            fields = dict(error.fields)
            if "ip_allowlist" in fields:
                self._show_text(self.ip_error, fields.pop("ip_allowlist"))
            if "email" in fields:
                self._show_text(self.email_error, fields.pop("email"))
            if fields:
                self.show_error(self.form_error, ValidationFailed(fields))
            return True
        if self.new_mode and not isinstance(error, ServerUnreachable):
            self.show_error(self.form_error, error)  # e.g. the name exists
            return True
        return False

    # -- the buttons (what they do is desktop.ui.admin.account_actions) ---------------------

    def toggle_block(self) -> None:
        account_actions.toggle_block(self)

    def reset_2fa(self) -> None:
        account_actions.reset_2fa(self)

    def reset_password(self) -> None:
        account_actions.reset_password(self)

    def clear_throttle(self) -> None:
        account_actions.clear_throttle(self)

    def send_activation_mail(self) -> None:
        account_actions.send_activation_mail(self)

    # -- state -------------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._update_state()

    def _check_ip_live(self) -> None:
        try:
            parse_ip_list(self.ip_edit.text())
        except UserError as error:
            self.show_error(self.ip_error, error)
        else:
            self.ip_error.hide()

    def _clear_errors(self) -> None:
        for label in (self.form_error, self.email_error, self.ip_error):
            label.clear()
            label.hide()

    def _show_field_error(self, error: UserError) -> None:
        if isinstance(error, InvalidIpList | TooManyIpEntries):
            self.show_error(self.ip_error, error)
            self.ip_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(error, InvalidEmail):
            self.show_error(self.email_error, error)
            self.email_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.show_error(self.form_error, error)

    def show_error(self, label: QLabel, error: UserError) -> None:
        self._show_text(label, error_text(error))

    @staticmethod
    def _show_text(label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def _update_state(self) -> None:
        user = self.user
        busy = self.session.busy
        editing = user is not None or self.new_mode
        dirty = self.has_unsaved_changes()
        for widget in (
            self.email_edit,
            self.location_manager,
            self.admin,
            self.ip_edit,
            *self.module_boxes.values(),
        ):
            widget.setEnabled(editing)
        if self.name_edit.isReadOnly() == self.new_mode:
            self.name_edit.setReadOnly(not self.new_mode)
            # The style sheet's read-only grey is a property selector Qt re-reads only when told.
            self.name_edit.style().unpolish(self.name_edit)
            self.name_edit.style().polish(self.name_edit)
        self.name_edit.setEnabled(editing)
        self.kind_combo.setVisible(self.new_mode)
        self.kind_row_label.setVisible(self.new_mode)
        existing = user is not None and not busy
        self.save_button.setEnabled(editing and dirty and not busy)
        self.cancel_button.setEnabled(dirty or self.new_mode)
        self.activation_button.setEnabled(existing)
        self.reset_2fa_button.setEnabled(existing)
        self.reset_password_button.setEnabled(existing)
        username = self.session.client.username or ""
        myself = user is not None and self.session.client.contract.user_names.same(
            user.name, username
        )
        self.block_button.setEnabled(existing and not myself)
        self.block_button.setToolTip(self.tr("You cannot block yourself.") if myself else "")
        self.block_button.setText(
            self.tr("unblock") if user is not None and user.blocked else self.tr("block")
        )
        self.blocked_label.setVisible(user is not None and user.blocked)
        self.reset_password_button.setVisible(not self.new_mode)
        if user is None:
            password = self.tr("chosen by the user, through the activation mail")
            self.password_label.setText(password if self.new_mode else "")
            pairing = self.tr("paired at the first login (QR code)")
            self.twofa_label.setText(pairing if self.new_mode else "")
            self.throttle_label.hide()
            self.clear_throttle_button.hide()
            return
        self.password_label.setText(
            self.tr("set") if user.has_password else self.tr("not set (waiting for activation)")
        )
        self.twofa_label.setText(labels.enrollment(user.enrollment))
        waiting = user.throttled_until is not None
        if user.failed_codes or waiting:
            text = self.tr("{count} wrong codes in a row.").format(count=user.failed_codes)
            if user.throttled_until is not None:
                text += " " + self.tr("Next try allowed at {time}.").format(
                    time=labels.time_of_day(user.throttled_until)
                )
            self.throttle_label.setText(text)
            self.throttle_label.show()
            self.clear_throttle_button.show()
            self.clear_throttle_button.setEnabled(not busy)
        else:
            self.throttle_label.hide()
            self.clear_throttle_button.hide()


def _row(label: QLabel, button: QPushButton) -> QHBoxLayout:
    """A value with the button that changes it, left-aligned."""
    row = QHBoxLayout()
    row.setSpacing(12)
    row.addWidget(label)
    row.addWidget(button)
    row.addStretch(1)
    return row
