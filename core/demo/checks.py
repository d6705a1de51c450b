"""The checks the API makes before it answers: the key, the version header and the request body.

A failed check is an `HttpError` whose message names the offending field by its path
(`messages.1.content.0.text: Field required`), worded like the API's own validation errors.
"""

from __future__ import annotations

import itertools
import re
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from core.demo.models import MODELS_BY_ID
from core.demo.script import HttpError

_VERSION = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOOL_NAME = re.compile(r"[a-zA-Z0-9_-]{1,64}")
_TOOL_CHOICES = ("auto", "any", "tool", "none")
_THINKING_TYPES = ("enabled", "adaptive", "disabled")
_IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")

# Required fields of each input block type (spec §3); a block may carry more.
_BLOCK_FIELDS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "text": {"text": str},
    "image": {"source": dict},
    "document": {"source": dict},
    "search_result": {"source": str, "title": str, "content": list},
    "thinking": {"thinking": str, "signature": str},
    "redacted_thinking": {"data": str},
    "tool_use": {"id": str, "name": str, "input": dict},
    "server_tool_use": {"id": str, "name": str, "input": dict},
    "tool_result": {"tool_use_id": str},
    "web_search_tool_result": {"tool_use_id": str, "content": (list, dict)},
    "web_fetch_tool_result": {"tool_use_id": str, "content": dict},
    "code_execution_tool_result": {"tool_use_id": str, "content": dict},
    "bash_code_execution_tool_result": {"tool_use_id": str, "content": dict},
    "text_editor_code_execution_tool_result": {"tool_use_id": str, "content": dict},
    "tool_search_tool_result": {"tool_use_id": str, "content": dict},
    "container_upload": {"file_id": str},
}
_TYPE_NAMES = {
    bool: "a valid boolean",
    str: "a valid string",
    dict: "an object",
    list: "a valid list",
    (list, dict): "a list or an object",
}


class _Invalid(Exception):
    pass


def check_auth(headers: Mapping[str, str], api_key: str) -> HttpError | None:
    """The key from `x-api-key` or `Authorization: Bearer` must be the server's."""
    sent = headers.get("x-api-key")
    bearer = headers.get("authorization", "")
    if sent is None and bearer.lower().startswith("bearer "):
        sent = bearer[len("bearer ") :].strip()
    if sent is None:
        return HttpError(401, "x-api-key header is required")
    if not secrets.compare_digest(sent.encode(), api_key.encode()):
        return HttpError(401, "invalid x-api-key")
    return None


def check_version(headers: Mapping[str, str]) -> HttpError | None:
    """`anthropic-version` must be there and look like a date (2023-06-01; newer SDKs send later ones)."""
    version = headers.get("anthropic-version")
    if version is None:
        return HttpError(400, "anthropic-version: header is required")
    if not _VERSION.fullmatch(version):
        return HttpError(400, f"anthropic-version: {version!r} is not a valid version")
    return None


def check_messages_body(body: Any) -> HttpError | None:
    return _checked(_messages_body, body)


def check_count_tokens_body(body: Any) -> HttpError | None:
    return _checked(_count_tokens_body, body)


def check_chat_completions_body(body: Any) -> HttpError | None:
    return _checked(_chat_completions_body, body)


def _checked(check: Any, body: Any) -> HttpError | None:
    try:
        check(body)
    except _Invalid as invalid:
        return HttpError(400, str(invalid))
    return None


# --- /v1/messages -------------------------------------------------------------------------------------


def _messages_body(body: Any) -> None:
    _expect(body, dict, "body")
    model = _string_field(body, "model", "model")
    max_tokens = _positive_int(body, "max_tokens", required=True)
    _messages(body.get("messages"))
    _system(body.get("system"))
    _number_in(body, "temperature", 0.0, 1.0)
    _number_in(body, "top_p", 0.0, 1.0)
    _positive_int(body, "top_k", required=False)
    _stop_sequences(body.get("stop_sequences"))
    if "stream" in body:
        _expect(body["stream"], bool, "stream")
    _thinking(body.get("thinking"), max_tokens)
    _tools(body.get("tools"))
    _tool_choice(body.get("tool_choice"))
    known = MODELS_BY_ID.get(model)
    if known is not None and max_tokens is not None and max_tokens > known.max_tokens:
        raise _Invalid(
            f"max_tokens: {max_tokens} > {known.max_tokens}, which is the maximum allowed number of "
            f"output tokens for {model}"
        )


def _count_tokens_body(body: Any) -> None:
    _expect(body, dict, "body")
    _string_field(body, "model", "model")
    _messages(body.get("messages"))
    _system(body.get("system"))
    _thinking(body.get("thinking"), None)
    _tools(body.get("tools"))
    _tool_choice(body.get("tool_choice"))


