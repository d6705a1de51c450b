"""Request bodies of the OpenAI-compatible style, field by field and against the openai SDK's types."""

from typing import Any

import pytest
from openai.types.chat.completion_create_params import (
    CompletionCreateParamsNonStreaming,
    CompletionCreateParamsStreaming,
)

from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire.openai.compat import ChatCompletionsRequest, build_chat_completions_body
from tests.openai_reference import type_errors

PNG = {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}
PDF = {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0="}
WEATHER_TOOL = {
    "name": "get_weather",
    "description": "Current weather",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}},
}


def request_of(messages: list[ChatMessage] | None = None, **settings: Any) -> ChatCompletionsRequest:
    messages = messages or [ChatMessage.user_text("Hi")]
    return build_chat_completions_body(
        messages, RequestSettings(**({"model": "claude-sonnet-4-6"} | settings))
    )


def body_of(messages: list[ChatMessage] | None = None, **settings: Any) -> dict[str, Any]:
    return request_of(messages, **settings).body


def test_the_smallest_body() -> None:
    request = request_of(max_tokens=100)
    assert request.body == {
        "model": "claude-sonnet-4-6",
        "messages": [{"role": "user", "content": "Hi"}],
        "max_tokens": 100,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    assert request.warnings == []


def test_no_stream_fields_when_not_streaming() -> None:
    body = body_of(stream=False)
    assert "stream" not in body and "stream_options" not in body


def test_system_string_leads_the_messages() -> None:
    assert body_of(system="Be brief.")["messages"][0] == {"role": "system", "content": "Be brief."}


def test_system_blocks_become_one_system_message_and_cache_control_is_warned_about() -> None:
    system = [
        {"type": "text", "text": "One."},
        {"type": "text", "text": "Two.", "cache_control": {"type": "ephemeral"}},
    ]
    request = request_of(system=system)
    assert request.body["messages"][0] == {"role": "system", "content": "One.\nTwo."}
    assert request.warnings == [
        "Prompt caching (cache_control) is not supported by the OpenAI-compatible API and was not sent."
    ]


def test_user_text_and_images_become_content_parts() -> None:
    message = ChatMessage(
        "user",
        [
            {"type": "text", "text": "What is this?"},
            {"type": "image", "source": PNG},
            {"type": "image", "source": {"type": "url", "url": "https://example.com/a.jpg"}},
        ],
    )
    assert body_of([message])["messages"] == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is this?"},
                {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
                {"type": "image_url", "image_url": {"url": "https://example.com/a.jpg"}},
            ],
        }
    ]


def test_documents_and_file_images_are_dropped_with_a_warning() -> None:
    message = ChatMessage(
        "user",
        [
            {"type": "document", "source": PDF},
            {"type": "image", "source": {"type": "file", "file_id": "file_1"}},
            {"type": "search_result", "source": "s", "title": "t", "content": []},
            {"type": "text", "text": "Summarize."},
        ],
    )
    request = request_of([message])
    assert request.body["messages"] == [{"role": "user", "content": "Summarize."}]
    assert request.warnings == [
        "Documents are not supported by the OpenAI-compatible API and were left out.",
        "Images with a file source cannot be sent through the OpenAI-compatible API and were left out.",
        "search_result blocks cannot be sent through the OpenAI-compatible API and were left out.",
    ]


TOOL_TURN = ChatMessage(
    "assistant",
    [
        {"type": "thinking", "thinking": "Weather, then.", "signature": "sig"},
        {"type": "redacted_thinking", "data": "xyz"},
        {"type": "text", "text": "Let me check."},
        {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Zürich"}},
        {"type": "tool_use", "id": "toolu_2", "name": "get_weather", "input": {}},
    ],
)
RESULT_TURN = ChatMessage(
    "user",
    [
        {"type": "tool_result", "tool_use_id": "toolu_1", "content": "12 °C"},
        {
            "type": "tool_result",
            "tool_use_id": "toolu_2",
            "content": [{"type": "text", "text": "no city"}, {"type": "text", "text": "given"}],
            "is_error": True,
        },
        {"type": "text", "text": "And tomorrow?"},
    ],
)


def test_tool_use_becomes_tool_calls_and_signed_thinking_goes_back_in_thinking_blocks() -> None:
    """LiteLLM gives thinking with its signature in `thinking_blocks` and reads it back from there; the API
    refuses a thinking + tool-use follow-up whose assistant turn lost its thinking."""
    request = request_of([TOOL_TURN])
    assert request.body["messages"] == [
        {
            "role": "assistant",
            "content": "Let me check.",
            "tool_calls": [
                {
                    "id": "toolu_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Zürich"}'},
                },
                {"id": "toolu_2", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}},
            ],
            "thinking_blocks": [
                {"type": "thinking", "thinking": "Weather, then.", "signature": "sig"},
                {"type": "redacted_thinking", "data": "xyz"},
            ],
        }
    ]
    assert request.warnings == []


