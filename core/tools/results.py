"""A tool's MCP result as the tool_result the model receives: text and images as content blocks, structured
content kept alongside, anything else described in words, and the whole cut to a size the model can take."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from core.model.messages import ContentBlock
from core.model.tools import RunProblem, ToolOutcome
from core.tools.long_lines import cut_size, unmark

MAX_RESULT_CHARS = 200_000
"""Text a tool_result may carry; a longer result is cut here, with a note saying so (to the model and on the
card). Roughly 50,000 tokens: more is rarely useful to a model and costs every later request of the turn."""
MAX_IMAGE_BASE64 = 5 * 1024 * 1024
"""The Messages API refuses larger images; a larger one is replaced by a note."""
IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


def outcome_from_result(result: Any, limit: int = MAX_RESULT_CHARS) -> ToolOutcome:
    """Convert an `mcp_types.CallToolResult` (duck-typed: this module does not import the SDK)."""
    blocks: list[ContentBlock] = []
    for item in result.content:
        blocks.extend(_convert(item))
    structured: Mapping[str, Any] | None = result.structured_content
    if structured is not None:
        structured = cast("Mapping[str, Any]", unmark(structured))
    if not blocks and structured is not None:
        blocks.append({"type": "text", "text": json.dumps(structured, ensure_ascii=False, indent=2)})
    is_error = bool(result.is_error)
    content, truncated_from = cut_to_limit(blocks, limit)
    return ToolOutcome(
        content=content,
        is_error=is_error,
        structured=structured,
        truncated_from=truncated_from,
        problem=RunProblem.TOOL_ERROR if is_error else None,
        detail=_first_text(content) if is_error else "",
    )


def problem_outcome(problem: RunProblem, detail: str) -> ToolOutcome:
    """An outcome for a call that gave no result: the model reads `detail` as the is_error tool_result."""
    return ToolOutcome(
        content=({"type": "text", "text": detail},), is_error=True, problem=problem, detail=detail
    )


def not_running(server: str) -> ToolOutcome:
    return problem_outcome(RunProblem.SERVER_UNAVAILABLE, f"The MCP server {server!r} is not running.")


def cut_to_limit(blocks: Sequence[ContentBlock], limit: int) -> tuple[tuple[ContentBlock, ...], int | None]:
    """The blocks with their text cut to `limit` characters in all, and the original size when cut."""
    total = 0
    uncut: list[ContentBlock] = []
    was_cut = False
    for block in blocks:
        if block.get("type") != "text":
            uncut.append(block)
            continue
        # Text cut already as it was read (see long_lines) carries its original size.
        text, original = cut_size(str(block.get("text", "")))
        was_cut = was_cut or original is not None
        total += len(text) if original is None else original
        uncut.append({"type": "text", "text": text})
    blocks = uncut
    if total <= limit and not was_cut:
        return tuple(blocks), None
    kept: list[ContentBlock] = []
    room = limit
    for block in blocks:
        if block.get("type") != "text":
            kept.append(block)
            continue
        text = str(block.get("text", ""))
        if room <= 0:
            continue
        kept.append({"type": "text", "text": text[:room]})
        room -= min(len(text), room)
    kept.append({"type": "text", "text": truncation_note(total, limit)})
    return tuple(kept), total


def truncation_note(total: int, limit: int) -> str:
    return f"[The result was cut: it had {total:,} characters; the first {limit:,} are shown.]"


def _convert(item: Any) -> list[ContentBlock]:
    kind = getattr(item, "type", None)
    if kind == "text":
        return [{"type": "text", "text": item.text}]
    if kind == "image":
        return [_image(item.data, item.mime_type)]
    if kind == "audio":
        return [{"type": "text", "text": f"[Audio ({item.mime_type}) returned by the tool; not shown.]"}]
    if kind == "resource_link":
        title = item.title or item.name
        return [{"type": "text", "text": f"[Resource: {title} <{item.uri}>]"}]
    if kind == "resource":
        resource = item.resource
        text = getattr(resource, "text", None)
        if text is not None:
            return [{"type": "text", "text": f"[Resource {resource.uri}]\n{text}"}]
        mime = resource.mime_type or "application/octet-stream"
        if mime in IMAGE_TYPES:
            return [_image(resource.blob, mime)]
        return [{"type": "text", "text": f"[Binary resource {resource.uri} ({mime}); not shown.]"}]
    return [{"type": "text", "text": f"[Content of type {kind!r} returned by the tool; not shown.]"}]


def _image(data: str, mime: str) -> ContentBlock:
    if mime not in IMAGE_TYPES:
        return {"type": "text", "text": f"[Image of type {mime}, which the model cannot read; not shown.]"}
    if len(data) > MAX_IMAGE_BASE64:
        return {
            "type": "text",
            "text": f"[Image of {len(data) * 3 // 4:,} bytes, too large to send; not shown.]",
        }
    return {"type": "image", "source": {"type": "base64", "media_type": mime, "data": data}}


def _first_text(blocks: Sequence[ContentBlock]) -> str:
    for block in blocks:
        if block.get("type") == "text":
            return str(block.get("text", ""))[:1000]
    return ""
