"""An Anthropic Messages API request body (`{"model", "system", "messages", ...}`, e.g. from a script or the
console's "Get code") as a conversation with those settings, so it can be continued in the app."""

from __future__ import annotations

from typing import Any

from core.model.codec import settings_from_dict
from core.model.messages import ContentBlock
from core.transcripts.archive import ArchivedConversation, ArchivedMessage
from core.transcripts.importers.base import (
    ImportFormatError,
    ParsedImport,
    content_blocks,
    json_kind,
    need_dict,
    need_list,
    need_str,
)

# Body fields that are RequestSettings fields of the same name; others are translated or kept as extra JSON.
_SAME_NAME = (
    "model",
    "max_tokens",
    "system",
    "temperature",
    "top_p",
    "top_k",
    "stop_sequences",
    "stream",
    "tools",
    "tool_choice",
    "cache_control",
    "service_tier",
    "inference_geo",
    "container",
)
_TITLE_CHARS = 60


def is_request_body(data: Any) -> bool:
    return isinstance(data, dict) and "messages" in data and "model" in data


def parse_request_body(data: Any, now: float) -> ParsedImport:
    body = need_dict(data, "The request body")
    need_str(body, "model", "The request body")
    settings = settings_from_dict(_settings_dict(body))
    messages: list[ArchivedMessage] = []
    for index, item in enumerate(need_list(body.get("messages"), "messages")):
        where = f"messages[{index}]"
        message = need_dict(item, where)
        role = message.get("role")
        if role not in ("user", "assistant"):
            raise ImportFormatError(f'{where}.role should be "user" or "assistant".')
        messages.append(
            ArchivedMessage(
                id=index + 1,
                parent=index or None,
                role=role,
                content=_content(message.get("content"), f"{where}.content"),
                created_at=now,
            )
        )
    conversation = ArchivedConversation(
        title=_title(messages),
        settings=settings,
        created_at=now,
        updated_at=now,
        current_leaf=len(messages) or None,
        messages=messages,
    )
    return ParsedImport("anthropic-request", [conversation])


def _settings_dict(body: dict[str, Any]) -> dict[str, Any]:
    settings = {key: body[key] for key in _SAME_NAME if key in body}
    extra = {key: value for key, value in body.items() if key not in (*_SAME_NAME, "messages")}
    thinking = extra.pop("thinking", None)
    if isinstance(thinking, dict):
        settings["thinking"] = {
            "mode": thinking.get("type"),
            "budget_tokens": thinking.get("budget_tokens"),
            "display": thinking.get("display"),
        }
    metadata = extra.pop("metadata", None)
    if isinstance(metadata, dict) and isinstance(metadata.get("user_id"), str):
        settings["metadata_user_id"] = metadata["user_id"]
    output = extra.pop("output_config", None)
    if isinstance(output, dict):
        output = dict(output)
        settings["effort"] = output.pop("effort", None)
        form = output.pop("format", None)
        if isinstance(form, dict) and form.get("type") == "json_schema":
            settings["output_schema"] = form.get("schema")
        if output:
            extra["output_config"] = output
    settings["extra_json"] = extra
    return settings


def _content(value: Any, where: str) -> list[ContentBlock]:
    if isinstance(value, str):
        return [{"type": "text", "text": value}]
    if not isinstance(value, list):
        raise ImportFormatError(
            f"{where} should be text or a list of content blocks, not {json_kind(value)}."
        )
    return content_blocks(value, where)


def _title(messages: list[ArchivedMessage]) -> str:
    for message in messages:
        for block in message.content:
            text = block.get("text")
            if (
                message.role == "user"
                and block.get("type") == "text"
                and isinstance(text, str)
                and text.strip()
            ):
                line = " ".join(text.split())
                return line if len(line) <= _TITLE_CHARS else line[: _TITLE_CHARS - 1] + "…"
    return "Imported request"
