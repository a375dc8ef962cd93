"""One window per data folder: a second start hands its request to the running one.

When the browser opens an ``otpauth://`` link while Tweestap is already open, the link
must land in that window (whose vault is unlocked), not in a second copy fighting over
the same vault file. The running instance listens on a local socket (a Unix socket, or a
named pipe on Windows: QLocalServer) whose name is derived from the data folder and the
user, so test runs and other people's sessions on the same machine never meet.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
MAX_MESSAGE = 64 * 1024


def server_name(home: Path) -> str:
    digest = hashlib.sha256(f"{getpass.getuser()}\0{home.resolve()}".encode()).hexdigest()
    return f"tweestap-{digest[:24]}"


def forward(name: str, message: str) -> bool:
    """Give ``message`` to the instance listening on ``name``; ``False`` if none is."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(QByteArray(message.encode("utf-8") + b"\n"))
    delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return delivered


class InstanceServer(QObject):
    """Listens for messages from later starts; each complete line is one message."""

    message_received = Signal(str)
    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        # With a socket option set, Qt binds in a private folder and renames the socket into
        # place, which also replaces a file left by a crashed instance (a test checks this).
        self._server.listen(name)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._drop)
            self._read(socket)

    def _read(self, socket: QLocalSocket | None = None) -> None:
        socket = socket or self._socket_of_sender()
        buffer = self._buffers.get(socket) if socket is not None else None
        if socket is None or buffer is None:
            return
        buffer.extend(socket.readAll().data())
        if len(buffer) > MAX_MESSAGE:
            socket.abort()
            return
        while b"\n" in buffer:
            line, _, rest = bytes(buffer).partition(b"\n")
            buffer[:] = rest
            self._deliver(line.decode("utf-8", errors="replace"))

    def _drop(self) -> None:
        socket = self._socket_of_sender()
        if socket is not None:
            self._read(socket)
            self._buffers.pop(socket, None)
            socket.deleteLater()

    def _socket_of_sender(self) -> QLocalSocket | None:
        sender = self.sender()
        return sender if isinstance(sender, QLocalSocket) else None

    def _deliver(self, message: str) -> None:
        self.activated.emit()
        if message:
            self.message_received.emit(message)
