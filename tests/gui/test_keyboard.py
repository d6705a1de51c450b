"""The keyboard alone gets everywhere: Tab and Shift+Tab leave the composer and walk the whole window."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


async def shown(qapp: QApplication, tmp_path: Path, server: FakeServer, qtbot: QtBot) -> Running:
    app = await start(qapp, tmp_path, server)
    window = app.window
    window.activateWindow()
    await wait_until(window.isActiveWindow, what="the window to be active")
    window.composer.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    editor = window.composer.editor
    await wait_until(lambda: QApplication.focusWidget() is editor, what="the composer focused")
    return app


NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    now = QApplication.focusWidget()
    assert now is not None
    return now


def test_tab_leaves_the_composer_and_shift_tab_comes_back(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await shown(qapp, tmp_path, server, qtbot)
        composer = app.window.composer
        composer.editor.setPlainText("Hello")
        after = press(qtbot, Qt.Key.Key_Tab)
        assert after is not composer.editor, "Tab stayed in the composer"
        assert composer.editor.toPlainText() == "Hello", "Tab typed into the composer"
        back = press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert back is composer.editor
        assert composer.editor.toPlainText() == "Hello"
        await app.quit()

    run(qloop, body())


def test_tab_walks_every_major_control_of_the_window_and_comes_round(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await shown(qapp, tmp_path, server, qtbot)
        window = app.window
        # A conversation with a turn: before the first one the transcript's place shows the empty state.
        app.type_and_send(qtbot, "Hello")
        await wait_until(
            lambda: window.transcript.isVisible() and "Hello" in app.transcript_text(), what="a turn"
        )
        await wait_until(lambda: window.composer.send_button.text() == "Send", what="the reply to end")
        window.composer.editor.setFocus()
        visited: list[QWidget] = []
        for _ in range(400):
            now = press(qtbot, Qt.Key.Key_Tab)
            if now is window.composer.editor:
                break
            visited.append(now)
        else:
            raise AssertionError("Tab never came back to the composer")
        major = {
            "send": window.composer.send_button,
            "attach": window.composer.attach_button,
            "provider": window.profile_picker,
            "model": window.model_picker.combo,
            "providers button": window.providers_button,
            "system prompt": window.parameters.prompt.system,
            "max tokens": window.parameters.sampling.max_tokens,
            "conversation filter": window.conversations.filter_box,
            "new conversation": window.conversations.new_button,
            "conversation list": window.conversations.view,
            "transcript": window.transcript.browser,
        }
        missing = [name for name, widget in major.items() if widget not in visited]
        assert missing == []
        first_of = {name: visited.index(widget) for name, widget in major.items()}
        assert first_of["send"] == 0, "Send comes right after the composer"
        in_order = ["send", "model", "system prompt", "conversation list", "transcript"]
        assert [first_of[name] for name in in_order] == sorted(first_of[name] for name in in_order)
        assert window.parameters.isAncestorOf(visited[first_of["system prompt"]])
        await app.quit()

    run(qloop, body())
