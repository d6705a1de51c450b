"""Turns' Markdown rendered ahead a block at a time is the render of the whole text, spread over calls."""

from __future__ import annotations

import random
import time

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.transcript.cards import Colors
from gui.transcript.prerender import Prerender
from gui.transcript.turn_html import TurnHtml, TurnOptions
from tests.core.render.test_markdown import long_reply
from tests.gui.transcript.test_view import error_text, long_conversation


def turn_html(qtbot: QtBot) -> TurnHtml:
    widget = QWidget()
    qtbot.addWidget(widget)
    return TurnHtml(error_text, Colors.from_palette(widget.palette(), False), widget)


def texts() -> list[str]:
    answers = [str(m.content[0]["text"]) for m in long_conversation(6) if m.role == "assistant"]
    replies = [long_reply(random.Random(seed), tokens=500) for seed in range(4)]
    return answers + replies


def test_a_text_rendered_a_block_at_a_time_is_its_whole_render(qtbot: QtBot) -> None:
    html = turn_html(qtbot)
    prerender = Prerender(html)
    for text in texts():
        calls = 1
        while not prerender.ready([text], time.monotonic()):  # a deadline already passed: a block a call
            calls += 1
        assert calls > 3, "the render was spread over several calls"
        assert text in html.markdown
        assert html.markdown.render(text) == html.live_markdown(text)


def test_a_text_with_a_reference_link_is_rendered_whole(qtbot: QtBot) -> None:
    html = turn_html(qtbot)
    text = "See [the docs][d].\n\nMore text.\n\n[d]: https://example.com/docs\n"
    assert Prerender(html).ready([text], time.monotonic())
    assert html.markdown.render(text) == html.live_markdown(text)
    assert 'href="https://example.com/docs"' in html.markdown.render(text)


def test_a_turn_finds_the_markdown_rendered_ahead(qtbot: QtBot) -> None:
    html = turn_html(qtbot)
    message = long_conversation(2)[1]
    options = TurnOptions(set(), False, {})
    sources = html.markdown_sources(message, options)
    assert sources == [message.content[0]["text"]]
    while not Prerender(html).ready(sources, time.monotonic() + 1):
        pass
    rendered = html.markdown.render(sources[0])
    assert rendered in html.turn(message, options)
