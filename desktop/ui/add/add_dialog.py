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
import math
from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QSizePolicy,
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
from desktop.ui.add.add_pages import (
    DonePage,
    FormPage,
    ImportedPage,
    ReplacePage,
)
from desktop.ui.add.camera_page import CameraPanel
from desktop.ui.common.account_fields import (
    Tone,
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

        self._connect()
        self._show_page(Page.FORM)
        self._revalidate()

    def _connect(self) -> None:
        """The form follows what is typed and read; each button does its job."""
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

    # -- building -------------------------------------------------------------------------

    def _build_form_page(self) -> QWidget:
        page = FormPage(self.set_key_text, self, self)
        self.add_button = page.add_button
        self.advanced_button = page.advanced_button
        self.cancel_button = page.cancel_button
        self.export_offer = page.export_offer
        self.extra_sources_layout = page.extra_sources_layout
        self.form_error = page.form_error
        self.issuer_edit = page.issuer_edit
        self.key_edit = page.key_edit
        self.key_message = page.key_message
        self.name_edit = page.name_edit
        self.name_message = page.name_message
        self.names = page.names
        self.scan_sources = page.scan_sources
        self.settings_form = page.settings_form
        self.settings_summary = page.settings_summary
        self.advanced_button.toggled.connect(self._toggle_advanced)
        return page

    def _build_camera_page(self) -> QWidget:
        self.camera_panel = CameraPanel(self)
        return self.camera_panel

    def _build_replace_page(self) -> QWidget:
        page = ReplacePage(self)
        self.replace_question, self.replace_explanation = (
            page.replace_question,
            page.replace_explanation,
        )
        self.back_button, self.replace_button = page.back_button, page.replace_button
        return page

    def _build_done_page(self) -> QWidget:
        page = DonePage(self)
        self.done_label, self.code_label, self.countdown_label = (
            page.done_label,
            page.code_label,
            page.countdown_label,
        )
        self.hint_label, self.delete_offer = page.hint_label, page.delete_offer
        self.copy_button, self.close_button = page.copy_button, page.close_button
        page.copy_requested.connect(self.copy_current_code)
        self.copy_button.setVisible(self._copy_code is not None)  # after: the box shows it
        return page

    def _build_imported_page(self) -> QWidget:
        page = ImportedPage(self)
        self.imported_title, self.imported_summary = page.imported_title, page.imported_summary
        self.import_delete_offer = page.import_delete_offer
        self.imported_close_button = page.imported_close_button
        return page

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
