"""A strict checker of the structure of an Anthropic event stream.

The official SDK silently accepts broken streams (it appends blocks without checking their index, drops
events whose name it does not know), so a relay that breaks the protocol goes unnoticed until a reply comes
out wrong. This checker names every break, at the position of the event where it shows.

Event types the checker does not know are reported as notices, not violations: the API may add types, and
the docs tell clients to ignore them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

# Which block types each delta type may extend.
_DELTA_BLOCKS = {
    "text_delta": frozenset({"text"}),
    "citations_delta": frozenset({"text"}),
    "thinking_delta": frozenset({"thinking"}),
    "signature_delta": frozenset({"thinking"}),
    "input_json_delta": frozenset({"tool_use", "server_tool_use"}),
}
# The payload field of each delta type, and the JSON type it must have.
_DELTA_PAYLOADS: dict[str, tuple[str, type]] = {
    "text_delta": ("text", str),
    "citations_delta": ("citation", dict),
    "thinking_delta": ("thinking", str),
    "signature_delta": ("signature", str),
    "input_json_delta": ("partial_json", str),
}
# Result blocks arrive whole in content_block_start and take no deltas.
_KNOWN_BLOCKS = frozenset(
    {
        "text",
        "thinking",
        "redacted_thinking",
        "tool_use",
        "server_tool_use",
        "web_search_tool_result",
        "web_fetch_tool_result",
        "code_execution_tool_result",
        "bash_code_execution_tool_result",
        "text_editor_code_execution_tool_result",
        "tool_search_tool_result",
        "container_upload",
    }
)


@dataclass(frozen=True)
class StreamViolation:
    """A break of the protocol. `position` is the 0-based event index, or the event count for the end."""

    position: int
    message: str


@dataclass(frozen=True)
class StreamNotice:
    """Something the checker could not judge, such as an event type it does not know."""

    position: int
    message: str


@dataclass
class StreamCheck:
    violations: list[StreamViolation] = field(default_factory=list)
    notices: list[StreamNotice] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.violations


def check_stream(events: Iterable[tuple[str | None, dict[str, Any]]]) -> StreamCheck:
    """Check decoded SSE events, given as (event name, parsed data) pairs in stream order."""
    checker = _Checker()
    count = 0
    for count, (name, data) in enumerate(events, start=1):
        checker.take(count - 1, name, data)
    checker.end(count)
    return checker.result


@dataclass
class _Block:
    type: str
    stopped: bool = False
    reported_open: bool = False
    json_parts: list[str] = field(default_factory=list)


class _Checker:
    def __init__(self) -> None:
        self.result = StreamCheck()
        self._position = 0
        self._started = False
        self._stopped = False
        self._errored = False
        self._message_delta_seen = False
        self._blocks: dict[int, _Block] = {}
        self._next_index = 0
        self._reported_once: set[str] = set()
        self._handlers: dict[str, Callable[[dict[str, Any]], None]] = {
            "message_start": self._message_start,
            "content_block_start": self._block_start,
            "content_block_delta": self._block_delta,
            "content_block_stop": self._block_stop,
            "message_delta": self._message_delta,
            "message_stop": self._message_stop,
            "error": self._error,
        }

    def take(self, position: int, name: str | None, data: dict[str, Any]) -> None:
        self._position = position
        kind = data.get("type") if isinstance(data, dict) else None
        if not isinstance(kind, str):
            self._violation("The event data has no type.")
            return
        if name is None:
            self._violation(f'The {kind} event has no "event:" name; the official SDK would drop it.')
        elif name != kind:
            self._violation(f'The event is named "{name}" but its data has type "{kind}".')
        if kind == "ping":
            return
        if self._errored or self._stopped:
            after = "the error event" if self._errored else "message_stop"
            self._violation_once("after end", f"{kind} came after {after}, which ends the stream.")
            return
        handler = self._handlers.get(kind)
        if handler is None:
            self._notice(f'Unknown event type "{kind}"; it was not checked.')
            return
        if not self._started and kind not in ("message_start", "error"):
            self._violation_once("before start", f"{kind} came before message_start.")
        handler(data)

    def end(self, count: int) -> None:
        self._position = count
        if self._errored:
            return
        if not self._started:
            self._violation("The stream has no message_start.")
        elif not self._stopped:
            self._report_open_blocks()
            self._violation("The stream ended without message_stop.")

    def _message_start(self, data: dict[str, Any]) -> None:
        if self._started:
            self._violation("A second message_start.")
            return
        self._started = True
        if not isinstance(data.get("message"), dict):
            self._violation("message_start has no message object.")

    def _block_start(self, data: dict[str, Any]) -> None:
        index = self._content_event_index(data)
        if index is None:
            return
        block = data.get("content_block")
        if not isinstance(block, dict) or not isinstance(block.get("type"), str):
            self._violation(f"content_block_start of block {index} has no content_block with a type.")
            return
        if index in self._blocks:
            self._violation(f"Block {index} started a second time.")
            return
        if index != self._next_index:
            self._violation(f"Block {index} started where block {self._next_index} was due.")
        if block["type"] not in _KNOWN_BLOCKS:
            self._notice(
                f'Block {index} has the unknown type "{block["type"]}"; its deltas were not checked.'
            )
        self._blocks[index] = _Block(block["type"])
        self._next_index = index + 1

    def _block_delta(self, data: dict[str, Any]) -> None:
        block, index = self._started_block(data)
        if block is None:
            return
        delta = data.get("delta")
        delta_type = delta.get("type") if isinstance(delta, dict) else None
        if not isinstance(delta, dict) or not isinstance(delta_type, str):
            self._violation(f"A delta of block {index} has no delta object with a type.")
            return
        if delta_type not in _DELTA_BLOCKS:
            self._notice(f'Unknown delta type "{delta_type}" in block {index}; it was not checked.')
            return
        if block.type in _KNOWN_BLOCKS and block.type not in _DELTA_BLOCKS[delta_type]:
            self._violation(f"A {delta_type} in block {index}, which is a {block.type} block.")
            return
        field_name, field_type = _DELTA_PAYLOADS[delta_type]
        if not isinstance(delta.get(field_name), field_type):
            self._violation(f"The {delta_type} of block {index} has no {field_type.__name__} {field_name}.")
            return
        if delta_type == "input_json_delta":
            block.json_parts.append(delta["partial_json"])

    def _block_stop(self, data: dict[str, Any]) -> None:
        block, index = self._started_block(data)
        if block is None:
            return
        block.stopped = True
        raw = "".join(block.json_parts)
        if not raw.strip():
            return
        try:
            tool_input = json.loads(raw)
        except ValueError:
            self._violation(f"The input JSON of block {index} is not valid JSON: {raw[:200]}")
            return
        if not isinstance(tool_input, dict):
            self._violation(f"The input JSON of block {index} is not a JSON object: {raw[:200]}")

    def _message_delta(self, data: dict[str, Any]) -> None:
        self._report_open_blocks()
        self._message_delta_seen = True
        if not isinstance(data.get("delta"), dict):
            self._violation("message_delta has no delta object.")

    def _message_stop(self, _data: dict[str, Any]) -> None:
        if not self._message_delta_seen:
            self._violation("message_stop came without any message_delta before it.")
        self._report_open_blocks()
        self._stopped = True

    def _error(self, data: dict[str, Any]) -> None:
        self._errored = True
        error = data.get("error")
        if not isinstance(error, dict) or not isinstance(error.get("type"), str):
            self._violation("The error event has no error object with a type.")
        elif not isinstance(error.get("message"), str):
            self._violation("The error event has no message.")

    def _content_event_index(self, data: dict[str, Any]) -> int | None:
        """The block index of a content event, after the checks every content event shares."""
        kind = data["type"]
        if self._message_delta_seen:
            self._violation(f"{kind} came after message_delta.")
        index = data.get("index")
        if not isinstance(index, int) or isinstance(index, bool) or index < 0:
            self._violation(f"{kind} has no valid index: {index!r}.")
            return None
        return index

    def _started_block(self, data: dict[str, Any]) -> tuple[_Block | None, int | None]:
        """The block a delta or stop refers to, if that block is open."""
        index = self._content_event_index(data)
        if index is None:
            return None, None
        kind = data["type"]
        block = self._blocks.get(index)
        if block is None:
            self._violation(f"{kind} for block {index}, which never started.")
            return None, index
        if block.stopped:
            self._violation(f"{kind} for block {index}, which had already stopped.")
            return None, index
        return block, index

    def _report_open_blocks(self) -> None:
        for index, block in sorted(self._blocks.items()):
            if not block.stopped and not block.reported_open:
                block.reported_open = True
                self._violation(f"Block {index} was never stopped.")

    def _violation(self, message: str) -> None:
        self.result.violations.append(StreamViolation(self._position, message))

    def _violation_once(self, rule: str, message: str) -> None:
        """For events outside the message the first is worth a report; the rest would only repeat it."""
        if rule not in self._reported_once:
            self._reported_once.add(rule)
            self._violation(message)

    def _notice(self, message: str) -> None:
        self.result.notices.append(StreamNotice(self._position, message))
