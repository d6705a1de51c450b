"""Requests in, result lines out: Message Batches submitted, kept, polled until they end, and collected.

What is generic about running work as a batch, for the grid's cells (`core.grid.batch_runner`) and for a
judge pass alike: the submitter builds the requests and says what each custom id answers; `BatchFlow`
cuts them into as many batches as the API's limits need (`split`), stores each job the moment the
provider accepts it (so a restart goes on with it), polls with backoff, saves and reports each change of
status, then hands over the results file line by line and marks the job COLLECTED once every line was
handed over. The caller turns lines into its own results.

`FollowedRuns` is the runners' bookkeeping around it: per run, the runner's own state with one follower
task per batch, waited on, and stopped at quit.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from core.api.batches import (
    BatchesClient,
    BatchInfo,
    BatchLimits,
    BatchRequest,
    BatchResultLine,
    BatchSupport,
    split_requests,
)
from core.api.client import ApiClient
from core.api.pool import ClientPool
from core.api.retry import is_retryable
from core.model.judging import BatchJob, BatchPurpose, BatchStatus
from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings
from core.wire.errors import ApiError, NotFoundError

log = logging.getLogger(__name__)


class BatchJobSink(Protocol):
    """Where batch jobs are kept: `JudgingService` (core/store/services.py) is one."""

    async def save_batch_job(self, job: BatchJob) -> BatchJob: ...
    async def update_batch_job(self, job: BatchJob) -> None: ...
    async def open_batch_jobs(self) -> list[BatchJob]: ...


@dataclass(frozen=True)
class PollPolicy:
    """How often to ask whether a batch ended: soon at first (small batches end in minutes), then less and
    less often, never rarer than `longest`. Tests make it fast."""

    first: float = 10.0
    factor: float = 1.5
    longest: float = 300.0

    def delay(self, polls_made: int) -> float:
        return float(min(self.first * self.factor**polls_made, self.longest))


class BatchFollowError(Exception):
    """Polling or collecting stopped on an error that waiting will not cure (the batch is gone, the key was
    refused). The job stays open in the store: the next `resume_open` tries again."""

    def __init__(self, job: BatchJob, error: ApiError) -> None:
        super().__init__(error.message)
        self.job = job
        self.error = error


StatusReport = Callable[[BatchJob], None]
LineHandler = Callable[[BatchResultLine], Awaitable[None]]


class BatchFlow:
    def __init__(
        self,
        clients: ClientPool,
        sink: BatchJobSink,
        *,
        poll: PollPolicy | None = None,
        limits: BatchLimits | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._clients = clients
        self._sink = sink
        self._poll = poll or PollPolicy()
        self.limits = limits or BatchLimits()
        """What one batch may hold (the API's limits; tests use tiny ones)."""
        self._clock = clock
        self._support: dict[str | None, BatchSupport] = {}

    async def support(self, profile_name: str | None) -> BatchSupport:
        """Whether the profile's provider offers batches (asked once per profile, then remembered; never
        raises: a missing key or profile is answered as not supported, with the reason)."""
        known = self._support.get(profile_name)
        if known is not None:
            return known
        try:
            client = await self._clients.client_for(profile_name)
        except ApiError as error:
            return BatchSupport(False, error.message)
        found = await BatchesClient(client).probe()
        self._support[profile_name] = found
        return found

    async def split(
        self,
        requests: Sequence[BatchRequest],
        name: Callable[[str], str],
        together: Callable[[str], str] | None = None,
    ) -> list[list[BatchRequest]]:
        """The requests as the batches they go in (`split_requests` within `limits`: adjacent ones that
        `together` maps alike stay in one batch), measured off the event loop. Raises
        BatchRequestTooLargeError, naming the request by `name(custom_id)`, when one cannot fit even
        alone."""
        return await asyncio.to_thread(split_requests, requests, self.limits, name, together)

    async def submit(
        self,
        profile_name: str | None,
        run_id: int,
        purpose: BatchPurpose,
        requests: Sequence[BatchRequest],
        meanings: Mapping[str, str],
    ) -> BatchJob:
        """Create one batch of these requests (a part `split` made) and store its job; `meanings` maps
        custom ids to what they answer (the job keeps its own requests' only). Raises ApiError when the
        provider refuses the batch (nothing is stored then)."""
        batches = await self._batches(profile_name)
        info = await batches.create(requests)
        own = {request.custom_id: meanings[request.custom_id] for request in requests}
        job = _with_info(
            BatchJob(None, info.batch_id, profile_name, run_id, purpose, own, created_at=self._clock()),
            info,
        )
        return await self._sink.save_batch_job(job)

    async def cancel(self, job: BatchJob) -> BatchJob:
        """Ask the provider to stop the batch; returns it as the provider now reports it. Not stored here:
        whoever follows the batch stores what polling learns, so an answer overtaken by the follower's
        (the batch ended and was collected meanwhile) never reopens the job."""
        info = await (await self._batches(job.profile_name)).cancel(job.batch_id)
        return _with_info(job, info)

    async def follow(self, job: BatchJob, on_status: StatusReport, on_line: LineHandler) -> BatchJob:
        """Poll until the batch ends, then hand over each results line and mark the job COLLECTED. Errors
        that waiting may cure (connection, 5xx, 429) are waited out at the poll's pace; others raise
        BatchFollowError with the job left open. A batch the provider no longer has (404: deleted, or its
        results past their 29 days) is collected with no lines, so its requests end as having no result
        (retried on demand) instead of being followed again at every start. Cancelling the task stops
        following, nothing else."""
        polls = 0
        try:
            batches = await self._batches(job.profile_name)
            while job.status in (BatchStatus.IN_PROGRESS, BatchStatus.CANCELING):
                try:
                    info = await batches.retrieve(job.batch_id)
                except ApiError as error:
                    if not is_retryable(error):
                        raise
                    log.info("Batch %s: polling failed (%s); trying again later", job.batch_id, error)
                else:
                    updated = _with_info(job, info)
                    if updated != job:
                        job = updated
                        await self._sink.update_batch_job(job)
                        on_status(job)
                    if job.status == BatchStatus.ENDED:
                        break
                await asyncio.sleep(self._poll.delay(polls))
                polls += 1
            async for line in batches.results(job.batch_id):
                await on_line(line)
        except NotFoundError as error:
            log.warning(
                "Batch %s: the provider no longer has it (%s); collected without results", job.batch_id, error
            )
        except ApiError as error:
            raise BatchFollowError(job, error) from error
        job = dataclasses.replace(job, status=BatchStatus.COLLECTED)
        await self._sink.update_batch_job(job)
        on_status(job)
        return job

    async def open_jobs(self, purpose: BatchPurpose, run_id: int | None = None) -> list[BatchJob]:
        """The stored jobs of this purpose (and run, when given) not yet collected (after a restart: the
        ones to follow again)."""
        return [
            job
            for job in await self._sink.open_batch_jobs()
            if job.purpose == purpose and run_id in (None, job.run_id)
        ]

    async def _batches(self, profile_name: str | None) -> BatchesClient:
        return BatchesClient(await self._clients.client_for(profile_name))


def batch_request(
    client: ApiClient, custom_id: str, messages: list[ChatMessage], settings: RequestSettings
) -> BatchRequest:
    """The request as the live client would send it, only not streamed (a batch never is)."""
    _, body, _ = client.request_for(messages, settings)
    body.pop("stream", None)
    return BatchRequest(custom_id, body)


class Following(Protocol):
    """A run's batches being followed: the runner's own state, with one follower task per batch id."""

    tasks: dict[str, asyncio.Task[None]]


FollowingT = TypeVar("FollowingT", bound=Following)


class FollowedRuns(dict[int, FollowingT]):
    """The runs a batch runner follows, by id. A runner removes a follower from `tasks` as it ends (and
    forgets the run after its last one); one that is cancelled or fails unexpectedly is removed here."""

    def forget(self, run_id: int, following: FollowingT) -> None:
        if self.get(run_id) is following:
            del self[run_id]

    def follow(self, following: FollowingT, job: BatchJob, collect: Callable[[], Awaitable[None]]) -> None:
        """Follow the job in a task of its own."""

        async def follower() -> None:
            try:
                await collect()
            except BaseException:
                following.tasks.pop(job.batch_id, None)
                raise

        following.tasks[job.batch_id] = asyncio.ensure_future(follower())

    async def wait(self, run_id: int) -> None:
        """Until the run's batches are collected (or following them stopped)."""
        following = self.get(run_id)
        while following is not None and following.tasks:
            await asyncio.wait(list(following.tasks.values()))

    async def close(self) -> None:
        """Stop following (the batches go on at the provider)."""
        tasks = [task for following in self.values() for task in following.tasks.values()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self.clear()


def _with_info(job: BatchJob, info: BatchInfo) -> BatchJob:
    return dataclasses.replace(
        job,
        batch_id=info.batch_id,
        status=info.status,
        counts=info.counts,
        expires_at=info.expires_at,
        ended_at=info.ended_at,
    )
