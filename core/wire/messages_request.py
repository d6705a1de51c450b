"""The JSON bodies of `POST /v1/messages` and `POST /v1/messages/count_tokens`, built from the settings.

Fields left unset are omitted, so the API's own defaults apply. Content blocks travel verbatim: thinking
signatures and block types this app does not know must reach the API exactly as they came from it.
"""

from __future__ import annotations

import copy
from typing import Any

from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings, ThinkingSettings

# SDK `message_count_tokens_params.py`: count_tokens refuses max_tokens, stream, sampling and the rest.
COUNT_TOKENS_FIELDS = frozenset(
    {"model", "messages", "system", "tools", "tool_choice", "thinking", "output_config", "cache_control"}
)


def build_messages_body(messages: list[ChatMessage], settings: RequestSettings) -> dict[str, Any]:
    """The request body. `settings.extra_json` is merged last: nested objects merge key by key, lists and
    scalars replace, and a key set to None removes that field."""
    optional: dict[str, Any] = {
        "system": settings.system,
        "temperature": settings.temperature,
        "top_p": settings.top_p,
        "top_k": settings.top_k,
        "stop_sequences": settings.stop_sequences,
        "stream": settings.stream,
        "thinking": _thinking(settings.thinking),
        "output_config": _output_config(settings),
        "tools": settings.tools,
        "tool_choice": settings.tool_choice,
        "cache_control": settings.cache_control,
        "metadata": {"user_id": settings.metadata_user_id} if settings.metadata_user_id else None,
        "service_tier": settings.service_tier,
        "inference_geo": settings.inference_geo,
        "container": settings.container,
    }
    body = {
        "model": settings.model,
        "max_tokens": settings.max_tokens,
        "messages": [message.to_api() for message in messages],
        **{key: value for key, value in optional.items() if not _is_unset(value)},
    }
    # The body shares nothing with its inputs: editing it (a request preview, a retry tweak) must never edit
    # the conversation history or the settings.
    return copy.deepcopy(_deep_merge(body, settings.extra_json))


def build_count_tokens_body(messages: list[ChatMessage], settings: RequestSettings) -> dict[str, Any]:
    """The count_tokens body: the messages body cut down to the fields that endpoint accepts."""
    body = build_messages_body(messages, settings)
    return {key: value for key, value in body.items() if key in COUNT_TOKENS_FIELDS}


def _thinking(thinking: ThinkingSettings | None) -> dict[str, Any] | None:
    """A budget is kept in the settings while the user tries other modes, but only `enabled` takes one."""
    if thinking is None:
        return None
    config: dict[str, Any] = {"type": thinking.mode}
    if thinking.mode == "enabled" and thinking.budget_tokens is not None:
        config["budget_tokens"] = thinking.budget_tokens
    if thinking.mode != "disabled" and thinking.display is not None:
        config["display"] = thinking.display
    return config


def _output_config(settings: RequestSettings) -> dict[str, Any]:
    config: dict[str, Any] = {}
    if settings.effort is not None:
        config["effort"] = settings.effort
    if settings.output_schema is not None:
        config["format"] = {"type": "json_schema", "schema": settings.output_schema}
    return config


def _is_unset(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged
