"""A grid run sent through the Message Batches API: at half the price, results in minutes to hours.

`GridBatchRunner.submit` sends the cells a run lacks as batches per provider profile, as many as the API's
limits need (100,000 requests or 256 MB each: `BatchLimits`), each request built exactly as the live runner
builds its cell (`cell_request`, the client's body), only not streamed. Each job is stored the moment the
provider accepts it; the runner polls each with backoff (`PollPolicy`), reports each change
(`batch_status`), and as each ends saves every result into the run's cells, as the live runner does:
a reply is a DONE cell measured from its usage and priced at the batch price; an errored, expired or
cancelled request is a FAILED cell whose error says which (a failed cell retries live on demand). Result
lines for custom ids the batch never had are ignored and reported (`results_ignored`). The run is DONE once
its last batch is collected. After a restart `resume_open` follows the stored open jobs again, from
polling or from collecting, into the same cells; `cancel` cancels every open batch of the run.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from core.api.batches import BatchLimits, BatchRequest, BatchResultKind, BatchResultLine, BatchSupport
from core.api.pool import ClientPool
from core.chat.session import reply_error
from core.grid.batch_flow import (
    BatchFlow,
    BatchFollowError,
    BatchJobSink,
    FollowedRuns,
    PollPolicy,
    batch_request,
)
from core.grid.cell_request import cell_messages, cell_settings
from core.grid.exports import variant_names
from core.grid.runner import check_cells
from core.model.catalog import price_for
from core.model.compare_run import ColumnMetrics
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import CellKey, CellResult, CellStatus, GridProgress, GridRun, RunState, run_progress
from core.model.judging import BatchJob, BatchPurpose, BatchStatus
from core.model.pricing import batch_price, cost_usd
from core.store.errors import StoreError
from core.store.worker import StoreWorker
from core.wire.errors import ApiError, BatchCanceledError, BatchExpiredError, BatchNoResultError

log = logging.getLogger(__name__)


class GridBatchEvents(Protocol):
    """What a batch run reports, on the event loop's thread (a superset of what `GridEvents` has for
    cells, so the grid window's handlers serve both)."""

    def cell_finished(self, run_id: int, result: CellResult) -> None:
        """A result is saved into its cell (DONE, or FAILED with its error)."""

    def progress(self, run_id: int, progress: GridProgress) -> None: ...
    def run_state_changed(self, run_id: int, state: RunState) -> None: ...
    def batch_status(self, run_id: int, job: BatchJob) -> None:
        """The batch was created, changed status or counts, or was collected (`job.status`)."""

    def results_ignored(self, run_id: int, custom_ids: tuple[str, ...]) -> None:
        """The results file had lines for custom ids the batch never sent: they were not saved anywhere."""

    def batch_failed(self, run_id: int, job: BatchJob, error: ReplyError) -> None:
        """Following the batch stopped on an error waiting will not cure; the job stays stored and open
        (the next `resume_open` tries again)."""


class BatchesUnsupportedError(Exception):
    """A profile of the run has no Message Batches API: nothing was sent. The run can go live instead."""

    def __init__(self, unsupported: dict[str | None, BatchSupport]) -> None:
        names = ", ".join(repr(name) for name in unsupported)
        reasons = "; ".join(support.reason for support in unsupported.values())
        super().__init__(f"Batches are not offered through {names}: {reasons}")
        self.unsupported = unsupported


@dataclass
class _Following:
    run: GridRun
    cells: dict[CellKey, CellResult]
    tasks: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    """batch id -> its follower."""
    cancelled: bool = False


