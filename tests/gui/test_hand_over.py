"""What the running app does when a later start hands over: it takes the arguments and brings its window
forward (un-minimised, raised, active). The later start's side runs in a thread here, as blocking as it is
in a process of its own before its event loop; tests/gui/test_single_instance.py does it with two
processes."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from core.demo import FakeServer
from gui.startup.single_instance import InstanceServer, hand_over
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start


# Offscreen, Qt has no window stack to raise the window in; it says so, and the call is still made.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_later_start_hands_its_arguments_over_and_the_window_comes_forward(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        instance = InstanceServer(tmp_path)
        assert instance.listen()
        received: list[list[str]] = []
        instance.handedOver.connect(received.append)
        instance.handedOver.connect(app.app.bring_forward)
        app.window.showMinimized()
        await wait_until(lambda: app.window.isMinimized(), what="the window minimised")
        try:
            arguments = ["--data-dir", str(tmp_path), "notes.json"]
            answered = await asyncio.to_thread(hand_over, tmp_path, arguments)
            assert answered == os.getpid(), "the running app answered with its process id"
            assert received == [arguments]
            await wait_until(lambda: not app.window.isMinimized(), what="the window restored")
            assert app.window.isVisible()
        finally:
            instance.close()
        assert await asyncio.to_thread(hand_over, tmp_path / "elsewhere", []) is None, (
            "no app there: no answer"
        )
        assert await app.quit() == 0

    run(qloop, body(), timeout=30)
