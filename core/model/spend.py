"""Spend over time: tokens and cost per day, by model, provider and where the replies came from, and what
prompt caching saved.

The store sums each day's replies (`core.store.spend`); these values add the days up into weeks or months
and group them by what the user picked. Plain values: the GUI words the sources and formats the numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum

from core.model.pricing import ModelPrice


class SpendSource(StrEnum):
    CHAT = "chat"
    COMPARE = "compare"
    GRID = "grid"
    JUDGE = "judge"
    """An LLM judge's requests (a grid's judge pass), by the judge's model and provider."""


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    """Weeks start on Monday (ISO 8601)."""
    MONTH = "month"


class GroupBy(StrEnum):
    MODEL = "model"
    PROVIDER = "provider"
    SOURCE = "source"


@dataclass(frozen=True)
class SpendFigures:
    """What some replies used and cost. Addable, so days sum into weeks and models into totals."""

    replies: int = 0
    input_tokens: int = 0
    """Uncached input: what the API bills at the full input price."""
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    """Every cache write, whatever its lifetime (the 1-hour ones are also counted below)."""
    cache_write_1h_tokens: int = 0
    cost_usd: float = 0.0
    """The cost saved with each reply (the prices when it was made); unpriced replies add nothing."""
    saved_usd: float = 0.0
    """What caching saved at the model's prices: reads at the full input price less what they cost, less the
    premium paid for writes. Negative when more was written than read back."""
    unpriced_replies: int = 0
    """Replies of a model with no known price: their tokens count, their cost and savings cannot."""

    def __add__(self, other: SpendFigures) -> SpendFigures:
        return SpendFigures(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens + self.cache_read_tokens + self.cache_write_tokens


@dataclass(frozen=True)
class SpendRow:
    """One day's replies of one model through one provider, from one source."""

    day: dt.date
    """The local calendar day the reply was made."""
    model: str
    provider: str | None
    """The provider profile's name; None where the store does not know it."""
    source: SpendSource
    figures: SpendFigures


@dataclass(frozen=True)
class SpendBucket:
    """A period (its first day) and one group's figures in it; `key` is the model, the provider's name or
    the source's value, as grouped."""

    start: dt.date
    key: str | None
    figures: SpendFigures


def caching_saved(price: ModelPrice, cache_read: int, cache_write_5m: int, cache_write_1h: int) -> float:
    """US dollars caching saved: each token read from the cache would have cost the full input price, and
    each token written cost more than the input price would have."""
    per_token = 1 / 1_000_000
    saved = (
        cache_read * (price.input - price.cache_read)
        - cache_write_5m * (price.cache_write_5m - price.input)
        - cache_write_1h * (price.cache_write_1h - price.input)
    )
    return saved * per_token


def period_start(day: dt.date, period: Period) -> dt.date:
    if period is Period.WEEK:
        return day - dt.timedelta(days=day.weekday())
    if period is Period.MONTH:
        return day.replace(day=1)
    return day


def group_key(row: SpendRow, group_by: GroupBy) -> str | None:
    if group_by is GroupBy.MODEL:
        return row.model
    if group_by is GroupBy.PROVIDER:
        return row.provider
    return row.source.value


def buckets(rows: Iterable[SpendRow], period: Period, group_by: GroupBy) -> list[SpendBucket]:
    """The rows summed per period and group, oldest period first, then the costliest group first."""
    sums: dict[tuple[dt.date, str | None], SpendFigures] = {}
    for row in rows:
        key = (period_start(row.day, period), group_key(row, group_by))
        sums[key] = sums.get(key, SpendFigures()) + row.figures
    return [
        SpendBucket(start, key, figures)
        for (start, key), figures in sorted(
            sums.items(), key=lambda item: (item[0][0], -item[1].cost_usd, item[0][1] or "")
        )
    ]


def total(items: Sequence[SpendBucket] | Sequence[SpendRow]) -> SpendFigures:
    figures = SpendFigures()
    for item in items:
        figures = figures + item.figures
    return figures


def periods(first: dt.date, last: dt.date, period: Period) -> list[dt.date]:
    """Every period's first day from the one holding `first` to the one holding `last`: the chart's axis,
    with the periods nothing was spent in."""
    starts: list[dt.date] = []
    current = period_start(first, period)
    while current <= last:
        starts.append(current)
        if period is Period.DAY:
            current += dt.timedelta(days=1)
        elif period is Period.WEEK:
            current += dt.timedelta(days=7)
        else:
            current = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return starts


CSV_COLUMNS = (
    "period_start", "period", "group_by", "group", "replies", "input_tokens", "output_tokens",
    "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens", "cost_usd", "saved_by_caching_usd",
    "unpriced_replies",
)  # fmt: skip
"""Machine-readable names (a spreadsheet's or a script's), the same in every interface language."""


def csv_text(items: Sequence[SpendBucket], period: Period, group_by: GroupBy) -> str:
    """The buckets as CSV, one line each, dollars to the millionth; an unknown group is an empty field."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        f = item.figures
        writer.writerow(
            [
                item.start.isoformat(), period.value, group_by.value, item.key or "", f.replies,
                f.input_tokens, f.output_tokens, f.cache_read_tokens, f.cache_write_tokens,
                f.cache_write_1h_tokens, f"{f.cost_usd:.6f}", f"{f.saved_usd:.6f}", f.unpriced_replies,
            ]
        )  # fmt: skip
    return out.getvalue()
