"""The "Import all N accounts" offer of the add-account window, for Google Authenticator
exports (``otpauth-migration://``) that were scanned, opened, dropped or pasted.

The parts of each export are collected as they come (:class:`ExportCollection`); the
offer says which parts are still missing and which accounts cannot be used, and the window
imports the accounts of the complete exports when the button is pressed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.errors import UserError
from desktop.i18n import error_text
from desktop.ui.common.account_fields import MessageLabel, Tone

if TYPE_CHECKING:
    from desktop.importers.into_vault import ImportSummary
    from desktop.otp.model import Account
    from desktop.scan.export_parts import ExportCollection
    from desktop.scan.migration import MigrationBatch


def account_labels(accounts: Iterable[Account]) -> str:
    """``Service: name, Service: name`` for a sentence."""
    from desktop.scan.choose import label

    return ", ".join(label(account) for account in accounts)


class ExportOffer(QFrame):
    """What was read of Google Authenticator exports, and the button that imports them.

    Hidden until an export is seen. ``files`` are the picture files the parts came from
    (the window offers to delete them after the import).
    """

    import_requested = Signal()
    changed = Signal()
    """The offer appeared or its sentences changed (the window may need to grow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._collection: ExportCollection | None = None
        self.files: list[str] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = MessageLabel(None, self)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.import_button = QPushButton(self)
        self.import_button.setAccessibleName(self.tr("Import the accounts"))
        self.import_button.clicked.connect(self.import_requested)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.setVisible(False)

    @property
    def collection(self) -> ExportCollection:
        """The exports seen so far (made on first use: protobuf loads only then)."""
        if self._collection is None:
            from desktop.scan.export_parts import ExportCollection

            self._collection = ExportCollection()
        return self._collection

    # -- taking exports -------------------------------------------------------------------

    def take_texts(self, texts: Iterable[str], files: Sequence[str] = ()) -> None:
        """Read the export links among ``texts`` (QR texts, a pasted line or a pasted text
        file); an unreadable one is explained, the others are still taken."""
        from desktop.scan.export_parts import holds_export, read_export_text

        problem: UserError | None = None
        taken = False
        for text in texts:
            if not holds_export(text):
                continue
            try:
                batches = read_export_text(text)
            except UserError as error:
                problem = problem or error
                continue
            for batch in batches:
                self.collection.add(batch)
            taken = True
        if taken:
            self._add_files(files)
        self.refresh(problem)

    def take_batch(self, batch: MigrationBatch, files: Sequence[str] = ()) -> None:
        """One part read by the camera (or any scan)."""
        self.collection.add(batch)
        self._add_files(files)
        self.refresh()

    def clear(self) -> None:
        self.collection.clear()
        self.files = []
        self.refresh()

    def _add_files(self, files: Sequence[str]) -> None:
        self.files += [f for f in files if f not in self.files]

    # -- what is shown --------------------------------------------------------------------

    @property
    def count(self) -> int:
        """How many accounts the button would import."""
        return len(self.collection.accounts())

    def refresh(self, problem: UserError | None = None) -> None:
        collection = self.collection
        count = self.count
        details = [error_text(missing) for missing in collection.incomplete()]
        details += [
            self.tr("{label} cannot be imported: {reason}").format(
                label=entry.label,
                reason=error_text(entry.problem) if entry.problem is not None else "",
            )
            for entry in collection.unusable()
        ]
        if problem is not None:
            self.message.show_message(error_text(problem), Tone.ERROR)
        elif count == 1:
            self.message.show_message(
                self.tr("Google Authenticator export read: 1 account."), Tone.OK
            )
        elif count:
            self.message.show_message(
                self.tr("Google Authenticator export read: {count} accounts.").format(count=count),
                Tone.OK,
            )
        elif collection.complete:
            self.message.show_message(
                self.tr("None of the accounts in this export can be used by Tweestap."),
                Tone.ERROR,
            )
        elif collection.started:
            self.message.show_message(
                self.tr("Part of a Google Authenticator export was read."), Tone.HINT
            )
        else:
            self.message.clear_message()
        self.details.setText("\n".join(details))
        self.details.setVisible(bool(details))
        button = (
            self.tr("Import 1 account")
            if count == 1
            else self.tr("Import all {count} accounts").format(count=count)
        )
        self.import_button.setText(button)
        self.import_button.setAccessibleName(button)
        self.import_button.setVisible(count > 0)
        self.setVisible(collection.started or problem is not None)
        self.changed.emit()

    def summary_text(self, summary: ImportSummary) -> str:
        """What an import did, in a few sentences."""
        from desktop.ui.import_export.import_dialog import alike_note

        sentences = []
        added = len(summary.imported)
        if added == 1:
            sentences.append(
                self.tr("1 account was imported: {names}.").format(
                    names=account_labels(summary.imported)
                )
            )
        elif added:
            sentences.append(
                self.tr("{count} accounts were imported: {names}.").format(
                    count=added, names=account_labels(summary.imported)
                )
            )
        else:
            sentences.append(self.tr("No account was imported."))
        left_out = [d.incoming for d in [*summary.duplicates, *summary.repeated]]
        if left_out:
            sentences.append(
                self.tr("Already in Tweestap, so not added again: {names}.").format(
                    names=account_labels(left_out)
                )
            )
        if summary.alike:
            sentences.append(
                self.tr(
                    "Imported, but they look like another account; remove the one you do "
                    "not need: {names}."
                ).format(
                    names=", ".join(f"{r.account.label} ({alike_note(r)})" for r in summary.alike)
                )
            )
        unusable = [entry.label for entry in self.collection.unusable()]
        unusable += [item.label for item in summary.failed]
        if unusable:
            sentences.append(
                self.tr("Tweestap cannot use: {names}.").format(names=", ".join(unusable))
            )
        return " ".join(sentences)
