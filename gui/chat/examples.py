"""What the empty state's examples need from a conversation's settings before their prompt is sent.

The thinking example turns thinking on (as Compare's thinking preset does, so what the API requires with it
holds: a budget below max_tokens, no temperature); the tool example offers a `get_time` tool. Each returns
the settings to use, or None when the model cannot do it (a model without thinking).
"""

from __future__ import annotations

import copy

from core.compare.presets import preset_thinking
from core.model.catalog import lookup
from core.model.request_settings import CustomTool, RequestSettings

THINKING_BUDGET = 4096
TIME_TOOL: CustomTool = {
    "name": "get_time",
    "description": "The current local time and time zone of the user.",
    "input_schema": {
        "type": "object",
        "properties": {"timezone": {"type": "string", "description": "An IANA time zone, e.g. Europe/Paris"}},
    },
}


def with_thinking(settings: RequestSettings) -> RequestSettings | None:
    """The settings with thinking on (as they are if it is on already); None when the model cannot think."""
    info = lookup(settings.model)
    if info is not None and not info.thinking_types:
        return None
    if settings.thinking is not None and settings.thinking.mode != "disabled":
        return copy.deepcopy(settings)
    [thinking_on] = preset_thinking(settings, (THINKING_BUDGET,))
    return thinking_on


def with_time_tool(settings: RequestSettings) -> RequestSettings:
    """The settings offering a `get_time` tool (once), tool_choice left to the model."""
    changed = copy.deepcopy(settings)
    if not any(tool.get("name") == TIME_TOOL["name"] for tool in changed.tools):
        changed.tools.insert(0, copy.deepcopy(TIME_TOOL))
    if changed.tool_choice is not None and changed.tool_choice.get("type") == "none":
        changed.tool_choice = None
    return changed
