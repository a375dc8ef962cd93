"""Copying a code: marked as secret for clipboard managers, and wiped again after a while.

The copy is plain text (the digits without the space, so pasting works everywhere) plus
the markers that clipboard managers honour to keep it out of their history:

* ``x-kde-passwordManagerHint = secret``: KDE Klipper (X11 and Wayland); other managers
  (CopyQ, GPaste, wl-clip-persist filters) look for the same target. KeePassXC sets it.
* On Windows, the registered formats Microsoft documents for clipboard history and the
  cloud clipboard: ``ExcludeClipboardContentFromMonitorProcessing`` (any data) and
  ``CanIncludeInClipboardHistory`` / ``CanUploadToCloudClipboard`` (a zero DWORD). Qt
  publishes a mime type ``application/x-qt-windows-mime;value="NAME"`` as format ``NAME``.
* macOS's ``org.nspasteboard.ConcealedType`` needs a native converter that PySide6 does not
  expose (``QUtiMimeConverter``), so macOS gets the plain copy and the timed wipe only.

The code is wiped after :data:`DEFAULT_CLEAR_AFTER` seconds (and when the app quits), but
only if the clipboard still holds *our* copy: what the user copied meanwhile is never lost.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

from desktop.ui.common.timer import Timer

DEFAULT_CLEAR_AFTER = 30.0
"""Seconds after which a copied code is wiped from the clipboard (0: never)."""

KDE_PASSWORD_HINT = "x-kde-passwordManagerHint"  # noqa: S105 - a format name
_WINDOWS_FORMAT = 'application/x-qt-windows-mime;value="{}"'
_ZERO_DWORD = b"\x00\x00\x00\x00"


def sensitive_formats(platform: str = sys.platform) -> dict[str, bytes]:
    """The extra clipboard formats that mark a copy as a secret on ``platform``."""
    if platform == "win32":
        return {
            _WINDOWS_FORMAT.format("ExcludeClipboardContentFromMonitorProcessing"): _ZERO_DWORD,
            _WINDOWS_FORMAT.format("CanIncludeInClipboardHistory"): _ZERO_DWORD,
            _WINDOWS_FORMAT.format("CanUploadToCloudClipboard"): _ZERO_DWORD,
        }
    if platform == "darwin":
        return {}
    return {KDE_PASSWORD_HINT: b"secret"}


def secret_mime_data(text: str, platform: str = sys.platform) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    for mime_type, value in sensitive_formats(platform).items():
        mime.setData(mime_type, value)
    return mime


class SecureClipboard(QObject):
    """Puts codes on the system clipboard and takes them off again.

    ``timer`` is the wipe timer (a fake in tests); ``clear_after`` is in seconds.
    """

    copied = Signal(str)
    """The code (without spaces) that was just copied."""
    cleared = Signal()
    """Our code was wiped from the clipboard."""

    def __init__(
        self,
        timer: Timer,
        *,
        clear_after: float = DEFAULT_CLEAR_AFTER,
        clipboard: QClipboard | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clipboard = clipboard or QGuiApplication.clipboard()
        self.timer = timer
        self.timer.timeout.connect(self.clear_if_ours)
        self.clear_after = clear_after
        self._ours: str | None = None
        self._clipboard.dataChanged.connect(self._on_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear_if_ours)

    @property
    def pending(self) -> str | None:
        """The code we put on the clipboard and will wipe, if it is still there."""
        return self._ours

    def copy(self, code: str, *, announce: bool = True) -> None:
        """Copy ``code`` (spaces removed) as a secret and schedule the wipe; ``announce``:
        emit :attr:`copied` (the window's "Code copied"; a setup key says so itself)."""
        text = code.replace(" ", "")
        self._ours = None  # our own change below must not cancel anything
        self._clipboard.setMimeData(secret_mime_data(text), QClipboard.Mode.Clipboard)
        self._ours = text
        if self.clear_after > 0:
            self.timer.start(round(self.clear_after * 1000))
        if announce:
            self.copied.emit(text)

    def holds_our_code(self) -> bool:
        if self._ours is None:
            return False
        mime = self._clipboard.mimeData(QClipboard.Mode.Clipboard)
        if mime is None or mime.text() != self._ours:
            return False
        return all(mime.hasFormat(mime_type) for mime_type in sensitive_formats())

    def clear_if_ours(self) -> bool:
        """Wipe the clipboard if it still holds our code; True when it did."""
        self.timer.stop()
        if not self.holds_our_code():
            self._ours = None
            return False
        self._ours = None
        self._clipboard.clear(QClipboard.Mode.Clipboard)
        self.cleared.emit()
        return True

    def _on_changed(self) -> None:
        if self._ours is not None and not self.holds_our_code():
            # The user copied something else: it is theirs now, nothing to wipe.
            self._ours = None
            self.timer.stop()