def test_thinking_without_a_signature_is_not_sent_back() -> None:
    turn = ChatMessage(
        "assistant",
        [
            {"type": "thinking", "thinking": "From a relay that sent none.", "signature": ""},
            {"type": "text", "text": "Hi"},
        ],
    )
    assert body_of([turn])["messages"] == [{"role": "assistant", "content": "Hi"}]


def test_an_assistant_turn_of_only_tool_calls_has_no_content() -> None:
    turn = ChatMessage("assistant", [{"type": "tool_use", "id": "t", "name": "f", "input": {}}])
    assert "content" not in body_of([turn])["messages"][0]
    assert body_of([ChatMessage("assistant", [])])["messages"] == [{"role": "assistant", "content": ""}]


def test_tool_results_become_tool_messages_before_the_rest_of_the_user_turn() -> None:
    assert body_of([RESULT_TURN])["messages"] == [
        {"role": "tool", "tool_call_id": "toolu_1", "content": "12 °C"},
        {"role": "tool", "tool_call_id": "toolu_2", "content": "Error: no city\ngiven"},
        {"role": "user", "content": "And tomorrow?"},
    ]


def test_tool_result_parts_other_than_text_are_dropped_with_a_warning() -> None:
    turn = ChatMessage(
        "user",
        [{"type": "tool_result", "tool_use_id": "t", "content": [{"type": "image", "source": PNG}]}],
    )
    request = request_of([turn])
    assert request.body["messages"] == [{"role": "tool", "tool_call_id": "t", "content": ""}]
    assert request.warnings == [
        "Tool results carry only text through the OpenAI-compatible API; image parts were left out."
    ]


def test_server_tool_blocks_in_history_are_dropped_with_a_warning() -> None:
    turn = ChatMessage(
        "assistant",
        [
            {"type": "server_tool_use", "id": "srvtoolu_1", "name": "web_search", "input": {}},
            {"type": "web_search_tool_result", "tool_use_id": "srvtoolu_1", "content": []},
            {"type": "text", "text": "Found it."},
        ],
    )
    request = request_of([turn])
    assert request.body["messages"] == [{"role": "assistant", "content": "Found it."}]
    assert len(request.warnings) == 2


def test_custom_tools_become_functions_and_server_tools_are_warned_about() -> None:
    tools = [
        WEATHER_TOOL | {"strict": True},
        {"name": "noop", "input_schema": {"type": "object"}, "cache_control": {"type": "ephemeral"}},
        {"type": "custom", "name": "later", "input_schema": {"type": "object"}, "defer_loading": True},
        {"type": "web_search_20250305", "name": "web_search", "max_uses": 3},
    ]
    request = request_of(tools=tools)
    assert request.body["tools"] == [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Current weather",
                "parameters": WEATHER_TOOL["input_schema"],
                "strict": True,
            },
        },
        {"type": "function", "function": {"name": "noop", "parameters": {"type": "object"}}},
        {"type": "function", "function": {"name": "later", "parameters": {"type": "object"}}},
    ]
    assert request.warnings == [
        "Prompt caching (cache_control) is not supported by the OpenAI-compatible API and was not sent.",
        "The tool field defer_loading is not supported by the OpenAI-compatible API and was not sent.",
        'The server tool "web_search" (web_search_20250305) is not available through the OpenAI-compatible '
        "API and was not sent.",
    ]


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ({"type": "auto"}, "auto"),
        ({"type": "any"}, "required"),
        ({"type": "none"}, "none"),
        ({"type": "tool", "name": "get_weather"}, {"type": "function", "function": {"name": "get_weather"}}),
    ],
)
def test_tool_choice(choice: dict[str, Any], expected: object) -> None:
    body = body_of(tools=[WEATHER_TOOL], tool_choice=choice)
    assert body["tool_choice"] == expected
    assert "parallel_tool_calls" not in body


def test_disabling_parallel_tool_use() -> None:
    body = body_of(tools=[WEATHER_TOOL], tool_choice={"type": "auto", "disable_parallel_tool_use": True})
    assert body["parallel_tool_calls"] is False


def test_sampling_fields() -> None:
    body = body_of(max_tokens=512, temperature=0.3, top_p=0.9, stop_sequences=["END", "STOP"])
    assert (body["max_tokens"], body["temperature"], body["top_p"], body["stop"]) == (
        512,
        0.3,
        0.9,
        ["END", "STOP"],
    )
    assert "stop" not in body_of()


def test_thinking_is_the_documented_extra_body_field() -> None:
    body = body_of(max_tokens=4000, thinking=ThinkingSettings("enabled", budget_tokens=2048))
    assert body["thinking"] == {"type": "enabled", "budget_tokens": 2048}
    assert "thinking" not in body_of(thinking=ThinkingSettings("disabled"))


