"""A conversation as the app keeps it: a tree of messages (edits and regenerations branch), the settings it
is sent with, and for each reply what the API and the network said about it.

These are the values `core.store.repository` saves and loads and the GUI renders; the wire shapes stay in
`core.model.messages`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from core.model.messages import ChatMessage, ContentBlock, Role, Usage
from core.model.request_settings import RequestSettings

MessageStatus = Literal["complete", "streaming", "interrupted", "cancelled", "error"]
"""`streaming` while a reply arrives; `interrupted` when the app stopped (crash, quit) before it ended;
`cancelled` when the user stopped it; `error` when the API or the network failed it."""


@dataclass(frozen=True)
class ReplyError:
    """What went wrong with a reply, kept so the transcript can show it after a restart."""

    kind: str
    """The core.wire.errors class name, e.g. `RateLimitError`, `ApiConnectionError`."""
    message: str
    status: int | None = None
    error_type: str | None = None
    request_id: str | None = None
    retry_after: float | None = None


@dataclass(frozen=True)
class ReplyTiming:
    time_to_first_token: float | None = None
    duration: float | None = None


@dataclass
class StoredMessage:
    id: int
    conversation_id: int
    parent_id: int | None
    role: Role
    content: list[ContentBlock]
    status: MessageStatus = "complete"
    created_at: float = 0.0
    """Seconds since the epoch."""
    model: str | None = None
    stop_reason: str | None = None
    stop_sequence: str | None = None
    usage: Usage | None = None
    cost_usd: float | None = None
    timing: ReplyTiming | None = None
    request_id: str | None = None
    error: ReplyError | None = None
    warnings: list[str] = field(default_factory=list)

    def as_chat_message(self) -> ChatMessage:
        return ChatMessage(role=self.role, content=[dict(block) for block in self.content])


@dataclass(frozen=True)
class ConversationSummary:
    """A row of the conversation list."""

    id: int
    title: str
    pinned: bool
    created_at: float
    updated_at: float


@dataclass
class Conversation:
    id: int
    title: str
    settings: RequestSettings
    profile_name: str | None = None
    pinned: bool = False
    created_at: float = 0.0
    updated_at: float = 0.0
    current_leaf_id: int | None = None
    """The last message of the branch on screen; the request is always the path from the root to it."""
