"""When the desktop session locks or the computer goes to sleep, as the desktops say it over
D-Bus (freedesktop/KDE and GNOME screensavers, systemd-logind). The app lock listens.
Windows and macOS session locks are not detected; the idle time still applies there."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection


class SessionLockWatcher(QObject):
    """``session_locked`` when the desktop session locks or the computer goes to sleep,
    from the D-Bus signals the desktops send; :attr:`watching` says which were connected."""

    session_locked = Signal()

    SCREENSAVERS = (
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),  # KDE, Xfce, ...
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    )

    def __init__(
        self,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.watching: list[str] = []
        if session_bus is not None and session_bus.isConnected():
            for interface, path in self.SCREENSAVERS:
                if _connect(
                    session_bus, "", path, interface, "ActiveChanged", self, "_screensaver(bool)"
                ):
                    self.watching.append(interface)
        if system_bus is not None and system_bus.isConnected():
            login1 = "org.freedesktop.login1"
            session = _login1_session_path()
            if session and _connect(
                system_bus, login1, session, login1 + ".Session", "Lock", self, "_lock()"
            ):
                self.watching.append(login1 + ".Session")
            if _connect(
                system_bus,
                login1,
                "/org/freedesktop/login1",
                login1 + ".Manager",
                "PrepareForSleep",
                self,
                "_sleep(bool)",
            ):
                self.watching.append(login1 + ".Manager")

    @classmethod
    def for_this_desktop(cls, parent: QObject | None = None) -> SessionLockWatcher:
        """Watch the real session and system buses (Linux and other D-Bus desktops)."""
        if not (os.environ.get("DBUS_SESSION_BUS_ADDRESS") or os.path.exists("/run/dbus")):
            return cls(parent=parent)
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt without D-Bus (Windows, macOS builds)
            return cls(parent=parent)
        session = (
            QDBusConnection.sessionBus() if os.environ.get("DBUS_SESSION_BUS_ADDRESS") else None
        )
        system = (
            QDBusConnection.systemBus() if os.path.exists("/run/dbus/system_bus_socket") else None
        )
        return cls(session, system, parent)

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.session_locked.emit()

    @Slot()
    def _lock(self) -> None:
        self.session_locked.emit()

    @Slot(bool)
    def _sleep(self, going: bool) -> None:
        if going:
            self.session_locked.emit()


def _connect(
    bus: QDBusConnection,
    service: str,
    path: str,
    interface: str,
    name: str,
    receiver: QObject,
    slot: str,
) -> bool:
    """Connect a D-Bus signal to ``receiver``'s slot (PySide6 wants the SLOT() string; its
    type stubs say bytes, which it refuses at run time)."""
    ok = bus.connect(service, path, interface, name, receiver, SLOT(slot))  # type: ignore[call-overload]
    return bool(ok)


def _login1_session_path() -> str:
    """logind's object path of this session (``XDG_SESSION_ID``, escaped as sd-bus does)."""
    session = os.environ.get("XDG_SESSION_ID", "")
    if not session:
        return ""
    escaped = "".join(
        c if c.isascii() and (c.isalpha() or (c.isdigit() and i > 0)) else f"_{ord(c):02x}"
        for i, c in enumerate(session)
    )
    return "/org/freedesktop/login1/session/" + escaped
