"""Shared by the export, import and backup tests: a conversation with everything a transcript can hold."""

from __future__ import annotations

from core.model.compare_run import ColumnMetrics
from core.model.conversation import ErrorKind, ReplyError, ReplyTiming
from core.model.messages import Usage
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.model.tools import RunStatus, ToolOutcome, ToolRun
from core.store.repository import Store
from tests.core.store_helpers import RICH_CONTENT, full_settings, text

# A real 1x1 PNG: the exports decode it to a file and embed it as a data URI.
PNG_BASE64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
WEATHER_RUN = ToolRun(
    tool_use_id="toolu_01A",
    tool="get_weather",
    server="weather",
    arguments={"city": "Paris"},
    status=RunStatus.DONE,
    started_at=1_700_000_000.0,
    duration=0.3,
    outcome=ToolOutcome(structured={"temp": 21}),
)
"""An MCP server ran the reply's tool call; its result is the next turn's tool_result block."""
SECRET_KEY = "sk-ant-api03-EXPORT-MUST-NEVER-HOLD-THIS-9f8e7d"
THINKING_TEXT = "Let me think… 先想一想"


def rich_conversation(store: Store, title: str = "Everything at once") -> int:
    """Thinking with a signature, tool use and results, an image, an error, usage and timings, two
    branches below the first reply (the older one on screen) and a compare run with two columns."""
    conversation = store.create_conversation(full_settings(), "Relay", title)
    cid = conversation.id
    image = {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG_BASE64}}
    first = store.add_message(cid, None, "user", [*text("What is in this picture? 图里有什么？"), image])
    reply = store.add_message(
        cid,
        first.id,
        "assistant",
        [
            *RICH_CONTENT,
            {"type": "tool_use", "id": "toolu_01A", "name": "get_weather", "input": {"city": "Paris"}},
        ],
        model="claude-sonnet-4-6",
        stop_reason="tool_use",
        usage=Usage(input_tokens=120, output_tokens=45, cache_read_input_tokens=10),
        cost_usd=0.00123,
        timing=ReplyTiming(0.42, 2.5),
        request_id="req_011CSHoEeqs5C35K2UUqR7Fy",
        warnings=["a warning kept with the reply"],
        tool_runs=[WEATHER_RUN],
    )
    result = store.add_message(
        cid,
        reply.id,
        "user",
        [{"type": "tool_result", "tool_use_id": "toolu_01A", "content": '{"temp": 21}', "is_error": False}],
    )
    kept = store.add_message(
        cid,
        result.id,
        "assistant",
        text("It is 21 °C.\n\n```python\nprint('sunny')\n```"),
        stop_reason="end_turn",
    )
    store.add_message(
        cid,
        result.id,
        "assistant",
        text("partial"),
        "error",
        error=ReplyError(ErrorKind.RATE_LIMIT, "Too many requests", 429, "rate_limit_error", "req_x", 3.0),
    )
    run = store.create_compare_run(
        cid,
        kept.id,
        [
            ("Relay", RequestSettings(model="claude-sonnet-4-6", temperature=0.2)),
            (None, RequestSettings(model="claude-opus-4-1", thinking=ThinkingSettings("enabled", 2048))),
        ],
    )
    run = store.add_compare_round(run.id, "And tomorrow?")
    for column in run.columns:
        store.update_reply(column.reply_ids[0], content=text(f"Column {column.index}"), status="complete")
        store.save_column_metrics(run.id, column.index, 0, ColumnMetrics(0.3, 1.2, 40.0, 10, 20))
    store.choose_column(run.id, 1)
    store.set_current_leaf(cid, kept.id)
    return cid
