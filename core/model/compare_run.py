"""Compare runs: one prompt sent with several settings side by side, and what each column measured.

A run has columns (a profile and settings each) and rounds (a prompt each, sent to every column). Each
column's replies form their own branch of the conversation's message tree, below the message the run
started from; `core.compare.session` sends them and `core.store.compare_runs` keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, cast

from core.model.request_settings import RequestSettings, ThinkingSettings

MAX_COLUMNS = 6


@dataclass(frozen=True)
class ColumnMetrics:
    """What one column's reply measured: monotonic-clock timings and the API's own counts."""

    time_to_first_token: float | None = None
    duration: float | None = None
    output_tokens_per_second: float | None = None
    """Output tokens over the time from the first content to the end: the generation speed, not the wait."""
    input_tokens: int | None = None
    output_tokens: int | None = None
    cache_read_tokens: int | None = None
    cache_write_tokens: int | None = None
    thinking_tokens: int | None = None
    """None unless the server reports it (`usage.output_tokens_details`); it is part of output_tokens."""
    stop_reason: str | None = None
    cost_usd: float | None = None
    request_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ColumnMetrics:
        """Lenient like `core.model.codec`: unknown keys are ignored, a value of the wrong type reads as
        None."""
        values: dict[str, Any] = {}
        accepted: dict[str, type | tuple[type, ...]] = {
            "int | None": int,
            "float | None": (int, float),
            "str | None": str,
        }
        for item in fields(cls):
            value = data.get(item.name)
            expected = accepted[str(item.type)]
            if isinstance(value, expected) and not isinstance(value, bool):
                # A looked-up type does not narrow `value`; for a float field it was just found int or float.
                values[item.name] = float(cast(float, value)) if item.type == "float | None" else value
        return cls(**values)


@dataclass
class CompareColumn:
    index: int
    profile_name: str | None
    settings: RequestSettings
    reply_ids: list[int] = field(default_factory=list)
    """One stored assistant message per round."""
    metrics: list[ColumnMetrics | None] = field(default_factory=list)
    """Per round; None while the reply streams (or if the app stopped before it ended)."""


@dataclass
class CompareRun:
    id: int
    conversation_id: int
    base_message_id: int | None
    """The conversation's leaf when the run started: every column continues from it."""
    prompts: list[str]
    columns: list[CompareColumn]
    created_at: float = 0.0
    chosen_column: int | None = None


@dataclass(frozen=True)
class Alternative:
    """Another column's reply to the round a chosen reply answered: kept for reading, never sent."""

    column: CompareColumn
    message_id: int
    metrics: ColumnMetrics | None


def alternatives(run: CompareRun, message_id: int) -> tuple[CompareColumn, list[Alternative]]:
    """The column whose reply `message_id` is, and the other columns' replies to the same round.
    Raises ValueError when the message is not a reply of the run."""
    for column in run.columns:
        if message_id in column.reply_ids:
            round_index = column.reply_ids.index(message_id)
            others = [
                Alternative(other, other.reply_ids[round_index], _at(other.metrics, round_index))
                for other in run.columns
                if other is not column and round_index < len(other.reply_ids)
            ]
            return column, others
    raise ValueError(f"Message {message_id} is not a reply of compare run {run.id}.")


def _at(metrics: list[ColumnMetrics | None], index: int) -> ColumnMetrics | None:
    return metrics[index] if index < len(metrics) else None


# -- what differs between two columns -------------------------------------------------------------------

FIELD_LABELS: Mapping[str, str] = {
    "profile": "profile",
    "model": "model",
    "max_tokens": "max tokens",
    "system": "system prompt",
    "temperature": "temperature",
    "top_p": "top_p",
    "top_k": "top_k",
    "stop_sequences": "stop sequences",
    "stream": "streaming",
    "thinking": "thinking",
    "effort": "effort",
    "output_schema": "output schema",
    "tools": "tools",
    "tool_choice": "tool choice",
    "cache_control": "caching",
    "metadata_user_id": "user id",
    "service_tier": "service tier",
    "inference_geo": "inference region",
    "container": "container",
    "extra_json": "extra JSON",
    "mcp_servers": "MCP servers",
}
"""English names of the fields; the GUI translates `Difference.field` with a table of its own."""

# Long or structured values: the header says only that they changed.
_CHANGED_ONLY = frozenset({"system", "tools", "tool_choice", "output_schema", "extra_json", "stop_sequences"})


