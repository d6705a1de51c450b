"""Running the LLM judge over a grid run: rubric scores per cell repeat, or pairwise verdicts asked twice.

`JudgeRunner` is Qt-free and reports through `JudgeEvents`, on the event loop's thread; what it judges is
saved through a `JudgeSink` (the store's `JudgingService`) the moment each judgement is made, so a cancelled
or interrupted pass loses only the judgements in flight, and the next pass judges what is missing.

Each judge request goes through the same path a grid cell takes (the pool's client for the judge's profile,
`ReplyRun`, the cost from the reply's usage at the judge model's price), through the grid's queue
(`core.grid.profile_queue`): at most `run.concurrency` requests in flight per judge profile; a throttled
answer (429, 529, overloaded) is retried by the client honouring `retry-after` while the profile's other
workers wait, and one still throttled goes back to the front of the queue; a provider that cannot be reached
several times in a row fails the rest of its queue at once.

An answer that does not follow the format is asked for once more, with the conversation so far and a short
reminder of the format; a second miss leaves the judgement UNSCORED with every reply kept. A judge that
declines (stop reason "refusal", or words of refusal and no JSON) is REFUSED and not asked again. A request
that fails is saved FAILED with the error in `reasons`; judging the run again retries it.

Pairwise: per test case and repeat, each pair of columns is asked twice, once as given (columns[0] shown as
A) and once swapped; the swapped verdict is mapped back onto the columns. The verdict counts only when both
orders agree (`PairJudgement.verdict`); otherwise both are kept and the disagreement is shown.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.grid.profile_queue import Profile, ProfileQueue, Sent, unreachable
from core.judging.judge_outcome import (
    ANSWERS_PER_ORDER,
    OrderAnswer,
    Pending,
    asked_again,
    make_judgement,
    read_answer,
)
from core.judging.judge_parse import JudgeFormatError
from core.judging.judge_plan import (
    Pair,
    PlannedJudgement,
    check_judging,
    judge_settings,
    plan_pairs,
    plan_rubric,
    user_turn,
)
from core.model.catalog import cost_of
from core.model.grid import GridRun
from core.model.judging import (
    JudgeKind,
    JudgementStatus,
    JudgeTemplate,
    PairJudgement,
    RubricScore,
    VoteSourceKind,
)
from core.model.request_settings import RequestSettings
from core.store.errors import StoreError
from core.wire.validation import ensure_valid

CLOSE_TIMEOUT = 10.0

log = logging.getLogger(__name__)

Judgement = RubricScore | PairJudgement


class JudgeEvents(Protocol):
    def judgement_finished(self, run_id: int, judgement: RubricScore | PairJudgement) -> None:
        """The judgement is made and saved (whatever its status)."""

    def progress(self, run_id: int, done: int, total: int, cost_so_far: float) -> None:
        """Judgements of this pass made so far, of `total`; what the judge cost so far in this pass."""


class JudgeSink(Protocol):
    """Where judgements are kept: the part of the store's `JudgingService` the runner uses."""

    async def rubric_scores(self, run_id: int) -> list[RubricScore]: ...
    async def save_rubric_score(self, s: RubricScore) -> None: ...
    async def pair_judgements(self, kind: VoteSourceKind, run_id: int) -> list[PairJudgement]: ...
    async def save_pair_judgement(self, j: PairJudgement) -> None: ...


class JudgeBusyError(RuntimeError):
    """The run is already being judged: one pass at a time per run."""


@dataclass(frozen=True)
class _Ask:
    job: Pending
    order: int


AskQueue = ProfileQueue[_Ask, str]


@dataclass
class _Pass:
    run: GridRun
    template: JudgeTemplate
    settings: RequestSettings
    total: int
    queue: AskQueue
    """Always cut when stopped: a judgement in flight is not saved."""
    done: int = 0
    spent: float = 0.0
    failure: StoreError | None = None
    """Why a judgement could not be saved: the pass stops and the caller gets this error."""
    ended: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def run_id(self) -> int:
        assert self.run.id is not None
        return self.run.id


