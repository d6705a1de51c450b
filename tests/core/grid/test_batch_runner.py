"""Grid runs through the Message Batches API, against the fake server over real HTTP and a real SQLite file:
one batch per profile whose requests are the live cells' bodies minus streaming, polled until it ends, its
results saved into the same cells at the batch price; a batch that expires or is cancelled on the server's
side, a request that errors, result lines for ids never sent, a cancel by the user, a restart mid-batch (a
new runner and a new store worker go on from the stored job), and a relay without batches (nothing sent)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import BatchPlan, FakeServer, Fate, HttpError, Reply, Text
from core.grid.batch_flow import PollPolicy
from core.grid.batch_runner import BatchesUnsupportedError, GridBatchRunner, custom_id
from core.grid.cell_request import cell_messages, cell_settings
from core.model.catalog import price_for
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import (
    CellKey,
    CellResult,
    CellStatus,
    GridProgress,
    GridRun,
    GridVariant,
    RunState,
    TestCase,
    TestSet,
)
from core.model.judging import BatchJob, BatchPurpose, BatchStatus
from core.model.messages import Usage
from core.model.pricing import cost_usd
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.services import JudgingService, StoreServices
from core.store.worker import StoreWorker
from core.wire.messages_request import build_messages_body
from tests.waiting import wait_until

KEY = "sk-grid-batch-test-0123456789"
SONNET = RequestSettings(model="claude-sonnet-4-6", max_tokens=256)
HAIKU = RequestSettings(model="claude-haiku-4-5", max_tokens=128, temperature=0.2)
FAST_POLLS = PollPolicy(first=0.01, factor=1.0, longest=0.01)
USAGE = Usage(input_tokens=1000, output_tokens=400)


def trips() -> TestSet:
    return TestSet(
        None,
        "Trips",
        "Plan {{days}} days in {{city}}.",
        tuple(TestCase(city, {"city": city, "days": "2"}) for city in ("Paris", "Kyoto")),
        system="You plan trips.",
    )


@dataclass
class Recorder:
    finished: list[CellResult] = field(default_factory=list)
    progress_seen: list[GridProgress] = field(default_factory=list)
    states: list[RunState] = field(default_factory=list)
    statuses: list[BatchStatus] = field(default_factory=list)
    ignored: list[tuple[str, ...]] = field(default_factory=list)
    failures: list[ReplyError] = field(default_factory=list)

    def cell_finished(self, run_id: int, result: CellResult) -> None:
        self.finished.append(result)

    def progress(self, run_id: int, progress: GridProgress) -> None:
        self.progress_seen.append(progress)

    def run_state_changed(self, run_id: int, state: RunState) -> None:
        self.states.append(state)

    def batch_status(self, run_id: int, job: BatchJob) -> None:
        self.statuses.append(job.status)

    def results_ignored(self, run_id: int, custom_ids: tuple[str, ...]) -> None:
        self.ignored.append(custom_ids)

    def batch_failed(self, run_id: int, job: BatchJob, error: ReplyError) -> None:
        self.failures.append(error)


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


@dataclass
class Setup:
    server: FakeServer
    path: Path
    store: StoreWorker
    clients: ClientPool
    jobs: JudgingService
    events: Recorder
    runner: GridBatchRunner

    async def new_run(self, variants: tuple[GridVariant, ...], *, repeats: int = 1) -> int:
        run = GridRun(None, "Grid", trips(), variants, repeats=repeats)
        created = await StoreServices.over(self.store).grids.create_run(run)
        assert created.id is not None
        return created.id

    async def saved(self, run_id: int) -> GridRun:
        return await StoreServices.over(self.store).grids.run(run_id)

    def batch_requests(self) -> list[dict[str, object]]:
        return [
            r.body for r in self.server.requests if r.method == "POST" and r.path == "/v1/messages/batches"
        ]


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY) as server:
        path = tmp_path / "grid.sqlite3"
        store = StoreWorker(path)
        profiles = [Profile("Relay", server.base_url), Profile("Other", server.base_url)]
        clients = ClientPool(Keys(), profiles, retry=RetryPolicy(max_retries=0))
        jobs, events = StoreServices.over(store).judging, Recorder()
        runner = GridBatchRunner(store, clients, jobs, events, poll=FAST_POLLS)
        yield Setup(server, path, store, clients, jobs, events, runner)
        await runner.close()
        await clients.aclose()
        if not store.closed:
            await store.close()


async def test_a_run_goes_as_one_batch_per_profile_and_its_results_fill_the_cells(setup: Setup) -> None:
    scripted = Reply([Text("Day 1: the Louvre.")], usage=USAGE)
    setup.server.plan_batches(BatchPlan(polls=2, results={custom_id(CellKey(0, 0, 1)): scripted}))
    run_id = await setup.new_run((GridVariant("Relay", SONNET), GridVariant("Other", HAIKU)), repeats=2)

    jobs = await setup.runner.submit(run_id)
    assert [job.profile_name for job in jobs] == ["Relay", "Other"]
    assert all(job.purpose == BatchPurpose.CELLS and job.id is not None for job in jobs)
    await setup.runner.wait(run_id)

    sent = setup.batch_requests()
    assert len(sent) == 2
    run = await setup.saved(run_id)
    paris = cell_messages(run.test_set, run.test_set.cases[0])
    live_body = build_messages_body(paris, cell_settings(run.test_set, run.variants[0]))
    live_body.pop("stream", None)
    first = sent[0]["requests"]  # type: ignore[index]
    assert {item["custom_id"] for item in first} == {"c0_v0_r0", "c0_v0_r1", "c1_v0_r0", "c1_v0_r1"}  # type: ignore[index]
    assert next(item["params"] for item in first if item["custom_id"] == "c0_v0_r1") == live_body  # type: ignore[index]
    assert "stream" not in live_body

    assert len(run.cells) == 2 * 2 * 2 and {cell.status for cell in run.cells.values()} == {CellStatus.DONE}
    louvre = run.cells[CellKey(0, 0, 1)]
    assert louvre.text == "Day 1: the Louvre."
    price = price_for("claude-sonnet-4-6", {})
    assert price is not None and louvre.metrics is not None
    assert louvre.metrics.cost_usd == pytest.approx(cost_usd(USAGE, price) / 2)
    assert (louvre.metrics.input_tokens, louvre.metrics.output_tokens) == (1000, 400)
    assert run.state == RunState.DONE and setup.events.states == [RunState.RUNNING, RunState.DONE]
    assert len(setup.events.finished) == 8 and setup.events.progress_seen[-1].done == 8
    assert BatchStatus.ENDED in setup.events.statuses and setup.events.statuses[-1] == BatchStatus.COLLECTED
    assert await setup.jobs.open_batch_jobs() == []
    stored = await setup.jobs.batch_jobs(run_id)
    assert stored[0].custom_ids["c1_v0_r1"] == "1:0:1" and stored[0].counts.succeeded == 4


async def test_an_expired_batch_and_a_request_error_fail_their_cells_with_their_reasons(
    setup: Setup,
) -> None:
    done = Reply([Text("Made it.")], usage=USAGE)
    setup.server.plan_batches(
        BatchPlan(
            polls=1,
            fate=Fate.EXPIRED,
            results={"c0_v0_r0": done, "c0_v1_r0": HttpError(400, "max_tokens: too many for this model")},
        ),
    )
    run_id = await setup.new_run((GridVariant("Relay", SONNET), GridVariant("Relay", HAIKU)))
    await setup.runner.submit(run_id)
    await setup.runner.wait(run_id)

    cells = (await setup.saved(run_id)).cells
    assert cells[CellKey(0, 0, 0)].status == CellStatus.DONE
    refused = cells[CellKey(0, 1, 0)]
    assert refused.status == CellStatus.FAILED and refused.error is not None
    assert (refused.error.kind, refused.error.status, refused.error.message) == (
        ErrorKind.BAD_REQUEST,
        400,
        "max_tokens: too many for this model",
    )
    expired = cells[CellKey(1, 0, 0)]
    assert expired.status == CellStatus.FAILED and expired.error is not None
    assert expired.error.kind == ErrorKind.BATCH_EXPIRED and "24-hour limit" in expired.error.message


async def test_a_batch_cancelled_on_the_providers_side_fails_its_cells_as_cancelled(setup: Setup) -> None:
    setup.server.plan_batches(BatchPlan(polls=0, fate=Fate.CANCELED))
    run_id = await setup.new_run((GridVariant("Relay", SONNET),))
    await setup.runner.submit(run_id)
    await setup.runner.wait(run_id)
    run = await setup.saved(run_id)
    cancelled = run.cells[CellKey(1, 0, 0)]
    assert cancelled.status == CellStatus.FAILED and cancelled.error is not None
    assert cancelled.error.kind == ErrorKind.BATCH_CANCELED and "cancelled" in cancelled.error.message
    assert run.state == RunState.DONE and setup.events.states == [RunState.RUNNING, RunState.DONE]


async def test_results_for_ids_never_sent_are_ignored_and_reported(setup: Setup) -> None:
    setup.server.plan_batches(
        BatchPlan(polls=0, stray_results={"c9_v9_r9": Reply([Text("?")]), "x": Reply([])})
    )
    run_id = await setup.new_run((GridVariant("Relay", SONNET),))
    await setup.runner.submit(run_id)
    await setup.runner.wait(run_id)
    run = await setup.saved(run_id)
    assert set(run.cells) == {CellKey(0, 0, 0), CellKey(1, 0, 0)}
    assert setup.events.ignored == [("c9_v9_r9", "x")]
    assert run.state == RunState.DONE


async def test_a_user_cancel_keeps_what_finished_and_fails_the_rest(setup: Setup) -> None:
    setup.server.plan_batches(BatchPlan(polls=10_000, results={"c0_v0_r0": Reply([Text("Quick.")])}))
    run_id = await setup.new_run((GridVariant("Relay", SONNET),))
    await setup.runner.submit(run_id)
    await wait_until(lambda: _retrieves(setup.server) >= 1, what="the batch polled")
    await setup.runner.cancel(run_id)
    await setup.runner.wait(run_id)
    run = await setup.saved(run_id)
    assert run.cells[CellKey(0, 0, 0)].status == CellStatus.DONE
    rest = run.cells[CellKey(1, 0, 0)]
    assert (
        rest.status == CellStatus.FAILED
        and rest.error is not None
        and rest.error.kind == ErrorKind.BATCH_CANCELED
    )
    assert run.state == RunState.CANCELLED and BatchStatus.CANCELING in setup.events.statuses


async def test_a_restart_mid_batch_goes_on_from_the_stored_job_into_the_same_cells(setup: Setup) -> None:
    setup.server.plan_batches(BatchPlan(polls=3))
    run_id = await setup.new_run((GridVariant("Relay", SONNET),))
    slow = GridBatchRunner(setup.store, setup.clients, setup.jobs, setup.events, poll=PollPolicy(first=3600))
    [job] = await slow.submit(run_id)
    await wait_until(lambda: _retrieves(setup.server) >= 1, what="the first poll")
    await slow.close()  # the app quits while the batch is in progress
    assert [stored.batch_id for stored in await setup.jobs.open_batch_jobs()] == [job.batch_id]
    await setup.store.close()

    store = StoreWorker(setup.path)  # the next start: a new store worker, a new runner
    try:
        events = Recorder()
        jobs = StoreServices.over(store).judging
        runner = GridBatchRunner(store, setup.clients, jobs, events, poll=FAST_POLLS)
        await runner.resume_open()
        assert runner.is_following(run_id)
        await runner.wait(run_id)
        run = await StoreServices.over(store).grids.run(run_id)
        assert len(run.cells) == 2 and {cell.status for cell in run.cells.values()} == {CellStatus.DONE}
        assert run.state == RunState.DONE and len(events.finished) == 2
        assert await jobs.open_batch_jobs() == []
        assert [stored.status for stored in await jobs.batch_jobs(run_id)] == [BatchStatus.COLLECTED]
        assert len(setup.batch_requests()) == 1, "the batch was not sent again"
    finally:
        await store.close()


async def test_a_relay_without_batches_is_told_apart_and_nothing_is_sent(tmp_path: Path) -> None:
    async with FakeServer(api_key=KEY, batches=False) as relay:
        store = StoreWorker(tmp_path / "grid.sqlite3")
        clients = ClientPool(Keys(), [Profile("Relay", relay.base_url)], retry=RetryPolicy(max_retries=0))
        runner = GridBatchRunner(
            store, clients, StoreServices.over(store).judging, Recorder(), poll=FAST_POLLS
        )
        try:
            run = await StoreServices.over(store).grids.create_run(
                GridRun(None, "Grid", trips(), (GridVariant("Relay", SONNET),))
            )
            assert run.id is not None
            support = await runner.support(run)
            assert not support["Relay"].supported and "HTTP 404" in support["Relay"].reason
            with pytest.raises(BatchesUnsupportedError, match="'Relay'"):
                await runner.submit(run.id)
            assert [r.method for r in relay.requests] == ["GET"], "only the probe was sent"
            assert (await StoreServices.over(store).grids.run(run.id)).state == RunState.PAUSED
        finally:
            await runner.close()
            await clients.aclose()
            await store.close()


def _retrieves(server: FakeServer) -> int:
    return sum(
        1
        for r in server.requests
        if r.method == "GET" and r.path.startswith("/v1/messages/batches/msgbatch_")
    )


async def test_a_poll_refused_stops_following_keeps_the_job_and_cancel_collects_it(setup: Setup) -> None:
    setup.server.plan_batches(BatchPlan(polls=10_000))
    run_id = await setup.new_run((GridVariant("Relay", SONNET),))
    [job] = await setup.runner.submit(run_id)
    await wait_until(lambda: _retrieves(setup.server) >= 1, what="the first poll")
    setup.server.enqueue(
        HttpError(403, "This key may not read batches."), path=f"/v1/messages/batches/{job.batch_id}"
    )
    await wait_until(lambda: bool(setup.events.failures), what="following to stop")
    [failure] = setup.events.failures
    assert failure.kind == ErrorKind.PERMISSION_DENIED and failure.message == "This key may not read batches."
    assert not setup.runner.is_following(run_id) and (await setup.saved(run_id)).state == RunState.PAUSED
    assert [stored.batch_id for stored in await setup.jobs.open_batch_jobs()] == [job.batch_id]

    assert await setup.runner.submit(run_id) == [], "the open batch's cells are not sent twice"
    assert len(setup.batch_requests()) == 1

    await setup.runner.cancel(run_id)  # followed again, to collect what the cancel leaves
    await setup.runner.wait(run_id)
    run = await setup.saved(run_id)
    assert {cell.error.kind for cell in run.cells.values() if cell.error} == {ErrorKind.BATCH_CANCELED}
    assert len(run.cells) == 2 and run.state == RunState.CANCELLED
    assert await setup.jobs.open_batch_jobs() == []


async def test_a_batch_the_provider_no_longer_has_fails_its_cells_and_is_not_followed_again(
    setup: Setup,
) -> None:
    """Deleted on the provider's side (or its results past their 29 days): a 404 on the poll ends following
    for good, its cells failed as having no result (retried on demand), the job no longer open."""
    setup.server.plan_batches(BatchPlan(polls=10_000))
    run_id = await setup.new_run((GridVariant("Relay", SONNET),))
    [job] = await setup.runner.submit(run_id)
    await wait_until(lambda: _retrieves(setup.server) >= 1, what="the first poll")
    setup.server.enqueue(
        HttpError(404, f"Batch {job.batch_id} not found."), path=f"/v1/messages/batches/{job.batch_id}"
    )
    await setup.runner.wait(run_id)
    run = await setup.saved(run_id)
    assert len(run.cells) == 2
    assert {cell.error.kind for cell in run.cells.values() if cell.error} == {ErrorKind.BATCH_NO_RESULT}
    assert await setup.jobs.open_batch_jobs() == []
    assert not setup.events.failures and not setup.runner.is_following(run_id)
