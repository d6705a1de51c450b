"""What a test tells the fake server to answer: typed replies, API errors, raw responses and stream faults.

A `Reply` is the intended assistant message (its blocks, stop reason and usage) plus how to deliver it
(`Pace`) and what to break on the way (`faults`). The server renders the same Reply as an Anthropic SSE
stream, an Anthropic JSON message, or an OpenAI chat completion, so one script serves every endpoint.
"""

from __future__ import annotations

import json
import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from core.model.messages import AssistantMessage, ContentBlock, Usage

CHARS_PER_TOKEN = 4
"""How the server estimates tokens from characters, in and out."""


def new_id(prefix: str) -> str:
    """An id shaped like the API's (`msg_…`, `toolu_…`, `req_…`): a prefix and 24 base62-ish characters."""
    return prefix + secrets.token_urlsafe(18).replace("-", "x").replace("_", "y")


# --- how a reply is delivered -------------------------------------------------------------------------


@dataclass(frozen=True)
class Pace:
    """How a reply is cut into deltas and how fast they go.

    `chunk_chars` characters of text, thinking or tool-input JSON per delta; `delta_interval` seconds
    slept before each delta; `ping_every` adds a `ping` event after every that many deltas (0: only the
    single early ping the real API sends after the first content_block_start).
    """

    chunk_chars: int = 8
    delta_interval: float = 0.0
    ping_every: int = 0

    def split(self, text: str) -> list[str]:
        """The text in delta-sized pieces, cut wherever the count falls (inside words, keys, strings)."""
        size = max(1, self.chunk_chars)
        return [text[start : start + size] for start in range(0, len(text), size)]


# --- content blocks of a reply ------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A text block. Each citation goes out as a `citations_delta` before the text deltas."""

    text: str
    citations: tuple[dict[str, Any], ...] = ()

    def final(self) -> ContentBlock:
        if self.citations:
            return {"type": "text", "text": self.text, "citations": list(self.citations)}
        return {"type": "text", "text": self.text}


@dataclass(frozen=True)
class Thinking:
    """A thinking block. An empty `thinking` is the `display: "omitted"` shape: only the signature arrives."""

    thinking: str
    signature: str

    def final(self) -> ContentBlock:
        return {"type": "thinking", "thinking": self.thinking, "signature": self.signature}


@dataclass(frozen=True)
class RedactedThinking:
    """An encrypted thinking block; it arrives whole in content_block_start."""

    data: str

    def final(self) -> ContentBlock:
        return {"type": "redacted_thinking", "data": self.data}


@dataclass(frozen=True)
class ToolUse:
    """A client tool call. Its input streams as `input_json_delta` fragments, the first one empty."""

    name: str
    input: dict[str, Any]
    id: str = field(default_factory=lambda: new_id("toolu_"))

    def final(self) -> ContentBlock:
        return {"type": "tool_use", "id": self.id, "name": self.name, "input": self.input}


@dataclass(frozen=True)
class ServerToolUse:
    """A server tool call (web_search, web_fetch…); its input streams like a client tool's."""

    input: dict[str, Any]
    name: str = "web_search"
    id: str = field(default_factory=lambda: new_id("srvtoolu_"))

    def final(self) -> ContentBlock:
        return {"type": "server_tool_use", "id": self.id, "name": self.name, "input": self.input}


@dataclass(frozen=True)
class WebSearchResult:
    """The result of a web search, complete in content_block_start: a list of `web_search_result`
    objects, or a `web_search_tool_result_error` object. `tool_use_id` is the ServerToolUse's id."""

    tool_use_id: str
    content: list[dict[str, Any]] | dict[str, Any]

    def final(self) -> ContentBlock:
        return {"type": "web_search_tool_result", "tool_use_id": self.tool_use_id, "content": self.content}


@dataclass(frozen=True)
class WholeBlock:
    """Any other block that arrives complete in content_block_start, sent verbatim: other server tool
    results, or a block type newer than the client under test."""

    block: dict[str, Any]

    def final(self) -> ContentBlock:
        return dict(self.block)


