"""ChatGPT's data export, `conversations.json`: a list of conversations, each a `mapping` of nodes
(`{id: {"message", "parent", "children"}}`) and the `current_node` the user last saw.

Only the branch on screen is imported: the path from `current_node` up to the root. System, tool and hidden
messages, tool calls (a `recipient` other than "all"), reasoning and image pointers (their bytes are not in
`conversations.json`) are left out with a note; text parts are kept as text blocks.
"""

from __future__ import annotations

from typing import Any

from core.model.messages import ContentBlock
from core.model.request_settings import RequestSettings
from core.transcripts.archive import ArchivedConversation, ArchivedMessage
from core.transcripts.importers.base import (
    ImportFormatError,
    ParsedImport,
    SkippedItem,
    SkipReason,
    items,
    need_dict,
    need_list,
    number_or_zero,
)

_TEXT_TYPES = frozenset({"text", "multimodal_text", "code"})


def is_chatgpt_export(data: Any) -> bool:
    return isinstance(data, list) and any(isinstance(item, dict) and "mapping" in item for item in data)


def parse_chatgpt(data: Any, settings: RequestSettings) -> ParsedImport:
    parsed = ParsedImport("chatgpt")
    for index, item in enumerate(need_list(data, "The file")):
        where = f"conversations[{index}]"
        conversation = need_dict(item, where)
        name = conversation.get("title")
        title = name if isinstance(name, str) and name.strip() else f"ChatGPT conversation {index + 1}"
        messages: list[ArchivedMessage] = []
        for number, node in enumerate(_current_path(conversation, where)):
            message = _message(node, title, number + 1, parsed)
            if message is not None:
                message.id, message.parent = len(messages) + 1, len(messages) or None
                messages.append(message)
        created = number_or_zero(conversation.get("create_time"))
        parsed.conversations.append(
            ArchivedConversation(
                title=title,
                settings=settings,
                created_at=created,
                updated_at=number_or_zero(conversation.get("update_time")) or created,
                current_leaf=len(messages) or None,
                messages=messages,
            )
        )
    return parsed


def _current_path(conversation: dict[str, Any], where: str) -> list[dict[str, Any]]:
    """The nodes from the root down to `current_node`."""
    mapping = need_dict(conversation.get("mapping"), f"{where}.mapping")
    node_id = conversation.get("current_node")
    if not isinstance(node_id, str) or node_id not in mapping:
        raise ImportFormatError(f"{where}.current_node does not name a node of its mapping.")
    path: list[dict[str, Any]] = []
    seen: set[str] = set()
    while node_id is not None:
        if node_id in seen:
            raise ImportFormatError(f"{where}.mapping has a loop of parents at node {node_id!r}.")
        seen.add(node_id)
        node = need_dict(mapping.get(node_id), f"{where}.mapping[{node_id!r}]")
        path.append(node)
        parent = node.get("parent")
        if parent is not None and (not isinstance(parent, str) or parent not in mapping):
            raise ImportFormatError(
                f"{where}.mapping[{node_id!r}].parent does not name a node of the mapping."
            )
        node_id = parent
    path.reverse()
    return path


def _message(node: dict[str, Any], title: str, number: int, parsed: ParsedImport) -> ArchivedMessage | None:
    message = node.get("message")
    if not isinstance(message, dict):
        return None  # the empty root node every conversation starts with
    author = message.get("author")
    role = author.get("role") if isinstance(author, dict) else None
    raw_metadata = message.get("metadata")
    metadata: dict[str, Any] = raw_metadata if isinstance(raw_metadata, dict) else {}
    if role not in ("user", "assistant"):
        other = role if isinstance(role, str) else ""
        parsed.skipped.append(SkippedItem(SkipReason.OTHER_ROLE, title, number, other))
        return None
    if metadata.get("is_visually_hidden_from_conversation"):
        parsed.skipped.append(SkippedItem(SkipReason.HIDDEN_MESSAGE, title, number))
        return None
    if message.get("recipient", "all") != "all":
        parsed.skipped.append(SkippedItem(SkipReason.CHATGPT_TOOL_CALL, title, number))
        return None
    blocks = _blocks(message.get("content"), title, number, parsed)
    if not blocks:
        return None
    model = metadata.get("model_slug")
    return ArchivedMessage(
        id=0,
        parent=None,
        role=role,
        content=blocks,
        created_at=number_or_zero(message.get("create_time")),
        model=model if isinstance(model, str) and role == "assistant" else None,
    )


def _blocks(content: Any, title: str, number: int, parsed: ParsedImport) -> list[ContentBlock]:
    kind = content.get("content_type") if isinstance(content, dict) else None
    if kind not in _TEXT_TYPES:
        detail = kind if isinstance(kind, str) else ""
        parsed.skipped.append(SkippedItem(SkipReason.UNSUPPORTED_CONTENT, title, number, detail))
        return []
    assert isinstance(content, dict)
    if kind == "code":
        text = content.get("text")
        return [{"type": "text", "text": f"```\n{text}\n```"}] if isinstance(text, str) and text else []
    blocks: list[ContentBlock] = []
    for part in items(content.get("parts")):
        if isinstance(part, str):
            if part.strip():
                blocks.append({"type": "text", "text": part})
        else:
            pointer = part.get("content_type") if isinstance(part, dict) else None
            pointer = pointer if isinstance(pointer, str) else ""
            parsed.skipped.append(SkippedItem(SkipReason.ATTACHMENT_NOT_IN_FILE, title, number, pointer))
    return blocks
