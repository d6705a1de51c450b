"""What a compare column shows: the differences in its header and the best value per metric."""

from core.model.compare_run import (
    ColumnMetrics,
    Difference,
    best_per_metric,
    differences,
    distinguishing_differences,
    settings_differences,
)
from core.model.request_settings import RequestSettings, ThinkingSettings

BASE = RequestSettings(model="claude-sonnet-4-6", max_tokens=4096, temperature=1.0, system="Be brief.")


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


def test_every_column_is_named_by_the_fields_that_vary_across_all_columns() -> None:
    """Each column lists its own value of every varying field, the first column included."""
    hot = RequestSettings(model=BASE.model, max_tokens=4096, temperature=0.2, system="Be brief.")
    effort = RequestSettings(
        model=BASE.model, max_tokens=4096, temperature=1.0, system="Be brief.", effort="high"
    )
    names = [
        [d.label() for d in column]
        for column in distinguishing_differences([("Relay", BASE), ("Relay", hot), ("Relay", effort)])
    ]
    assert names == [
        ["temperature 1.0", "effort default"],
        ["temperature 0.2", "effort default"],
        ["temperature 1.0", "effort high"],
    ]
    assert distinguishing_differences([("Relay", BASE), ("Relay", BASE)]) == [[], []]
    assert distinguishing_differences([]) == []
    by_profile = distinguishing_differences([("Relay", BASE), (None, BASE)])
    assert by_profile == [[Difference("profile", "Relay")], [Difference("profile", "none")]]


def test_best_per_metric_picks_lowest_times_and_cost_and_highest_speed() -> None:
    a = ColumnMetrics(time_to_first_token=0.5, duration=3.0, output_tokens_per_second=80, cost_usd=0.02,
                      stop_reason="end_turn")  # fmt: skip
    b = ColumnMetrics(time_to_first_token=0.9, duration=2.0, output_tokens_per_second=120, cost_usd=0.01,
                      stop_reason="end_turn")  # fmt: skip
    failed = ColumnMetrics(time_to_first_token=None, duration=0.1, cost_usd=0.0)
    assert best_per_metric([a, b, failed, None]) == {
        "time_to_first_token": (0,),
        "duration": (1,),
        "cost_usd": (1,),
        "output_tokens_per_second": (1,),
    }
    assert best_per_metric([a, failed]) == {}


def test_best_per_metric_names_every_tied_column_at_the_precision_shown() -> None:
    a = ColumnMetrics(time_to_first_token=0.501, duration=3.0, output_tokens_per_second=80.04,
                      cost_usd=0.0012, stop_reason="end_turn")  # fmt: skip
    b = ColumnMetrics(time_to_first_token=0.9, duration=3.0, output_tokens_per_second=80.01,
                      cost_usd=0.0012, stop_reason="end_turn")  # fmt: skip
    c = ColumnMetrics(time_to_first_token=0.499, duration=2.5, output_tokens_per_second=60.0,
                      cost_usd=0.00121, stop_reason="max_tokens")  # fmt: skip
    assert best_per_metric([a, b, c]) == {
        "time_to_first_token": (0, 2),  # 0.50 s both, as shown
        "duration": (2,),
        "cost_usd": (0, 1),
        "output_tokens_per_second": (0, 1),  # 80.0 tokens/s both
    }


def test_a_column_offering_other_mcp_servers_says_which() -> None:
    from dataclasses import replace

    assert settings_differences(BASE, None, replace(BASE, mcp_servers=["time", "git"]), None) == [
        "MCP servers time, git"
    ]
    assert differences(BASE, None, replace(BASE, mcp_servers=[]), None) == [Difference("mcp_servers", "none")]
    some = replace(BASE, mcp_servers=["time"])
    assert differences(some, None, BASE, None) == [Difference("mcp_servers", "all")]
