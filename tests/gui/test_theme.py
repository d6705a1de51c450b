"""View → Theme through the real window: Dark makes the window, the open transcript and its code dark and
Light makes them light, at once and without a desktop platform theme (offscreen has none); the choice is
saved and the next start paints its first frame in it (the real app in a process of its own)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import qasync
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text
from gui.theme.palettes import is_dark
from tests.app_runner import luminance
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start
from tests.paths import REPO

REPLY = (
    "A table and code:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    "```python\ndef greet():\n    return 1\n```\n\nDone."
)


def _window(app: Running) -> float:
    return luminance(app.window.grab().toImage())


def _transcript(app: Running) -> float:
    return luminance(app.window.transcript.browser.viewport().grab().toImage())


def _code_background(app: Running) -> int:
    """The lightness (0-255) of the background the code block is painted on."""
    document = app.window.transcript.browser.document()
    found = document.find("def greet")
    assert not found.isNull(), "the code block is in the transcript"
    found.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    return found.blockFormat().background().color().lightness()


def test_dark_and_light_apply_to_the_window_and_the_open_transcript(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    original = qapp.palette().color(QPalette.ColorRole.Window).name()

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(Reply([Text(REPLY)]))
        app.type_and_send(qtbot, "Show me")
        await wait_until(lambda: "end_turn" in app.transcript_text(), timeout=20, what="the reply")
        themes = app.window.preferences.theme_actions
        try:
            themes["dark"].trigger()
            await wait_until(lambda: is_dark(app.window.palette()), what="the dark palette")
            assert _window(app) < 70, "a dark window"
            assert _transcript(app) < 60, "the transcript's background is dark too"
            assert _code_background(app) < 80, "code blocks get a dark style"
            assert app.app.settings.value("theme") == "dark"

            themes["light"].trigger()
            await wait_until(lambda: not is_dark(app.window.palette()), what="the light palette")
            assert _window(app) > 170, "a light window"
            assert _transcript(app) > 200
            assert _code_background(app) > 200
        finally:
            themes["system"].trigger()
        await wait_until(
            lambda: qapp.palette().color(QPalette.ColorRole.Window).name() == original,
            what="the platform's palette back",
        )
        await app.quit()

    run(qloop, body(), timeout=60)


def test_the_saved_theme_is_painted_from_the_first_frame_of_the_next_start(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def choose_dark() -> None:
        app = await start(qapp, tmp_path, server)
        try:
            app.window.preferences.theme_actions["dark"].trigger()
        finally:
            # This process's other tests keep the platform's palette; the setting stays "dark".
            from gui.theme.scheme import apply_theme

            apply_theme(qapp, "system")
        await app.quit()

    run(qloop, choose_dark())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.app_runner", str(tmp_path), "--look"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines() if ": " in line)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 128
    first_paint = lines["FIRST PAINT"]
    assert int(first_paint[1:3], 16) < 64, f"the first paint used the window colour {first_paint}"
    looks = dict(part.split("=") for part in lines["LOOK"].split())
    assert float(looks["window"]) < 70 and float(looks["transcript"]) < 60, looks
