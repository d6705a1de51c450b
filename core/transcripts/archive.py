"""The Triptych JSON format: whole conversations, lossless, versioned, re-importable.

    {"format": "triptych", "version": 1, "exported_at": <seconds>, "conversations": [<conversation>, ...],
     "test_sets": [<test set>, ...], "grid_runs": [<grid run>, ...]}

A conversation holds its title, pin, times, profile *name* (never a key or a header), settings, the whole
message tree (ids local to the file, each message after its parent, `current_leaf` the branch on screen),
each message's content blocks verbatim in the Messages API shape, what each reply measured, its compare
runs and its tags (optional when read: older files have none). `content_hash` identifies a conversation by
its tree of (role, content) alone, so an import can skip a conversation the database already holds whatever
its ids, times or sibling order.

`test_sets` (the latest version of each evaluation grid's test set) and `grid_runs` (each with the test set
as it ran, its variants and every saved cell repeat) are optional: written only when there are some, so an
export without grids reads as before, and older versions of Triptych read the conversations and ignore them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, NotRequired, TypedDict

from core.model.codec import error_to_dict, settings_to_dict, timing_to_dict, usage_to_dict
from core.model.compare_run import ColumnMetrics
from core.model.conversation import MessageStatus, ReplyError, ReplyTiming
from core.model.grid import GridRun, TestSet
from core.model.grid_codec import cell_to_dict, encode_test_set, variant_to_dict
from core.model.messages import ContentBlock, Role, Usage
from core.model.request_settings import RequestSettings
from core.model.tools import ToolRun
from core.model.tools_codec import run_to_dict
from core.transcripts.atomic_file import write_text_atomic

FORMAT_NAME: Final = "triptych"
FORMAT_VERSION = 1


@dataclass
class ArchivedMessage:
    id: int
    """Local to the file: other messages, the current leaf and compare runs refer to it."""
    parent: int | None
    role: Role
    content: list[ContentBlock]
    status: MessageStatus = "complete"
    created_at: float = 0.0
    model: str | None = None
    stop_reason: str | None = None
    stop_sequence: str | None = None
    usage: Usage | None = None
    cost_usd: float | None = None
    timing: ReplyTiming | None = None
    request_id: str | None = None
    error: ReplyError | None = None
    warnings: list[str] = field(default_factory=list)
    sent_settings: RequestSettings | None = None
    """What a reply was made with, read from its recorded request (`core.transcripts.sent_settings`); None
    when not recorded. Shown by the readable exports; the JSON keeps the recorded facts it has."""
    tool_runs: list[ToolRun] = field(default_factory=list)
    """A reply's MCP tool calls and what became of them (their results are the next turn's tool_result
    blocks)."""


@dataclass
class ArchivedReply:
    round: int
    message: int | None
    """None when the user deleted that reply's branch after the run."""
    metrics: ColumnMetrics | None = None


@dataclass
class ArchivedColumn:
    profile_name: str | None
    settings: RequestSettings
    replies: list[ArchivedReply] = field(default_factory=list)


@dataclass
class ArchivedCompareRun:
    base_message: int | None
    prompts: list[str]
    columns: list[ArchivedColumn]
    created_at: float = 0.0
    chosen_column: int | None = None


@dataclass
class ArchivedConversation:
    title: str
    settings: RequestSettings
    profile_name: str | None = None
    pinned: bool = False
    created_at: float = 0.0
    updated_at: float = 0.0
    current_leaf: int | None = None
    messages: list[ArchivedMessage] = field(default_factory=list)
    """Each message after its parent."""
    compare_runs: list[ArchivedCompareRun] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


@dataclass
class ArchivedGrids:
    """Evaluation grids carried by the file beside the conversations."""

    test_sets: list[TestSet] = field(default_factory=list)
    runs: list[GridRun] = field(default_factory=list)
    """Each with the test set as it ran (its version), variants and cells."""


# -- the file's JSON shapes (documentation for readers of the format) ----------------------------------------


class MessageJson(TypedDict):
    id: int
    parent: int | None
    role: Literal["user", "assistant"]
    content: list[dict[str, Any]]
    status: str
    created_at: float
    model: str | None
    stop_reason: str | None
    stop_sequence: str | None
    usage: dict[str, Any] | None
    cost_usd: float | None
    timing: dict[str, float | None] | None
    request_id: str | None
    error: dict[str, Any] | None
    warnings: list[str]
    tool_runs: NotRequired[list[dict[str, Any]]]


class ReplyJson(TypedDict):
    round: int
    message: int | None
    metrics: dict[str, Any] | None


class ColumnJson(TypedDict):
    profile_name: str | None
    settings: dict[str, Any]
    replies: list[ReplyJson]


class CompareRunJson(TypedDict):
    base_message: int | None
    created_at: float
    chosen_column: int | None
    prompts: list[str]
    columns: list[ColumnJson]


class ConversationJson(TypedDict):
    title: str
    pinned: bool
    created_at: float
    updated_at: float
    profile_name: str | None
    settings: dict[str, Any]
    current_leaf: int | None
    messages: list[MessageJson]
    compare_runs: list[CompareRunJson]
    tags: NotRequired[list[str]]
    content_hash: NotRequired[str]


