"""Import accounts from a file: another app's export or a Tweestap backup.

Four pages in one window: choose the file (the app that wrote it is detected), type its
password when it has one (again, with the reason, after a wrong one), wait while it is
read (in a worker thread: a password-protected export takes a moment to unlock, a large
one to parse), and the summary: imported (with a note on each that looks like another
account: the same setup key, or the same name with another key), skipped because
Tweestap already has exactly that account, and not imported with the reason. Nothing is
stored before the whole file has been read.
"""

from __future__ import annotations

import enum
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.importers import (
    FORMAT_MODULES,
    DamagedFile,
    ImportProblem,
    ImportResult,
    PasswordNeeded,
    WrongPassword,
    read_bytes,
    read_import_file,
)
from desktop.importers.into_vault import ImportSummary, Resemblance, store
from desktop.otp.model import Account, Likeness
from desktop.ui.common.accessible import name_combo
from desktop.ui.common.account_fields import MessageLabel, Tone
from desktop.ui.common.background import Background
from desktop.ui.common.window_fit import PageStack, keep_fitted
from desktop.vault import Vault

AUTO = "auto"
translate = QCoreApplication.translate


class Page(enum.IntEnum):
    CHOOSE = 0
    PASSWORD = 1
    READING = 2
    SUMMARY = 3


def read_outcome(
    name: str, data: bytes, format_key: str, password: str | None
) -> ImportResult | ImportProblem:
    """The accounts of the file, or why it cannot be read (run in the background)."""
    try:
        return read_bytes(name, data, format_key=format_key, password=password)
    except ImportProblem as problem:
        return problem
    except Exception as error:  # an importer bug must not leave the window waiting
        return DamagedFile(name, f"{type(error).__name__}: {error}")


