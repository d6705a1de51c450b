"""The grid window's "Judge…": choose a judge template, the judge's provider and model, and for a pairwise
template which columns to compare; see what the pass will cost before it starts; then follow it (judged so
far, spent so far) with Cancel.

The dialog decides nothing itself: it asks `estimate` for the cost of the choice on screen (re-asked whenever
the choice changes) and `supports_batches` whether the judge's provider takes Message Batches (then offering
the pass as a batch, both prices side by side), and emits `judgeRequested` with the choice; the grid window
runs the judge and reports progress back here. Judge stays disabled until the cost of exactly the choice on
screen is shown, so nothing is sent unpriced.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.judging.judge_prompts import JudgeTemplateError
from core.model.grid import GridRun
from core.model.judging import JudgeKind, JudgeTemplate
from gui.judging.batch_words import live_and_batch_text
from gui.judging.judge_fields import NO_PROFILE, model_field, provider_field
from gui.judging.judge_words import kind_text
from gui.tasks import TaskKeeper

if TYPE_CHECKING:
    from core.grid.cost import CostPreview

Pair = tuple[int, int]
BatchProbe = Callable[[str | None], Awaitable[bool]]
"""Whether a profile's provider takes Message Batches (asked once per profile, off the UI thread)."""
JudgeEstimator = Callable[[GridRun, JudgeTemplate, Sequence[Pair]], Awaitable["CostPreview"]]
"""The cost of judging the run with the template (and, pairwise, these column pairs)."""
ESTIMATE_DELAY_S = 0.3
"""Typing a model name re-prices once the typing pauses, not on every key."""


@dataclass(frozen=True)
class JudgeChoice:
    """What the user asked for: the template as chosen (with the judge's profile and model applied)."""

    template: JudgeTemplate
    pairs: tuple[Pair, ...]
    """Pairwise only: the column pairs to compare; empty for a rubric."""
    batch: bool = False
    """Sent as a Message Batch at the batch price."""


