"""``tweestap scan IMAGE... | --screen | --camera [INDEX|VIDEO_FILE] [--add] [--json]``.

Prints every QR code read, one per line and in input order (``--json``: one object per
input, ``{"source", "codes"}``); standard output carries nothing else, so it can be piped.
Everything said to the person (a file without a code, an unreadable file, what was added
and why something was not) goes to standard error, and the other inputs are still read.

A folder among the images stands for the pictures in it (by name, not its sub-folders).
``--camera`` reads until it has seen an account code (an ``otpauth://`` link, or every part
of a Google Authenticator export), or until the video file ends; Ctrl+C stops a camera.

``--add`` adds every ``otpauth://`` account and every account of a *complete* Google export
(its parts may be spread over several pictures, in any order) to the vault, which is only
opened when there is something to add, by the rule of every import: an account Tweestap
holds exactly already is reported and not doubled, one that only looks like a stored
account (the same key, or the same name with another key) is added with a note; codes
that are not accounts are explained.

Exit codes: 0 when a code was read (with ``--add``: when an account was added), 1 when none
was (with ``--add``: when nothing was added), 2 for a usage error.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication

from desktop.clock import Clock
from desktop.errors import QT_TRANSLATE_NOOP, UserError
from desktop.i18n import error_text
from desktop.otp.model import Account

from . import console
from .accounts import UsageProblem

if TYPE_CHECKING:
    from desktop.vault import Vault

translate = QCoreApplication.translate

OK, NOTHING = 0, 1
PICTURE_SUFFIXES: Final = frozenset(
    [
        ".png",
        ".jpg",
        ".jpeg",
        ".bmp",
        ".webp",
        ".tif",
        ".tiff",
        ".gif",
        ".avif",
        ".pbm",
        ".pgm",
        ".ppm",
    ]
)

Result = tuple[str, list[str]]
"""``(source, codes)``: a file name, ``"screen"`` or ``"camera"``, and the texts read."""


def run(args: argparse.Namespace, open_vault: Callable[[], Vault], clock: Clock) -> int:
    """The ``scan`` command; ``open_vault`` is called only when ``--add`` has accounts."""
    sources = sum((bool(args.images), args.screen, args.camera is not None))
    if sources == 0:
        raise UsageProblem(
            QT_TRANSLATE_NOOP("Errors", "Give one or more picture files, --screen or --camera.")
        )
    if sources > 1:
        raise UsageProblem(
            QT_TRANSLATE_NOOP(
                "Errors", "Give only one kind of source: picture files, --screen or --camera."
            )
        )
    if args.screen:
        results = [_scan_screen(args.json)]
    elif args.camera is not None:
        results = [_scan_camera(args.camera, args.json)]
    else:
        results = list(_scan_files(args.images, args.json))
    if args.json:
        console.print_json([{"source": source, "codes": codes} for source, codes in results])
    payloads = [code for _, codes in results for code in codes]
    if args.add:
        return _add(payloads, open_vault, clock)
    return OK if payloads else NOTHING


# -- sources --------------------------------------------------------------------------------


def _scan_files(names: list[str], as_json: bool) -> Iterator[Result]:
    from desktop.scan.decode import decode_image_file

    for path in _expand(names):
        codes: list[str] = []
        try:
            codes = decode_image_file(path)
        except UserError as error:
            console.fail(error)
        else:
            if not codes:
                console.err(translate("Cli", "No QR code found in {file}.").format(file=path))
        _print(codes, as_json)
        yield path, codes


def _expand(names: list[str]) -> Iterator[str]:
    """The names as given; a folder becomes the picture files in it, sorted by name."""
    for name in names:
        folder = Path(name)
        if not folder.is_dir():
            yield name
            continue
        pictures = sorted(
            (p for p in folder.iterdir() if p.suffix.lower() in PICTURE_SUFFIXES and p.is_file()),
            key=lambda p: p.name,
        )
        if not pictures:
            console.err(
                translate("Cli", "The folder {folder} holds no pictures.").format(folder=name)
            )
        yield from (str(p) for p in pictures)


def _scan_screen(as_json: bool) -> Result:
    from PySide6.QtGui import QGuiApplication

    from desktop.ui.capture.screens import decode_screens, no_display

    if not isinstance(QCoreApplication.instance(), QGuiApplication):
        raise no_display()
    codes = []
    for found in decode_screens():
        if found.payload not in codes:
            codes.append(found.payload)
    if not codes:
        console.err(translate("Cli", "No QR code found on the screen."))
    _print(codes, as_json)
    return "screen", codes


def _scan_camera(choice: str, as_json: bool) -> Result:
    from desktop.scan.camera import CameraFrames, scan_camera
    from desktop.scan.classify import is_account_payload
    from desktop.scan.migration import MigrationCollector, is_migration_uri, parse_migration_uri

    numbered = choice.isascii() and choice.isdecimal() and len(choice) <= 9
    source: int | str = int(choice) if numbered else choice
    frames = CameraFrames(source)
    frames.open()  # a camera that does not open is reported before the hint below
    if isinstance(source, int):
        console.err(
            translate(
                "Cli", "Hold the QR code in front of camera {index}. Press Ctrl+C to stop."
            ).format(index=source)
        )
    codes: list[str] = []
    exports: dict[tuple[int, int], MigrationCollector] = {}
    for text in scan_camera(frames, stop_after_first=False):
        codes.append(text)
        _print([text], as_json)
        if not is_account_payload(text):
            continue
        if not is_migration_uri(text):
            break
        try:
            batch = parse_migration_uri(text)
        except UserError:
            continue  # reported by --add, if asked; a damaged export does not end the scan
        collector = exports.setdefault((batch.batch_id, batch.parts), MigrationCollector())
        if collector.add(batch) is not None:
            break
    if not codes:
        if isinstance(source, int):
            console.err(translate("Cli", "The camera saw no QR code."))
        else:
            console.err(translate("Cli", "No QR code found in {file}.").format(file=source))
    return "camera", codes


def _print(codes: list[str], as_json: bool) -> None:
    if not as_json:
        for code in codes:
            console.out(code)


# -- --add ----------------------------------------------------------------------------------


def _add(payloads: list[str], open_vault: Callable[[], Vault], clock: Clock) -> int:
    from desktop.cli.import_export import report
    from desktop.importers import ImportResult
    from desktop.importers.into_vault import store
    from desktop.otp.codes import code_at
    from desktop.scan.classify import classify
    from desktop.scan.migration import MigrationCollector

    links: list[Account] = []
    exports: dict[tuple[int, int], MigrationCollector] = {}
    for payload in dict.fromkeys(payloads):  # each text once, in order
        scanned = classify(payload)
        if scanned.kind == "account" and scanned.accounts:
            links += scanned.accounts
        elif scanned.batch is not None:
            batch = scanned.batch
            exports.setdefault((batch.batch_id, batch.parts), MigrationCollector()).add(batch)
        elif scanned.message is not None:
            console.fail(scanned.message)
    imported: list[Account] = []
    for collector in exports.values():
        if not collector.complete:
            console.fail(collector.incomplete())
            continue
        for batch in collector.batches:
            for entry in batch.unusable:
                reason = error_text(entry.problem) if entry.problem is not None else ""
                console.err(
                    translate("Cli", "{label} was not added: {reason}").format(
                        label=entry.label, reason=reason
                    )
                )
        imported += collector.accounts()
    if not links and not imported:
        console.err(translate("Cli", "No account was added."))
        return NOTHING
    vault = open_vault()
    # The one way into the vault of every import: only an exact duplicate is left out.
    summary = store(vault, ImportResult(format_key="scan", accounts=links + imported))
    from_links = {account.id for account in links}
    for stored in summary.imported:
        console.err(
            translate("Cli", "Added {label} (id {id}).").format(label=stored.label, id=stored.id)
        )
        if stored.id in from_links:
            console.err(
                translate(
                    "Cli",
                    "Current code: {code}. Type it on the login page now to finish pairing.",
                ).format(code=code_at(stored, clock.now()))
            )
    report(summary)
    if not summary.imported:
        console.err(translate("Cli", "No account was added."))
    return OK if summary.imported else NOTHING
