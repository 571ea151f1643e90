"""One Kartoteka per database: a second launch raises the running window and exits.

The first instance listens on a local socket named after the user and the database
file; a later one connects, says "show" and quits.  A stale socket left by a crash is
removed (the connection to it fails), so a crash never blocks the next start."""
from __future__ import annotations

import getpass
import hashlib
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 500


def server_name(database: str) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    key = f"{user}\n{os.path.realpath(os.path.expanduser(database))}".encode()
    return "kartoteka-" + hashlib.sha1(key).hexdigest()[:16]


class SingleInstance(QObject):
    activated = Signal()
    """Another launch asked this instance to show its window."""

    def __init__(self, database: str, parent=None):
        super().__init__(parent)
        self.name = server_name(database)
        self.server: QLocalServer | None = None

    def notify_running(self) -> bool:
        """True when another instance runs on this database (it was asked to show itself)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(b"show\n")
        socket.flush()
        socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            QLocalServer.removeServer(self.name)  # left behind by a crash
            if not self.server.listen(self.name):
                return False
        self.server.newConnection.connect(self._on_connection)
        return True

    def _on_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The message is one short line written right after connecting.
            if socket.bytesAvailable() or socket.waitForReadyRead(TIMEOUT_MS):
                if b"show" in bytes(socket.readAll()):
                    self.activated.emit()
            socket.abort()
            socket.deleteLater()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None


def bring_to_front(window) -> None:
    """Show a window that may be minimised or hidden in the tray, on top."""
    if window is None:
        return
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