class JudgeDialog(QDialog):
    """Signals: judgeRequested(JudgeChoice), cancelRequested(), templatesRequested() (open the editor)."""

    judgeRequested = Signal(object)
    cancelRequested = Signal()
    templatesRequested = Signal()

    def __init__(
        self,
        run: GridRun,
        names: list[str],
        templates: list[JudgeTemplate],
        *,
        tasks: TaskKeeper,
        profile_names: list[str],
        models: list[str],
        estimate: JudgeEstimator | None,
        supports_batches: BatchProbe | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._names = names
        self._tasks = tasks
        self._estimate = estimate
        self._supports_batches = supports_batches
        self._templates: list[JudgeTemplate] = []
        self.preview: CostPreview | None = None
        self._priced: JudgeChoice | None = None
        """The choice the preview on screen is for: Judge is enabled only while it is the one on screen."""
        self._pricing: asyncio.Task[None] | None = None
        self.running = False
        self.setWindowTitle(self.tr("Judge “{run}”").format(run=run.name))

        self.template = QComboBox(self)
        self.template.setAccessibleName(self.tr("Judge template"))
        self.templates_button = QPushButton(self.tr("Templates…"), self)
        self.templates_button.setAccessibleDescription(self.tr("Edits, adds and deletes judge templates"))
        self.profile = provider_field(profile_names, self)
        self.model = model_field(models, self)
        self.pairs_label = QLabel(
            self.tr("Columns to compare (each pair asked twice, positions swapped)"), self
        )
        self.pairs = QListWidget(self)
        self.pairs.setAccessibleName(self.tr("Column pairs"))
        self.pairs.setAccessibleDescription(self.tr("Check the pairs of columns the judge compares"))
        for first, second in itertools.combinations(range(len(names)), 2):
            item = QListWidgetItem(
                self.tr("“{first}” vs “{second}”").format(first=names[first], second=names[second])
            )
            item.setData(Qt.ItemDataRole.UserRole, (first, second))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.pairs.addItem(item)
        self.batch = QCheckBox(self.tr("Run as a batch (half price, results within 24 h)"), self)
        self.batch.setAccessibleDescription(
            self.tr("Sends every judge request as Message Batches at the batch price")
        )
        self.batch.hide()
        self.cost = QLabel(self)
        self.cost.setWordWrap(True)
        self.cost.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cost.setAccessibleName(self.tr("Cost of the judge pass"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.problem.hide()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Judging progress"))
        self.progress_label = QLabel(self)
        self.batch_status = QLabel(self)
        self.batch_status.setWordWrap(True)
        self.batch_status.hide()
        self.progress.hide()
        self.progress_label.hide()
        self.judge_button = QPushButton(self.tr("Judge"), self)
        self.judge_button.setDefault(True)
        self.judge_button.setAccessibleDescription(self.tr("Starts the judge pass at the cost shown"))
        self.cancel_button = QPushButton(self.tr("Cancel judging"), self)
        self.cancel_button.setAccessibleDescription(
            self.tr("Stops the judge pass; judgements already made are kept")
        )
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"), self)

        form = QFormLayout()
        template_row = QHBoxLayout()
        template_row.addWidget(self.template, 1)
        template_row.addWidget(self.templates_button)
        form.addRow(self.tr("Template"), template_row)
        form.addRow(self.tr("Judge's provider"), self.profile)
        form.addRow(self.tr("Judge's model"), self.model)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.judge_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pairs_label)
        layout.addWidget(self.pairs, 1)
        for widget in (self.batch, self.cost, self.problem, self.progress_label, self.batch_status):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.batch)
        layout.addWidget(self.cost)
        layout.addWidget(self.problem)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.batch_status)
        # Room left over (a rubric shows no pairs) goes below the figures, not between them.
        layout.addStretch(0)
        layout.addLayout(buttons)

        self.template.currentIndexChanged.connect(self._template_chosen)
        self.templates_button.clicked.connect(self.templatesRequested)
        self.profile.currentIndexChanged.connect(lambda _index: self._profile_changed())
        self.batch.toggled.connect(lambda _on: self._show_cost())
        self.model.currentTextChanged.connect(lambda _text: self._changed())
        self.pairs.itemChanged.connect(lambda _item: self._changed())
        self.judge_button.clicked.connect(self._judge)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.close_button.clicked.connect(self.reject)
        self.resize(620, 520)
        self.set_templates(templates)

    # --- the choice -----------------------------------------------------------------------------------------

    def set_templates(self, templates: list[JudgeTemplate]) -> None:
        """The templates offered (again, after the editor saved one); the chosen one stays chosen."""
        chosen = self.template.currentIndex()
        kept = self._templates[chosen] if 0 <= chosen < len(self._templates) else None
        self._templates = list(templates)
        self.template.blockSignals(True)
        self.template.clear()
        for template in self._templates:
            self.template.addItem(f"{template.name} ({kind_text(template.kind)})")
        index = next(
            (
                i
                for i, t in enumerate(self._templates)
                if kept is not None and (t.id, t.name) == (kept.id, kept.name)
            ),
            0,
        )
        self.template.setCurrentIndex(index if self._templates else -1)
        self.template.blockSignals(False)
        self._template_chosen()

    def chosen_template(self) -> JudgeTemplate | None:
        index = self.template.currentIndex()
        return self._templates[index] if 0 <= index < len(self._templates) else None

    def _template_chosen(self) -> None:
        template = self.chosen_template()
        if template is not None:
            for widget in (self.profile, self.model):
                widget.blockSignals(True)
            profile = self.profile.findData(template.profile_name or NO_PROFILE)
            self.profile.setCurrentIndex(max(profile, 0))
            # Built-in templates name no model: the run's first column's model judges until one is chosen.
            self.model.setCurrentText(template.model or self._run.variants[0].settings.model)
            for widget in (self.profile, self.model):
                widget.blockSignals(False)
        pairwise = template is not None and template.kind == JudgeKind.PAIRWISE
        self.pairs_label.setVisible(pairwise)
        self.pairs.setVisible(pairwise)
        self._profile_changed()

    def _profile_changed(self) -> None:
        self._changed()
        if self._supports_batches is not None:
            self._tasks.start(self._probe_batches())

    def _changed(self) -> None:
        """The choice on screen changed: the preview shown no longer prices it."""
        if self.running:
            return
        self._priced = None
        self.judge_button.setEnabled(False)
        self.reprice(delay=ESTIMATE_DELAY_S)

    def choice(self) -> JudgeChoice | None:
        template = self.chosen_template()
        if template is None:
            return None
        profile = self.profile.currentData()
        applied = dataclasses.replace(
            template, profile_name=profile or None, model=self.model.currentText().strip()
        )
        pairs: tuple[Pair, ...] = ()
        if template.kind == JudgeKind.PAIRWISE:
            pairs = tuple(
                self.pairs.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.pairs.count())
                if self.pairs.item(row).checkState() == Qt.CheckState.Checked
            )
        return JudgeChoice(applied, pairs, not self.batch.isHidden() and self.batch.isChecked())

    def problem_text(self, choice: JudgeChoice | None) -> str | None:
        if choice is None:
            return self.tr("There is no judge template: add one with Templates….")
        if not choice.template.model:
            return self.tr("Choose the judge's model.")
        if choice.template.kind == JudgeKind.PAIRWISE and not choice.pairs:
            if len(self._names) < 2:
                return self.tr("A pairwise judge compares two columns; this run has one.")
            return self.tr("Check at least one pair of columns to compare.")
        if not self._run.cells:
            return self.tr("The run has no replies yet: there is nothing to judge.")
        return None

    # --- the price ------------------------------------------------------------------------------------------

    def reprice(self, delay: float = 0.0) -> None:
        """Price the choice on screen after `delay` seconds (a task, so quitting cancels it with the rest)."""
        if self._pricing is not None and not self._pricing.done():
            self._pricing.cancel()  # an older choice's price is of no use any more
        self._pricing = self._tasks.start(self._estimate_after(delay))

    async def _estimate_after(self, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        await self.show_estimate()

    async def show_estimate(self) -> CostPreview | None:
        choice = self.choice()
        problem = self.problem_text(choice)
        self.show_problem(problem)
        if problem is not None or choice is None:
            self.cost.setText("")
            return None
        if self._estimate is None:
            self.cost.setText(self.tr("The cost cannot be estimated here."))
            self._priced = choice
            self.judge_button.setEnabled(True)
            return None
        self.cost.setText(self.tr("Estimating the cost…"))
        try:
            preview = await self._estimate(self._run, choice.template, choice.pairs)
        except JudgeTemplateError as refused:  # the template cannot judge: said before anything is sent
            self.cost.setText("")
            self.show_problem(str(refused))
            return None
        now = self.choice()
        # Changed while counting: the newer choice is priced next (the batch box changes no count).
        if now is None or dataclasses.replace(now, batch=choice.batch) != choice:
            return None
        self.preview = preview
        self._priced = choice
        self._show_cost()
        self.judge_button.setEnabled(not self.running)
        return preview

    def _show_cost(self) -> None:
        if self.preview is not None:
            self.cost.setText(
                live_and_batch_text(
                    self.preview, batch_offered=not self.batch.isHidden(), batch_chosen=self.batch.isChecked()
                )
            )

    async def _probe_batches(self) -> None:
        """Offer the batch when every provider the pass would ask takes batches."""
        assert self._supports_batches is not None
        profile = self.profile.currentData() or None
        profiles = {profile} if profile is not None else {v.profile_name for v in self._run.variants}
        answers = await asyncio.gather(*(self._supports_batches(name) for name in profiles))
        if (self.profile.currentData() or None) != profile:
            return  # the profile changed while asking: its own probe answers
        offered = bool(answers) and all(answers)
        self.batch.setVisible(offered)
        if not offered:
            self.batch.setChecked(False)
        self._show_cost()

    # --- running --------------------------------------------------------------------------------------------

    def _judge(self) -> None:
        choice = self.choice()
        priced = self._priced
        if choice is None or priced is None or dataclasses.replace(choice, batch=priced.batch) != priced:
            return  # the preview shown is not of this choice (it is being re-priced)
        self.judgeRequested.emit(choice)

    def _lock_choice(self, locked: bool) -> None:
        """While a pass runs, what it was asked with cannot change."""
        choice = (self.template, self.templates_button, self.profile, self.model, self.pairs, self.batch)
        for widget in choice:
            widget.setEnabled(not locked)

    def show_started(self, total: int) -> None:
        self.running = True
        self._lock_choice(True)
        self.judge_button.setEnabled(False)
        self.cancel_button.show()
        self.progress.show()
        self.progress_label.show()
        self.show_progress(0, total, 0.0)

    def show_progress(self, done: int, total: int, cost_usd: float) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(
            self.tr("{done} of {total} judged · ${cost:.4f} so far").format(
                done=done, total=total, cost=cost_usd
            )
        )

    def show_batch(self, text: str) -> None:
        """The judge batch's status (answered so far, when it expires), while the pass goes as a batch."""
        self.batch_status.setText(text)
        self.batch_status.setVisible(bool(text))

    def show_finished(self, text: str) -> None:
        """The pass ended (finished, cancelled or failed): `text` says how, the choice is editable again."""
        self.running = False
        self._lock_choice(False)
        self.cancel_button.hide()
        self.progress_label.setText(text)
        self._changed()

    def show_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