Block = Text | Thinking | RedactedThinking | ToolUse | ServerToolUse | WebSearchResult | WholeBlock


# --- faults -------------------------------------------------------------------------------------------
# Positions count content deltas (Anthropic `content_block_delta` events, OpenAI chunks that carry
# content): `after_deltas=0` is right after the response headers, before any event; past the last
# delta means just after it.


@dataclass(frozen=True)
class ErrorEvent:
    """An `error` event (after HTTP 200), then the stream ends. On a non-streaming request the reply is
    this error as an HTTP status instead (529 for overloaded_error), as the API does."""

    after_deltas: int = 0
    error_type: str = "overloaded_error"
    message: str = "Overloaded"


@dataclass(frozen=True)
class CutConnection:
    """The server closes the connection after this many body bytes (counted as sent, so after gzip):
    no chunked terminator, no complete body. A body shorter than that is sent whole, then cut."""

    after_bytes: int


@dataclass(frozen=True)
class CutMidEvent:
    """The server closes the connection inside the event that follows the `after_deltas`-th delta: in
    the middle of its bytes, or with `inside_character` just after the first byte of its first multi-byte
    UTF-8 character (the stream needs non-ASCII text there). No chunked terminator follows."""

    after_deltas: int = 0
    inside_character: bool = False


@dataclass(frozen=True)
class Stall:
    """Nothing is sent for `seconds` at this point of the stream (the headers are already out)."""

    seconds: float
    after_deltas: int = 0


@dataclass(frozen=True)
class StallBeforeHeaders:
    """Nothing at all for `seconds`: the request is read, no status line comes back."""

    seconds: float


@dataclass(frozen=True)
class PingsForever:
    """From this point on, only keep-alive pings (OpenAI: `: keep-alive` comments), every `interval`
    seconds, until the client leaves: bytes keep coming, no reply does. At 0: right after `message_start`
    (OpenAI: the role chunk), as a relay whose upstream hangs would send."""

    interval: float = 0.05
    after_deltas: int = 0


@dataclass(frozen=True)
class Trickle:
    """From this point on, the rest of the stream one byte every `interval` seconds: the connection is
    never idle, yet an event takes minutes to complete."""

    interval: float = 0.05
    after_deltas: int = 0


@dataclass(frozen=True)
class MalformedData:
    """A `data:` line holding cut-off JSON."""

    after_deltas: int = 0


@dataclass(frozen=True)
class UnknownEvent:
    """An event type this protocol does not define (yet), with `data: {"type": name}`."""

    after_deltas: int = 0
    name: str = "future_event"


@dataclass(frozen=True)
class NoMessageStop:
    """The stream ends cleanly at the HTTP level but without `message_stop` (OpenAI: without `[DONE]`)."""


@dataclass(frozen=True)
class DuplicateMessageStart:
    """The first event (`message_start`; OpenAI: the role chunk) is sent twice."""


@dataclass(frozen=True)
class Gzip:
    """The body goes out with `content-encoding: gzip` (a stream is flushed event by event)."""


Fault = (
    ErrorEvent
    | CutConnection
    | CutMidEvent
    | Stall
    | StallBeforeHeaders
    | PingsForever
    | Trickle
    | MalformedData
    | UnknownEvent
    | NoMessageStop
    | DuplicateMessageStart
    | Gzip
)
F = TypeVar("F", bound=Fault)


