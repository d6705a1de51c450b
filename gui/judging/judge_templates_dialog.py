"""Judge templates (the grid window's Judge → "Judge templates…"): the saved ways of judging, listed on the
left, the one chosen edited on the right: its name, rubric or pairwise, the rubric's criteria with what each
means, the prompt the judge is sent (with its placeholders explained), and the judge's profile and model.

The store seeds the built-in templates (core.judging.judge_prompts), so they are listed, edited and deleted
like the user's own; a new template starts from the built-in prompt of its kind, with its placeholders in
place. Every read and write goes through the judging service, off the UI thread.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.judging.judge_prompts import BUILT_IN_TEMPLATES
from core.model.judging import Criterion, JudgeKind, JudgeTemplate
from gui.judging.judge_fields import NO_PROFILE, model_field, provider_field
from gui.judging.judge_words import kind_text, placeholders_note
from gui.tasks import TaskKeeper
from gui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from core.store.services import JudgingService


class JudgeTemplatesDialog(QDialog):
    """Signals: templatesChanged(list of JudgeTemplate) after a save or a delete, so a judge dialog open
    beside it lists what is saved."""

    templatesChanged = Signal(list)

    def __init__(
        self,
        judging: JudgingService,
        tasks: TaskKeeper,
        profile_names: list[str],
        models: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._judging = judging
        self._tasks = tasks
        self.templates: list[JudgeTemplate] = []
        self.setWindowTitle(self.tr("Judge templates"))

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Judge templates"))
        self.list.setAccessibleDescription(
            self.tr("The saved ways of judging; the chosen one is edited beside")
        )
        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.setAccessibleDescription(self.tr("Starts a new rubric template"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setAccessibleDescription(self.tr("Deletes the chosen template (built-ins stay)"))

        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.kind = QComboBox(self)
        for kind in JudgeKind:
            self.kind.addItem(kind_text(kind), kind)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.setAccessibleDescription(
            self.tr("Rubric: each reply scored 1–5 on each criterion; pairwise: two replies compared")
        )
        self.criteria = QTableWidget(0, 2, self)
        self.criteria.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("What it means")])
        self.criteria.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.criteria.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteria.setAccessibleName(self.tr("Criteria"))
        self.criteria.setAccessibleDescription(self.tr("Each criterion the judge scores from 1 to 5"))
        self.add_criterion_button = QPushButton(self.tr("Add criterion"), self)
        self.remove_criterion_button = QPushButton(self.tr("Remove criterion"), self)
        self.prompt = QPlainTextEdit(self)
        self.prompt.setAccessibleName(self.tr("Judge prompt"))
        self.prompt.setAccessibleDescription(self.tr("What the judge is sent, with placeholders filled in"))
        self.placeholders = QLabel(self)
        self.placeholders.setWordWrap(True)
        self.placeholders.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.profile = provider_field(profile_names, self)
        self.model = model_field(models, self)
        self.model.setAccessibleDescription(
            self.tr("Any model can judge; type one not listed, or leave it empty to choose when judging")
        )
        self.max_tokens = QSpinBox(self)
        self.max_tokens.setRange(64, 32_000)
        self.max_tokens.setValue(1024)
        self.max_tokens.setAccessibleName(self.tr("Judge's max tokens"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828")
        self.problem.hide()
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setAccessibleDescription(
            self.tr("Saves the template; a built-in one edited is saved as a template of your own")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.buttons.rejected.connect(self.reject)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.delete_button)
        left_layout.addLayout(list_buttons)
        right = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Judge's provider"), self.profile)
        form.addRow(self.tr("Judge's model"), self.model)
        form.addRow(self.tr("Judge's max tokens"), self.max_tokens)
        criteria_buttons = QHBoxLayout()
        criteria_buttons.addWidget(self.add_criterion_button)
        criteria_buttons.addWidget(self.remove_criterion_button)
        criteria_buttons.addStretch(1)
        self.criteria_label = QLabel(self.tr("Criteria (each scored 1–5)"), self)
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addWidget(self.criteria_label)
        right_layout.addWidget(self.criteria, 1)
        right_layout.addLayout(criteria_buttons)
        right_layout.addWidget(QLabel(self.tr("Prompt"), self))
        right_layout.addWidget(self.prompt, 2)
        right_layout.addWidget(self.placeholders)
        right_layout.addWidget(self.problem)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self.list.currentRowChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.new_template)
        self.delete_button.clicked.connect(lambda: self._tasks.start(self.delete_template()))
        self.save_button.clicked.connect(lambda: self._tasks.start(self.save_template()))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.add_criterion_button.clicked.connect(lambda: self.add_criterion(Criterion("")))
        self.remove_criterion_button.clicked.connect(self._remove_criterion)
        fit_to_screen(self, QSize(920, 680))  # smaller on a small screen
        self._kind_changed()

    # --- loading and choosing ---------------------------------------------------------------------------

    async def load(self, select: int | None = None) -> None:
        """The saved templates listed (built-ins first), the one with id `select` (or the first) chosen."""
        self.templates = list(await self._judging.judge_templates())
        self.list.blockSignals(True)
        self.list.clear()
        for template in self.templates:
            item = QListWidgetItem(f"{template.name} ({kind_text(template.kind)})")
            item.setToolTip(template.prompt[:400])
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, t in enumerate(self.templates) if select is not None and t.id == select), 0)
        if self.templates:
            self.list.setCurrentRow(row)
            self._chosen(row)
        else:
            self.new_template()

    def current(self) -> JudgeTemplate | None:
        row = self.list.currentRow()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(self.templates):
            self.show_template(self.templates[row])

    def show_template(self, template: JudgeTemplate) -> None:
        self.name.setText(template.name)
        self.kind.setCurrentIndex(self.kind.findData(template.kind))
        self.criteria.setRowCount(0)
        for criterion in template.criteria:
            self.add_criterion(criterion)
        self.prompt.setPlainText(template.prompt)
        profile = self.profile.findData(template.profile_name or NO_PROFILE)
        if profile < 0:  # a profile since deleted: shown, so saving keeps it rather than switching silently
            self.profile.addItem(template.profile_name or "", template.profile_name)
            profile = self.profile.count() - 1
        self.profile.setCurrentIndex(profile)
        self.model.setCurrentText(template.model)
        self.max_tokens.setValue(template.max_tokens)
        # Built-in templates have negative ids: they ship with the app and cannot be deleted.
        self.delete_button.setEnabled(template.id is not None and template.id > 0)
        self.problem.hide()
        self._kind_changed()

    def new_template(self) -> None:
        """An unsaved rubric template, from the built-in one: a working prompt to start from (the
        placeholders are easy to get wrong)."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        built_in = _built_in(JudgeKind.RUBRIC)
        self.show_template(
            dataclasses.replace(
                built_in, id=None, name=self.tr("New template"), model=self.model.currentText()
            )
        )

    # --- criteria -----------------------------------------------------------------------------------------

    def add_criterion(self, criterion: Criterion) -> None:
        row = self.criteria.rowCount()
        self.criteria.insertRow(row)
        name = QTableWidgetItem(criterion.name)
        self.criteria.setItem(row, 0, name)
        self.criteria.setItem(row, 1, QTableWidgetItem(criterion.description))
        if not criterion.name:
            self.criteria.setCurrentCell(row, 0)
            self.criteria.editItem(name)

    def _remove_criterion(self) -> None:
        rows = sorted({index.row() for index in self.criteria.selectedIndexes()}, reverse=True)
        if not rows and self.criteria.currentRow() >= 0:
            rows = [self.criteria.currentRow()]
        for row in rows:
            self.criteria.removeRow(row)

    def _criteria(self) -> tuple[Criterion, ...]:
        found = []
        for row in range(self.criteria.rowCount()):
            name_item, description_item = self.criteria.item(row, 0), self.criteria.item(row, 1)
            name = name_item.text().strip() if name_item is not None else ""
            description = description_item.text().strip() if description_item is not None else ""
            if name or description:
                found.append(Criterion(name, description))
        return tuple(found)

    def _kind_changed(self) -> None:
        kind = JudgeKind(self.kind.currentData())  # Qt hands the enum back as its string
        rubric = kind == JudgeKind.RUBRIC
        # A built-in prompt left as it was follows the kind: the other kind's placeholders would not fit.
        other = JudgeKind.PAIRWISE if rubric else JudgeKind.RUBRIC
        if self.prompt.toPlainText() == _built_in(other).prompt:
            self.prompt.setPlainText(_built_in(kind).prompt)
        if rubric and self.criteria.rowCount() == 0:
            for criterion in _built_in(JudgeKind.RUBRIC).criteria:
                self.add_criterion(criterion)
        for widget in (
            self.criteria_label,
            self.criteria,
            self.add_criterion_button,
            self.remove_criterion_button,
        ):
            widget.setVisible(rubric)
        self.placeholders.setText(placeholders_note(kind))

    # --- saving -------------------------------------------------------------------------------------------

    def edited(self) -> JudgeTemplate:
        """The template as edited (a built-in one, saved, becomes a template of the user's own)."""
        shown = self.current()
        kind = JudgeKind(self.kind.currentData())
        profile = self.profile.currentData()
        base = shown if shown is not None else JudgeTemplate(id=None, name="", kind=kind, prompt="")
        return dataclasses.replace(
            base,
            name=self.name.text().strip(),
            kind=kind,
            prompt=self.prompt.toPlainText(),
            criteria=self._criteria() if kind == JudgeKind.RUBRIC else (),
            profile_name=profile or None,
            model=self.model.currentText().strip(),
            max_tokens=self.max_tokens.value(),
        )

    def problem_text(self, template: JudgeTemplate) -> str | None:
        if not template.name:
            return self.tr("Name the template.")
        if not template.prompt.strip():
            return self.tr("The prompt is empty: the judge would be sent nothing to judge.")
        needed = ["{{reply}}"] if template.kind == JudgeKind.RUBRIC else ["{{reply_a}}", "{{reply_b}}"]
        absent = [p for p in needed if p not in template.prompt]
        if absent:
            return self.tr("The prompt never shows the judge the reply: add {placeholders}.").format(
                placeholders=", ".join(absent)
            )
        if template.kind == JudgeKind.RUBRIC:
            if not template.criteria:
                return self.tr("A rubric needs at least one criterion.")
            names = [c.name for c in template.criteria]
            if any(not name for name in names):
                return self.tr("Every criterion needs a name (row {row}).").format(row=names.index("") + 1)
            duplicate = next((name for name in names if names.count(name) > 1), None)
            if duplicate is not None:
                return self.tr("Two criteria are named “{name}”: scores are kept by name.").format(
                    name=duplicate
                )
        return None

    def show_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))

    async def save_template(self) -> JudgeTemplate | None:
        template = self.edited()
        problem = self.problem_text(template)
        if problem is not None:
            self.show_problem(problem)
            return None
        saved = await self._judging.save_judge_template(template)
        await self.load(select=saved.id)
        self.show_problem(None)
        self.templatesChanged.emit(list(self.templates))
        return saved

    async def delete_template(self) -> None:
        shown = self.current()
        if shown is None or shown.id is None or shown.id < 0:
            return
        await self._judging.delete_judge_template(shown.id)
        await self.load()
        self.templatesChanged.emit(list(self.templates))


def _built_in(kind: JudgeKind) -> JudgeTemplate:
    return next(template for template in BUILT_IN_TEMPLATES if template.kind == kind)
