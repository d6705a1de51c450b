"""Wire-shaped data of the Messages API, typed.

Content blocks are TypedDicts because they travel verbatim: thinking signatures, tool ids and block types
this app does not know yet must round-trip unchanged, so a block is kept as the JSON object the API sent.
Everything the app computes on (messages, usage) is a dataclass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, TypedDict, TypeGuard

Role = Literal["user", "assistant"]
StopReason = Literal[
    "end_turn",
    "max_tokens",
    "stop_sequence",
    "tool_use",
    "pause_turn",
    "refusal",
    "model_context_window_exceeded",
]


class CacheControl(TypedDict):
    type: Literal["ephemeral"]
    ttl: NotRequired[Literal["5m", "1h"]]


class TextBlock(TypedDict):
    type: Literal["text"]
    text: str
    citations: NotRequired[list[dict[str, Any]] | None]
    cache_control: NotRequired[CacheControl]


class Base64Source(TypedDict):
    type: Literal["base64"]
    media_type: str
    data: str


class UrlSource(TypedDict):
    type: Literal["url"]
    url: str


class ImageBlock(TypedDict):
    type: Literal["image"]
    source: Base64Source | UrlSource
    cache_control: NotRequired[CacheControl]


class DocumentBlock(TypedDict):
    type: Literal["document"]
    source: Base64Source | UrlSource | dict[str, Any]
    title: NotRequired[str]
    context: NotRequired[str]
    citations: NotRequired[dict[str, bool]]
    cache_control: NotRequired[CacheControl]


class ThinkingBlock(TypedDict):
    type: Literal["thinking"]
    thinking: str
    signature: str


class RedactedThinkingBlock(TypedDict):
    type: Literal["redacted_thinking"]
    data: str


class ToolUseBlock(TypedDict):
    type: Literal["tool_use", "server_tool_use"]
    id: str
    name: str
    input: dict[str, Any]
    caller: NotRequired[dict[str, Any]]


class ToolResultBlock(TypedDict):
    type: Literal["tool_result"]
    tool_use_id: str
    content: NotRequired[str | list[dict[str, Any]]]
    is_error: NotRequired[bool]
    cache_control: NotRequired[CacheControl]


# Any other block (web_search_tool_result, code_execution_tool_result, blocks added after this was written)
# is carried as the API's own JSON object.
ContentBlock = (
    TextBlock
    | ImageBlock
    | DocumentBlock
    | ThinkingBlock
    | RedactedThinkingBlock
    | ToolUseBlock
    | ToolResultBlock
    | dict[str, Any]
)


def is_text_block(block: ContentBlock) -> TypeGuard[TextBlock]:
    """Whether the block is a text block, told by its "type" alone (blocks are kept unchecked)."""
    return block.get("type") == "text"


def is_image_block(block: ContentBlock) -> TypeGuard[ImageBlock]:
    """Whether the block is an image block, told by its "type" alone."""
    return block.get("type") == "image"


@dataclass
class ChatMessage:
    """One turn of the conversation as it is sent to the API."""

    role: Role
    content: list[ContentBlock]

    @classmethod
    def user_text(cls, text: str) -> ChatMessage:
        return cls(role="user", content=[{"type": "text", "text": text}])

    def to_api(self) -> dict[str, Any]:
        return {"role": self.role, "content": [dict(block) for block in self.content]}


@dataclass
class Usage:
    """Token counts of one reply. `output_tokens` includes thinking tokens."""

    input_tokens: int = 0
    output_tokens: int = 0
    cache_creation_input_tokens: int | None = None
    cache_read_input_tokens: int | None = None
    cache_creation: dict[str, int] | None = None
    server_tool_use: dict[str, int] | None = None
    service_tier: str | None = None
    inference_geo: str | None = None
    output_tokens_details: dict[str, int] | None = None
    """The API's breakdown of output_tokens, e.g. {"thinking_tokens": n}; absent unless reported."""

    @property
    def thinking_tokens(self) -> int | None:
        """Thinking tokens, only when the server reports them (they are part of output_tokens either way)."""
        value = (self.output_tokens_details or {}).get("thinking_tokens")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @classmethod
    def from_api(cls, data: dict[str, Any] | None) -> Usage:
        data = data or {}
        return cls(
            input_tokens=data.get("input_tokens") or 0,
            output_tokens=data.get("output_tokens") or 0,
            cache_creation_input_tokens=data.get("cache_creation_input_tokens"),
            cache_read_input_tokens=data.get("cache_read_input_tokens"),
            cache_creation=data.get("cache_creation"),
            server_tool_use=data.get("server_tool_use"),
            service_tier=data.get("service_tier"),
            inference_geo=data.get("inference_geo"),
            output_tokens_details=_dict_or_none(data.get("output_tokens_details")),
        )

    def to_api(self) -> dict[str, Any]:
        out: dict[str, Any] = {"input_tokens": self.input_tokens, "output_tokens": self.output_tokens}
        optional = {
            "cache_creation_input_tokens": self.cache_creation_input_tokens,
            "cache_read_input_tokens": self.cache_read_input_tokens,
            "cache_creation": self.cache_creation,
            "server_tool_use": self.server_tool_use,
            "service_tier": self.service_tier,
            "inference_geo": self.inference_geo,
            "output_tokens_details": self.output_tokens_details,
        }
        out.update({key: value for key, value in optional.items() if value is not None})
        return out


def _dict_or_none(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


@dataclass
class AssistantMessage:
    """A reply in the shape of the API's Message object, complete or partial."""

    id: str
    model: str
    content: list[ContentBlock] = field(default_factory=list)
    stop_reason: str | None = None
    stop_sequence: str | None = None
    stop_details: dict[str, Any] | None = None
    container: dict[str, Any] | None = None
    usage: Usage = field(default_factory=Usage)
    role: Literal["assistant"] = "assistant"

    @classmethod
    def from_api(cls, data: dict[str, Any]) -> AssistantMessage:
        return cls(
            id=data.get("id", ""),
            model=data.get("model", ""),
            content=list(data.get("content") or []),
            stop_reason=data.get("stop_reason"),
            stop_sequence=data.get("stop_sequence"),
            stop_details=data.get("stop_details"),
            container=data.get("container"),
            usage=Usage.from_api(data.get("usage")),
        )

    def to_api(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": "message",
            "role": self.role,
            "model": self.model,
            "content": [dict(block) for block in self.content],
            "stop_reason": self.stop_reason,
            "stop_sequence": self.stop_sequence,
            "usage": self.usage.to_api(),
        }
        if self.stop_details is not None:
            out["stop_details"] = self.stop_details
        if self.container is not None:
            out["container"] = self.container
        return out

    def as_chat_message(self) -> ChatMessage:
        """The reply as the next turn of the conversation: every block kept verbatim."""
        return ChatMessage(role="assistant", content=[dict(block) for block in self.content])

    @property
    def text(self) -> str:
        return "".join(block["text"] for block in self.content if is_text_block(block))


@dataclass(frozen=True)
class ToolResult:
    """What the user (or a tool) answers to one tool call, as a `tool_result` block."""

    tool_use_id: str
    content: str
    is_error: bool = False

    def block(self) -> ContentBlock:
        block: dict[str, Any] = {
            "type": "tool_result",
            "tool_use_id": self.tool_use_id,
            "content": self.content,
        }
        if self.is_error:
            block["is_error"] = True
        return block