# --- script items -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """One assistant reply, delivered as the endpoint asks (stream or not, Anthropic or OpenAI).

    `stop_reason` None means "tool_use" when the blocks hold a ToolUse, else "end_turn". `usage` None
    means estimated (input from the request, output from the characters generated, ~4 per token).
    `model` None echoes the request's model. `pace` None uses the server's pace. Scripted replies are sent
    as written: `max_tokens` and `stop_sequences` of the request do not cut them (the demo model's do).
    """

    content: tuple[Block, ...] | list[Block]
    stop_reason: str | None = None
    stop_sequence: str | None = None
    stop_details: dict[str, Any] | None = None
    usage: Usage | None = None
    model: str | None = None
    id: str = field(default_factory=lambda: new_id("msg_"))
    pace: Pace | None = None
    faults: tuple[Fault, ...] | list[Fault] = ()

    def message(self, *, request_model: str, input_tokens: int) -> AssistantMessage:
        """The message this reply means, as a client that read it correctly would hold it."""
        return AssistantMessage(
            id=self.id,
            model=self.model or request_model,
            content=[block.final() for block in self.content],
            stop_reason=self.stop_reason or self._default_stop_reason(),
            stop_sequence=self.stop_sequence,
            stop_details=self.stop_details,
            usage=self.usage
            or Usage(input_tokens=input_tokens, output_tokens=self._estimated_output_tokens()),
        )

    def _estimated_output_tokens(self) -> int:
        generated = sum(generated_chars(block) for block in self.content)
        return max(1, math.ceil(generated / CHARS_PER_TOKEN))

    def fault(self, kind: type[F]) -> F | None:
        """The reply's fault of this kind, if it has one."""
        return next((fault for fault in self.faults if isinstance(fault, kind)), None)

    def _default_stop_reason(self) -> str:
        return "tool_use" if any(isinstance(block, ToolUse) for block in self.content) else "end_turn"


def generated_chars(block: Block) -> int:
    """Characters the model generated for the block (what output tokens pay for): text, thinking, tool
    input. Blocks the server tools produce cost nothing here."""
    if isinstance(block, Text):
        return len(block.text)
    if isinstance(block, Thinking):
        return len(block.thinking)
    if isinstance(block, ToolUse | ServerToolUse):
        return len(tool_input_json(block.input))
    return 0


def tool_input_json(tool_input: dict[str, Any]) -> str:
    """Tool input as the API streams it: `{"location": "San Francisco, CA"}`, spaces after separators."""
    return json.dumps(tool_input, ensure_ascii=False)


_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    409: "conflict_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}


@dataclass(frozen=True)
class HttpError:
    """An API error response: the status and a JSON error body in the endpoint's shape (Anthropic's
    `{"type": "error", "error": {...}, "request_id"}` or OpenAI's `{"error": {...}}`).

    `error_type` None is the API's type for the status (429 → rate_limit_error, 529 → overloaded_error…).
    `headers` go out as given: `{"retry-after": "2"}`, `{"x-should-retry": "false"}`.
    """

    status: int
    message: str = "Something went wrong."
    error_type: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)

    @property
    def type(self) -> str:
        fallback = "invalid_request_error" if self.status < 500 else "api_error"
        return self.error_type or _ERROR_TYPES.get(self.status, fallback)

    @classmethod
    def from_event(cls, event: ErrorEvent) -> HttpError:
        """The error a non-streaming request gets where a stream would carry the `error` event."""
        statuses = {error_type: status for status, error_type in _ERROR_TYPES.items()}
        return cls(statuses.get(event.error_type, 500), event.message, event.error_type)


_HTML_PAGE = """<html>
<head><title>{status} {reason}</title></head>
<body>
<center><h1>{status} {reason}</h1></center>
<hr><center>nginx</center>
</body>
</html>
"""


@dataclass(frozen=True)
class RawResponse:
    """Any other response, body sent verbatim: a non-JSON error body, a relay's HTML error page."""

    status: int
    body: str | bytes
    content_type: str = "text/plain; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def html_page(cls, status: int = 502, reason: str = "Bad Gateway") -> RawResponse:
        """The HTML error page a relay's nginx sends when the upstream fails."""
        page = _HTML_PAGE.format(status=status, reason=reason)
        return cls(status=status, body=page, content_type="text/html; charset=utf-8")


@dataclass(frozen=True)
class EndlessBody:
    """A response whose body never ends: `piece` written again and again, as fast as the client reads,
    until it leaves. Any status: an endless error body, an endless JSON reply, an endless model list."""

    status: int = 200
    piece: bytes = b'{"padding": "' + b"x" * 8190 + b'",'
    content_type: str = "application/json"


ScriptItem = Reply | HttpError | RawResponse | EndlessBody
