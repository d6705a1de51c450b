"""A status notice in the real window goes away by itself (a long one later than a short one), and at once
when clicked."""

from __future__ import annotations

import time
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start


def test_a_notice_times_out_and_a_click_dismisses_it(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        composer = app.window.composer
        timeout = composer.notice_timeout
        timeout.base_seconds, timeout.seconds_per_character = 0.3, 0.01
        assert timeout.duration("x" * 200) > timeout.duration("Copied")

        shown_at = time.monotonic()
        app.window.show_notice("Exported to /tmp/x.md")
        assert composer.notice.isVisible() and composer.notice.text() == "Exported to /tmp/x.md"
        await wait_until(lambda: not composer.notice.isVisible(), what="the notice to time out")
        assert time.monotonic() - shown_at >= 0.3
        assert composer.notice.text() == ""

        timeout.base_seconds = 600
        app.window.show_notice("The daily backup failed: disk full")
        assert composer.notice.isVisible()
        qtbot.mouseClick(composer.notice, Qt.MouseButton.LeftButton)
        await wait_until(lambda: not composer.notice.isVisible(), what="the clicked notice to go")
        await app.quit()

    run(qloop, body())
