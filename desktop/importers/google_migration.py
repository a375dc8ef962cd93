"""Google Authenticator's "Transfer accounts" exports: ``otpauth-migration://`` links.

Two shapes arrive as files:

* text with one link per line (``#`` comments and blank lines ignored), as
  extract_otp_secrets and similar tools save them. The lines may be several independent
  exports, or all the parts (QR codes) of one large export; each export must be complete;
* a picture (PNG, JPEG, GIF or WebP) of the QR code(s): a screenshot of the phone's
  export screen, or of a plain ``otpauth://`` account code.

Decoding is :mod:`desktop.scan.migration` (payload) and :mod:`desktop.scan.decode`
(pictures, imported only when a picture is read: it loads OpenCV and zxing-cpp). Strict on
purpose: a line that is not an export link (``QR-Code:otpauth-migration://...``) refuses the
whole file with its line number rather than guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import ExitStack
from functools import partial
from typing import Final

from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.importers._accounts import Collector
from desktop.importers._problems import NothingToImport, as_problem, empty_file
from desktop.importers._sqlite_file import private_copy
from desktop.importers.base import ImportProblem, ImportResult
from desktop.importers.otpauth_uri import is_link, link_label, meaningful, text_lines
from desktop.otp.uri import parse_uri
from desktop.scan.migration import (
    MigrationBatch,
    is_migration_uri,
    parse_migration_text,
    parse_migration_uri,
)

TITLE: Final = "Google Authenticator"

_WEBP_OFFSET: Final = 8


class UnreadablePicture(ImportProblem):
    """A picture file that does not decode, or has no readable QR code."""


def _damaged_picture() -> UnreadablePicture:
    return UnreadablePicture(
        QT_TRANSLATE_NOOP(
            "Errors", "This picture cannot be read: the file is damaged or incomplete."
        )
    )


def _no_qr_code() -> UnreadablePicture:
    return UnreadablePicture(
        QT_TRANSLATE_NOOP("Errors", "There is no QR code in this picture that Tweestap can read.")
    )


def _neither() -> ImportProblem:
    return ImportProblem(
        QT_TRANSLATE_NOOP(
            "Errors",
            "This file holds neither Google Authenticator export links nor a picture of a QR code.",
        )
    )


def _incomplete(received: int, parts: int) -> NothingToImport:
    return NothingToImport(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Part of this Google Authenticator export is missing: the file holds {received} "
            "of its {parts} QR codes. Export again and keep every code. Nothing was imported.",
        ),
        received=received,
        parts=parts,
    )


def is_picture(data: bytes) -> bool:
    return data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")) or (
        data.startswith(b"RIFF") and data[_WEBP_OFFSET : _WEBP_OFFSET + 4] == b"WEBP"
    )


class GoogleMigrationImporter:
    key = "google_migration"
    title = TITLE
    scannable = True
    may_be_encrypted = False

    def sniff(self, name: str, data: bytes) -> bool:
        if is_picture(data):
            return True
        lines = text_lines(data)
        return lines is not None and any(is_migration_uri(line) for _, line in meaningful(lines))

    def is_encrypted(self, data: bytes) -> bool:
        return False

    def read(self, data: bytes, password: str | None = None) -> ImportResult:
        if not data.strip():
            raise empty_file()
        if is_picture(data):
            return _from_codes(_decode_picture(data))
        lines = text_lines(data)
        if lines is None:
            raise _neither()
        try:
            batches = parse_migration_text("\n".join(lines))
        except UserError as error:
            raise as_problem(error) from None
        found = Collector(self.key)
        _add_batches(found, batches)
        return found.result()


def _decode_picture(data: bytes) -> list[str]:
    """The texts of the QR codes in the picture ``data``, in reading order."""
    from desktop.scan.decode import decode_image_file  # OpenCV and zxing-cpp: only now

    with ExitStack() as stack:
        try:
            path = stack.enter_context(private_copy(data, "picture"))
        except OSError:
            raise _damaged_picture() from None
        try:
            return decode_image_file(path)
        except UserError:  # ImageUnreadable: its sentence names the temporary copy
            raise _damaged_picture() from None
        except (ValueError, TypeError, RuntimeError, MemoryError):  # OpenCV's odd pictures
            raise _damaged_picture() from None


def _from_codes(texts: Sequence[str]) -> ImportResult:
    from desktop.scan.classify import classify

    if not texts:
        raise _no_qr_code()
    found = Collector("google_migration")
    batches: list[MigrationBatch] = []
    refusals: list[UserError] = []
    for number, text in enumerate(texts, start=1):
        stripped = text.strip()
        if is_migration_uri(stripped):
            try:
                batches.append(parse_migration_uri(stripped))
            except UserError as error:
                raise as_problem(error) from None
        elif is_link(stripped):
            found.add(link_label(stripped, number), partial(parse_uri, stripped))
        else:
            message = classify(stripped).message
            if message is not None:
                refusals.append(message)
    _add_batches(found, batches)
    if not found.accounts and not found.skipped:
        raise as_problem(refusals[0]) if refusals else _no_qr_code()
    return found.result()


def _add_batches(found: Collector, batches: Sequence[MigrationBatch]) -> None:
    """Every entry of every export in ``batches`` (file order). A part repeated is read
    once; an export with a part missing refuses the whole file."""
    received: dict[tuple[int, int], set[int]] = {}
    chosen: list[MigrationBatch] = []
    for batch in batches:
        if batch.parts == 1:
            chosen.append(batch)
            continue
        parts = received.setdefault((batch.batch_id, batch.parts), set())
        if batch.batch_index not in parts:
            parts.add(batch.batch_index)
            chosen.append(batch)
    for (_, total), parts in received.items():
        if len(parts) < total:
            raise _incomplete(len(parts), total)
    for batch in chosen:
        for entry in batch.entries:
            if entry.account is not None:
                found.keep(entry.account)
            elif entry.problem is not None:
                found.skip(entry.label, entry.problem)


IMPORTER: Final = GoogleMigrationImporter()
