"""With nothing scripted the server answers as the demo model; `python -m core.demo` serves it."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import httpx
import pytest

from core.demo import DEMO_PACE, FakeServer, ServerThread, demo_server
from core.demo.server import DEMO_KEEP_REQUESTS
from tests.core.demo.helpers import HEADERS, chat_body, messages_body
from tests.paths import REPO

ROOT = REPO
WEATHER_TOOL = {
    "name": "get_weather",
    "description": "Weather at a place",
    "input_schema": {
        "type": "object",
        "properties": {
            "location": {"type": "string"},
            "days": {"type": "integer", "minimum": 2, "maximum": 7},
            "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            "detailed": {"type": "boolean"},
        },
        "required": ["location", "days", "unit"],
    },
}


async def ask(client: httpx.AsyncClient, text: str = "Hello there", **fields: Any) -> dict[str, Any]:
    response = await client.post("/v1/messages", json=messages_body(text, **fields))
    assert response.status_code == 200, response.text
    return response.json()


async def test_asked_for_a_table_and_code_the_reply_is_markdown_with_both(client: httpx.AsyncClient) -> None:
    message = await ask(client, messages=[{"role": "user", "content": "Show me a table and some code"}])

    [block] = message["content"]
    text = block["text"]
    lines = text.splitlines()
    assert any(line.startswith("## ") for line in lines)
    assert "```python\n" in text
    assert any(line.startswith("|---") for line in lines)
    assert message["stop_reason"] == "end_turn"
    assert message["usage"]["output_tokens"] == -(-len(text) // 4)


async def test_the_reply_names_the_temperature_so_compare_columns_differ(client: httpx.AsyncClient) -> None:
    cool = await ask(client, temperature=0.2)
    default = await ask(client)

    assert "· temperature 0.2 ·" in cool["content"][0]["text"]
    assert "· default temperature ·" in default["content"][0]["text"]


async def test_with_thinking_on_it_thinks_first_and_signs(client: httpx.AsyncClient) -> None:
    message = await ask(client, max_tokens=4096, thinking={"type": "enabled", "budget_tokens": 2048})

    thinking, text = message["content"]
    assert thinking["type"] == "thinking"
    assert "Hello there" in thinking["thinking"]
    assert len(thinking["signature"]) > 100
    assert text["type"] == "text"


async def test_omitted_adaptive_thinking_keeps_only_the_signature(client: httpx.AsyncClient) -> None:
    message = await ask(client, thinking={"type": "adaptive", "display": "omitted"})

    assert message["content"][0]["thinking"] == ""
    assert message["content"][0]["signature"]


async def test_offered_tools_it_calls_the_first_with_a_valid_input(client: httpx.AsyncClient) -> None:
    other = {"name": "other", "input_schema": {"type": "object"}}
    search = {"type": "web_search_20250305", "name": "web_search"}

    message = await ask(client, "What's the weather in Paris?", tools=[search, WEATHER_TOOL, other])

    text, call = message["content"]
    assert text["type"] == "text"
    assert call["type"] == "tool_use"
    assert call["id"].startswith("toolu_")
    assert call["name"] == "get_weather"
    assert isinstance(call["input"]["location"], str)
    assert call["input"]["days"] == 2
    assert call["input"]["unit"] == "celsius"
    assert "detailed" not in call["input"]
    assert message["stop_reason"] == "tool_use"


async def test_tool_choice_none_keeps_it_from_calling_and_a_named_tool_is_called(
    client: httpx.AsyncClient,
) -> None:
    other = {"name": "other", "input_schema": {"type": "object"}}

    refrained = await ask(client, tools=[WEATHER_TOOL], tool_choice={"type": "none"})
    named = await ask(
        client, tools=[other, WEATHER_TOOL], tool_choice={"type": "tool", "name": "get_weather"}
    )

    assert [block["type"] for block in refrained["content"]] == ["text"]
    assert named["content"][1]["name"] == "get_weather"


async def test_given_a_tool_result_it_answers_with_it(client: httpx.AsyncClient) -> None:
    messages = [
        {"role": "user", "content": "Weather in Paris?"},
        {
            "role": "assistant",
            "content": [{"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {}}],
        },
        {
            "role": "user",
            "content": [
                {
                    "type": "tool_result",
                    "tool_use_id": "toolu_1",
                    "content": [{"type": "text", "text": "18°C"}],
                }
            ],
        },
    ]

    message = await ask(client, messages=messages, tools=[WEATHER_TOOL])

    [block] = message["content"]
    assert "18°C" in block["text"]
    assert message["stop_reason"] == "end_turn"


async def test_a_stop_sequence_ends_the_reply_before_it(client: httpx.AsyncClient) -> None:
    message = await ask(client, "A table and code, please", stop_sequences=["never there", "```"])

    text = message["content"][0]["text"]
    assert "```" not in text
    assert text.endswith("\n\n")
    assert (message["stop_reason"], message["stop_sequence"]) == ("stop_sequence", "```")


async def test_max_tokens_cuts_the_reply_at_four_characters_a_token(client: httpx.AsyncClient) -> None:
    message = await ask(client, max_tokens=10)

    assert len(message["content"][0]["text"]) == 40
    assert message["stop_reason"] == "max_tokens"
    assert message["usage"]["output_tokens"] == 10


async def test_max_tokens_can_leave_no_room_for_a_tool_call(client: httpx.AsyncClient) -> None:
    message = await ask(client, "Weather in Paris?", max_tokens=12, tools=[WEATHER_TOOL])

    assert [block["type"] for block in message["content"]] == ["text"]
    assert message["stop_reason"] == "max_tokens"


async def test_the_streamed_demo_reply_is_the_same_message(client: httpx.AsyncClient) -> None:
    whole = await ask(client)
    streamed = await client.post("/v1/messages", json=messages_body(stream=True))

    texts = [line for line in streamed.text.splitlines() if '"text_delta"' in line]
    assert "".join(json.loads(line[6:])["delta"]["text"] for line in texts) == whole["content"][0]["text"]


async def test_chat_completions_get_the_demo_model_too(client: httpx.AsyncClient) -> None:
    plain = (await client.post("/v1/chat/completions", json=chat_body("Bonjour"))).json()
    tools = [
        {"type": "function", "function": {"name": "get_weather", "parameters": WEATHER_TOOL["input_schema"]}}
    ]
    called = (await client.post("/v1/chat/completions", json=chat_body("Weather?", tools=tools))).json()
    answered_body = chat_body("Weather?", tools=tools)
    answered_body["messages"] += [
        called["choices"][0]["message"],
        {"role": "tool", "tool_call_id": "x", "content": "Sunny, 25°C"},
    ]
    answered = (await client.post("/v1/chat/completions", json=answered_body)).json()

    assert "Bonjour" in plain["choices"][0]["message"]["content"]
    assert called["choices"][0]["message"]["tool_calls"][0]["function"]["name"] == "get_weather"
    assert called["choices"][0]["finish_reason"] == "tool_calls"
    assert "Sunny, 25°C" in answered["choices"][0]["message"]["content"]


def test_the_app_runs_the_demo_server_on_a_thread_at_a_reading_pace() -> None:
    thread = ServerThread(demo_server("demo-key"))
    base_url = thread.start()
    try:
        response = httpx.get(f"{base_url}/v1/models", headers={**HEADERS, "x-api-key": "demo-key"})
    finally:
        thread.stop()

    assert response.status_code == 200
    assert thread.server.pace == DEMO_PACE
    assert DEMO_PACE.delta_interval > 0


def test_the_apps_demo_server_keeps_only_its_latest_requests() -> None:
    """A long demo session must not grow the app's memory: each record holds a whole conversation."""
    thread = ServerThread(demo_server("demo-key"))
    base_url = thread.start()
    try:
        for n in range(DEMO_KEEP_REQUESTS + 5):
            response = httpx.post(
                f"{base_url}/v1/messages/count_tokens",
                headers={**HEADERS, "x-api-key": "demo-key"},
                json=messages_body(f"question {n}"),
            )
            assert response.status_code == 200
    finally:
        thread.stop()

    kept = thread.server.requests
    assert len(kept) == DEMO_KEEP_REQUESTS
    assert kept[-1].body["messages"][-1]["content"] == f"question {DEMO_KEEP_REQUESTS + 4}"


def test_a_test_server_keeps_every_request() -> None:
    with FakeServer.running_in_thread() as server:
        for _ in range(DEMO_KEEP_REQUESTS + 5):
            httpx.get(f"{server.base_url}/v1/models", headers={**HEADERS, "x-api-key": server.api_key})
    assert len(server.requests) == DEMO_KEEP_REQUESTS + 5


async def test_a_server_thread_that_cannot_listen_raises_in_the_caller(server: FakeServer) -> None:
    taken = ServerThread(FakeServer(port=server.port))

    with pytest.raises(OSError):
        taken.start()


def test_python_m_core_demo_prints_its_url_and_serves() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "core.demo", "--port", "0", "--key", "cli-key"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        response = httpx.post(
            f"{base_url}/v1/messages",
            headers={**HEADERS, "x-api-key": "cli-key"},
            json=messages_body("From the command line"),
            timeout=10,
        )
    finally:
        process.terminate()
        process.wait(timeout=10)

    assert base_url.startswith("http://127.0.0.1:")
    assert "From the command line" in response.json()["content"][0]["text"]
