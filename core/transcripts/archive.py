"""The Triptych JSON format: whole conversations, lossless, versioned, re-importable.

    {"format": "triptych", "version": 1, "exported_at": <seconds>, "conversations": [<conversation>, ...],
     "test_sets": [<test set>, ...], "grid_runs": [<grid run>, ...],
     "judge_templates": [...], "votes": [...], "rubric_scores": [...], "pair_judgements": [...]}

A conversation holds its title, pin, times, profile *name* (never a key or a header), settings, the whole
message tree (ids local to the file, each message after its parent, `current_leaf` the branch on screen),
each message's content blocks verbatim in the Messages API shape, what each reply measured, its compare
runs and its tags (optional when read: older files have none). `content_hash` identifies a conversation by
its tree of (role, content) alone, so an import can skip a conversation the database already holds whatever
its ids, times or sibling order.

`test_sets` (the latest version of each evaluation grid's test set) and `grid_runs` (each with the test set
as it ran, its variants and every saved cell repeat) are optional: written only when there are some, so an
export without grids reads as before, and older versions of Triptych read the conversations and ignore them.

Judging is optional the same way: the user's judge templates (each with the `id` it had, which scores name),
blind votes (contestants named by identity, so they count in ratings wherever their run is), the judge's
rubric scores and pair verdicts. Each vote, score and verdict says where its run is in this file (`"run"`:
`{"grid_run": i}` an index into `grid_runs`, or `{"conversation": i, "compare_run": j}` an index into
`conversations` and into that conversation's `compare_runs`; `null` when its run was deleted before the
export), because ids are the database's own and an import gives runs new ones.
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
from core.model.judging import JudgeTemplate, PairJudgement, RubricScore, Vote
from core.model.judging_codec import (
    pair_judgement_to_dict,
    rubric_score_to_dict,
    template_to_dict,
    vote_to_dict,
)
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


@dataclass(frozen=True)
class RunInFile:
    """Where the run a vote or judgement is about sits in the file (see the module's docstring); all None
    when it is not in the file."""

    grid_run: int | None = None
    conversation: int | None = None
    compare_run: int | None = None


@dataclass
class ArchivedJudging:
    """Blind votes, judge templates and the judge's results carried by the file."""

    judge_templates: list[JudgeTemplate] = field(default_factory=list)
    """With the ids they had where they were exported (scores name them by it)."""
    votes: list[tuple[Vote, RunInFile]] = field(default_factory=list)
    rubric_scores: list[tuple[RubricScore, RunInFile]] = field(default_factory=list)
    pair_judgements: list[tuple[PairJudgement, RunInFile]] = field(default_factory=list)


@dataclass
class ArchivedGrids:
    """Evaluation grids carried by the file beside the conversations, and the judging of runs."""

    test_sets: list[TestSet] = field(default_factory=list)
    runs: list[GridRun] = field(default_factory=list)
    """Each with the test set as it ran (its version), variants and cells."""
    judging: ArchivedJudging = field(default_factory=ArchivedJudging)


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
    judge_templates: NotRequired[list[dict[str, Any]]]
    votes: NotRequired[list[dict[str, Any]]]
    rubric_scores: NotRequired[list[dict[str, Any]]]
    pair_judgements: NotRequired[list[dict[str, Any]]]


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
    if grids is not None:
        _add_judging(document, grids.judging)
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _add_judging(document: ArchiveJson, judging: ArchivedJudging) -> None:
    if judging.judge_templates:
        document["judge_templates"] = [
            {"id": template.id, **template_to_dict(template)} for template in judging.judge_templates
        ]
    if judging.votes:
        document["votes"] = [{**vote_to_dict(vote), "run": _run_json(where)} for vote, where in judging.votes]
    if judging.rubric_scores:
        document["rubric_scores"] = [
            {**rubric_score_to_dict(score), "run": _run_json(where)} for score, where in judging.rubric_scores
        ]
    if judging.pair_judgements:
        document["pair_judgements"] = [
            {**pair_judgement_to_dict(judgement), "run": _run_json(where)}
            for judgement, where in judging.pair_judgements
        ]


def _run_json(where: RunInFile) -> dict[str, int] | None:
    if where.grid_run is not None:
        return {"grid_run": where.grid_run}
    if where.conversation is not None and where.compare_run is not None:
        return {"conversation": where.conversation, "compare_run": where.compare_run}
    return None


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
