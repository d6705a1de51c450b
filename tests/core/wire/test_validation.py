"""Every validation message about the request as a whole: the field it names and the values it allows."""

import pytest

from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire.validation import RequestValidationError, ensure_valid, validate
from tests.core.validation_helpers import HELLO, OBJECT_SCHEMA, WEATHER, check, only


def test_a_rich_valid_request_has_no_issues() -> None:
    settings = RequestSettings(
        model="claude-sonnet-4-6",
        max_tokens=16_000,
        system="Be brief.",
        top_p=0.99,
        stop_sequences=["END"],
        thinking=ThinkingSettings("enabled", 4096, "omitted"),
        effort="max",
        output_schema=OBJECT_SCHEMA,
        tools=[
            WEATHER,
            {
                "type": "web_search_20250305",
                "name": "web_search",
                "max_uses": 2,
                "user_location": {"country": "FR"},
            },
            {"type": "web_fetch_20250910", "name": "web_fetch", "max_content_tokens": 1000},
            {"type": "code_execution_20250825", "name": "code_execution"},
        ],
        tool_choice={"type": "auto"},
        cache_control={"type": "ephemeral", "ttl": "1h"},
        service_tier="auto",
    )
    assert validate(HELLO, settings) == []


def test_model_must_be_named() -> None:
    only(check(model=" "), "model", "claude-sonnet-4-6")


# --- messages --------------------------------------------------------------------------------------------


def test_messages_must_not_be_empty() -> None:
    only(check(messages=[]), "messages", "at least one message")


def test_the_first_message_must_be_from_the_user() -> None:
    only(
        check(messages=[ChatMessage("assistant", [{"type": "text", "text": "Hi"}]), *HELLO]),
        "messages[0].role",
        '"user"',
    )


def test_a_role_must_be_user_or_assistant() -> None:
    only(
        check(messages=[ChatMessage("system", [{"type": "text", "text": "x"}])]),
        "messages[0].role",
        '"system"',
    )  # type: ignore[arg-type]


def test_two_turns_of_the_same_role_are_a_warning() -> None:
    issue = only(check(messages=[*HELLO, *HELLO]), "messages[1].role", "one turn")
    assert issue.severity == "warning"


def test_a_message_needs_content_unless_it_is_the_final_assistant_turn() -> None:
    only(check(messages=[ChatMessage("user", [])]), "messages[0].content", "at least one content block")
    opus_4_5 = "claude-opus-4-5"
    assert check(messages=[*HELLO, ChatMessage("assistant", [])], model=opus_4_5) == []


def test_text_blocks_need_non_whitespace_text() -> None:
    only(check(messages=[ChatMessage.user_text("  \n")]), "messages[0].content[0].text", "non-whitespace")


def test_claude_4_6_rejects_a_prefill() -> None:
    prefill = [*HELLO, ChatMessage("assistant", [{"type": "text", "text": "The answer is"}])]
    only(check(messages=prefill), "messages[1].role", "prefill", "Claude Sonnet 4.6", "user message")
    assert check(messages=prefill, model="claude-opus-4-5") == []
    assert check(messages=prefill, model="relay-model") == []


def test_continuing_a_paused_server_tool_turn_is_not_a_prefill() -> None:
    paused = ChatMessage(
        "assistant",
        [{"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {"query": "x"}}],
    )
    assert check(messages=[*HELLO, paused]) == []


# --- max_tokens and sampling -----------------------------------------------------------------------------


def test_max_tokens_must_be_positive() -> None:
    only(check(max_tokens=-1), "max_tokens", "at least 1", "(it is -1)")


def test_max_tokens_zero_only_warms_the_cache() -> None:
    issue = only(check(max_tokens=0), "max_tokens", "at least 1")
    assert issue.severity == "warning"


def test_max_tokens_is_capped_by_the_models_max_output() -> None:
    only(
        check(model="claude-opus-4-5", max_tokens=64_001),
        "max_tokens",
        "at most 64000",
        "Claude Opus 4.5",
        "64001",
    )
    assert check(model="claude-opus-4-5", max_tokens=64_000) == []
    assert check(model="relay-model", max_tokens=1_000_000) == []


@pytest.mark.parametrize(("field", "value"), [("temperature", 1.5), ("temperature", -0.1), ("top_p", 1.01)])
def test_temperature_and_top_p_are_between_0_and_1(field: str, value: float) -> None:
    only(check(**{field: value}), field, "between 0 and 1", str(value))


@pytest.mark.parametrize(
    ("value", "words"), [(float("nan"), "NaN"), (float("inf"), "infinity"), (float("-inf"), "minus infinity")]
)
@pytest.mark.parametrize("field", ["temperature", "top_p"])
def test_nan_or_infinity_in_sampling_is_named_in_words(field: str, value: float, words: str) -> None:
    """An imported or hand-edited conversation can hold NaN (Python's json reads it); one plain issue."""
    issue = only(check(**{field: value}), field, "must be a number between 0 and 1", f"(it is {words})")
    assert "nan" not in issue.message and "inf)" not in issue.message
    thinking = ThinkingSettings("enabled", 2048)
    only(check(**{field: value}, thinking=thinking, max_tokens=4096), field, f"(it is {words})")


def test_nan_anywhere_in_the_json_settings_is_an_issue_not_an_unsendable_request() -> None:
    """JSON has no NaN: httpx would raise ValueError writing the body. Each place is named."""
    tool = {**WEATHER, "input_schema": {**OBJECT_SCHEMA, "maximum": float("inf")}}
    issues = check(tools=[tool], extra_json={"metadata": {"weights": [1.0, float("nan")]}})
    assert [(issue.field, issue.message) for issue in issues] == [
        (
            "tools[0].input_schema.maximum",
            "tools[0].input_schema.maximum must be a finite number (it is infinity).",
        ),
        (
            "extra_json.metadata.weights[1]",
            "extra_json.metadata.weights[1] must be a finite number (it is NaN).",
        ),
    ]


def test_top_k_is_at_least_1() -> None:
    only(check(top_k=0), "top_k", "at least 1")


@pytest.mark.parametrize("model", ["claude-haiku-4-5", "claude-sonnet-4-5", "claude-opus-4-6"])
def test_temperature_and_top_p_together_are_refused_by_4_5_and_later(model: str) -> None:
    only(check(model=model, temperature=0.5, top_p=0.9), "top_p", "temperature", "only one")


@pytest.mark.parametrize("model", ["claude-sonnet-4-20250514", "relay-model"])
def test_temperature_and_top_p_together_are_fine_elsewhere(model: str) -> None:
    assert check(model=model, temperature=0.5, top_p=0.9) == []


# --- thinking --------------------------------------------------------------------------------------------


def test_thinking_type_must_be_known() -> None:
    only(
        check(thinking=ThinkingSettings("sometimes")), "thinking.type", '"enabled", "adaptive" or "disabled"'
    )  # type: ignore[arg-type]


def test_thinking_display_is_summarized_or_omitted() -> None:
    only(
        check(thinking=ThinkingSettings("adaptive", display="full")),
        "thinking.display",
        '"summarized" or "omitted"',
    )  # type: ignore[arg-type]


def test_enabled_thinking_needs_a_budget() -> None:
    only(check(thinking=ThinkingSettings("enabled")), "thinking.budget_tokens", "required", "1024")


def test_the_thinking_budget_is_at_least_1024() -> None:
    only(
        check(thinking=ThinkingSettings("enabled", 500)),
        "thinking.budget_tokens",
        "at least 1024 (it is 500)",
    )


def test_the_thinking_budget_is_below_max_tokens() -> None:
    only(
        check(max_tokens=4096, thinking=ThinkingSettings("enabled", 4096)),
        "thinking.budget_tokens",
        "less than max_tokens",
        "4096",
    )


def test_adaptive_thinking_only_where_the_model_accepts_it() -> None:
    only(
        check(model="claude-sonnet-4-5", thinking=ThinkingSettings("adaptive")),
        "thinking.type",
        '"adaptive"',
        "Claude Sonnet 4.5",
        '"enabled"',
    )
    assert check(model="relay-model", thinking=ThinkingSettings("adaptive")) == []


def test_a_model_that_cannot_think() -> None:
    only(
        check(model="claude-3-5-haiku-20241022", thinking=ThinkingSettings("enabled", 2048)),
        "thinking.type",
        "cannot think",
        '"disabled"',
    )
    assert check(model="claude-3-5-haiku-20241022", thinking=ThinkingSettings("disabled")) == []


@pytest.mark.parametrize("mode", ["enabled", "adaptive"])
def test_thinking_forbids_other_temperatures_top_k_narrow_top_p_and_forced_tools(mode: str) -> None:
    thinking = ThinkingSettings(mode, 2048)  # type: ignore[arg-type]
    only(check(thinking=thinking, temperature=0.5), "temperature", "1 or unset", "0.5")
    only(check(thinking=thinking, top_k=40), "top_k", "unset while thinking", "40")
    only(check(thinking=thinking, top_p=0.9), "top_p", "between 0.95 and 1", "0.9")
    only(
        check(thinking=thinking, tools=[WEATHER], tool_choice={"type": "any"}),
        "tool_choice.type",
        '"auto" or "none"',
        '"any"',
    )
    assert check(thinking=thinking, temperature=1.0) == []
    assert check(thinking=thinking, top_p=0.95) == []
    assert check(thinking=thinking, tools=[WEATHER], tool_choice={"type": "none"}) == []


def test_disabled_thinking_forbids_nothing() -> None:
    assert check(thinking=ThinkingSettings("disabled", display="omitted"), temperature=0.2, top_k=5) == []


# --- effort ----------------------------------------------------------------------------------------------


def test_effort_must_be_a_known_level() -> None:
    only(check(effort="extreme"), "output_config.effort", "low, medium, high, xhigh, max", '"extreme"')  # type: ignore[arg-type]


def test_effort_only_on_models_that_accept_it() -> None:
    only(
        check(model="claude-sonnet-4-5", effort="low"),
        "output_config.effort",
        "not accepted",
        "Claude Sonnet 4.5",
    )
    assert check(model="relay-model", effort="xhigh") == []


@pytest.mark.parametrize(
    ("model", "effort", "levels"),
    [
        ("claude-opus-4-5", "max", "low, medium, high for"),
        ("claude-opus-4-6", "xhigh", "low, medium, high, max for"),
    ],
)
def test_effort_only_at_the_models_levels(model: str, effort: str, levels: str) -> None:
    only(check(model=model, effort=effort), "output_config.effort", levels, f'"{effort}"')


# --- stop sequences, output schema, service tier, cache ----------------------------------------------------


@pytest.mark.parametrize("sequence", ["", " \n"])
def test_stop_sequences_need_non_whitespace(sequence: str) -> None:
    only(check(stop_sequences=["END", sequence]), "stop_sequences[1]", "non-whitespace")


def test_the_output_schema_is_an_object_schema() -> None:
    only(check(output_schema={"type": "array"}), "output_config.format.schema", '"type": "object"', '"array"')
    bad_property = {"type": "object", "properties": {"n": {"type": "int"}}}
    only(
        check(output_schema=bad_property),
        "output_config.format.schema.properties.n.type",
        '"integer"',
        '"int"',
    )


def test_service_tier_values() -> None:
    only(check(service_tier="priority"), "service_tier", '"auto" or "standard_only"', '"priority"')  # type: ignore[arg-type]


def test_cache_control_ttl_values() -> None:
    only(
        check(cache_control={"type": "ephemeral", "ttl": "10m"}), "cache_control.ttl", '"5m" or "1h"', '"10m"'
    )  # type: ignore[typeddict-item]


# --- ensure_valid ----------------------------------------------------------------------------------------


def test_ensure_valid_raises_with_every_error_listed() -> None:
    settings = RequestSettings(model="claude-sonnet-4-6", temperature=3, top_k=0)
    with pytest.raises(RequestValidationError) as raised:
        ensure_valid([*HELLO, *HELLO], settings)
    assert isinstance(raised.value, ValueError)
    assert [issue.field for issue in raised.value.issues] == ["temperature", "top_k"]
    assert "temperature must be between 0 and 1 (it is 3)." in str(raised.value)
    assert "top_k must be at least 1 (it is 0)." in str(raised.value)
    assert "one turn" not in str(raised.value)  # warnings do not stop a request


def test_ensure_valid_returns_the_warnings() -> None:
    warnings = ensure_valid([*HELLO, *HELLO], RequestSettings(model="claude-sonnet-4-6"))
    assert [(issue.field, issue.severity) for issue in warnings] == [("messages[1].role", "warning")]
