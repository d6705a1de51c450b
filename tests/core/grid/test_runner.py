"""Grid runs against the fake server over real HTTP and a real SQLite file: every cell × repeat sent and
saved, the concurrency held per profile, 429/529 backed off as `retry-after` says, a failing cell that does
not stop the run (and retries on demand), pause and resume, a quit mid-run resumed in a new process's store,
and a provider that disappears mid-run failing the rest at once instead of hanging."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.demo import ErrorEvent, FakeServer, HttpError, Pace, Reply, Text
from core.grid.profile_queue import CONNECTION_FAILURES_TO_GIVE_UP
from core.grid.runner import CellCheckError, GridRunner
from core.model.conversation import ErrorKind
from core.model.grid import (
    CellKey,
    CellResult,
    CellStatus,
    GridProgress,
    GridRun,
    GridVariant,
    MissingVariableError,
    RunState,
    TestCase,
    TestSet,
    run_progress,
)
from core.model.messages import Usage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.services import StoreServices
from core.store.worker import StoreWorker
from tests.waiting import wait_until

KEY = "sk-grid-test-key-0123456789"
SONNET = RequestSettings(model="claude-sonnet-4-6", max_tokens=256)
HAIKU = RequestSettings(model="claude-haiku-4-5", max_tokens=256, system="Answer in one line.")
CITIES = ("Paris", "Kyoto", "Lima", "Oslo", "Cairo", "Quito")


def trips(cities: tuple[str, ...] = CITIES[:3]) -> TestSet:
    return TestSet(
        None,
        "Trips",
        "Plan {{days}} days in {{city}}.",
        tuple(TestCase(city, {"city": city, "days": "2"}) for city in cities),
        system="You plan trips.",
    )


@dataclass
class Recorder:
    """What the runner reported, with the moments cells started."""

    started: list[tuple[float, CellKey]] = field(default_factory=list)
    finished: list[CellResult] = field(default_factory=list)
    progress_seen: list[GridProgress] = field(default_factory=list)
    states: list[RunState] = field(default_factory=list)

    def cell_started(self, run_id: int, key: CellKey) -> None:
        self.started.append((time.monotonic(), key))

    def cell_finished(self, run_id: int, result: CellResult) -> None:
        self.finished.append(result)

    def progress(self, run_id: int, progress: GridProgress) -> None:
        self.progress_seen.append(progress)

    def run_state_changed(self, run_id: int, state: RunState) -> None:
        self.states.append(state)


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


@dataclass
class Setup:
    server: FakeServer
    store: StoreWorker
    clients: ClientPool
    runner: GridRunner
    events: Recorder
    path: Path

    async def new_run(
        self, test_set: TestSet, variants: tuple[GridVariant, ...], *, repeats: int = 1, concurrency: int = 2
    ) -> GridRun:
        run = GridRun(None, "Grid", test_set, variants, repeats=repeats, concurrency=concurrency)
        return await StoreServices.over(self.store).grids.create_run(run)

    async def saved(self, run_id: int) -> GridRun:
        return await StoreServices.over(self.store).grids.run(run_id)


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY) as server:
        path = tmp_path / "grid.sqlite3"
        store = StoreWorker(path)
        profiles = [Profile("Relay", server.base_url), Profile("Other", server.base_url)]
        clients = ClientPool(Keys(), profiles, retry=RetryPolicy(max_retries=0))
        events = Recorder()
        runner = GridRunner(store, clients, events)
        yield Setup(server, store, clients, runner, events, path)
        await runner.close()
        await clients.aclose()
        if not store.closed:
            await store.close()


def paced(text: str, seconds: float, *, output_tokens: int = 12) -> Reply:
    """A reply of `text` in four deltas spread over `seconds`, with a known usage."""
    return Reply(
        [Text(text)],
        usage=Usage(input_tokens=20, output_tokens=output_tokens),
        pace=Pace(chunk_chars=max(1, len(text) // 4), delta_interval=seconds / 4),
    )


async def test_every_cell_and_repeat_is_sent_measured_and_saved(setup: Setup) -> None:
    variants = (GridVariant("Relay", SONNET), GridVariant("Other", HAIKU))
    run = await setup.new_run(trips(), variants, repeats=2)
    assert run.id is not None
    await setup.runner.start(run.id)
    await setup.runner.wait(run.id)

    saved = await setup.saved(run.id)
    assert len(saved.cells) == 3 * 2 * 2 and saved.remaining() == []
    assert {cell.status for cell in saved.cells.values()} == {CellStatus.DONE}
    assert saved.state == RunState.DONE and setup.events.states == [RunState.RUNNING, RunState.DONE]
    bodies = [r.body for r in setup.server.requests]
    assert len(bodies) == 12
    # The template filled per case; the test set's system prompt unless the variant has its own.
    sent = Counter((b["model"], b["system"], b["messages"][-1]["content"][0]["text"]) for b in bodies)
    assert sent[("claude-sonnet-4-6", "You plan trips.", "Plan 2 days in Kyoto.")] == 2
    assert sent[("claude-haiku-4-5", "Answer in one line.", "Plan 2 days in Lima.")] == 2
    # Each cell keeps the reply it got and what it measured, the API's own counts.
    for record in setup.server.requests:
        assert record.reply is not None
    replies = {r.reply["content"][0]["text"] for r in setup.server.requests if r.reply}  # type: ignore[index]
    assert {cell.text for cell in saved.cells.values()} == replies
    cell = saved.cells[CellKey(1, 0, 1)]
    assert cell.metrics is not None and cell.metrics.output_tokens and cell.metrics.duration
    assert cell.metrics.cost_usd and cell.metrics.request_id and cell.finished_at
    last = setup.events.progress_seen[-1]
    assert (last.done, last.failed, last.remaining, last.eta_seconds) == (12, 0, 0, 0.0)
    assert last.cost_so_far_usd == pytest.approx(sum(c.metrics.cost_usd for c in saved.cells.values()))  # type: ignore[misc, union-attr]


async def test_the_concurrency_is_held_per_profile_and_the_eta_follows_the_pacing(setup: Setup) -> None:
    setup.server.enqueue(*[paced(f"Reply {i}.", 0.2) for i in range(16)])
    variants = (GridVariant("Relay", SONNET), GridVariant("Other", HAIKU))
    run = await setup.new_run(trips(CITIES[:4]), variants, repeats=2, concurrency=3)
    assert run.id is not None
    await setup.runner.start(run.id)
    await setup.runner.wait(run.id)

    # At the server: the most replies being written at once, per profile (told apart by their model).
    most = Counter[str]()
    spans = [(r.body["model"], r.sent[0][0], r.sent[-1][0]) for r in setup.server.requests]
    for model, start, _ in spans:
        at_once = sum(1 for m, s, e in spans if m == model and s <= start <= e)
        most[model] = max(most[model], at_once)
    assert most == Counter({"claude-sonnet-4-6": 3, "claude-haiku-4-5": 3})
    # The ETA: the finished cells' mean duration × the cells left ÷ the requests at once (3 per profile).
    first = next(p for p in setup.events.progress_seen if p.done == 1)
    duration = setup.events.finished[0].metrics.duration  # type: ignore[union-attr]
    assert first.remaining == 15 and first.eta_seconds == pytest.approx(duration * 15 / 6)
    assert all(0.2 <= c.metrics.duration < 2 for c in setup.events.finished)  # type: ignore[operator, union-attr]


async def test_throttled_answers_hold_the_queue_for_the_retry_after_the_server_gave(setup: Setup) -> None:
    setup.server.enqueue(
        HttpError(429, "Slow down", headers={"retry-after": "0.6"}),
        HttpError(529, "Overloaded", headers={"retry-after": "0.6"}),
    )
    run = await setup.new_run(trips(), (GridVariant("Relay", SONNET),), concurrency=2)
    assert run.id is not None
    await setup.runner.start(run.id)
    await setup.runner.wait(run.id)

    saved = await setup.saved(run.id)
    assert {cell.status for cell in saved.cells.values()} == {CellStatus.DONE}  # nothing failed for good
    assert len(setup.server.requests) == 3 + 2  # the two throttled cells were sent again
    first_start = setup.events.started[0][0]
    answered = [r.sent[0][0] for r in setup.server.requests if r.sent]
    assert len(answered) == 3 and min(answered) - first_start >= 0.6  # no request went out inside the wait


async def test_the_clients_own_retries_honour_retry_after_and_hold_the_profile(tmp_path: Path) -> None:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "grid.sqlite3")
        clients = ClientPool(Keys(), [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=2))
        events = Recorder()
        runner = GridRunner(store, clients, events)
        server.enqueue(HttpError(529, "Overloaded", headers={"retry-after": "0.5"}))
        run = await StoreServices.over(store).grids.create_run(
            GridRun(None, "Grid", trips(), (GridVariant("Relay", SONNET),), concurrency=1)
        )
        assert run.id is not None
        await runner.start(run.id)
        await runner.wait(run.id)
        saved = await StoreServices.over(store).grids.run(run.id)
        assert {cell.status for cell in saved.cells.values()} == {CellStatus.DONE}
        assert len(server.requests) == 4
        answered = [r.sent[0][0] for r in server.requests if r.sent]
        assert min(answered) - events.started[0][0] >= 0.5
        await runner.close()
        await clients.aclose()
        await store.close()


async def test_a_failing_cell_is_saved_with_its_error_the_run_goes_on_and_it_retries_on_demand(
    setup: Setup,
) -> None:
    setup.server.enqueue(
        paced("One.", 0.01),
        HttpError(400, "prompt is too long"),
        paced("Three.", 0.01),
        Reply([Text("Cut short here")], pace=Pace(chunk_chars=4), faults=(ErrorEvent(after_deltas=2),)),
    )
    run = await setup.new_run(trips(CITIES[:5]), (GridVariant("Relay", SONNET),), concurrency=1)
    assert run.id is not None
    await setup.runner.start(run.id)
    await setup.runner.wait(run.id)

    saved = await setup.saved(run.id)
    statuses = [saved.cells[CellKey(case, 0, 0)].status for case in range(5)]
    assert statuses == [
        CellStatus.DONE,
        CellStatus.FAILED,
        CellStatus.DONE,
        CellStatus.FAILED,
        CellStatus.DONE,
    ]
    refused = saved.cells[CellKey(1, 0, 0)].error
    assert refused is not None and (refused.kind, refused.status) == (ErrorKind.BAD_REQUEST, 400)
    assert "prompt is too long" in refused.message
    cut = saved.cells[CellKey(3, 0, 0)]
    assert cut.error is not None and cut.error.kind == ErrorKind.STREAM_ERROR_EVENT
    assert cut.text == "Cut shor"  # what arrived before the error is kept
    assert saved.state == RunState.DONE
    assert setup.events.progress_seen[-1] == GridProgress(
        3, 2, 0, 0.0, setup.events.progress_seen[-1].cost_so_far_usd
    )

    before_retry = len(setup.events.progress_seen)
    await setup.runner.retry_failed(run.id)
    await setup.runner.wait(run.id)
    retried = await setup.saved(run.id)
    assert {cell.status for cell in retried.cells.values()} == {CellStatus.DONE}
    assert retried.cells[CellKey(1, 0, 0)].error is None
    # While retried, the failed cells count as remaining, not failed; then as done, and the results they
    # replaced no longer count (nor their cost), as in the saved run.
    during = [(p.done, p.failed, p.remaining) for p in setup.events.progress_seen[before_retry:]]
    assert list(dict.fromkeys(during)) == [(3, 0, 2), (4, 0, 1), (5, 0, 0)]
    assert setup.events.progress_seen[-1].cost_so_far_usd == pytest.approx(
        sum(c.metrics.cost_usd for c in retried.cells.values() if c.metrics and c.metrics.cost_usd)
    )
    assert len(setup.server.requests) == 5 + 2  # only the two failed ones were sent again


async def test_pause_lets_the_cells_in_flight_end_and_resume_sends_only_the_rest(setup: Setup) -> None:
    setup.server.enqueue(*[paced(f"Reply {i}.", 0.15) for i in range(12)])
    run = await setup.new_run(trips(CITIES), (GridVariant("Relay", SONNET),), repeats=2, concurrency=2)
    assert run.id is not None
    await setup.runner.start(run.id)
    await wait_until(lambda: len(setup.events.finished) >= 3, what="three cells finished")
    await setup.runner.pause(run.id)
    assert setup.events.states[-1] == RunState.PAUSED and not setup.runner.is_running(run.id)
    started_when_paused = len(setup.events.started)
    await setup.runner.wait(run.id)

    paused = await setup.saved(run.id)
    assert paused.state == RunState.PAUSED
    assert len(setup.events.started) == started_when_paused  # nothing new started
    assert len(paused.cells) == started_when_paused  # those in flight ended and were saved
    assert len(setup.server.requests) == started_when_paused

    await setup.runner.resume(run.id)
    await setup.runner.wait(run.id)
    done = await setup.saved(run.id)
    assert len(done.cells) == 12 and done.state == RunState.DONE
    assert len(setup.server.requests) == 12  # no cell sent twice
    assert setup.events.states[-2:] == [RunState.RUNNING, RunState.DONE]


async def test_a_quit_mid_run_resumes_from_the_saved_cells_after_a_restart(setup: Setup) -> None:
    setup.server.enqueue(*[paced(f"Reply {i}.", 0.3) for i in range(12)])
    run = await setup.new_run(trips(CITIES), (GridVariant("Relay", SONNET),), repeats=2, concurrency=2)
    assert run.id is not None
    await setup.runner.start(run.id)
    await wait_until(lambda: len(setup.events.finished) >= 2, what="two cells finished")
    await setup.runner.close()  # the app quits: the requests in flight are cut, not saved
    await setup.store.close()
    finished_before = {cell.key for cell in setup.events.finished}

    store = StoreWorker(setup.path)  # the next start, on the same file
    services = StoreServices.over(store)
    await services.conversations.tidy_at_start()
    reopened = await services.grids.run(run.id)
    assert reopened.state == RunState.PAUSED
    assert set(reopened.cells) == finished_before and len(reopened.remaining()) == 12 - len(finished_before)
    sent_before = len(setup.server.requests)

    events = Recorder()
    runner = GridRunner(store, setup.clients, events)
    await runner.resume(run.id)
    await runner.wait(run.id)
    done = await services.grids.run(run.id)
    assert len(done.cells) == 12 and {c.status for c in done.cells.values()} == {CellStatus.DONE}
    assert {key for _, key in events.started} == set(reopened.remaining())  # only what was missing
    assert len(setup.server.requests) - sent_before == 12 - len(finished_before)
    assert done.state == RunState.DONE
    await runner.close()
    await store.close()


async def test_cancel_stops_the_requests_in_flight_and_keeps_what_ended(setup: Setup) -> None:
    setup.server.enqueue(
        *[paced(f"Reply {i}.", 0.2) for i in range(2)], paced("Long.", 30), paced("Long.", 30)
    )
    run = await setup.new_run(trips(CITIES), (GridVariant("Relay", SONNET),), concurrency=2)
    assert run.id is not None
    await setup.runner.start(run.id)
    await wait_until(lambda: len(setup.events.finished) >= 2 and len(setup.events.started) >= 4, what="two")
    began = time.monotonic()
    await setup.runner.cancel(run.id)
    assert time.monotonic() - began < 5  # the 30 s replies were cut
    await setup.server.wait_for_disconnect()
    saved = await setup.saved(run.id)
    assert saved.state == RunState.CANCELLED and len(saved.cells) == 2


async def test_a_provider_that_disappears_mid_run_fails_the_rest_at_once(setup: Setup) -> None:
    # The client's own retries as in the app (2, backing off from 0.5 s): without giving up, each of the
    # ~34 remaining cells would wait them out, one after the other.
    clients = ClientPool(
        Keys(), [Profile("Relay", setup.server.base_url), Profile("Other", setup.server.base_url)]
    )
    runner = GridRunner(setup.store, clients, setup.events)
    setup.server.enqueue(*[paced(f"Reply {i}.", 0.2) for i in range(36)])
    cities = CITIES * 3
    cases = tuple(TestCase(f"{c} {i}", {"city": c, "days": "1"}) for i, c in enumerate(cities))
    run = await setup.new_run(
        TestSet(None, "Many", "Plan {{days}} days in {{city}}.", cases),
        (GridVariant("Relay", SONNET), GridVariant("Other", SONNET)),
        concurrency=1,
    )
    assert run.id is not None
    await runner.start(run.id)
    await wait_until(lambda: len(setup.events.finished) >= 2, what="the first cells")
    clients.set_profiles([Profile("Other", setup.server.base_url)])  # "Relay" deleted meanwhile
    await setup.server.stop()  # and the server gone
    began = time.monotonic()
    started_before = len(setup.events.started)
    await asyncio.wait_for(runner.wait(run.id), 20)
    assert time.monotonic() - began < 12

    saved = await setup.saved(run.id)
    assert saved.remaining() == [] and saved.state == RunState.DONE
    failed = [cell for cell in saved.cells.values() if cell.status == CellStatus.FAILED]
    kinds = Counter(cell.error.kind for cell in failed if cell.error)
    assert kinds[ErrorKind.UNKNOWN_PROFILE] >= 1 and kinds[ErrorKind.CONNECTION] >= 1
    done = [cell for cell in saved.cells.values() if cell.status == CellStatus.DONE]
    assert sum(kinds.values()) == len(failed) == 36 - len(done) and len(done) <= 6
    # Each profile met the error a few times in a row; its remaining cells failed without being sent.
    assert len(setup.events.started) - started_before <= 2 * CONNECTION_FAILURES_TO_GIVE_UP
    await runner.close()
    await clients.aclose()


async def test_a_cell_that_cannot_be_sent_is_refused_before_anything_is_sent(setup: Setup) -> None:
    cases = (TestCase("Paris", {"city": "Paris", "days": "2"}), TestCase("No days", {"city": "Lima"}))
    run = await setup.new_run(
        TestSet(None, "T", "Plan {{days}} days in {{city}}.", cases), (GridVariant("Relay", SONNET),)
    )
    assert run.id is not None
    with pytest.raises(CellCheckError) as refused:
        await setup.runner.start(run.id)
    assert (refused.value.case, refused.value.variant) == (1, 0)
    assert isinstance(refused.value.error, MissingVariableError) and refused.value.error.variable == "days"
    assert setup.server.requests == [] and setup.events.states == []
    assert (await setup.saved(run.id)).state == RunState.PAUSED


def test_the_progress_of_a_stored_run_counts_its_cells() -> None:
    run = GridRun(1, "G", trips(), (GridVariant("Relay", SONNET),), repeats=2, concurrency=2)
    assert run_progress(run) == GridProgress(0, 0, 6, None, 0.0)


async def test_a_store_that_fails_mid_run_stops_the_run_paused_instead_of_losing_results(
    setup: Setup,
) -> None:
    setup.server.enqueue(*[paced(f"Reply {i}.", 0.3) for i in range(12)])
    run = await setup.new_run(trips(CITIES), (GridVariant("Relay", SONNET),), repeats=2, concurrency=2)
    assert run.id is not None
    await setup.runner.start(run.id)
    await wait_until(lambda: len(setup.events.finished) >= 2, what="two cells saved")
    await setup.store.close()  # every later write fails, as on a full disk
    await asyncio.wait_for(setup.runner.wait(run.id), 10)
    assert setup.events.states[-1] == RunState.PAUSED and not setup.runner.is_running(run.id)
    assert len(setup.server.requests) < 12  # it stopped sending

    store = StoreWorker(setup.path)
    await StoreServices.over(store).conversations.tidy_at_start()
    saved = await StoreServices.over(store).grids.run(run.id)
    assert saved.state == RunState.PAUSED and {c.key for c in setup.events.finished} == set(saved.cells)
    await store.close()


async def test_resume_asked_twice_at_once_sends_each_cell_once(setup: Setup) -> None:
    run = await setup.new_run(trips(), (GridVariant("Relay", SONNET),), repeats=2)
    assert run.id is not None
    await asyncio.gather(setup.runner.resume(run.id), setup.runner.resume(run.id))
    await setup.runner.wait(run.id)
    assert len(setup.server.requests) == 6
    assert len((await setup.saved(run.id)).cells) == 6
