"""Running an evaluation grid: a queue over the cells a run still lacks, each cell a real request.

`GridRunner` is Qt-free and reports through `GridEvents`, on the event loop's thread. Each cell repeat is one
request through the same path a compare column takes (the pool's client for the variant's profile,
`ReplyRun`, `column_metrics`), saved the moment it ends, so quitting loses only the requests in flight and a
resumed run sends what is missing.

The queue is `core.grid.profile_queue.ProfileQueue`: at most `run.concurrency` requests in flight per
provider profile, a profile held while a throttled answer says to wait, a cell still throttled after the
client's retries requeued, and a provider that cannot be reached several times in a row given up (its
remaining cells fail at once with that error). A failing cell is saved FAILED with its error and the run
goes on; `retry_failed` sends failed ones again.

Pause stops starting cells and lets the ones in flight end and be saved (they are paid for); cancel and
closing the app stop those too (not saved: a resumed run sends them again). MCP tools are not offered in a
grid: a tool loop would ask for approvals across hundreds of cells; the JSON tools of a variant's settings
are sent as they are and a tool call is the cell's output.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.session import reply_error
from core.compare.metrics import column_metrics
from core.grid.cell_request import cell_messages, cell_settings
from core.grid.profile_queue import Profile, ProfileQueue, Sent, unreachable
from core.model.conversation import ReplyError
from core.model.grid import (
    CellKey,
    CellResult,
    CellStatus,
    GridProgress,
    GridRun,
    MissingVariableError,
    RunState,
)
from core.store.errors import StoreError
from core.store.worker import StoreWorker
from core.wire.validation import RequestValidationError, ensure_valid

CLOSE_TIMEOUT = 10.0

log = logging.getLogger(__name__)

CellQueue = ProfileQueue[CellKey, ReplyError]


class GridEvents(Protocol):
    def cell_started(self, run_id: int, key: CellKey) -> None: ...
    def cell_finished(self, run_id: int, result: CellResult) -> None:
        """The repeat ended and is saved (DONE, or FAILED with its error)."""

    def progress(self, run_id: int, progress: GridProgress) -> None: ...
    def run_state_changed(self, run_id: int, state: RunState) -> None: ...


class CellCheckError(ValueError):
    """A cell of the run cannot be sent (a missing variable, settings the model refuses): nothing of the
    run was sent or changed. `case` and `variant` are indexes into the run's test set and variants."""

    def __init__(self, case: int, variant: int, error: MissingVariableError | RequestValidationError) -> None:
        super().__init__(str(error))
        self.case = case
        self.variant = variant
        self.error = error


@dataclass
class _Tally:
    """Counts and sums over a run's saved cells, kept as each is saved: the runner reports the progress after
    every cell, and counting a 900-cell run's cells each time took ~1 ms of the UI thread per cell near its
    end (a burst of eight cells ending together, ~8 ms in one pass of the event loop)."""

    done: int = 0
    failed: int = 0
    durations: int = 0
    duration_sum: float = 0.0
    cost: float = 0.0

    def count(self, cell: CellResult, sign: int) -> None:
        if cell.status == CellStatus.DONE:
            self.done += sign
        elif cell.status == CellStatus.FAILED:
            self.failed += sign
        metrics = cell.metrics
        if metrics is not None:
            if metrics.duration is not None:
                self.durations += sign
                self.duration_sum += sign * metrics.duration
            if metrics.cost_usd is not None:
                self.cost += sign * metrics.cost_usd


