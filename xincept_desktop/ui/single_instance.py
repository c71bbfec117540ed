"""One app instance per user: a second start hands its paths to the first window and exits.

Usage in ``app.main``::

    guard = SingleInstance()
    if guard.send_to_running(paths):     # another instance is running: it opens the paths and comes forward
        return 0
    guard.listen()                       # we are the first; guard.activated(paths) when another start arrives

The store refuses changes to a signed case anyway (triggers, and the window re-reads the state before writing),
so two instances on one database stay safe when the guard cannot listen (e.g. a stale socket it cannot remove).
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 500


def default_name() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some sandboxes
        user = "user"
    return f"xincept-desktop-{''.join(c for c in user if c.isalnum()) or 'user'}"


class SingleInstance(QObject):
    activated = Signal(object)  # list of Paths sent by a second start (possibly empty)

    def __init__(self, name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name or default_name()
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def send_to_running(self, paths: list[Path]) -> bool:
        """Hand ``paths`` to a running instance; False when there is none."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(json.dumps([str(Path(p).absolute()) for p in paths]).encode("utf-8"))
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_MS)
        return True

    def listen(self) -> bool:
        """Become the running instance (a stale socket of a crashed one is removed first)."""
        QLocalServer.removeServer(self.name)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)
        return self.server.listen(self.name)

    @Slot()
    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(self._on_disconnected)
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    @Slot()
    def _on_ready_read(self, socket: QLocalSocket | None = None) -> None:
        socket = socket or self.sender()
        if socket in self._buffers:
            self._buffers[socket] += bytes(socket.readAll())

    @Slot()
    def _on_disconnected(self) -> None:
        socket = self.sender()
        data = self._buffers.pop(socket, b"") + bytes(socket.readAll())
        socket.deleteLater()
        try:
            paths = [Path(p) for p in json.loads(data.decode("utf-8") or "[]")]
        except (ValueError, TypeError):
            paths = []
        self.activated.emit(paths)
