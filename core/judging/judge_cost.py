"""The cost of a judge pass before it is sent, in the grid preview's terms (`core.grid.cost.CostPreview`).

Input: each judge request (system prompt with the answer format, and the filled-in template) counted with
the provider's `count_tokens` where it has one, estimated locally where it has not. A pair is asked in both
orders: the two requests quote the same replies, so one is counted and the pair priced twice. Output: a
range per request, the low end an answer of the asked shape with a few sentences of reasons, the high end
the template's `max_tokens`. A malformed answer asked for again costs a second request the preview does not
include (it should be rare); the judgements the pass would skip (already made) are not counted.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Sequence

from core.chat.input_count import InputCounter
from core.grid.cost import COUNTS_AT_ONCE, CostPreview, PriceOverrides, VariantCost
from core.judging.judge_plan import (
    Pair,
    PlannedJudgement,
    check_judging,
    judge_settings,
    plan_pairs,
    plan_rubric,
    user_turn,
)
from core.model.catalog import price_for
from core.model.grid import GridRun
from core.model.judging import JudgeKind, JudgeTemplate, PairJudgement, RubricScore
from core.model.output_estimate import estimate_tokens as estimate_text_tokens
from core.model.pricing import ModelPrice
from core.model.request_settings import RequestSettings

TYPICAL_REASONS = "x" * 400
"""A few sentences of reasons: what the low end of the output range assumes (~100 tokens)."""


async def judge_cost_preview(
    run: GridRun,
    template: JudgeTemplate,
    counter: InputCounter,
    pairs: Sequence[Pair] = (),
    *,
    existing: Iterable[RubricScore | PairJudgement] = (),
    price_overrides: PriceOverrides | None = None,
) -> CostPreview:
    """Count and price judging the run's finished cells with the template (pairwise: these column pairs),
    leaving out the judgements `existing` already holds. One row per judged column (rubric: `variant` is
    the column) or per pair (pairwise: `variant` is the pair's index in `pairs`). Raises
    JudgeTemplateError when the template cannot judge; never raises for a failed count."""
    overrides = price_overrides or (lambda _: {})
    if template.kind == JudgeKind.RUBRIC:
        check_judging(run, template, JudgeKind.RUBRIC)
        planned = plan_rubric(run, template, [item for item in existing if isinstance(item, RubricScore)])
        rows: dict[int, list[PlannedJudgement]] = {column: [] for column in range(len(run.variants))}
        for plan in planned:
            rows[plan.columns[0]].append(plan)
    else:
        check_judging(run, template, JudgeKind.PAIRWISE, pairs)
        found = [item for item in existing if isinstance(item, PairJudgement)]
        planned = plan_pairs(run, template, pairs, found)
        index = {frozenset(pair): number for number, pair in enumerate(pairs)}
        rows = {number: [] for number in range(len(pairs))}
        for plan in planned:
            rows[index[frozenset(plan.columns)]].append(plan)

    settings = judge_settings(template)
    counts = await _count_all(counter, settings, planned)
    answer = estimate_text_tokens(_typical_answer(template))
    found_rows: list[VariantCost] = []
    for row, plans in rows.items():
        if not plans:
            continue
        price = price_for(settings.model, dict(overrides(plans[0].profile)))
        orders = len(plans[0].prompts)
        requests = len(plans) * orders
        input_tokens = sum(counts[id(plan)][0] for plan in plans) * orders
        output_low = min(settings.max_tokens, answer) * requests
        output_high = settings.max_tokens * requests
        found_rows.append(
            VariantCost(
                variant=row,
                model=settings.model,
                requests=requests,
                input_tokens=input_tokens,
                output_tokens_low=output_low,
                output_tokens_high=output_high,
                low_usd=_price(price, input_tokens, output_low),
                high_usd=_price(price, input_tokens, output_high),
                estimated=not all(counts[id(plan)][1] for plan in plans),
            )
        )
    unpriced = (settings.model,) if any(item.low_usd is None for item in found_rows) else ()
    return CostPreview(
        low_usd=sum(item.low_usd for item in found_rows if item.low_usd is not None),
        high_usd=sum(item.high_usd for item in found_rows if item.high_usd is not None),
        variants=tuple(found_rows),
        estimated=any(item.estimated for item in found_rows),
        unpriced_models=unpriced,
    )


def _typical_answer(template: JudgeTemplate) -> str:
    if template.kind == JudgeKind.RUBRIC:
        scores = {criterion.name: 3 for criterion in template.criteria}
        return json.dumps({"scores": scores, "reasons": TYPICAL_REASONS})
    return json.dumps({"winner": "tie", "reasons": TYPICAL_REASONS})


def _price(price: ModelPrice | None, input_tokens: int, output_tokens: int) -> float | None:
    if price is None:
        return None
    return (input_tokens * price.input + output_tokens * price.output) / 1_000_000


async def _count_all(
    counter: InputCounter, settings: RequestSettings, planned: Sequence[PlannedJudgement]
) -> dict[int, tuple[int, bool]]:
    """Each planned judgement's first prompt counted, a few at a time: id(plan) -> (tokens, counted by the
    provider). Per profile the first count goes alone: a provider without count_tokens answers it 404 and
    the counter then estimates the rest without asking."""
    gate = asyncio.Semaphore(COUNTS_AT_ONCE)
    counts: dict[int, tuple[int, bool]] = {}

    async def one(plan: PlannedJudgement) -> None:
        async with gate:
            preview = await counter.count(plan.profile, [user_turn(plan.prompts[0])], settings)
        counts[id(plan)] = (preview.tokens, preview.exact)

    async def profile_counts(plans: list[PlannedJudgement]) -> None:
        await one(plans[0])
        await asyncio.gather(*(one(plan) for plan in plans[1:]))

    by_profile: dict[str | None, list[PlannedJudgement]] = {}
    for plan in planned:
        by_profile.setdefault(plan.profile, []).append(plan)
    await asyncio.gather(*(profile_counts(plans) for plans in by_profile.values()))
    return counts
