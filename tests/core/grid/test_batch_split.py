"""A grid run larger than one Message Batch may hold goes as several, against the fake server over real HTTP
(its limits made tiny: 3 requests a batch) and a real SQLite file: every cell sent once and filled once;
one batch expiring while the others succeed; a restart with two batches open; a cancel that cancels every
batch; a cell whose request alone is over the size limit named before anything is sent."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.api.batches import BatchLimits, BatchRequestTooLargeError
from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import BatchCaps, BatchPlan, FakeServer, Fate
from core.grid.batch_flow import PollPolicy
from core.grid.batch_runner import GridBatchRunner
from core.model.conversation import ErrorKind
from core.model.grid import CellKey, CellStatus, GridRun, GridVariant, RunState, TestCase, TestSet
from core.model.judging import BatchStatus
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.services import JudgingService, StoreServices
from core.store.worker import StoreWorker
from tests.core.grid.test_batch_runner import FAST_POLLS, HAIKU, KEY, SONNET, Keys, Recorder
from tests.waiting import wait_until

TINY = 3
"""Requests a batch may hold here: the server refuses more, the runner cuts at it."""
ALL_CELLS = {
    CellKey(case, variant, repeat) for case in range(3) for variant in range(2) for repeat in range(2)
}


def cities(*extra: TestCase) -> TestSet:
    cases = tuple(TestCase(city, {"city": city, "days": "2"}) for city in ("Paris", "Kyoto", "Lima"))
    return TestSet(None, "Trips", "Plan {{days}} days in {{city}}.", cases + extra, system="You plan trips.")


@dataclass
class Setup:
    server: FakeServer
    path: Path
    store: StoreWorker
    clients: ClientPool
    jobs: JudgingService
    events: Recorder
    runner: GridBatchRunner

    def runner_with(self, store: StoreWorker, events: Recorder, poll: PollPolicy) -> GridBatchRunner:
        jobs = StoreServices.over(store).judging
        return GridBatchRunner(
            store, self.clients, jobs, events, poll=poll, limits=BatchLimits(requests=TINY)
        )

    async def new_run(self, test_set: TestSet | None = None) -> int:
        """3 cases × 2 variants × 2 repeats: 12 cells, 6 a profile, 2 batches each at 3 a batch."""
        variants = (GridVariant("Relay", SONNET), GridVariant("Other", HAIKU))
        run = GridRun(None, "Grid", test_set or cities(), variants, repeats=2)
        created = await StoreServices.over(self.store).grids.create_run(run)
        assert created.id is not None
        return created.id

    async def saved(self, run_id: int) -> GridRun:
        return await StoreServices.over(self.store).grids.run(run_id)

    def created(self) -> list[list[str]]:
        """The custom ids of each batch the server was asked to create, in order."""
        return [
            [item["custom_id"] for item in r.body["requests"]]
            for r in self.server.requests
            if r.method == "POST" and r.path == "/v1/messages/batches"
        ]

    def cancels(self) -> set[str]:
        return {r.path.split("/")[-2] for r in self.server.requests if r.path.endswith("/cancel")}


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY, batch_caps=BatchCaps(requests=TINY)) as server:
        path = tmp_path / "grid.sqlite3"
        store = StoreWorker(path)
        profiles = [Profile("Relay", server.base_url), Profile("Other", server.base_url)]
        clients = ClientPool(Keys(), profiles, retry=RetryPolicy(max_retries=0))
        jobs, events = StoreServices.over(store).judging, Recorder()
        runner = GridBatchRunner(
            store, clients, jobs, events, poll=FAST_POLLS, limits=BatchLimits(requests=TINY)
        )
        yield Setup(server, path, store, clients, jobs, events, runner)
        await runner.close()
        await clients.aclose()
        if not store.closed:
            await store.close()


async def test_a_run_over_the_limit_goes_as_several_batches_and_fills_every_cell_once(setup: Setup) -> None:
    run_id = await setup.new_run()
    jobs = await setup.runner.submit(run_id)
    assert [job.profile_name for job in jobs] == ["Relay", "Relay", "Other", "Other"]
    assert len({job.batch_id for job in jobs}) == 4
    await setup.runner.wait(run_id)

    sent = setup.created()
    assert [len(ids) for ids in sent] == [TINY] * 4, "each batch within the limit; none refused"
    every = [custom for ids in sent for custom in ids]
    assert len(every) == len(set(every)) == 12, "every cell sent once"
    for job, ids in zip(jobs, sent, strict=True):
        assert sorted(job.custom_ids) == sorted(ids), "each job keeps its own batch's requests"

    run = await setup.saved(run_id)
    assert set(run.cells) == ALL_CELLS
    assert {cell.status for cell in run.cells.values()} == {CellStatus.DONE}
    filled = [cell.key for cell in setup.events.finished]
    assert len(filled) == 12 and set(filled) == ALL_CELLS, "every cell filled once"
    assert run.state == RunState.DONE and setup.events.states == [RunState.RUNNING, RunState.DONE]
    assert setup.events.progress_seen[-1].done == 12
    stored = await setup.jobs.batch_jobs(run_id)
    assert len(stored) == 4 and {job.status for job in stored} == {BatchStatus.COLLECTED}


async def test_one_batch_expiring_fails_only_its_cells_while_the_others_succeed(setup: Setup) -> None:
    setup.server.plan_batches(BatchPlan(polls=0), BatchPlan(polls=2, fate=Fate.EXPIRED))
    run_id = await setup.new_run()
    jobs = await setup.runner.submit(run_id)
    await setup.runner.wait(run_id)

    run = await setup.saved(run_id)
    expired_ids = set(jobs[1].custom_ids.values())
    expired = {key for key in ALL_CELLS if f"{key.case}:{key.variant}:{key.repeat}" in expired_ids}
    assert len(expired) == TINY
    for key, cell in run.cells.items():
        if key in expired:
            assert cell.status == CellStatus.FAILED and cell.error is not None
            assert cell.error.kind == ErrorKind.BATCH_EXPIRED and jobs[1].batch_id in cell.error.message
        else:
            assert cell.status == CellStatus.DONE
    assert set(run.cells) == ALL_CELLS and run.state == RunState.DONE
    assert setup.events.states == [RunState.RUNNING, RunState.DONE], "done once, after the last batch"


async def test_a_restart_with_two_batches_open_follows_both_into_the_same_cells(setup: Setup) -> None:
    # A single-profile run of 6 cells: two batches, both still in progress at quit.
    run = GridRun(None, "Grid", cities(), (GridVariant("Relay", SONNET),), repeats=2)
    created = await StoreServices.over(setup.store).grids.create_run(run)
    assert created.id is not None
    run_id = created.id
    setup.server.plan_batches(BatchPlan(polls=3), BatchPlan(polls=3))
    slow = setup.runner_with(setup.store, setup.events, PollPolicy(first=3600))
    jobs = await slow.submit(run_id)
    assert len(jobs) == 2
    await slow.close()  # the app quits while both batches are in progress
    open_ids = {job.batch_id for job in await setup.jobs.open_batch_jobs()}
    assert open_ids == {job.batch_id for job in jobs}
    await setup.store.close()

    store = StoreWorker(setup.path)  # the next start: a new store worker, a new runner
    try:
        events = Recorder()
        runner = setup.runner_with(store, events, FAST_POLLS)
        await runner.resume_open()
        assert runner.is_following(run_id)
        await runner.wait(run_id)
        saved = await StoreServices.over(store).grids.run(run_id)
        assert len(saved.cells) == 6 and {c.status for c in saved.cells.values()} == {CellStatus.DONE}
        filled = [cell.key for cell in events.finished]
        assert len(filled) == 6 and set(filled) == set(saved.cells), "every cell filled once"
        assert saved.state == RunState.DONE and events.states == [RunState.DONE]
        assert await StoreServices.over(store).judging.open_batch_jobs() == []
        assert len(setup.created()) == 2, "no batch was sent again"
    finally:
        await runner.close()
        await store.close()


async def test_cancel_cancels_every_batch_of_the_run(setup: Setup) -> None:
    setup.server.plan_batches(*[BatchPlan(polls=10_000)] * 4)
    run_id = await setup.new_run()
    jobs = await setup.runner.submit(run_id)
    await wait_until(lambda: len(_polled(setup.server)) == 4, what="every batch polled")
    await setup.runner.cancel(run_id)
    await setup.runner.wait(run_id)

    assert setup.cancels() == {job.batch_id for job in jobs}
    run = await setup.saved(run_id)
    assert set(run.cells) == ALL_CELLS
    assert {cell.error.kind for cell in run.cells.values() if cell.error} == {ErrorKind.BATCH_CANCELED}
    assert run.state == RunState.CANCELLED and await setup.jobs.open_batch_jobs() == []


async def test_a_cell_too_large_for_any_batch_is_named_and_nothing_is_sent(tmp_path: Path) -> None:
    big = TestCase("Atlas", {"city": "Atlantis " * 400, "days": "2"})
    async with FakeServer(api_key=KEY, batch_caps=BatchCaps(body_bytes=3000)) as server:
        store = StoreWorker(tmp_path / "grid.sqlite3")
        clients = ClientPool(Keys(), [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=2))
        jobs = StoreServices.over(store).judging
        runner = GridBatchRunner(
            store, clients, jobs, Recorder(), poll=FAST_POLLS, limits=BatchLimits(body_bytes=3000)
        )
        try:
            variants = (GridVariant("Relay", RequestSettings(model="claude-sonnet-4-6", max_tokens=64)),)
            run = await StoreServices.over(store).grids.create_run(
                GridRun(None, "Grid", cities(big), variants)
            )
            assert run.id is not None
            for _ in range(2):  # asked again, refused again at once: nothing retried, nothing stored
                with pytest.raises(BatchRequestTooLargeError) as caught:
                    await runner.submit(run.id)
                assert caught.value.message.startswith(
                    "The request for case 4 “Atlas”, column “claude-sonnet-4-6”, repeat 1 is "
                )
                assert "more than the 3 KB a whole Message Batch may hold" in caught.value.message
            assert not [r for r in server.requests if r.method == "POST"], "no batch was sent"
            assert await jobs.open_batch_jobs() == [] and not runner.is_following(run.id)
            assert (await StoreServices.over(store).grids.run(run.id)).state == RunState.PAUSED
        finally:
            await runner.close()
            await clients.aclose()
            await store.close()


def _polled(server: FakeServer) -> set[str]:
    return {
        r.path.rsplit("/", 1)[-1]
        for r in server.requests
        if r.method == "GET" and r.path.startswith("/v1/messages/batches/msgbatch_")
    }
