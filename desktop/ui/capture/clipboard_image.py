"""QR codes from the clipboard: a pasted picture, or picture files copied in a file manager."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.scan.decode import decode_image_file, decode_qr_texts
from desktop.scan.errors import ScanError
from desktop.ui.capture.pixels import qimage_to_array

if TYPE_CHECKING:
    from PySide6.QtGui import QClipboard


class NoPictureOnClipboard(ScanError):
    """The clipboard holds no picture (and no picture file)."""


def decode_clipboard_image(clipboard: QClipboard) -> list[str]:
    """The QR texts in the picture on ``clipboard`` (``QGuiApplication.clipboard()``).

    A picture (a screenshot copied with Print Screen, "Copy image" in a browser) is read
    directly; without one, picture files copied in a file manager are read, in order.
    Raises :class:`NoPictureOnClipboard` when there is neither, and
    :class:`~desktop.scan.errors.ImageUnreadable` for a copied file that is not a picture.
    """
    image = clipboard.image()
    if not image.isNull():
        return decode_qr_texts(qimage_to_array(image))
    mime = clipboard.mimeData()
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime else []
    if files:
        texts: list[str] = []
        for path in files:
            texts += [t for t in decode_image_file(path) if t not in texts]
        return texts
    raise NoPictureOnClipboard(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The clipboard holds no picture. Copy a screenshot or image of the QR code first, "
            "then paste it here.",
        )
    )
