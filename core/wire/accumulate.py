"""Turn Anthropic stream events into a message, one event at a time.

`accumulate(snapshot, event) -> snapshot` is the reducer (modelled on the SDK's `accumulate_event`); it
updates the snapshot in place and returns it, so a stream of any length costs time linear in its size:
text and tool-input fragments are kept as lists of parts and joined only when the message is read.
`StreamUpdate` is what each event changed, for a view that renders deltas as they come.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from core.model.messages import AssistantMessage, ContentBlock, Usage
from core.wire.errors import MalformedStreamError

UpdateKind = Literal[
    "message_start",
    "block_start",
    "text",
    "thinking",
    "signature",
    "tool_input",
    "citation",
    "block_stop",
    "message_delta",
    "message_stop",
    "ping",
    "error",
    "ignored",
]

_USAGE_FIELDS_REPLACED_WHEN_PRESENT = (
    "input_tokens",
    "cache_creation_input_tokens",
    "cache_read_input_tokens",
    "server_tool_use",
    "output_tokens_details",
)


@dataclass(slots=True)
class StreamUpdate:
    """What one event changed: `text` holds the appended text, thinking or partial JSON, if any;
    `block` the content block as it opened (on block_start: a tool's name, a whole search result).

    Treat it as read-only. Not frozen: one is built per event, and a frozen dataclass costs four times as
    much to build (bench/stream_processing.py)."""

    kind: UpdateKind
    index: int | None = None
    text: str = ""
    block_type: str | None = None
    block: dict[str, Any] | None = None


@dataclass(slots=True)
class _Block:
    start: dict[str, Any]
    type: str
    """`start["type"]`, kept apart: every delta checks it."""
    parts: list[str] = field(default_factory=list)
    json_parts: list[str] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    signature: str | None = None
    parsed_input: Any = None
    stopped: bool = False

    def joined(self) -> str:
        if len(self.parts) > 1:
            self.parts[:] = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""


@dataclass
class MessageSnapshot:
    """The message as far as the stream has told it."""

    start: dict[str, Any]
    blocks: dict[int, _Block] = field(default_factory=dict)
    usage: Usage = field(default_factory=Usage)
    stop_reason: str | None = None
    stop_sequence: str | None = None
    stop_details: dict[str, Any] | None = None
    container: dict[str, Any] | None = None
    stopped: bool = False
    error: dict[str, Any] | None = None
    warnings: list[str] = field(default_factory=list)

    def block_text(self, index: int) -> str:
        """The text (or thinking) of one block so far."""
        return self.blocks[index].joined()

    def to_message(self) -> AssistantMessage:
        """The message in the API's shape; unfinished tool input is given as parsed so far, or `{}`."""
        return AssistantMessage(
            id=str(self.start.get("id", "")),
            model=str(self.start.get("model", "")),
            content=[_materialize(self.blocks[i]) for i in sorted(self.blocks)],
            stop_reason=self.stop_reason,
            stop_sequence=self.stop_sequence,
            stop_details=self.stop_details,
            container=self.container,
            usage=Usage(**vars(self.usage)),
        )


def accumulate(snapshot: MessageSnapshot | None, event: dict[str, Any]) -> MessageSnapshot:
    """Apply one event. Raises MalformedStreamError when the event cannot fit the stream so far."""
    snapshot, _ = apply_event(snapshot, event)
    return snapshot


def apply_event(
    snapshot: MessageSnapshot | None, event: dict[str, Any]
) -> tuple[MessageSnapshot, StreamUpdate]:
    """Like `accumulate`, also telling what changed."""
    kind = event.get("type")
    if snapshot is None:
        if kind == "message_start" and isinstance(event.get("message"), dict):
            return _start(event["message"]), StreamUpdate("message_start")
        if kind == "error":
            snapshot = _start({})
            snapshot.error = event
            return snapshot, StreamUpdate("error")
        raise MalformedStreamError(f'The stream began with "{kind}" instead of "message_start".')
    if kind == "content_block_delta":  # nearly every event: tested first
        return snapshot, _block_delta(snapshot, event)
    if kind == "content_block_start":
        return snapshot, _block_start(snapshot, event)
    if kind == "content_block_stop":
        return snapshot, _block_stop(snapshot, event)
    if kind == "message_delta":
        _message_delta(snapshot, event)
        return snapshot, StreamUpdate("message_delta")
    if kind == "message_stop":
        snapshot.stopped = True
        return snapshot, StreamUpdate("message_stop")
    if kind == "error":
        snapshot.error = event
        return snapshot, StreamUpdate("error")
    if kind == "ping":
        return snapshot, StreamUpdate("ping")
    if kind == "message_start":
        # The SDK ignores a second message_start too; the reply so far stays as it was.
        snapshot.warnings.append("The server sent message_start twice; the second was ignored.")
        return snapshot, StreamUpdate("ignored")
    return snapshot, StreamUpdate("ignored")


def _start(message: dict[str, Any]) -> MessageSnapshot:
    snapshot = MessageSnapshot(start={k: v for k, v in message.items() if k not in ("content", "usage")})
    snapshot.usage = Usage.from_api(_counted(message.get("usage")))
    content = message.get("content") or []
    if not isinstance(content, list) or not all(isinstance(block, dict) for block in content):
        raise MalformedStreamError("message_start has content that is not a list of content blocks.")
    for index, block in enumerate(content):
        snapshot.blocks[index] = _new_block(block)
    return snapshot


def _new_block(block: dict[str, Any]) -> _Block:
    new = _Block(start=dict(block), type=str(block.get("type")))
    if isinstance(block.get("text"), str) and block["text"]:
        new.parts.append(block["text"])
    if isinstance(block.get("thinking"), str) and block["thinking"]:
        new.parts.append(block["thinking"])
    new.citations = list(block.get("citations") or [])
    if isinstance(block.get("signature"), str):
        new.signature = block["signature"]
    return new


def _block_start(snapshot: MessageSnapshot, event: dict[str, Any]) -> StreamUpdate:
    block = event.get("content_block")
    index = event.get("index")
    if not isinstance(block, dict) or not isinstance(index, int):
        raise MalformedStreamError("content_block_start has no content_block or index.")
    if index in snapshot.blocks:
        raise MalformedStreamError(f"content_block_start for block {index}, which had already started.")
    snapshot.blocks[index] = _new_block(block)
    return StreamUpdate("block_start", index, block_type=str(block.get("type")), block=block)


def _block_delta(snapshot: MessageSnapshot, event: dict[str, Any]) -> StreamUpdate:
    index = event.get("index")
    block = snapshot.blocks.get(index) if isinstance(index, int) else None
    if block is None:
        raise MalformedStreamError(f"content_block_delta for block {index}, which never started.")
    raw_delta = event.get("delta")
    delta: dict[str, Any] = raw_delta if isinstance(raw_delta, dict) else {}
    delta_type = delta.get("type")
    if delta_type == "text_delta" and block.type == "text":
        text = delta.get("text", "")
        if type(text) is not str:
            text = str(text)
        block.parts.append(text)
        return StreamUpdate("text", index, text, "text")
    if delta_type == "thinking_delta" and block.type == "thinking":
        text = delta.get("thinking", "")
        if type(text) is not str:
            text = str(text)
        block.parts.append(text)
        return StreamUpdate("thinking", index, text, "thinking")
    if delta_type == "signature_delta" and block.type == "thinking":
        block.signature = str(delta.get("signature", ""))
        return StreamUpdate("signature", index, block_type=block.type)
    if delta_type == "input_json_delta" and "input" in block.start:
        block.json_parts.append(str(delta.get("partial_json", "")))
        return StreamUpdate("tool_input", index, delta.get("partial_json", ""), block.type)
    if delta_type == "citations_delta" and block.type == "text":
        citation = delta.get("citation")
        if not isinstance(citation, dict):
            snapshot.warnings.append("A citations_delta without a citation was ignored.")
            return StreamUpdate("ignored", index)
        block.citations.append(citation)
        return StreamUpdate("citation", index, block_type=block.type)
    snapshot.warnings.append(f"A {delta_type} for a {block.type} block was ignored.")
    return StreamUpdate("ignored", index)


def _block_stop(snapshot: MessageSnapshot, event: dict[str, Any]) -> StreamUpdate:
    index = _index(snapshot, event)
    block = snapshot.blocks[index]
    block.stopped = True
    if block.json_parts:
        raw = "".join(block.json_parts)
        try:
            block.parsed_input = json.loads(raw) if raw.strip() else {}
        except ValueError:
            snapshot.warnings.append(
                f'The input of tool call "{block.start.get("name")}" is not valid JSON: {raw[:200]}'
            )
    return StreamUpdate("block_stop", index, block_type=block.type)


def _index(snapshot: MessageSnapshot, event: dict[str, Any]) -> int:
    index = event.get("index")
    if not isinstance(index, int) or index not in snapshot.blocks:
        raise MalformedStreamError(f"{event.get('type')} for block {index}, which never started.")
    return index


def _message_delta(snapshot: MessageSnapshot, event: dict[str, Any]) -> None:
    raw_delta = event.get("delta")
    delta: dict[str, Any] = raw_delta if isinstance(raw_delta, dict) else {}
    snapshot.stop_reason = delta.get("stop_reason")
    snapshot.stop_sequence = delta.get("stop_sequence")
    if delta.get("stop_details") is not None:
        snapshot.stop_details = delta["stop_details"]
    if delta.get("container") is not None:
        snapshot.container = delta["container"]
    usage = _counted(event.get("usage"))
    # Usage in message_delta is cumulative: it replaces, never adds.
    if usage.get("output_tokens") is not None:
        snapshot.usage.output_tokens = usage["output_tokens"]
    for name in _USAGE_FIELDS_REPLACED_WHEN_PRESENT:
        if usage.get(name) is not None:
            setattr(snapshot.usage, name, usage[name])


def _counted(usage: Any) -> dict[str, Any]:
    """Usage as sent, without token counts that are not whole numbers (prices are computed from them)."""
    if not isinstance(usage, dict):
        return {}
    return {
        name: value
        for name, value in usage.items()
        if not name.endswith("_tokens") or (isinstance(value, int) and not isinstance(value, bool))
    }


def _materialize(block: _Block) -> ContentBlock:
    out = dict(block.start)
    if block.type == "text":
        out["text"] = block.joined()
        if block.citations or "citations" in out:
            out["citations"] = list(block.citations) or out.get("citations")
    elif block.type == "thinking":
        out["thinking"] = block.joined()
        out["signature"] = block.signature or ""
    if block.json_parts:
        out["input"] = block.parsed_input if block.parsed_input is not None else _partial_input(block)
    return out


def _partial_input(block: _Block) -> Any:
    """Input of a tool call that was cut or invalid: what parses, else what the block started with."""
    raw = "".join(block.json_parts)
    try:
        return json.loads(raw) if raw.strip() else {}
    except ValueError:
        return block.start.get("input") or {}
