"""JSON codecs for what the store keeps: typed values <-> plain dicts, as pure functions.

Decoding is forgiving so that a database keeps loading across versions: a key this version does not know
is ignored, and a key that is missing or holds a value of the wrong type takes the field's default. Content
blocks are not decoded at all: they stay the API's JSON.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from core.model.conversation import (
    Conversation,
    ConversationSummary,
    ErrorKind,
    ReplyError,
    ReplyTiming,
    StoredMessage,
)
from core.model.error_detail import ErrorDetail
from core.model.messages import Usage
from core.model.pricing import ModelPrice
from core.model.profile import DEFAULT_ANTHROPIC_VERSION, Profile
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.model.tools_codec import runs_from_list

_T = TypeVar("_T")
Row = Mapping[str, Any] | sqlite3.Row
"""A database row by column name: `sqlite3.Row`, or a dict in tests."""
_PRICE_FIELDS = ("input", "output", "cache_write_5m", "cache_write_1h", "cache_read")


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable (and half the size for CJK)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def loads_object(text: str | None) -> dict[str, Any]:
    """A JSON object from the database; anything else (NULL, a list, broken JSON) reads as empty."""
    value = _loads(text)
    return value if isinstance(value, dict) else {}


def loads_list(text: str | None) -> list[Any]:
    value = _loads(text)
    return value if isinstance(value, list) else []


def _loads(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


# -- lenient field readers -----------------------------------------------------------------------------


def _str(data: Mapping[str, Any], key: str, default: _T) -> str | _T:
    value = data.get(key)
    return value if isinstance(value, str) else default


def _int(data: Mapping[str, Any], key: str, default: _T) -> int | _T:
    value = data.get(key)
    # bool is an int in Python, but never a token count.
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _float(data: Mapping[str, Any], key: str, default: _T) -> float | _T:
    """A finite number: NaN or infinity (Python's json reads both) is no temperature, price or time, and
    a request holding one could not be written as JSON."""
    value = data.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:  # an integer of hundreds of digits
            return default
        return number if math.isfinite(number) else default
    return default


def _bool(data: Mapping[str, Any], key: str, default: bool) -> bool:
    value = data.get(key)
    return value if isinstance(value, bool) else default


def _dict(data: Mapping[str, Any], key: str) -> dict[str, Any] | None:
    value = data.get(key)
    return value if isinstance(value, dict) else None


def _dicts(data: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _strs(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key)
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


# -- request settings ----------------------------------------------------------------------------------


def thinking_to_dict(thinking: ThinkingSettings) -> dict[str, Any]:
    return {"mode": thinking.mode, "budget_tokens": thinking.budget_tokens, "display": thinking.display}


def thinking_from_dict(data: Mapping[str, Any]) -> ThinkingSettings | None:
    mode = _str(data, "mode", None)
    if mode is None:
        return None
    return ThinkingSettings(
        mode=cast(Any, mode),
        budget_tokens=_int(data, "budget_tokens", None),
        display=cast(Any, _str(data, "display", None)),
    )


def settings_to_dict(settings: RequestSettings) -> dict[str, Any]:
    return {
        "model": settings.model,
        "max_tokens": settings.max_tokens,
        "system": settings.system,
        "temperature": settings.temperature,
        "top_p": settings.top_p,
        "top_k": settings.top_k,
        "stop_sequences": list(settings.stop_sequences),
        "stream": settings.stream,
        "thinking": None if settings.thinking is None else thinking_to_dict(settings.thinking),
        "effort": settings.effort,
        "output_schema": settings.output_schema,
        "tools": [dict(tool) for tool in settings.tools],
        "tool_choice": settings.tool_choice,
        "cache_control": settings.cache_control,
        "metadata_user_id": settings.metadata_user_id,
        "service_tier": settings.service_tier,
        "inference_geo": settings.inference_geo,
        "container": settings.container,
        "extra_json": settings.extra_json,
        "mcp_servers": None if settings.mcp_servers is None else list(settings.mcp_servers),
    }


def settings_from_dict(data: Mapping[str, Any]) -> RequestSettings:
    """Settings as stored; a value that does not fit its field falls back to the field's default."""
    thinking = _dict(data, "thinking")
    # Enum-like strings (effort, service tier) are kept even if unknown here: validation explains them.
    return RequestSettings(
        model=_str(data, "model", ""),
        max_tokens=_int(data, "max_tokens", 4096),
        system=_system(data.get("system")),
        temperature=_float(data, "temperature", None),
        top_p=_float(data, "top_p", None),
        top_k=_int(data, "top_k", None),
        stop_sequences=_strs(data, "stop_sequences"),
        stream=_bool(data, "stream", True),
        thinking=None if thinking is None else thinking_from_dict(thinking),
        effort=cast(Any, _str(data, "effort", None)),
        output_schema=_dict(data, "output_schema"),
        tools=cast(Any, _dicts(data, "tools")),
        tool_choice=cast(Any, _dict(data, "tool_choice")),
        cache_control=cast(Any, _dict(data, "cache_control")),
        metadata_user_id=_str(data, "metadata_user_id", None),
        service_tier=cast(Any, _str(data, "service_tier", None)),
        inference_geo=_str(data, "inference_geo", None),
        container=_str(data, "container", None),
        extra_json=_dict(data, "extra_json") or {},
        mcp_servers=_strs(data, "mcp_servers") if isinstance(data.get("mcp_servers"), list) else None,
    )


def _system(value: Any) -> Any:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return [block for block in value if isinstance(block, dict)]
    return None


# -- profiles ------------------------------------------------------------------------------------------


def price_to_dict(price: ModelPrice) -> dict[str, float]:
    return {name: getattr(price, name) for name in _PRICE_FIELDS}


def price_from_dict(data: Mapping[str, Any]) -> ModelPrice | None:
    """None when a price is missing: half a price would bill wrongly, the catalog's price applies instead."""
    values = {name: _float(data, name, None) for name in _PRICE_FIELDS}
    if any(value is None for value in values.values()):
        return None
    return ModelPrice(**cast(dict[str, float], values))


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """Every field of a profile; there is no key field: keys live in the OS keyring."""
    return {
        "name": profile.name,
        "base_url": profile.base_url,
        "auth_style": profile.auth_style,
        "api_style": profile.api_style,
        "anthropic_version": profile.anthropic_version,
        "betas": list(profile.betas),
        "proxy": profile.proxy,
        "price_overrides": {model: price_to_dict(price) for model, price in profile.price_overrides.items()},
    }


def profile_from_dict(data: Mapping[str, Any]) -> Profile:
    prices = _dict(data, "price_overrides") or {}
    overrides = {model: price_from_dict(price) for model, price in prices.items() if isinstance(price, dict)}
    return Profile(
        name=_str(data, "name", ""),
        base_url=_str(data, "base_url", ""),
        auth_style="bearer" if data.get("auth_style") == "bearer" else "x-api-key",
        api_style="openai" if data.get("api_style") == "openai" else "anthropic",
        anthropic_version=_str(data, "anthropic_version", DEFAULT_ANTHROPIC_VERSION),
        betas=tuple(_strs(data, "betas")),
        proxy=_str(data, "proxy", None),
        price_overrides={model: price for model, price in overrides.items() if price is not None},
    )


def profile_to_row(profile: Profile) -> dict[str, Any]:
    """Column values of the `profiles` table (without `position`, which the store manages)."""
    data = profile_to_dict(profile)
    return {
        "name": data["name"],
        "base_url": data["base_url"],
        "auth_style": data["auth_style"],
        "api_style": data["api_style"],
        "anthropic_version": data["anthropic_version"],
        "betas_json": dumps(data["betas"]),
        "proxy": data["proxy"],
        "price_overrides_json": dumps(data["price_overrides"]),
    }


def profile_from_row(row: Row) -> Profile:
    data = {key: row[key] for key in row.keys()}  # noqa: SIM118 (sqlite3.Row iterates values, not keys)
    data["betas"] = loads_list(row["betas_json"])
    data["price_overrides"] = loads_object(row["price_overrides_json"])
    return profile_from_dict(data)


# -- reply details -------------------------------------------------------------------------------------


def usage_to_dict(usage: Usage) -> dict[str, Any]:
    return usage.to_api()


def usage_from_dict(data: Mapping[str, Any]) -> Usage:
    return Usage(
        input_tokens=_int(data, "input_tokens", 0),
        output_tokens=_int(data, "output_tokens", 0),
        cache_creation_input_tokens=_int(data, "cache_creation_input_tokens", None),
        cache_read_input_tokens=_int(data, "cache_read_input_tokens", None),
        cache_creation=_dict(data, "cache_creation"),
        server_tool_use=_dict(data, "server_tool_use"),
        service_tier=_str(data, "service_tier", None),
        inference_geo=_str(data, "inference_geo", None),
        output_tokens_details=_dict(data, "output_tokens_details"),
    )


def error_to_dict(error: ReplyError) -> dict[str, Any]:
    return {
        "kind": error.kind,
        "message": error.message,
        "status": error.status,
        "error_type": error.error_type,
        "request_id": error.request_id,
        "retry_after": error.retry_after,
        "detail": error.detail.as_dict() if error.detail is not None else None,
    }


def error_from_dict(data: Mapping[str, Any]) -> ReplyError:
    return ReplyError(
        kind=ErrorKind.read(data.get("kind")),
        message=_str(data, "message", ""),
        status=_int(data, "status", None),
        error_type=_str(data, "error_type", None),
        request_id=_str(data, "request_id", None),
        retry_after=_float(data, "retry_after", None),
        detail=ErrorDetail.read(data.get("detail")),
    )


def timing_to_dict(timing: ReplyTiming) -> dict[str, Any]:
    return {"time_to_first_token": timing.time_to_first_token, "duration": timing.duration}


def timing_from_dict(data: Mapping[str, Any]) -> ReplyTiming:
    return ReplyTiming(
        time_to_first_token=_float(data, "time_to_first_token", None), duration=_float(data, "duration", None)
    )


# -- rows ----------------------------------------------------------------------------------------------


def message_from_row(row: Row) -> StoredMessage:
    """A `messages` row; content blocks come back exactly as they were stored."""
    usage = loads_object(row["usage_json"])
    error = loads_object(row["error_json"])
    has_timing = row["ttft"] is not None or row["duration"] is not None
    return StoredMessage(
        id=row["id"],
        conversation_id=row["conversation_id"],
        parent_id=row["parent_id"],
        role=row["role"],
        content=loads_list(row["content_json"]),
        status=row["status"],
        created_at=row["created_at"],
        model=row["model"],
        stop_reason=row["stop_reason"],
        stop_sequence=row["stop_sequence"],
        usage=usage_from_dict(usage) if usage else None,
        cost_usd=row["cost_usd"],
        timing=ReplyTiming(row["ttft"], row["duration"]) if has_timing else None,
        request_id=row["request_id"],
        error=error_from_dict(error) if error else None,
        warnings=[item for item in loads_list(row["warnings_json"]) if isinstance(item, str)],
        tool_runs=runs_from_list(loads_list(row["tool_runs_json"])),
    )


def conversation_from_row(row: Row) -> Conversation:
    return Conversation(
        id=row["id"],
        title=row["title"],
        settings=settings_from_dict(loads_object(row["settings_json"])),
        profile_name=row["profile_name"],
        pinned=bool(row["pinned"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        current_leaf_id=row["current_leaf_id"],
    )


def summary_from_row(row: Row) -> ConversationSummary:
    return ConversationSummary(
        id=row["id"],
        title=row["title"],
        pinned=bool(row["pinned"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        tags=tuple(str(tag) for tag in loads_list(row["tags_json"])),
    )
