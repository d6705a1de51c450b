"""Running an evaluation grid: a queue over the cells a run still lacks, each cell a real request.

`GridRunner` is Qt-free and reports through `GridEvents`, on the event loop's thread. Each cell repeat is one
request through the same path a compare column takes (the pool's client for the variant's profile,
`ReplyRun`, `column_metrics`), saved the moment it ends, so quitting loses only the requests in flight and a
resumed run sends what is missing.

The queue:
- at most `run.concurrency` requests in flight per provider profile (one worker task per slot);
- a throttled answer (429, 529, overloaded) is retried by the client honouring `retry-after`; meanwhile the
  profile's other workers start nothing new until that wait is over, and a cell still throttled after the
  client's retries goes back to the front of the queue (up to `THROTTLE_REQUEUES` times) after the wait;
- a failing cell is saved FAILED with its error and the run goes on; `retry_failed` sends failed ones again;
- a provider that cannot be reached `CONNECTION_FAILURES_TO_GIVE_UP` times in a row (server gone, profile
  deleted, key missing) fails its remaining cells at once with that error, rather than waiting out each one.

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
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from core.api.pool import ClientPool
from core.api.reply import ReplyResult, ReplyRun
from core.api.retry import RetryPolicy, is_throttled
from core.chat.session import reply_error
from core.compare.metrics import column_metrics
from core.grid.cell_request import cell_messages, cell_settings
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
from core.wire.errors import (
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    MissingKeyError,
    UnknownProfileError,
    UnsendableSettingError,
)
from core.wire.validation import RequestValidationError, ensure_valid

THROTTLE_REQUEUES = 5
"""How often a cell still throttled after the client's own retries goes back in the queue before it fails."""
CONNECTION_FAILURES_TO_GIVE_UP = 3
"""Cells of one profile failing in a row because the provider cannot be reached (or is gone) before its
remaining cells are failed at once."""
CLOSE_TIMEOUT = 10.0

log = logging.getLogger(__name__)