class GridRunJson(TypedDict):
    name: str
    created_at: float
    state: str
    repeats: int
    concurrency: int
    test_set: dict[str, Any]
    """`core.model.grid_codec.encode_test_set`: name, template, system, cases, version, times."""
    variants: list[dict[str, Any]]
    cells: list[dict[str, Any]]
    """`core.model.grid_codec.cell_to_dict`: case, variant, repeat, status, content, metrics, error."""


class ArchiveJson(TypedDict):
    format: Literal["triptych"]
    version: int
    exported_at: float
    conversations: list[ConversationJson]
    test_sets: NotRequired[list[dict[str, Any]]]
    grid_runs: NotRequired[list[GridRunJson]]


# -- content hash --------------------------------------------------------------------------------------------


def content_hash(conversation: ArchivedConversation) -> str:
    """SHA-256 of the canonical JSON of the message tree: each node's role, content and children's hashes,
    children sorted, so ids, times and the order of siblings do not matter."""
    children: dict[int | None, list[int]] = {}
    for message in conversation.messages:
        children.setdefault(message.parent, []).append(message.id)
    node_hash: dict[int, str] = {}
    # Each message comes after its parent, so the reverse order visits children before parents.
    for message in reversed(conversation.messages):
        below = sorted(node_hash[child] for child in children.get(message.id, []))
        node_hash[message.id] = _sha({"role": message.role, "content": message.content, "children": below})
    return _sha(sorted(node_hash[root] for root in children.get(None, [])))


def _sha(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# -- writing -------------------------------------------------------------------------------------------------


def archive_json(
    conversations: list[ArchivedConversation], exported_at: float, grids: ArchivedGrids | None = None
) -> str:
    """The file's text: indented for people, non-ASCII kept readable."""
    document: ArchiveJson = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": exported_at,
        "conversations": [conversation_to_json(conversation) for conversation in conversations],
    }
    if grids is not None and grids.test_sets:
        document["test_sets"] = [encode_test_set(test_set) for test_set in grids.test_sets]
    if grids is not None and grids.runs:
        document["grid_runs"] = [grid_run_to_json(run) for run in grids.runs]
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def write_archive(
    conversations: list[ArchivedConversation],
    path: Path,
    exported_at: float,
    grids: ArchivedGrids | None = None,
) -> None:
    """Blocking: call it off the UI thread. Whole or not at all: if it fails, an earlier file stays."""
    write_text_atomic(path, archive_json(conversations, exported_at, grids))


def grid_run_to_json(run: GridRun) -> GridRunJson:
    return {
        "name": run.name,
        "created_at": run.created_at,
        "state": run.state.value,
        "repeats": run.repeats,
        "concurrency": run.concurrency,
        "test_set": encode_test_set(run.test_set),
        "variants": [variant_to_dict(variant) for variant in run.variants],
        "cells": [cell_to_dict(cell) for cell in run.cells.values()],
    }


def conversation_to_json(conversation: ArchivedConversation) -> ConversationJson:
    return {
        "title": conversation.title,
        "pinned": conversation.pinned,
        "created_at": conversation.created_at,
        "updated_at": conversation.updated_at,
        "profile_name": conversation.profile_name,
        "settings": settings_to_dict(conversation.settings),
        "current_leaf": conversation.current_leaf,
        "messages": [_message_to_json(message) for message in conversation.messages],
        "compare_runs": [_run_to_json(run) for run in conversation.compare_runs],
        "tags": list(conversation.tags),
        "content_hash": content_hash(conversation),
    }


def _message_to_json(message: ArchivedMessage) -> MessageJson:
    return {
        "id": message.id,
        "parent": message.parent,
        "role": message.role,
        "content": [dict(block) for block in message.content],
        "status": message.status,
        "created_at": message.created_at,
        "model": message.model,
        "stop_reason": message.stop_reason,
        "stop_sequence": message.stop_sequence,
        "usage": None if message.usage is None else usage_to_dict(message.usage),
        "cost_usd": message.cost_usd,
        "timing": None if message.timing is None else timing_to_dict(message.timing),
        "request_id": message.request_id,
        "error": None if message.error is None else error_to_dict(message.error),
        "warnings": list(message.warnings),
        "tool_runs": [run_to_dict(run) for run in message.tool_runs],
    }


def _run_to_json(run: ArchivedCompareRun) -> CompareRunJson:
    return {
        "base_message": run.base_message,
        "created_at": run.created_at,
        "chosen_column": run.chosen_column,
        "prompts": list(run.prompts),
        "columns": [
            {
                "profile_name": column.profile_name,
                "settings": settings_to_dict(column.settings),
                "replies": [
                    {
                        "round": reply.round,
                        "message": reply.message,
                        "metrics": None if reply.metrics is None else reply.metrics.to_dict(),
                    }
                    for reply in column.replies
                ],
            }
            for column in run.columns
        ],
    }
