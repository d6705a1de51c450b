"""Tool cards as a user sees them in the transcript: the MCP tool the model called, its arguments, where the
call stands (waiting, running with its seconds and progress, done, failed, declined, stopped), the result
(collapsible, images inline), and the tool_result turn shown inside the cards, not as a bubble of its own."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from core.model.conversation import StoredMessage
from core.model.tools import RunProblem, RunStatus, ToolOutcome, ToolProgress, ToolRun
from gui.transcript.view import TranscriptView
from tests.gui.transcript.test_view import (
    assistant,
    click_link,
    error_text,
    plain,
    png_base64,
    text_block,
    user,
)


@pytest.fixture
def view(qtbot: QtBot) -> TranscriptView:
    widget = TranscriptView(error_text)
    qtbot.addWidget(widget)
    widget.resize(800, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


ARGS = {"timezone": "Europe/Paris", "detail": {"seconds": True}}


def call(tool_id: str = "toolu_1", name: str = "get_current_time", **args: object) -> dict[str, object]:
    return {"type": "tool_use", "id": tool_id, "name": name, "input": args or ARGS}


def reply_with_calls(*calls: dict[str, object], runs: list[ToolRun] | None = None) -> StoredMessage:
    message = assistant(2, text_block("Let me check."), *calls, stop_reason="tool_use")
    message.tool_runs = runs or []
    return message


def run_of(tool_id: str = "toolu_1", **fields: object) -> ToolRun:
    values: dict[str, object] = {"tool": "get_current_time", "server": "time", "arguments": ARGS, **fields}
    return ToolRun(tool_id, **values)  # type: ignore[arg-type]


def results_turn(*results: dict[str, object], message_id: int = 3) -> StoredMessage:
    return StoredMessage(message_id, 1, message_id - 1, "user", list(results))


def text_result(tool_id: str, text: str, **extra: object) -> dict[str, object]:
    return {
        "type": "tool_result",
        "tool_use_id": tool_id,
        "content": [{"type": "text", "text": text}],
        **extra,
    }


def test_a_card_shows_server_tool_arguments_and_each_status_as_the_call_goes(
    qtbot: QtBot, view: TranscriptView
) -> None:
    view.show_messages([user(1, text="What time is it in Paris?"), reply_with_calls(call())])
    assert "Tool call: get_current_time" in plain(view)  # before any run is known: the plain call

    view.update_tool_run(2, run_of(status=RunStatus.WAITING))
    qtbot.waitUntil(lambda: "Waiting for your approval" in plain(view), timeout=2000)
    text = plain(view)
    assert "get_current_time · time" in text
    assert '"timezone": "Europe/Paris"' in text  # the arguments as formatted JSON
    assert '    "seconds": true' in text
    assert "Reply with result…" not in text  # the app runs this call: nothing to type by hand

    started = time.time() - 3.2
    view.update_tool_run(2, run_of(status=RunStatus.RUNNING, started_at=started))
    qtbot.waitUntil(lambda: "Running… 3 s" in plain(view), timeout=2000)
    # The seconds count on while it runs, with no event from the session.
    qtbot.waitUntil(lambda: "Running… 4 s" in plain(view), timeout=3000)

    progress = ToolProgress(2, 5, "fetching zones")
    view.update_tool_run(2, run_of(status=RunStatus.RUNNING, started_at=started, progress=progress))
    qtbot.waitUntil(lambda: "· 2/5 · fetching zones" in plain(view), timeout=2000)

    outcome = ToolOutcome(({"type": "text", "text": '{"datetime": "2026-12-02T05:00:00+01:00"}'},))
    view.update_tool_run(2, run_of(status=RunStatus.DONE, duration=1.25, outcome=outcome))
    qtbot.waitUntil(lambda: "Done in 1.2 s" in plain(view), timeout=2000)
    assert '"datetime": "2026-12-02T05:00:00+01:00"' in plain(view)  # a short result shows open
    assert "Running…" not in plain(view)


def test_failed_declined_and_stopped_calls_say_so_in_plain_words(qtbot: QtBot, view: TranscriptView) -> None:
    calls = [
        call(f"toolu_{n}", name=name) for n, name in enumerate(["time", "slow", "delete_all", "error"], 1)
    ]
    view.show_messages([user(1, text="Go"), reply_with_calls(*calls)])
    timed_out = ToolOutcome(
        ({"type": "text", "text": "Timed out after 5 s"},), True, problem=RunProblem.TIMED_OUT, detail="5 s"
    )
    view.update_tool_run(2, run_of("toolu_1", status=RunStatus.FAILED, duration=5.0, outcome=timed_out))
    view.update_tool_run(2, run_of("toolu_2", tool="slow", status=RunStatus.CANCELLED, duration=0.4))
    declined = ToolOutcome(problem=RunProblem.DECLINED)
    view.update_tool_run(2, run_of("toolu_3", tool="delete_all", status=RunStatus.DENIED, outcome=declined))
    failed = ToolOutcome(({"type": "text", "text": "the tool failed on purpose"},), is_error=True)
    view.update_tool_run(
        2, run_of("toolu_4", tool="error", status=RunStatus.FAILED, duration=0.2, outcome=failed)
    )
    qtbot.waitUntil(lambda: "Declined" in plain(view), timeout=2000)
    text = plain(view)
    assert "Failed after 5.0 s: the tool took longer than the server's time limit" in text
    assert "Stopped after 0.4 s" in text
    assert "Declined: the model was told you declined this call" in text
    assert "Failed after 0.2 s: the tool reported an error" in text


def test_the_results_turn_shows_inside_the_cards_not_as_a_user_bubble(
    qtbot: QtBot, view: TranscriptView
) -> None:
    runs = [run_of("toolu_1", status=RunStatus.DONE, duration=0.3)]
    reply = reply_with_calls(call("toolu_1"), runs=runs)
    results = results_turn(text_result("toolu_1", "It is 05:00 in Paris."))
    answer = assistant(4, text_block("It is five in the morning in Paris."))
    view.show_messages([user(1, text="What time is it in Paris?"), reply, results, answer])
    text = plain(view)
    assert text.count("You") == 1  # only the question: the results are no bubble of their own
    assert "Tool result: get_current_time" not in text
    card = text.index("get_current_time · time")
    assert card < text.index("It is 05:00 in Paris.") < text.index("It is five in the morning")
    assert view.scroll_to_message(3)  # a search hit in the results still has its place to go to


def test_results_appended_while_the_loop_runs_join_their_cards(qtbot: QtBot, view: TranscriptView) -> None:
    view.show_messages([user(1, text="Time?"), reply_with_calls(call("toolu_1"))])
    view.update_tool_run(2, run_of("toolu_1", status=RunStatus.DONE, duration=0.3))
    qtbot.waitUntil(lambda: "Done in 0.3 s" in plain(view), timeout=2000)
    view.append_message(results_turn(text_result("toolu_1", "05:00")))
    text = plain(view)
    assert "05:00" in text
    assert text.count("You") == 1


def test_a_long_result_is_collapsed_and_opens_and_closes_with_a_click(
    qtbot: QtBot, view: TranscriptView
) -> None:
    long_text = "\n".join(f"line {n}" for n in range(1, 41))
    runs = [run_of("toolu_1", status=RunStatus.DONE, duration=0.3)]
    view.show_messages(
        [
            user(1, text="List"),
            reply_with_calls(call("toolu_1"), runs=runs),
            results_turn(text_result("toolu_1", long_text)),
        ]
    )
    assert "Result ▸ (40 line" in plain(view)
    assert "line 40" not in plain(view)
    click_link(qtbot, view, "Result ▸ (40 line")
    qtbot.waitUntil(lambda: "line 40" in plain(view), timeout=2000)
    click_link(qtbot, view, "Result ▾")
    qtbot.waitUntil(lambda: "line 40" not in plain(view), timeout=2000)


def test_an_image_result_shows_inline_in_its_card(qtbot: QtBot, view: TranscriptView) -> None:
    image = {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": png_base64(64, 48)},
    }
    outcome = ToolOutcome(({"type": "text", "text": "A chart:"}, image))
    view.show_messages([user(1, text="Draw"), reply_with_calls(call("toolu_1", name="chart"))])
    view.update_tool_run(
        2, run_of("toolu_1", tool="chart", status=RunStatus.DONE, duration=0.1, outcome=outcome)
    )
    qtbot.waitUntil(lambda: "A chart:" in plain(view), timeout=2000)
    url = QUrl("triptych-image:tool/2/toolu_1/1")
    shown = view.browser.document().resource(QTextDocument.ResourceType.ImageResource.value, url)
    assert isinstance(shown, QImage) and (shown.width(), shown.height()) == (64, 48)


def test_a_run_stored_while_running_shows_as_stopped_after_a_restart(
    qtbot: QtBot, view: TranscriptView
) -> None:
    runs = [run_of("toolu_1", status=RunStatus.RUNNING, started_at=time.time() - 100)]
    view.show_messages([user(1, text="Time?"), reply_with_calls(call("toolu_1"), runs=runs)])
    assert "Running…" not in plain(view)
    assert "Stopped after" in plain(view)