Profile = str | None


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
    """A run being sent: its queue per profile, the replies in flight, what ended so far."""

    run: GridRun
    queues: dict[Profile, deque[CellKey]]
    cells: dict[CellKey, CellResult]
    in_flight: dict[CellKey, ReplyRun | None] = field(default_factory=dict)
    """None while the client is being made (nothing to cancel yet)."""
    stop: RunState | None = None
    """PAUSED or CANCELLED once asked: no new cell starts."""
    stopped: asyncio.Event = field(default_factory=asyncio.Event)
    cut: bool = False
    """The requests in flight were stopped too (cancel, quit): their results are not saved."""
    hold_until: dict[Profile, float] = field(default_factory=dict)
    """Monotonic time before which a profile starts no new request (a throttled answer said to wait)."""
    requeued: dict[CellKey, int] = field(default_factory=dict)
    failures_in_a_row: dict[Profile, int] = field(default_factory=dict)
    workers: dict[Profile, set[asyncio.Task[None]]] = field(default_factory=dict)
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
        self.queued_again(key for queue in self.queues.values() for key in queue)

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
        return (
            {key for queue in self.queues.values() for key in queue} | set(self.in_flight) | set(self.saving)
        )


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
                for profile, queue in _queues(previous.run, keys).items():
                    previous.queues.setdefault(profile, deque()).extend(queue)
                previous.queued_again(keys)
                self._staff(previous)
                self._events.progress(run_id, self._progress(previous))
            return
        if previous is not None:
            await self._drain(previous)  # paused, its cells in flight still ending
        run = await self._store.call(lambda s: s.get_grid_run(run_id))
        keys = run.remaining() + (extra(run) if extra is not None else [])
        # Rendering and validating 300 cells is ~40 ms of CPU: off the UI thread.
        await asyncio.to_thread(check_cells, run, keys)
        active = _Active(run, _queues(run, keys), dict(run.cells))
        self._active[run_id] = active
        await self._set_state(run_id, RunState.RUNNING)
        self._events.progress(run_id, self._progress(active))
        active.driver = asyncio.ensure_future(self._drive(active))

    async def _drain(self, active: _Active) -> None:
        if active.driver is not None:
            await asyncio.shield(active.driver)

    async def _drive(self, active: _Active) -> None:
        try:
            self._staff(active)
            failure: BaseException | None = None
            while tasks := [task for tasks in active.workers.values() for task in tasks]:
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

    def _staff(self, active: _Active) -> None:
        """Workers for each profile's queue, up to the run's concurrency (counting those still working)."""
        for profile, queue in active.queues.items():
            working = active.workers.setdefault(profile, set())
            for _ in range(min(active.run.concurrency, len(working) + len(queue)) - len(working)):
                task = asyncio.ensure_future(self._work(active, profile))
                working.add(task)
                task.add_done_callback(working.discard)

    async def _work(self, active: _Active, profile: Profile) -> None:
        """One slot of the profile's concurrency: cells one after the other until the queue is empty."""
        queue = active.queues[profile]
        while queue and active.stop is None:
            wait = active.hold_until.get(profile, 0.0) - time.monotonic()
            if wait > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(active.stopped.wait(), wait)
                continue
            key = queue.popleft()
            await self._cell(active, profile, key)

    async def _cell(self, active: _Active, profile: Profile, key: CellKey) -> None:
        run = active.run
        run_id = active.run_id
        variant = run.variants[key.variant]
        active.in_flight[key] = None
        self._events.cell_started(run_id, key)
        try:
            result = await self._request(active, profile, key)
        finally:
            del active.in_flight[key]
        if result.cancelled:
            return  # stopped by cancel or quit: not saved, sent again on resume
        if self._requeued(active, profile, key, result.error):
            return
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
        if _unreachable(result.error):
            active.failures_in_a_row[profile] = active.failures_in_a_row.get(profile, 0) + 1
            if active.failures_in_a_row[profile] >= CONNECTION_FAILURES_TO_GIVE_UP:
                self._give_up(active, profile, cell)
        elif result.complete:
            active.failures_in_a_row[profile] = 0

    async def _request(self, active: _Active, profile: Profile, key: CellKey) -> ReplyResult:
        run = active.run
        variant = run.variants[key.variant]
        try:
            client = await self._clients.client_for(profile)
        except ApiError as error:
            return ReplyResult(message=None, error=error)
        if active.cut:  # cancelled or closing while the client was being made
            return ReplyResult(message=None, cancelled=True)
        messages = cell_messages(run.test_set, run.test_set.cases[key.case])
        settings = cell_settings(run.test_set, variant)

        def throttled(error: ApiError, wait: float, _: int) -> None:
            if is_throttled(error):
                self._hold(active, profile, wait)

        try:
            stream = client.stream(messages, settings, on_retry=throttled)
        except RequestValidationError as error:  # checked before the run started; settings changed since?
            return ReplyResult(message=None, error=UnsendableSettingError(str(error)))
        reply = ReplyRun(stream)
        active.in_flight[key] = reply
        return await reply.result()

    def _requeued(self, active: _Active, profile: Profile, key: CellKey, error: ApiError | None) -> bool:
        """A cell still throttled after the client's retries waits its turn again, at the queue's front."""
        if error is None or not is_throttled(error) or active.stop is not None:
            return False
        tries = active.requeued.get(key, 0)
        if tries >= THROTTLE_REQUEUES:
            return False
        active.requeued[key] = tries + 1
        retry_after = error.retry_after if isinstance(error, ApiStatusError) else None
        self._hold(active, profile, self._retry.delay(tries, retry_after, throttled=True))
        active.queues[profile].appendleft(key)
        return True

    def _hold(self, active: _Active, profile: Profile, seconds: float) -> None:
        until = time.monotonic() + seconds
        active.hold_until[profile] = max(active.hold_until.get(profile, 0.0), until)

    def _give_up(self, active: _Active, profile: Profile, last: CellResult) -> None:
        """The provider is gone: its queued cells fail now with the error the last ones met."""
        queue = active.queues[profile]
        while queue:
            key = queue.popleft()
            self._finish(
                active, CellResult(key, CellStatus.FAILED, (), None, last.error, finished_at=self._clock())
            )

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
        active.stopped.set()
        if cut:
            active.cut = True
            for reply in active.in_flight.values():
                if reply is not None:
                    reply.cancel()

    async def _set_state(self, run_id: int, state: RunState) -> None:
        await self._store.call(lambda s: s.set_grid_run_state(run_id, state))
        self._events.run_state_changed(run_id, state)

    def _progress(self, active: _Active) -> GridProgress:
        profiles = sum(1 for queue in active.queues.values() if queue) or 1
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


def _queues(run: GridRun, keys: Iterable[CellKey]) -> dict[Profile, deque[CellKey]]:
    """The keys by the profile their variant uses, each queue row by row (the grid fills from the top)."""
    queues: dict[Profile, deque[CellKey]] = {}
    for key in sorted(set(keys), key=lambda k: (k.case, k.variant, k.repeat)):
        queues.setdefault(run.variants[key.variant].profile_name, deque()).append(key)
    return queues


def _unreachable(error: ApiError | None) -> bool:
    """The provider cannot be reached or is no longer there: more cells will meet the same."""
    return isinstance(error, ApiConnectionError | UnknownProfileError | MissingKeyError)
