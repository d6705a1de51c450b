"""A judge pass sent through the Message Batches API: at half the price, judgements in minutes to hours.

`JudgeBatchRunner` plans the same judgements as the live `JudgeRunner` (`judge_plan`), sends each request
(a pair's two orders are two requests) in batches per judge profile, as many as the API's limits need,
through the grid's generic batch path (`core.grid.batch_flow.BatchFlow`: each job stored the moment the
provider accepts it, polled with backoff, collected line by line; a pair's two orders always in the same
batch), and reads each result as the live judge reads its answer (`judge_outcome`): a refusal is REFUSED,
an errored, expired or cancelled request FAILED with why. An answer that does not follow the format is
asked once more at once, live (the batch is over; a second batch for a few answers would take hours), and
is UNSCORED if that one misses too. A result is priced at the batch price, the follow-up at the
live price. After a restart `resume_open` follows the stored judge jobs again; the template is found by the
id its job's custom ids carry.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from core.api.batches import BatchLimits, BatchRequest, BatchResultKind, BatchResultLine, BatchSupport
from core.api.pool import ClientPool
from core.grid.batch_flow import (
    BatchFlow,
    BatchFollowError,
    BatchJobSink,
    FollowedRuns,
    PollPolicy,
    batch_request,
)
from core.grid.batch_runner import BatchesUnsupportedError
from core.grid.exports import variant_names
from core.judging.judge_outcome import OrderAnswer, Pending, asked_again, make_judgement, read_answer
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
from core.judging.judge_runner import JudgeEvents, JudgeSink
from core.model.catalog import price_for
from core.model.grid import GridRun
from core.model.judging import (
    BatchJob,
    BatchPurpose,
    BatchStatus,
    JudgeKind,
    JudgementStatus,
    JudgeTemplate,
    RubricScore,
    VoteSourceKind,
)
from core.model.pricing import batch_price, cost_usd
from core.store.errors import StoreError
from core.wire.errors import ApiError
from core.wire.validation import ensure_valid

log = logging.getLogger(__name__)

NO_RESULT = "The batch ended without a result for this request."
EXPIRED = "The batch reached its 24-hour limit before this request was processed."
CANCELED = "The batch was cancelled before this request was processed."


class JudgeBatchEvents(JudgeEvents, Protocol):
    def batch_status(self, run_id: int, job: BatchJob) -> None:
        """A judge batch was created, changed status or counts, or was collected (`job.status`)."""

    def batch_failed(self, run_id: int, job: BatchJob, message: str) -> None:
        """Following the batch stopped on an error waiting will not cure; the job stays stored and open
        (the next `resume_open` tries again)."""


class JudgeBatchSink(JudgeSink, BatchJobSink, Protocol):
    """The store's `JudgingService`: judgements, batch jobs, and the templates a resumed job names."""

    async def judge_templates(self) -> list[JudgeTemplate]: ...


RunLoader = Callable[[int], Awaitable[GridRun]]
"""A grid run by id, with its cells (`GridService.run`)."""


@dataclass(frozen=True)
class Ask:
    """What one request of a judge batch asks: one order of one judgement."""

    template_id: int
    case: int
    repeat: int
    columns: tuple[int, ...]
    order: int

    def meaning(self) -> str:
        """As kept with the job: "template:case:repeat:order:column[:column]"."""
        return ":".join(
            str(part) for part in (self.template_id, self.case, self.repeat, self.order, *self.columns)
        )

    @classmethod
    def of(cls, meaning: str) -> Ask | None:
        try:
            template_id, case, repeat, order, *columns = (int(part) for part in meaning.split(":"))
        except ValueError:
            return None
        if not 1 <= len(columns) <= 2:
            return None
        return cls(template_id, case, repeat, tuple(columns), order)


@dataclass
class _Following:
    run: GridRun
    total: int = 0
    done: int = 0
    spent: float = 0.0
    tasks: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    """batch id -> its follower."""


