"""JSON codecs for the tool values the store and the Triptych export keep: server configs, tool runs.

Forgiving like `core.model.codec`: a missing key or a value of the wrong type takes the field's default, so
a database or an export file keeps loading across versions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, TypeVar

from core.model.tools import (
    DEFAULT_CALL_TIMEOUT,
    RunProblem,
    RunStatus,
    ServerConfig,
    ToolOutcome,
    ToolProgress,
    ToolRun,
    Transport,
)

_E = TypeVar("_E", RunStatus, RunProblem)
_TRANSPORTS: tuple[Transport, ...] = ("stdio", "http", "sse")


def _str(data: Mapping[str, Any], key: str, default: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else default


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _number(data: Mapping[str, Any], key: str) -> float | None:
    value = data.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:
            return None
        return number if math.isfinite(number) else None
    return None


def _int(data: Mapping[str, Any], key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _bool(data: Mapping[str, Any], key: str, default: bool) -> bool:
    value = data.get(key)
    return value if isinstance(value, bool) else default


def _str_map(data: Mapping[str, Any], key: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict):
        return {}
    return {name: text for name, text in value.items() if isinstance(name, str) and isinstance(text, str)}


def _strs(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key)
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


# -- server configs ------------------------------------------------------------------------------------


def server_to_dict(config: ServerConfig) -> dict[str, Any]:
    """The config without its secrets: the values of `secret_names` are written empty (they live in the
    keyring)."""
    return {
        "name": config.name,
        "transport": config.transport,
        "command": config.command,
        "args": list(config.args),
        "env": _without_secrets(config.env, config.secret_names),
        "cwd": config.cwd,
        "url": config.url,
        "headers": _without_secrets(config.headers, config.secret_names),
        "secret_names": sorted(config.secret_names),
        "enabled": config.enabled,
        "trusted": config.trusted,
        "call_timeout": config.call_timeout,
    }


def _without_secrets(values: Mapping[str, str], secret_names: frozenset[str]) -> dict[str, str]:
    return {name: "" if name in secret_names else value for name, value in values.items()}


def server_from_dict(data: Mapping[str, Any]) -> ServerConfig:
    transport = data.get("transport")
    timeout = _number(data, "call_timeout")
    return ServerConfig(
        name=_str(data, "name", ""),
        transport=transport if transport in _TRANSPORTS else "stdio",
        command=_str(data, "command", ""),
        args=tuple(_strs(data, "args")),
        env=_str_map(data, "env"),
        cwd=_opt_str(data, "cwd"),
        url=_str(data, "url", ""),
        headers=_str_map(data, "headers"),
        secret_names=frozenset(_strs(data, "secret_names")),
        enabled=_bool(data, "enabled", True),
        trusted=_bool(data, "trusted", False),
        call_timeout=timeout if timeout is not None and timeout > 0 else DEFAULT_CALL_TIMEOUT,
    )


# -- tool runs -----------------------------------------------------------------------------------------


def run_to_dict(run: ToolRun) -> dict[str, Any]:
    """A run as saved with its reply. The result's content is not kept here: it is the tool_result block
    of the next user turn, saved once there."""
    return {
        "tool_use_id": run.tool_use_id,
        "tool": run.tool,
        "server": run.server,
        "arguments": dict(run.arguments),
        "status": run.status.value,
        "started_at": run.started_at,
        "duration": run.duration,
        "progress": None if run.progress is None else _progress_to_dict(run.progress),
        "outcome": None if run.outcome is None else _outcome_to_dict(run.outcome),
    }


def run_from_dict(data: Mapping[str, Any]) -> ToolRun:
    arguments = data.get("arguments")
    progress = data.get("progress")
    outcome = data.get("outcome")
    return ToolRun(
        tool_use_id=_str(data, "tool_use_id", ""),
        tool=_str(data, "tool", ""),
        server=_opt_str(data, "server"),
        arguments=arguments if isinstance(arguments, dict) else {},
        status=_enum(RunStatus, data.get("status"), RunStatus.DONE),
        started_at=_number(data, "started_at"),
        duration=_number(data, "duration"),
        progress=_progress_from_dict(progress) if isinstance(progress, dict) else None,
        outcome=_outcome_from_dict(outcome) if isinstance(outcome, dict) else None,
    )


def runs_from_list(items: Any) -> list[ToolRun]:
    return (
        [run_from_dict(item) for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    )


def _progress_to_dict(progress: ToolProgress) -> dict[str, Any]:
    return {"progress": progress.progress, "total": progress.total, "message": progress.message}


def _progress_from_dict(data: Mapping[str, Any]) -> ToolProgress | None:
    value = _number(data, "progress")
    if value is None:
        return None
    return ToolProgress(value, _number(data, "total"), _opt_str(data, "message"))


def _outcome_to_dict(outcome: ToolOutcome) -> dict[str, Any]:
    structured = outcome.structured
    return {
        "is_error": outcome.is_error,
        "structured": dict(structured) if structured is not None else None,
        "truncated_from": outcome.truncated_from,
        "problem": None if outcome.problem is None else outcome.problem.value,
        "detail": outcome.detail,
    }


def _outcome_from_dict(data: Mapping[str, Any]) -> ToolOutcome:
    structured = data.get("structured")
    problem = data.get("problem")
    return ToolOutcome(
        content=(),
        is_error=_bool(data, "is_error", False),
        structured=structured if isinstance(structured, dict) else None,
        truncated_from=_int(data, "truncated_from"),
        problem=_enum(RunProblem, problem, RunProblem.TOOL_ERROR) if problem is not None else None,
        detail=_str(data, "detail", ""),
    )


def _enum(kind: type[_E], value: Any, default: _E) -> _E:
    try:
        return kind(value)
    except ValueError:
        return default