@dataclass
class _Active:
    """A run being sent: its queue (per profile, with the replies in flight), what ended so far."""

    run: GridRun
    queue: CellQueue
    """Stopped on pause; cut on cancel and quit (the results of the requests in flight are not saved)."""
    cells: dict[CellKey, CellResult]
    stop: RunState | None = None
    """PAUSED or CANCELLED once asked: no new cell starts."""
    saving: dict[CellKey, asyncio.Task[None]] = field(default_factory=dict)
    """Repeats that ended, being written; their events follow the write."""
    failure: BaseException | None = None
    """Why the store could not save a repeat: the run stops, paused."""
    driver: asyncio.Task[None] | None = None
    tally: _Tally = field(default_factory=_Tally)
    """Over `cells`: kept by `keep`."""
    redo: set[CellKey] = field(default_factory=set)
    """Queued repeats that have an earlier result (failed ones retried): until saved again, they count as
    remaining, not as done or failed."""

    def __post_init__(self) -> None:
        for cell in self.cells.values():
            self.tally.count(cell, 1)
        self.queued_again(self.queue.queued())

    def queued_again(self, keys: Iterable[CellKey]) -> None:
        self.redo.update(key for key in keys if key in self.cells)

    def keep(self, cell: CellResult) -> None:
        """A repeat saved: it joins (or replaces its earlier result in) the cells and the tally."""
        earlier = self.cells.get(cell.key)
        if earlier is not None:
            self.tally.count(earlier, -1)
        self.cells[cell.key] = cell
        self.tally.count(cell, 1)
        self.redo.discard(cell.key)

    def progress(self, parallel: int) -> GridProgress:
        """`run_progress(run, cells, pending(), parallel)`, from the tally: the pending repeats are listed
        only while some have an earlier result (failed ones being retried)."""
        done, failed = self.tally.done, self.tally.failed
        if self.redo:
            for key in self.redo & self.pending():
                status = self.cells[key].status
                done -= status == CellStatus.DONE
                failed -= status == CellStatus.FAILED
        run = self.run
        remaining = len(run.test_set.cases) * len(run.variants) * run.repeats - done - failed
        eta = None
        if self.tally.durations and remaining:
            mean = self.tally.duration_sum / self.tally.durations
            eta = mean * remaining / max(1, min(parallel, remaining))
        elif not remaining:
            eta = 0.0
        return GridProgress(done, failed, remaining, eta, self.tally.cost)

    @property
    def run_id(self) -> int:
        assert self.run.id is not None
        return self.run.id

    def run_with(self, cells: dict[CellKey, CellResult]) -> GridRun:
        return dataclasses.replace(self.run, cells=dict(cells))

    def pending(self) -> set[CellKey]:
        return set(self.queue.queued()) | set(self.queue.in_flight) | set(self.saving)