class ImportDialog(QDialog):
    """After ``exec()``, :attr:`summary` says what was imported (``None`` if nothing ran)."""

    page_changed = Signal(int)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.summary: ImportSummary | None = None
        self.path: Path | None = None
        self._data = b""
        self._format_title = ""
        self.background = Background(self, name="import-reading")
        self._reading = 0  # which reading the window waits for (0: none)
        self.setWindowTitle(self.tr("Import accounts"))
        self.setMinimumWidth(500)
        self.fitter = keep_fitted(self)  # a message pushes the buttons down

        self.pages = PageStack(self)  # as high as the page shown
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._password_page())
        self.pages.addWidget(self._reading_page())
        self.pages.addWidget(self._summary_page())

        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.action_button = QPushButton(self)
        self.action_button.setDefault(True)
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.action_button.clicked.connect(self._act)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._show(Page.CHOOSE)

    # -- pages ----------------------------------------------------------------------------

    def _heading(self, text: str, parent: QWidget) -> QLabel:
        label = QLabel(text, parent)
        font = QFont(label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        label.setWordWrap(True)
        return label

    def _choose_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Choose a file exported by another authenticator app (Aegis, 2FAS, andOTP, "
                "Authy, Bitwarden, FreeOTP, Google Authenticator, Proton, Ente and others) "
                "or a Tweestap backup. Accounts Tweestap already has are skipped."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.format_combo = QComboBox(page)
        self.format_combo.addItem(self.tr("Detect automatically"), AUTO)
        for key in FORMAT_MODULES:
            self.format_combo.addItem(_format_name(key), key)
        name_combo(self.format_combo, self.tr("File format"))
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format_combo)
        self.choose_message = MessageLabel(None, page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._heading(self.tr("Import accounts from a file"), page))
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.choose_message)
        layout.addStretch(1)
        return page

    def _password_page(self) -> QWidget:
        page = QWidget(self)
        self.password_heading = self._heading("", page)
        self.password_explanation = QLabel(page)
        self.password_explanation.setWordWrap(True)
        self.password_edit = QLineEdit(page)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_edit.textChanged.connect(self._password_typed)
        show = QCheckBox(self.tr("S&how password"), page)
        show.toggled.connect(
            lambda shown: self.password_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            )
        )
        self.password_message = MessageLabel(self.password_edit, page)
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow("", show)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.password_heading)
        layout.addWidget(self.password_explanation)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.password_message)
        layout.addStretch(1)
        return page

    def _reading_page(self) -> QWidget:
        page = QWidget(self)
        self.reading_label = QLabel(page)
        self.reading_label.setWordWrap(True)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 0)  # busy: an importer cannot say how far it is
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Reading the file"))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget(self)
        self.summary_heading = self._heading("", page)
        self.summary_text = QTextBrowser(page)
        self.summary_text.setOpenLinks(False)
        self.summary_text.setMinimumHeight(220)
        self.summary_text.setAccessibleName(self.tr("Import summary"))
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_heading)
        layout.addWidget(self.summary_text, 1)
        return page

    @property
    def page(self) -> Page:
        return Page(self.pages.currentIndex())

    def _show(self, page: Page) -> None:
        self.pages.setCurrentIndex(page)
        if self.isVisible():
            self.fitter.snap()  # as high as the page shown
        self.cancel_button.setVisible(page is not Page.SUMMARY)
        self.cancel_button.setEnabled(page is not Page.READING)
        self.action_button.setVisible(page is not Page.READING)
        if page is Page.CHOOSE:
            self.action_button.setText(self.tr("&Choose file\u2026"))
            self.action_button.setEnabled(True)
        elif page is Page.PASSWORD:
            self.action_button.setText(self.tr("&Import"))
            self.action_button.setEnabled(bool(self.password_edit.text()))
            self.password_edit.setFocus()
            self.password_edit.selectAll()
        elif page is Page.SUMMARY:
            self.action_button.setText(self.tr("&Close"))
            self.action_button.setEnabled(True)
        self.action_button.setDefault(True)
        self.page_changed.emit(int(page))

    # -- steps ----------------------------------------------------------------------------

    def _act(self) -> None:
        match self.page:
            case Page.CHOOSE:
                self.choose_file()
            case Page.PASSWORD:
                self.submit_password()
            case Page.SUMMARY:
                self.accept()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to import"),
            str(Path.home()),
            self.tr("All files (*)"),
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path, format_key: str | None = None) -> None:
        """Read ``path`` (the format chosen in the window unless ``format_key`` is given)."""
        if format_key is not None:
            index = self.format_combo.findData(format_key)
            if index >= 0:
                self.format_combo.setCurrentIndex(index)
        try:
            self._data = read_import_file(path)
        except UserError as error:
            self.choose_message.show_message(error_text(error), Tone.ERROR)
            return
        self.path = path
        self.choose_message.clear_message()
        self.password_edit.clear()
        self._start(None)

    def submit_password(self) -> None:
        password = self.password_edit.text()
        if password:
            self._start(password)

    def _start(self, password: str | None) -> None:
        if self.path is None:
            return
        self.reading_label.setText(
            self.tr("Reading {file}\u2026").format(file=self.path.name)
            if password is None
            else self.tr("Unlocking {file}\u2026").format(file=self.path.name)
        )
        self._show(Page.READING)
        name, data, format_key = self.path.name, self._data, str(self.format_combo.currentData())
        self._reading += 1
        reading = self._reading
        self.background.run(
            lambda: read_outcome(name, data, format_key, password),
            lambda outcome: self._read(reading, outcome),
            lambda problem: self._read(reading, problem),
        )

    def _read(self, reading: int, outcome: object) -> None:
        if reading != self._reading:
            return  # the window was closed while reading: nobody waits for this file
        self._reading = 0
        if isinstance(outcome, WrongPassword):
            self._ask_password(outcome.format_title, error_text(outcome))
        elif isinstance(outcome, PasswordNeeded):
            self._ask_password(outcome.format_title, None)
        elif isinstance(outcome, ImportProblem):
            self.choose_message.show_message(error_text(outcome), Tone.ERROR)
            self._show(Page.CHOOSE)
        elif isinstance(outcome, ImportResult):
            self._store(outcome)

    def _ask_password(self, format_title: str, error: str | None) -> None:
        self._format_title = format_title
        self.password_heading.setText(self.tr("This file is protected with a password"))
        self.password_explanation.setText(
            self.tr("Type the password that was chosen when {file} was made in {format}.").format(
                file=self.path.name if self.path is not None else "", format=format_title
            )
        )
        if error:
            self.password_message.show_message(error, Tone.ERROR)
        else:
            self.password_message.clear_message()
        self._show(Page.PASSWORD)

    def _password_typed(self, text: str) -> None:
        if self.page is Page.PASSWORD:
            self.action_button.setEnabled(bool(text))

    def _store(self, result: ImportResult) -> None:
        if not result.accounts and not result.skipped:
            self.choose_message.show_message(
                self.tr("The file holds no accounts; nothing was imported."), Tone.ERROR
            )
            self._show(Page.CHOOSE)
            return
        try:
            summary = store(self.vault, result)
        except UserError as error:
            self.choose_message.show_message(error_text(error), Tone.ERROR)
            self._show(Page.CHOOSE)
            return
        self.summary = summary
        self._show_summary(summary)

    def _show_summary(self, summary: ImportSummary) -> None:
        count = len(summary.imported)
        if count == 1:
            heading = self.tr("1 account imported")
        elif count:
            heading = self.tr("{count} accounts imported").format(count=count)
        else:
            heading = self.tr("No accounts imported")
        self.summary_heading.setText(heading)
        sections = []
        if summary.imported:
            sections.append(
                _section(
                    self.tr("Imported"),
                    [
                        _imported_line(account, summary.resemblance(account))
                        for account in summary.imported
                    ],
                )
            )
        if summary.duplicates or summary.repeated:
            sections.append(
                _section(
                    self.tr("Skipped: Tweestap already has these"),
                    [d.incoming.label for d in summary.duplicates]
                    + [
                        self.tr("{label} (more than once in the file)").format(
                            label=d.incoming.label
                        )
                        for d in summary.repeated
                    ],
                )
            )
        if summary.failed:
            sections.append(
                _section(
                    self.tr("Not imported"),
                    [f"{item.label}: {error_text(item.reason)}" for item in summary.failed],
                )
            )
        self.summary_text.setHtml("".join(sections))
        self._show(Page.SUMMARY)

    # -- closing --------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._reading += 1  # a file still being read is read for nobody
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.page is Page.READING:
            event.ignore()
            return
        super().closeEvent(event)


