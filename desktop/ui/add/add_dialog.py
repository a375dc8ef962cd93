"""Add an account: paste the setup key or the account link, check it, store it, then show
the first code to type on the login page (pairing is only complete once that is done).

Five pages in one window: the form, the "replace the old entry?" question (the seed's
"remove the old line and scan again" case), the done page with the current code, the
camera page (a live preview that reads the QR code) and the summary of an import of a
Google Authenticator export. After an account was added from a picture file, the done
page (or the summary) offers to delete that file: it holds the setup key.
"""

from __future__ import annotations

import contextlib
import enum
import itertools
import math
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import pairing_history
from desktop.clock import Clock
from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.otp.codes import code_at, group, seconds_remaining
from desktop.otp.input import CodeSettings, KeyInput, check_key_text, make_account
from desktop.otp.model import Account, OtpType
from desktop.ui.add.camera_page import CameraPanel
from desktop.ui.add.delete_picture import DeleteFileOffer
from desktop.ui.add.google_import_offer import ExportOffer
from desktop.ui.add.scan_sources import ScanSources
from desktop.ui.common.account_fields import (
    CodeSettingsForm,
    KeyField,
    MessageLabel,
    NameFields,
    Tone,
    fixed_font,
    set_muted,
)
from desktop.ui.common.timer import TimerFactory, make_timer
from desktop.ui.common.window_fit import PageStack, keep_fitted
from desktop.vault import DuplicateAccount, Vault, VaultError


class Page(enum.IntEnum):
    FORM = 0
    REPLACE = 1
    DONE = 2
    CAMERA = 3
    IMPORTED = 4


