"""The body of `POST /v1/chat/completions`, built from the same messages and settings as a Messages request.

The mapping follows Anthropic's OpenAI compatibility layer (spec §10). Whatever that layer cannot carry is
left out of the body and named in `warnings`, so the user learns which settings had no effect.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from core.model.messages import (
    ChatMessage,
    ContentBlock,
    ImageBlock,
    TextBlock,
    is_image_block,
    is_text_block,
)
from core.model.request_settings import RequestSettings, ThinkingSettings, ToolChoice, ToolDefinition

# History the OpenAI layer has no field for, and which it could not have produced itself.
_SILENTLY_DROPPED_BLOCKS = frozenset({"thinking", "redacted_thinking"})

_TOOL_CHOICES = {"auto": "auto", "any": "required", "none": "none"}

# Custom-tool fields that only the Messages API understands.
_ANTHROPIC_ONLY_TOOL_FIELDS = (
    "input_examples",
    "defer_loading",
    "eager_input_streaming",
    "allowed_callers",
)

_UNSUPPORTED = "is not supported by the OpenAI-compatible API and was not sent."


@dataclass
class ChatCompletionsRequest:
    body: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    """What could not be mapped, one plain sentence each, without repeats."""


class _Warnings:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, warning: str) -> None:
        if warning not in self.items:
            self.items.append(warning)


def build_chat_completions_body(
    messages: list[ChatMessage], settings: RequestSettings
) -> ChatCompletionsRequest:
    """The body for `POST /v1/chat/completions`, and what of the settings and history it had to leave out."""
    warnings = _Warnings()
    body: dict[str, Any] = {
        "model": settings.model,
        "messages": _system_messages(settings.system, warnings)
        + [converted for message in messages for converted in _convert_message(message, warnings)],
        "max_tokens": settings.max_tokens,
    }
    if settings.temperature is not None:
        body["temperature"] = settings.temperature
    if settings.top_p is not None:
        body["top_p"] = settings.top_p
    if settings.stop_sequences:
        body["stop"] = list(settings.stop_sequences)
    _put_tools(body, settings.tools, settings.tool_choice, warnings)
    thinking = _thinking(settings.thinking, warnings)
    if thinking is not None:
        # Not an OpenAI field: Anthropic's layer reads it from the body (the SDK's `extra_body`).
        body["thinking"] = thinking
    if settings.stream:
        body["stream"] = True
        body["stream_options"] = {"include_usage": True}
    _warn_about_unsupported_settings(settings, warnings)
    body.update(settings.extra_json)
    return ChatCompletionsRequest(body=body, warnings=warnings.items)


def _system_messages(system: str | list[TextBlock] | None, warnings: _Warnings) -> list[dict[str, Any]]:
    if not system:
        return []
    if isinstance(system, str):
        return [{"role": "system", "content": system}]
    for block in system:
        _warn_about_cache_control(block, warnings)
    # The layer concatenates all system text into one prompt anyway; one string is what every relay accepts.
    return [{"role": "system", "content": "\n".join(block["text"] for block in system)}]


def _convert_message(message: ChatMessage, warnings: _Warnings) -> list[dict[str, Any]]:
    if message.role == "assistant":
        return [_assistant_message(message.content, warnings)]
    return _user_messages(message.content, warnings)


def _user_messages(blocks: list[ContentBlock], warnings: _Warnings) -> list[dict[str, Any]]:
    """Tool results become `tool` messages, which must directly follow the assistant's tool calls."""
    tool_messages: list[dict[str, Any]] = []
    parts: list[dict[str, Any]] = []
    for block in blocks:
        _warn_about_cache_control(block, warnings)
        kind = block.get("type")
        if kind == "tool_result":
            tool_messages.append(_tool_message(block, warnings))
        elif kind == "text":
            parts.append({"type": "text", "text": block.get("text", "")})
        elif is_image_block(block):
            image = _image_part(block, warnings)
            if image is not None:
                parts.append(image)
        elif kind == "document" and (text := _text_document(block)) is not None:
            parts.append({"type": "text", "text": text})
        elif kind == "document":
            warnings.add("Documents are not supported by the OpenAI-compatible API and were left out.")
        else:
            warnings.add(f"{kind} blocks cannot be sent through the OpenAI-compatible API and were left out.")
    return tool_messages + ([{"role": "user", "content": _user_content(parts)}] if parts else [])


def _text_document(block: ContentBlock) -> str | None:
    """A plain-text document (an attached text file) as text: its title, then its contents fenced by more
    backticks than any run inside them, so the file cannot close the fence."""
    source = block.get("source")
    if not isinstance(source, dict) or source.get("type") != "text":
        return None
    data = str(source.get("data", ""))
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", data)), default=0))
    return f"{block.get('title') or 'document'}\n{fence}\n{data}\n{fence}"


def _user_content(parts: list[dict[str, Any]]) -> str | list[dict[str, Any]]:
    """A lone text part goes as a plain string: every relay reads that, and some read nothing else."""
    if len(parts) == 1 and parts[0]["type"] == "text":
        return str(parts[0]["text"])
    return parts


def _image_part(block: ImageBlock, warnings: _Warnings) -> dict[str, Any] | None:
    source = block.get("source") or {}
    url: object  # a URL source's "url" goes on as the JSON value it is
    if source.get("type") == "base64":
        url = f"data:{source.get('media_type')};base64,{source.get('data')}"
    elif source.get("type") == "url":
        url = source.get("url")
    else:
        warnings.add(
            f"Images with a {source.get('type')} source cannot be sent through the OpenAI-compatible API "
            "and were left out."
        )
        return None
    return {"type": "image_url", "image_url": {"url": url}}


