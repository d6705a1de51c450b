"""A judge pass through the Message Batches API, against the fake server and a real SQLite store: the
judge's requests in one batch, results read as the live judge reads them and priced at the batch price, a
malformed answer asked once more live, refusals, an expired batch, pairs in both orders, a restart mid-batch
collected by a new runner, and a relay without batches (nothing sent)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import BatchPlan, FakeServer, Fate, HttpError, Reply, Text
from core.grid.batch_flow import PollPolicy
from core.grid.batch_runner import BatchesUnsupportedError
from core.judging.judge_batch import JudgeBatchRunner
from core.model.grid import GridRun
from core.model.judging import (
    BatchJob,
    BatchPurpose,
    BatchStatus,
    JudgementStatus,
    PairJudgement,
    PairVerdict,
    RubricScore,
    VoteSourceKind,
)
from core.model.messages import Usage
from core.model.profile import Profile
from core.store.services import JudgingService, StoreServices
from core.store.worker import StoreWorker
from tests.core.judging.judge_helpers import (
    HAIKU_PRICE,
    KEY,
    PAIRWISE,
    REPLIES,
    RUBRIC,
    Keys,
    finished_run,
    saved_run,
)
from tests.waiting import wait_until

FAST_POLLS = PollPolicy(first=0.01, factor=1.0, longest=0.01)
USAGE = Usage(input_tokens=400, output_tokens=60)
LIVE_USD = (400 * HAIKU_PRICE[0] + 60 * HAIKU_PRICE[1]) / 1e6


@dataclass
class Recorder:
    finished: list[RubricScore | PairJudgement] = field(default_factory=list)
    progress_seen: list[tuple[int, int, float]] = field(default_factory=list)
    statuses: list[BatchStatus] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def judgement_finished(self, run_id: int, judgement: RubricScore | PairJudgement) -> None:
        self.finished.append(judgement)

    def progress(self, run_id: int, done: int, total: int, cost_so_far: float) -> None:
        self.progress_seen.append((done, total, cost_so_far))

    def batch_status(self, run_id: int, job: BatchJob) -> None:
        self.statuses.append(job.status)

    def batch_failed(self, run_id: int, job: BatchJob, message: str) -> None:
        self.failures.append(message)


@dataclass
class Setup:
    server: FakeServer
    path: Path
    store: StoreWorker
    clients: ClientPool
    judging: JudgingService
    events: Recorder
    runner: JudgeBatchRunner

    def runner_over(self, store: StoreWorker, poll: PollPolicy = FAST_POLLS) -> JudgeBatchRunner:
        services = StoreServices.over(store)
        return JudgeBatchRunner(self.clients, services.judging, self.events, services.grids.run, poll=poll)

    def batch_requests(self) -> list[dict]:
        return [
            r.body for r in self.server.requests if r.method == "POST" and r.path == "/v1/messages/batches"
        ]

    def live_requests(self) -> list[dict]:
        return [r.body for r in self.server.requests if r.path == "/v1/messages"]


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY) as server:
        path = tmp_path / "judge.sqlite3"
        store = StoreWorker(path)
        profiles = [Profile("Judge", server.base_url), Profile("Relay", server.base_url)]
        clients = ClientPool(Keys(), profiles, retry=RetryPolicy(max_retries=0))
        services = StoreServices.over(store)
        events = Recorder()
        runner = JudgeBatchRunner(clients, services.judging, events, services.grids.run, poll=FAST_POLLS)
        yield Setup(server, path, store, clients, services.judging, events, runner)
        await runner.close()
        await clients.aclose()
        if not store.closed:
            await store.close()


def answer(text: str, **kwargs: object) -> Reply:
    return Reply([Text(text)], usage=USAGE, **kwargs)  # type: ignore[arg-type]


def scores(correctness: int, clarity: int) -> str:
    return json.dumps({"scores": {"correctness": correctness, "clarity": clarity}, "reasons": "Because."})


async def test_a_rubric_pass_goes_as_one_batch_read_like_the_live_judge_at_the_batch_price(
    setup: Setup,
) -> None:
    setup.server.plan_batches(
        BatchPlan(
            polls=1,
            results={
                "j0_o0": answer(scores(5, 4)),
                "j1_o0": answer("Here you go:\n```json\n" + scores(2, 3) + "\n```"),
                "j2_o0": answer("Four out of five."),  # asked once more, live
                "j3_o0": answer("", stop_reason="refusal"),
            },
        )
    )
    setup.server.enqueue(answer(scores(4, 4)))  # the live follow-up's answer
    run = await saved_run(setup.store, finished_run())
    assert run.id is not None

    [job] = await setup.runner.submit_rubric(run, RUBRIC)
    assert job.purpose == BatchPurpose.JUDGE and job.profile_name == "Judge" and job.id is not None
    await setup.runner.wait(run.id)

    [sent] = setup.batch_requests()
    requests = {item["custom_id"]: item["params"] for item in sent["requests"]}
    assert set(requests) == {"j0_o0", "j1_o0", "j2_o0", "j3_o0"}
    first = requests["j0_o0"]
    assert first["model"] == RUBRIC.model and "stream" not in first and '"scores"' in first["system"]
    assert f"Reply: {REPLIES[(0, 0)]}" in first["messages"][0]["content"][0]["text"]

    saved = {(s.case, s.variant): s for s in await setup.judging.rubric_scores(run.id)}
    assert saved[(0, 0)].scores == {"correctness": 5, "clarity": 4}
    assert saved[(0, 1)].scores == {"correctness": 2, "clarity": 3}
    assert saved[(1, 0)].status == JudgementStatus.SCORED and saved[(1, 0)].scores["clarity"] == 4
    assert saved[(1, 1)].status == JudgementStatus.REFUSED
    assert saved[(0, 0)].cost_usd == pytest.approx(LIVE_USD / 2)  # the batch price
    assert saved[(1, 0)].cost_usd == pytest.approx(LIVE_USD / 2 + LIVE_USD)  # + the live follow-up
    [follow_up] = setup.live_requests()
    assert [m["role"] for m in follow_up["messages"]] == ["user", "assistant", "user"]
    assert "could not be read" in follow_up["messages"][2]["content"][0]["text"]

    assert setup.events.progress_seen[-1][:2] == (4, 4)
    assert setup.events.statuses[-1] == BatchStatus.COLLECTED
    assert await setup.judging.open_batch_jobs() == []


async def test_pairs_in_a_batch_are_asked_in_both_orders_and_an_expired_batch_fails_the_rest(
    setup: Setup,
) -> None:
    setup.server.plan_batches(
        BatchPlan(
            polls=1,
            fate=Fate.EXPIRED,
            results={
                "j0_o0": answer('{"winner": "A", "reasons": "Paris."}'),
                "j0_o1": answer('{"winner": "B", "reasons": "Paris."}'),
                "j1_o0": HttpError(400, "max_tokens: too many"),
            },
        )
    )
    run = await saved_run(setup.store, finished_run())
    assert run.id is not None
    await setup.runner.submit_pairs(run, PAIRWISE, [(0, 1)])
    await setup.runner.wait(run.id)

    agreed, failed = sorted(
        await setup.judging.pair_judgements(VoteSourceKind.GRID, run.id), key=lambda j: j.source.item
    )
    assert agreed.verdict == PairVerdict.FIRST and agreed.cost_usd == pytest.approx(LIVE_USD)
    assert failed.status == JudgementStatus.FAILED and failed.verdict is None
    assert "max_tokens: too many" in failed.reasons and "24-hour limit" in failed.reasons
    texts = {
        item["custom_id"]: item["params"]["messages"][0]["content"][0]["text"]
        for item in setup.batch_requests()[0]["requests"]
    }
    assert texts["j0_o0"].index(REPLIES[(0, 0)]) < texts["j0_o0"].index(REPLIES[(0, 1)])
    assert texts["j0_o1"].index(REPLIES[(0, 1)]) < texts["j0_o1"].index(REPLIES[(0, 0)])


async def test_a_restart_mid_batch_is_collected_by_the_next_start(setup: Setup) -> None:
    template = await setup.judging.save_judge_template(replace(RUBRIC, id=None))  # found again by its id
    setup.server.plan_batches(BatchPlan(polls=3, results={"j0_o0": answer(scores(3, 3))}))
    run = await saved_run(setup.store, finished_run(failed=((1, 0), (1, 1), (0, 1))))
    assert run.id is not None
    slow = setup.runner_over(setup.store, PollPolicy(first=3600))
    [job] = await slow.submit_rubric(run, template)
    await wait_until(lambda: any(r.method == "GET" for r in setup.server.requests[1:]), what="a poll")
    await slow.close()  # the app quits while the batch is in progress
    assert [stored.batch_id for stored in await setup.judging.open_batch_jobs()] == [job.batch_id]
    await setup.store.close()

    store = StoreWorker(setup.path)  # the next start: a new store worker, a new runner
    try:
        runner = setup.runner_over(store)
        await runner.resume_open()
        assert runner.is_following(run.id)
        await runner.wait(run.id)
        [score] = await StoreServices.over(store).judging.rubric_scores(run.id)
        assert score.status == JudgementStatus.SCORED and score.scores == {"correctness": 3, "clarity": 3}
        assert await StoreServices.over(store).judging.open_batch_jobs() == []
        await runner.close()
    finally:
        await store.close()


async def test_a_relay_without_batches_is_told_apart_and_nothing_is_sent(tmp_path: Path) -> None:
    async with FakeServer(api_key=KEY, batches=False) as relay:
        store = StoreWorker(tmp_path / "judge.sqlite3")
        clients = ClientPool(Keys(), [Profile("Judge", relay.base_url)], retry=RetryPolicy(max_retries=0))
        services = StoreServices.over(store)
        runner = JudgeBatchRunner(clients, services.judging, Recorder(), services.grids.run, poll=FAST_POLLS)
        try:
            run: GridRun = await saved_run(store, finished_run())
            with pytest.raises(BatchesUnsupportedError, match="'Judge'"):
                await runner.submit_rubric(run, RUBRIC)
            assert [r.method for r in relay.requests] == ["GET"], "only the probe was sent"
            assert await services.judging.open_batch_jobs() == []
        finally:
            await runner.close()
            await clients.aclose()
            await store.close()


async def test_a_cancelled_judge_batch_keeps_what_was_judged_and_fails_the_rest(setup: Setup) -> None:
    setup.server.plan_batches(BatchPlan(polls=10_000, results={"j0_o0": answer(scores(4, 5))}))
    run = await saved_run(setup.store, finished_run(failed=((1, 0), (1, 1))))
    assert run.id is not None
    await setup.runner.submit_rubric(run, RUBRIC)
    await wait_until(lambda: any(r.method == "GET" for r in setup.server.requests[1:]), what="a poll")
    await setup.runner.cancel(run.id)
    await setup.runner.wait(run.id)

    kept, cancelled = sorted(await setup.judging.rubric_scores(run.id), key=lambda s: s.variant)
    assert kept.status == JudgementStatus.SCORED and kept.scores == {"correctness": 4, "clarity": 5}
    assert cancelled.status == JudgementStatus.FAILED and "cancelled" in cancelled.reasons
    assert BatchStatus.CANCELING in setup.events.statuses
    assert await setup.judging.open_batch_jobs() == []