class JudgeRunner:
    def __init__(
        self,
        clients: ClientPool,
        sink: JudgeSink,
        events: JudgeEvents,
        *,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._clients = clients
        self._sink = sink
        self._events = events
        self._retry = retry or RetryPolicy()
        self._clock = clock
        self._passes: dict[int, _Pass] = {}

    def is_running(self, run_id: int) -> bool:
        return run_id in self._passes

    async def judge_rubric(self, run: GridRun, template: JudgeTemplate) -> None:
        """Score every finished cell repeat of the run not yet judged with this template (failed judgements
        are judged again). Returns when the pass has ended or was cancelled. Raises JudgeTemplateError or
        RequestValidationError, having sent nothing, when the template cannot judge; JudgeBusyError when
        the run is being judged already; the store's error when a judgement could not be saved."""
        check_judging(run, template, JudgeKind.RUBRIC)
        assert run.id is not None
        existing = await self._sink.rubric_scores(run.id)
        await self._run(run, template, plan_rubric(run, template, existing))

    async def judge_pairs(self, run: GridRun, template: JudgeTemplate, pairs: Sequence[Pair]) -> None:
        """For each test case and repeat where both columns of a pair finished, ask the judge twice (the
        pair as given, then swapped) unless that pair was judged already with this template (either way
        round; failed judgements are judged again). Returns, and raises, as `judge_rubric` does; raises
        JudgeTemplateError for a pair naming a column the run lacks, or a column twice."""
        check_judging(run, template, JudgeKind.PAIRWISE, pairs)
        assert run.id is not None
        existing = await self._sink.pair_judgements(VoteSourceKind.GRID, run.id)
        await self._run(run, template, plan_pairs(run, template, pairs, existing))

    async def cancel(self, run_id: int) -> None:
        """Stop the run's judge pass now, its requests in flight too (not saved: judged again next time).
        What was judged stays."""
        active = self._passes.get(run_id)
        if active is not None:
            self._stop(active)

    async def close(self) -> None:
        """At quit: stop every pass."""
        for active in list(self._passes.values()):
            self._stop(active)
        ended = [active.ended.wait() for active in self._passes.values()]
        if ended:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(CLOSE_TIMEOUT):
                    await asyncio.gather(*ended)

    # -- the queue ------------------------------------------------------------------------------------

    async def _run(self, run: GridRun, template: JudgeTemplate, planned: list[PlannedJudgement]) -> None:
        assert run.id is not None
        run_id = run.id
        if run_id in self._passes:
            raise JudgeBusyError(f"The run “{run.name}” is being judged already.")
        settings = judge_settings(template)
        if planned:  # every request differs only in the replies quoted: one check is enough
            ensure_valid([user_turn(planned[0].prompts[0])], settings)
        active = self._pass(run, template, settings, [Pending(plan) for plan in planned])
        self._passes[run_id] = active
        try:
            self._events.progress(run_id, 0, active.total, 0.0)
            active.queue.staff()
            workers = active.queue.workers()
            try:
                if workers:
                    await asyncio.gather(*workers)
            finally:
                for worker in workers:
                    worker.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
        finally:
            del self._passes[run_id]
            active.ended.set()
        if active.failure is not None:
            raise active.failure

    def _pass(
        self, run: GridRun, template: JudgeTemplate, settings: RequestSettings, jobs: list[Pending]
    ) -> _Pass:
        active: _Pass  # the queue's callbacks name the pass it belongs to, made next

        async def send(profile: Profile, ask: _Ask) -> Sent[str] | None:
            answer = await self._ask(active, profile, ask)
            if answer is None or active.queue.stopped.is_set():
                return None  # requeued, or stopped: nothing to save
            await self._answered(active, ask, answer)
            succeeded = answer.status != JudgementStatus.FAILED
            return Sent(succeeded, answer.error if answer.unreachable else None)

        async def given_up(ask: _Ask, error: str) -> None:
            if not active.queue.stopped.is_set():
                await self._answered(
                    active, ask, OrderAnswer(JudgementStatus.FAILED, error=error, unreachable=True)
                )

        queue = AskQueue(self._clients, run.concurrency, send, given_up, self._retry)
        for job in jobs:
            orders = range(len(job.plan.prompts))
            queue.extend(job.plan.profile, (_Ask(job, order) for order in orders))
        active = _Pass(run, template, settings, len(jobs), queue)
        return active

    async def _ask(self, active: _Pass, profile: Profile, ask: _Ask) -> OrderAnswer | None:
        """Ask the judge one order of one judgement, once more if the answer does not follow the format.
        None when it was requeued (throttled) or stopped."""
        template = active.template
        messages = [user_turn(ask.job.plan.prompts[ask.order])]
        replies: list[str] = []
        for attempt in range(ANSWERS_PER_ORDER):
            result = await active.queue.request(profile, ask, messages, active.settings)
            if result.cancelled:
                return None
            if result.message is not None:
                cost = cost_of(
                    result.message.usage, active.settings.model, self._clients.price_overrides(profile)
                )
                ask.job.add_cost(cost, result.message.usage)
                active.spent += cost or 0.0
            if result.error is not None:
                if active.queue.requeued(profile, ask, result.error):
                    return None
                return OrderAnswer(
                    JudgementStatus.FAILED,
                    replies=replies,
                    error=result.error.message or str(result.error),
                    unreachable=unreachable(result.error),
                )
            assert result.message is not None
            read = read_answer(template, result.message, replies)
            if not isinstance(read, JudgeFormatError):
                return read
            if attempt + 1 == ANSWERS_PER_ORDER:
                return OrderAnswer(JudgementStatus.UNSCORED, replies=replies, error=str(read))
            messages = asked_again(template, messages, replies[-1], read)
        raise AssertionError("unreachable: the last attempt returns")

    async def _answered(self, active: _Pass, ask: _Ask, answer: OrderAnswer) -> None:
        """Keep the order's answer; once every order of the judgement is in, save it and tell."""
        job = ask.job
        job.answers[ask.order] = answer
        if not job.complete:
            return
        judgement = self._judgement(active, job)
        try:
            if isinstance(judgement, RubricScore):
                await self._sink.save_rubric_score(judgement)
            else:
                await self._sink.save_pair_judgement(judgement)
        except StoreError as error:  # the store failed (disk full...): stop rather than pay for lost work
            log.warning("Judge pass on run %s stopped: %s", active.run_id, error)
            active.failure = active.failure or error
            self._stop(active)
            return
        active.done += 1
        self._events.judgement_finished(active.run_id, judgement)
        self._events.progress(active.run_id, active.done, active.total, active.spent)

    def _judgement(self, active: _Pass, job: Pending) -> Judgement:
        plan = job.plan
        answers = job.ordered()
        return make_judgement(
            active.run,
            active.template,
            plan.case,
            plan.repeat,
            plan.columns,
            answers,
            job.cost,
            self._clock(),
            job.spend(active.settings.model),
        )

    def _stop(self, active: _Pass) -> None:
        active.queue.stop(cut=True)
