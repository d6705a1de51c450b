"""View → Zoom through the real window's keys: Ctrl+= (and Ctrl++) grows the transcript's and the composer's
text, Ctrl+- shrinks it, Ctrl+0 resets it, and the size is the same after a restart."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.demo import FakeServer, Reply, Text
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start
from tests.keyring_backends import DictKeyring

CTRL = Qt.KeyboardModifier.ControlModifier


def _sizes(app: Running) -> tuple[float, float]:
    """The point size the transcript's document is laid out in, and the composer's."""
    window = app.window
    return (
        window.transcript.browser.document().defaultFont().pointSizeF(),
        window.composer.editor.font().pointSizeF(),
    )


def _press(app: Running, qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
    window = app.window
    window.activateWindow()
    window.composer.editor.setFocus()
    qtbot.keyClick(window.composer.editor, key, modifiers)


def test_zoom_keys_resize_the_transcript_and_composer_and_the_size_is_kept(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    keys = KeyStore(DictKeyring())

    async def body() -> None:
        app = await start(qapp, tmp_path, server, keys)
        server.enqueue(Reply([Text("Some words to lay out in the transcript. " * 20)]))
        app.type_and_send(qtbot, "Hello")
        await wait_until(lambda: "end_turn" in app.transcript_text(), timeout=20, what="the reply")
        document = app.window.transcript.browser.document()
        transcript, composer = _sizes(app)
        height = document.size().height()

        _press(app, qtbot, Qt.Key.Key_Equal)
        await wait_until(lambda: _sizes(app) == (transcript + 1, composer + 1), what="Ctrl+= to zoom in")
        _press(app, qtbot, Qt.Key.Key_Plus)  # the keypad's +, or a layout with + unshifted
        await wait_until(lambda: _sizes(app) == (transcript + 2, composer + 2), what="Ctrl++ to zoom in")
        await wait_until(lambda: document.size().height() > height * 1.1, what="the transcript to grow")
        assert app.window.composer.editor.toPlainText() == "", "the keys typed nothing"

        _press(app, qtbot, Qt.Key.Key_Minus)
        await wait_until(lambda: _sizes(app) == (transcript + 1, composer + 1), what="Ctrl+- to zoom out")
        _press(app, qtbot, Qt.Key.Key_0)
        await wait_until(lambda: _sizes(app) == (transcript, composer), what="Ctrl+0 to reset")
        for _ in range(3):
            _press(app, qtbot, Qt.Key.Key_Equal)
        await wait_until(lambda: _sizes(app) == (transcript + 3, composer + 3), what="three steps in")
        await app.quit()

        again = await start(qapp, tmp_path, server, keys)
        assert _sizes(again) == (transcript + 3, composer + 3), "the size survives a restart"
        await again.quit()

    run(qloop, body(), timeout=60)
