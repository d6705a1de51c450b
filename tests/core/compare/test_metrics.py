"""What a compare column measured, taken from the reply: timings, tokens, speed, cost."""

import pytest

from core.api.reply import ReplyResult, StreamMetrics
from core.compare.metrics import column_metrics
from core.model.compare_run import ColumnMetrics
from core.model.messages import AssistantMessage, Usage
from core.wire.openai.stream import usage_from_openai


def test_metrics_are_measured_from_the_result() -> None:
    timing = StreamMetrics(started=10.0, headers_at=10.1, first_content_at=10.5, finished_at=12.5)
    message = AssistantMessage(
        id="m",
        model="claude-sonnet-4-6",
        stop_reason="end_turn",
        usage=Usage(1000, 400, cache_creation_input_tokens=50, cache_read_input_tokens=200),
    )
    metrics = column_metrics(ReplyResult(message, metrics=timing, request_id="req_1"), message.model, {})
    assert metrics.time_to_first_token == pytest.approx(0.5)
    assert metrics.duration == pytest.approx(2.5)
    assert metrics.output_tokens_per_second == pytest.approx(200.0)
    assert (metrics.cache_read_tokens, metrics.cache_write_tokens, metrics.thinking_tokens) == (200, 50, None)
    assert metrics.cost_usd == pytest.approx((1000 * 3 + 400 * 15 + 50 * 3.75 + 200 * 0.3) / 1e6)
    assert ColumnMetrics.from_dict(metrics.to_dict()) == metrics
    assert ColumnMetrics.from_dict({"duration": "fast", "output_tokens": 3, "new_field": 1}) == ColumnMetrics(
        output_tokens=3
    )


def test_a_failed_reply_has_no_speed_or_tokens() -> None:
    metrics = column_metrics(ReplyResult(None, cancelled=True), "claude-sonnet-4-6", {})
    assert (metrics.output_tokens_per_second, metrics.output_tokens, metrics.cost_usd) == (None, None, None)


def test_thinking_tokens_come_from_the_usage_breakdown_when_reported() -> None:
    reported = Usage.from_api(
        {"input_tokens": 5, "output_tokens": 90, "output_tokens_details": {"thinking_tokens": 60}}
    )
    assert reported.thinking_tokens == 60 and reported.to_api()["output_tokens_details"] == {
        "thinking_tokens": 60
    }
    assert Usage.from_api({"input_tokens": 5, "output_tokens": 90}).thinking_tokens is None
    assert "output_tokens_details" not in Usage(5, 90).to_api()
    assert Usage.from_api({"output_tokens_details": "lots"}).thinking_tokens is None
    assert Usage.from_api({"output_tokens_details": {"thinking_tokens": True}}).thinking_tokens is None
    message = AssistantMessage(id="m", model="claude-sonnet-4-6", stop_reason="end_turn", usage=reported)
    metrics = column_metrics(ReplyResult(message), message.model, {})
    assert metrics.thinking_tokens == 60


def test_openai_reasoning_tokens_count_as_thinking_tokens() -> None:
    usage = usage_from_openai(
        {"prompt_tokens": 12, "completion_tokens": 80, "completion_tokens_details": {"reasoning_tokens": 64}}
    )
    assert Usage.from_api(usage).thinking_tokens == 64
    assert (
        Usage.from_api(usage_from_openai({"prompt_tokens": 12, "completion_tokens": 80})).thinking_tokens
        is None
    )
