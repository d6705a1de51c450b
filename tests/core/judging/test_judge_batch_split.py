"""A judge pass larger than one Message Batch may hold goes as several, against the fake server (its limit
made tiny: 3 requests a batch) and a real SQLite store: every judgement made once, a pair's two orders
always in the same batch, and a cancel that cancels every batch of the pass."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.api.batches import BatchLimits
from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import BatchCaps, BatchPlan, FakeServer
from core.grid.batch_flow import PollPolicy
from core.judging.judge_batch import JudgeBatchRunner
from core.model.judging import JudgementStatus, VoteSourceKind
from core.model.profile import Profile
from core.store.services import JudgingService, StoreServices
from core.store.worker import StoreWorker
from tests.core.judging.judge_helpers import KEY, PAIRWISE, RUBRIC, Keys, finished_run, saved_run
from tests.core.judging.test_judge_batch import Recorder
from tests.waiting import wait_until

FAST_POLLS = PollPolicy(first=0.01, factor=1.0, longest=0.01)
TINY = 3


@dataclass
class Setup:
    server: FakeServer
    store: StoreWorker
    judging: JudgingService
    events: Recorder
    runner: JudgeBatchRunner

    def created(self) -> list[list[str]]:
        return [
            [item["custom_id"] for item in r.body["requests"]]
            for r in self.server.requests
            if r.method == "POST" and r.path == "/v1/messages/batches"
        ]


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY, batch_caps=BatchCaps(requests=TINY)) as server:
        store = StoreWorker(tmp_path / "judge.sqlite3")
        clients = ClientPool(Keys(), [Profile("Judge", server.base_url)], retry=RetryPolicy(max_retries=0))
        services = StoreServices.over(store)
        events = Recorder()
        runner = JudgeBatchRunner(
            clients,
            services.judging,
            events,
            services.grids.run,
            poll=FAST_POLLS,
            limits=BatchLimits(requests=TINY),
        )
        yield Setup(server, store, services.judging, events, runner)
        await runner.close()
        await clients.aclose()
        await store.close()


async def test_a_rubric_pass_over_the_limit_goes_as_several_batches_each_judgement_made_once(
    setup: Setup,
) -> None:
    run = await saved_run(setup.store, finished_run())
    assert run.id is not None
    jobs = await setup.runner.submit_rubric(run, RUBRIC)
    await setup.runner.wait(run.id)

    assert setup.created() == [["j0_o0", "j1_o0", "j2_o0"], ["j3_o0"]]
    assert [len(job.custom_ids) for job in jobs] == [3, 1]
    saved = await setup.judging.rubric_scores(run.id)
    assert sorted((s.case, s.variant) for s in saved) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert {s.status for s in saved} == {JudgementStatus.SCORED}
    assert len(setup.events.finished) == 4 and setup.events.progress_seen[-1][:2] == (4, 4)
    assert await setup.judging.open_batch_jobs() == []


async def test_a_pairs_two_orders_stay_in_one_batch(setup: Setup) -> None:
    run = await saved_run(setup.store, finished_run())
    assert run.id is not None
    await setup.runner.submit_pairs(run, PAIRWISE, [(0, 1)])
    await setup.runner.wait(run.id)

    # Four requests at three a batch: cut between the pairs, never inside one.
    assert setup.created() == [["j0_o0", "j0_o1"], ["j1_o0", "j1_o1"]]
    made = await setup.judging.pair_judgements(VoteSourceKind.GRID, run.id)
    assert len(made) == 2 and {j.status for j in made} == {JudgementStatus.SCORED}


async def test_cancel_cancels_every_judge_batch(setup: Setup) -> None:
    setup.server.plan_batches(BatchPlan(polls=10_000), BatchPlan(polls=10_000))
    run = await saved_run(setup.store, finished_run())
    assert run.id is not None
    jobs = await setup.runner.submit_rubric(run, RUBRIC)
    await wait_until(
        lambda: len({r.path for r in setup.server.requests if "/msgbatch_" in r.path}) == 2,
        what="both batches polled",
    )
    await setup.runner.cancel(run.id)
    await setup.runner.wait(run.id)

    cancelled = {r.path.split("/")[-2] for r in setup.server.requests if r.path.endswith("/cancel")}
    assert cancelled == {job.batch_id for job in jobs}
    saved = await setup.judging.rubric_scores(run.id)
    assert len(saved) == 4 and {s.status for s in saved} == {JudgementStatus.FAILED}
    assert all("cancelled" in s.reasons for s in saved)
    assert await setup.judging.open_batch_jobs() == []
