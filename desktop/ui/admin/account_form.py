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
    QGridLayout,
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
    MailSent,
    NewUser,
    User,
    check_email,
    parse_ip_list,
)
from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.ui.admin import labels, questions
from desktop.ui.admin.session import AdminSession
from desktop.ui.admin.widgets import YesNo, on_enter
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
        self.email_error = self._error_label(page)
        self.password_label = QLabel(page)
        self.reset_password_button = QPushButton(self.tr("reset password"), page)
        self.location_manager = YesNo(self.tr("location manager"), page)
        self.admin = YesNo(self.tr("administrator"), page)
        admin_hint = self._hint(
            self.tr("An administrator can change settings. Other users cannot."), page
        )
        self.ip_edit = QLineEdit(page)
        self.ip_edit.setAccessibleName(self.tr("IP address"))
        self.ip_edit.setPlaceholderText(self.tr("for example 192.168.1.10, 10.0.0.0/24"))
        ip_hint = self._hint(
            self.tr(
                "Nothing filled in? Then no restriction on IP address. Separate several IP "
                "addresses with a comma."
            ),
            page,
        )
        self.ip_error = self._error_label(page)
        self.twofa_label = QLabel(page)
        self.throttle_label = self._hint("", page)
        self.clear_throttle_button = QPushButton(self.tr("Allow codes again"), page)
        self.clear_throttle_button.setToolTip(self.tr("Lift the wait after too many wrong codes."))

        self.module_boxes: dict[str, QCheckBox] = {}
        modules = QGroupBox(self.tr("modules"), page)
        module_layout = QVBoxLayout(modules)
        for module in self.session.client.contract.modules:  # the server's list
            box = QCheckBox(module.replace("&", "&&"), modules)  # "p&o" is no shortcut
            self.module_boxes[module] = box
            module_layout.addWidget(box)
        module_layout.addStretch(1)

        password_row = QHBoxLayout()
        password_row.setSpacing(12)
        password_row.addWidget(self.password_label)
        password_row.addWidget(self.reset_password_button)
        password_row.addStretch(1)
        twofa_row = QHBoxLayout()
        twofa_row.setSpacing(12)
        twofa_row.addWidget(self.twofa_label)
        twofa_row.addWidget(self.clear_throttle_button)
        twofa_row.addStretch(1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self._row = 0

        def add(text: str, field: QWidget | QHBoxLayout, *below: QWidget) -> None:
            label = QLabel(text, page)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(label, self._row, 0)
            if isinstance(field, QWidget):
                label.setBuddy(field)
                grid.addWidget(field, self._row, 1)
            else:
                grid.addLayout(field, self._row, 1)
            self._row += 1
            for widget in below:
                grid.addWidget(widget, self._row, 1)
                self._row += 1

        add(self.tr("username"), self.name_edit)
        self.kind_row_label = QLabel(self.tr("kind"), page)
        self.kind_row_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.kind_row_label.setBuddy(self.kind_combo)
        grid.addWidget(self.kind_row_label, self._row, 0)
        grid.addWidget(self.kind_combo, self._row, 1, Qt.AlignmentFlag.AlignLeft)
        self._row += 1
        add(self.tr("e-mail address"), self.email_edit, self.email_error)
        add(self.tr("password"), password_row)
        add(self.tr("location manager"), self.location_manager)
        add(self.tr("administrator"), self.admin, admin_hint)
        add(self.tr("IP address"), self.ip_edit, ip_hint, self.ip_error)
        add(self.tr("two-step verification"), twofa_row, self.throttle_label)
        grid.setColumnStretch(1, 1)

        self.save_button = QPushButton(self.tr("save"), page)
        self.save_button.setObjectName("PrimaryButton")
        self.activation_button = QPushButton(self.tr("mail activation"), page)
        self.block_button = QPushButton(self.tr("block"), page)
        self.cancel_button = QPushButton(self.tr("cancel"), page)
        self.reset_2fa_button = QPushButton(self.tr("reset two-step verification"), page)
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
        session.busy_changed.connect(lambda _busy, _text: self._update_state())
        self.show_nothing()

    @staticmethod
    def _hint(text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName("FieldHint")
        label.setWordWrap(True)
        return label

    @staticmethod
    def _error_label(parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName("FieldError")
        label.setWordWrap(True)
        label.hide()
        return label

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

    def _refresh(self, user: User) -> None:
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
            self._create(fields, then)
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
            failed=self._server_refused,
        )

    def _save_on_enter(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def _create(self, fields: AccountFields, then: Callable[[], None] | None) -> None:
        typed = self.typed()
        try:
            name = self.session.client.contract.user_names.check(typed.name)
        except UserError as error:
            self._show_error(self.form_error, error)
            return
        new = NewUser(name=name, kind=typed.kind, fields=fields)

        def created(result: User) -> None:
            self.show_user(result)
            self.created.emit(result)
            self.session.tell(
                self.tr(
                    "Account {name} created. Send an activation mail so {name} can choose a "
                    "password."
                ).format(name=name)
            )
            if then is not None:
                then()

        self.session.call(
            lambda client: client.create_user(new),
            created,
            progress=self.tr("Creating the account\u2026"),
            failed=self._server_refused,
        )

    def discard(self) -> None:
        if self.new_mode:
            self.show_nothing()
            self.new_cancelled.emit()
        elif self.user is not None:
            self.show_user(self.user)

    def _server_refused(self, error: UserError) -> bool:
        """Show a refused save next to its field; other failures go to the panel."""
        if isinstance(error, ValidationFailed):
            fields = dict(error.fields)
            if "ip_allowlist" in fields:
                self._show_text(self.ip_error, fields.pop("ip_allowlist"))
            if "email" in fields:
                self._show_text(self.email_error, fields.pop("email"))
            if fields:
                self._show_error(self.form_error, ValidationFailed(fields))
            return True
        if self.new_mode and not isinstance(error, ServerUnreachable):
            self._show_error(self.form_error, error)  # e.g. the name exists
            return True
        return False

    # -- the buttons ------------------------------------------------------------------------------

    def _act(self, work: Callable[[str], User], progress: str, done_text: str) -> None:
        if self.user is None:
            return
        name = self.user.name

        def acted(result: User) -> None:
            self._refresh(result)
            self.session.tell(done_text.format(name=name))

        self.session.call(lambda _client: work(name), acted, progress=progress)

    def toggle_block(self) -> None:
        user = self.user
        if user is None:
            return
        client = self.session.client
        if user.blocked:
            self._act(
                client.unblock,
                self.tr("Unblocking\u2026"),
                self.tr("{name} has been unblocked and can log in again."),
            )
            return
        if not questions.confirm(
            self,
            self.tr("Block {name}").format(name=user.name),
            self.tr(
                "Block {name}? {name} can no longer log in: open sessions end at once and "
                "trusted browsers are forgotten. Unblock the account to let {name} in again."
            ).format(name=user.name),
            self.tr("block"),
        ):
            return
        self._act(client.block, self.tr("Blocking\u2026"), self.tr("{name} has been blocked."))

    def reset_2fa(self) -> None:
        user = self.user
        if user is None:
            return
        if not questions.confirm(
            self,
            self.tr("Reset two-step verification"),
            self.tr(
                "Reset the two-step verification of {name}?\n\n"
                "The authenticator app paired with this account is forgotten. At the next "
                "login {name} sees a new QR code and setup key and pairs the app again; codes "
                "from the old entry in the app no longer work, so ask {name} to delete that "
                "entry first. Open sessions end and trusted browsers are forgotten."
            ).format(name=user.name),
            self.tr("reset two-step verification"),
        ):
            return
        self._act(
            self.session.client.reset_2fa,
            self.tr("Resetting two-step verification\u2026"),
            self.tr(
                "The two-step verification of {name} has been reset: the next login shows a "
                "new QR code."
            ),
        )

    def reset_password(self) -> None:
        user = self.user
        if user is None:
            return
        if user.email:
            text = self.tr(
                "Reset the password of {name}? The current password stops working at once. "
                "{name} gets an activation mail with a link to choose a new one."
            )
        else:
            text = self.tr(
                "Reset the password of {name}? The current password stops working at once. "
                "{name} has no e-mail address, so no link to choose a new one can be sent: "
                "fill in an address and send an activation mail."
            )
        if not questions.confirm(
            self,
            self.tr("Reset password"),
            text.format(name=user.name),
            self.tr("reset password"),
        ):
            return
        self._act(
            self.session.client.reset_password,
            self.tr("Resetting the password\u2026"),
            self.tr("The password of {name} has been reset."),
        )

    def clear_throttle(self) -> None:
        self._act(
            self.session.client.clear_throttle,
            self.tr("Allowing codes again\u2026"),
            self.tr("{name} may enter codes again."),
        )

    def send_activation_mail(self) -> None:
        user = self.user
        if user is None:
            return
        name = user.name

        def sent(result: MailSent) -> None:
            self.session.tell(
                self.tr("Activation mail for {name} sent to {address}.").format(
                    name=name, address=result.sent_to
                )
            )

        self.session.call(
            lambda client: client.send_activation_mail(name),
            sent,
            progress=self.tr("Sending the activation mail\u2026"),
        )

    # -- state -------------------------------------------------------------------------------------

    def _edited(self) -> None:
        self._update_state()

    def _check_ip_live(self) -> None:
        try:
            parse_ip_list(self.ip_edit.text())
        except UserError as error:
            self._show_error(self.ip_error, error)
        else:
            self.ip_error.hide()

    def _clear_errors(self) -> None:
        for label in (self.form_error, self.email_error, self.ip_error):
            label.clear()
            label.hide()

    def _show_field_error(self, error: UserError) -> None:
        if isinstance(error, InvalidIpList | TooManyIpEntries):
            self._show_error(self.ip_error, error)
            self.ip_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(error, InvalidEmail):
            self._show_error(self.email_error, error)
            self.email_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._show_error(self.form_error, error)

    def _show_error(self, label: QLabel, error: UserError) -> None:
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
        self.name_edit.setReadOnly(not self.new_mode)
        self.name_edit.setEnabled(editing)
        self.kind_combo.setVisible(self.new_mode)
        self.kind_row_label.setVisible(self.new_mode)
        existing = user is not None and not busy
        self.save_button.setEnabled(editing and dirty and not busy)
        self.cancel_button.setEnabled(dirty or self.new_mode)
        self.activation_button.setEnabled(existing)
        self.reset_2fa_button.setEnabled(existing)
        self.reset_password_button.setEnabled(existing)
        myself = user is not None and user.name == self.session.client.username
        self.block_button.setEnabled(existing and not myself)
        self.block_button.setToolTip(self.tr("You cannot block yourself.") if myself else "")
        self.block_button.setText(
            self.tr("unblock") if user is not None and user.blocked else self.tr("block")
        )
        self.blocked_label.setVisible(user is not None and user.blocked)
        if user is None:
            self.password_label.setText("")
            self.twofa_label.setText("")
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