class GridRunner:
    def __init__(
        self,
        store: StoreWorker,
        clients: ClientPool,
        events: GridEvents,
        *,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._clients = clients
        self._events = events
        self._retry = retry or RetryPolicy()
        self._clock = clock
        self._active: dict[int, _Active] = {}
        self._starting: dict[int, asyncio.Lock] = {}

    def is_running(self, run_id: int) -> bool:
        active = self._active.get(run_id)
        return active is not None and active.stop is None

    async def start(self, run_id: int) -> None:
        """Send the cells the run lacks (a new run: all of them). Returns once under way. Raises
        CellCheckError, having sent and changed nothing, when a cell cannot be sent."""
        await self._send(run_id, None)

    async def resume(self, run_id: int) -> None:
        """A paused run (by the user, or by a quit) goes on from the cells it lacks."""
        await self._send(run_id, None)

    async def retry_failed(self, run_id: int) -> None:
        """Send the failed cells again (and any the run still lacks); each replaces its failed row."""
        await self._send(
            run_id, lambda run: [k for k, c in run.cells.items() if c.status == CellStatus.FAILED]
        )

    async def pause(self, run_id: int) -> None:
        """No new cell starts; those in flight end and are saved."""
        active = self._active.get(run_id)
        if active is None or active.stop is not None:
            return
        self._stop(active, RunState.PAUSED)
        await self._set_state(run_id, RunState.PAUSED)

    async def cancel(self, run_id: int) -> None:
        """Stop the run now, the requests in flight too (not saved). What ended stays."""
        active = self._active.get(run_id)
        if active is None:
            await self._set_state(run_id, RunState.CANCELLED)
            return
        self._stop(active, RunState.CANCELLED, cut=True)
        await self._set_state(run_id, RunState.CANCELLED)
        if active.driver is not None:
            await active.driver

    async def wait(self, run_id: int) -> None:
        """Until the run's queue is done or stopped and its cells in flight have ended."""
        active = self._active.get(run_id)
        if active is not None and active.driver is not None:
            await asyncio.shield(active.driver)

    async def close(self) -> None:
        """At quit: stop every run, the requests in flight too; each run is left PAUSED, to resume."""
        for active in list(self._active.values()):
            if active.stop is None:
                self._stop(active, RunState.PAUSED, cut=True)
                await self._set_state(active.run_id, RunState.PAUSED)
            else:
                self._stop(active, active.stop, cut=True)
        drivers = [a.driver for a in self._active.values() if a.driver is not None]
        if drivers:
            async with asyncio.timeout(CLOSE_TIMEOUT):
                await asyncio.gather(*drivers, return_exceptions=True)

    # -- the queue ------------------------------------------------------------------------------------

    async def _send(self, run_id: int, extra: Callable[[GridRun], list[CellKey]] | None) -> None:
        # One at a time per run: Resume clicked twice must not start the run twice.
        async with self._starting.setdefault(run_id, asyncio.Lock()):
            await self._send_once(run_id, extra)

    async def _send_once(self, run_id: int, extra: Callable[[GridRun], list[CellKey]] | None) -> None:
        previous = self._active.get(run_id)
        if previous is not None and previous.stop is None:
            if extra is not None:  # retrying while running: the failed cells join the queue
                keys = [k for k in extra(previous.run_with(previous.cells)) if k not in previous.pending()]
                check_cells(previous.run, keys)
                _enqueue(previous.queue, previous.run, keys)
                previous.queued_again(keys)
                previous.queue.staff()
                self._events.progress(run_id, self._progress(previous))
            return
        if previous is not None:
            await self._drain(previous)  # paused, its cells in flight still ending
        run = await self._store.call(lambda s: s.get_grid_run(run_id))
        keys = run.remaining() + (extra(run) if extra is not None else [])
        # Rendering and validating 300 cells is ~40 ms of CPU: off the UI thread.
        await asyncio.to_thread(check_cells, run, keys)
        active = self._activate(run, keys)
        self._active[run_id] = active
        await self._set_state(run_id, RunState.RUNNING)
        self._events.progress(run_id, self._progress(active))
        active.driver = asyncio.ensure_future(self._drive(active))

    def _activate(self, run: GridRun, keys: Iterable[CellKey]) -> _Active:
        active: _Active  # the queue's callbacks name the run it belongs to, made next

        async def send(profile: Profile, key: CellKey) -> Sent[ReplyError] | None:
            return await self._cell(active, profile, key)

        async def given_up(key: CellKey, error: ReplyError) -> None:
            failed = CellResult(key, CellStatus.FAILED, (), None, error, finished_at=self._clock())
            self._finish(active, failed)

        queue = CellQueue(self._clients, run.concurrency, send, given_up, self._retry)
        _enqueue(queue, run, keys)
        active = _Active(run, queue, dict(run.cells))
        return active

    async def _drain(self, active: _Active) -> None:
        if active.driver is not None:
            await asyncio.shield(active.driver)

    async def _drive(self, active: _Active) -> None:
        try:
            active.queue.staff()
            failure: BaseException | None = None
            while tasks := active.queue.workers():
                await asyncio.wait(tasks)  # workers added meanwhile (failed cells retried) are waited next
                errors = [t.exception() for t in tasks if not t.cancelled() and t.exception() is not None]
                failure = failure or next(iter(errors), None)
                if failure is not None and active.stop is None:
                    self._stop(active, RunState.PAUSED, cut=True)
            if active.saving:
                await asyncio.wait(list(active.saving.values()))
            failure = failure or active.failure
            if failure is not None:
                # The store failed (disk full...): the run stops rather than send cells whose results are
                # lost, and is left paused (what was saved stays; the rest is sent on resume).
                log.warning("Grid run %s paused: %s", active.run_id, failure)
                with contextlib.suppress(StoreError):  # the store may be what failed: a restart pauses it
                    await self._store.call(lambda s: s.set_grid_run_state(active.run_id, RunState.PAUSED))
                self._events.run_state_changed(active.run_id, RunState.PAUSED)
            elif active.stop is None:
                await self._set_state(active.run_id, RunState.DONE)
            self._events.progress(active.run_id, self._progress(active))
        finally:
            if self._active.get(active.run_id) is active:
                del self._active[active.run_id]

    async def _cell(self, active: _Active, profile: Profile, key: CellKey) -> Sent[ReplyError] | None:
        run = active.run
        variant = run.variants[key.variant]
        self._events.cell_started(active.run_id, key)
        messages = cell_messages(run.test_set, run.test_set.cases[key.case])
        settings = cell_settings(run.test_set, variant)
        result = await active.queue.request(profile, key, messages, settings)
        if result.cancelled:
            return None  # stopped by cancel or quit: not saved, sent again on resume
        if active.queue.requeued(profile, key, result.error):
            return None
        model = variant.settings.model
        metrics = column_metrics(result, model, self._clients.price_overrides(profile))
        message = result.message
        cell = CellResult(
            key,
            CellStatus.DONE if result.complete else CellStatus.FAILED,
            tuple(message.content) if message is not None else (),
            metrics,
            reply_error(result.error),
            finished_at=self._clock(),
        )
        self._finish(active, cell)
        return Sent(result.complete, cell.error if unreachable(result.error) else None)

    def _finish(self, active: _Active, cell: CellResult) -> None:
        """Save the repeat; the worker goes on to its next cell meanwhile (the store's thread writes the
        saves in order). The events follow the save: what the window shows is what a restart shows."""
        run_id = active.run_id

        async def save() -> None:
            try:
                await self._store.call(lambda s: s.save_grid_cell(run_id, cell))
            except StoreError as error:
                active.failure = active.failure or error
                self._stop(active, active.stop or RunState.PAUSED, cut=True)
                return
            finally:
                del active.saving[cell.key]
            active.keep(cell)
            self._events.cell_finished(run_id, cell)
            self._events.progress(run_id, self._progress(active))

        active.saving[cell.key] = asyncio.ensure_future(save())

    def _stop(self, active: _Active, state: RunState, *, cut: bool = False) -> None:
        active.stop = state
        active.queue.stop(cut=cut)

    async def _set_state(self, run_id: int, state: RunState) -> None:
        await self._store.call(lambda s: s.set_grid_run_state(run_id, state))
        self._events.run_state_changed(run_id, state)

    def _progress(self, active: _Active) -> GridProgress:
        profiles = active.queue.profiles_waiting() or 1
        return active.progress(active.run.concurrency * profiles)


def check_cells(run: GridRun, keys: Sequence[CellKey]) -> None:
    """Raise CellCheckError for the first cell that cannot be sent: a missing variable, or settings the model
    refuses (checked once per case and variant: repeats send the same)."""
    for case, variant in dict.fromkeys((key.case, key.variant) for key in keys):
        test_set = run.test_set
        try:
            messages = cell_messages(test_set, test_set.cases[case])
            ensure_valid(messages, cell_settings(test_set, run.variants[variant]))
        except (MissingVariableError, RequestValidationError) as error:
            raise CellCheckError(case, variant, error) from error


def _enqueue(queue: CellQueue, run: GridRun, keys: Iterable[CellKey]) -> None:
    """The keys queued by the profile their variant uses, each row by row (the grid fills from the top)."""
    for key in sorted(set(keys), key=lambda k: (k.case, k.variant, k.repeat)):
        queue.extend(run.variants[key.variant].profile_name, [key])
