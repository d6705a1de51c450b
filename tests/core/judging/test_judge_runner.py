"""The LLM judge against the fake server over real HTTP, saving into a real SQLite store: rubric scores read
from the judge's JSON and saved with their cost, a malformed answer asked for once more then kept UNSCORED,
refusals, pairs asked in both orders (a verdict only when they agree), failed requests judged again next
time, throttling, a provider that cannot be reached, cancel, a store that fails, and quitting mid-pass."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import CutConnection, FakeServer, HttpError, Pace, Reply, Text
from core.grid.profile_queue import CONNECTION_FAILURES_TO_GIVE_UP
from core.judging.judge_plan import Pair
from core.judging.judge_prompts import JudgeTemplateError
from core.judging.judge_runner import JudgeBusyError, JudgeRunner
from core.model.grid import GridRun
from core.model.judging import (
    JudgementStatus,
    JudgeSpend,
    PairJudgement,
    PairVerdict,
    RubricScore,
    VoteSourceKind,
    variant_key,
)
from core.model.messages import Usage
from core.model.profile import Profile
from core.store.errors import StoreError
from core.store.services import JudgingService, StoreServices
from core.store.worker import StoreWorker
from tests.core.judging.judge_helpers import (
    HAIKU_PRICE,
    JUDGE_MODEL,
    KEY,
    PAIRWISE,
    REPLIES,
    RUBRIC,
    Keys,
    Recorder,
    finished_run,
    saved_run,
)
from tests.waiting import wait_until

USAGE = Usage(input_tokens=400, output_tokens=60)
ONE_ANSWER_USD = (400 * HAIKU_PRICE[0] + 60 * HAIKU_PRICE[1]) / 1e6


@dataclass
class Setup:
    server: FakeServer
    store: StoreWorker
    clients: ClientPool
    judging: JudgingService
    events: Recorder
    runner: JudgeRunner

    def bodies(self) -> list[dict]:
        return [r.body for r in self.server.requests if r.path == "/v1/messages"]

    async def run(self, **kwargs: Any) -> GridRun:
        return await saved_run(self.store, finished_run(**kwargs))

    async def scores(self, run: GridRun) -> list[RubricScore]:
        assert run.id is not None
        return await self.judging.rubric_scores(run.id)

    async def pairs(self, run: GridRun) -> list[PairJudgement]:
        assert run.id is not None
        return await self.judging.pair_judgements(VoteSourceKind.GRID, run.id)


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "judge.sqlite3")
        profiles = [Profile("Judge", server.base_url), Profile("Relay", server.base_url)]
        clients = ClientPool(Keys(), profiles, retry=RetryPolicy(max_retries=0))
        judging = StoreServices.over(store).judging
        events = Recorder()
        runner = JudgeRunner(clients, judging, events)
        yield Setup(server, store, clients, judging, events, runner)
        await runner.close()
        await clients.aclose()
        if not store.closed:
            await store.close()


def answer(text: str, **kwargs: object) -> Reply:
    return Reply([Text(text)], usage=USAGE, **kwargs)  # type: ignore[arg-type]


def slow(text: str) -> Reply:
    """An answer that takes many seconds to write: still in flight when the test stops it."""
    return Reply([Text(text)], usage=USAGE, pace=Pace(chunk_chars=4, delta_interval=1.0))


def scores(correctness: int, clarity: int, reasons: str = "Fine.") -> str:
    return json.dumps({"scores": {"correctness": correctness, "clarity": clarity}, "reasons": reasons})


def winner(letter: str, reasons: str = "Better.") -> str:
    return json.dumps({"winner": letter, "reasons": reasons})


async def test_rubric_scores_are_read_saved_with_their_cost_and_not_asked_again(setup: Setup) -> None:
    setup.server.enqueue(
        answer(scores(5, 4, "Correct and clear.")),
        answer("Here is my grading:\n```json\n" + scores(1, 3, "Lyon is wrong.") + "\n```\nHope it helps."),
        answer('{"scores": {"Correctness": "4", "CLARITY": 4.0, "style": 2}, "reasons": "ok"}'),
        answer(scores(5, 5)),
    )
    run = await setup.run()
    await setup.runner.judge_rubric(run, RUBRIC)

    saved = {(s.case, s.variant): s for s in await setup.scores(run)}
    assert set(saved) == set(REPLIES)
    assert {s.status for s in saved.values()} == {JudgementStatus.SCORED}
    assert saved[(0, 0)].scores == {"correctness": 5, "clarity": 4}
    assert saved[(0, 0)].reasons == "Correct and clear." and saved[(0, 0)].overall == 4.5
    assert saved[(0, 1)].scores == {"correctness": 1, "clarity": 3}  # read out of the fence and the prose
    assert saved[(1, 0)].scores == {"correctness": 4, "clarity": 4}  # names without case; unknown ignored
    assert all(s.template_id == RUBRIC.id and s.run_id == run.id for s in saved.values())
    assert saved[(1, 1)].cost_usd == pytest.approx(ONE_ANSWER_USD)
    # What the judge's request used, for the Spend view: its model, its provider, its tokens.
    assert saved[(1, 1)].spend == JudgeSpend(JUDGE_MODEL, "Judge", USAGE.input_tokens, USAGE.output_tokens)

    # What the judge was sent: the answer format as system prompt, the template filled in per cell.
    bodies = setup.bodies()
    assert len(bodies) == 4 and {b["model"] for b in bodies} == {JUDGE_MODEL}
    assert all('"scores"' in b["system"] and "integer" in b["system"] for b in bodies)
    first = bodies[0]["messages"][0]["content"][0]["text"]
    assert "Question: Answer briefly: What is the capital of France?" in first
    assert "Notes: Paris" in first and f"Reply: {REPLIES[(0, 0)]}" in first
    assert "- correctness (1–5): True and on topic" in first
    assert "Notes: (none given)" in bodies[2]["messages"][0]["content"][0]["text"]

    assert [type(j).__name__ for j in setup.events.finished] == ["RubricScore"] * 4
    done, total, cost = setup.events.progress_seen[-1]
    assert (done, total) == (4, 4) and cost == pytest.approx(4 * ONE_ANSWER_USD)
    assert setup.events.progress_seen[0] == (0, 4, 0.0)

    # Judged already: a second pass with the template sends nothing.
    await setup.runner.judge_rubric(run, RUBRIC)
    assert len(setup.bodies()) == 4 and setup.events.progress_seen[-1] == (0, 0, 0.0)


async def test_a_malformed_answer_is_asked_for_once_more_then_kept_unscored_with_the_replies(
    setup: Setup,
) -> None:
    setup.server.enqueue(
        answer("I would give it a four out of five overall."),
        answer(scores(4, 9)),  # asked again: still wrong (9 is off the scale)
        answer("Correctness 5."),
        answer(scores(5, 5, "Right.")),  # asked again: now right
    )
    run = await setup.run(failed=((1, 0), (1, 1)))  # only case 0's two cells finished
    await setup.runner.judge_rubric(run, RUBRIC)

    unscored, rescued = sorted(await setup.scores(run), key=lambda s: s.variant)
    assert unscored.status == JudgementStatus.UNSCORED and unscored.scores == {} and unscored.overall is None
    assert "I would give it a four" in unscored.raw_reply and '"clarity": 9' in unscored.raw_reply
    assert "clarity" in unscored.reasons and "1 to 5" in unscored.reasons  # why it could not be read
    assert unscored.cost_usd == pytest.approx(2 * ONE_ANSWER_USD)  # both answers paid for
    assert rescued.status == JudgementStatus.SCORED and rescued.scores == {"correctness": 5, "clarity": 5}

    bodies = setup.bodies()
    assert len(bodies) == 4  # each asked at most twice; the failed cells not at all
    retry = bodies[1]["messages"]
    assert [m["role"] for m in retry] == ["user", "assistant", "user"]
    assert retry[1]["content"][0]["text"] == "I would give it a four out of five overall."
    reminder = retry[2]["content"][0]["text"]
    assert "could not be read" in reminder and "no JSON object" in reminder and '"scores"' in reminder


async def test_a_judge_that_refuses_is_marked_refused_and_not_asked_again(setup: Setup) -> None:
    setup.server.enqueue(
        answer("I'm sorry, but I can't evaluate this content."),
        answer("The reply", stop_reason="refusal"),
    )
    run = await setup.run(failed=((1, 0), (1, 1)))
    await setup.runner.judge_rubric(run, RUBRIC)

    refused = await setup.scores(run)
    assert [s.status for s in refused] == [JudgementStatus.REFUSED] * 2
    assert refused[0].raw_reply == "I'm sorry, but I can't evaluate this content."
    assert len(setup.bodies()) == 2


async def test_pairs_are_asked_in_both_orders_and_count_only_when_both_agree(setup: Setup) -> None:
    setup.server.enqueue(
        answer(winner("A", "Paris is right.")),  # case 0, as given: column 0 shown first wins
        answer(winner("B", "Paris is right.")),  # swapped: column 0 shown second wins: agreed
        answer(winner("A", "First is better.")),  # case 1, as given: column 0
        answer(winner("A", "First is better.")),  # swapped: column 1 (position bias): disagreed
    )
    run = await setup.run()
    pairs: list[Pair] = [(0, 1)]
    await setup.runner.judge_pairs(run, PAIRWISE, pairs)

    agreed, disagreed = sorted(await setup.pairs(run), key=lambda j: j.source.item)
    assert agreed.status == JudgementStatus.SCORED
    assert (agreed.as_shown, agreed.swapped, agreed.verdict) == (PairVerdict.FIRST,) * 3
    assert not agreed.disagreed
    assert (disagreed.as_shown, disagreed.swapped) == (PairVerdict.FIRST, PairVerdict.SECOND)
    assert disagreed.verdict is None and disagreed.disagreed
    assert agreed.source.kind == VoteSourceKind.GRID and agreed.source.run_id == run.id
    assert agreed.columns == (0, 1) and agreed.template_id == PAIRWISE.id
    assert agreed.identities[0].key == variant_key("Relay", run.variants[0].settings)
    assert agreed.identities[1].label == "claude-sonnet-4-6 · temperature 1.0"
    assert len(agreed.raw_replies) == 2 and agreed.cost_usd == pytest.approx(2 * ONE_ANSWER_USD)
    assert agreed.spend == JudgeSpend(JUDGE_MODEL, "Judge", 2 * USAGE.input_tokens, 2 * USAGE.output_tokens)

    # The second order shows the other column's reply first.
    texts = [b["messages"][0]["content"][0]["text"] for b in setup.bodies()]
    assert f"<a>{REPLIES[(0, 0)]}</a>\n<b>{REPLIES[(0, 1)]}</b>" in texts[0]
    assert f"<a>{REPLIES[(0, 1)]}</a>\n<b>{REPLIES[(0, 0)]}</b>" in texts[1]
    assert all('"winner"' in b["system"] for b in setup.bodies())

    # Judged already, either way round: nothing sent again.
    await setup.runner.judge_pairs(run, PAIRWISE, [(1, 0)])
    assert len(setup.bodies()) == 4


async def test_a_failed_request_is_saved_failed_and_judged_again_next_time(setup: Setup) -> None:
    setup.server.enqueue(HttpError(400, "prompt is too long"), answer(scores(3, 3)))
    run = await setup.run(failed=((1, 0), (1, 1)))
    await setup.runner.judge_rubric(run, RUBRIC)
    failed = next(s for s in await setup.scores(run) if s.variant == 0)
    assert failed.status == JudgementStatus.FAILED and "prompt is too long" in failed.reasons
    assert len(setup.bodies()) == 2  # an HTTP error is not a format problem: not asked again

    setup.server.enqueue(answer(scores(4, 4)))
    await setup.runner.judge_rubric(run, RUBRIC)
    assert len(setup.bodies()) == 3
    again = next(s for s in await setup.scores(run) if s.variant == 0)
    assert again.status == JudgementStatus.SCORED and again.scores == {"correctness": 4, "clarity": 4}


async def test_a_throttled_judge_waits_as_retry_after_says_and_goes_on(setup: Setup) -> None:
    setup.server.enqueue(HttpError(429, "Slow down", headers={"retry-after": "0.4"}), answer(scores(2, 2)))
    run = await setup.run(failed=((1, 0), (1, 1), (0, 1)))
    started = time.monotonic()
    await setup.runner.judge_rubric(run, RUBRIC)
    (score,) = await setup.scores(run)
    assert score.status == JudgementStatus.SCORED and score.scores == {"correctness": 2, "clarity": 2}
    throttled, answered = setup.server.requests
    assert throttled.reply is None and answered.sent[0][0] - started >= 0.4


async def test_a_judge_provider_that_cannot_be_reached_fails_the_rest_without_asking(setup: Setup) -> None:
    cut = Reply([Text(scores(3, 3) * 20)], usage=USAGE, faults=[CutConnection(after_bytes=300)])
    setup.server.enqueue(*[cut] * 4)
    run = await setup.run(concurrency=1)
    await setup.runner.judge_rubric(run, RUBRIC)
    judged = await setup.scores(run)
    assert len(judged) == 4 and all(s.status == JudgementStatus.FAILED for s in judged)
    assert all("connection was cut" in s.reasons for s in judged)
    # Cut that many times in a row, the judge's provider was given up: the last judgement was never sent.
    assert len(setup.bodies()) == CONNECTION_FAILURES_TO_GIVE_UP == 3


async def test_cancel_stops_the_requests_in_flight_and_keeps_what_was_judged(setup: Setup) -> None:
    setup.server.enqueue(
        answer(scores(4, 4)),
        slow(scores(5, 5)),
    )
    run = await setup.run(concurrency=1)
    judging = asyncio.ensure_future(setup.runner.judge_rubric(run, RUBRIC))
    await wait_until(lambda: len(setup.server.requests) == 2, what="the second judge request")
    assert setup.runner.is_running(run.id)
    with pytest.raises(JudgeBusyError):
        await setup.runner.judge_rubric(run, RUBRIC)
    await setup.runner.cancel(run.id)
    async with asyncio.timeout(5):
        await judging
    await setup.server.wait_for_disconnect()
    assert [(s.case, s.variant) for s in await setup.scores(run)] == [(0, 0)]
    assert len(setup.server.requests) == 2 and not setup.runner.is_running(run.id)


async def test_a_template_that_cannot_judge_is_refused_before_anything_is_sent(setup: Setup) -> None:
    run = await setup.run()
    with pytest.raises(JudgeTemplateError, match="model"):
        await setup.runner.judge_rubric(run, replace(RUBRIC, model=""))
    with pytest.raises(JudgeTemplateError, match="Save the judge template"):
        await setup.runner.judge_rubric(run, replace(RUBRIC, id=None))
    with pytest.raises(JudgeTemplateError, match="not a rubric"):
        await setup.runner.judge_rubric(run, PAIRWISE)
    with pytest.raises(JudgeTemplateError, match="not a pair"):
        await setup.runner.judge_pairs(run, PAIRWISE, [(0, 5)])
    assert setup.server.requests == []


async def test_a_store_that_cannot_save_stops_the_pass_and_says_why(setup: Setup) -> None:
    # The second answer takes ~0.6 s: the store is closed while it is being written.
    paced = Reply([Text(scores(3, 3))], usage=USAGE, pace=Pace(chunk_chars=16, delta_interval=0.15))
    setup.server.enqueue(answer(scores(4, 4)), paced)
    run = await setup.run()
    judging = asyncio.ensure_future(setup.runner.judge_rubric(run, RUBRIC))
    await wait_until(lambda: len(setup.events.finished) == 1, what="the first judgement saved")
    await setup.store.close()  # every later write fails, as on a full disk
    async with asyncio.timeout(10):
        with pytest.raises(StoreError):
            await judging
    assert len(setup.bodies()) == 2  # nothing more was paid for once a judgement could not be kept
    assert len(setup.events.finished) == 1 and not setup.runner.is_running(run.id)


async def test_closing_the_app_stops_a_pass_mid_request(setup: Setup) -> None:
    setup.server.enqueue(slow(scores(5, 5)))
    run = await setup.run()
    judging = asyncio.ensure_future(setup.runner.judge_rubric(run, RUBRIC))
    await wait_until(lambda: len(setup.server.requests) == 1, what="the judge request")
    await setup.runner.close()
    assert judging.done() and judging.exception() is None
    assert await setup.scores(run) == [] and not setup.runner.is_running(run.id)


async def test_a_failed_pair_is_judged_again_and_replaces_the_failed_one(setup: Setup) -> None:
    setup.server.enqueue(
        HttpError(400, "prompt is too long"),
        answer(winner("B")),
        answer(winner("tie")),
        answer(winner("tie")),
    )
    run = await setup.run()
    await setup.runner.judge_pairs(run, PAIRWISE, [(0, 1)])
    failed, tied = sorted(await setup.pairs(run), key=lambda j: j.source.item)
    assert failed.status == JudgementStatus.FAILED and failed.verdict is None
    assert "prompt is too long" in failed.reasons and failed.swapped == PairVerdict.FIRST
    assert tied.verdict == PairVerdict.TIE

    setup.server.enqueue(answer(winner("A")), answer(winner("B")))
    await setup.runner.judge_pairs(run, PAIRWISE, [(1, 0)])  # asked the other way round: the same pair
    again, same = sorted(await setup.pairs(run), key=lambda j: j.source.item)
    assert len(setup.bodies()) == 6
    assert again.columns == (0, 1) and again.verdict == PairVerdict.FIRST
    assert same == tied
