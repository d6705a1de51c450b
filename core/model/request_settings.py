"""What the user sets for a request: every field of the Messages API request, typed.

A field left at None is omitted from the request body. Tool definitions and tool_choice mirror the API's
JSON because users edit them as JSON; they are validated in `core.wire.validation` before sending.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NotRequired, TypedDict

from core.model.messages import CacheControl, TextBlock

ThinkingMode = Literal["enabled", "adaptive", "disabled"]
ThinkingDisplay = Literal["summarized", "omitted"]
Effort = Literal["low", "medium", "high", "xhigh", "max"]
ServiceTier = Literal["auto", "standard_only"]


@dataclass
class ThinkingSettings:
    mode: ThinkingMode
    budget_tokens: int | None = None
    display: ThinkingDisplay | None = None


class ToolChoice(TypedDict):
    type: Literal["auto", "any", "tool", "none"]
    name: NotRequired[str]
    disable_parallel_tool_use: NotRequired[bool]


class CustomTool(TypedDict):
    name: str
    input_schema: dict[str, Any]
    type: NotRequired[Literal["custom"]]
    description: NotRequired[str]
    cache_control: NotRequired[CacheControl]
    strict: NotRequired[bool]
    input_examples: NotRequired[list[dict[str, Any]]]
    defer_loading: NotRequired[bool]
    eager_input_streaming: NotRequired[bool | None]
    allowed_callers: NotRequired[list[str]]


class UserLocation(TypedDict):
    type: Literal["approximate"]
    city: NotRequired[str]
    country: NotRequired[str]
    region: NotRequired[str]
    timezone: NotRequired[str]


class WebSearchTool(TypedDict):
    type: str  # web_search_20250305 and later versions
    name: Literal["web_search"]
    allowed_domains: NotRequired[list[str]]
    blocked_domains: NotRequired[list[str]]
    max_uses: NotRequired[int]
    user_location: NotRequired[UserLocation]
    cache_control: NotRequired[CacheControl]


class WebFetchTool(TypedDict):
    type: str  # web_fetch_20250910 and later versions
    name: Literal["web_fetch"]
    allowed_domains: NotRequired[list[str]]
    blocked_domains: NotRequired[list[str]]
    citations: NotRequired[dict[str, bool]]
    max_content_tokens: NotRequired[int]
    max_uses: NotRequired[int]
    cache_control: NotRequired[CacheControl]


# Other versioned server tools (code execution, bash, text editor, tool search) travel as their JSON.
ToolDefinition = CustomTool | WebSearchTool | WebFetchTool | dict[str, Any]


@dataclass
class RequestSettings:
    model: str
    max_tokens: int = 4096
    system: str | list[TextBlock] | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    stop_sequences: list[str] = field(default_factory=list)
    stream: bool = True
    thinking: ThinkingSettings | None = None
    effort: Effort | None = None
    output_schema: dict[str, Any] | None = None
    tools: list[ToolDefinition] = field(default_factory=list)
    tool_choice: ToolChoice | None = None
    cache_control: CacheControl | None = None
    metadata_user_id: str | None = None
    service_tier: ServiceTier | None = None
    inference_geo: str | None = None
    container: str | None = None
    # Merged into the body last, so fields this app does not know yet can still be sent.
    extra_json: dict[str, Any] = field(default_factory=dict)
    mcp_servers: list[str] | None = None
    """The MCP servers whose tools this conversation offers: None for every enabled server, [] for none.
    Never sent as such: their tools join `tools` when the request is made (`core.chat`)."""