def _messages(messages: Any) -> None:
    if messages is None:
        raise _Invalid("messages: Field required")
    _expect(messages, list, "messages")
    if not messages:
        raise _Invalid("messages: at least one message is required")
    previous = None
    for index, message in enumerate(messages):
        where = f"messages.{index}"
        _expect(message, dict, where)
        role = message.get("role")
        if role not in ("user", "assistant"):
            raise _Invalid(f"{where}.role: Input should be 'user' or 'assistant'")
        if index == 0 and role != "user":
            raise _Invalid(f'{where}.role: the first message must use the "user" role')
        if role == previous:
            raise _Invalid(
                f'messages: roles must alternate between "user" and "assistant", '
                f'but found multiple "{role}" roles in a row'
            )
        previous = role
        _content(message.get("content"), f"{where}.content")
    for index, (reply, answer) in enumerate(itertools.pairwise(messages)):
        _answered(reply, answer, index)


def _answered(reply: dict[str, Any], answer: dict[str, Any], index: int) -> None:
    """As the API: each tool_use of a reply has its tool_result at the start of the next turn."""
    calls = [block.get("id") for block in _blocks(reply) if block.get("type") == "tool_use"]
    if not calls:
        return
    answered = set()
    for block in _blocks(answer):
        if block.get("type") != "tool_result":
            break
        answered.add(block.get("tool_use_id"))
    missing = [str(call) for call in calls if call not in answered]
    if missing:
        raise _Invalid(
            f"messages.{index + 1}: `tool_use` ids were found without `tool_result` blocks immediately after:"
            f" {', '.join(missing)}. Each `tool_use` block must have a corresponding `tool_result` block in"
            " the next message."
        )


def _blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    content = message.get("content")
    return [block for block in content if isinstance(block, dict)] if isinstance(content, list) else []


def _content(content: Any, where: str) -> None:
    if content is None:
        raise _Invalid(f"{where}: Field required")
    if isinstance(content, str):
        if not content:
            raise _Invalid(f"{where}: text content blocks must be non-empty")
        return
    _expect(content, list, where)
    for index, block in enumerate(content):
        _block(block, f"{where}.{index}")


def _block(block: Any, where: str) -> None:
    _expect(block, dict, where)
    kind = block.get("type")
    if kind not in _BLOCK_FIELDS:
        raise _bad_tag(f"{where}.type", kind, _BLOCK_FIELDS)
    for name, kinds in _BLOCK_FIELDS[kind].items():
        if name not in block:
            raise _Invalid(f"{where}.{name}: Field required")
        _expect(block[name], kinds, f"{where}.{name}")
    if kind == "text" and not block["text"]:
        raise _Invalid(f"{where}.text: text content blocks must be non-empty")
    if kind == "image":
        _image_source(block["source"], f"{where}.source")
    if kind == "tool_result" and "content" in block and not isinstance(block["content"], str):
        _content(block["content"], f"{where}.content")


def _image_source(source: dict[str, Any], where: str) -> None:
    kind = source.get("type")
    if kind == "base64":
        if source.get("media_type") not in _IMAGE_TYPES:
            allowed = ", ".join(f"'{name}'" for name in _IMAGE_TYPES)
            raise _Invalid(f"{where}.media_type: Input should be {allowed}")
        _string_field(source, "data", f"{where}.data")
    elif kind == "url":
        _string_field(source, "url", f"{where}.url")
    elif kind == "file":
        _string_field(source, "file_id", f"{where}.file_id")
    else:
        raise _bad_tag(f"{where}.type", kind, ("base64", "url", "file"))


def _system(system: Any) -> None:
    if system is None or isinstance(system, str):
        return
    _expect(system, list, "system")
    for index, block in enumerate(system):
        where = f"system.{index}"
        _expect(block, dict, where)
        if block.get("type") != "text":
            raise _Invalid(f"{where}.type: Input should be 'text'")
        _string_field(block, "text", f"{where}.text")


def _thinking(thinking: Any, max_tokens: int | None) -> None:
    if thinking is None:
        return
    _expect(thinking, dict, "thinking")
    kind = thinking.get("type")
    if kind not in _THINKING_TYPES:
        raise _bad_tag("thinking.type", kind, _THINKING_TYPES)
    if thinking.get("display") not in (None, "summarized", "omitted"):
        raise _Invalid(f"thinking.{kind}.display: Input should be 'summarized' or 'omitted'")
    if kind != "enabled":
        return
    budget = _positive_int(thinking, "budget_tokens", required=True, where="thinking.enabled.budget_tokens")
    if budget is not None and budget < 1024:
        raise _Invalid("thinking.enabled.budget_tokens: Input should be greater than or equal to 1024")
    if budget is not None and max_tokens is not None and budget >= max_tokens:
        raise _Invalid("`max_tokens` must be greater than `thinking.budget_tokens`")


