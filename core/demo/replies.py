"""The demo model: what the server answers when no script is queued.

It reads a `Prompt` (the same few facts from either endpoint) and answers in friendly Markdown that quotes
the user, shows off what the transcript renders, thinks first when thinking is on, calls the first tool
when tools are offered and reports a tool's result when it gets one. `max_tokens` and `stop_sequences`
cut it honestly, at ~4 characters per token.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from dataclasses import dataclass
from typing import Any, Literal

from core.demo.script import CHARS_PER_TOKEN, Block, Pace, Reply, Text, Thinking, ToolUse, generated_chars

DEMO_PACE = Pace(chunk_chars=6, delta_interval=0.012)
"""A pleasant reading speed for the offline demo (tests use the server's default of no delay)."""

_DEFAULT_CHAT_MAX_TOKENS = 4096
_QUOTE_LIMIT = 160

ThinkingDisplay = Literal["off", "summarized", "omitted"]


@dataclass(frozen=True)
class Prompt:
    """What the demo model reads from a request, whichever endpoint it came through."""

    last_user_text: str
    tool_result: str | None
    tools: tuple[tuple[str, dict[str, Any]], ...]
    thinking: ThinkingDisplay
    max_tokens: int
    stop_sequences: tuple[str, ...] = ()
    temperature: float | None = None


def estimate_input_tokens(body: dict[str, Any]) -> int:
    """A rough count of what the request feeds the model: its system, messages and tools."""
    fed = [body.get("system"), body.get("messages"), body.get("tools")]
    return max(1, math.ceil(len(json.dumps(fed, ensure_ascii=False)) / CHARS_PER_TOKEN))


# --- reading requests ---------------------------------------------------------------------------------


def prompt_from_messages(body: dict[str, Any]) -> Prompt:
    """The prompt of a validated `/v1/messages` body."""
    user = next(message for message in reversed(body["messages"]) if message["role"] == "user")
    blocks = _blocks(user["content"])
    results = [block for block in blocks if block.get("type") == "tool_result"]
    thinking = body.get("thinking") or {}
    custom_tools = [
        (tool["name"], tool["input_schema"]) for tool in body.get("tools") or [] if "input_schema" in tool
    ]
    choice = body.get("tool_choice") or {}
    return Prompt(
        last_user_text=" ".join(block["text"] for block in blocks if block.get("type") == "text"),
        tool_result=_plain_text(results[-1].get("content", "")) if results else None,
        tools=_offered(custom_tools, none=choice.get("type") == "none", named=choice.get("name")),
        thinking=_thinking_display(thinking.get("type"), thinking.get("display", "summarized")),
        max_tokens=body["max_tokens"],
        stop_sequences=tuple(body.get("stop_sequences") or ()),
        temperature=body.get("temperature"),
    )


def prompt_from_chat(body: dict[str, Any]) -> Prompt:
    """The prompt of a validated `/v1/chat/completions` body (`thinking` is the relays' extra field)."""
    messages = body["messages"]
    user: dict[str, Any] = next((message for message in reversed(messages) if message["role"] == "user"), {})
    last = messages[-1]
    stop = body.get("stop") or ()
    functions = [
        (tool["function"]["name"], tool["function"].get("parameters") or {"type": "object"})
        for tool in body.get("tools") or []
        if tool.get("type", "function") == "function"
    ]
    choice = body.get("tool_choice")
    named = choice.get("function", {}).get("name") if isinstance(choice, dict) else None
    return Prompt(
        last_user_text=_plain_text(user.get("content") or ""),
        tool_result=_plain_text(last.get("content") or "") if last["role"] in ("tool", "function") else None,
        tools=_offered(functions, none=choice == "none", named=named),
        thinking=_thinking_display((body.get("thinking") or {}).get("type"), "summarized"),
        max_tokens=body.get("max_completion_tokens") or body.get("max_tokens") or _DEFAULT_CHAT_MAX_TOKENS,
        stop_sequences=(stop,) if isinstance(stop, str) else tuple(stop),
        temperature=body.get("temperature"),
    )


def _offered(
    tools: list[tuple[str, dict[str, Any]]], *, none: bool, named: str | None
) -> tuple[tuple[str, dict[str, Any]], ...]:
    """The tools the model may call: none for `tool_choice: none`, else the one it names first."""
    if none:
        return ()
    return tuple(sorted(tools, key=lambda tool: tool[0] != named))  # a stable sort: the rest keep their order


def _thinking_display(kind: str | None, display: ThinkingDisplay) -> ThinkingDisplay:
    return display if kind in ("enabled", "adaptive") else "off"


def _blocks(content: str | list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"type": "text", "text": content}] if isinstance(content, str) else content


def _plain_text(content: str | list[dict[str, Any]]) -> str:
    """The text parts of a content string or block list (both APIs mark text parts `type: text`)."""
    if isinstance(content, str):
        return content
    return " ".join(part.get("text", "") for part in content if part.get("type") == "text")


