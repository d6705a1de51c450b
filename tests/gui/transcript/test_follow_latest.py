"""Scrolling while sending and streaming, through the real window: a send shows the new turn; a reader who
scrolled up during a reply stays put and is offered "Jump to latest", which takes them down and follows."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Pace, Reply, Text
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start

LONG = "\n\n".join(f"Paragraph {n}: " + "words to scroll past " * 8 for n in range(60))


def _after(text: str, marker: str) -> str:
    return text.split(marker, 1)[1] if marker in text else ""


def test_sending_while_scrolled_up_shows_the_new_turn_and_jump_to_latest_follows_again(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window = app.window
        view = window.transcript
        scroll = view.browser.verticalScrollBar()

        server.enqueue(Reply([Text(LONG)]))
        app.type_and_send(qtbot, "Write a lot")
        await wait_until(
            lambda: "end_turn" in app.transcript_text(), timeout=20, what="the first reply's footer"
        )
        await wait_until(lambda: scroll.maximum() > 3 * scroll.pageStep(), what="a transcript to scroll")

        # Scrolled up to read, the user sends: the view goes to the new turn.
        scroll.setValue(0)
        server.enqueue(Reply([Text(LONG)], pace=Pace(chunk_chars=120, delta_interval=0.05)))
        app.type_and_send(qtbot, "And another thing")
        await wait_until(
            lambda: "Paragraph 3:" in _after(app.transcript_text(), "And another thing"), 20, "the reply"
        )
        assert scroll.value() >= scroll.maximum() - 4, "after sending, the view shows the new turn"
        button = view.jump_button
        assert not button.isVisible()

        # While it streams, the user scrolls up: the view is not pulled down, the button is offered.
        scroll.setValue(scroll.maximum() // 3)
        held, grown_from = scroll.value(), scroll.maximum()
        await wait_until(
            lambda: scroll.maximum() > grown_from + scroll.pageStep(), timeout=20, what="more of the reply"
        )
        assert scroll.value() == held, "a reader who scrolled up stays where they are"
        assert button.isVisible() and button.text() == "Jump to latest"
        assert view.browser.viewport().rect().contains(button.geometry()), "the button is over the transcript"

        # The button takes them to the end, and the view follows the reply again.
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert scroll.value() == scroll.maximum() and not button.isVisible()
        followed_from = scroll.maximum()
        await wait_until(lambda: scroll.maximum() > followed_from, timeout=20, what="the reply to grow again")
        await wait_until(lambda: scroll.value() == scroll.maximum(), what="the view following")
        await wait_until(
            lambda: app.transcript_text().count("end_turn") == 2, timeout=20, what="the reply to end"
        )
        assert scroll.value() >= scroll.maximum() - 4 and not button.isVisible()
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)
