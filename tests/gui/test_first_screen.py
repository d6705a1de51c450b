"""What the first screen costs: a long conversation paints its newest turns first, and startup imports only
what the first window needs (bench/open_conversation.py and bench/startup.py measure the times)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from gui.transcript.view import TranscriptView
from tests.gui.transcript.test_view import error_text, long_conversation, plain
from tests.paths import REPO

ROOT = REPO


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView(error_text)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_long_conversation_first_shows_a_screenful_of_its_newest_turns(
    qtbot: QtBot, view: TranscriptView
) -> None:
    view.show_messages(long_conversation(200))
    first = plain(view)
    assert view.loading
    assert "Answer 200." in first
    assert "Answer 196." not in first, "more than a screenful was rendered before the first paint"
    assert view.browser.document().size().height() > view.browser.viewport().height()
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)
    assert "Question 1:" not in plain(view), "the background adds a window's worth, not everything"
    scroll = view.browser.verticalScrollBar()

    def scrolled_to_the_first_turn() -> bool:
        scroll.setValue(0)  # the user scrolling up
        return "Question 1:" in plain(view)

    with qtbot.waitSignal(view.allShown, timeout=60_000):
        qtbot.waitUntil(scrolled_to_the_first_turn, timeout=60_000)


def test_starting_the_app_imports_neither_the_demo_server_nor_the_keyring() -> None:
    probe = "import sys, gui.app; print(sorted(m for m in ('aiohttp', 'keyring') if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
