"""The demo model answers what was asked, in kind, over real HTTP: a table and code when asked for them,
thinking when thinking is on, a tool call when an offered tool does what was asked (then an answer with its
result), an answer shaped by the settings (deterministic, so a comparison shows differences), the user's
language, and words that agree with the footer's cost."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import httpx
import pytest

from core.demo import FakeServer, Pace
from tests.core.demo.helpers import API_KEY, HEADERS, chat_body, messages_body, sse_events

TIME_TOOL = {
    "name": "get_time",
    "description": "The current time",
    "input_schema": {"type": "object", "properties": {"timezone": {"type": "string"}}, "required": []},
}
WEATHER_TOOL = {
    "name": "get_weather",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
}
CJK = re.compile(r"[\u4e00-\u9fff]")


async def ask(client: httpx.AsyncClient, text: str, **fields: Any) -> dict[str, Any]:
    response = await client.post("/v1/messages", json=messages_body(text, **fields))
    assert response.status_code == 200, response.text
    return response.json()


def texts(message: dict[str, Any]) -> str:
    return "".join(block["text"] for block in message["content"] if block["type"] == "text")


def chinese_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(bool(CJK.match(c)) for c in letters) / max(1, len(letters))


# --- in kind ----------------------------------------------------------------------------------------------


async def test_different_questions_get_different_kinds_of_answer(client: httpx.AsyncClient) -> None:
    table = texts(await ask(client, "Make a table of sorting algorithms and show one in Python"))
    greeting = texts(await ask(client, "Hello"))
    other = texts(await ask(client, "Why is the sky blue?"))
    temperature = texts(await ask(client, "What does temperature do to a reply?"))
    riddle = texts(await ask(client, "A kilogram of feathers or a kilogram of iron: which is heavier?"))

    assert "|---|" in table and "```python\ndef quicksort" in table
    assert "|---|" not in greeting and "```" not in greeting and greeting.startswith("Hello")
    assert "“Why is the sky blue?”" in other and "offline demo model" in other
    assert temperature.startswith("## What temperature does")
    assert "**Neither**" in riddle or "**the same**" in riddle
    assert len({table, greeting, other, temperature, riddle}) == 5


async def test_no_answer_claims_the_demo_is_free_and_the_prices_are_explained(
    client: httpx.AsyncClient,
) -> None:
    for question in ("Hello", "Why is the sky blue?", "A table and code", "你好", "天空为什么是蓝色的？"):
        answer = texts(await ask(client, question))
        assert "free" not in answer.lower() and "免费" not in answer, question
    explained = texts(await ask(client, "Hello"))
    assert "list prices" in explained and "spends no money" in explained
    assert "标价" in texts(await ask(client, "你好"))


# --- thinking -----------------------------------------------------------------------------------------


async def test_thinking_on_brings_signed_thinking_in_the_users_language_longer_with_a_bigger_budget(
    client: httpx.AsyncClient,
) -> None:
    off = await ask(client, "Why is the sky blue?")
    small = await ask(
        client, "Why is the sky blue?", max_tokens=8192, thinking={"type": "enabled", "budget_tokens": 1024}
    )
    large = await ask(
        client, "Why is the sky blue?", max_tokens=16000, thinking={"type": "enabled", "budget_tokens": 10000}
    )
    chinese = await ask(client, "天空为什么是蓝色的？", thinking={"type": "adaptive"})

    assert [block["type"] for block in off["content"]] == ["text"]
    for message in (small, large, chinese):
        thinking, text = message["content"]
        assert (thinking["type"], text["type"]) == ("thinking", "text")
        assert len(thinking["signature"]) > 100
    assert len(large["content"][0]["thinking"]) > len(small["content"][0]["thinking"])
    assert chinese_share(chinese["content"][0]["thinking"]) > 0.5


# --- tools --------------------------------------------------------------------------------------------


async def test_a_time_question_calls_an_offered_time_tool_and_then_answers_with_its_result(
    client: httpx.AsyncClient,
) -> None:
    question = "What time is it?"
    call = await ask(client, question, tools=[WEATHER_TOOL, TIME_TOOL])

    _preface, tool_use = call["content"]
    assert (tool_use["type"], tool_use["name"]) == ("tool_use", "get_time")
    assert call["stop_reason"] == "tool_use"
    messages = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": call["content"]},
        {
            "role": "user",
            "content": [{"type": "tool_result", "tool_use_id": tool_use["id"], "content": "14:05 UTC"}],
        },
    ]
    answered = await ask(client, question, messages=messages, tools=[WEATHER_TOOL, TIME_TOOL])

    assert answered["stop_reason"] == "end_turn"
    assert "It is **14:05 UTC**, according to `get_time`." in texts(answered)


async def test_a_tool_is_called_only_when_the_question_asks_for_what_it_does(
    client: httpx.AsyncClient,
) -> None:
    unrelated = await ask(client, "Why is the sky blue?", tools=[TIME_TOOL, WEATHER_TOOL])
    no_time_tool = await ask(client, "What time is it?", tools=[WEATHER_TOOL])
    weather = await ask(client, "Will it rain? What's the weather?", tools=[TIME_TOOL, WEATHER_TOOL])
    forced = await ask(client, "Why is the sky blue?", tools=[WEATHER_TOOL], tool_choice={"type": "any"})

    assert [block["type"] for block in unrelated["content"]] == ["text"]
    assert [block["type"] for block in no_time_tool["content"]] == ["text"]
    assert "get_time" in texts(no_time_tool), "it says which tool would let it answer"
    assert weather["content"][-1]["name"] == "get_weather"
    assert forced["content"][-1]["name"] == "get_weather"


async def test_the_openai_endpoint_calls_the_time_tool_and_answers_with_its_result_too(
    client: httpx.AsyncClient,
) -> None:
    tools = [{"type": "function", "function": {"name": "current_time", "parameters": {"type": "object"}}}]
    body = chat_body("现在几点？", tools=tools)
    called = (await client.post("/v1/chat/completions", json=body)).json()
    message = called["choices"][0]["message"]
    assert message["tool_calls"][0]["function"]["name"] == "current_time"
    body["messages"] += [
        message,
        {"role": "tool", "tool_call_id": message["tool_calls"][0]["id"], "content": "9:30"},
    ]

    answered = (await client.post("/v1/chat/completions", json=body)).json()

    assert "根据 `current_time`，现在是 **9:30**。" in answered["choices"][0]["message"]["content"]


# --- settings -----------------------------------------------------------------------------------------


async def test_the_same_settings_and_question_give_the_same_answer(client: httpx.AsyncClient) -> None:
    fields = {"temperature": 0.7, "model": "claude-opus-4-6"}
    first = await ask(client, "What does temperature do to a reply?", **fields)
    again = await ask(client, "What does temperature do to a reply?", **fields)

    assert texts(first) == texts(again)


async def test_temperature_changes_the_words(client: httpx.AsyncClient) -> None:
    question = "What does temperature do to a reply?"
    answers = [texts(await ask(client, question, temperature=value)) for value in (0, 0.5, 1)]

    bodies = [answer.rsplit("\n\n", 1)[0] for answer in answers]  # without the settings line
    assert len(set(bodies)) == 3
    assert "aside" in answers[2] and "aside" not in answers[0]


async def test_a_bigger_model_or_a_higher_effort_says_more_and_a_small_max_tokens_less(
    client: httpx.AsyncClient,
) -> None:
    question = "Make a table of sorting algorithms and show one in Python"

    async def length(**fields: Any) -> int:
        return len(texts(await ask(client, question, temperature=0, **fields)))

    haiku = await length(model="claude-haiku-4-5-20251001")
    sonnet = await length(model="claude-sonnet-4-6")
    opus = await length(model="claude-opus-4-6")
    low = await length(model="claude-opus-4-6", output_config={"effort": "low"})
    top = await length(model="claude-opus-4-6", output_config={"effort": "max"})
    short = await length(model="claude-opus-4-6", max_tokens=400)

    assert haiku < sonnet < opus
    assert low < opus < top
    assert short < low


async def test_a_smaller_model_streams_faster() -> None:
    speeds = {}
    sizes = {}
    async with (
        FakeServer(api_key=API_KEY, pace=Pace(delta_interval=0.01)) as paced,
        httpx.AsyncClient(base_url=paced.base_url, headers=HEADERS, timeout=20) as slow_client,
    ):
        for model in ("claude-haiku-4-5-20251001", "claude-opus-4-6"):
            started = time.monotonic()
            body = messages_body("Hello", model=model, stream=True)
            response = await slow_client.post("/v1/messages", json=body)
            elapsed = time.monotonic() - started
            deltas = [
                event["delta"]["text"]
                for event in sse_events(response.text)
                if event["type"] == "content_block_delta"
            ]
            speeds[model] = sum(map(len, deltas)) / elapsed
            sizes[model] = max(map(len, deltas))

    assert sizes["claude-haiku-4-5-20251001"] > sizes["claude-opus-4-6"]
    assert speeds["claude-haiku-4-5-20251001"] > 2 * speeds["claude-opus-4-6"]


# --- language -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    ["你好", "天空为什么是蓝色的？", "给我一个表格和一段代码", "温度对回答有什么影响？", "现在几点？"],
)
async def test_a_question_in_chinese_gets_an_answer_in_chinese(
    client: httpx.AsyncClient, question: str
) -> None:
    answer = texts(await ask(client, question))

    # Code, names in backticks, O(n) and the closing settings line (model ids, max_tokens) are not prose.
    prose = re.sub(r"```.*?```|`[^`]*`|O\([^)]*\)", "", answer.rsplit("\n\n", 1)[0], flags=re.S)
    assert chinese_share(prose) > 0.6, answer


async def test_a_question_in_english_gets_an_answer_in_english(client: httpx.AsyncClient) -> None:
    answer = texts(await ask(client, "Why is the sky blue?"))

    assert chinese_share(answer) == 0


async def test_it_calls_an_mcp_time_servers_tool_with_an_input_that_server_accepts(
    client: httpx.AsyncClient,
) -> None:
    """mcp-server-time's tools as the server lists them: a time zone must be a real IANA name."""
    zone = {"type": "string", "description": "IANA timezone name (e.g., 'America/New_York')."}
    current = {
        "name": "get_current_time",
        "input_schema": {"type": "object", "properties": {"timezone": zone}, "required": ["timezone"]},
    }
    convert = {
        "name": "convert_time",
        "input_schema": {
            "type": "object",
            "properties": {"source_timezone": zone, "time": {"type": "string"}, "target_timezone": zone},
            "required": ["source_timezone", "time", "target_timezone"],
        },
    }
    fetch = {
        "name": "fetch",
        "input_schema": {
            "type": "object",
            "properties": {"url": {"type": "string", "format": "uri"}, "max_length": {"default": 5000}},
            "required": ["url", "max_length"],
        },
    }
    call = await ask(client, "What time is it now?", tools=[convert, current])
    assert call["content"][-1]["name"] == "convert_time"  # the first offered tool about the time
    assert call["content"][-1]["input"]["source_timezone"] == "UTC"
    call = await ask(client, "现在几点？", tools=[current])
    assert call["content"][-1]["input"] == {"timezone": "UTC"}
    call = await ask(client, "Please fetch this page", tools=[fetch])
    assert call["content"][-1]["input"] == {"url": "https://example.com/", "max_length": 5000}


