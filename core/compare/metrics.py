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