def _tool_message(block: ContentBlock, warnings: _Warnings) -> dict[str, Any]:
    content = block.get("content")
    if isinstance(content, list):
        texts = []
        for part in content:
            if part.get("type") == "text":
                texts.append(part.get("text", ""))
            else:
                warnings.add(
                    f"Tool results carry only text through the OpenAI-compatible API; "
                    f"{part.get('type')} parts were left out."
                )
        content = "\n".join(texts)
    text = content or ""
    if block.get("is_error"):
        # A tool message has no error flag; the model must still learn that the call failed.
        text = f"Error: {text}"
    return {"role": "tool", "tool_call_id": block.get("tool_use_id"), "content": text}


def _assistant_message(blocks: list[ContentBlock], warnings: _Warnings) -> dict[str, Any]:
    texts: list[str] = []
    tool_calls: list[dict[str, Any]] = []
    thinking: list[dict[str, Any]] = []
    for block in blocks:
        _warn_about_cache_control(block, warnings)
        kind = block.get("type")
        if is_text_block(block):
            texts.append(block.get("text", ""))
        elif kind == "tool_use":
            tool_calls.append(_tool_call(block))
        elif kind in _SILENTLY_DROPPED_BLOCKS:
            signed = _signed_thinking(block)
            if signed is not None:
                thinking.append(signed)
        else:
            warnings.add(f"{kind} blocks cannot be sent through the OpenAI-compatible API and were left out.")
    message: dict[str, Any] = {"role": "assistant"}
    text = "".join(texts)
    # Content may be left out only when there are tool calls.
    if text or not tool_calls:
        message["content"] = text
    if tool_calls:
        message["tool_calls"] = tool_calls
    if thinking:
        # Not an OpenAI field: relays that gave the blocks in `thinking_blocks` (LiteLLM) read them back from
        # it, and the API refuses a thinking + tool-use follow-up whose assistant turn lost its thinking.
        message["thinking_blocks"] = thinking
    return message


def _signed_thinking(block: ContentBlock) -> dict[str, Any] | None:
    """A thinking block as `thinking_blocks` carries it, or None when it has no signature (no server would
    accept it back: such a block came from a relay that never sent one)."""
    if block.get("type") == "redacted_thinking":
        data = block.get("data")
        return {"type": "redacted_thinking", "data": data} if data else None
    signature = block.get("signature")
    if not signature:
        return None
    return {"type": "thinking", "thinking": block.get("thinking", ""), "signature": signature}


def _tool_call(block: ContentBlock) -> dict[str, Any]:
    return {
        "id": block.get("id"),
        "type": "function",
        "function": {
            "name": block.get("name"),
            "arguments": json.dumps(block.get("input") or {}, ensure_ascii=False),
        },
    }


def _put_tools(
    body: dict[str, Any], tools: list[ToolDefinition], choice: ToolChoice | None, warnings: _Warnings
) -> None:
    functions = []
    for tool in tools:
        if tool.get("type") in (None, "custom"):
            functions.append(_function_tool(tool, warnings))
        else:
            warnings.add(
                f'The server tool "{tool.get("name")}" ({tool.get("type")}) is not available through the '
                "OpenAI-compatible API and was not sent."
            )
    if functions:
        body["tools"] = functions
    if choice is None:
        return
    if choice["type"] == "tool":
        body["tool_choice"] = {"type": "function", "function": {"name": choice.get("name")}}
    else:
        body["tool_choice"] = _TOOL_CHOICES[choice["type"]]
    if choice.get("disable_parallel_tool_use"):
        body["parallel_tool_calls"] = False


def _function_tool(tool: ToolDefinition, warnings: _Warnings) -> dict[str, Any]:
    function: dict[str, Any] = {"name": tool.get("name")}
    if description := tool.get("description"):
        function["description"] = description
    function["parameters"] = tool.get("input_schema")
    if (strict := tool.get("strict")) is not None:
        function["strict"] = strict
    _warn_about_cache_control(tool, warnings)
    for name in _ANTHROPIC_ONLY_TOOL_FIELDS:
        if name in tool:
            warnings.add(f"The tool field {name} {_UNSUPPORTED}")
    return {"type": "function", "function": function}


def _thinking(thinking: ThinkingSettings | None, warnings: _Warnings) -> dict[str, Any] | None:
    if thinking is None or thinking.mode == "disabled":
        return None
    if thinking.mode == "adaptive":
        warnings.add(
            "The OpenAI-compatible API documents only thinking of type enabled; adaptive thinking was sent "
            "as is and may be ignored."
        )
    out: dict[str, Any] = {"type": thinking.mode}
    if thinking.budget_tokens is not None:
        out["budget_tokens"] = thinking.budget_tokens
    if thinking.display is not None:
        out["display"] = thinking.display
    return out


def _warn_about_unsupported_settings(settings: RequestSettings, warnings: _Warnings) -> None:
    unsupported = {
        "top_k": settings.top_k is not None,
        "Effort": settings.effort is not None,
        "Structured output (output_schema)": settings.output_schema is not None,
        "Prompt caching (cache_control)": settings.cache_control is not None,
        "The metadata user id": settings.metadata_user_id is not None,
        "service_tier": settings.service_tier is not None,
        "inference_geo": settings.inference_geo is not None,
        "container": settings.container is not None,
    }
    for name, is_set in unsupported.items():
        if is_set:
            warnings.add(f"{name} {_UNSUPPORTED}")


def _warn_about_cache_control(block: ContentBlock | ToolDefinition, warnings: _Warnings) -> None:
    if "cache_control" in block:
        warnings.add(f"Prompt caching (cache_control) {_UNSUPPORTED}")
