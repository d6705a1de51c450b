"""OpenAI-style replies (chat.completion and chat.completion.chunk) read as Anthropic ones.

A chunk stream is translated into the Anthropic stream events it stands for, so one accumulator and one
view path serve both API styles. The events form a valid Anthropic stream (`core.wire.stream_check` accepts
it):
blocks open one at a time with sequential indices, and the message ends with message_delta, message_stop.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from core.model.messages import AssistantMessage, ContentBlock, Usage

STOP_REASONS = {
    "stop": "end_turn",
    "length": "max_tokens",
    "tool_calls": "tool_use",
    "function_call": "tool_use",
    "content_filter": "refusal",
}

_EMPTY_BLOCKS: dict[str, dict[str, Any]] = {
    "text": {"type": "text", "text": ""},
    "thinking": {"type": "thinking", "thinking": "", "signature": ""},
}
_DELTA_TYPES = {"text": ("text_delta", "text"), "thinking": ("thinking_delta", "thinking")}
_CONTENT_FIELDS = ("content", "reasoning_content", "reasoning", "tool_calls")


def is_done_sentinel(data: str) -> bool:
    """The `data: [DONE]` line that ends an OpenAI stream; it is not JSON."""
    return data.strip() == "[DONE]"


def stop_reason_of(finish_reason: str) -> str:
    """An OpenAI finish_reason as an Anthropic stop_reason; one this app does not know passes through."""
    return STOP_REASONS.get(finish_reason, finish_reason)


def usage_from_openai(usage: dict[str, Any] | None) -> dict[str, Any]:
    """OpenAI usage as Anthropic usage.

    OpenAI's prompt_tokens include the cached ones, while Anthropic's input_tokens exclude cache reads;
    they are taken out so that pricing does not count them twice. Reasoning tokens, where reported, become
    Anthropic's `output_tokens_details.thinking_tokens` (both count inside the output tokens).
    """
    usage = usage or {}
    details = usage.get("prompt_tokens_details")
    cached = details.get("cached_tokens") if isinstance(details, dict) else None
    out = {
        "input_tokens": max(0, (usage.get("prompt_tokens") or 0) - (cached or 0)),
        "output_tokens": usage.get("completion_tokens") or 0,
    }
    if cached is not None:
        out["cache_read_input_tokens"] = cached
    completion = usage.get("completion_tokens_details")
    reasoning = completion.get("reasoning_tokens") if isinstance(completion, dict) else None
    if isinstance(reasoning, int) and not isinstance(reasoning, bool):
        out["output_tokens_details"] = {"thinking_tokens": reasoning}
    return out


def parse_openai_error(data: Any) -> tuple[str, str]:
    """(error type, message) of `{"error": {"message", "type", "code"}}`; relays often leave `type` null."""
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, str) and error:
        return "api_error", error
    if not isinstance(error, dict):
        return "api_error", "The server reported an error without describing it."
    kind = error.get("type") or error.get("code") or "api_error"
    return str(kind), str(error.get("message") or "The server reported an error.")


@dataclass
class _OpenBlock:
    kind: str
    index: int
    call_key: int | None = None
    call_id: str | None = None
    signed: bool = False
    """A thinking block whose signature came: thinking after it is a new block."""


class ChunkTranslator:
    """Feed it chunk dicts in order; call `finish()` at `[DONE]` or when the bytes end.

    The finish_reason closes the last block and sends message_delta at once; the usage chunk that follows
    sends another. `finish()` sends message_stop, but only if a finish_reason came: without one the stream
    was cut, and the message is left unfinished so the reader reports it as incomplete, not as a whole
    reply. Only choice 0 is read (the layer always sends exactly one choice).
    """

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self._started = False
        self._ended = False
        self._next_index = 0
        self._open: _OpenBlock | None = None
        self._calls_seen: set[int] = set()
        self._stop_reason: str | None = None
        self._usage: dict[str, Any] | None = None

    def feed(self, chunk: dict[str, Any]) -> list[dict[str, Any]]:
        if self._ended:
            return []
        if isinstance(chunk.get("error"), (dict, str)):
            self._ended = True
            error_type, message = parse_openai_error(chunk)
            return [{"type": "error", "error": {"type": error_type, "message": message}}]
        events = [] if self._started else [self._message_start(chunk)]
        stopped_before = self._stop_reason is not None
        has_usage = isinstance(chunk.get("usage"), dict)
        if has_usage:
            self._usage = usage_from_openai(chunk["usage"])
        for choice in chunk.get("choices") or []:
            if choice.get("index", 0) == 0:
                events += self._choice(choice)
        if has_usage and stopped_before:
            # With stream_options.include_usage the usage comes in a chunk of its own after the finish_reason.
            events.append(self._message_delta())
        return events

    def finish(self) -> list[dict[str, Any]]:
        finished_by_server = not self._ended and self._stop_reason is not None
        self._ended = True
        if not finished_by_server:
            return []
        if self._usage is None:
            self._warn(
                "The server sent no token usage, so the token counts and the cost of this reply are unknown."
            )
        return [{"type": "message_stop"}]

    def _choice(self, choice: dict[str, Any]) -> list[dict[str, Any]]:
        delta = choice.get("delta") or {}
        if self._stop_reason is not None:
            # An Anthropic stream has no content after message_delta.
            if any(delta.get(name) for name in _CONTENT_FIELDS):
                self._warn("Content that came after the finish_reason was left out.")
            return []
        events = self._delta(delta)
        if choice.get("finish_reason"):
            self._stop_reason = stop_reason_of(choice["finish_reason"])
            # The stop reason goes out at once, so a connection lost before [DONE] does not lose it.
            events += [*self._close_block(), self._message_delta()]
        return events

    def _message_delta(self) -> dict[str, Any]:
        return {
            "type": "message_delta",
            "delta": {"stop_reason": self._stop_reason, "stop_sequence": None},
            # The SDK's accumulator needs a usage object; zeros stand for "not reported (yet)".
            "usage": self._usage or {"output_tokens": 0},
        }

    def _message_start(self, chunk: dict[str, Any]) -> dict[str, Any]:
        self._started = True
        message: dict[str, Any] = {
            "id": chunk.get("id") or "",
            "type": "message",
            "role": "assistant",
            "model": chunk.get("model") or "",
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": 0, "output_tokens": 0},
        }
        return {"type": "message_start", "message": message}

    def _delta(self, delta: dict[str, Any]) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        # Relays name DeepSeek-style reasoning either way; the official layer sends none.
        reasoning = delta.get("reasoning_content") or delta.get("reasoning")
        blocks = _thinking_blocks(delta.get("thinking_blocks"))
        if not (isinstance(reasoning, str) and reasoning):
            # LiteLLM repeats each piece of thinking in `thinking_blocks`; alone, that is where it is.
            reasoning = "".join(
                block.get("thinking") or "" for block in blocks if block["type"] == "thinking"
            )
        if reasoning:
            events += self._append("thinking", reasoning)
        for block in blocks:
            events += self._thinking_block(block)
        if isinstance(delta.get("content"), str) and delta["content"]:
            events += self._append("text", delta["content"])
        for call in delta.get("tool_calls") or []:
            events += self._tool_call(call)
        return events

    def _append(self, kind: str, text: str) -> list[dict[str, Any]]:
        events = []
        if self._open is None or self._open.kind != kind or self._open.signed:
            events += self._close_block()
            events.append(self._open_block(_OpenBlock(kind, self._next_index), dict(_EMPTY_BLOCKS[kind])))
        delta_type, field = _DELTA_TYPES[kind]
        events.append(self._block_delta({"type": delta_type, field: text}))
        return events

    def _thinking_block(self, block: dict[str, Any]) -> list[dict[str, Any]]:
        """A `thinking_blocks` entry: its signature signs the open thinking block (LiteLLM sends it on the
        last thinking chunk, with empty thinking); a redacted block arrives whole."""
        if block["type"] == "redacted_thinking":
            events = self._close_block()
            opening = {"type": "redacted_thinking", "data": block.get("data") or ""}
            events.append(self._open_block(_OpenBlock("redacted_thinking", self._next_index), opening))
            return events + self._close_block()
        signature = block.get("signature")
        if not isinstance(signature, str) or not signature:
            return []
        events = []
        if self._open is None or self._open.kind != "thinking" or self._open.signed:
            # A signature with no thinking before it: the `display: "omitted"` shape.
            events += self._close_block()
            events.append(
                self._open_block(_OpenBlock("thinking", self._next_index), dict(_EMPTY_BLOCKS["thinking"]))
            )
        assert self._open is not None
        self._open.signed = True
        events.append(self._block_delta({"type": "signature_delta", "signature": signature}))
        return events

    def _tool_call(self, call: dict[str, Any]) -> list[dict[str, Any]]:
        key = self._call_key(call)
        function = call.get("function") or {}
        events = []
        if self._open is None or self._open.call_key != key:
            if key in self._calls_seen:
                self._warn(f"Arguments of tool call {key} came after its block closed and were lost.")
                return []
            events += self._close_block()
            call_id = call.get("id") or f"call_{uuid.uuid4().hex}"
            block: dict[str, Any] = {
                "type": "tool_use",
                "id": call_id,
                "name": function.get("name") or "",
                "input": {},
            }
            events.append(self._open_block(_OpenBlock("tool_use", self._next_index, key, call_id), block))
            self._calls_seen.add(key)
        arguments = function.get("arguments")
        if arguments is not None and not isinstance(arguments, str):
            arguments = json.dumps(arguments)
        if arguments:
            events.append(self._block_delta({"type": "input_json_delta", "partial_json": arguments}))
        return events

    def _call_key(self, call: dict[str, Any]) -> int:
        index = call.get("index")
        if isinstance(index, int):
            return index
        # Some servers leave out the index: a fragment without a new id continues the open call.
        open_call = self._open if self._open is not None and self._open.kind == "tool_use" else None
        if open_call is not None and call.get("id") in (None, open_call.call_id):
            assert open_call.call_key is not None
            return open_call.call_key
        return max(self._calls_seen, default=-1) + 1

    def _open_block(self, block: _OpenBlock, content_block: dict[str, Any]) -> dict[str, Any]:
        self._open = block
        self._next_index += 1
        return {"type": "content_block_start", "index": block.index, "content_block": content_block}

    def _block_delta(self, delta: dict[str, Any]) -> dict[str, Any]:
        assert self._open is not None
        return {"type": "content_block_delta", "index": self._open.index, "delta": delta}

    def _warn(self, warning: str) -> None:
        if warning not in self.warnings:
            self.warnings.append(warning)

    def _close_block(self) -> list[dict[str, Any]]:
        if self._open is None:
            return []
        index, self._open = self._open.index, None
        return [{"type": "content_block_stop", "index": index}]


def convert_chat_completion(data: dict[str, Any]) -> AssistantMessage:
    """A non-streaming `chat.completion` as the Anthropic message it stands for."""
    choices = data.get("choices") or [{}]
    choice = choices[0]
    message = choice.get("message") or {}
    content: list[ContentBlock] = []
    reasoning = message.get("reasoning_content") or message.get("reasoning")
    blocks = _thinking_blocks(message.get("thinking_blocks"))
    if blocks:
        # LiteLLM's `message.thinking_blocks` hold each block whole, signature and all.
        content += [_thinking_content(block) for block in blocks]
    elif isinstance(reasoning, str) and reasoning:
        content.append({"type": "thinking", "thinking": reasoning, "signature": ""})
    if isinstance(message.get("content"), str) and message["content"]:
        content.append({"type": "text", "text": message["content"]})
    for call in message.get("tool_calls") or []:
        function = call.get("function") or {}
        content.append(
            {
                "type": "tool_use",
                "id": call.get("id") or f"call_{uuid.uuid4().hex}",
                "name": function.get("name") or "",
                "input": _arguments(function.get("arguments")),
            }
        )
    finish_reason = choice.get("finish_reason")
    return AssistantMessage(
        id=data.get("id") or "",
        model=data.get("model") or "",
        content=content,
        stop_reason=stop_reason_of(finish_reason) if finish_reason else None,
        usage=Usage.from_api(usage_from_openai(data.get("usage"))),
    )


def _thinking_blocks(raw: Any) -> list[dict[str, Any]]:
    """The thinking and redacted thinking entries of a relay's `thinking_blocks`; others are left out."""
    if not isinstance(raw, list):
        return []
    return [
        block
        for block in raw
        if isinstance(block, dict) and block.get("type") in ("thinking", "redacted_thinking")
    ]


def _thinking_content(block: dict[str, Any]) -> ContentBlock:
    if block["type"] == "redacted_thinking":
        return {"type": "redacted_thinking", "data": str(block.get("data") or "")}
    return {
        "type": "thinking",
        "thinking": str(block.get("thinking") or ""),
        "signature": str(block.get("signature") or ""),
    }


def _arguments(raw: Any) -> dict[str, Any]:
    """Tool input must be an object; arguments that are not a JSON object leave it empty."""
    if isinstance(raw, dict):
        return raw
    try:
        parsed = json.loads(raw) if isinstance(raw, str) and raw.strip() else {}
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}
