"""Checks a request before it is sent, so mistakes are explained in plain words instead of an API 400.

Each issue names the request field it is about (`thinking.budget_tokens`, `tools[2].name`) and the values
that field allows. Checks that need to know the model use the catalog; a model the catalog does not know (a
relay's own name) gets only the checks that hold for every model. `extra_json` is not checked, since it exists
to send what this app does not know about, except that it must be JSON: no NaN or infinity anywhere.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from core.model.catalog import ALL_EFFORTS, ModelInfo, lookup
from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings
from core.wire.json_schema import json_text, schema_problems

Severity = Literal["error", "warning"]

_TOOL_NAME = re.compile(r"[a-zA-Z0-9_-]{1,64}")
_MIN_THINKING_BUDGET = 1024
_THINKING_TYPES = ("enabled", "adaptive", "disabled")
_THINKING_DISPLAYS = ("summarized", "omitted")
_TOOL_CHOICE_TYPES = ("auto", "any", "tool", "none")
_SERVICE_TIERS = ("auto", "standard_only")
_CACHE_TTLS = ("5m", "1h")


@dataclass(frozen=True)
class ValidationIssue:
    field: str
    message: str
    # Warnings are shown but do not stop the request.
    severity: Severity = "error"


class RequestValidationError(ValueError):
    def __init__(self, issues: list[ValidationIssue]) -> None:
        self.issues = issues
        super().__init__("The request was not sent:\n" + "\n".join(f"- {issue.message}" for issue in issues))


def validate(messages: list[ChatMessage], settings: RequestSettings) -> list[ValidationIssue]:
    model = lookup(settings.model)
    return [
        *_model_issues(settings),
        *_message_issues(messages, model),
        *_max_tokens_issues(settings, model),
        *_sampling_issues(settings, model),
        *_thinking_issues(settings, model),
        *_effort_issues(settings, model),
        *_stop_sequence_issues(settings.stop_sequences),
        *_tool_issues(settings.tools),
        *_tool_choice_issues(settings),
        *_output_schema_issues(settings.output_schema),
        *_service_issues(settings),
        *_non_finite_issues(settings),
    ]


def ensure_valid(messages: list[ChatMessage], settings: RequestSettings) -> list[ValidationIssue]:
    """Raise RequestValidationError if any issue is an error; otherwise return the warnings."""
    issues = validate(messages, settings)
    errors = [issue for issue in issues if issue.severity == "error"]
    if errors:
        raise RequestValidationError(errors)
    return issues


def _error(field: str, message: str) -> ValidationIssue:
    return ValidationIssue(field, message)


def _warning(field: str, message: str) -> ValidationIssue:
    return ValidationIssue(field, message, severity="warning")


def _model_issues(settings: RequestSettings) -> Iterator[ValidationIssue]:
    if not settings.model.strip():
        yield _error("model", "model must name a model, for example claude-sonnet-4-6.")


def _message_issues(messages: list[ChatMessage], model: ModelInfo | None) -> Iterator[ValidationIssue]:
    if not messages:
        yield _error("messages", "messages must contain at least one message.")
        return
    if messages[0].role == "assistant":
        yield _error(
            "messages[0].role",
            'messages[0].role must be "user": a conversation starts with a user message (it is "assistant").',
        )
    for index in range(len(messages)):
        yield from _one_message_issues(messages, index)
    last = len(messages) - 1
    if model and not model.accepts_prefill and _is_prefill(messages[last]):
        yield _error(
            f"messages[{last}].role",
            f'messages[{last}].role is "assistant" (a prefill), which {model.display_name} rejects: '
            "end the conversation with a user message.",
        )


def _one_message_issues(messages: list[ChatMessage], index: int) -> Iterator[ValidationIssue]:
    message = messages[index]
    path = f"messages[{index}]"
    if message.role not in ("user", "assistant"):
        yield _error(
            f"{path}.role", f'{path}.role must be "user" or "assistant" (it is {json_text(message.role)}).'
        )
    elif index > 0 and messages[index - 1].role == message.role:
        yield _warning(
            f"{path}.role",
            f'{path}.role is "{message.role}" like the message before it: the API joins the two into '
            "one turn.",
        )
    # Only a final assistant message may be empty: it asks the model to start its reply from nothing.
    is_final_assistant = index == len(messages) - 1 and message.role == "assistant"
    if not message.content and not is_final_assistant:
        yield _error(f"{path}.content", f"{path}.content must contain at least one content block.")
    for block_index, block in enumerate(message.content):
        if block.get("type") == "text" and not str(block.get("text", "")).strip():
            yield _error(
                f"{path}.content[{block_index}].text",
                f"{path}.content[{block_index}].text must contain some non-whitespace text.",
            )


def _is_prefill(message: ChatMessage) -> bool:
    """An assistant-last conversation is a prefill, except when it continues a `pause_turn` server-tool reply,
    which the API asks to be sent back exactly so."""
    return message.role == "assistant" and not any(
        block.get("type") == "server_tool_use" for block in message.content
    )


def _max_tokens_issues(settings: RequestSettings, model: ModelInfo | None) -> Iterator[ValidationIssue]:
    max_tokens = settings.max_tokens
    if max_tokens < 0:
        yield _error("max_tokens", f"max_tokens must be at least 1 (it is {max_tokens}).")
    elif max_tokens == 0:
        # The SDK documents 0 as "pre-warm the prompt cache without generating"; relays may refuse it.
        yield _warning(
            "max_tokens",
            "max_tokens is 0, which only fills the prompt cache: no reply will be written. "
            "Set max_tokens to at least 1 to get a reply.",
        )
    elif model and max_tokens > model.max_output_tokens:
        yield _error(
            "max_tokens",
            f"max_tokens must be at most {model.max_output_tokens} for {model.display_name} "
            f"(it is {max_tokens}).",
        )


def _sampling_issues(settings: RequestSettings, model: ModelInfo | None) -> Iterator[ValidationIssue]:
    for name, value in (("temperature", settings.temperature), ("top_p", settings.top_p)):
        if value is not None and not math.isfinite(value):
            yield _error(name, f"{name} must be a number between 0 and 1 (it is {_non_finite(value)}).")
        elif value is not None and not 0 <= value <= 1:
            yield _error(name, f"{name} must be between 0 and 1 (it is {value}).")
    if settings.top_k is not None and settings.top_k < 1:
        yield _error("top_k", f"top_k must be at least 1 (it is {settings.top_k}).")
    if model and model.one_sampler_only and settings.temperature is not None and settings.top_p is not None:
        yield _error(
            "top_p",
            f"top_p cannot be sent together with temperature to {model.display_name}: "
            "set only one of temperature and top_p.",
        )


def _thinking_issues(settings: RequestSettings, model: ModelInfo | None) -> Iterator[ValidationIssue]:
    thinking = settings.thinking
    if thinking is None:
        return
    if thinking.mode not in _THINKING_TYPES:
        yield _error(
            "thinking.type",
            f'thinking.type must be "enabled", "adaptive" or "disabled" (it is {json_text(thinking.mode)}).',
        )
        return
    if thinking.display is not None and thinking.display not in _THINKING_DISPLAYS:
        yield _error(
            "thinking.display",
            f'thinking.display must be "summarized" or "omitted" (it is {json_text(thinking.display)}).',
        )
    if thinking.mode == "disabled":
        return
    if thinking.mode == "enabled":
        yield from _budget_issues(thinking.budget_tokens, settings.max_tokens)
    if model and thinking.mode not in model.thinking_types:
        yield _error("thinking.type", _unsupported_thinking_message(thinking.mode, model))
    yield from _thinking_conflicts(settings)


def _budget_issues(budget: int | None, max_tokens: int) -> Iterator[ValidationIssue]:
    field = "thinking.budget_tokens"
    if budget is None:
        yield _error(field, f'{field} is required when thinking.type is "enabled": set at least 1024.')
    elif budget < _MIN_THINKING_BUDGET:
        yield _error(field, f"{field} must be at least {_MIN_THINKING_BUDGET} (it is {budget}).")
    elif budget >= max_tokens:
        yield _error(field, f"{field} must be less than max_tokens, which is {max_tokens} (it is {budget}).")


def _unsupported_thinking_message(mode: str, model: ModelInfo) -> str:
    if not model.thinking_types:
        return f'thinking.type "{mode}" is not available: {model.display_name} cannot think. Use "disabled".'
    accepted = " or ".join(f'"{kind}"' for kind in sorted(model.thinking_types))
    return f'thinking.type "{mode}" is not accepted by {model.display_name}: use {accepted}.'


def _thinking_conflicts(settings: RequestSettings) -> Iterator[ValidationIssue]:
    """What extended-thinking requests may not also ask for."""
    temperature = settings.temperature
    if temperature is not None and math.isfinite(temperature) and temperature != 1:
        yield _error(
            "temperature",
            f"temperature must be 1 or unset while thinking is on (it is {settings.temperature}).",
        )
    if settings.top_k is not None:
        yield _error("top_k", f"top_k must be unset while thinking is on (it is {settings.top_k}).")
    if settings.top_p is not None and math.isfinite(settings.top_p) and not 0.95 <= settings.top_p <= 1:
        yield _error(
            "top_p", f"top_p must be between 0.95 and 1 while thinking is on (it is {settings.top_p})."
        )
    choice = settings.tool_choice.get("type") if settings.tool_choice else None
    if choice in ("any", "tool"):
        yield _error(
            "tool_choice.type",
            f'tool_choice.type must be "auto" or "none" while thinking is on (it is "{choice}").',
        )


def _effort_issues(settings: RequestSettings, model: ModelInfo | None) -> Iterator[ValidationIssue]:
    effort = settings.effort
    field = "output_config.effort"
    if effort is None:
        return
    if effort not in ALL_EFFORTS:
        yield _error(field, f"{field} must be one of {', '.join(ALL_EFFORTS)} (it is {json_text(effort)}).")
    elif model and not model.accepts_effort:
        yield _error(field, f"{field} is not accepted by {model.display_name}: leave it unset.")
    elif model and effort not in model.effort_levels:
        levels = ", ".join(model.effort_levels)
        yield _error(field, f'{field} must be one of {levels} for {model.display_name} (it is "{effort}").')


def _stop_sequence_issues(stop_sequences: list[str]) -> Iterator[ValidationIssue]:
    for index, sequence in enumerate(stop_sequences):
        if not isinstance(sequence, str) or not sequence.strip():
            yield _error(
                f"stop_sequences[{index}]",
                f"stop_sequences[{index}] must contain at least one non-whitespace character "
                f"(it is {json_text(sequence)}).",
            )


def _tool_issues(tools: list[Any]) -> Iterator[ValidationIssue]:
    first_use: dict[str, int] = {}
    for index, tool in enumerate(tools):
        path = f"tools[{index}]"
        if not isinstance(tool, dict):
            yield _error(path, f"{path} must be a JSON object (it is {json_text(tool)}).")
            continue
        yield from _tool_name_issues(path, tool.get("name"), index, first_use)
        kind = tool.get("type")
        if kind is None or kind == "custom":
            yield from _custom_tool_issues(path, tool)
        elif not isinstance(kind, str):
            yield _error(
                f"{path}.type", f'{path}.type must be a string such as "custom" (it is {json_text(kind)}).'
            )
        elif kind.startswith(("web_search_", "web_fetch_")):
            yield from _web_tool_issues(path, tool)


def _tool_name_issues(
    path: str, name: Any, index: int, first_use: dict[str, int]
) -> Iterator[ValidationIssue]:
    rule = "1 to 64 letters, digits, underscores or hyphens"
    if name is None:
        yield _error(f"{path}.name", f"{path}.name is required: {rule}.")
    elif not isinstance(name, str) or not _TOOL_NAME.fullmatch(name):
        yield _error(f"{path}.name", f"{path}.name must be {rule} (it is {json_text(name)}).")
    elif name in first_use:
        yield _error(
            f"{path}.name",
            f'{path}.name "{name}" is already used by tools[{first_use[name]}]; tool names must be unique.',
        )
    else:
        first_use[name] = index


def _custom_tool_issues(path: str, tool: dict[str, Any]) -> Iterator[ValidationIssue]:
    field = f"{path}.input_schema"
    if "input_schema" not in tool:
        yield _error(field, f'{field} is required: a JSON Schema with "type": "object".')
        return
    yield from _object_schema_issues(tool["input_schema"], field)


def _object_schema_issues(schema: Any, field: str) -> Iterator[ValidationIssue]:
    if not isinstance(schema, dict) or schema.get("type") != "object":
        kind = schema.get("type") if isinstance(schema, dict) else schema
        yield _error(
            field, f'{field} must be a JSON Schema with "type": "object" (its type is {json_text(kind)}).'
        )
        return
    for problem in schema_problems(schema, field):
        yield _error(problem.path, problem.message)


def _web_tool_issues(path: str, tool: dict[str, Any]) -> Iterator[ValidationIssue]:
    is_search = tool["type"].startswith("web_search_")
    if is_search and tool.get("allowed_domains") is not None and tool.get("blocked_domains") is not None:
        yield _error(
            f"{path}.blocked_domains",
            f"{path}.blocked_domains cannot be used together with {path}.allowed_domains: set only one.",
        )
    for name in ("max_uses", "max_content_tokens"):
        value = tool.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            yield _error(f"{path}.{name}", f"{path}.{name} must be at least 1 (it is {json_text(value)}).")
    country = (tool.get("user_location") or {}).get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isalpha()):
        yield _error(
            f"{path}.user_location.country",
            f'{path}.user_location.country must be a two-letter country code such as "US" '
            f"(it is {json_text(country)}).",
        )


def _tool_choice_issues(settings: RequestSettings) -> Iterator[ValidationIssue]:
    choice = settings.tool_choice
    if choice is None:
        return
    kind = choice.get("type")
    if kind not in _TOOL_CHOICE_TYPES:
        allowed = ", ".join(f'"{name}"' for name in _TOOL_CHOICE_TYPES)
        yield _error(
            "tool_choice.type", f"tool_choice.type must be one of {allowed} (it is {json_text(kind)})."
        )
        return
    names = [tool.get("name") for tool in settings.tools if isinstance(tool, dict)]
    if kind == "any" and not names:
        yield _error("tool_choice.type", 'tool_choice.type "any" needs at least one tool in tools.')
    if kind != "tool":
        return
    name = choice.get("name")
    if not name:
        yield _error("tool_choice.name", 'tool_choice.name is required when tool_choice.type is "tool".')
    elif name not in names:
        listed = ", ".join(json_text(known) for known in names) or "none"
        yield _error(
            "tool_choice.name",
            f'tool_choice.name "{name}" is not the name of a tool in tools (the tools are: {listed}).',
        )


def _output_schema_issues(schema: dict[str, Any] | None) -> Iterator[ValidationIssue]:
    if schema is not None:
        yield from _object_schema_issues(schema, "output_config.format.schema")


def _service_issues(settings: RequestSettings) -> Iterator[ValidationIssue]:
    tier = settings.service_tier
    if tier is not None and tier not in _SERVICE_TIERS:
        yield _error(
            "service_tier", f'service_tier must be "auto" or "standard_only" (it is {json_text(tier)}).'
        )
    ttl = settings.cache_control.get("ttl") if settings.cache_control else None
    if ttl is not None and ttl not in _CACHE_TTLS:
        yield _error("cache_control.ttl", f'cache_control.ttl must be "5m" or "1h" (it is {json_text(ttl)}).')


def _non_finite(value: float) -> str:
    """NaN and infinity in words: Python writes them `nan` and `inf`, which read like typos."""
    if math.isnan(value):
        return "NaN"
    return "infinity" if value > 0 else "minus infinity"


def _non_finite_issues(settings: RequestSettings) -> Iterator[ValidationIssue]:
    """JSON has no NaN or infinity (the request could not even be written): name where one hides."""
    fields: dict[str, Any] = {
        "tools": settings.tools,
        "tool_choice": settings.tool_choice,
        "output_config.format.schema": settings.output_schema,
        "extra_json": settings.extra_json,
    }
    for name, value in fields.items():
        for path, number in _non_finite_numbers(value, name):
            yield _error(path, f"{path} must be a finite number (it is {_non_finite(number)}).")


def _non_finite_numbers(value: Any, path: str) -> Iterator[tuple[str, float]]:
    if isinstance(value, float) and not math.isfinite(value):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _non_finite_numbers(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _non_finite_numbers(item, f"{path}[{index}]")
