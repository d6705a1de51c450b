"""A tool result that is one enormous line (a server's 100 MB answer, cut to the hub's limit) shows closed
like a long one: laid out again at every update of its card, it stalled the window ~200 ms at a time
(bench/tool_ui_stall.py)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from core.model.tools import RunStatus
from gui.transcript.view import TranscriptView
from tests.gui.transcript.test_tool_cards import call, reply_with_calls, results_turn, run_of, text_result
from tests.gui.transcript.test_view import error_text, plain, user


def test_a_result_of_one_huge_line_shows_closed_and_opens_with_a_click(qtbot: QtBot) -> None:
    view = TranscriptView(error_text)
    qtbot.addWidget(view)
    view.resize(800, 700)
    view.show()
    huge = "x" * 200_000 + "\n[cut: the result had 104,857,600 characters]"
    runs = [run_of("toolu_1", status=RunStatus.DONE, duration=2.5)]
    view.show_messages(
        [
            user(1, text="Fetch it all"),
            reply_with_calls(call("toolu_1"), runs=runs),
            results_turn(text_result("toolu_1", huge)),
        ]
    )
    text = plain(view)
    assert "Result ▸ (2 lines)" in text or "Result ▸ (2 line(s))" in text
    assert "xxxxxxxxxx" not in text
