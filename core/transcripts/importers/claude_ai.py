"""Claude.ai's data export, `conversations.json`: a list of conversations, each with its `chat_messages`.

A message has a `sender` ("human" or "assistant"), its `text` and, in newer exports, `content` items (text,
thinking, tool use) and a `parent_message_uuid`, so edits and retries import as branches. `attachments`
carry the text Claude.ai extracted from a file, which becomes a text document block; `files` name uploads
whose bytes are not in the export, so they are noted as skipped. Thinking there has no signature the API
would accept, and its tool calls ran on Claude.ai: both are noted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.model.messages import ContentBlock, Role
from core.model.request_settings import RequestSettings
from core.transcripts.archive import ArchivedConversation, ArchivedMessage
from core.transcripts.importers.base import ParsedImport, SkippedItem, SkipReason, items, need_dict, need_list

_ROLES: dict[str, Role] = {"human": "user", "user": "user", "assistant": "assistant"}


def is_claude_ai_export(data: Any) -> bool:
    return isinstance(data, list) and any(isinstance(item, dict) and "chat_messages" in item for item in data)


def parse_claude_ai(data: Any, settings: RequestSettings) -> ParsedImport:
    parsed = ParsedImport("claude-ai")
    for index, item in enumerate(need_list(data, "The file")):
        where = f"conversations[{index}]"
        conversation = need_dict(item, where)
        name = conversation.get("name")
        title = name if isinstance(name, str) and name.strip() else f"Claude.ai conversation {index + 1}"
        entries = need_list(conversation.get("chat_messages"), f"{where}.chat_messages")
        messages, leaf = _tree(entries, conversation.get("current_leaf_message_uuid"), where, title, parsed)
        created = _time(conversation.get("created_at"))
        parsed.conversations.append(
            ArchivedConversation(
                title=title,
                settings=settings,
                created_at=created,
                updated_at=_time(conversation.get("updated_at")) or created,
                current_leaf=leaf,
                messages=messages,
            )
        )
    return parsed


def _tree(
    entries: list[Any], leaf_uuid: Any, where: str, title: str, parsed: ParsedImport
) -> tuple[list[ArchivedMessage], int | None]:
    """The messages with their parents, and the leaf on screen.

    Newer exports link each message to its parent (`parent_message_uuid`) and keep every edit and retry in
    the flat list: those become branches. Older ones have no links: the list is one branch. A skipped
    message's children hang from its nearest kept ancestor.
    """
    messages: list[ArchivedMessage] = []
    kept: dict[str, int | None] = {}
    """uuid -> local id of the message, or of its nearest kept ancestor."""
    has_children: set[int] = set()
    for number, entry in enumerate(entries):
        data = need_dict(entry, f"{where}.chat_messages[{number}]")
        uuid = data.get("uuid") if isinstance(data.get("uuid"), str) else None
        linked = data.get("parent_message_uuid")
        if "parent_message_uuid" not in data:
            parent = messages[-1].id if messages else None
        else:
            parent = kept.get(linked) if isinstance(linked, str) else None
        message = _message(data, title, number, parsed)
        if message is not None:
            message.id, message.parent = len(messages) + 1, parent
            messages.append(message)
            if parent is not None:
                has_children.add(parent)
        if uuid is not None:
            kept[uuid] = message.id if message is not None else parent
    leaf = kept.get(leaf_uuid) if isinstance(leaf_uuid, str) else None
    if leaf is None:
        # The bulk export names no leaf: the newest message that nothing answers, as Claude.ai shows it.
        leaf = next((m.id for m in reversed(messages) if m.id not in has_children), None)
    return messages, leaf


def _message(data: dict[str, Any], title: str, number: int, parsed: ParsedImport) -> ArchivedMessage | None:
    role = _ROLES.get(data["sender"]) if isinstance(data.get("sender"), str) else None
    if role is None:
        parsed.skipped.append(SkippedItem(SkipReason.UNKNOWN_SENDER, title, number + 1))
        return None
    blocks = _blocks(data, title, number + 1, parsed)
    for attachment in items(data.get("attachments")):
        if not isinstance(attachment, dict):
            continue
        name = str(attachment.get("file_name") or "attachment")
        text = attachment.get("extracted_content")
        if isinstance(text, str) and text:
            source = {"type": "text", "media_type": "text/plain", "data": text}
            blocks.append({"type": "document", "source": source, "title": name})
        else:
            parsed.skipped.append(SkippedItem(SkipReason.ATTACHMENT_WITHOUT_TEXT, title, number + 1, name))
    for upload in items(data.get("files")):
        file_name = upload.get("file_name") if isinstance(upload, dict) else None
        parsed.skipped.append(
            SkippedItem(SkipReason.FILE_NOT_IN_EXPORT, title, number + 1, str(file_name or ""))
        )
    if not blocks:
        parsed.skipped.append(SkippedItem(SkipReason.NO_TEXT, title, number + 1))
        return None
    return ArchivedMessage(
        id=0, parent=None, role=role, content=blocks, created_at=_time(data.get("created_at"))
    )


def _blocks(data: dict[str, Any], title: str, number: int, parsed: ParsedImport) -> list[ContentBlock]:
    content = data.get("content")
    if not isinstance(content, list) or not content:
        text = data.get("text")
        return [{"type": "text", "text": text}] if isinstance(text, str) and text.strip() else []
    blocks: list[ContentBlock] = []
    for item in content:
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "text" and isinstance(item.get("text"), str):
            if item["text"].strip():
                blocks.append({"type": "text", "text": item["text"]})
        elif kind == "thinking":
            parsed.skipped.append(SkippedItem(SkipReason.UNSIGNED_THINKING, title, number))
        else:
            parsed.skipped.append(SkippedItem(SkipReason.CLAUDE_AI_ITEM, title, number, str(kind or "")))
    return blocks


def _time(value: Any) -> float:
    """Seconds since the epoch from the export's ISO 8601 text; 0 (unknown) when absent or unreadable."""
    if not isinstance(value, str):
        return 0.0
    try:
        return datetime.fromisoformat(value).timestamp()
    except (ValueError, OverflowError, OSError):
        return 0.0