@dataclass(frozen=True)
class Difference:
    field: str
    """A RequestSettings field name, or "profile"."""
    value_text: str
    """The column's value, short: "0.2", "8k", "off", "changed", "default"."""

    def label(self) -> str:
        """English, e.g. "temperature 0.2", "thinking 8k", "system prompt changed"."""
        return f"{FIELD_LABELS.get(self.field, self.field)} {self.value_text}"


def differences(
    base: RequestSettings, base_profile: str | None, column: RequestSettings, column_profile: str | None
) -> list[Difference]:
    """Only what the column changes from the base, in the order of the settings form."""
    found: list[Difference] = []
    if column_profile != base_profile:
        found.append(Difference("profile", column_profile or "none"))
    for item in fields(RequestSettings):
        ours, theirs = getattr(column, item.name), getattr(base, item.name)
        if ours != theirs:
            found.append(Difference(item.name, _field_text(item.name, ours)))
    return found


def _field_text(name: str, value: Any) -> str:
    if name in _CHANGED_ONLY:
        return "changed" if value else "none"
    if name == "mcp_servers":
        return "all" if value is None else ", ".join(value) or "none"
    if name == "thinking":
        return thinking_text(value)
    return _value_text(value)


def settings_differences(
    base: RequestSettings, base_profile: str | None, column: RequestSettings, column_profile: str | None
) -> list[str]:
    return [difference.label() for difference in differences(base, base_profile, column, column_profile)]


def distinguishing_differences(
    columns: Sequence[tuple[str | None, RequestSettings]],
) -> list[list[Difference]]:
    """For each column (profile name, settings), its values of the fields not the same in every column.

    This names a column by what sets it apart ("temperature 0.2, effort high") in every place that shows it,
    instead of "Column 2". Columns with identical settings get identical lists; the caller numbers them.
    Fields shown only as "changed" (system prompt, tools…) read "changed" in every column that has one.
    """
    if not columns:
        return []
    base_profile, base = columns[0]
    varying: set[str] = set()
    for profile, settings in columns[1:]:
        varying.update(item.field for item in differences(base, base_profile, settings, profile))
    found: list[list[Difference]] = []
    for profile, settings in columns:
        named: list[Difference] = []
        if "profile" in varying:
            named.append(Difference("profile", profile or "none"))
        for item in fields(RequestSettings):
            if item.name in varying:
                named.append(Difference(item.name, _field_text(item.name, getattr(settings, item.name))))
        found.append(named)
    return found


def thinking_text(thinking: ThinkingSettings | None) -> str:
    if thinking is None or thinking.mode == "disabled":
        return "off"
    if thinking.mode == "adaptive" or thinking.budget_tokens is None:
        return thinking.mode
    return tokens_text(thinking.budget_tokens)


def tokens_text(count: int) -> str:
    """8192 -> "8k", 16000 -> "16k", 1500 -> "1500"."""
    for unit in (1024, 1000):
        if count >= unit and count % unit == 0:
            return f"{count // unit}k"
    return str(count)


def _value_text(value: Any) -> str:
    if value is None:
        return "default"
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, dict):
        return ", ".join(f"{key} {item}" for key, item in value.items())
    return str(value)


# -- the best column per metric ---------------------------------------------------------------------------

LOWER_IS_BETTER = ("time_to_first_token", "duration", "cost_usd")
HIGHER_IS_BETTER = ("output_tokens_per_second",)


TIE_DECIMALS: Mapping[str, int] = {
    "time_to_first_token": 2,
    "duration": 2,
    "output_tokens_per_second": 1,
    "cost_usd": 6,
}
"""The precision the window and the reports show each metric at: values equal there are tied."""


def best_per_metric(metrics: Sequence[ColumnMetrics | None]) -> dict[str, tuple[int, ...]]:
    """Metric name -> the indexes of the columns with the best value: every one of them when tied.

    Values equal at the precision they are shown at (`TIE_DECIMALS`) are tied: a difference nobody can see
    is no win, and marking one of two equal-looking values would say otherwise. Only replies that ended with
    a stop reason compete (a reply cut by an error is fast and cheap, not good), and a metric is named only
    when at least two columns have it: a lone value is not "best" of anything.
    """
    finished = [(index, item) for index, item in enumerate(metrics) if item and item.stop_reason]
    best: dict[str, tuple[int, ...]] = {}
    for name in (*LOWER_IS_BETTER, *HIGHER_IS_BETTER):
        values = [
            (round(value, TIE_DECIMALS[name]), index)
            for index, item in finished
            if (value := getattr(item, name)) is not None
        ]
        if len(values) < 2:
            continue
        pick = max if name in HIGHER_IS_BETTER else min
        top = pick(value for value, _ in values)
        best[name] = tuple(index for value, index in values if value == top)
    return best
