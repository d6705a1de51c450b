"""The settings a reply was made with, read back from the request that was sent for it.

A conversation's settings change over time (the user moves the temperature, turns thinking on, picks another
model); the store keeps each reply's request as sent, so the readable exports say per reply what it was made
with, not what the conversation says today. Both request styles are read: the Messages API's body and the
OpenAI-compatible one.
"""

from __future__ import annotations

import json
from typing import Any, cast

from core.model.request_settings import Effort, RequestSettings, ThinkingSettings, ToolDefinition

_EFFORTS = ("low", "medium", "high", "xhigh", "max")


def settings_sent(body: bytes) -> RequestSettings | None:
    """The settings a request body carried; None when the body is not a JSON object naming a model."""
    try:
        fields = json.loads(body)
    except ValueError:
        return None
    if not isinstance(fields, dict) or not isinstance(fields.get("model"), str):
        return None
    return RequestSettings(
        model=fields["model"],
        max_tokens=_int(fields.get("max_tokens", fields.get("max_completion_tokens"))) or 0,
        temperature=_float(fields.get("temperature")),
        top_p=_float(fields.get("top_p")),
        top_k=_int(fields.get("top_k")),
        stop_sequences=_stops(fields.get("stop_sequences", fields.get("stop"))),
        thinking=_thinking(fields.get("thinking")),
        effort=_effort(fields),
        tools=_tools(fields.get("tools")),
    )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _float(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _stops(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _thinking(value: Any) -> ThinkingSettings | None:
    if not isinstance(value, dict) or value.get("type") not in ("enabled", "disabled", "adaptive"):
        return None
    return ThinkingSettings(mode=value["type"], budget_tokens=_int(value.get("budget_tokens")))


def _effort(fields: dict[str, Any]) -> Effort | None:
    config = fields.get("output_config")
    effort = config.get("effort") if isinstance(config, dict) else fields.get("reasoning_effort")
    return cast(Effort, effort) if effort in _EFFORTS else None


def _tools(value: Any) -> list[ToolDefinition]:
    tools: list[ToolDefinition] = []
    for tool in value if isinstance(value, list) else []:
        if not isinstance(tool, dict):
            continue
        function = tool.get("function")
        name = function.get("name") if isinstance(function, dict) else tool.get("name", tool.get("type"))
        tools.append(cast(ToolDefinition, {"name": str(name or "?"), "input_schema": {}}))
    return tools