def test_adaptive_thinking_is_sent_with_a_warning() -> None:
    request = request_of(thinking=ThinkingSettings("adaptive", display="omitted"))
    assert request.body["thinking"] == {"type": "adaptive", "display": "omitted"}
    assert request.warnings == [
        "The OpenAI-compatible API documents only thinking of type enabled; adaptive thinking was sent as "
        "is and may be ignored."
    ]


@pytest.mark.parametrize(
    ("field", "value", "named"),
    [
        ("top_k", 40, "top_k"),
        ("effort", "high", "Effort"),
        ("output_schema", {"type": "object"}, "Structured output (output_schema)"),
        ("cache_control", {"type": "ephemeral"}, "Prompt caching (cache_control)"),
        ("metadata_user_id", "u1", "The metadata user id"),
        ("service_tier", "auto", "service_tier"),
        ("inference_geo", "us", "inference_geo"),
        ("container", "container_1", "container"),
    ],
)
def test_settings_the_layer_cannot_carry_are_named(field: str, value: object, named: str) -> None:
    request = request_of(**{field: value})
    assert request.warnings == [f"{named} is not supported by the OpenAI-compatible API and was not sent."]
    assert set(request.body) == {"model", "messages", "max_tokens", "stream", "stream_options"}


def test_extra_json_is_merged_last() -> None:
    body = body_of(temperature=0.5, extra_json={"temperature": 0.1, "seed": 7})
    assert (body["temperature"], body["seed"]) == (0.1, 7)


def test_each_warning_is_given_once() -> None:
    doc = {"type": "document", "source": PNG}
    assert len(request_of([ChatMessage("user", [doc, doc]), ChatMessage("user", [doc])]).warnings) == 1


def test_bodies_fit_the_official_openai_sdk_request_types() -> None:
    """Every key is one the SDK declares, with a value of its declared type; `thinking` is an extra field."""
    conversation = [ChatMessage.user_text("Weather?"), TOOL_TURN, RESULT_TURN]
    image_turn = ChatMessage("user", [{"type": "image", "source": PNG}, {"type": "text", "text": "This?"}])
    for stream, params in [
        (True, CompletionCreateParamsStreaming),
        (False, CompletionCreateParamsNonStreaming),
    ]:
        body = body_of(
            [*conversation, image_turn],
            stream=stream,
            system="Be brief.",
            temperature=0.2,
            top_p=0.9,
            stop_sequences=["END"],
            tools=[WEATHER_TOOL | {"strict": False}],
            tool_choice={"type": "tool", "name": "get_weather", "disable_parallel_tool_use": True},
            thinking=ThinkingSettings("enabled", budget_tokens=1024),
        )
        assert body.pop("thinking") == {"type": "enabled", "budget_tokens": 1024}
        assert [m.pop("thinking_blocks") for m in body["messages"] if "thinking_blocks" in m] != []
        assert type_errors(body, params) == []
    for choice in ("auto", "any", "none"):
        body = body_of(tools=[WEATHER_TOOL], tool_choice={"type": choice})
        assert type_errors(body, CompletionCreateParamsStreaming) == []


def test_the_type_check_itself_rejects_what_the_sdk_does_not_declare() -> None:
    body = body_of()
    assert type_errors(body | {"top_k": 5}, CompletionCreateParamsStreaming) == [
        "body.top_k: not a field of CompletionCreateParamsStreaming"
    ]
    bad = body | {"messages": [{"role": "tool", "content": "x"}]}
    assert type_errors(bad, CompletionCreateParamsStreaming) != []


def test_several_text_blocks_or_an_image_keep_the_parts_form() -> None:
    image = {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "AAAA"}}
    two_texts = ChatMessage(
        role="user", content=[{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]
    )
    with_image = ChatMessage(role="user", content=[{"type": "text", "text": "look"}, image])
    body = build_chat_completions_body([two_texts, with_image], RequestSettings(model="m")).body
    assert [part["type"] for part in body["messages"][0]["content"]] == ["text", "text"]
    assert [part["type"] for part in body["messages"][1]["content"]] == ["text", "image_url"]


def test_an_attached_text_file_goes_as_text_fenced_beyond_its_own_backticks() -> None:
    source = "Use ```code``` here.\n"
    message = ChatMessage(
        "user",
        [
            {
                "type": "document",
                "source": {"type": "text", "media_type": "text/plain", "data": source},
                "title": "a.md",
            },
            {"type": "text", "text": "Review this."},
        ],
    )
    request = request_of([message])
    assert request.body["messages"] == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "a.md\n````\nUse ```code``` here.\n\n````"},
                {"type": "text", "text": "Review this."},
            ],
        }
    ]
    assert request.warnings == []
