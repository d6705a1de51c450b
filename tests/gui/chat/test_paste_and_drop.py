"""Pasting an image and dropping files on the real window: they are attached, sent, or refused in words."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


def _sent_user_blocks(server: FakeServer) -> list[dict]:
    body = next(r.body for r in reversed(server.requests) if r.path == "/v1/messages")
    return body["messages"][-1]["content"]


async def _send_and_wait(app: Running, qtbot: QtBot, server: FakeServer, text: str) -> list[dict]:
    app.type_and_send(qtbot, text)
    await wait_until(lambda: any(r.path == "/v1/messages" for r in server.requests), what="the request")
    await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply")
    return _sent_user_blocks(server)


def _drop(widget: QWidget, *paths: Path) -> None:
    """A drag of files from a file manager onto `widget`: it must be welcomed, then dropped."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the drag is welcomed"
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_a_pasted_image_is_attached_and_sent_as_an_image_block(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        composer = app.window.composer
        image = QImage(40, 30, QImage.Format.Format_RGB32)
        image.fill(QColor("red"))
        QApplication.clipboard().setImage(image)
        composer.editor.setFocus()
        qtbot.keyClick(composer.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: "pasted image 1.png" in composer.chips.text(), what="the image's chip")
        assert composer.editor.toPlainText() == "", "the image is an attachment, not text"
        assert composer.chips.isVisible()

        blocks = await _send_and_wait(app, qtbot, server, "What colour is this?")
        assert [block["type"] for block in blocks] == ["image", "text"]
        source = blocks[0]["source"]
        assert source["type"] == "base64" and source["media_type"] == "image/png"
        sent = QImage.fromData(base64.b64decode(source["data"]), "PNG")
        assert (sent.width(), sent.height()) == (40, 30) and sent.pixelColor(5, 5) == QColor("red")
        assert "pasted image 1.png" not in composer.chips.text(), "the chip goes with the message"
        assert not composer.chips.isVisible()
        assert await app.quit() == 0

    run(qloop, body())


@pytest.mark.parametrize("target", ["composer", "transcript"])
def test_a_dropped_code_file_is_sent_as_its_text(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    server: FakeServer,
    target: str,
) -> None:
    code = "def greet(name):\n    return f'Hello, {name}'  # 你好\n"
    path = tmp_path / "greet.py"
    path.write_text(code, encoding="utf-8")

    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = app.window
        widget = window.composer.editor if target == "composer" else window.transcript.browser
        _drop(widget.viewport(), path)
        await wait_until(lambda: "greet.py" in window.composer.chips.text(), what="the file's chip")
        assert window.composer.editor.toPlainText() == "", "a dropped file is attached, not pasted as a path"

        blocks = await _send_and_wait(app, qtbot, server, "Review this")
        assert blocks[0] == {
            "type": "document",
            "source": {"type": "text", "media_type": "text/plain", "data": code},
            "title": "greet.py",
        }
        assert blocks[1] == {"type": "text", "text": "Review this"}
        assert "Document: greet.py" in app.transcript_text()
        assert await app.quit() == 0

    run(qloop, body())


def test_a_50_mb_file_is_refused_with_the_limit_named(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    log = tmp_path / "server.log"
    with log.open("wb") as file:
        file.write(b"GET / 200\n" * 1000)
        file.truncate(50 * 2**20)
    pdf = tmp_path / "scan.pdf"
    with pdf.open("wb") as file:
        file.write(b"%PDF-1.7\n")
        file.truncate(50 * 2**20)
    binary = tmp_path / "archive.zip"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x00\x00")

    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        composer = app.window.composer
        _drop(app.window.transcript.browser.viewport(), log, pdf, binary)
        await wait_until(lambda: composer.notice.isVisible(), what="the refusal")
        assert composer.notice.text().splitlines() == [
            "server.log is 50.0 MB: a text file may be at most 1 MB.",
            "scan.pdf is 50.0 MB: a PDF may be at most 24 MB.",
            "archive.zip was not attached: only images (PNG, JPEG, GIF, WebP), PDF files and text files "
            "(UTF-8 text such as code, Markdown, CSV or JSON) can be attached.",
        ]
        assert composer.chips.text() == ""
        assert "at most 20 files and 24 MB in one message" in composer.attach_button.toolTip()
        assert await app.quit() == 0

    run(qloop, body())


def test_text_copied_with_a_picture_of_itself_pastes_as_text(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        composer = app.window.composer
        mime = QMimeData()  # what a spreadsheet puts on the clipboard for a few cells
        mime.setText("1\t2\t3")
        image = QImage(30, 10, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        mime.setImageData(image)
        QApplication.clipboard().setMimeData(mime)
        qtbot.keyClick(composer.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert composer.editor.toPlainText() == "1\t2\t3"
        assert composer.chips.text() == "" and composer.draft() == [{"type": "text", "text": "1\t2\t3"}]
        assert await app.quit() == 0

    run(qloop, body())
