"""Logging in to the 2FA server as an administrator: address, username, password, then the
administrator's own code — offered from the app's own vault when it holds that account.

The default address is the embedded server on this computer; when nothing answers there,
the dialog starts it. Every request runs on the worker (the dialog shows what it is doing
and keeps what was typed when something fails). The same dialog logs in again when the
panel's session has expired: address and username are then fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.admin.errors import Forbidden, InvalidServerAddress, LoginOutOfStep
from desktop.admin.login import AdminLogin, PasswordOutcome
from desktop.admin.model import Enrollment, MailSent, Next, Overview
from desktop.admin.own_code import account_from_enrollment, code_now, find_account
from desktop.clock import Clock
from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.net.admin_client import AdminClient
from desktop.net.embedded_server import EmbeddedServer
from desktop.otp.codes import group
from desktop.otp.model import Account
from desktop.ui.admin.widgets import STYLE, BusyLine, MessageBar
from desktop.ui.common.background import Background
from desktop.ui.common.window_fit import PageStack, keep_fitted

AccountsSource = Callable[[], Sequence[Account]]
AddAccount = Callable[[Account], object]


class ConnectDialog(QDialog):
    def __init__(
        self,
        clock: Clock,
        *,
        address: str = "",
        username: str = "",
        client: AdminClient | None = None,
        reason: str = "",
        accounts: AccountsSource | None = None,
        add_account: AddAccount | None = None,
        embedded: EmbeddedServer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Administration: log in"))
        self.setStyleSheet(STYLE)
        self.setMinimumWidth(460)
        self.fitter = keep_fitted(self)  # an error banner pushes the form down
        self.clock = clock
        self.login = AdminLogin(client=client, embedded=embedded)
        self._given_client = client
        self.overview: Overview | None = None
        self.step: Next | None = None
        self.vault_account: Account | None = None
        self._accounts = accounts
        self._add_account = add_account
        self._enrollment: Enrollment | None = None
        self._added = False
        self.runner = Background(self)
        self.runner.busy_changed.connect(self._busy_changed)
        locked = client is not None

        self.message = MessageBar(self)
        if reason:
            self.message.show_message(reason, "warning")
        self.pages = PageStack(self)  # as high as the page shown
        self.pages.addWidget(self._build_credentials(address, username, locked))
        self.pages.addWidget(self._build_code())
        self.busy_line = BusyLine(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(self.message)
        layout.addWidget(self.pages)
        layout.addWidget(self.busy_line)
        # Enter presses the main button of the step shown (a hidden default does nothing).
        self.pages.currentChanged.connect(self._step_shown)
        self.pages.currentChanged.connect(lambda _index: self.fitter.snap())
        self._step_shown(self.pages.currentIndex())
        (self.password_edit if locked or username else self.username_edit).setFocus()

    # -- building ---------------------------------------------------------------------------

    def _build_credentials(self, address: str, username: str, locked: bool) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Log in as an administrator with module P&O to manage two-step verification "
                "and the employees' accounts."
            ),
            page,
        )
        intro.setWordWrap(True)
        default = self.login.embedded.url if self.login.embedded is not None else ""
        self.address_edit = QLineEdit(address or default, page)
        self.address_edit.setAccessibleName(self.tr("Server"))
        self.address_edit.setReadOnly(locked)
        self.address_hint = QLabel(
            self.tr(
                "The address of your organisation's two-step verification. If you were not "
                "given another address, keep this one: Tweestap takes care of it on this "
                "computer."
            ),
            page,
        )
        self.address_hint.setObjectName("FieldHint")
        self.address_hint.setWordWrap(True)
        self.address_edit.textChanged.connect(self._update_address_hint)
        self.username_edit = QLineEdit(username, page)
        self.username_edit.setAccessibleName(self.tr("Username"))
        self.username_edit.setReadOnly(locked)
        self.password_edit = QLineEdit(page)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        address_box = QVBoxLayout()
        address_box.setSpacing(2)
        address_box.addWidget(self.address_edit)
        address_box.addWidget(self.address_hint)
        form = QFormLayout()
        form.addRow(self.tr("Server"), address_box)
        form.addRow(self.tr("Username"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.login_button = QPushButton(self.tr("Log in"), page)
        self.login_button.setObjectName("PrimaryButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.start_login)
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._update_address_hint()
        return page

    def _build_code(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Two-step verification"), page)
        title.setObjectName("PageTitle")
        self.code_intro = QLabel(page)
        self.code_intro.setWordWrap(True)
        self.setup_key_edit = QLineEdit(page)
        self.setup_key_edit.setReadOnly(True)
        self.setup_key_edit.setAccessibleName(self.tr("Setup key"))
        self.add_to_vault_button = QPushButton(self.tr("Add to Tweestap"), page)
        self.add_to_vault_button.clicked.connect(self.add_to_vault)
        key_row = QHBoxLayout()
        key_row.addWidget(self.setup_key_edit, 1)
        key_row.addWidget(self.add_to_vault_button)
        self.key_row = QWidget(page)
        self.key_row.setLayout(key_row)
        key_row.setContentsMargins(0, 0, 0, 0)
        self.vault_button = QPushButton(page)
        self.vault_button.clicked.connect(self.use_vault_code)
        self.code_edit = QLineEdit(page)
        self.code_edit.setAccessibleName(self.tr("Code"))
        self.code_edit.setPlaceholderText(self.tr("6-digit code"))
        self.code_edit.setMaxLength(32)
        self.resend_button = QPushButton(self.tr("Send a new code"), page)
        self.resend_button.clicked.connect(self.send_email_code)
        code_row = QHBoxLayout()
        code_row.addWidget(QLabel(self.tr("Code"), page))
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.resend_button)
        self.verify_button = QPushButton(self.tr("Log in"), page)
        self.verify_button.setObjectName("PrimaryButton")
        self.verify_button.clicked.connect(self.submit_code)
        self.back_button = QPushButton(self.tr("Back"), page)
        self.back_button.clicked.connect(self.back_to_password)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.verify_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.code_intro)
        layout.addWidget(self.key_row)
        layout.addWidget(self.vault_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(code_row)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    @property
    def client(self) -> AdminClient | None:
        """The connection of this login (the panel takes it over once logged in)."""
        return self.login.client

    def _step_shown(self, index: int) -> None:
        self.login_button.setDefault(index == 0)
        self.verify_button.setDefault(index == 1)

    def _update_address_hint(self) -> None:
        embedded = self.login.embedded
        self.address_hint.setVisible(
            embedded is not None
            and not self.address_edit.isReadOnly()
            and embedded.is_address(self.address_edit.text())
        )

    # -- the password step --------------------------------------------------------------------

    def start_login(self) -> None:
        self.message.hide()
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self.show_error_text(self.tr("Fill in your username and password."))
            return
        try:
            client = self.login.connect(self.address_edit.text())
        except InvalidServerAddress as error:
            self.show_error(error)
            return

        def password_step() -> None:
            self.runner.run(
                lambda: self.login.password_step(client, username, password),
                self._password_done,
                self.show_error,
            )
            self.busy_line.set_busy(True, self.tr("Logging in\u2026"))

        if self.login.is_embedded(client.url):
            self.runner.run(
                self.login.start_embedded, lambda _started: password_step(), self.show_error
            )
            self.busy_line.set_busy(True, self.tr("Looking for the server on this computer\u2026"))
        else:
            password_step()

    def _password_done(self, result: PasswordOutcome) -> None:
        step, extra = result
        self.step = step
        if step == "done" and isinstance(extra, Overview):
            self._finish(extra)
            return
        self._show_code_page(step, extra)

    # -- the code step --------------------------------------------------------------------------

    def _show_code_page(self, step: Next, extra: object) -> None:
        username = self.username_edit.text().strip()
        self._enrollment = extra if isinstance(extra, Enrollment) else None
        self._added = False
        self.add_to_vault_button.setText(self.tr("Add to Tweestap"))
        self.add_to_vault_button.setEnabled(True)
        self.key_row.setVisible(self._enrollment is not None)
        self.resend_button.setVisible(step == "email")
        if self._enrollment is not None:
            self.code_intro.setText(
                self.tr(
                    "Two-step verification is not set up for {name} yet. Add this setup key to "
                    "your authenticator app (or to Tweestap), then enter the code it shows."
                ).format(name=username)
            )
            self.setup_key_edit.setText(_grouped_key(self._enrollment.secret))
            self.add_to_vault_button.setVisible(self._add_account is not None)
        elif isinstance(extra, MailSent):
            self.code_intro.setText(
                self.tr("A code has been sent to {address}. Enter it here.").format(
                    address=extra.sent_to
                )
            )
        else:
            self.code_intro.setText(
                self.tr("Enter the code of {name} from your authenticator app.").format(
                    name=username
                )
            )
        self.code_edit.clear()
        self._offer_vault_code()
        self.pages.setCurrentIndex(1)
        self.code_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _offer_vault_code(self) -> None:
        accounts = self._accounts() if self._accounts is not None else ()
        username = self.username_edit.text().strip()
        found = find_account(accounts, username) if self.step in ("totp", "enroll") else None
        self.vault_account = found
        self.vault_button.setVisible(found is not None)
        if found is not None:
            self.vault_button.setText(
                self.tr("Use the code from Tweestap ({account})").format(account=found.label)
            )

    def use_vault_code(self) -> None:
        """Fill in the vault account's current code and log in with it."""
        if self.vault_account is None:
            return
        self.code_edit.setText(group(code_now(self.vault_account, self.clock.now())))
        self.submit_code()

    def add_to_vault(self) -> None:
        """Store the setup key shown at pairing as a Tweestap account, then offer its code."""
        if self._enrollment is None or self._add_account is None:
            return
        try:
            self._add_account(account_from_enrollment(self._enrollment.otpauth_uri))
        except UserError as error:
            self.show_error(error)
            return
        self._added = True
        self.add_to_vault_button.setEnabled(False)
        self.add_to_vault_button.setText(self.tr("Added to Tweestap"))
        self._offer_vault_code()

    def submit_code(self) -> None:
        self.message.hide()
        code = self.code_edit.text().strip()
        if not code:
            self.show_error_text(self.tr("Enter the code."))
            return
        client = self.client
        if client is None:
            return
        self.runner.run(lambda: self.login.code_step(client, code), self._finish, self._code_failed)
        self.busy_line.set_busy(True, self.tr("Checking the code\u2026"))

    def _code_failed(self, error: UserError) -> None:
        if isinstance(error, Forbidden | LoginOutOfStep):
            self.back_to_password()  # the password step has to be done again
        self.show_error(error)

    def send_email_code(self) -> None:
        client = self.client
        if client is None:
            return

        def sent(result: MailSent) -> None:
            self.message.show_message(
                self.tr("A new code has been sent to {address}.").format(address=result.sent_to),
                "info",
            )

        self.runner.run(client.send_email_code, sent, self.show_error)
        self.busy_line.set_busy(True, self.tr("Sending a code\u2026"))

    def back_to_password(self) -> None:
        self.pages.setCurrentIndex(0)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the end -----------------------------------------------------------------------------------

    def _finish(self, overview: Overview) -> None:
        self.overview = overview
        self.password_edit.clear()
        self.code_edit.clear()
        self.accept()

    def show_error(self, error: UserError) -> None:
        if isinstance(error, Forbidden):
            self.pages.setCurrentIndex(0)
        self.show_error_text(error_text(error))

    def show_error_text(self, text: str) -> None:
        self.message.show_message(text, "error")

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.busy_line.set_busy(False)
        for widget in (
            self.login_button,
            self.verify_button,
            self.vault_button,
            self.resend_button,
            self.back_button,
        ):
            widget.setEnabled(not busy)
        self.add_to_vault_button.setEnabled(not busy and not self._added)

    def done(self, result: int) -> None:
        self.runner.wait()  # a request under way must not outlive the dialog
        if result != QDialog.DialogCode.Accepted and self.client is not self._given_client:
            self.login.close()  # the panel takes the client only after a login
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.runner.wait()
        super().closeEvent(event)


def _grouped_key(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
