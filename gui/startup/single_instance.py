"""One running Triptych per data folder: a later start hands its arguments to the running one, which brings
its window forward, and exits.

The first start takes the folder's lock (`core.store.folder_lock`, the kernel's, so the database is never
opened by two processes) and listens on a local socket named after the folder. A later start finds the lock
held, connects, sends its arguments as one JSON line and reads the answer, `ok <pid>`. When nobody answers
(the first start is stuck, or another user's), the later start says so in a dialog and exits without ever
opening the database.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ANSWER_TIMEOUT_MS = 10_000
"""How long a later start waits for the running one to answer: it may still be opening its database."""
_POLL_MS = 50
_CONNECT_TRIES_MS = 3_000
"""The running one takes the lock a moment before it listens: a later start keeps trying this long."""


def server_name(data_dir: Path) -> str:
    """The local socket's name for this folder and this user (another user's app is not ours to wake)."""
    digest = hashlib.sha256(f"{getpass.getuser()}\0{data_dir.resolve()}".encode()).hexdigest()
    return f"triptych-{digest[:24]}"


class InstanceServer(QObject):
    """Listens for later starts on the same data folder while this app runs."""

    handedOver = Signal(list)
    """The arguments (list of str) a later start handed over."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._name = server_name(data_dir)

    def listen(self) -> bool:
        """Start listening. The caller holds the folder's lock: a socket of that name is a crashed app's."""
        QLocalServer.removeServer(self._name)
        return self._server.listen(self._name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        try:
            arguments = json.loads(line)["arguments"]
        except (ValueError, KeyError, TypeError):
            arguments = None
        if not isinstance(arguments, list) or not all(isinstance(item, str) for item in arguments):
            socket.disconnectFromServer()  # not one of ours: answer nothing
            return
        socket.write(f"ok {os.getpid()}\n".encode())
        socket.flush()
        self.handedOver.emit(arguments)


def hand_over(data_dir: Path, arguments: list[str]) -> int | None:
    """Give `arguments` to the app running on `data_dir`; its process id once it took them, None if no app
    answered. Blocks (a start before its event loop runs), at most a few seconds."""
    name = server_name(data_dir)
    deadline = time.monotonic() + _CONNECT_TRIES_MS / 1000
    socket = QLocalSocket()
    while True:
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            break
        socket.abort()
        if time.monotonic() > deadline:
            return None
        time.sleep(0.05)
    try:
        socket.write((json.dumps({"arguments": arguments}) + "\n").encode())
        answer = b""
        answer_deadline = time.monotonic() + ANSWER_TIMEOUT_MS / 1000
        while not answer.endswith(b"\n"):
            if time.monotonic() > answer_deadline:
                return None
            # Short waits, flushing each time: without an event loop, a long wait can sit on a question
            # not yet written, or miss an answer that came in while the question was going out.
            socket.flush()
            if socket.bytesAvailable() or socket.waitForReadyRead(_POLL_MS):
                answer += bytes(socket.readAll().data())
            elif socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                return None
        word, _, pid = answer.decode(errors="replace").strip().partition(" ")
        return int(pid) if word == "ok" and pid.isdigit() else None
    finally:
        socket.abort()
