"""The demo model: what the server answers when no script is queued.

It reads a `Prompt` (the same few facts from either endpoint) and answers in kind (`core.demo.answers`):
in the user's language, thinking first (signed) when thinking is on, calling an offered tool when the
question asks for what the tool does and answering with the tool's result when it comes back, and shaped
by the settings (model, effort, temperature, max_tokens) so a comparison shows different answers.
`max_tokens` and `stop_sequences` cut it honestly, at ~4 characters per token.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from dataclasses import dataclass
from typing import Any, Literal

from core.demo.answers import (
    Settings,
    answer,
    style_for,
    thought,
    tool_call_preface,
    tool_for,
    tool_result_answer,
)
from core.demo.judge import judge_answer
from core.demo.script import CHARS_PER_TOKEN, Block, Pace, Reply, Text, Thinking, ToolUse, generated_chars

DEMO_PACE = Pace(chunk_chars=6, delta_interval=0.012)
"""A pleasant reading speed for the offline demo (tests use the server's default of no delay)."""

_DEFAULT_CHAT_MAX_TOKENS = 4096

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
    model: str = ""
    effort: str | None = None
    thinking_budget: int | None = None
    question: str = ""
    """The user's last words in text: for a turn of tool results, the question that led to the call."""
    called_tool: str | None = None
    """The name of the tool whose result the last turn carries."""
    must_call: bool = False
    """`tool_choice` is `any` or names a tool: the model calls a tool whatever was asked."""
    tool_failed: bool = False
    """The tool result is an error (`is_error`): the call failed or the user declined it."""
    system: str = ""
    """The system prompt's text (a judge's asks for its JSON answer)."""

    def settings(self) -> Settings:
        return Settings(self.model, self.temperature, self.effort, self.max_tokens, self.thinking_budget)


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
    last_text = " ".join(block["text"] for block in blocks if block.get("type") == "text")
    called = _called_tool(body["messages"], results[-1].get("tool_use_id") if results else None)
    return Prompt(
        last_user_text=last_text,
        tool_result=_plain_text(results[-1].get("content", "")) if results else None,
        tool_failed=bool(results and results[-1].get("is_error")),
        tools=_offered(custom_tools, none=choice.get("type") == "none", named=choice.get("name")),
        thinking=_thinking_display(thinking.get("type"), thinking.get("display", "summarized")),
        max_tokens=body["max_tokens"],
        stop_sequences=tuple(body.get("stop_sequences") or ()),
        temperature=body.get("temperature"),
        model=body["model"],
        effort=(body.get("output_config") or {}).get("effort"),
        thinking_budget=thinking.get("budget_tokens"),
        question=last_text or _last_question(body["messages"]),
        called_tool=called,
        must_call=choice.get("type") in ("any", "tool"),
        system=_plain_text(body.get("system") or ""),
    )


def _last_question(messages: list[dict[str, Any]]) -> str:
    """The text of the latest user turn that has text (a tool-result turn has none)."""
    for message in reversed(messages):
        if message["role"] == "user":
            text = _plain_text(message["content"])
            if text.strip():
                return text
    return ""


def _called_tool(messages: list[dict[str, Any]], tool_use_id: str | None) -> str | None:
    if tool_use_id is None:
        return None
    for message in reversed(messages):
        for block in _blocks(message["content"]) if message["role"] == "assistant" else ():
            if block.get("type") == "tool_use" and block.get("id") == tool_use_id:
                return str(block.get("name", ""))
    return None


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
    answered = last["role"] in ("tool", "function")
    thinking = body.get("thinking") or {}
    return Prompt(
        last_user_text=_plain_text(user.get("content") or ""),
        tool_result=_plain_text(last.get("content") or "") if answered else None,
        tools=_offered(functions, none=choice == "none", named=named),
        thinking=_thinking_display(thinking.get("type"), "summarized"),
        max_tokens=body.get("max_completion_tokens") or body.get("max_tokens") or _DEFAULT_CHAT_MAX_TOKENS,
        stop_sequences=(stop,) if isinstance(stop, str) else tuple(stop),
        temperature=body.get("temperature"),
        model=body["model"],
        effort=body.get("reasoning_effort"),
        thinking_budget=thinking.get("budget_tokens"),
        question=_plain_text(user.get("content") or ""),
        called_tool=_called_function(messages, last.get("tool_call_id")) if answered else None,
        must_call=choice == "required" or named is not None,
        system="\n".join(
            _plain_text(message.get("content") or "") for message in messages if message["role"] == "system"
        ),
    )


def _called_function(messages: list[dict[str, Any]], call_id: str | None) -> str | None:
    for message in reversed(messages):
        for call in message.get("tool_calls") or () if message["role"] == "assistant" else ():
            if call.get("id") == call_id or call_id is None:
                return str(call.get("function", {}).get("name", ""))
    return None


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


def demo_reply(prompt: Prompt, pace: Pace | None = None) -> Reply:
    """The demo model's answer to the prompt; with the server's `pace`, streamed at the model's speed."""
    settings = prompt.settings()
    style = style_for(prompt.question, settings)
    judged = judge_answer(prompt.system, prompt.question) if prompt.tool_result is None else None
    if judged is not None:
        return _within_limits([Text(judged)], prompt, None if pace is None else style.pace(pace))
    names = [name for name, _ in prompt.tools]
    tool = None
    if prompt.tool_result is None and names:
        tool = names[0] if prompt.must_call else tool_for(prompt.question, names)
    blocks: list[Block] = []
    if prompt.thinking != "off":
        answered_by = (prompt.called_tool or "tool") if prompt.tool_result is not None else None
        text = thought(
            prompt.question, style, tool=tool, answered_by=answered_by, budget=prompt.thinking_budget
        )
        blocks.append(Thinking(text if prompt.thinking == "summarized" else "", _signature(text)))
    if prompt.tool_result is not None:
        name = prompt.called_tool or "tool"
        blocks.append(
            Text(
                tool_result_answer(
                    prompt.question, name, prompt.tool_result, settings, style, failed=prompt.tool_failed
                )
            )
        )
    elif tool is not None:
        schema = dict(prompt.tools)[tool]
        blocks.append(Text(tool_call_preface(tool, style)))
        blocks.append(ToolUse(tool, example_input(schema)))
    else:
        blocks.append(Text(answer(prompt.question, settings, style)))
    return _within_limits(blocks, prompt, None if pace is None else style.pace(pace))


def example_input(schema: dict[str, Any]) -> dict[str, Any]:
    """An input that satisfies the schema's required properties (enums, strings, numbers, nesting)."""
    properties = schema.get("properties") or {}
    return {name: _example_value(name, properties.get(name) or {}) for name in schema.get("required") or ()}


def _example_value(name: str, spec: dict[str, Any]) -> Any:
    if "default" in spec:
        return spec["default"]
    if spec.get("enum"):
        return spec["enum"][0]
    if isinstance(spec.get("examples"), list) and spec["examples"]:
        return spec["examples"][0]
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
    return _example_text(name, spec)


def _example_text(name: str, spec: dict[str, Any]) -> str:
    """A string a real tool accepts where it can be guessed: a time zone (MCP's time server refuses
    anything but an IANA name), a URL; else a placeholder naming the property."""
    words = set(_name_parts(name))
    if words & {"timezone", "tz", "zone"}:
        return "UTC"
    if words & {"url", "uri", "link"} or spec.get("format") in ("uri", "url"):
        return "https://example.com/"
    return f"demo {name}"


def _name_parts(name: str) -> list[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [part for part in re.split(r"[^a-zA-Z]+", spaced.lower()) if part]


def _within_limits(blocks: list[Block], prompt: Prompt, pace: Pace | None) -> Reply:
    """The reply as far as the model gets: up to a stop sequence in the text or out of `max_tokens`."""
    budget = prompt.max_tokens * CHARS_PER_TOKEN
    kept: list[Block] = []
    for block in blocks:
        if isinstance(block, Text):
            stop = _first_stop(block.text, prompt.stop_sequences)
            if stop is not None and stop[0] <= budget:
                kept.append(Text(block.text[: stop[0]]))
                return Reply(kept, stop_reason="stop_sequence", stop_sequence=stop[1], pace=pace)
        size = generated_chars(block)
        if size > budget:
            if isinstance(block, Text) and budget:
                kept.append(Text(block.text[:budget]))
            elif isinstance(block, Thinking):
                kept.append(Thinking(block.thinking[:budget], block.signature))
            return Reply(kept, stop_reason="max_tokens", pace=pace)
        budget -= size
        kept.append(block)
    return Reply(kept, pace=pace)


def _first_stop(text: str, stops: tuple[str, ...]) -> tuple[int, str] | None:
    found = [(text.find(stop), stop) for stop in stops if stop and stop in text]
    return min(found) if found else None


def _signature(thought: str) -> str:
    """Opaque like a real signature, and the same for the same thought."""
    return base64.b64encode(
        b"\x12\xa4\x01\n\x02\x18\x02" + hashlib.shake_256(thought.encode()).digest(190)
    ).decode()
