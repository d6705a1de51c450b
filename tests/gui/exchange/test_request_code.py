"""Copy as code through the real window: right-click a reply, copy its request as cURL or Python, show the
raw exchange; the copied command really runs, and the key is nowhere in the data folder."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.demo import FakeServer, Reply, Text
from gui.exchange.raw_dialog import RawExchangeDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, Running, start
from tests.keyring_backends import DictKeyring


def right_click(app: Running, message_id: int) -> QMenu:
    """Right-click the lowest visible point of the turn and return its menu."""
    transcript = app.window.transcript
    viewport = transcript.browser.viewport()
    points = [QPoint(40, y) for y in range(viewport.height() - 10, 0, -8)]
    point = next(p for p in points if transcript.message_at(p) == message_id)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose(menu: QMenu, text: str) -> None:
    action = next(action for action in menu.actions() if action.text() == text)
    menu.close()
    action.trigger()


# A real popup menu: the offscreen platform cannot raise it or give it the keyboard, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_copy_as_curl_runs_and_the_raw_view_shows_the_exchange(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    clipboard = QGuiApplication.clipboard()

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(Reply([Text("Hello from the relay.")]))
        app.type_and_send(qtbot, "Show me the wire")
        await wait_until(lambda: "end_turn" in app.transcript_text(), what="the reply")
        user, reply = await app.path()
        sent = [r for r in server.requests if r.path == "/v1/messages"][-1].raw_body

        user_menu = right_click(app, user.id)
        assert "Copy request as cURL" not in [action.text() for action in user_menu.actions()]
        user_menu.close()

        clipboard.clear()
        choose(right_click(app, reply.id), "Copy request as cURL")
        await wait_until(lambda: clipboard.text().startswith("curl"), what="the command on the clipboard")
        command = clipboard.text()
        assert server.base_url in command and "${ANTHROPIC_API_KEY}" in command and KEY not in command
        assert "ANTHROPIC_API_KEY" in app.window.composer.notice.text()
        env = {"PATH": os.environ["PATH"], "ANTHROPIC_API_KEY": KEY}
        done = await asyncio.to_thread(
            subprocess.run, ["sh", "-c", command], env=env, capture_output=True, text=True, timeout=30
        )
        assert done.returncode == 0 and "message_stop" in done.stdout, done.stderr
        assert [r for r in server.requests if r.path == "/v1/messages"][-1].raw_body == sent

        choose(right_click(app, reply.id), "Copy request as Python (httpx)")
        await wait_until(lambda: "import httpx" in clipboard.text(), what="the script on the clipboard")
        assert "os.environ['ANTHROPIC_API_KEY']" in clipboard.text() and KEY not in clipboard.text()

        choose(right_click(app, reply.id), "Show raw request/response…")
        await wait_until(lambda: app.window.request_code.dialog is not None, what="the raw dialog")
        dialog = app.window.request_code.dialog
        assert isinstance(dialog, RawExchangeDialog)
        request = dialog.request.toPlainText()
        assert request.startswith(f"POST {server.base_url}/v1/messages\n")
        assert "x-api-key: [REDACTED]" in request and '"text": "Show me the wire"' in request
        assert "HTTP 200" in dialog.response.toPlainText()
        assert "event: message_stop" in dialog.response.toPlainText()
        dialog.tabs.setCurrentIndex(1)
        dialog.copy_button.click()
        assert clipboard.text() == dialog.response.toPlainText()
        dialog.close()
        assert await app.quit() == 0

    run(qloop, body())
    key = KEY.encode()
    assert [path for path in tmp_path.rglob("*") if path.is_file() and key in path.read_bytes()] == []


# A real popup menu: the offscreen platform cannot raise it or give it the keyboard, and says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_short_key_is_redacted_where_sent_and_never_in_the_words(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    """The demo's key is "demo": the raw view shows the user's "demo" and the reply's as they were, the key
    header reads [REDACTED], and the copied cURL command sends the very bytes that were sent."""
    clipboard = QGuiApplication.clipboard()
    keys = KeyStore(DictKeyring())
    keys.set("Relay", "demo")

    async def body() -> None:
        with FakeServer.running_in_thread(api_key="demo") as server:
            app = await start(qapp, tmp_path, server, keys)
            server.enqueue(Reply([Text("This is the demo reply about the demo.")]))
            app.type_and_send(qtbot, "Run the demo please")
            await wait_until(lambda: "end_turn" in app.transcript_text(), what="the reply")
            _user, reply = await app.path()
            # The last request to /v1/messages: the model list (GET /v1/models) may be asked for later.
            sent = [r for r in server.requests if r.path == "/v1/messages"][-1].raw_body

            choose(right_click(app, reply.id), "Show raw request/response…")
            await wait_until(lambda: app.window.request_code.dialog is not None, what="the raw dialog")
            dialog = app.window.request_code.dialog
            assert isinstance(dialog, RawExchangeDialog)
            request = dialog.request.toPlainText()
            assert "x-api-key: [REDACTED]" in request
            assert '"text": "Run the demo please"' in request
            assert "demo" in dialog.response.toPlainText()  # the reply's words, cut into deltas
            assert "[REDACTED]" not in request.split("\n\n", 1)[1] + dialog.response.toPlainText()
            dialog.close()

            clipboard.clear()
            choose(right_click(app, reply.id), "Copy request as cURL")
            await wait_until(lambda: clipboard.text().startswith("curl"), what="the command on the clipboard")
            env = {"PATH": os.environ["PATH"], "ANTHROPIC_API_KEY": "demo"}
            done = await asyncio.to_thread(
                subprocess.run,
                ["sh", "-c", clipboard.text()],
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
            )
            assert done.returncode == 0 and "message_stop" in done.stdout, done.stderr
            assert [r for r in server.requests if r.path == "/v1/messages"][-1].raw_body == sent
            assert await app.quit() == 0

    run(qloop, body())
