"""The offline demo in the Chinese interface: a question written in Chinese gets its answer in Chinese, in
the real window, from the app's own demo server (`--demo`)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from gui.app import AppOptions, TriptychApp
from gui.transcript.empty_state import TABLE_CODE
from tests.gui.conftest import run, wait_until
from tests.keyring_backends import DictKeyring

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_chinese_question_to_the_demo_gets_a_chinese_answer(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, chinese: None
) -> None:
    async def body() -> None:
        app = TriptychApp(qapp, AppOptions(data_dir=str(tmp_path), demo=True), keys=KeyStore(DictKeyring()))
        task = asyncio.ensure_future(app.run())
        await wait_until(
            lambda: app.window is not None and app.window._conversation is not None, what="window"
        )
        window = app.window
        assert window is not None
        assert window.composer.send_button.text() == "发送"
        window.composer.editor.setPlainText("天空为什么是蓝色的？")
        qtbot.keyClick(window.composer.editor, Qt.Key.Key_Return)
        await wait_until(lambda: window.composer.send_button.text() == "停止", what="the reply to start")
        await wait_until(lambda: window.composer.send_button.text() == "发送", timeout=30, what="the reply")

        shown = window.transcript.browser.toPlainText()
        answer = shown.split("天空为什么是蓝色的？", 1)[1]
        assert "离线演示模型" in answer
        letters = [c for c in answer if c.isalpha()]
        assert sum(bool(CJK.match(c)) for c in letters) > 0.5 * len(letters), answer

        # The empty state's example speaks Chinese too: its prompt, and so the demo's answer.
        window.new_conversation()
        await wait_until(lambda: window.empty_state.isVisible(), what="the empty state")
        assert window.empty_state.heading.text() == "开始对话"
        qtbot.mouseClick(window.empty_state.buttons[TABLE_CODE], Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: "排序算法" in window.transcript.browser.toPlainText(), timeout=30, what="table"
        )
        assert "用 Python 写一个快速排序" in window.transcript.browser.toPlainText()
        await wait_until(lambda: window.composer.send_button.text() == "发送", timeout=30, what="the reply")
        window.close()
        assert await task == 0

    run(qloop, body(), timeout=60)