class JudgeBatchRunner:
    def __init__(
        self,
        clients: ClientPool,
        sink: JudgeBatchSink,
        events: JudgeBatchEvents,
        load_run: RunLoader,
        *,
        poll: PollPolicy | None = None,
        limits: BatchLimits | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._clients = clients
        self._sink = sink
        self._events = events
        self._load_run = load_run
        self._clock = clock
        self.flow = BatchFlow(clients, sink, poll=poll, limits=limits, clock=clock)
        self._following: FollowedRuns[_Following] = FollowedRuns()
        self._submitting: dict[int, asyncio.Lock] = {}

    async def support(self, profile_name: str | None) -> BatchSupport:
        """Whether the judge's provider offers batches (probed once per profile)."""
        return await self.flow.support(profile_name)

    def is_following(self, run_id: int) -> bool:
        return run_id in self._following

    async def submit_rubric(self, run: GridRun, template: JudgeTemplate) -> list[BatchJob]:
        """Send the rubric judgements the run lacks (as `JudgeRunner.judge_rubric` would make them) as
        batches per judge profile, as many as the limits need; returns the stored jobs and follows them.
        Raises JudgeTemplateError, RequestValidationError, BatchesUnsupportedError or
        BatchRequestTooLargeError (one judgement's request is larger than a whole batch may be) before
        anything is sent; ApiError when a provider refuses a batch (those accepted before it go on)."""
        check_judging(run, template, JudgeKind.RUBRIC)
        assert run.id is not None
        async with self._submitting.setdefault(run.id, asyncio.Lock()):  # two clicks send one batch
            existing = await self._sink.rubric_scores(run.id)
            return await self._submit(run, template, plan_rubric(run, template, existing))

    async def submit_pairs(
        self, run: GridRun, template: JudgeTemplate, pairs: Sequence[Pair]
    ) -> list[BatchJob]:
        """The pairs judged as `JudgeRunner.judge_pairs` would, both orders in the batch; otherwise as
        `submit_rubric`."""
        check_judging(run, template, JudgeKind.PAIRWISE, pairs)
        assert run.id is not None
        async with self._submitting.setdefault(run.id, asyncio.Lock()):
            made = await self._sink.pair_judgements(VoteSourceKind.GRID, run.id)
            return await self._submit(run, template, plan_pairs(run, template, pairs, made))

    async def resume_open(self) -> None:
        """After a restart: follow every stored judge job not yet collected."""
        templates = {template.id: template for template in await self._sink.judge_templates()}
        for job in await self.flow.open_jobs(BatchPurpose.JUDGE):
            following = self._following.get(job.run_id)
            if following is not None and job.batch_id in following.tasks:
                continue
            asks = _asks_of(job)
            template = templates.get(asks[0].template_id) if asks else None
            if template is None:
                log.warning("Judge batch %s names no judge template that still exists", job.batch_id)
                continue
            if following is None:
                following = self._following[job.run_id] = _Following(await self._load_run(job.run_id))
            following.total += len({(a.case, a.repeat, a.columns) for a in asks})
            self._events.batch_status(job.run_id, job)
            self._follow(following, template, job)

    async def cancel(self, run_id: int) -> None:
        """Ask the provider to stop the run's judge batches; what they finished meanwhile is still
        collected, the rest saved FAILED as cancelled (judged again next time)."""
        for job in await self.flow.open_jobs(BatchPurpose.JUDGE, run_id):
            if job.status == BatchStatus.IN_PROGRESS:
                with contextlib.suppress(ApiError):  # ended meanwhile: collected as it is
                    self._events.batch_status(run_id, await self.flow.cancel(job))

    async def wait(self, run_id: int) -> None:
        """Until the run's judge batches are collected (or following them stopped)."""
        await self._following.wait(run_id)

    async def close(self) -> None:
        """At quit: stop following (the batches go on at the provider; `resume_open` picks them up)."""
        await self._following.close()

    # -- submitting -----------------------------------------------------------------------------------

    async def _submit(
        self, run: GridRun, template: JudgeTemplate, planned: list[PlannedJudgement]
    ) -> list[BatchJob]:
        assert run.id is not None and template.id is not None
        run_id = run.id
        # Judgements an open batch of the run will make are not asked twice.
        waiting = {
            (ask.template_id, ask.case, ask.repeat, frozenset(ask.columns))
            for job in await self.flow.open_jobs(BatchPurpose.JUDGE, run_id)
            for ask in _asks_of(job)
        }
        planned = [
            plan
            for plan in planned
            if (template.id, plan.case, plan.repeat, frozenset(plan.columns)) not in waiting
        ]
        settings = judge_settings(template)
        if planned:
            ensure_valid([user_turn(planned[0].prompts[0])], settings)
        by_profile: dict[str | None, list[PlannedJudgement]] = {}
        for plan in planned:
            by_profile.setdefault(plan.profile, []).append(plan)
        found = {profile: await self.flow.support(profile) for profile in by_profile}
        unsupported = {profile: support for profile, support in found.items() if not support.supported}
        if unsupported:
            raise BatchesUnsupportedError(unsupported)
        # Every batch is cut before the first is sent: a request too large for any batch sends nothing.
        parts: list[tuple[str | None, list[BatchRequest], dict[str, str]]] = []
        for profile, plans in by_profile.items():
            client = await self._clients.client_for(profile)
            requests: list[BatchRequest] = []
            meanings: dict[str, str] = {}
            for number, plan in enumerate(plans):
                for order, prompt in enumerate(plan.prompts):
                    custom = f"j{number}_o{order}"
                    requests.append(batch_request(client, custom, [user_turn(prompt)], settings))
                    meanings[custom] = Ask(template.id, plan.case, plan.repeat, plan.columns, order).meaning()
            named = {f"j{number}": plan for number, plan in enumerate(plans)}

            def name(custom: str, named: dict[str, PlannedJudgement] = named) -> str:
                return _judgement_name(run, named[_judgement_of(custom)])

            # A judgement's orders stay in one batch: its collector needs both to save it.
            split = await self.flow.split(requests, name, _judgement_of)
            parts += [(profile, part, meanings) for part in split]
        jobs: list[BatchJob] = []
        following = self._following.setdefault(run_id, _Following(run))
        try:
            for profile, part, meanings in parts:
                job = await self.flow.submit(profile, run_id, BatchPurpose.JUDGE, part, meanings)
                jobs.append(job)
                following.total += len({(a.case, a.repeat, a.columns) for a in _asks_of(job)})
                self._events.batch_status(run_id, job)
                self._follow(following, template, job)
        finally:
            if not following.tasks:
                self._following.forget(run_id, following)
            elif jobs:
                self._events.progress(run_id, following.done, following.total, following.spent)
        return jobs

    # -- following one batch --------------------------------------------------------------------------

    def _follow(self, following: _Following, template: JudgeTemplate, job: BatchJob) -> None:
        self._following.follow(following, job, lambda: self._collect(following, template, job))

    async def _collect(self, following: _Following, template: JudgeTemplate, job: BatchJob) -> None:
        run = following.run
        run_id = job.run_id
        plans = _plans_of(run, template, job)
        judgements: dict[tuple[int, int, tuple[int, ...]], Pending] = {}
        for ask in _asks_of(job):
            key = (ask.case, ask.repeat, ask.columns)
            if key not in judgements:
                orders = 2 if template.kind == JudgeKind.PAIRWISE else 1
                # A cell changed since (a failed cell retried away) cannot be quoted again: no follow-up.
                plan = plans.get(key) or PlannedJudgement(*key, job.profile_name, ("",) * orders)
                judgements[key] = Pending(plan)

        async def on_line(line: BatchResultLine) -> None:
            meaning = job.custom_ids.get(line.custom_id)
            ask = Ask.of(meaning) if meaning is not None else None
            judgement = judgements.get((ask.case, ask.repeat, ask.columns)) if ask is not None else None
            if ask is None or judgement is None or ask.order in judgement.answers:
                log.warning(
                    "Judge batch %s: a result for unknown id %r ignored", job.batch_id, line.custom_id
                )
                return
            judgement.answers[ask.order] = await self._answer(
                template, job, judgement, ask.order, line, following
            )
            if judgement.complete:
                await self._save(following, template, judgement)

        def on_status(updated: BatchJob) -> None:
            self._events.batch_status(run_id, updated)

        try:
            collected = await self.flow.follow(job, on_status, on_line)
            for judgement in judgements.values():
                if not judgement.complete:
                    for order in range(len(judgement.plan.prompts)):
                        judgement.answers.setdefault(
                            order, OrderAnswer(JudgementStatus.FAILED, error=NO_RESULT)
                        )
                    await self._save(following, template, judgement)
        except (BatchFollowError, StoreError) as failure:
            log.warning("Judge batch %s: following stopped: %s", job.batch_id, failure)
            self._events.batch_failed(run_id, job, str(failure))
            del following.tasks[job.batch_id]
            if not following.tasks:
                self._following.forget(run_id, following)
            return
        del following.tasks[collected.batch_id]
        if not following.tasks:
            self._following.forget(run_id, following)

    async def _answer(
        self,
        template: JudgeTemplate,
        job: BatchJob,
        judgement: Pending,
        order: int,
        line: BatchResultLine,
        following: _Following,
    ) -> OrderAnswer:
        if line.kind == BatchResultKind.ERRORED and line.error is not None:
            return OrderAnswer(JudgementStatus.FAILED, error=line.error.message or str(line.error))
        if line.kind == BatchResultKind.EXPIRED:
            return OrderAnswer(JudgementStatus.FAILED, error=EXPIRED)
        if line.kind != BatchResultKind.SUCCEEDED or line.message is None:
            return OrderAnswer(JudgementStatus.FAILED, error=CANCELED)
        overrides = self._clients.price_overrides(job.profile_name)
        price = price_for(template.model, overrides)
        cost = cost_usd(line.message.usage, batch_price(price)) if price is not None else None
        judgement.add_cost(cost, line.message.usage)
        following.spent += cost or 0.0
        replies: list[str] = []
        read = read_answer(template, line.message, replies)
        if not isinstance(read, JudgeFormatError):
            return read
        if not judgement.plan.prompts[order]:
            return OrderAnswer(JudgementStatus.UNSCORED, replies=replies, error=str(read))
        # Asked once more, live: the conversation so far and a reminder of the format.
        messages = asked_again(template, [user_turn(judgement.plan.prompts[order])], replies[-1], read)
        try:
            client = await self._clients.client_for(job.profile_name)
            result = await client.send(messages, judge_settings(template))
        except ApiError as error:
            return OrderAnswer(JudgementStatus.UNSCORED, replies=replies, error=f"{read} ({error.message})")
        if result.message is not None:
            live = cost_usd(result.message.usage, price) if price is not None else None
            judgement.add_cost(live, result.message.usage)
            following.spent += live or 0.0
        if result.error is not None or result.message is None:
            return OrderAnswer(JudgementStatus.UNSCORED, replies=replies, error=str(read))
        again = read_answer(template, result.message, replies)
        if isinstance(again, JudgeFormatError):
            return OrderAnswer(JudgementStatus.UNSCORED, replies=replies, error=str(again))
        return again

    async def _save(self, following: _Following, template: JudgeTemplate, judgement: Pending) -> None:
        plan = judgement.plan
        answers = judgement.ordered()
        made = make_judgement(
            following.run,
            template,
            plan.case,
            plan.repeat,
            plan.columns,
            answers,
            judgement.cost,
            self._clock(),
            judgement.spend(template.model),
        )
        if isinstance(made, RubricScore):
            await self._sink.save_rubric_score(made)
        else:
            await self._sink.save_pair_judgement(made)
        following.done += 1
        run_id = made.run_id if isinstance(made, RubricScore) else made.source.run_id
        self._events.judgement_finished(run_id, made)
        self._events.progress(run_id, following.done, following.total, following.spent)


def _judgement_name(run: GridRun, plan: PlannedJudgement) -> str:
    """A judgement in words, for an error about it: 'the judgement of case 3 “Greeting”, repeat 1,
    columns “a” and “b”'."""
    columns = variant_names(run)
    shown = " and ".join(f"“{columns[column]}”" for column in plan.columns)
    case = run.test_set.cases[plan.case].name
    return f"the judgement of case {plan.case + 1} “{case}”, repeat {plan.repeat + 1}, column(s) {shown}"


def _judgement_of(custom: str) -> str:
    """The judgement a request's custom id ("j4_o1") is an order of ("j4")."""
    return custom.partition("_")[0]


def _asks_of(job: BatchJob) -> list[Ask]:
    return [ask for meaning in job.custom_ids.values() if (ask := Ask.of(meaning)) is not None]


def _plans_of(
    run: GridRun, template: JudgeTemplate, job: BatchJob
) -> dict[tuple[int, int, tuple[int, ...]], PlannedJudgement]:
    """The judgements the job asks for, with their prompts rebuilt from the run (for a follow-up turn)."""
    if template.kind == JudgeKind.PAIRWISE:
        pairs = list(dict.fromkeys((ask.columns[0], ask.columns[-1]) for ask in _asks_of(job)))
        planned = plan_pairs(run, template, pairs)
    else:
        planned = plan_rubric(run, template)
    return {(plan.case, plan.repeat, plan.columns): plan for plan in planned}
