"""A reply as the Messages API sends it: the SSE event sequence of a stream, or one JSON message.

The events follow the shapes of the documented streams (shared/sse-samples): `message_start` with
`content: []` and usage (output_tokens 1), each block opened, filled by deltas and closed with sequential
indices, one early `ping`, `message_delta` with the stop reason and cumulative usage, `message_stop`.
"""

from __future__ import annotations

from typing import Any

from core.demo.script import (
    Block,
    ErrorEvent,
    Pace,
    RedactedThinking,
    ServerToolUse,
    Text,
    Thinking,
    ToolUse,
    WebSearchResult,
    WholeBlock,
    tool_input_json,
)
from core.demo.wire import Frame, sse_event
from core.model.messages import AssistantMessage

_DELTA_USAGE_KEYS = (
    "input_tokens",
    "cache_creation_input_tokens",
    "cache_read_input_tokens",
    "output_tokens",
    "server_tool_use",
)


class AnthropicDialect:
    """Fault frames of the Anthropic stream."""

    def error_frame(self, fault: ErrorEvent) -> Frame:
        error = {"type": "error", "error": {"type": fault.error_type, "message": fault.message}}
        return Frame(sse_event("error", error))

    def malformed_frame(self) -> Frame:
        return Frame(
            b'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"ty\n\n'
        )

    def ping_frame(self) -> Frame:
        return Frame(sse_event("ping", {"type": "ping"}))


def message_frames(
    blocks: list[Block] | tuple[Block, ...], message: AssistantMessage, pace: Pace
) -> list[Frame]:
    """The whole event sequence of `message`, whose content the `blocks` describe one for one."""
    frames = [_frame(_message_start(message))]
    deltas_sent = 0
    for index, block in enumerate(blocks):
        frames.append(
            _frame({"type": "content_block_start", "index": index, "content_block": _opening(block)})
        )
        if index == 0:
            frames.append(_frame({"type": "ping"}))
        for delta in _deltas(block, pace):
            frames.append(
                _frame({"type": "content_block_delta", "index": index, "delta": delta}, is_delta=True)
            )
            deltas_sent += 1
            if pace.ping_every and deltas_sent % pace.ping_every == 0:
                frames.append(_frame({"type": "ping"}))
        frames.append(_frame({"type": "content_block_stop", "index": index}))
    frames.append(_frame(_message_delta(message)))
    frames.append(_frame({"type": "message_stop"}, is_terminal=True))
    return frames


def _message_start(message: AssistantMessage) -> dict[str, Any]:
    usage = message.usage.to_api()
    usage.pop("server_tool_use", None)
    usage["output_tokens"] = 1
    opening: dict[str, Any] = {
        "id": message.id,
        "type": "message",
        "role": "assistant",
        "content": [],
        "model": message.model,
        "stop_reason": None,
        "stop_sequence": None,
        "usage": usage,
    }
    return {"type": "message_start", "message": opening}


def _message_delta(message: AssistantMessage) -> dict[str, Any]:
    delta: dict[str, Any] = {"stop_reason": message.stop_reason, "stop_sequence": message.stop_sequence}
    if message.stop_details is not None:
        delta["stop_details"] = message.stop_details
    usage = message.usage.to_api()
    cumulative = {key: usage[key] for key in _DELTA_USAGE_KEYS if key in usage}
    return {"type": "message_delta", "delta": delta, "usage": cumulative}


def _frame(data: dict[str, Any], *, is_delta: bool = False, is_terminal: bool = False) -> Frame:
    return Frame(sse_event(data["type"], data), is_delta=is_delta, is_terminal=is_terminal)


def _opening(block: Block) -> dict[str, Any]:
    """The block as content_block_start carries it: empty if it streams, whole if it does not."""
    if isinstance(block, Text):
        return (
            {"type": "text", "text": "", "citations": []} if block.citations else {"type": "text", "text": ""}
        )
    if isinstance(block, Thinking):
        return {"type": "thinking", "thinking": "", "signature": ""}
    if isinstance(block, ToolUse | ServerToolUse):
        return {**block.final(), "input": {}}
    if isinstance(block, RedactedThinking | WebSearchResult | WholeBlock):
        return dict(block.final())
    raise TypeError(f"not a script block: {block!r}")


def _deltas(block: Block, pace: Pace) -> list[dict[str, Any]]:
    if isinstance(block, Text):
        citations = [{"type": "citations_delta", "citation": citation} for citation in block.citations]
        return citations + [{"type": "text_delta", "text": piece} for piece in pace.split(block.text)]
    if isinstance(block, Thinking):
        thinking = [{"type": "thinking_delta", "thinking": piece} for piece in pace.split(block.thinking)]
        return [*thinking, {"type": "signature_delta", "signature": block.signature}]
    if isinstance(block, ToolUse | ServerToolUse):
        # The API opens every tool input with an empty fragment.
        pieces = ["", *pace.split(tool_input_json(block.input))]
        return [{"type": "input_json_delta", "partial_json": piece} for piece in pieces]
    return []
