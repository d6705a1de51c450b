"""A conversation as the app keeps it: a tree of messages (edits and regenerations branch), the settings it
is sent with, and for each reply what the API and the network said about it.

These are the values `core.store.repository` saves and loads and the GUI renders; the wire shapes stay in
`core.model.messages`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from core.model.error_detail import ErrorDetail
from core.model.messages import ChatMessage, ContentBlock, Role, Usage
from core.model.request_settings import RequestSettings
from core.model.tools import ToolRun

MessageStatus = Literal["complete", "streaming", "interrupted", "cancelled", "error"]
"""`streaming` while a reply arrives; `interrupted` when the app stopped (crash, quit) before it ended;
`cancelled` when the user stopped it; `error` when the API or the network failed it."""


class ErrorKind(StrEnum):
    """Which case of `core.wire.errors` failed a reply: what the GUI words a message by.

    The values are the names of the error classes, as saved before this type existed, so older databases
    and exports read unchanged; a value this version does not know reads as OTHER.
    """

    MISSING_KEY = "MissingKeyError"
    INVALID_KEY = "UnsendableKeyError"
    PROXY_SETTING = "ProxySettingError"
    INVALID_SETTING = "UnsendableSettingError"
    UNKNOWN_PROFILE = "UnknownProfileError"
    BAD_REQUEST = "BadRequestError"
    AUTHENTICATION = "AuthenticationError"
    BILLING = "BillingError"
    PERMISSION_DENIED = "PermissionDeniedError"
    NOT_FOUND = "NotFoundError"
    REQUEST_TOO_LARGE = "RequestTooLargeError"
    RATE_LIMIT = "RateLimitError"
    INTERNAL_SERVER = "InternalServerError"
    OVERLOADED = "OverloadedError"
    OTHER_STATUS = "ApiStatusError"
    CONNECTION = "ApiConnectionError"
    TIMEOUT = "ApiTimeoutError"
    PROXY_CONNECTION = "ProxyConnectionError"
    REPLY_NOT_STARTED = "ReplyNotStartedError"
    REPLY_STALLED = "ReplyStalledError"
    RESPONSE_TOO_LARGE = "ResponseTooLargeError"
    REDIRECT_REFUSED = "RedirectRefusedError"
    STREAM_ERROR_EVENT = "StreamErrorEvent"
    MALFORMED_STREAM = "MalformedStreamError"
    BATCH_EXPIRED = "BatchExpiredError"
    """Sent in a Message Batch that reached its 24-hour limit before this request was processed."""
    BATCH_CANCELED = "BatchCanceledError"
    """Sent in a Message Batch that was cancelled (by the user, or on the provider's side) first."""
    BATCH_NO_RESULT = "BatchNoResultError"
    """Sent in a Message Batch whose results file had no line for this request."""
    BATCH_REQUEST_TOO_LARGE = "BatchRequestTooLargeError"
    """A request larger than a whole Message Batch may be: refused before anything was sent."""
    NOT_SAVED = "StoreError"
    """The reply arrived but the database refused it (disk full, I/O error): `core.store.errors`."""
    OTHER = "ApiError"

    @classmethod
    def read(cls, value: object) -> ErrorKind:
        """The kind a saved value names; OTHER for anything else."""
        if not isinstance(value, str):  # every kind is named by a str
            return cls.OTHER
        try:
            return cls(value)
        except ValueError:
            return cls.OTHER


@dataclass(frozen=True)
class ReplyError:
    """What went wrong with a reply, kept so the transcript can show it after a restart."""

    kind: ErrorKind
    message: str
    status: int | None = None
    error_type: str | None = None
    request_id: str | None = None
    retry_after: float | None = None
    detail: ErrorDetail | None = None
    """What failed below HTTP, with its facts, for the GUI to word (`message` says it in English)."""


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
    tool_runs: list[ToolRun] = field(default_factory=list)
    """What became of each MCP tool call of this reply (the results themselves are the next user turn's
    tool_result blocks)."""

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
    tags: tuple[str, ...] = ()


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