# --- answering ----------------------------------------------------------------------------------------


def demo_reply(prompt: Prompt) -> Reply:
    blocks: list[Block] = []
    if prompt.thinking != "off":
        thought = _thought(prompt)
        blocks.append(Thinking(thought if prompt.thinking == "summarized" else "", _signature(thought)))
    if prompt.tool_result is not None:
        blocks.append(Text(_tool_result_answer(prompt.tool_result)))
    elif prompt.tools:
        name, schema = prompt.tools[0]
        blocks.append(Text(f"I'll use the `{name}` tool for that."))
        blocks.append(ToolUse(name, example_input(schema)))
    else:
        blocks.append(Text(_markdown_answer(prompt.last_user_text, prompt.temperature)))
    return _within_limits(blocks, prompt)


def example_input(schema: dict[str, Any]) -> dict[str, Any]:
    """An input that satisfies the schema's required properties (enums, strings, numbers, nesting)."""
    properties = schema.get("properties") or {}
    return {name: _example_value(name, properties.get(name) or {}) for name in schema.get("required") or ()}


def _example_value(name: str, spec: dict[str, Any]) -> Any:
    if spec.get("enum"):
        return spec["enum"][0]
    kind = spec.get("type")
    if isinstance(kind, list):
        kind = next((option for option in kind if option != "null"), "string")
    if kind in ("integer", "number"):
        value = spec.get("minimum", 1)
        return min(value, spec.get("maximum", value))
    if kind == "boolean":
        return True
    if kind == "array":
        return []
    if kind == "object":
        return example_input(spec)
    return f"demo {name}"


def _within_limits(blocks: list[Block], prompt: Prompt) -> Reply:
    """The reply as far as the model gets: up to a stop sequence in the text or out of `max_tokens`."""
    budget = prompt.max_tokens * CHARS_PER_TOKEN
    kept: list[Block] = []
    for block in blocks:
        if isinstance(block, Text):
            stop = _first_stop(block.text, prompt.stop_sequences)
            if stop is not None and stop[0] <= budget:
                kept.append(Text(block.text[: stop[0]]))
                return Reply(kept, stop_reason="stop_sequence", stop_sequence=stop[1])
        size = generated_chars(block)
        if size > budget:
            if isinstance(block, Text) and budget:
                kept.append(Text(block.text[:budget]))
            elif isinstance(block, Thinking):
                kept.append(Thinking(block.thinking[:budget], block.signature))
            return Reply(kept, stop_reason="max_tokens")
        budget -= size
        kept.append(block)
    return Reply(kept)


def _first_stop(text: str, stops: tuple[str, ...]) -> tuple[int, str] | None:
    found = [(text.find(stop), stop) for stop in stops if stop and stop in text]
    return min(found) if found else None


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _QUOTE_LIMIT else flat[: _QUOTE_LIMIT - 1] + "…"


def _thought(prompt: Prompt) -> str:
    if prompt.tool_result is not None:
        return "The tool has answered. I should pass its result on clearly and briefly."
    if prompt.tools:
        return (
            f"The user wrote “{_quote(prompt.last_user_text)}”. A tool is available, so I will call it first."
        )
    return (
        f"The user wrote “{_quote(prompt.last_user_text)}”. I am the offline demo model, so the most useful "
        "answer shows what the transcript can render: a heading, a list, some code and a table."
    )


def _signature(thought: str) -> str:
    """Opaque like a real signature, and the same for the same thought."""
    return base64.b64encode(
        b"\x12\xa4\x01\n\x02\x18\x02" + hashlib.shake_256(thought.encode()).digest(190)
    ).decode()


def _tool_result_answer(result: str) -> str:
    return (
        f"The tool answered:\n\n> {_quote(result) or '(an empty result)'}\n\n"
        "With a real model, Claude would now use this result to answer your question."
    )


def _markdown_answer(user_text: str, temperature: float | None) -> str:
    said = f"You said: “{_quote(user_text)}”" if user_text.strip() else "You sent a message without text."
    # Echoing the temperature lets the demo's compare columns differ where their settings do.
    sampled = "the default temperature" if temperature is None else f"temperature {temperature:g}"
    return f"""## Hello from the demo model

{said} (Answered at {sampled}.)

This reply comes from Triptych's built-in demo server, so it works offline and costs nothing. \
It shows what a transcript can hold:

- **bold**, *italic* and `inline code`
- lists like this one
- fenced code with syntax highlighting
- tables

```python
def greet(name: str) -> str:
    return f"Hello, {{name}}!"


print(greet("Triptych"))
```

| Feature | Demo server | Real API |
|---|---|---|
| Streaming | yes | yes |
| Thinking | canned | real |
| Cost | free | per token |

Add your own provider under Providers… to talk to Claude."""
