"""What a compare column shows: the differences in its header, presets, the best value per metric."""

import pytest

from core.api.reply import ReplyResult, StreamMetrics
from core.compare.presets import preset_family, preset_same, preset_temperatures, preset_thinking
from core.demo import Reply, Text
from core.model.compare_run import (
    ColumnMetrics,
    Difference,
    best_per_metric,
    differences,
    settings_differences,
)
from core.model.messages import AssistantMessage, ChatMessage, Usage
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire.openai.stream import usage_from_openai
from core.wire.validation import ensure_valid

BASE = RequestSettings(model="claude-sonnet-4-6", max_tokens=4096, temperature=1.0, system="Be brief.")
HELLO = [ChatMessage.user_text("Hello")]


def test_the_header_names_only_what_differs() -> None:
    column = RequestSettings(
        model="claude-haiku-4-5-20251001",
        max_tokens=4096,
        temperature=0.2,
        system="Be verbose.",
        thinking=ThinkingSettings("enabled", 8192),
        tools=[{"name": "t", "input_schema": {"type": "object"}}],
    )
    assert settings_differences(BASE, "Relay", column, "Other") == [
        "profile Other",
        "model claude-haiku-4-5-20251001",
        "system prompt changed",
        "temperature 0.2",
        "thinking 8k",
        "tools changed",
    ]
    assert differences(BASE, "Relay", BASE, "Relay") == []


def test_differences_are_structured_for_translation() -> None:
    column = RequestSettings(
        model=BASE.model, max_tokens=4096, temperature=None, system="Be brief.", effort="high"
    )
    found = differences(BASE, "Relay", column, "Relay")
    assert found == [Difference("temperature", "default"), Difference("effort", "high")]
    assert [d.label() for d in found] == ["temperature default", "effort high"]


def test_metrics_are_measured_from_the_result() -> None:
    timing = StreamMetrics(started=10.0, headers_at=10.1, first_content_at=10.5, finished_at=12.5)
    message = AssistantMessage(
        id="m",
        model="claude-sonnet-4-6",
        stop_reason="end_turn",
        usage=Usage(1000, 400, cache_creation_input_tokens=50, cache_read_input_tokens=200),
    )
    metrics = ColumnMetrics.from_result(
        ReplyResult(message, metrics=timing, request_id="req_1"), message.model, {}
    )
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
    metrics = ColumnMetrics.from_result(ReplyResult(None, cancelled=True), "claude-sonnet-4-6", {})
    assert (metrics.output_tokens_per_second, metrics.output_tokens, metrics.cost_usd) == (None, None, None)


def test_best_per_metric_picks_lowest_times_and_cost_and_highest_speed() -> None:
    a = ColumnMetrics(time_to_first_token=0.5, duration=3.0, output_tokens_per_second=80, cost_usd=0.02,
                      stop_reason="end_turn")  # fmt: skip
    b = ColumnMetrics(time_to_first_token=0.9, duration=2.0, output_tokens_per_second=120, cost_usd=0.01,
                      stop_reason="end_turn")  # fmt: skip
    failed = ColumnMetrics(time_to_first_token=None, duration=0.1, cost_usd=0.0)
    assert best_per_metric([a, b, failed, None]) == {
        "time_to_first_token": 0,
        "duration": 1,
        "cost_usd": 1,
        "output_tokens_per_second": 1,
    }
    assert best_per_metric([a, failed]) == {}


def test_presets_give_settings_the_api_accepts() -> None:
    same = preset_same(BASE, 3)
    assert same == [BASE] * 3 and same[0] is not same[1]
    thinking_base = RequestSettings(model="claude-sonnet-4-6", max_tokens=4096, top_p=0.9,
                                    thinking=ThinkingSettings("enabled", 2048))  # fmt: skip
    sweep = preset_temperatures(thinking_base)
    assert [s.temperature for s in sweep] == [0.0, 0.5, 1.0]
    assert all(s.thinking is None and s.top_p is None for s in sweep)
    budgets = preset_thinking(BASE)
    assert [s.thinking.budget_tokens if s.thinking else None for s in budgets] == [None, 4096, 16384]
    assert [s.max_tokens for s in budgets] == [4096, 8192, 20480]
    assert budgets[0].temperature == 1.0 and budgets[2].temperature is None
    adaptive = RequestSettings(model="claude-opus-4-6", max_tokens=4096, effort="max",
                               thinking=ThinkingSettings("adaptive"))  # fmt: skip
    family = preset_family(adaptive, "opus")
    assert [s.model for s in family][:2] == ["claude-opus-4-6", "claude-opus-4-5-20251101"]
    assert family[1].effort is None and family[1].thinking == ThinkingSettings("enabled", 2048)
    for settings in [*sweep, *budgets, *family]:
        ensure_valid(HELLO, settings)


def test_a_scripted_reply_is_a_valid_fixture() -> None:
    # Guards the fake server's defaults the session tests rely on: a text reply ends with end_turn.
    assert Reply([Text("x")]).message(request_model="m", input_tokens=1).stop_reason == "end_turn"


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
    metrics = ColumnMetrics.from_result(ReplyResult(message), message.model, {})
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
