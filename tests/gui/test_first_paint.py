"""Waiting for a window's first frame (gui/startup/first_paint.py): the app builds what the frame does not
show after it, so the wait must end once the window has painted, and end anyway for a window never painted."""

from __future__ import annotations

import time

import qasync
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from gui.startup.first_paint import first_paint
from tests.gui.conftest import run


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_wait_ends_after_the_shown_window_has_painted(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    label = QLabel("first frame", window)
    window.setCentralWidget(label)
    paints = _Paints()
    label.installEventFilter(paints)

    async def body() -> None:
        window.show()
        assert paints.count == 0  # nothing is painted before the event loop runs
        await first_paint(window, timeout=10)
        assert paints.count >= 1

    run(qloop, body())


def test_a_window_never_painted_does_not_hold_the_app_up(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    window = QMainWindow()  # never shown: never painted
    qtbot.addWidget(window)

    async def body() -> float:
        started = time.monotonic()
        await first_paint(window, timeout=0.2)
        return time.monotonic() - started

    waited = run(qloop, body())
    assert 0.1 <= waited < 5  # about the timeout (Qt timers may fire a little early), not forever
