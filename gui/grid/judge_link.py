"""The grid window's judge: its Judge menu (Judge…, Judge templates…), the judge pass run from the judge
dialog, and what the judge said of the run shown: a quality figure per cell, the scores the statistics and the
quality-vs-cost chart use, each cell's reasons, and the agreement with the user's blind votes.

Judgements are read from the store when a run is shown and added as the runner reports them, so a pass goes
on (and is shown when the window opens again) like a run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from shiboken6 import isValid

from core.judging.agreement import agreement
from core.model.grid import CellKey, GridRun
from core.model.judging import (
    Agreement,
    BatchJob,
    JudgeKind,
    JudgementStatus,
    PairJudgement,
    RubricScore,
    Vote,
    VoteSourceKind,
)
from core.wire.errors import ApiError
from gui.grid.run_bar import combined
from gui.judging.batch_words import batch_status_text
from gui.judging.judge_dialog import JudgeChoice, JudgeDialog
from gui.judging.judge_words import agreement_text
from gui.judging.judgements_panel import CellJudgements
from gui.tasks import Coalesced, TaskKeeper

if TYPE_CHECKING:
    from core.judging.judge_batch import JudgeBatchRunner
    from gui.judging.judge_templates_dialog import JudgeTemplatesDialog
    from gui.judging.judge_tools import JudgeTools


class GridJudge(QObject):
    def __init__(
        self,
        parent: QWidget,
        menu: QMenu,
        tools: JudgeTools,
        tasks: TaskKeeper,
        *,
        current_run: Callable[[], GridRun | None],
        names: Callable[[], list[str]],
        profile_names: list[str],
        shown: Callable[[], None],
        say: Callable[[str], None],
    ) -> None:
        """`current_run` is the run shown with its cells so far; `shown` is called when what the judge said
        of it changed (the window redraws its table, statistics and charts); `say` shows a problem."""
        super().__init__(parent)
        self._parent = parent
        self._tools = tools
        self._tasks = tasks
        self._current_run = current_run
        self._names = names
        self._profile_names = profile_names
        self._shown = shown
        self._say = say
        self.run_id: int | None = None
        self._scores: dict[tuple[int, CellKey], RubricScore] = {}
        """The run's rubric scores by template and cell repeat (a later judgement replaces an earlier)."""
        self.template_id: int | None = None
        """The rubric template whose scores are shown: the one that judged the run last."""
        self.pairs: list[PairJudgement] = []
        self.votes: list[Vote] = []
        self.agreement: Agreement | None = None
        self.dialog: JudgeDialog | None = None
        self.templates_dialog: JudgeTemplatesDialog | None = None
        self._judging: asyncio.Task[None] | None = None
        self._judge_batches: dict[str, BatchJob] = {}
        """The judge batches of the shown run heard of this session, by id: their status is shown added up."""
        self._votes_reading = Coalesced(tasks, self.refresh_votes)

        self.judge_action = QAction(self.tr("Judge…"), parent)
        self.judge_action.setStatusTip(
            self.tr("Has an LLM judge score the run's replies, or compare columns")
        )
        self.templates_action = QAction(self.tr("Judge templates…"), parent)
        self.templates_action.setStatusTip(self.tr("Edits the rubrics and prompts the judge uses"))
        menu.addActions([self.judge_action, self.templates_action])
        self.judge_action.triggered.connect(lambda: self._tasks.start(self.open_dialog()))
        self.templates_action.triggered.connect(lambda: self._tasks.start(self.open_templates()))
        tools.signals.judgementFinished.connect(self._judgement_finished)
        tools.signals.progressChanged.connect(self._progress)
        tools.signals.batchStatusChanged.connect(self._batch_status)
        tools.signals.batchFailed.connect(self._batch_failed)

    # --- what the judge said of the run shown ------------------------------------------------------------

    async def load(self, run_id: int | None) -> None:
        """The run's judgements and votes read from the store (a run just shown, or shown again)."""
        self.run_id = run_id
        self._scores, self.pairs, self.votes, self.agreement = {}, [], [], None
        self._judge_batches = {}
        self.template_id = None
        if run_id is not None:
            judging = self._tools.judging
            scores, pairs, votes = await asyncio.gather(
                judging.rubric_scores(run_id),
                judging.pair_judgements(VoteSourceKind.GRID, run_id),
                judging.votes(VoteSourceKind.GRID, run_id),
            )
            if self.run_id != run_id:
                return  # another run was shown meanwhile
            for score in sorted(scores, key=lambda s: s.created_at):
                self._keep_score(score)
            self.pairs = list(pairs)
            self.votes = list(votes)
            self._agree()
        self._shown()

    def votes_changed(self) -> None:
        """A vote was cast or taken back: the run's votes read again, one reading at a time."""
        self._votes_reading.request()

    async def refresh_votes(self) -> None:
        """The run's blind votes read again (one cast or taken back in the vote window): the agreement."""
        run_id = self.run_id
        if run_id is None:
            return
        votes = await self._tools.judging.votes(VoteSourceKind.GRID, run_id)
        if self.run_id == run_id and isValid(self):
            self.votes = list(votes)
            self._agree()
            self._shown()

    def _keep_score(self, score: RubricScore) -> None:
        self._scores[(score.template_id, CellKey(score.case, score.variant, score.repeat))] = score
        self.template_id = score.template_id

    def _agree(self) -> None:
        """The judge against the user's blind votes, once the run has both."""
        if not (self.votes and self.pairs):
            self.agreement = None
            return
        self.agreement = agreement(self.votes, self.pairs)

    @property
    def judged(self) -> bool:
        return bool(self._scores or self.pairs)

    def scores(self) -> list[RubricScore]:
        """The shown template's rubric scores (what the statistics, the chart and the table use)."""
        return [s for (template, _), s in self._scores.items() if template == self.template_id]

    def cell_quality(self) -> dict[tuple[int, int], float]:
        """Each cell's mean over its scored repeats, for the table."""
        found: dict[tuple[int, int], list[float]] = {}
        for score in self.scores():
            if score.overall is not None:
                found.setdefault((score.case, score.variant), []).append(score.overall)
        return {cell: sum(values) / len(values) for cell, values in found.items()}

    def cell_judgements(self, case: int, variant: int) -> CellJudgements | None:
        """What the judge said of one cell; None when the run was never judged."""
        if not self.judged:
            return None
        scores = tuple(s for s in self.scores() if (s.case, s.variant) == (case, variant))
        pairs = tuple(j for j in self.pairs if j.source.item == case and variant in j.columns)
        return CellJudgements(variant, scores, pairs, tuple(self._names()), self.agreement)

    def _judgement_finished(self, run_id: int, judgement: RubricScore | PairJudgement) -> None:
        if run_id != self.run_id:
            return
        if isinstance(judgement, RubricScore):
            self._keep_score(judgement)
        else:
            self.pairs = [
                j for j in self.pairs if (j.source, j.columns, j.template_id)
                != (judgement.source, judgement.columns, judgement.template_id)
            ]  # fmt: skip
            self.pairs.append(judgement)
            self._agree()
        self._shown()

    # --- the judge dialog ---------------------------------------------------------------------------------

    async def open_dialog(self) -> JudgeDialog | None:
        run = self._current_run()
        if run is None or run.id is None:
            self._say(self.tr("Run the grid first: there is nothing to judge yet."))
            return None
        if self.dialog is not None and (self.dialog.isVisible() or self.dialog.running):
            # A pass under way keeps its dialog: closed, it opens again where the pass stands.
            self.dialog.show()
            return self.dialog
        if self.dialog is not None:
            self.dialog.deleteLater()
        templates = list(await self._tools.judging.judge_templates())
        dialog = JudgeDialog(
            run,
            self._names(),
            templates,
            tasks=self._tasks,
            profile_names=self._profile_names,
            models=self._tools.models(),
            estimate=self._tools.estimate,
            supports_batches=self._tools.supports_batches if self._tools.batches is not None else None,
            parent=self._parent,
        )
        dialog.judgeRequested.connect(lambda choice: self._start(run, choice))
        dialog.cancelRequested.connect(self.cancel)
        dialog.templatesRequested.connect(lambda: self._tasks.start(self.open_templates()))
        self.dialog = dialog
        dialog.show()
        return dialog

    async def open_templates(self) -> JudgeTemplatesDialog:
        from gui.judging.judge_templates_dialog import JudgeTemplatesDialog

        if self.templates_dialog is None:
            dialog = JudgeTemplatesDialog(
                self._tools.judging, self._tasks, self._profile_names, self._tools.models(), self._parent
            )
            dialog.templatesChanged.connect(self._templates_changed)
            self.templates_dialog = dialog
        self.templates_dialog.show()
        await self.templates_dialog.load()
        return self.templates_dialog

    def _templates_changed(self, templates: list[object]) -> None:
        if self.dialog is not None:
            self.dialog.set_templates(templates)  # type: ignore[arg-type]

    def _start(self, run: GridRun, choice: JudgeChoice) -> None:
        if self._judging is not None and not self._judging.done():
            return
        latest = self._current_run() or run
        self._judging = self._tasks.start(self.judge(latest, choice))

    async def judge(self, run: GridRun, choice: JudgeChoice) -> None:
        """One judge pass over the run's finished replies, its progress shown in the dialog."""
        dialog = self.dialog
        if dialog is not None:
            dialog.show_started(0)
        runner = self._tools.runner
        batches = self._tools.batches
        try:
            if choice.batch and batches is not None:
                await self._judge_as_batch(batches, run, choice)
            elif choice.template.kind == JudgeKind.RUBRIC:
                await runner.judge_rubric(run, choice.template)
            else:
                await runner.judge_pairs(run, choice.template, choice.pairs)
        except asyncio.CancelledError:
            if isValid(self) and dialog is not None:
                dialog.show_finished(self.tr("Judging was cancelled; the judgements made are kept."))
            raise
        except Exception as error:  # shown in the dialog: the pass failed, the run is intact
            if isValid(self) and dialog is not None:
                reason = error.message if isinstance(error, ApiError) else str(error)
                dialog.show_finished(self.tr("Judging stopped: {reason}").format(reason=reason))
            return
        if not isValid(self):
            return  # the grid window was closed meanwhile: the judgements are saved, shown when it opens
        if self.run_id == run.id:
            # Votes cast while the judge worked (in the blind vote) count towards the agreement too.
            await self.refresh_votes()
        if dialog is not None:
            dialog.show_finished(self._summary(choice))

    async def _judge_as_batch(self, batches: JudgeBatchRunner, run: GridRun, choice: JudgeChoice) -> None:
        """Submitted as batches per judge profile (as many as the API's limits need), then followed until
        every result is in (the dialog shows their status, added up, meanwhile; a restart follows them
        again, into the same judgements)."""
        assert run.id is not None
        self._judge_batches = {}
        if choice.template.kind == JudgeKind.RUBRIC:
            await batches.submit_rubric(run, choice.template)
        else:
            await batches.submit_pairs(run, choice.template, choice.pairs)
        await batches.wait(run.id)

    def _batch_status(self, run_id: int, job: BatchJob) -> None:
        if run_id != self.run_id:
            return
        self._judge_batches[job.batch_id] = job
        shown = combined(list(self._judge_batches.values())) or job
        if self.dialog is not None:
            self.dialog.show_batch(batch_status_text(shown))

    def _batch_failed(self, run_id: int, job: BatchJob, message: str) -> None:
        if run_id == self.run_id and self.dialog is not None:
            self.dialog.show_batch(
                self.tr(
                    "Following the batch {batch} stopped: {reason} It is tried again at the next start."
                ).format(batch=job.batch_id, reason=message)
            )

    def _summary(self, choice: JudgeChoice) -> str:
        if choice.template.kind == JudgeKind.RUBRIC:
            scores = self.scores()
            scored = sum(1 for s in scores if s.status == JudgementStatus.SCORED)
            text = self.tr("Judged: {scored} of {total} replies scored.").format(
                scored=scored, total=len(scores)
            )
        else:
            disagreed = sum(1 for j in self.pairs if j.disagreed)
            text = self.tr("Judged {pairs} pairs; the judge disagreed with itself on {disagreed}.").format(
                pairs=len(self.pairs), disagreed=disagreed
            )
            if self.agreement is not None:
                text += " " + agreement_text(self.agreement)
        return text

    def cancel(self) -> None:
        if self.run_id is None:
            return
        batches = self._tools.batches
        if batches is not None and batches.is_following(self.run_id):
            self._tasks.start(batches.cancel(self.run_id))
        else:
            self._tasks.start(self._tools.runner.cancel(self.run_id))

    def _progress(self, run_id: int, done: int, total: int, cost: float) -> None:
        if run_id == self.run_id and self.dialog is not None and self.dialog.running:
            self.dialog.show_progress(done, total, cost)
