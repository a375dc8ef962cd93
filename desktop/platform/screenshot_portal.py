"""A screenshot through the desktop portal (``org.freedesktop.portal.Screenshot``), for
Wayland, where programs may not capture the screen themselves.

The portal asks the person (GNOME and KDE show their own screenshot tool, with a choice of
region), saves the picture and answers with its file's address. Qt's own D-Bus module
(part of PySide6-Essentials) is used: the request is one method call, the answer a
``Response`` signal on the request's object path, which is known beforehand from our
connection's name and a token, so the signal is never missed.
"""

from __future__ import annotations

import secrets
from typing import Any, Final

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from desktop.errors import QT_TRANSLATE_NOOP
from desktop.scan.errors import ScanError

SERVICE: Final = "org.freedesktop.portal.Desktop"
PATH: Final = "/org/freedesktop/portal/desktop"
INTERFACE: Final = "org.freedesktop.portal.Screenshot"
REQUEST_INTERFACE: Final = "org.freedesktop.portal.Request"

_SUCCESS, _CANCELLED = 0, 1
# Qt's SLOT() form of the slot below: a str (the stubs say bytes, which PySide6 refuses).
_SLOT: Final[Any] = "1_response(uint,QVariantMap)"


class PortalFailed(ScanError):
    """The desktop's screenshot service is missing or did not give a picture."""


def unavailable() -> PortalFailed:
    return PortalFailed(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The desktop's screenshot service (xdg-desktop-portal) is not available. Take a "
            "screenshot with your system's tool (the PrtSc key), then paste it here or open "
            "the file.",
        )
    )


def no_picture() -> PortalFailed:
    return PortalFailed(
        QT_TRANSLATE_NOOP(
            "Errors",
            "The desktop's screenshot service gave no picture. Take a screenshot with your "
            "system's tool (the PrtSc key), then paste it here or open the file.",
        )
    )


class ScreenshotPortal(QObject):
    """Asks the portal for a screenshot. ``captured`` carries the picture file's path,
    ``cancelled`` means the person closed the portal's window, ``failed`` carries a
    :class:`PortalFailed`. ``bus``: the session bus unless given (tests give a private one).
    """

    captured = Signal(str)
    cancelled = Signal()
    failed = Signal(object)

    def __init__(self, bus: QDBusConnection | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._waiting: str | None = None

    @property
    def waiting(self) -> bool:
        return self._waiting is not None

    def available(self) -> bool:
        """Whether the session bus has (or can start) the portal."""
        if not self._bus.isConnected():
            return False
        interface = self._bus.interface()
        if interface is not None and interface.isServiceRegistered(SERVICE).value():
            return True
        ask = QDBusMessage.createMethodCall(
            "org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus",
            "ListActivatableNames",
        )
        reply = self._bus.call(ask)
        names: Any = reply.arguments()[0] if reply.arguments() else []
        return SERVICE in list(names or [])

    def request(self, parent_window: str = "") -> None:
        """Ask for a screenshot; the answer comes later as a signal."""
        if not self._bus.isConnected():
            self.failed.emit(unavailable())
            return
        self._forget()
        token = "tweestap_" + secrets.token_hex(8)
        sender = self._bus.baseService().lstrip(":").replace(".", "_")
        handle = f"{PATH}/request/{sender}/{token}"
        self._bus.connect(SERVICE, handle, REQUEST_INTERFACE, "Response", self, _SLOT)
        self._waiting = handle
        call = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "Screenshot")
        call.setArguments([parent_window, {"handle_token": token, "interactive": True}])
        reply = self._bus.call(call)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            self._forget()
            self.failed.emit(unavailable())

    @Slot("uint", "QVariantMap")
    def _response(self, code: int, results: dict[str, Any]) -> None:
        self._forget()
        if code == _CANCELLED:
            self.cancelled.emit()
            return
        uri = str(results.get("uri", "")) if code == _SUCCESS else ""
        url = QUrl(uri)
        if not url.isLocalFile():
            self.failed.emit(no_picture())
            return
        self.captured.emit(url.toLocalFile())

    def _forget(self) -> None:
        if self._waiting is not None:
            self._bus.disconnect(SERVICE, self._waiting, REQUEST_INTERFACE, "Response", self, _SLOT)
            self._waiting = None
