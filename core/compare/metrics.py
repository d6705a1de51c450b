"""What one compare column's reply measured, taken from the reply as it was read off the network."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from core.model.catalog import cost_of
from core.model.compare_run import ColumnMetrics
from core.model.pricing import ModelPrice

if TYPE_CHECKING:
    from core.api.reply import ReplyResult


def column_metrics(
    result: ReplyResult, model: str, price_overrides: Mapping[str, ModelPrice]
) -> ColumnMetrics:
    """Timings on the monotonic clock, the API's own token counts, the cost at `model`'s prices (overrides
    first) and the request id. The speed is output tokens over the time from the first content to the end:
    the generation speed, not the wait."""
    metrics = result.metrics
    usage = result.message.usage if result.message is not None else None
    speed = None
    if usage is not None and metrics.first_content_at is not None and metrics.finished_at is not None:
        generating = metrics.finished_at - metrics.first_content_at
        speed = usage.output_tokens / generating if generating > 0 and usage.output_tokens else None
    return ColumnMetrics(
        time_to_first_token=metrics.time_to_first_token,
        duration=metrics.duration,
        output_tokens_per_second=speed,
        input_tokens=usage.input_tokens if usage else None,
        output_tokens=usage.output_tokens if usage else None,
        cache_read_tokens=usage.cache_read_input_tokens if usage else None,
        cache_write_tokens=usage.cache_creation_input_tokens if usage else None,
        thinking_tokens=usage.thinking_tokens if usage else None,
        stop_reason=result.message.stop_reason if result.message is not None else None,
        cost_usd=cost_of(usage, model, dict(price_overrides)) if usage else None,
        request_id=result.request_id,
    )


def loop_total(earlier: ColumnMetrics | None, later: ColumnMetrics) -> ColumnMetrics:
    """A column's round whose tool loop made several requests, measured as one: tokens and cost added up,
    the first request's time to first token, the requests' durations added (the tools' own time is not the
    model's), the last request's speed, stop reason and request id."""
    if earlier is None:
        return later

    def added(a: float | None, b: float | None) -> float | None:
        return b if a is None else a if b is None else a + b

    def added_int(a: int | None, b: int | None) -> int | None:
        return b if a is None else a if b is None else a + b

    return ColumnMetrics(
        time_to_first_token=earlier.time_to_first_token,
        duration=added(earlier.duration, later.duration),
        output_tokens_per_second=later.output_tokens_per_second,
        input_tokens=added_int(earlier.input_tokens, later.input_tokens),
        output_tokens=added_int(earlier.output_tokens, later.output_tokens),
        cache_read_tokens=added_int(earlier.cache_read_tokens, later.cache_read_tokens),
        cache_write_tokens=added_int(earlier.cache_write_tokens, later.cache_write_tokens),
        thinking_tokens=added_int(earlier.thinking_tokens, later.thinking_tokens),
        stop_reason=later.stop_reason,
        cost_usd=added(earlier.cost_usd, later.cost_usd),
        request_id=later.request_id,
    )
