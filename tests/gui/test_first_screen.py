"""What the first screen costs: a long conversation paints its newest turns first, and startup imports only
what the first window needs (bench/open_conversation.py and bench/startup.py measure the times)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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


# Loaded by what the first paint does not show: sending (httpx), Markdown and code highlighting (the
# conversation arrives after the first paint), formulas, the keyring, the demo server, the compare window,
# the features built right after the first frame (providers, export and import, saved comparisons) and the
# dialogs (each loads when first opened).
NOT_BEFORE_FIRST_PAINT = (
    "httpx",
    "httpcore",
    "anyio",
    "markdown",
    "pygments",
    "latex2mathml",
    "ziamath",
    "keyring",
    "aiohttp",
    # The evaluation grid's charts and statistics: imported when the grid window shows them.
    "pyqtgraph",
    "numpy",
    "gui.grid.charts",
    "gui.grid.stats_view",
    "core.api.client",
    "core.api.reply",
    "core.render.markdown",
    "core.render.math",
    "core.compare.session",
    "core.demo",
    "gui.compare.view",
    "gui.compare.saved_runs",
    "gui.providers",
    "core.doctor",
    "gui.transfer",
    "gui.chat.edit_message_dialog",
    "gui.exchange.raw_dialog",
    "core.wire.exchange_text",
    "gui.params.presets_dialog",
    "gui.transcript.full_text",
)


def test_nothing_the_first_paint_does_not_show_is_imported_before_it(tmp_path: Path) -> None:
    """The real app, started as main.py does, lists sys.modules when its window's first paint ends."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.first_paint_modules", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    line = next((s for s in result.stdout.splitlines() if s.startswith("FIRST PAINT MODULES: ")), None)
    assert line is not None, f"the window never painted: {result.stdout}\n{result.stderr}"
    loaded = set(json.loads(line.removeprefix("FIRST PAINT MODULES: ")))
    assert "gui.main_window" in loaded  # the list is the app's: its window is up
    early = sorted(
        name for name in loaded if any(name == m or name.startswith(m + ".") for m in NOT_BEFORE_FIRST_PAINT)
    )
    assert early == [], f"imported before the first paint: {early}"
