"""The cost of a judge pass before it runs: the judge prompts counted by the fake server's count_tokens (or
estimated where a provider has none), priced at the judge model's price, pairs twice."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.input_count import InputCounter
from core.demo import FakeServer, HttpError
from core.demo.replies import estimate_input_tokens
from core.judging.judge_cost import judge_cost_preview
from core.judging.judge_plan import judge_settings, plan_rubric, user_turn
from core.model.judging import JudgementStatus, RubricScore
from core.model.output_estimate import estimate_tokens as estimate_text_tokens
from core.model.profile import Profile
from core.model.send_preview import estimate_tokens
from tests.core.judging.judge_helpers import HAIKU_PRICE, KEY, PAIRWISE, REPLIES, RUBRIC, Keys, finished_run


def count_bodies(server: FakeServer) -> list[dict]:
    return [r.body for r in server.requests if r.path == "/v1/messages/count_tokens"]


async def test_each_judge_prompt_is_counted_and_priced_at_the_judge_models_price() -> None:
    run = finished_run(failed=((1, 1),))  # three finished cells to score
    existing = [RubricScore(7, 0, 1, 0, template_id=3, status=JudgementStatus.SCORED, scores={"x": 3})]
    async with FakeServer(api_key=KEY) as server:
        pool = ClientPool(Keys(), [Profile("Judge", server.base_url)], retry=RetryPolicy(max_retries=0))
        preview = await judge_cost_preview(
            run, RUBRIC, InputCounter(pool), existing=existing, price_overrides=pool.price_overrides
        )
        await pool.aclose()
        bodies = count_bodies(server)

    # (0, 1) judged already, (1, 1) failed: two prompts counted, both of column 0.
    assert len(bodies) == 2 and {b["model"] for b in bodies} == {RUBRIC.model}
    assert all('"scores"' in b["system"] for b in bodies)
    assert {REPLIES[(0, 0)] in b["messages"][0]["content"][0]["text"] for b in bodies} == {True, False}
    (column,) = preview.variants
    assert column.variant == 0 and column.requests == 2 and column.model == RUBRIC.model
    assert column.input_tokens == sum(estimate_input_tokens(b) for b in bodies)
    assert not preview.estimated and preview.unpriced_models == ()
    answer = estimate_text_tokens(
        json.dumps({"scores": {"correctness": 3, "clarity": 3}, "reasons": "x" * 400})
    )
    assert column.output_tokens_low == 2 * answer and column.output_tokens_high == 2 * RUBRIC.max_tokens
    input_usd = column.input_tokens * HAIKU_PRICE[0]
    assert column.high_usd == pytest.approx((input_usd + 600 * HAIKU_PRICE[1]) / 1e6)
    assert preview.low_usd == pytest.approx((input_usd + 2 * answer * HAIKU_PRICE[1]) / 1e6)


async def test_a_pair_is_counted_once_and_priced_for_both_orders() -> None:
    run = finished_run()
    async with FakeServer(api_key=KEY) as server:
        pool = ClientPool(Keys(), [Profile("Judge", server.base_url)], retry=RetryPolicy(max_retries=0))
        preview = await judge_cost_preview(run, PAIRWISE, InputCounter(pool), [(0, 1)])
        await pool.aclose()
        bodies = count_bodies(server)
    assert len(bodies) == 2  # one per case: the swapped order quotes the same two replies
    (pair,) = preview.variants
    assert pair.variant == 0 and pair.requests == 4
    assert pair.input_tokens == 2 * sum(estimate_input_tokens(b) for b in bodies)
    assert pair.output_tokens_high == 4 * PAIRWISE.max_tokens


async def test_without_count_tokens_the_prompts_are_estimated_and_an_unknown_model_is_named() -> None:
    run = finished_run()
    template = replace(RUBRIC, model="my-local-judge")
    async with FakeServer(api_key=KEY) as server:
        server.enqueue(HttpError(404, "Not Found"), path="/v1/messages/count_tokens")
        pool = ClientPool(Keys(), [Profile("Judge", server.base_url)], retry=RetryPolicy(max_retries=0))
        preview = await judge_cost_preview(run, template, InputCounter(pool))
        await pool.aclose()
        asked = len(count_bodies(server))
    assert asked == 1  # refused once: the rest estimated without asking
    assert preview.estimated and preview.unpriced_models == ("my-local-judge",)
    assert preview.low_usd == preview.high_usd == 0.0 and preview.requests == 4
    settings = judge_settings(template)
    assert sum(column.input_tokens for column in preview.variants) == sum(
        estimate_tokens([user_turn(plan.prompts[0])], settings) for plan in plan_rubric(run, template)
    )
