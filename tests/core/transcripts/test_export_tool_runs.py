"""Tool runs in the readable exports (Markdown, HTML; the PDF is printed from the HTML): each MCP call is a
card with its tool, server, status, duration, arguments and result (images kept), and the user turn that
carried the results is inside the cards, not a turn of its own."""

from __future__ import annotations

import base64
import re
from pathlib import Path

from core.model.request_settings import RequestSettings
from core.model.tools import RunProblem, RunStatus, ToolOutcome, ToolRun
from core.transcripts.archive import ArchivedConversation, ArchivedMessage
from core.transcripts.export_html import html_export
from core.transcripts.export_labels import ExportLabels
from core.transcripts.export_markdown import markdown_export, write_markdown
from tests.core.transfer_helpers import PNG_BASE64

IMAGE = {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG_BASE64}}


def conversation() -> ArchivedConversation:
    calls = [
        {
            "type": "tool_use",
            "id": "toolu_time",
            "name": "get_current_time",
            "input": {"timezone": "Asia/Tokyo"},
        },
        {"type": "tool_use", "id": "toolu_chart", "name": "chart", "input": {"kind": "bar"}},
        {"type": "tool_use", "id": "toolu_rm", "name": "delete_branch", "input": {"name": "main"}},
        {"type": "tool_use", "id": "toolu_slow", "name": "slow", "input": {"seconds": 60}},
    ]
    runs = [
        ToolRun(
            "toolu_time", "get_current_time", "time", {"timezone": "Asia/Tokyo"}, RunStatus.DONE, 1.0, 0.42
        ),
        ToolRun("toolu_chart", "chart", "faulty", {"kind": "bar"}, RunStatus.DONE, 1.0, 0.1),
        ToolRun(
            "toolu_rm",
            "delete_branch",
            "git",
            {"name": "main"},
            RunStatus.DENIED,
            outcome=ToolOutcome(is_error=True, problem=RunProblem.DECLINED),
        ),
        ToolRun(
            "toolu_slow",
            "slow",
            "faulty",
            {"seconds": 60},
            RunStatus.FAILED,
            1.0,
            5.0,
            outcome=ToolOutcome(is_error=True, problem=RunProblem.TIMED_OUT, truncated_from=104_857_600),
        ),
    ]
    results = [
        {
            "type": "tool_result",
            "tool_use_id": "toolu_time",
            "content": '{"datetime": "2026-12-02T14:00:00+09:00"}',
        },
        {
            "type": "tool_result",
            "tool_use_id": "toolu_chart",
            "content": [{"type": "text", "text": "A chart"}, IMAGE],
        },
        {
            "type": "tool_result",
            "tool_use_id": "toolu_rm",
            "content": "The user declined this tool call.",
            "is_error": True,
        },
        {"type": "tool_result", "tool_use_id": "toolu_slow", "content": "Timed out", "is_error": True},
    ]
    return ArchivedConversation(
        title="Tools",
        settings=RequestSettings(model="claude-sonnet-4-6"),
        current_leaf=4,
        messages=[
            ArchivedMessage(1, None, "user", [{"type": "text", "text": "What time is it in Tokyo?"}]),
            ArchivedMessage(
                2, 1, "assistant", [{"type": "text", "text": "Let me check."}, *calls],
                stop_reason="tool_use", tool_runs=runs,
            ),
            ArchivedMessage(3, 2, "user", results),
            ArchivedMessage(4, 3, "assistant", [{"type": "text", "text": "It is 14:00 in Tokyo."}]),
        ],
    )  # fmt: skip


def test_markdown_writes_each_call_as_a_card_with_its_result_and_no_results_turn(tmp_path: Path) -> None:
    path = write_markdown(conversation(), tmp_path / "tools.md")
    text = path.read_text()
    assert text.count("## User") == 1  # the question only: the results are inside the cards
    assert "**Tool `get_current_time` on `time`** · done in 0.4 s" in text
    assert '"timezone": "Asia/Tokyo"' in text
    assert '"datetime": "2026-12-02T14:00:00+09:00"' in text
    assert (
        text.index("get_current_time") < text.index("2026-12-02T14:00") < text.index("It is 14:00 in Tokyo")
    )
    assert "declined: the model was told the user declined" in text
    assert "failed after 5.0 s: the tool took longer than the server's time limit" in text
    assert "the result was cut to fit: it had 104,857,600 characters" in text
    (image_link,) = re.findall(r"!\[[^\]]*\]\(<([^>]+)>\)", text)
    assert (tmp_path / image_link).read_bytes() == base64.b64decode(PNG_BASE64)


def test_html_writes_each_call_as_a_card_with_its_image_inline_and_no_results_turn() -> None:
    page = html_export(conversation())
    assert page.count('class="turn user"') == 1
    assert "Tool get_current_time on time" in page
    assert "done in 0.4 s" in page
    assert "&quot;timezone&quot;: &quot;Asia/Tokyo&quot;" in page
    assert f"data:image/png;base64,{PNG_BASE64}" in page
    assert 'class="run-failed">failed after 5.0 s' in page


def test_the_cards_are_worded_in_the_labels_given() -> None:
    labels = ExportLabels(tool_run="工具 {name}（服务器 {server}）", run_done="用时 {seconds} 秒")
    text = markdown_export(conversation(), "assets", labels=labels).text
    assert "**工具 `get_current_time`（服务器 `time`）** · 用时 0.4 秒" in text
