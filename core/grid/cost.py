"""The cost of a grid run before it is sent: what the user confirms before 900 requests go out.

Input: each distinct request input (system + context + prompt, with the variant's model and tools) counted
once with the provider's `count_tokens` where it has one (`core.chat.input_count.InputCounter`, the send
preview's counter), estimated locally where it has not; `estimated` says when any count is an estimate.
Output: a range per request, the low end a reply as long as the case's expected notes (none: no output),
the high end `max_tokens` (a reply cannot be longer; thinking counts within it). Caching is left out: every
input is priced in full, so a cached run costs less than the preview, never more.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from core.chat.input_count import InputCounter
from core.grid.cell_request import cell_messages, cell_settings
from core.model.catalog import price_for
from core.model.grid import GridVariant, TestSet
from core.model.messages import ChatMessage
from core.model.output_estimate import estimate_tokens as estimate_text_tokens
from core.model.pricing import BATCH_DISCOUNT, ModelPrice
from core.model.request_settings import RequestSettings

COUNTS_AT_ONCE = 4
"""count_tokens requests in flight at once: quick enough for 300 distinct prompts, gentle on the provider."""

PriceOverrides = Callable[[str | None], Mapping[str, ModelPrice]]
"""Profile name -> its price overrides (`ClientPool.price_overrides`)."""


@dataclass(frozen=True)
class VariantCost:
    variant: int
    model: str
    requests: int
    """Cases × repeats."""
    input_tokens: int
    """Over every request of the column (each repeat sends its input again)."""
    output_tokens_low: int
    output_tokens_high: int
    low_usd: float | None
    high_usd: float | None
    """None when the model has no known price (left out of the total; `unpriced_models` names it)."""
    estimated: bool
    """Some of the column's input was estimated here, not counted by the provider."""

    @property
    def batch_low_usd(self) -> float | None:
        """The same requests sent through the Message Batches API, at the batch price."""
        return None if self.low_usd is None else self.low_usd * BATCH_DISCOUNT

    @property
    def batch_high_usd(self) -> float | None:
        return None if self.high_usd is None else self.high_usd * BATCH_DISCOUNT


@dataclass(frozen=True)
class CostPreview:
    low_usd: float
    high_usd: float
    """Over the priced columns only."""
    variants: tuple[VariantCost, ...]
    estimated: bool
    """Some input was estimated locally (a provider without count_tokens, or one that did not answer)."""
    unpriced_models: tuple[str, ...]
    """Models with no known price, each once, in column order: their cost is not in the totals."""

    @property
    def requests(self) -> int:
        return sum(item.requests for item in self.variants)

    @property
    def batch_low_usd(self) -> float:
        """The run sent through the Message Batches API: every price halved, so the range is too (a
        provider without batches runs live, at `low_usd`..`high_usd`)."""
        return self.low_usd * BATCH_DISCOUNT

    @property
    def batch_high_usd(self) -> float:
        return self.high_usd * BATCH_DISCOUNT


async def cost_preview(
    test_set: TestSet,
    variants: Sequence[GridVariant],
    repeats: int,
    counter: InputCounter,
    price_overrides: PriceOverrides | None = None,
) -> CostPreview:
    """Count and price a run of every case × variant × repeat. Raises MissingVariableError (from rendering
    the prompts) when a case lacks a variable the template names; never raises for a failed count."""
    overrides = price_overrides or (lambda _: {})
    requests: dict[tuple[str, ...], tuple[str | None, list[ChatMessage], RequestSettings]] = {}
    keys: list[list[tuple[str, ...]]] = []
    for variant in variants:
        settings = cell_settings(test_set, variant)
        column: list[tuple[str, ...]] = []
        for case in test_set.cases:
            messages = cell_messages(test_set, case)
            key = _input_key(variant.profile_name, messages, settings)
            requests.setdefault(key, (variant.profile_name, messages, settings))
            column.append(key)
        keys.append(column)

    counts = await _count_all(counter, requests)
    found: list[VariantCost] = []
    for index, (variant, column) in enumerate(zip(variants, keys, strict=True)):
        settings = cell_settings(test_set, variant)
        input_tokens = sum(counts[key][0] for key in column) * repeats
        output_low = sum(
            min(settings.max_tokens, estimate_text_tokens(case.expected)) for case in test_set.cases
        )
        output_high = settings.max_tokens * len(test_set.cases)
        price = price_for(settings.model, dict(overrides(variant.profile_name)))
        found.append(
            VariantCost(
                variant=index,
                model=settings.model,
                requests=len(test_set.cases) * repeats,
                input_tokens=input_tokens,
                output_tokens_low=output_low * repeats,
                output_tokens_high=output_high * repeats,
                low_usd=_price(price, input_tokens, output_low * repeats),
                high_usd=_price(price, input_tokens, output_high * repeats),
                estimated=not all(counts[key][1] for key in column),
            )
        )
    unpriced = dict.fromkeys(item.model for item in found if item.low_usd is None)
    return CostPreview(
        low_usd=sum(item.low_usd for item in found if item.low_usd is not None),
        high_usd=sum(item.high_usd for item in found if item.high_usd is not None),
        variants=tuple(found),
        estimated=any(item.estimated for item in found),
        unpriced_models=tuple(unpriced),
    )


def _price(price: ModelPrice | None, input_tokens: int, output_tokens: int) -> float | None:
    if price is None:
        return None
    return (input_tokens * price.input + output_tokens * price.output) / 1_000_000


def _input_key(
    profile: str | None, messages: list[ChatMessage], settings: RequestSettings
) -> tuple[str, ...]:
    """What the input count depends on: two columns differing only in temperature share their counts."""

    def text(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)

    return (
        profile or "",
        settings.model,
        text(settings.system),
        text(settings.tools),
        text(settings.tool_choice),
        repr(settings.thinking),
        text(settings.output_schema),
        text([message.to_api() for message in messages]),
    )


async def _count_all(
    counter: InputCounter,
    requests: Mapping[tuple[str, ...], tuple[str | None, list[ChatMessage], RequestSettings]],
) -> dict[tuple[str, ...], tuple[int, bool]]:
    """Each distinct input counted once, a few at a time: key -> (tokens, counted by the provider).

    Per profile the first count goes alone: a provider without count_tokens answers it 404 and the counter
    then estimates the rest without asking (rather than 4 refusals at once)."""
    gate = asyncio.Semaphore(COUNTS_AT_ONCE)
    counts: dict[tuple[str, ...], tuple[int, bool]] = {}

    async def one(key: tuple[str, ...]) -> None:
        profile, messages, settings = requests[key]
        async with gate:
            preview = await counter.count(profile, messages, settings)
        counts[key] = (preview.tokens, preview.exact)

    async def profile_counts(keys: list[tuple[str, ...]]) -> None:
        await one(keys[0])
        await asyncio.gather(*(one(key) for key in keys[1:]))

    by_profile: dict[str, list[tuple[str, ...]]] = {}
    for key in requests:
        by_profile.setdefault(key[0], []).append(key)
    await asyncio.gather(*(profile_counts(keys) for keys in by_profile.values()))
    return counts