def _imported_line(account: Account, resemblance: Resemblance | None) -> str:
    if resemblance is None:
        return account.label
    return translate("ImportDialog", "{label} ({note})").format(
        label=account.label, note=alike_note(resemblance)
    )


def alike_note(resemblance: Resemblance) -> str:
    """What an imported account looks like, for a summary ("same setup key as ...")."""
    if resemblance.likeness is Likeness.SAME_KEY:
        text = translate("ImportDialog", "same setup key as {other}")
    else:
        text = translate("ImportDialog", "same name as {other}, another setup key")
    return text.format(other=resemblance.other.label)


def _section(title: str, lines: list[str]) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f"<p><b>{html.escape(title)}</b> ({len(lines)})</p><ul>{items}</ul>"


def _format_name(key: str) -> str:
    """The app's own name for a format key (not translated: "Aegis", "2FAS")."""
    names = {
        "tweestap": "Tweestap",
        "aegis": "Aegis",
        "2fas": "2FAS",
        "andotp": "andOTP",
        "stratum": "Stratum",
        "authenticator_plus": "Authenticator Plus",
        "authy": "Authy",
        "battle_net": "Battle.net",
        "bitwarden": "Bitwarden",
        "duo": "Duo",
        "freeotp_plus": "FreeOTP+",
        "freeotp": "FreeOTP",
        "google_authenticator": "Google Authenticator",
        "microsoft_authenticator": "Microsoft Authenticator",
        "proton_authenticator": "Proton Authenticator",
        "steam": "Steam",
        "totp_authenticator": "TOTP Authenticator",
        "google_migration": "Google Authenticator (otpauth-migration)",
        "ente_auth": "Ente Auth",
        "otpauth_uri": "otpauth:// links",
        "winauth": "WinAuth",
    }
    return names.get(key, key)
