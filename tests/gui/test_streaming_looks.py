"""How a reply looks while it streams, in the real window against the fake server: no Markdown marker that
is still opening flashes raw, and thinking shows as it arrives and closes when the answer starts."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Pace, Reply, Text, Thinking
from core.render.math import valid_latex
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start

LOADED = 45.0
"""Seconds a step may take on a machine kept busy by other work: each reply streams for seconds by design,
and the first formula loads ziamath's font (1-3 s unloaded)."""
MARKED_UP = (
    "Call `parse_args()` first, then **read the `config` file** and *check* it.\n\n"
    "```python\nprint(1)\n```\n\n"
    "See [the docs](https://example.com/docs) for __more__, then `run()`.\n\n"
    "- one `item`\n- two **items**\n\nDone."
)


def test_no_raw_markdown_marker_flashes_while_a_reply_streams(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        document = app.window.transcript.browser.document()
        seen: list[str] = []
        document.contentsChanged.connect(lambda: seen.append(document.toPlainText()))
        server.enqueue(Reply([Text(MARKED_UP)], pace=Pace(chunk_chars=2, delta_interval=0.005)))
        app.type_and_send(qtbot, "Explain the tool")
        await wait_until(lambda: "end_turn" in app.transcript_text(), what="the whole reply", timeout=LOADED)
        final = app.transcript_text()
        assert "parse_args()" in final and "print(1)" in final and "Done." in final
        for marker in ("`", "*", "__", "[", "]("):
            assert marker not in final
        states = [text for text in seen if "Explain the tool" in text]
        assert len(states) > 20, "the reply was painted in many steps"
        for text in states:
            for marker in ("`", "*", "__", "[", "]("):
                assert marker not in text, f"{marker!r} showed while streaming:\n{text}"
        await app.quit()

    run(qloop, body(), timeout=3 * LOADED)


def test_thinking_shows_while_it_arrives_and_closes_when_the_answer_starts(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        thinking = "Let me weigh the options one by one. " * 6 + "Settled."
        answer = "The answer is forty-two, " + "and here is why. " * 80
        server.enqueue(
            Reply([Thinking(thinking, "sig"), Text(answer)], pace=Pace(chunk_chars=6, delta_interval=0.02))
        )
        app.type_and_send(qtbot, "Think first")
        await wait_until(
            lambda: "weigh the options" in app.transcript_text(), what="thinking to show", timeout=LOADED
        )
        text = app.transcript_text()
        assert "Thinking ▾" in text and "forty-two" not in text, "thinking shows open while only it arrived"
        await wait_until(
            lambda: "forty-two" in app.transcript_text(), what="the answer to start", timeout=LOADED
        )
        await wait_until(
            lambda: "weigh the options" not in app.transcript_text(), what="thinking to close", timeout=LOADED
        )
        text = app.transcript_text()
        assert "Thinking ▸ (" in text and "end_turn" not in text, "closed while the answer still streams"
        await wait_until(lambda: "end_turn" in app.transcript_text(), what="the whole reply", timeout=LOADED)
        final = app.transcript_text()
        assert "weigh the options" not in final and "Thinking ▸ (" in final
        await app.quit()

    run(qloop, body(), timeout=3 * LOADED)


def math_images(document: QTextDocument) -> list[tuple[str, QRectF]]:
    """(name, laid-out rectangle of its block) of every formula image in the document."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            char_format = iterator.fragment().charFormat()
            if char_format.isImageFormat() and char_format.toImageFormat().name().startswith(
                "triptych-math:"
            ):
                rect = document.documentLayout().blockBoundingRect(block)
                found.append((char_format.toImageFormat().name(), rect))
            iterator += 1
        block = block.next()
    return found


def test_a_formula_shows_as_an_image_not_its_source(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        answer = (
            "Energy $E=mc^2$ holds; it costs $5 and $10. The area is\n\n$$\\int_0^1 x\\,dx = \\frac{1}{2}$$"
        )
        valid_latex("x")  # the parser's first import (0.3 s) would block the window past the states to see
        server.enqueue(Reply([Text(answer)], pace=Pace(chunk_chars=2, delta_interval=0.03)))
        transcript = app.window.transcript
        document = transcript.browser.document()
        seen: list[str] = []
        document.contentsChanged.connect(lambda: seen.append(document.toPlainText()))
        app.type_and_send(qtbot, "Integrate x")
        await wait_until(lambda: "end_turn" in app.transcript_text(), what="the whole reply", timeout=LOADED)
        for state in seen:  # the source never flashes while the formula arrives
            assert "\\int" not in state and "$$" not in state and "$E" not in state, state

        def drawn() -> bool:
            images = math_images(document)
            return len(images) == 2 and all(
                document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name)).width() > 1
                for name, _ in images
            )

        await wait_until(drawn, what="the formulas to be drawn", timeout=LOADED)
        await wait_until(
            lambda: not transcript._math.busy, what="the formulas to be laid out", timeout=LOADED
        )
        text = app.transcript_text()
        assert "\\int" not in text and "$$" not in text and "mc^2" not in text
        assert "it costs $5 and $10." in text  # money stays text
        images = math_images(document)
        assert len(images) == 2
        for name, _ in images:
            image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
            assert isinstance(image, QImage) and image.width() > 20 and image.height() > 10
            inked = sum(
                1
                for x in range(image.width())
                for y in range(image.height())
                if image.pixelColor(x, y).alpha() > 128
            )
            assert inked > 30, "the image shows the formula drawn"
        display_rect = images[1][1]
        assert display_rect.height() > 40, "the displayed integral is laid out at its drawn height"
        await app.quit()

    run(qloop, body(), timeout=3 * LOADED)
