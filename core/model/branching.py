"""Versions of a turn: what an edit sends, and where a turn stands among its siblings.

An edit of a user turn and a regeneration of a reply are siblings of what they replace (same parent), so
the old continuation stays as a branch. The store walks the tree (`core.store.messages`); the chat session
sends (`core.chat.session`); this module holds the values and rules both share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.model.conversation import StoredMessage
from core.model.messages import ContentBlock


class ReplyInProgressError(Exception):
    """The conversation is receiving a reply: its branches stay as they are until the reply ends."""


@dataclass(frozen=True)
class Versions:
    """Where a message stands among its siblings (itself included), oldest first: `position` of `count`."""

    position: int
    """1-based."""
    count: int
    previous_id: int | None = None
    next_id: int | None = None


def versions_among(sibling_ids: Sequence[int], message_id: int) -> Versions:
    """The message's place in its siblings' ids (oldest first)."""
    index = list(sibling_ids).index(message_id)
    return Versions(
        position=index + 1,
        count=len(sibling_ids),
        previous_id=sibling_ids[index - 1] if index > 0 else None,
        next_id=sibling_ids[index + 1] if index + 1 < len(sibling_ids) else None,
    )


def can_edit(message: StoredMessage) -> bool:
    """A user turn the user wrote; a turn of tool results answers tool calls and is not edited as text."""
    return message.role == "user" and not any(block.get("type") == "tool_result" for block in message.content)


def editable_text(content: Sequence[ContentBlock]) -> str:
    """The text of a turn as the user wrote it (its text blocks, one after another)."""
    return "\n\n".join(str(block.get("text", "")) for block in content if block.get("type") == "text")


def edited_content(original: Sequence[ContentBlock], text: str) -> list[ContentBlock]:
    """The turn with its text replaced: attachments and other blocks stay where they were, the new text
    takes the place of the first text block (or comes last). Empty text leaves only the other blocks."""
    kept: list[ContentBlock] = []
    text_at: int | None = None
    for block in original:
        if block.get("type") == "text":
            text_at = len(kept) if text_at is None else text_at
            continue
        kept.append(dict(block))
    if text.strip():
        kept.insert(len(kept) if text_at is None else text_at, {"type": "text", "text": text})
    return kept