def _tools(tools: Any) -> None:
    if tools is None:
        return
    _expect(tools, list, "tools")
    names: set[str] = set()
    for index, tool in enumerate(tools):
        where = f"tools.{index}"
        _expect(tool, dict, where)
        kind = tool.get("type")
        if kind in (None, "custom") or "input_schema" in tool:
            _custom_tool(tool, f"{where}.custom")
        else:
            _expect(kind, str, f"{where}.type")
            _string_field(tool, "name", f"{where}.name")
        if tool["name"] in names:
            raise _Invalid("tools: Tool names must be unique.")
        names.add(tool["name"])


def _custom_tool(tool: dict[str, Any], where: str) -> None:
    name = _string_field(tool, "name", f"{where}.name")
    if not _TOOL_NAME.fullmatch(name):
        raise _Invalid(f"{where}.name: String should match pattern '^[a-zA-Z0-9_-]{{1,64}}$'")
    if "input_schema" not in tool:
        raise _Invalid(f"{where}.input_schema: Field required")
    schema = tool["input_schema"]
    _expect(schema, dict, f"{where}.input_schema")
    if schema.get("type") != "object":
        raise _Invalid(f"{where}.input_schema.type: Input should be 'object'")


def _tool_choice(choice: Any) -> None:
    if choice is None:
        return
    _expect(choice, dict, "tool_choice")
    kind = choice.get("type")
    if kind not in _TOOL_CHOICES:
        raise _bad_tag("tool_choice.type", kind, _TOOL_CHOICES)
    if kind == "tool":
        _string_field(choice, "name", "tool_choice.tool.name")


def _stop_sequences(stops: Any) -> None:
    if stops is None:
        return
    _expect(stops, list, "stop_sequences")
    for index, stop in enumerate(stops):
        _expect(stop, str, f"stop_sequences.{index}")


# --- /v1/chat/completions -----------------------------------------------------------------------------


def _chat_completions_body(body: Any) -> None:
    _expect(body, dict, "body")
    _string_field(body, "model", "model")
    messages = body.get("messages")
    if messages is None:
        raise _Invalid("messages: Field required")
    _expect(messages, list, "messages")
    if not messages:
        raise _Invalid("messages: at least one message is required")
    for index, message in enumerate(messages):
        _expect(message, dict, f"messages.{index}")
        if message.get("role") not in ("system", "developer", "user", "assistant", "tool", "function"):
            raise _Invalid(
                f"messages.{index}.role: Input should be 'system', 'developer', 'user', 'assistant' or 'tool'"
            )
    _positive_int(body, "max_tokens", required=False)
    _positive_int(body, "max_completion_tokens", required=False)
    # Anthropic's layer caps temperatures above 1 instead of refusing them; OpenAI's range is 0..2.
    _number_in(body, "temperature", 0.0, 2.0)
    if body.get("n", 1) != 1:
        raise _Invalid("n: only n=1 is supported")
    for index, tool in enumerate(body.get("tools") or []):
        _expect(tool, dict, f"tools.{index}")
        name = _string_field(tool.get("function") or {}, "name", f"tools.{index}.function.name")
        if not _TOOL_NAME.fullmatch(name):
            raise _Invalid(
                f"tools.{index}.function.name: String should match pattern '^[a-zA-Z0-9_-]{{1,64}}$'"
            )


# --- small checks -------------------------------------------------------------------------------------


def _expect(value: Any, kinds: type | tuple[type, ...], where: str) -> None:
    # bool is an int to Python, never to the API.
    if not isinstance(value, kinds) or (isinstance(value, bool) and kinds is not bool):
        raise _Invalid(f"{where}: Input should be {_TYPE_NAMES.get(kinds, kinds)}")


def _bad_tag(where: str, tag: Any, expected: Iterable[str]) -> _Invalid:
    tags = ", ".join(f"'{name}'" for name in expected)
    return _Invalid(f"{where}: Input tag {tag!r} does not match any of the expected tags: {tags}")


def _string_field(data: dict[str, Any], key: str, where: str) -> str:
    if key not in data:
        raise _Invalid(f"{where}: Field required")
    value = data[key]
    _expect(value, str, where)
    return str(value)


def _positive_int(data: dict[str, Any], key: str, *, required: bool, where: str | None = None) -> int | None:
    where = where or key
    if key not in data:
        if required:
            raise _Invalid(f"{where}: Field required")
        return None
    value = data[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Invalid(f"{where}: Input should be a valid integer")
    if value < 1:
        raise _Invalid(f"{where}: Input should be greater than or equal to 1")
    return value


def _number_in(data: dict[str, Any], key: str, low: float, high: float) -> None:
    if key not in data:
        return
    value = data[key]
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise _Invalid(f"{key}: Input should be a valid number")
    if not low <= value <= high:
        raise _Invalid(f"{key}: Input should be between {low:g} and {high:g}")
