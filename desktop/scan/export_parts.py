"""Google Authenticator exports in the add-account window (no Qt): the parts of one or more
exports put together. Their accounts go into the vault the way of every import
(:func:`desktop.importers.into_vault.store`).

A scan, a picture or a pasted text can hold several exports at once (Google's own text
exports hold one per line, each with its own ``batch_id``): every export is collected on
its own (:class:`~desktop.scan.migration.MigrationCollector`), and the accounts of the
exports that are complete can be imported together, by the rule every import follows.
"""

from __future__ import annotations

from desktop.otp.model import Account
from desktop.scan.errors import IncompleteExport
from desktop.scan.migration import (
    MigrationBatch,
    MigrationCollector,
    MigrationEntry,
    is_migration_uri,
    parse_migration_text,
    parse_migration_uri,
)

ExportKey = tuple[int, int]
"""``(batch_id, parts)``: what tells one export from another."""


def holds_export(text: str) -> bool:
    """Whether ``text`` (a QR text, a pasted line or a pasted text file) has an export link."""
    return "otpauth-migration://" in text.lower()


def read_export_text(text: str) -> list[MigrationBatch]:
    """The export parts in a QR text or a pasted text (one link, or a text file's lines with
    ``#`` comments). Raises :class:`~desktop.scan.errors.BrokenExport` with the reason."""
    stripped = text.strip()
    if is_migration_uri(stripped) and not any(c in stripped for c in "\r\n"):
        return [parse_migration_uri(stripped)]
    return parse_migration_text(text)


class ExportCollection:
    """Every export seen in one add-account window, each collected part by part."""

    def __init__(self) -> None:
        self._exports: dict[ExportKey, MigrationCollector] = {}

    def add(self, batch: MigrationBatch) -> None:
        """Take one part (the same part twice counts once)."""
        key = (batch.batch_id, batch.parts)
        self._exports.setdefault(key, MigrationCollector()).add(batch)

    def clear(self) -> None:
        self._exports.clear()

    @property
    def started(self) -> bool:
        return bool(self._exports)

    @property
    def complete(self) -> bool:
        """Every export seen has all its parts."""
        return self.started and all(c.complete for c in self._exports.values())

    def accounts(self) -> tuple[Account, ...]:
        """The usable accounts of the complete exports, export by export, in part order."""
        return tuple(a for c in self._exports.values() if c.complete for a in c.accounts())

    def unusable(self) -> tuple[MigrationEntry, ...]:
        """The entries of the complete exports that cannot be added (each with a reason)."""
        return tuple(
            entry
            for c in self._exports.values()
            if c.complete
            for batch in c.batches
            for entry in batch.unusable
        )

    def incomplete(self) -> list[IncompleteExport]:
        """For each export still missing parts: which ones (a sentence)."""
        return [c.incomplete() for c in self._exports.values() if not c.complete]

    def received(self, batch: MigrationBatch) -> bool:
        """Whether this part is in hand already."""
        collector = self._exports.get((batch.batch_id, batch.parts))
        return collector is not None and batch.batch_index in collector.received
