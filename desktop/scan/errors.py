"""What scanning can tell a person: refusals and explanations, each a translatable sentence.

Like every :class:`~desktop.errors.UserError`, the English text is the key into the
translations (marked with ``QT_TRANSLATE_NOOP("Errors", ...)`` for ``pyside6-lupdate``);
the CLI and the windows translate it and fill in the ``{placeholders}``.
"""

from __future__ import annotations

from desktop.errors import QT_TRANSLATE_NOOP, UserError


class ScanError(UserError):
    """Base of everything scanning refuses or explains."""


class ImageUnreadable(ScanError):
    """A file that cannot be opened or is not a picture at all."""


class NotAnImage(ImageUnreadable):
    """A file that opens but holds no picture (text named ``.jpeg``, an empty file)."""


class ScreenCaptureUnavailable(ScanError):
    """The system does not let programs capture the screen (Wayland)."""


class CameraUnavailable(ScanError):
    """The camera or video file cannot be opened or gives no pictures."""


class NotAnAccountQr(ScanError):
    """A QR code that holds something else than an account: what it is and what to do."""


class ExportNotice(ScanError):
    """A Google Authenticator export code: how many accounts and what comes next."""


class BrokenExport(ScanError):
    """An ``otpauth-migration://`` export that cannot be read."""


class ExportMismatch(ScanError):
    """A part of another export than the one being collected."""


class IncompleteExport(ScanError):
    """A multi-part export of which parts are still missing."""


class UnusableEntry(ScanError):
    """One account of an export that Tweestap cannot make codes for."""


def image_unreadable(path: str, reason: str) -> ImageUnreadable:
    """``reason``: the system's own words (``strerror``), for the rare failures below."""
    return ImageUnreadable(
        QT_TRANSLATE_NOOP("Errors", "The file {path} cannot be opened ({reason})."),
        path=path,
        reason=reason,
    )


def no_such_file(path: str) -> ImageUnreadable:
    return ImageUnreadable(
        QT_TRANSLATE_NOOP("Errors", "The file {path} does not exist."), path=path
    )


def is_a_folder(path: str) -> ImageUnreadable:
    return ImageUnreadable(
        QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a picture."), path=path
    )


def not_allowed(path: str) -> ImageUnreadable:
    return ImageUnreadable(
        QT_TRANSLATE_NOOP("Errors", "Tweestap is not allowed to read the file {path}."),
        path=path,
    )


def not_an_image(path: str) -> NotAnImage:
    return NotAnImage(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The file {path} is not a picture Tweestap can read. Use a screenshot or photo "
            "saved as PNG, JPEG, BMP, WebP, TIFF or GIF.",
        ),
        path=path,
    )


def empty_file(path: str) -> NotAnImage:
    return NotAnImage(
        QT_TRANSLATE_NOOP("Errors", "The file {path} is empty, so it holds no QR code."),
        path=path,
    )


def too_large(path: str) -> NotAnImage:
    return NotAnImage(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The file {path} is too large to be a screenshot or photo of a QR code.",
        ),
        path=path,
    )