class AddAccountDialog(QDialog):
    """The add-account window. After ``exec()``, :attr:`added_account` is what was stored
    (and :attr:`imported_accounts` what an import of a Google Authenticator export added).

    Later sources of a key (scanning a QR code from the screen, the webcam or an image) put
    their buttons in :attr:`extra_sources_layout` and hand what they read to
    :meth:`set_key_text`.

    ``copy_code`` (the main window's safe clipboard) adds a "Copy code" button to the done
    page; ``timer_factory`` is the timer seam for the countdown there.
    """

    account_added = Signal(object)
    """Emitted with the stored :class:`Account` as soon as it is in the vault."""

    def __init__(
        self,
        vault: Vault,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        timer_factory: TimerFactory = make_timer,
        copy_code: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.added_account: Account | None = None
        self.imported_accounts: list[Account] = []
        self._vault = vault
        self._clock = clock
        self._key: KeyInput | None = None
        self._draft: Account | None = None
        self._applied_link_text: str | None = None
        self._pending: Account | None = None
        self._copy_code = copy_code

        self.setWindowTitle(self.tr("Add account"))
        self.setMinimumWidth(500)
        self.fitter = keep_fitted(self)  # whatever message appears, the fields keep their room
        self.pages = PageStack(self)  # as high as the page shown
        self._page_widgets = (
            self._build_form_page(),
            self._build_replace_page(),
            self._build_done_page(),
            self._build_camera_page(),
            self._build_imported_page(),
        )
        for widget in self._page_widgets:
            self.pages.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self._timer = timer_factory(self)
        self._timer.timeout.connect(self.refresh_code)

        self.key_edit.textChanged.connect(self._key_changed)
        self.key_edit.textEdited.connect(self.scan_sources.clear_message)
        self.key_edit.textEdited.connect(self._key_typed)
        self.key_edit.take_text = self._take_pasted_export
        self.scan_sources.message_changed.connect(self._grow_to_fit)
        self.scan_sources.camera_requested.connect(self.open_camera)
        self.scan_sources.export_found.connect(self.export_offer.take_texts)
        self.export_offer.changed.connect(self._grow_to_fit)
        self.export_offer.import_requested.connect(self.import_exports)
        self.camera_panel.payload_read.connect(self._camera_payload)
        self.camera_panel.back_requested.connect(self._go_back)
        self.camera_panel.message_changed.connect(self._grow_to_fit)
        self.delete_offer.answered.connect(self._grow_to_fit)
        self.import_delete_offer.answered.connect(self._grow_to_fit)
        self.issuer_edit.textChanged.connect(self._revalidate)
        self.name_edit.textChanged.connect(self._revalidate)
        self.settings_form.changed.connect(self._settings_changed)
        self.add_button.clicked.connect(self._add)
        self.cancel_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self._go_back)
        self.replace_button.clicked.connect(self._replace)
        self.close_button.clicked.connect(self.accept)
        self.imported_close_button.clicked.connect(self.accept)
        self.copy_button.clicked.connect(self.copy_current_code)
        self._set_tab_order()
        self._show_page(Page.FORM)
        self._revalidate()

    # -- building -------------------------------------------------------------------------

    def _build_form_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Copy the setup key shown under the QR code on the login page (it has a Copy "
                "button) and paste it here. An account link (otpauth://\u2026) works too."
            ),
            page,
        )
        intro.setWordWrap(True)

        self.key_edit = KeyField(page)
        self.key_edit.setPlaceholderText(self.tr("for example JBSW Y3DP EHPK 3PXP"))
        self.key_edit.setAccessibleName(self.tr("Setup key or account link"))
        key_label = QLabel(self.tr("&Setup key or account link:"), page)
        key_label.setBuddy(self.key_edit)
        bold = QFont(key_label.font())
        bold.setBold(True)
        key_label.setFont(bold)
        self.key_message = MessageLabel(self.key_edit, page)

        self.extra_sources_layout = QHBoxLayout()
        self.extra_sources_layout.setContentsMargins(0, 0, 0, 0)
        self.scan_sources = ScanSources(self.set_key_text, page, drop_target=self)
        self.extra_sources_layout.addWidget(self.scan_sources)
        self.export_offer = ExportOffer(page)

        self.names = NameFields(page)
        self.issuer_edit = self.names.issuer_edit
        self.name_edit = self.names.name_edit
        self.name_message = self.names.name_message

        self.advanced_button = QToolButton(page)
        self.advanced_button.setText(self.tr("A&dvanced settings"))
        self.advanced_button.setAccessibleName(self.tr("Advanced settings"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.setStyleSheet("QToolButton { border: none; padding: 2px 0; }")
        self.advanced_button.toggled.connect(self._toggle_advanced)
        self.settings_summary = QLabel(page)
        set_muted(self.settings_summary)
        self.settings_form = CodeSettingsForm(page)
        self.settings_form.setVisible(False)
        self.settings_summary.setText(self.settings_form.summary())
        advanced_row = QHBoxLayout()
        advanced_row.addWidget(self.advanced_button)
        advanced_row.addSpacing(6)
        advanced_row.addWidget(self.settings_summary, 1)
        advanced_row.addStretch(1)  # keeps the button on the left when the summary hides
        advanced_box = QHBoxLayout()
        advanced_box.setContentsMargins(20, 0, 0, 0)
        advanced_box.addWidget(self.settings_form)
        advanced_box.addStretch(1)

        self.form_error = MessageLabel(None, page)

        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.add_button = QPushButton(self.tr("&Add"), page)
        self.add_button.setAccessibleName(self.tr("Add account"))

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(key_label)
        layout.addWidget(self.key_edit)
        layout.addWidget(self.key_message)
        layout.addLayout(self.extra_sources_layout)
        layout.addWidget(self.export_offer)
        layout.addSpacing(8)
        layout.addWidget(self.names)
        layout.addLayout(advanced_row)
        layout.addLayout(advanced_box)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(_buttons(page, (self.add_button, _ACCEPT), (self.cancel_button, _REJECT)))
        return page

    def _build_replace_page(self) -> QWidget:
        page = QWidget(self)
        icon = QLabel(page)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.replace_question = QLabel(page)
        self.replace_question.setWordWrap(True)
        self.replace_question.setTextFormat(Qt.TextFormat.PlainText)
        question_font = QFont(self.replace_question.font())
        question_font.setBold(True)
        question_font.setPointSizeF(question_font.pointSizeF() * 1.15)
        self.replace_question.setFont(question_font)
        self.replace_explanation = QLabel(
            self.tr(
                "Did the login page show you a new QR code or setup key? Then the earlier "
                "pairing was not completed, and the codes of the old entry are no longer "
                "accepted. Replace the old entry with this one, then type the new code on the "
                "login page to finish pairing."
            ),
            page,
        )
        self.replace_explanation.setWordWrap(True)
        other = QLabel(
            self.tr("Is this a different account? Go back and give it another name."), page
        )
        other.setWordWrap(True)

        self.back_button = QPushButton(self.tr("&Go back"), page)
        self.back_button.setAccessibleName(self.tr("Go back"))
        self.replace_button = QPushButton(self.tr("&Replace old entry"), page)
        self.replace_button.setAccessibleName(self.tr("Replace old entry"))

        text = QVBoxLayout()
        text.addWidget(self.replace_question)
        text.addSpacing(6)
        text.addWidget(self.replace_explanation)
        text.addSpacing(6)
        text.addWidget(other)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(text, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(
            _buttons(page, (self.replace_button, _ACCEPT), (self.back_button, _REJECT))
        )
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Account added"), page)
        title_font = QFont(title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title.setFont(title_font)
        self.done_label = QLabel(page)
        self.done_label.setTextFormat(Qt.TextFormat.PlainText)
        self.done_label.setWordWrap(True)

        self.code_label = QLabel(page)
        self.code_label.setFont(fixed_font(30, bold=True))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAccessibleName(self.tr("Current code"))
        self.countdown_label = QLabel(page)
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_muted(self.countdown_label)
        code_box = QFrame(page)
        code_box.setFrameShape(QFrame.Shape.StyledPanel)
        code_layout = QVBoxLayout(code_box)
        code_layout.setContentsMargins(12, 12, 12, 12)
        code_layout.addWidget(self.code_label)
        code_layout.addWidget(self.countdown_label)

        self.hint_label = QLabel(
            self.tr("Type this code on the login page now to finish pairing."), page
        )
        self.hint_label.setWordWrap(True)
        hint_font = QFont(self.hint_label.font())
        hint_font.setBold(True)
        self.hint_label.setFont(hint_font)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.copy_button = QPushButton(self.tr("C&opy code"), page)
        self.copy_button.setAccessibleName(self.tr("Copy code"))
        copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, page)
        copy_shortcut.activated.connect(self.copy_current_code)
        self.close_button = QPushButton(self.tr("&Close"), page)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.delete_offer = DeleteFileOffer(page)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.done_label)
        layout.addSpacing(8)
        layout.addWidget(code_box)
        layout.addSpacing(8)
        layout.addWidget(self.hint_label)
        layout.addSpacing(8)
        layout.addWidget(self.delete_offer)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(_buttons(page, (self.copy_button, _ACTION), (self.close_button, _ACCEPT)))
        self.copy_button.setVisible(self._copy_code is not None)  # after: the box shows it
        return page

    def _build_camera_page(self) -> QWidget:
        self.camera_panel = CameraPanel(self)
        return self.camera_panel

    def _build_imported_page(self) -> QWidget:
        page = QWidget(self)
        self.imported_title = QLabel(page)
        title_font = QFont(self.imported_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        self.imported_title.setFont(title_font)
        self.imported_summary = QLabel(page)
        self.imported_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.imported_summary.setWordWrap(True)
        self.imported_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_delete_offer = DeleteFileOffer(page)
        self.imported_close_button = QPushButton(self.tr("&Close"), page)
        self.imported_close_button.setAccessibleName(self.tr("Close"))

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.imported_title)
        layout.addSpacing(4)
        layout.addWidget(self.imported_summary)
        layout.addSpacing(8)
        layout.addWidget(self.import_delete_offer)
        layout.addStretch(1)
        layout.addSpacing(10)
        layout.addWidget(_buttons(page, (self.imported_close_button, _ACCEPT)))
        return page

    def _set_tab_order(self) -> None:
        """Tab goes the way the form is filled in: key, service, account name, settings,
        the buttons; the ways to read a QR code come after (Shift+Tab from the key)."""
        sources = self.scan_sources
        order = [
            self.key_edit,
            self.issuer_edit,
            self.name_edit,
            self.advanced_button,
            *_tab_stops(self.settings_form),
            self.add_button,
            self.cancel_button,
            sources.camera_button,
            sources.screen_button,
            sources.region_button,
            sources.open_button,
            sources.paste_button,
            sources.portal_button,
            *_tab_stops(self.export_offer),
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- public ---------------------------------------------------------------------------

    @property
    def page(self) -> Page:
        return Page(self.pages.currentIndex())

    def set_key_text(self, text: str) -> None:
        """Fill the key field, as if the person had pasted ``text`` (a key or a link)."""
        self.key_edit.setText(text)
        self.key_edit.setCursorPosition(0)  # the start says what it is: a key or otpauth://
        self.key_edit.setFocus()

    def open_camera(self) -> None:
        """Show the camera page and start the first camera found."""
        self._show_page(Page.CAMERA)
        self.camera_panel.start()

    def import_exports(self) -> None:
        """Import every account of the complete Google Authenticator exports read so far,
        then show what happened (accounts already stored are not doubled)."""
        from desktop.importers import ImportResult
        from desktop.importers.into_vault import store

        offer = self.export_offer
        scanned = ImportResult(
            format_key="google_migration", accounts=[*offer.collection.accounts()]
        )
        try:
            summary = store(self._vault, scanned)
        except UserError as error:  # the vault could not be saved: nothing was stored
            self.imported_title.setText(self.tr("Nothing was imported"))
            self.imported_summary.setText(error_text(error))
            self.import_delete_offer.offer([])
            self._show_page(Page.IMPORTED)
            return
        self.imported_accounts += summary.imported
        self.imported_title.setText(
            self.tr("Accounts imported") if summary.imported else self.tr("Nothing was imported")
        )
        self.imported_summary.setText(offer.summary_text(summary))
        kept = summary.imported or summary.duplicates or summary.repeated
        self.import_delete_offer.offer(offer.files if kept else [])
        offer.clear()
        for account in summary.imported:
            self.account_added.emit(account)
        self._show_page(Page.IMPORTED)

    def refresh_code(self) -> None:
        """Show the code of the added account at the clock's current time."""
        account = self.added_account
        if account is None:
            return
        now = self._clock.now()
        code = code_at(account, now)
        self.code_label.setText(group(code))
        self.code_label.setAccessibleDescription(" ".join(code))
        if account.type is OtpType.HOTP:
            self.countdown_label.setVisible(False)
            return
        seconds = max(1, math.ceil(seconds_remaining(account, now)))
        self.countdown_label.setText(self.tr("New code in {seconds} s").format(seconds=seconds))
        if self.page is Page.DONE and self.isVisible():
            self._timer.start(1000 - round(now * 1000) % 1000)  # at the next whole second

    def copy_current_code(self) -> None:
        """Hand the shown code to ``copy_code`` (nothing without one, or before adding)."""
        if self._copy_code is not None and self.added_account is not None:
            self._copy_code(self.code_label.text().replace(" ", ""))

    # -- behaviour ------------------------------------------------------------------------

    def _key_changed(self) -> None:
        check = check_key_text(self.key_edit.text())
        self._key = check.key
        if check.empty:
            self.key_message.clear_message()
        elif check.error is not None:
            self.key_message.show_message(error_text(check.error), Tone.ERROR)
        elif check.key is not None and check.key.link is not None:
            if check.text != self._applied_link_text:
                self._apply_link(check.key.link, check.text)
            self.key_message.show_message(
                self.tr("Account link read; check the service and account name below."),
                Tone.OK,
            )
        else:
            if self._applied_link_text is not None:
                # The settings came from a link that is gone: a bare key uses the defaults.
                self._applied_link_text = None
                self.settings_form.set_settings(CodeSettings())
            self.key_message.show_message(self.tr("Valid setup key."), Tone.OK)
        self._revalidate()

    def _key_typed(self) -> None:
        """Typed or pasted by hand: the key no longer comes from a picture file."""
        self.scan_sources.key_files = []

    def _take_pasted_export(self, text: str) -> bool:
        """A Google Authenticator export pasted into the key field goes to the import
        offer (the substring test first: the export modules load only for an export)."""
        if "otpauth-migration://" not in text.lower():
            return False
        self.scan_sources.clear_message()
        self.export_offer.take_texts([text])
        return True

    def _camera_payload(self, text: str) -> None:
        """A new QR text from the camera: an account link fills the form, an export part is
        collected (all parts in: back to the form's import offer), anything else is
        explained under the picture while the camera goes on."""
        from desktop.scan.classify import classify

        scanned = classify(text)
        if scanned.kind == "account" and scanned.accounts:
            self.scan_sources.key_files = []
            self.scan_sources.clear_message()
            self._show_page(Page.FORM)
            self.set_key_text(text.strip())
        elif scanned.batch is not None:
            collection = self.export_offer.collection
            self.export_offer.take_batch(scanned.batch)
            if collection.complete:
                self._show_page(Page.FORM)
            else:
                waiting = " ".join(error_text(missing) for missing in collection.incomplete())
                self.camera_panel.show_message(waiting, Tone.HINT)
        elif scanned.message is not None:
            self.camera_panel.show_message(error_text(scanned.message), Tone.ERROR)

    def _apply_link(self, link: Account, text: str) -> None:
        self._applied_link_text = text
        if link.issuer:
            self.issuer_edit.setText(link.issuer)
        if link.name:
            self.name_edit.setText(link.name)
        self.settings_form.set_settings(CodeSettings.of(link))

    def _settings_changed(self) -> None:
        self.settings_summary.setText(self.settings_form.summary())
        self._revalidate()

    def _revalidate(self) -> None:
        self._draft = None
        self.form_error.clear_message()
        self.name_message.clear_message()
        if self._key is not None:
            try:
                self._draft = make_account(
                    self._key,
                    issuer=self.issuer_edit.text(),
                    name=self.name_edit.text(),
                    settings=self.settings_form.settings(),
                )
            except UserError as error:
                self.name_message.show_message(error_text(error), Tone.HINT)
        self.add_button.setEnabled(self._draft is not None)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Make room for a sentence that appeared (wrapped text is not counted otherwise).

        The window only grows here, so it does not jump while someone types.
        """
        self._fit(shrink=False)

    def _fit(self, *, shrink: bool) -> None:
        """Size the window to the page shown (a stack would take its largest page's size)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        page = self._page_widgets[self.pages.currentIndex()]
        width = self.pages.width()
        if page.hasHeightForWidth():
            height = page.heightForWidth(width)
        else:
            height = page.sizeHint().height()
        margins = layout.contentsMargins()
        needed = max(height + margins.top() + margins.bottom(), self.minimumSizeHint().height())
        if needed > self.height() or shrink:
            self.resize(self.width(), needed)

    def _toggle_advanced(self, shown: bool) -> None:
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.settings_summary.setVisible(not shown)
        self.settings_form.setVisible(shown)
        self._fit(shrink=True)

    def _add(self) -> None:
        if self._draft is None:
            return
        self._store(self._draft, replace_existing=False)

    def _replace(self) -> None:
        if self._pending is not None:
            self._store(self._pending, replace_existing=True)

    def _store(self, account: Account, *, replace_existing: bool) -> None:
        try:
            stored = self._vault.add(account, replace_existing=replace_existing)
        except DuplicateAccount as duplicate:
            self._ask_replace(account, duplicate.existing)
            return
        except VaultError as error:
            self._show_page(Page.FORM)
            self.form_error.show_message(error_text(error), Tone.ERROR)
            self._grow_to_fit()
            return
        with contextlib.suppress(VaultError):  # the account is stored; this is only history
            pairing_history.record(
                self._vault, stored.id, at=self._clock.now(), replaced=replace_existing
            )
        self._pending = None
        self.added_account = stored
        self.done_label.setText(stored.label)
        self.delete_offer.offer(self.scan_sources.key_files)
        self._show_page(Page.DONE)
        self.refresh_code()
        self.account_added.emit(stored)

    def _ask_replace(self, account: Account, existing: Account) -> None:
        self._pending = account
        if existing.issuer:
            question = self.tr(
                "You already have an account for {issuer} ({name}). Replace the old entry?"
            ).format(issuer=existing.issuer, name=existing.name)
        else:
            question = self.tr(
                "You already have an account named {name}. Replace the old entry?"
            ).format(name=existing.name)
        self.replace_question.setText(question)
        self._show_page(Page.REPLACE)

    def _go_back(self) -> None:
        self._pending = None
        self._show_page(Page.FORM)

    def _show_page(self, page: Page) -> None:
        if page is not Page.CAMERA:
            self.camera_panel.stop()  # the camera is released as soon as its page goes
        self.pages.setCurrentIndex(page)
        for index, widget in enumerate(self._page_widgets):  # the window fits this page
            policy = QSizePolicy.Policy.Preferred if index == page else QSizePolicy.Policy.Ignored
            widget.setSizePolicy(policy, policy)
        default, focus = {
            Page.FORM: (self.add_button, self.key_edit),
            Page.REPLACE: (self.back_button, self.back_button),
            Page.DONE: (self.close_button, self.close_button),
            Page.CAMERA: (self.camera_panel.back_button, self.camera_panel.camera_box),
            Page.IMPORTED: (self.imported_close_button, self.imported_close_button),
        }[page]
        for button in (
            self.add_button,
            self.back_button,
            self.close_button,
            self.camera_panel.back_button,
            self.imported_close_button,
        ):
            button.setDefault(button is default)
        focus.setFocus()
        self._fit(shrink=True)

    # -- QDialog --------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._fit(shrink=True)  # texts set before showing were measured at another width

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and self.page in (Page.REPLACE, Page.CAMERA):
            self._go_back()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.added_account is not None or self.imported_accounts:  # Esc or close when done
            self.accept()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._timer.stop()
        self.camera_panel.shutdown()
        self.scan_sources.cancel_region()
        with QSignalBlocker(self.key_edit):
            self.key_edit.clear()  # the key is stored or abandoned: no copy left in a widget
        super().done(result)


_ACCEPT = QDialogButtonBox.ButtonRole.AcceptRole
_REJECT = QDialogButtonBox.ButtonRole.RejectRole
_ACTION = QDialogButtonBox.ButtonRole.ActionRole


def _tab_stops(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab stops at, in the order they were made."""
    return [
        widget
        for widget in container.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
        and widget.window() is container.window()  # not a list's popup
    ]


def _buttons(parent: QWidget, *buttons: tuple[QPushButton, QDialogButtonBox.ButtonRole]) -> QWidget:
    """A button row in the platform's order (the clicks are connected by the dialog)."""
    box = QDialogButtonBox(parent)
    for button, role in buttons:
        box.addButton(button, role)
    return box