async def test_it_reads_the_time_out_of_a_time_servers_json_answer(client: httpx.AsyncClient) -> None:
    question = "What time is it?"
    call = await ask(client, question, tools=[TIME_TOOL])
    tool_use = call["content"][-1]
    reading = json.dumps(
        {"timezone": "Asia/Tokyo", "datetime": "2026-12-02T12:52:07+09:00", "is_dst": False}, indent=2
    )
    messages = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": call["content"]},
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": tool_use["id"],
                    "content": [{"type": "text", "text": reading}],
                }
            ],
        },
    ]
    answered = await ask(client, question, messages=messages, tools=[TIME_TOOL])
    assert "It is **2026-12-02 12:52:07 (Asia/Tokyo)**, according to `get_time`." in texts(answered)


async def test_a_declined_time_call_is_said_to_have_given_no_time(client: httpx.AsyncClient) -> None:
    question = "What time is it?"
    call = await ask(client, question, tools=[TIME_TOOL])
    tool_use = call["content"][-1]
    declined = {
        "type": "tool_result",
        "tool_use_id": tool_use["id"],
        "content": [{"type": "text", "text": "The user declined this tool call."}],
        "is_error": True,
    }
    messages = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": call["content"]},
        {"role": "user", "content": [declined]},
    ]
    answered = texts(await ask(client, question, messages=messages, tools=[TIME_TOOL]))
    assert "It is" not in answered
    assert "`get_time` gave no result, so I cannot answer from it:" in answered
    assert "> The user declined this tool call." in answered
