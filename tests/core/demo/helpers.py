"""Reading the fake server's answers in tests: request bodies, SSE events, OpenAI chunks."""

from __future__ import annotations

import json
from typing import Any

API_KEY = "sk-test"
HEADERS = {"x-api-key": API_KEY, "anthropic-version": "2023-06-01"}
MODEL = "claude-sonnet-4-5-20250929"


def messages_body(text: str = "Hello there", **fields: Any) -> dict[str, Any]:
    return {"model": MODEL, "max_tokens": 1024, "messages": [{"role": "user", "content": text}], **fields}


def chat_body(text: str = "Hello there", **fields: Any) -> dict[str, Any]:
    return {"model": MODEL, "messages": [{"role": "user", "content": text}], **fields}


def sse_frames(text: str) -> list[tuple[str | None, str]]:
    """(event name, data) of each event; written here rather than taken from core.wire.sse, so the server
    is checked by something other than the client code it tests."""
    frames = []
    for chunk in text.split("\n\n"):
        if not chunk.strip():
            continue
        name = None
        data = []
        for line in chunk.split("\n"):
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: "):
                data.append(line[len("data: ") :])
        frames.append((name, "\n".join(data)))
    return frames


def sse_events(text: str) -> list[dict[str, Any]]:
    """The parsed data of every Anthropic event, checking each event name equals its data's type."""
    events = []
    for name, data in sse_frames(text):
        event = json.loads(data)
        assert name == event["type"]
        events.append(event)
    return events


def chat_chunks(text: str) -> list[dict[str, Any]]:
    """The parsed OpenAI chunks, checking the stream ends with `[DONE]` and has no event names."""
    frames = sse_frames(text)
    assert frames[-1] == (None, "[DONE]")
    assert all(name is None for name, _ in frames)
    return [json.loads(data) for _, data in frames[:-1]]