class GridBatchRunner:
    def __init__(
        self,
        store: StoreWorker,
        clients: ClientPool,
        sink: BatchJobSink,
        events: GridBatchEvents,
        *,
        poll: PollPolicy | None = None,
        limits: BatchLimits | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._clients = clients
        self._events = events
        self._clock = clock
        self.flow = BatchFlow(clients, sink, poll=poll, limits=limits, clock=clock)
        """The generic submit / poll / collect path (a judge pass reuses it)."""
        self._following: FollowedRuns[_Following] = FollowedRuns()
        self._submitting: dict[int, asyncio.Lock] = {}

    async def support(self, run: GridRun) -> dict[str | None, BatchSupport]:
        """Each profile of the run and whether its provider offers batches (probed once per profile)."""
        profiles = dict.fromkeys(variant.profile_name for variant in run.variants)
        found = await asyncio.gather(*(self.flow.support(name) for name in profiles))
        return dict(zip(profiles, found, strict=True))

    def is_following(self, run_id: int) -> bool:
        return run_id in self._following

    async def submit(self, run_id: int) -> list[BatchJob]:
        """Send the cells the run lacks as batches, per profile as many as the limits need; returns the
        stored jobs. Raises CellCheckError (a cell cannot be sent), BatchesUnsupportedError or
        BatchRequestTooLargeError (a cell's request is larger than a whole batch may be, named in the
        message) before anything is sent; ApiError when a provider refuses a batch (batches already
        accepted go on, and a later submit sends only the cells none of them carries)."""
        async with self._submitting.setdefault(run_id, asyncio.Lock()):  # two clicks send one batch
            return await self._submit(run_id)

    async def _submit(self, run_id: int) -> list[BatchJob]:
        run = await self._run(run_id)
        # Cells an open batch of the run will answer are not sent twice (a batch whose following stopped,
        # or one submitted before a restart and not yet resumed).
        waiting = {
            key for job in await self.flow.open_jobs(BatchPurpose.CELLS, run_id) for key in _keys_of(job)
        }
        keys = [key for key in run.remaining() if key not in waiting]
        await asyncio.to_thread(check_cells, run, keys)
        support = await self.support(run)
        unsupported = {name: found for name, found in support.items() if not found.supported}
        if unsupported:
            raise BatchesUnsupportedError(unsupported)
        by_profile: dict[str | None, list[CellKey]] = {}
        for key in keys:
            by_profile.setdefault(run.variants[key.variant].profile_name, []).append(key)
        cells = {custom_id(key): key for key in keys}
        columns = variant_names(run)
        # Every batch is cut before the first is sent: a cell too large for any batch sends nothing.
        parts: list[tuple[str | None, list[BatchRequest]]] = []
        for profile, profile_keys in by_profile.items():
            requests = await self._requests(run, profile, profile_keys)
            parts += [
                (profile, part)
                for part in await self.flow.split(
                    requests, lambda custom: cell_name(run, cells[custom], columns)
                )
            ]
        meanings = {custom_id(key): meaning(key) for key in keys}
        jobs: list[BatchJob] = []
        following = self._following.setdefault(run_id, _Following(run, dict(run.cells)))
        try:
            for profile, part in parts:
                job = await self.flow.submit(profile, run_id, BatchPurpose.CELLS, part, meanings)
                jobs.append(job)
                self._events.batch_status(run_id, job)
                if len(jobs) == 1:
                    await self._set_state(run_id, RunState.RUNNING)
                self._follow(following, job)
        finally:
            if not following.tasks:
                self._following.forget(run_id, following)
            elif jobs:
                self._events.progress(run_id, self._progress(following))
        return jobs

    async def resume_open(self) -> None:
        """After a restart: follow every stored job of grid cells not yet collected, into the same cells."""
        for job in await self.flow.open_jobs(BatchPurpose.CELLS):
            following = self._following.get(job.run_id)
            if following is not None and job.batch_id in following.tasks:
                continue
            if following is None:
                run = await self._run(job.run_id)
                following = self._following[job.run_id] = _Following(run, dict(run.cells))
            self._events.batch_status(job.run_id, job)
            self._follow(following, job)

    async def cancel(self, run_id: int) -> None:
        """Ask the provider to stop the run's batches. What they finished meanwhile is still collected;
        the rest end as FAILED cancelled cells, and the run as CANCELLED. A run whose batches are not being
        followed (their following stopped on an error) is followed again, to collect them."""
        jobs = await self.flow.open_jobs(BatchPurpose.CELLS, run_id)
        if not jobs:
            return
        following = self._following.get(run_id)
        if following is None:
            run = await self._run(run_id)
            following = self._following[run_id] = _Following(run, dict(run.cells))
        following.cancelled = True
        for job in jobs:
            if job.status == BatchStatus.IN_PROGRESS:
                # A batch that ended meanwhile cannot be cancelled: it is collected as it is.
                with contextlib.suppress(ApiError):
                    self._events.batch_status(run_id, await self.flow.cancel(job))
            if job.batch_id not in following.tasks:
                self._follow(following, job)

    async def wait(self, run_id: int) -> None:
        """Until the run's batches are collected (or following them stopped)."""
        await self._following.wait(run_id)

    async def close(self) -> None:
        """At quit: stop following (the batches go on at the provider; `resume_open` picks them up)."""
        await self._following.close()

    # -- following one batch --------------------------------------------------------------------------

    def _follow(self, following: _Following, job: BatchJob) -> None:
        self._following.follow(following, job, lambda: self._collect(following, job))

    async def _collect(self, following: _Following, job: BatchJob) -> None:
        run = following.run
        assert run.id is not None
        run_id = run.id
        unknown: list[str] = []
        answered: set[CellKey] = set()

        async def on_line(line: BatchResultLine) -> None:
            key = key_of(job, line.custom_id)
            if key is None or not _in_run(run, key):
                unknown.append(line.custom_id)
                return
            answered.add(key)
            await self._save(following, self._cell(run, job, key, line))

        def on_status(updated: BatchJob) -> None:
            self._events.batch_status(run_id, updated)

        try:
            collected = await self.flow.follow(job, on_status, on_line)
            for key in _keys_of(job):
                if key not in answered and _in_run(run, key):
                    error = BatchNoResultError(f"Batch {job.batch_id} ended without a result for this cell.")
                    await self._save(following, self._failed(key, error))
        except BatchFollowError as failure:
            await self._stopped(following, failure.job, reply_error(failure.error))
            return
        except StoreError as failure:
            # The disk is full or the database is gone: the job stays open, collected again on resume.
            await self._stopped(following, job, ReplyError(ErrorKind.NOT_SAVED, str(failure)))
            return
        if unknown:
            log.warning(
                "Grid run %s: batch %s returned results for unknown ids %s", run_id, job.batch_id, unknown
            )
            self._events.results_ignored(run_id, tuple(unknown))
        del following.tasks[collected.batch_id]
        if not following.tasks:
            await self._set_state(run_id, RunState.CANCELLED if following.cancelled else RunState.DONE)
            self._events.progress(run_id, self._progress(following))
            self._following.forget(run_id, following)

    async def _stopped(self, following: _Following, job: BatchJob, error: ReplyError) -> None:
        """Following one batch stopped on an error: the job stays open for `resume_open`. Reported once the
        runner has let go of it, so whoever hears of it sees the run no longer followed."""
        run_id = job.run_id
        log.warning("Grid run %s: following batch %s stopped: %s", run_id, job.batch_id, error.message)
        del following.tasks[job.batch_id]
        if not following.tasks:
            with contextlib.suppress(StoreError):  # the store may be what failed: the run stays as it was
                await self._set_state(run_id, RunState.PAUSED)
            self._following.forget(run_id, following)
        self._events.batch_failed(run_id, job, error)

    def _cell(self, run: GridRun, job: BatchJob, key: CellKey, line: BatchResultLine) -> CellResult:
        if line.kind == BatchResultKind.SUCCEEDED and line.message is not None:
            message = line.message
            usage = message.usage
            model = run.variants[key.variant].settings.model
            # Priced like a live cell (the model the variant asked for), at the batch price.
            price = price_for(model, self._clients.price_overrides(job.profile_name))
            metrics = ColumnMetrics(
                input_tokens=usage.input_tokens,
                output_tokens=usage.output_tokens,
                cache_read_tokens=usage.cache_read_input_tokens,
                cache_write_tokens=usage.cache_creation_input_tokens,
                thinking_tokens=usage.thinking_tokens,
                stop_reason=message.stop_reason,
                cost_usd=cost_usd(usage, batch_price(price)) if price is not None else None,
            )
            return CellResult(
                key, CellStatus.DONE, tuple(message.content), metrics, finished_at=self._clock()
            )
        if line.kind == BatchResultKind.ERRORED and line.error is not None:
            return self._failed(key, line.error)
        if line.kind == BatchResultKind.EXPIRED:
            return self._failed(
                key,
                BatchExpiredError(
                    f"Batch {job.batch_id} reached its 24-hour limit before this request was processed."
                ),
            )
        return self._failed(
            key, BatchCanceledError(f"Batch {job.batch_id} was cancelled before this request was processed.")
        )

    def _failed(self, key: CellKey, error: ApiError) -> CellResult:
        return CellResult(key, CellStatus.FAILED, (), None, reply_error(error), finished_at=self._clock())

    async def _save(self, following: _Following, cell: CellResult) -> None:
        run_id = following.run.id
        assert run_id is not None
        await self._store.call(lambda s: s.save_grid_cell(run_id, cell))
        following.cells[cell.key] = cell
        self._events.cell_finished(run_id, cell)
        self._events.progress(run_id, self._progress(following))

    async def _requests(
        self, run: GridRun, profile: str | None, keys: Sequence[CellKey]
    ) -> list[BatchRequest]:
        """Each cell's body as the live runner's client would send it, not streamed (a batch never is)."""
        client = await self._clients.client_for(profile)
        requests: list[BatchRequest] = []
        for key in keys:
            messages = cell_messages(run.test_set, run.test_set.cases[key.case])
            settings = cell_settings(run.test_set, run.variants[key.variant])
            requests.append(batch_request(client, custom_id(key), messages, settings))
        return requests

    def _progress(self, following: _Following) -> GridProgress:
        return run_progress(following.run, following.cells)

    async def _run(self, run_id: int) -> GridRun:
        return await self._store.call(lambda s: s.get_grid_run(run_id))

    async def _set_state(self, run_id: int, state: RunState) -> None:
        await self._store.call(lambda s: s.set_grid_run_state(run_id, state))
        self._events.run_state_changed(run_id, state)


def custom_id(key: CellKey) -> str:
    """The request's id in the batch (the API allows `[a-zA-Z0-9_-]{1,64}`)."""
    return f"c{key.case}_v{key.variant}_r{key.repeat}"


def cell_name(run: GridRun, key: CellKey, columns: Sequence[str]) -> str:
    """A cell in words, for an error about it: 'case 3 “Greeting”, column “temperature 0.2”, repeat 1'
    (`columns`: `variant_names(run)`)."""
    case = run.test_set.cases[key.case].name
    return f"case {key.case + 1} “{case}”, column “{columns[key.variant]}”, repeat {key.repeat + 1}"


def meaning(key: CellKey) -> str:
    """What a custom id answers, as kept with the job: "case:variant:repeat"."""
    return f"{key.case}:{key.variant}:{key.repeat}"


def key_of(job: BatchJob, custom: str) -> CellKey | None:
    """The cell a result line answers; None for an id the job never sent."""
    encoded = job.custom_ids.get(custom)
    if encoded is None:
        return None
    try:
        case, variant, repeat = (int(part) for part in encoded.split(":"))
    except ValueError:
        return None
    return CellKey(case, variant, repeat)


def _keys_of(job: BatchJob) -> list[CellKey]:
    return [key for custom in job.custom_ids if (key := key_of(job, custom)) is not None]


def _in_run(run: GridRun, key: CellKey) -> bool:
    return (
        0 <= key.case < len(run.test_set.cases)
        and 0 <= key.variant < len(run.variants)
        and 0 <= key.repeat < run.repeats
    )
