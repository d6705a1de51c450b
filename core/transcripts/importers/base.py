"""What every importer shares: the clear error for a file it cannot read, and the report of what it did.

An importer only parses: it turns a file's JSON into `ArchivedConversation` values and notes what it left out,
or raises `ImportFormatError` naming the place in the file that is wrong. Nothing touches the database until
the whole file has parsed, so a malformed file adds nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, cast

from core.model.messages import ContentBlock
from core.transcripts.archive import ArchivedConversation, ArchivedGrids


class ImportFormatError(ValueError):
    """The file is not in a format Triptych imports, or is damaged; the message says where, in plain words."""


class SkipReason(Enum):
    """Why something in a file was left out; the GUI words each one in the user's language."""

    REPAIRED_CHARACTERS = "repaired-characters"
    """Halves of UTF-16 pairs replaced by U+FFFD; `count` says how many."""
    NO_MESSAGES = "no-messages"
    UNKNOWN_SENDER = "unknown-sender"
    NO_TEXT = "no-text"
    ATTACHMENT_WITHOUT_TEXT = "attachment-without-text"
    """`detail` is the attachment's file name."""
    FILE_NOT_IN_EXPORT = "file-not-in-export"
    """`detail` is the upload's file name, or empty."""
    UNSIGNED_THINKING = "unsigned-thinking"
    CLAUDE_AI_ITEM = "claude-ai-item"
    """`detail` is the item's type (a tool that ran on Claude.ai), or empty."""
    OTHER_ROLE = "other-role"
    """`detail` is the role (system, tool…), or empty."""
    HIDDEN_MESSAGE = "hidden-message"
    CHATGPT_TOOL_CALL = "chatgpt-tool-call"
    UNSUPPORTED_CONTENT = "unsupported-content"
    """`detail` is the content type, or empty."""
    ATTACHMENT_NOT_IN_FILE = "attachment-not-in-file"
    """`detail` is what the file says in its place (e.g. `image_asset_pointer`), or empty."""


@dataclass(frozen=True)
class SkippedItem:
    reason: SkipReason
    conversation: str | None = None
    """The title of the conversation it belonged to; None for the file as a whole."""
    message: int | None = None
    """The message's number in that conversation, from 1."""
    detail: str = ""
    """A name from the file that the reason refers to (see `SkipReason`)."""
    count: int = 0


@dataclass
class ParsedImport:
    """A file read whole, before anything is saved."""

    source_format: str
    """"triptych", "anthropic-request", "claude-ai" or "chatgpt"."""
    conversations: list[ArchivedConversation] = field(default_factory=list)
    skipped: list[SkippedItem] = field(default_factory=list)
    grids: ArchivedGrids = field(default_factory=ArchivedGrids)
    """Test sets and grid runs (Triptych JSON only)."""


@dataclass
class ImportReport:
    source_format: str
    imported: list[str] = field(default_factory=list)
    """Titles of the conversations added (empty for one without a title)."""
    imported_ids: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    """Titles of conversations already in the database (same content hash): not added again."""
    skipped: list[SkippedItem] = field(default_factory=list)
    test_sets: list[str] = field(default_factory=list)
    """Names of the test sets added."""
    duplicate_test_sets: list[str] = field(default_factory=list)
    """Names of test sets already here as they are in the file: not added again."""
    grid_runs: list[str] = field(default_factory=list)
    """Names of the grid runs added (with the test set each ran, unless it was here already)."""
    duplicate_grid_runs: list[str] = field(default_factory=list)
    judge_templates: list[str] = field(default_factory=list)
    """Names of the judge templates added (one the same as a template here is not added again)."""
    votes: int = 0
    """Blind votes added."""
    duplicate_votes: int = 0
    """Votes already here (the same vote, cast at the same time): not added again."""
    judgements: int = 0
    """The judge's rubric scores and pair verdicts added (or replacing the same judgement here)."""


# -- strict readers: each names the path of the value in the file -------------------------------------------


def need_dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportFormatError(f"{where} should be a JSON object, not {json_kind(value)}.")
    return value


def need_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ImportFormatError(f"{where} should be a JSON list, not {json_kind(value)}.")
    return value


def need_str(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ImportFormatError(f"{where}.{key} should be text, not {json_kind(value)}.")
    return value


def opt_str(data: Mapping[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ImportFormatError(f"{where}.{key} should be text, not {json_kind(value)}.")
    return value


def opt_number(data: Mapping[str, Any], key: str, where: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    number = number_or_none(value)
    if number is None:
        raise ImportFormatError(f"{where}.{key} should be a finite number, not {json_kind(value)}.")
    return number


def number_or_none(value: Any) -> float | None:
    """A finite float, or None: SQLite would store NaN as NULL, and a time of infinity means nothing."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def number_or_zero(value: Any) -> float:
    """For lenient formats: a finite number, or 0 (unknown) for anything else."""
    return number_or_none(value) or 0.0


def items(value: Any) -> list[Any]:
    """For lenient formats: a list, or none for anything else."""
    return value if isinstance(value, list) else []


def json_kind(value: Any) -> str:
    """Plain words for a JSON value's type, for error messages."""
    if value is None:
        return "missing or null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN or infinity"
    if isinstance(value, int) and not _fits_a_float(value):
        return "a number too large to hold"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _fits_a_float(value: int) -> bool:
    try:
        float(value)
    except OverflowError:
        return False
    return True


def content_blocks(value: Any, where: str) -> list[ContentBlock]:
    """Content blocks as the Messages API has them: a list of objects, each with a text `type`."""
    blocks = need_list(value, where)
    for index, block in enumerate(blocks):
        need_str(need_dict(block, f"{where}[{index}]"), "type", f"{where}[{index}]")
    return cast(list[ContentBlock], blocks)
