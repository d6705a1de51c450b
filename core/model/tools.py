"""MCP tools as the app sees them: the servers the user configured, the tools they offer, each run of a tool
the model asked for, and the user's approval rules.

Plain values only. `core.tools` talks to the servers (through the official `mcp` SDK, kept behind it),
`core.chat` runs the loop (tool_use -> approval -> run -> tool_result -> next request), `core.store` saves the
configuration, the rules and the runs, and the GUI words every enum here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from core.model.messages import ContentBlock
from core.model.request_settings import CustomTool

Transport = Literal["stdio", "http", "sse"]
"""stdio: a subprocess speaking on stdin/stdout; http: Streamable HTTP; sse: the legacy HTTP+SSE transport."""

DEFAULT_CALL_TIMEOUT = 60.0
"""Seconds one tool call may take before it is cancelled and reported to the model as timed out."""

TOOL_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,128}$")
"""What the Messages API accepts as a tool's name; exposed names are made to fit it."""


@dataclass(frozen=True)
class ServerConfig:
    """One MCP server as the user configured it.

    Values of the env variables and headers named in `secret_names` live in the OS keyring, not here: in a
    saved config they are empty strings, filled from the keyring when the server starts.
    """

    name: str
    transport: Transport = "stdio"
    command: str = ""
    args: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)
    secret_names: frozenset[str] = frozenset()
    enabled: bool = True
    trusted: bool = False
    """Whether the server's tool annotations are believed: only then does a read-only tool run unasked."""
    call_timeout: float = DEFAULT_CALL_TIMEOUT


class ServerState(StrEnum):
    DISABLED = "disabled"
    STARTING = "starting"
    READY = "ready"
    FAILED = "failed"
    RESTARTING = "restarting"


class ServerProblem(StrEnum):
    """Why a server is not ready, for the GUI to word."""

    COMMAND_NOT_FOUND = "command_not_found"
    EXITED_AT_START = "exited_at_start"
    CRASHED = "crashed"
    NOT_REACHABLE = "not_reachable"
    UNAUTHORIZED = "unauthorized"
    STREAM_CUT = "stream_cut"
    PROTOCOL_ERROR = "protocol_error"
    START_TIMED_OUT = "start_timed_out"
    SECRET_MISSING = "secret_missing"
    INVALID_CONFIG = "invalid_config"


@dataclass(frozen=True)
class ServerStatus:
    name: str
    state: ServerState
    tool_count: int = 0
    problem: ServerProblem | None = None
    detail: str = ""
    """The underlying error's own text (untranslated), shown under the worded problem."""
    stderr_tail: tuple[str, ...] = ()
    """The last lines the server wrote to stderr (stdio servers)."""


@dataclass(frozen=True)
class ToolAnnotations:
    """The server's hints about a tool (MCP `ToolAnnotations`); None where the server said nothing."""

    title: str | None = None
    read_only: bool | None = None
    destructive: bool | None = None
    idempotent: bool | None = None
    open_world: bool | None = None


@dataclass(frozen=True)
class ToolSpec:
    """A tool one server offers, and the name the model knows it by."""

    server: str
    name: str
    """The tool's name on its server."""
    exposed_name: str
    """The name sent to the model: the server's name for it, or `server__name` when two servers offer the
    same name; always fits `TOOL_NAME`."""
    description: str = ""
    input_schema: Mapping[str, Any] = field(default_factory=dict)
    annotations: ToolAnnotations = ToolAnnotations()
    schema_problem: str | None = None
    """Why the input schema is not valid JSON Schema; such a tool is listed but not offered to the model."""

    def definition(self) -> CustomTool:
        """The tool as the Messages API's `tools` entry."""
        tool: CustomTool = {"name": self.exposed_name, "input_schema": dict(self.input_schema)}
        if self.description:
            tool["description"] = self.description
        return tool


class RunStatus(StrEnum):
    """Where one tool call stands, as its card in the transcript shows it."""

    WAITING = "waiting"
    """Waiting for the user's approval."""
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    DENIED = "denied"
    CANCELLED = "cancelled"


class RunProblem(StrEnum):
    """Why a tool call did not give a normal result; the model receives it as an `is_error` tool_result."""

    TOOL_ERROR = "tool_error"
    """The tool itself answered with is_error."""
    TIMED_OUT = "timed_out"
    SERVER_CRASHED = "server_crashed"
    SERVER_UNAVAILABLE = "server_unavailable"
    NO_SUCH_TOOL = "no_such_tool"
    INVALID_ARGUMENTS = "invalid_arguments"
    MALFORMED_RESULT = "malformed_result"
    DECLINED = "declined"
    """The user (or a Deny rule) declined the call."""
    LIMIT_REACHED = "limit_reached"
    """The turn reached its limit of tool calls."""
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class ToolOutcome:
    """What a tool call gave: the content of its tool_result, and what went wrong if anything did."""

    content: tuple[ContentBlock, ...] = ()
    """Text and image blocks, as the tool_result's content."""
    is_error: bool = False
    structured: Mapping[str, Any] | None = None
    truncated_from: int | None = None
    """The result's size in characters when it was cut to fit; None when whole."""
    problem: RunProblem | None = None
    detail: str = ""


@dataclass(frozen=True)
class ToolProgress:
    progress: float
    total: float | None = None
    message: str | None = None


@dataclass(frozen=True)
class ToolRun:
    """One tool_use of a reply and what became of it: a card in the transcript, saved with the reply."""

    tool_use_id: str
    tool: str
    """The name the model used."""
    server: str | None = None
    """The MCP server that ran it; None when no server offers that name (a hand-written tool)."""
    arguments: Mapping[str, Any] = field(default_factory=dict)
    status: RunStatus = RunStatus.WAITING
    started_at: float | None = None
    """Seconds since the epoch when it started running."""
    duration: float | None = None
    progress: ToolProgress | None = None
    outcome: ToolOutcome | None = None


class Decision(StrEnum):
    ALLOW = "allow"
    DENY = "deny"
    ASK = "ask"


class Scope(StrEnum):
    """How long an answer to an approval prompt holds."""

    ONCE = "once"
    CONVERSATION = "conversation"
    ALWAYS = "always"


@dataclass(frozen=True)
class ApprovalRule:
    """A remembered answer: for one tool of a server (or all of them, `tool` None), in one conversation
    (or everywhere, `conversation_id` None)."""

    server: str
    tool: str | None
    decision: Decision
    conversation_id: int | None = None
    created_at: float = 0.0
