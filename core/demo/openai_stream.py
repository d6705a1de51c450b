"""A reply as an OpenAI-compatible relay sends it from `/v1/chat/completions`.

Stream: `data:` lines only, each a `chat.completion.chunk`; the first delta carries the role, text goes in
`delta.content`, thinking in `delta.reasoning_content` and `delta.thinking_blocks` as LiteLLM sends it (each
piece in both, then the signature alone in a last `thinking_blocks` entry; a redacted block whole: see
BerriAI/litellm litellm/llms/anthropic/chat/handler.py and docs.litellm.ai/docs/reasoning_content), tool calls
in `delta.tool_calls` with `function.arguments` fragments; a last chunk with the finish reason, a usage chunk
with `choices: []` when `stream_options.include_usage` is set, then `data: [DONE]`. Blocks without an OpenAI
counterpart (server tools and their results) are left out, as relays do. `signatures=False` leaves the
`thinking_blocks` out (a relay that strips them: `core.demo.quirks.SIGNATURES_STRIPPED`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.demo.script import (
    Block,
    ErrorEvent,
    Pace,
    RedactedThinking,
    Text,
    Thinking,
    ToolUse,
    tool_input_json,
)
from core.demo.wire import Frame, sse_data
from core.model.messages import AssistantMessage, Usage

_FINISH_REASONS = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "tool_use": "tool_calls",
    "refusal": "content_filter",
}


def finish_reason(stop_reason: str | None) -> str:
    return _FINISH_REASONS.get(stop_reason or "end_turn", "stop")


def error_body(error_type: str, message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": error_type, "code": None}}


def openai_usage(usage: Usage) -> dict[str, int]:
    prompt = (
        usage.input_tokens + (usage.cache_creation_input_tokens or 0) + (usage.cache_read_input_tokens or 0)
    )
    return {
        "prompt_tokens": prompt,
        "completion_tokens": usage.output_tokens,
        "total_tokens": prompt + usage.output_tokens,
    }


@dataclass(frozen=True)
class Completion:
    """The identity every chunk of one completion repeats."""

    id: str
    created: int
    model: str


class OpenAIDialect:
    """Fault frames of the OpenAI stream."""

    def error_frame(self, fault: ErrorEvent) -> Frame:
        return Frame(sse_data(error_body(fault.error_type, fault.message)))

    def malformed_frame(self) -> Frame:
        return Frame(b'data: {"id":"chatcmpl-broken","object":"chat.completion.chu\n\n')

    def ping_frame(self) -> Frame:
        # OpenAI-style relays keep a stream alive with an SSE comment.
        return Frame(b": keep-alive\n\n")


def chunk_frames(
    blocks: list[Block] | tuple[Block, ...],
    message: AssistantMessage,
    completion: Completion,
    pace: Pace,
    *,
    include_usage: bool,
    signatures: bool = True,
) -> list[Frame]:
    frames = [_chunk(completion, {"role": "assistant", "content": ""})]
    tool_calls = 0
    for block in blocks:
        if isinstance(block, Text):
            frames += [
                _chunk(completion, {"content": piece}, is_delta=True) for piece in pace.split(block.text)
            ]
        elif isinstance(block, Thinking):
            frames += [
                _chunk(completion, _reasoning_delta(piece, signatures), is_delta=True)
                for piece in pace.split(block.thinking)
            ]
            if signatures:
                signed = {"type": "thinking", "thinking": "", "signature": block.signature}
                frames.append(_chunk(completion, {"thinking_blocks": [signed]}, is_delta=True))
        elif isinstance(block, RedactedThinking) and signatures:
            frames.append(_chunk(completion, {"thinking_blocks": [block.final()]}, is_delta=True))
        elif isinstance(block, ToolUse):
            frames += _tool_call_frames(completion, block, tool_calls, pace)
            tool_calls += 1
    frames.append(_chunk(completion, {}, finish=finish_reason(message.stop_reason)))
    if include_usage:
        frames.append(
            Frame(sse_data({**_identity(completion), "choices": [], "usage": openai_usage(message.usage)}))
        )
    frames.append(Frame(b"data: [DONE]\n\n", is_terminal=True))
    return frames


def completion_body(
    blocks: list[Block] | tuple[Block, ...],
    message: AssistantMessage,
    completion: Completion,
    *,
    signatures: bool = True,
) -> dict[str, Any]:
    text = "".join(block.text for block in blocks if isinstance(block, Text))
    thinking = "".join(block.thinking for block in blocks if isinstance(block, Thinking))
    calls = [_tool_call(block) for block in blocks if isinstance(block, ToolUse)]
    reply: dict[str, Any] = {"role": "assistant", "content": text or None}
    if thinking:
        reply["reasoning_content"] = thinking
    thinking_blocks = [block.final() for block in blocks if isinstance(block, Thinking | RedactedThinking)]
    if thinking_blocks and signatures:
        reply["thinking_blocks"] = thinking_blocks
    if calls:
        reply["tool_calls"] = calls
    choice = {
        "index": 0,
        "message": reply,
        "logprobs": None,
        "finish_reason": finish_reason(message.stop_reason),
    }
    return {
        **_identity(completion, "chat.completion"),
        "choices": [choice],
        "usage": openai_usage(message.usage),
    }


def _reasoning_delta(piece: str, signatures: bool) -> dict[str, Any]:
    if not signatures:
        return {"reasoning_content": piece}
    # LiteLLM repeats each piece as a thinking block whose signature is still to come.
    return {
        "reasoning_content": piece,
        "thinking_blocks": [{"type": "thinking", "thinking": piece, "signature": None}],
    }


def _tool_call_frames(completion: Completion, block: ToolUse, index: int, pace: Pace) -> list[Frame]:
    opening = {
        "index": index,
        "id": block.id,
        "type": "function",
        "function": {"name": block.name, "arguments": ""},
    }
    frames = [_chunk(completion, {"tool_calls": [opening]})]
    for piece in pace.split(tool_input_json(block.input)):
        fragment = {"index": index, "function": {"arguments": piece}}
        frames.append(_chunk(completion, {"tool_calls": [fragment]}, is_delta=True))
    return frames


def _tool_call(block: ToolUse) -> dict[str, Any]:
    arguments = tool_input_json(block.input)
    return {"id": block.id, "type": "function", "function": {"name": block.name, "arguments": arguments}}


def _identity(completion: Completion, kind: str = "chat.completion.chunk") -> dict[str, Any]:
    return {"id": completion.id, "object": kind, "created": completion.created, "model": completion.model}


def _chunk(
    completion: Completion, delta: dict[str, Any], *, finish: str | None = None, is_delta: bool = False
) -> Frame:
    choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
    return Frame(sse_data({**_identity(completion), "choices": [choice]}), is_delta=is_delta)
