"""The evaluation grid window (Tools → Evaluation grid…): a test set, its variants, repeats and concurrency on
the left; the run on the right: its progress bar, the grid of outputs, the statistics and the charts.

The window reaches the store through `GridService` and runs through the app's `GridRunner`; the runner's
events arrive through the app's `GridSignals`, so a run goes on while the window is closed and a window
opened again (or the app started again) shows it where it stands, with Resume when it was stopped.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.model.conversation import ReplyError
from core.model.grid import (
    MAX_REPEATS,
    CellKey,
    CellResult,
    GridProgress,
    GridRun,
    GridRunSummary,
    GridVariant,
    MissingVariableError,
    RunState,
    TestSet,
    render_prompt,
    run_progress,
)
from core.model.judging import BatchJob, BatchPurpose, BatchStatus, RubricScore
from core.model.preset import Preset
from gui.grid.batch_choice import BatchChoice, BatchTools
from gui.grid.cell_dialog import CellDialog
from gui.grid.files import ExportChooser, ImportChooser, choose_cases_file, choose_export_file
from gui.grid.names import variant_names
from gui.grid.run_bar import RunBar, state_text
from gui.grid.run_signals import GridSignals
from gui.grid.table_model import GridTableModel
from gui.grid.table_view import GridTableView
from gui.grid.test_set_editor import TestSetEditor
from gui.grid.variants_editor import VariantsEditor
from gui.judging.vote_feed import VoteFeed
from gui.tasks import TaskKeeper
from gui.widgets.column_scroll import ColumnScroll
from gui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from core.grid.cost import CostPreview
    from core.grid.runner import GridRunner
    from core.store.services import GridService
    from gui.grid.judge_link import GridJudge
    from gui.grid.stats_view import GridStatsView
    from gui.judging.grid_blind import GridVoteWindow
    from gui.judging.judge_tools import JudgeTools

PREFERRED_SIZE = QSize(1320, 840)
"""The window's size where the screen has room; smaller screens get what fits (`fit_to_screen`)."""
CONFIRM_ABOVE_KEY = "grid/confirm_above_usd"
DEFAULT_CONFIRM_ABOVE = 1.0
"""Runs estimated to cost more than this (US dollars) ask first; the user sets it in the window."""
STATS_REFRESH_MS = 500
"""While a run goes, the statistics and charts follow it at most twice a second."""

CostEstimator = Callable[[GridRun], Awaitable["CostPreview"]]


class GridWindow(QMainWindow):
    """Signals: runStarted(run id)."""

    runStarted = Signal(int)

    def __init__(
        self,
        *,
        grids: GridService,
        runner: GridRunner,
        signals: GridSignals,
        tasks: TaskKeeper,
        settings: QSettings,
        base: GridVariant,
        profile_names: list[str],
        saved_presets: list[Preset],
        estimate: CostEstimator | None = None,
        judge: JudgeTools | None = None,
        batches: BatchTools | None = None,
        judging: VoteFeed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`judge`: the LLM judge (None: no Judge menu); `batches`: sending a run as a Message Batch (None:
        every run goes live)."""
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self._grids = grids
        self._runner = runner
        self._tasks = tasks
        self._settings = settings
        self._estimate = estimate
        self._judge_tools = judge
        self._batches = batches
        self._profile_names = profile_names
        self.judge: GridJudge | None = None
        self._batch_jobs: dict[str, BatchJob] = {}
        """The shown run's batches by provider batch id, as last reported."""
        self._preview: CostPreview | None = None
        self._judging = judging
        self.vote_window: GridVoteWindow | None = None
        self._test_sets: list[TestSet] = []
        self._loaded: TestSet | None = None
        """The test set as last loaded or saved: an unchanged one is not saved again as a new version."""
        self._runs: list[GridRunSummary] = []
        self.run: GridRun | None = None
        """The run shown, its cells kept up to date from the runner's events."""
        self._cells: dict[CellKey, CellResult] = {}
        self.names: list[str] = []
        self.cell_dialog: CellDialog | None = None
        self._cell_shown: tuple[int, int, int] | None = None
        """The run, case and variant the cell dialog shows."""
        self.question: QMessageBox | None = None
        self.stats_view: Any = None
        self.charts: Any = None
        self.choose_import: ImportChooser = choose_cases_file
        self.choose_export: ExportChooser = choose_export_file
        """The file dialogs (a test answers them itself)."""

        self.test_sets = QComboBox(self)
        self.test_sets.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.test_sets.setMinimumContentsLength(14)
        self.new_set_button = QPushButton(self)
        self.save_set_button = QPushButton(self)
        self.delete_set_button = QPushButton(self)
        self.editor = TestSetEditor(self)
        self.variants = VariantsEditor(base, profile_names, saved_presets, self)
        self.repeats = QSpinBox(self)
        self.repeats.setRange(1, MAX_REPEATS)
        self.repeats.setValue(3)
        self.concurrency = QSpinBox(self)
        self.concurrency.setRange(1, 16)
        self.concurrency.setValue(4)
        self.confirm_above = QDoubleSpinBox(self)
        self.confirm_above.setRange(0.0, 10_000.0)
        self.confirm_above.setDecimals(2)
        self.confirm_above.setPrefix("$")
        self.confirm_above.setValue(float(settings.value(CONFIRM_ABOVE_KEY, DEFAULT_CONFIRM_ABOVE)))  # type: ignore[arg-type]
        self.cost_label = QLabel(self)
        self.cost_label.setWordWrap(True)
        self.cost_label.hide()  # until there is a cost to show: an empty line would only take room
        self.estimate_button = QPushButton(self)
        self.run_button = QPushButton(self)
        self.batch_choice = BatchChoice(batches.supports_batches if batches is not None else None, self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828")
        self.message.hide()

        self.runs = QComboBox(self)
        # A run's name carries its state and counts: the box keeps a fixed room and elides, never widening the
        # window as a run goes.
        self.runs.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.runs.setMinimumContentsLength(24)
        self.vote_button = QPushButton(self)
        self.vote_button.setVisible(judging is not None)
        self.run_bar = RunBar(self)
        self.model = GridTableModel(self)
        self.table = GridTableView(self.model, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, "")
        self.stats_page = QWidget(self)
        self.charts_page = QWidget(self)
        self.stats_layout = QVBoxLayout(self.stats_page)
        self.charts_layout = QVBoxLayout(self.charts_page)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        # The charts need 480 pixels and their titles' width: on a small screen they scroll, rather than
        # making the window taller than the screen once the tab is first shown.
        self.charts_scroll = QScrollArea(self.charts_page)
        self.charts_scroll.setWidgetResizable(True)
        self.charts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.charts_layout.addWidget(self.charts_scroll)
        self.tabs.addTab(self.stats_page, "")
        self.tabs.addTab(self.charts_page, "")
        self._stats_task: asyncio.Task[None] | None = None
        self._stats_wanted = False
        """A refresh of the statistics asked for while one is being worked out: one more follows it."""
        self._refresh_stats_later = QTimer(self, singleShot=True, interval=STATS_REFRESH_MS)
        self._refresh_stats_later.timeout.connect(self._refresh_stats)

        self._build_menus()
        self._build_layout()
        self._connect(signals)
        self.retranslate()
        fit_to_screen(self, PREFERRED_SIZE)

    # --- building -------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.export_menu = self.menuBar().addMenu("")
        self.export_csv_action = QAction(self)
        self.export_jsonl_action = QAction(self)
        self.export_html_action = QAction(self)
        self.export_png_action = QAction(self)
        self.export_svg_action = QAction(self)
        self.export_menu.addActions(
            [self.export_csv_action, self.export_jsonl_action, self.export_html_action]
        )
        self.export_menu.addSeparator()
        self.export_menu.addActions([self.export_png_action, self.export_svg_action])
        self.export_csv_action.triggered.connect(lambda: self._tasks.start(self.export("csv")))
        self.export_jsonl_action.triggered.connect(lambda: self._tasks.start(self.export("jsonl")))
        self.export_html_action.triggered.connect(lambda: self._tasks.start(self.export("html")))
        self.export_png_action.triggered.connect(lambda: self.export_charts("png"))
        self.export_svg_action.triggered.connect(lambda: self.export_charts("svg"))
        self.judge_menu = self.menuBar().addMenu("")
        self.judge_menu.menuAction().setVisible(self._judge_tools is not None)
        self.close_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Close))
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)

    def _build_layout(self) -> None:
        sets = QHBoxLayout()
        sets.addWidget(self.test_sets, 1)
        sets.addWidget(self.new_set_button)
        sets.addWidget(self.save_set_button)
        sets.addWidget(self.delete_set_button)
        self.test_set_box = QGroupBox(self)
        box = QVBoxLayout(self.test_set_box)
        box.addLayout(sets)
        box.addWidget(self.editor, 1)
        self.variants_box = QGroupBox(self)
        QVBoxLayout(self.variants_box).addWidget(self.variants)
        self.run_labels = [QLabel(self) for _ in range(3)]
        for label, field in zip(
            self.run_labels, (self.repeats, self.concurrency, self.confirm_above), strict=True
        ):
            label.setBuddy(field)
        # Repeats and concurrency share a row: a row less for the set-up column on a low screen.
        counts = QHBoxLayout()
        counts.addWidget(self.repeats)
        counts.addSpacing(12)
        counts.addWidget(self.run_labels[1])
        counts.addWidget(self.concurrency)
        counts.addStretch(1)
        run_form = QFormLayout()
        run_form.addRow(self.run_labels[0], counts)
        limit = QHBoxLayout()
        limit.addWidget(self.confirm_above)
        limit.addStretch(1)
        run_form.addRow(self.run_labels[2], limit)
        run_row = QHBoxLayout()
        run_row.addWidget(self.estimate_button)
        run_row.addStretch(1)
        run_row.addWidget(self.run_button)
        # The fields scroll when the window is lower than they need (a small screen, the Chinese labels);
        # the cost, the messages and Run stay below them, always in view.
        fields = QWidget(self)
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.test_set_box, 3)
        column.addWidget(self.variants_box, 1)
        column.addLayout(run_form)
        self.setup_scroll = ColumnScroll(fields, self)
        setup = QWidget(self)
        left = QVBoxLayout(setup)
        left.addWidget(self.setup_scroll, 1)
        left.addWidget(self.cost_label)
        left.addWidget(self.batch_choice)
        left.addWidget(self.message)
        left.addLayout(run_row)
        results = QWidget(self)
        right = QVBoxLayout(results)
        runs_row = QHBoxLayout()
        self.runs_label = QLabel(self)
        runs_row.addWidget(self.runs_label)
        runs_row.addWidget(self.runs, 1)
        runs_row.addWidget(self.vote_button)
        right.addLayout(runs_row)
        right.addWidget(self.run_bar)
        right.addWidget(self.tabs, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(setup)
        self.splitter.addWidget(results)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 850])
        self.setCentralWidget(self.splitter)

    def _connect(self, signals: GridSignals) -> None:
        self.test_sets.activated.connect(self._test_set_chosen)
        self.new_set_button.clicked.connect(self.new_test_set)
        self.save_set_button.clicked.connect(lambda: self._tasks.start(self.save_test_set()))
        self.delete_set_button.clicked.connect(lambda: self._tasks.start(self.delete_test_set()))
        self.editor.importRequested.connect(lambda: self._tasks.start(self.import_cases()))
        self.editor.changed.connect(lambda: self.show_message(""))
        self.variants.changed.connect(lambda: self.show_message(""))
        self.confirm_above.valueChanged.connect(
            lambda value: self._settings.setValue(CONFIRM_ABOVE_KEY, value)
        )
        self.estimate_button.clicked.connect(lambda: self._tasks.start(self.show_estimate()))
        self.run_button.clicked.connect(lambda: self._tasks.start(self.start_run()))
        self.runs.activated.connect(lambda index: self._tasks.start(self.open_run(self.runs.itemData(index))))
        self.run_bar.pauseRequested.connect(lambda: self._runner_call("pause"))
        self.run_bar.resumeRequested.connect(lambda: self._runner_call("resume"))
        self.run_bar.cancelRequested.connect(lambda: self._runner_call("cancel"))
        self.run_bar.retryRequested.connect(lambda: self._runner_call("retry_failed"))
        self.vote_button.clicked.connect(self.vote_blind)
        self.table.activated.connect(self.open_cell)
        self.table.doubleClicked.connect(self.open_cell)
        self.tabs.currentChanged.connect(lambda _index: self._refresh_stats())
        signals.cellStarted.connect(self._cell_started)
        signals.cellFinished.connect(self._cell_finished)
        signals.progressChanged.connect(self._progress)
        signals.runStateChanged.connect(self._state_changed)
        self.variants.changed.connect(self._probe_batches)
        self.batch_choice.toggled.connect(lambda _on: self._show_cost())
        if self._batches is not None:
            batch_signals = self._batches.signals
            batch_signals.cellFinished.connect(self._cell_finished)
            batch_signals.progressChanged.connect(self._progress)
            batch_signals.runStateChanged.connect(self._state_changed)
            batch_signals.batchStatusChanged.connect(self._batch_status)
            batch_signals.batchFailed.connect(self._batch_failed)
            batch_signals.resultsIgnored.connect(self._results_ignored)
        if self._judge_tools is not None:
            from gui.grid.judge_link import GridJudge

            self.judge = GridJudge(
                self,
                self.judge_menu,
                self._judge_tools,
                self._tasks,
                current_run=self.current_run,
                names=lambda: list(self.names),
                profile_names=self._profile_names,
                shown=self._judgements_changed,
                say=self.show_message,
            )
            if self._judging is not None:
                # The judge's agreement with the blind votes follows them as they are cast or taken back.
                self._judging.changed.connect(self.judge.votes_changed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Evaluation grid"))
        self.export_menu.setTitle(self.tr("&Export"))
        self.export_csv_action.setText(self.tr("CSV…"))
        self.export_jsonl_action.setText(self.tr("JSON Lines…"))
        self.export_html_action.setText(self.tr("HTML report with charts…"))
        self.export_png_action.setText(self.tr("Charts as PNG…"))
        self.export_svg_action.setText(self.tr("Charts as SVG…"))
        self.close_action.setText(self.tr("Close"))
        self.judge_menu.setTitle(self.tr("&Judge"))
        self.batch_choice.retranslate()
        self.test_set_box.setTitle(self.tr("Test set"))
        self.variants_box.setTitle(self.tr("Variants (the grid's columns)"))
        self.test_sets.setAccessibleName(self.tr("Saved test sets"))
        self.test_sets.setAccessibleDescription(self.tr("Opens a saved test set in the editor"))
        self.new_set_button.setText(self.tr("New"))
        self.new_set_button.setAccessibleDescription(self.tr("Starts an empty test set"))
        self.save_set_button.setText(self.tr("Save"))
        self.save_set_button.setAccessibleDescription(
            self.tr("Saves the test set; an edit of a saved one is kept as its next version")
        )
        self.delete_set_button.setText(self.tr("Delete"))
        self.delete_set_button.setAccessibleDescription(self.tr("Deletes the test set shown"))
        labels = [self.tr("Repeats"), self.tr("Concurrency"), self.tr("Ask before runs over")]
        for label, text in zip(self.run_labels, labels, strict=True):
            label.setText(text)
        self.repeats.setAccessibleName(self.tr("Repeats"))
        self.repeats.setAccessibleDescription(
            self.tr("How often each case is sent to each variant (1 to 20)")
        )
        self.concurrency.setAccessibleName(self.tr("Concurrency"))
        self.concurrency.setAccessibleDescription(self.tr("The most requests in flight at once per provider"))
        self.confirm_above.setAccessibleName(self.tr("Ask before runs over"))
        self.confirm_above.setAccessibleDescription(
            self.tr("A run estimated to cost more than this asks before it starts")
        )
        self.estimate_button.setText(self.tr("Estimate cost"))
        self.estimate_button.setAccessibleDescription(
            self.tr("Counts the prompts' tokens and prices the run before it starts")
        )
        self.run_button.setText(self.tr("Run"))
        self.run_button.setAccessibleDescription(self.tr("Saves the test set and starts a run of the grid"))
        self.runs_label.setText(self.tr("Runs"))
        self.runs.setAccessibleName(self.tr("Runs"))
        self.runs.setAccessibleDescription(self.tr("Shows an earlier run of the grid"))
        self.vote_button.setText(self.tr("Vote blind…"))
        vote_help = self.tr(
            "Vote on the run's replies two at a time without knowing which variant wrote which"
        )
        self.vote_button.setToolTip(vote_help)
        self.vote_button.setAccessibleDescription(vote_help)
        self.table.setAccessibleName(self.tr("Grid"))
        self.table.setAccessibleDescription(
            self.tr("A row per case, a column per variant; Enter opens a cell's repeats")
        )
        self.tabs.setTabText(0, self.tr("Grid"))
        self.tabs.setTabText(1, self.tr("Statistics"))
        self.tabs.setTabText(2, self.tr("Charts"))
        self.editor.retranslate()
        self.variants.retranslate()
        self.run_bar.retranslate()

    # --- opening ----------------------------------------------------------------------------------------

    async def load(self) -> None:
        """The saved test sets and runs; the newest run shown (a run stopped by a quit shows Resume). The
        setup is disabled until then, so nothing typed is replaced by what loads."""
        self.splitter.setEnabled(False)
        try:
            await self._load_test_sets()
            if self._test_sets:
                self._show_test_set(self._test_sets[0])
            else:
                self.new_test_set()
            await self._load_runs()
            if self._runs:
                await self.open_run(self._runs[0].id)
        finally:
            self.splitter.setEnabled(True)
        self._probe_batches()

    async def refresh_test_sets(self) -> None:
        """The saved test sets listed again (one added from a conversation); the editor keeps its edits."""
        await self._load_test_sets(select=self._loaded.id if self._loaded is not None else None)

    async def _load_test_sets(self, select: int | None = None) -> None:
        self._test_sets = list(await self._grids.test_sets())
        self.test_sets.clear()
        for test_set in self._test_sets:
            self.test_sets.addItem(
                self.tr("{name} (version {version})").format(name=test_set.name, version=test_set.version),
                test_set.id,
            )
        if select is not None:
            self.test_sets.setCurrentIndex(max(0, self.test_sets.findData(select)))

    async def _load_runs(self, select: int | None = None) -> None:
        self._runs = list(await self._grids.runs())
        self.runs.clear()
        for run in self._runs:
            self.runs.addItem(self._run_text(run, run.state, run.done + run.failed), run.id)
        if select is not None:
            self.runs.setCurrentIndex(max(0, self.runs.findData(select)))

    # --- the test set -----------------------------------------------------------------------------------

    def new_test_set(self) -> None:
        self._loaded = None
        self.editor.show_test_set(None)
        self.test_sets.setCurrentIndex(-1)

    def _test_set_chosen(self, index: int) -> None:
        test_set_id = self.test_sets.itemData(index)
        for test_set in self._test_sets:
            if test_set.id == test_set_id:
                self._show_test_set(test_set)

    def _show_test_set(self, test_set: TestSet) -> None:
        self._loaded = test_set
        self.editor.show_test_set(test_set)
        self.test_sets.setCurrentIndex(max(0, self.test_sets.findData(test_set.id)))

    async def save_test_set(self) -> TestSet | None:
        """Save the editor's test set (a new version if it changed); None, with the reason shown, if it
        cannot be saved as it is."""
        problem = self.editor.problem()
        if problem is not None:
            self.show_message(problem)
            return None
        edited = self.editor.test_set()
        if self._loaded is not None and _same_content(edited, self._loaded):
            return self._loaded
        saved = await self._grids.save_test_set(edited)
        self._loaded = saved
        await self._load_test_sets(select=saved.id)
        self.editor.show_test_set(saved)
        self.show_message(
            self.tr("Saved “{name}”, version {version}.").format(name=saved.name, version=saved.version),
            error=False,
        )
        return saved

    async def delete_test_set(self) -> None:
        if self._loaded is None or self._loaded.id is None:
            self.new_test_set()
            return
        await self._grids.delete_test_set(self._loaded.id)
        await self._load_test_sets()
        if self._test_sets:
            self._show_test_set(self._test_sets[0])
        else:
            self.new_test_set()

    async def import_cases(self) -> None:
        path = self.choose_import(self)
        if path is None:
            return
        from core.grid.test_set_files import TestSetFileError, read_cases_file
        from gui.grid.words import file_error_text

        try:
            imported = await asyncio.to_thread(read_cases_file, path, self.editor.template.toPlainText())
        except TestSetFileError as error:
            self.show_message(file_error_text(error, path.name))
            return
        self.editor.add_cases(imported.cases)
        if imported.system and not self.editor.system.toPlainText().strip():
            self.editor.system.setPlainText(imported.system)
        text = self.tr("Imported %n case(s) from {file}.", "", len(imported.cases)).format(file=path.name)
        if imported.encoding == "gbk":
            text += " " + self.tr("The file was read as GBK (Chinese) text.")
        self.show_message(text, error=False)

    # --- running ------------------------------------------------------------------------------------------

    def _draft_run(self, test_set: TestSet) -> GridRun:
        when = time.strftime("%Y-%m-%d %H:%M")
        return GridRun(
            id=None,
            name=self.tr("{test_set} at {when}").format(test_set=test_set.name, when=when),
            test_set=test_set,
            variants=tuple(self.variants.variants),
            repeats=self.repeats.value(),
            concurrency=self.concurrency.value(),
            state=RunState.PAUSED,
            created_at=time.time(),
        )

    def _run_problem(self) -> str | None:
        problem = self.editor.problem()
        if problem is not None:
            return problem
        if not self.variants.variants:
            return self.tr(
                "The grid has no columns: add a variant (or choose a preset) to run the cases against."
            )
        names = self.variants.names()
        for index, variant in enumerate(self.variants.variants):
            if variant.profile_name is None:
                # Sent, each of its cells would fail alike on a profile named "None".
                return self.tr(
                    "The column “{variant}” has no provider: choose one in its settings (Edit settings…)."
                ).format(variant=names[index])
        return None

    async def show_estimate(self) -> CostPreview | None:
        problem = self._run_problem()
        if problem is not None:
            self.show_message(problem)
            return None
        return await self._priced(self._draft_run(self.editor.test_set()))

    async def _priced(self, run: GridRun) -> CostPreview | None:
        if self._estimate is None:
            return None
        from gui.grid.words import cost_text

        self.cost_label.setText(self.tr("Estimating the cost…"))
        self.cost_label.show()
        preview = await self._estimate(run)
        self._preview = preview
        self.cost_label.setText(cost_text(preview, self.variants.names()))
        self._show_cost()
        return preview

    def _show_cost(self) -> None:
        """With batches offered, the live and the batch price side by side (the chosen way marked)."""
        if self._preview is None or not self.batch_choice.offered:
            return
        from gui.judging.batch_words import live_and_batch_text

        self.cost_label.setText(
            live_and_batch_text(self._preview, batch_offered=True, batch_chosen=self.batch_choice.chosen)
        )

    def _probe_batches(self) -> None:
        if self._batches is not None:
            profiles = {variant.profile_name for variant in self.variants.variants}
            self._tasks.start(self._probe(profiles))

    async def _probe(self, profiles: set[str | None]) -> None:
        await self.batch_choice.probe(profiles)
        self._show_cost()

    async def start_run(self) -> GridRun | None:
        """Check every cell, save the test set, price the run (asking above the threshold), then create and
        start it. Nothing is saved of a run refused; a run not confirmed leaves only the test set saved."""
        problem = self._run_problem()
        if problem is not None:
            self.show_message(problem)
            return None
        self.run_button.setEnabled(False)
        try:
            refused = await self._cell_problem(self._draft_run(self.editor.test_set()))
            if refused is not None:
                self.show_message(refused)
                return None
            test_set = await self.save_test_set()
            if test_set is None:
                return None
            draft = self._draft_run(test_set)
            preview = await self._priced(draft)
            batch = self._batches if self.batch_choice.chosen else None
            high = 0.0 if preview is None else preview.batch_high_usd if batch else preview.high_usd
            too_dear = preview is not None and high > self.confirm_above.value()
            if too_dear and preview is not None and not await self._confirm_cost(preview):
                self.show_message(self.tr("The run was not started."), error=False)
                return None
            run = await self._grids.create_run(draft)
            await self._load_runs(select=run.id)
            self._show_run(run)
            assert run.id is not None
            if batch is not None:
                await self._submit_batch(batch, run.id)
            else:
                await self._runner.start(run.id)
            self.runStarted.emit(run.id)
            return run
        finally:
            self.run_button.setEnabled(True)

    async def _cell_problem(self, draft: GridRun) -> str | None:
        """A cell that cannot be sent (settings the API would refuse, a missing variable), named by its row
        and column, before anything of the run is saved or sent. Checked off the UI thread: a big grid has
        hundreds of requests to validate."""
        from core.grid.runner import CellCheckError, check_cells
        from core.wire.validation import RequestValidationError
        from gui.widgets.issue_words import issues_text

        try:
            await asyncio.to_thread(check_cells, draft, draft.keys())
        except CellCheckError as refused:
            error = refused.error
            if isinstance(error, RequestValidationError):
                reason = issues_text(error.issues)
            else:
                reason = self.tr("no value for {{{{{variable}}}}}").format(variable=error.variable)
            return self.tr(
                'Nothing was sent: row {row} ("{case}") in the column “{variant}”: {reason}'
            ).format(
                row=refused.case + 1,
                case=draft.test_set.cases[refused.case].name,
                variant=self.variants.names()[refused.variant],
                reason=reason,
            )
        return None

    async def _confirm_cost(self, preview: CostPreview) -> bool:
        from gui.grid.words import cost_text

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Start the run?"),
            self.tr("This run is estimated to cost more than ${limit:.2f}.").format(
                limit=self.confirm_above.value()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(self.cost_label.text() or cost_text(preview, self.variants.names()))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

        def answered(result: int) -> None:
            if not answer.done():
                answer.set_result(result == QMessageBox.StandardButton.Yes)

        box.finished.connect(answered)
        self.question = box
        box.open()
        try:
            return await answer
        finally:
            self.question = None
            box.deleteLater()

    async def _submit_batch(self, batch: BatchTools, run_id: int) -> None:
        """Send the run as batches (one per provider); a refusal is shown and the run stays, to run live."""
        from core.grid.batch_runner import BatchesUnsupportedError
        from core.wire.errors import ApiError

        try:
            jobs = await batch.runner.submit(run_id)
        except (ApiError, BatchesUnsupportedError) as error:
            reason = error.message if isinstance(error, ApiError) else str(error)
            self.show_message(
                self.tr("The batch was refused: {reason} The run is kept; Resume runs it live.").format(
                    reason=reason
                )
            )
            return
        self._batch_jobs = {job.batch_id: job for job in jobs}
        self.run_bar.show_batches(jobs)

    def _runner_call(self, action: str) -> None:
        if self.run is None or self.run.id is None:
            return
        if self._batches is not None and self._batches.runner.is_following(self.run.id):
            if action == "cancel":  # a batch is cancelled at the provider; nothing else applies to it
                self._tasks.start(self._batches.runner.cancel(self.run.id))
            return
        self._tasks.start(getattr(self._runner, action)(self.run.id))

    async def open_run(self, run_id: int | None) -> None:
        if run_id is None:
            return
        self._show_run(await self._grids.run(run_id))

    def _show_run(self, run: GridRun) -> None:
        self.run = run
        self._cells = dict(run.cells)
        self.names = variant_names(run.variants)
        self.model.show_run(run, self.names)
        # A run read from the store: nothing is running in this window, so no time left is estimated.
        self._batch_jobs = {}
        self.run_bar.show_batches([])
        self.run_bar.show_progress(dataclasses.replace(run_progress(run, self._cells), eta_seconds=None))
        self.run_bar.show_state(run.state)
        self._refresh_stats()
        if self.judge is not None:
            self._tasks.start(self.judge.load(run.id))
        if self._batches is not None and run.id is not None:
            self._tasks.start(self._load_batch(run.id))

    async def _load_batch(self, run_id: int) -> None:
        """The run's batch still open (sent as a batch, not yet collected) shown in the run bar."""
        assert self._batches is not None
        jobs = await self._batches.jobs(run_id)
        if self._ours(run_id):
            # Open ones only: batches collected before, from an earlier submission, are not this one's.
            self._batch_jobs = {
                j.batch_id: j
                for j in jobs
                if j.purpose == BatchPurpose.CELLS and j.status != BatchStatus.COLLECTED
            }
            self.run_bar.show_batches(list(self._batch_jobs.values()))

    def _batch_status(self, run_id: int, job: BatchJob) -> None:
        if self._ours(run_id) and job.purpose == BatchPurpose.CELLS:
            self._batch_jobs[job.batch_id] = job
            self.run_bar.show_batches(list(self._batch_jobs.values()))

    def _batch_failed(self, run_id: int, job: BatchJob, error: ReplyError) -> None:
        if self._ours(run_id):
            from gui.error_messages import describe

            self.show_message(
                self.tr(
                    "Following the batch {batch} stopped: {reason} It is tried again at the next start."
                ).format(batch=job.batch_id, reason=describe(error))
            )

    def _results_ignored(self, run_id: int, custom_ids: tuple[str, ...]) -> None:
        if self._ours(run_id):
            self.show_message(
                self.tr(
                    "%n result(s) in the batch's file answered requests it never sent; they were ignored.",
                    "",
                    len(custom_ids),
                )
            )

    def _judgements_changed(self) -> None:
        """The judge's scores changed (read, or one more arrived): the table's quality and the statistics."""
        if self.judge is None:
            return
        self.model.show_quality(self.judge.cell_quality())
        if not self._refresh_stats_later.isActive():
            self._refresh_stats_later.start()
        self._show_cell_judgements(self.judge)

    def _show_cell_judgements(self, judge: GridJudge) -> None:
        """An open cell dialog follows what the judge said and the agreement with the votes as they change."""
        dialog, shown = self.cell_dialog, self._cell_shown
        if dialog is None or dialog.judgements is None or shown is None or not dialog.isVisible():
            return
        run_id, case, variant = shown
        judged = judge.cell_judgements(case, variant) if judge.run_id == run_id else None
        if judged is not None:
            dialog.judgements.show_judgements(judged)

    # --- the runner's events ------------------------------------------------------------------------

    def _ours(self, run_id: int) -> bool:
        return self.run is not None and self.run.id == run_id

    def _cell_started(self, run_id: int, key: CellKey) -> None:
        if self._ours(run_id):
            self.model.cell_started(key)

    def _cell_finished(self, run_id: int, result: CellResult) -> None:
        if not self._ours(run_id):
            return
        self._cells[result.key] = result
        self.model.cell_finished(result)
        if not self._refresh_stats_later.isActive():
            self._refresh_stats_later.start()

    def _run_text(self, run: GridRunSummary, state: RunState, ended: int) -> str:
        return self.tr("{name} ({state}, {done} of {total} done)").format(
            name=run.name, state=state_text(state), done=ended, total=run.total
        )

    def _progress(self, run_id: int, progress: GridProgress) -> None:
        if self._ours(run_id):
            self.run_bar.show_progress(progress)
            # The runs list says how far the shown run got, as the bar does, not as it was when listed.
            index = self.runs.findData(run_id)
            summary = next((run for run in self._runs if run.id == run_id), None)
            if index >= 0 and summary is not None and self.run is not None:
                text = self._run_text(summary, self.run.state, progress.done + progress.failed)
                if self.runs.itemText(index) != text:
                    self.runs.setItemText(index, text)

    def _state_changed(self, run_id: int, state: RunState) -> None:
        if not self._ours(run_id):
            return
        assert self.run is not None
        self.run = _replace_state(self.run, state)
        self.run_bar.show_state(state)
        if state != RunState.RUNNING:
            self.model.stop_running()
            self._refresh_stats()
        index = self.runs.findData(run_id)
        if index >= 0:
            self._tasks.start(self._load_runs(select=run_id))

    # --- statistics and charts ------------------------------------------------------------------------

    def current_run(self) -> GridRun | None:
        """The run shown with every cell received so far."""
        if self.run is None:
            return None
        return _with_cells(self.run, self._cells)

    def _refresh_stats(self) -> None:
        """Only the tab on screen is computed (the charts' module is imported when first shown)."""
        run = self.current_run()
        if run is None:
            return
        page = self.tabs.currentWidget()
        if page is self.stats_page:
            if self.stats_view is None:
                from gui.grid.stats_view import GridStatsView

                self.stats_view = GridStatsView(self.stats_page)
                self.stats_layout.addWidget(self.stats_view)
                self._describe_stats(self.stats_view)
            # Worked out on a worker thread, one refresh at a time: those asked for meanwhile make one more.
            self._stats_wanted = True
            if self._stats_task is None:
                self._stats_task = self._tasks.start(self._follow_stats())
        elif page is self.charts_page:
            if self.charts is None:
                self._make_charts()
            self.charts.show_run(run, self.names, self._scores())

    async def _follow_stats(self) -> None:
        try:
            while self._stats_wanted:
                self._stats_wanted = False
                run = self.current_run()  # a copy of the cells: the runner's events go on meanwhile
                if run is None or self.tabs.currentWidget() is not self.stats_page:
                    return
                await self.stats_view.follow(run, self.names, self._scores())
        finally:
            self._stats_task = None

    def _scores(self) -> list[RubricScore]:
        """The judge's rubric scores of the run shown (one template's), for the statistics and charts."""
        return self.judge.scores() if self.judge is not None else []

    def _make_charts(self) -> None:
        """The charts' module (and pyqtgraph with it) is imported when the charts are first needed."""
        from gui.grid.charts import GridCharts

        self.charts = GridCharts()
        self.charts.metric_choice.setAccessibleDescription(
            self.tr("The metric the box plot shows per column")
        )
        self.charts_scroll.setWidget(self.charts)

    def _describe_stats(self, view: GridStatsView) -> None:
        view.columns_table.setAccessibleDescription(
            self.tr("A row per variant: median, p90 and spread of each metric over every case and repeat")
        )
        view.rows_table.setAccessibleDescription(
            self.tr(
                "A row per test case: median, p90 and spread of each metric over every variant and repeat"
            )
        )

    # --- cells ----------------------------------------------------------------------------------------

    def open_cell(self, index: QModelIndex) -> None:
        if self.run is None or not index.isValid():
            return
        case = self.run.test_set.cases[index.row()]
        try:
            prompt = render_prompt(self.run.test_set.template, case)
        except MissingVariableError as error:
            prompt = str(error)
        self.cell_dialog = CellDialog(
            self.model.case_name(index.row()),
            self.model.variant_name(index.column()),
            prompt,
            self.model.results(index.row(), index.column()),
            self,
            judgements=self.judge.cell_judgements(index.row(), index.column()) if self.judge else None,
        )
        assert self.run.id is not None
        self._cell_shown = (self.run.id, index.row(), index.column())
        self.cell_dialog.show()

    # --- blind votes (gui.judging.grid_blind) ----------------------------------------------------------

    def vote_blind(self) -> GridVoteWindow | None:
        """A window of blind ballots over the run's finished cells: for each case, pairs of variants."""
        run = self.current_run()
        if run is None or self._judging is None:
            self.show_message(self.tr("Run the grid first: there is nothing to vote on yet."))
            return None
        from gui.judging.grid_blind import GridVoteWindow, grid_rounds

        if self.vote_window is not None:
            self.vote_window.close()
        window = GridVoteWindow(self._judging, self._tasks, run.name, parent=self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._forget_vote_window)
        self.vote_window = window
        window.vote_on(grid_rounds(run, self.names))
        window.show()
        return window

    def _forget_vote_window(self) -> None:
        self.vote_window = None

    # --- export ---------------------------------------------------------------------------------------

    async def export(self, kind: str) -> None:
        run = self.current_run()
        if run is None:
            self.show_message(self.tr("Run the grid first: there is nothing to export yet."))
            return
        path = self.choose_export(self, kind, f"{_file_stem(run.name)}.{kind}")
        if path is None:
            return
        from gui.grid.export import export_run

        await export_run(run, self.names, kind, path, charts=self._chart_images if kind == "html" else None)
        self.show_message(self.tr("Exported to {path}").format(path=path), error=False)

    def export_charts(self, kind: str) -> None:
        """The charts as one picture (PNG or SVG), drawn on the UI thread like the charts tab."""
        run = self.current_run()
        if run is None:
            self.show_message(self.tr("Run the grid first: there is nothing to export yet."))
            return
        path = self.choose_export(self, kind, f"{_file_stem(run.name)}-charts.{kind}")
        if path is None:
            return
        self._charts_of(run)
        try:
            self.charts.export(path)
        except OSError as error:
            self.show_message(
                self.tr("Could not save the charts to {path}: {reason}").format(
                    path=path, reason=error.strerror or error
                )
            )
            return
        self.show_message(self.tr("Exported to {path}").format(path=path), error=False)

    def _chart_images(self) -> dict[str, bytes]:
        run = self.current_run()
        if run is not None:
            self._charts_of(run)
        elif self.charts is None:
            self._make_charts()
        return dict(self.charts.chart_images())

    def _charts_of(self, run: GridRun) -> None:
        if self.charts is None:
            self._make_charts()
        self.charts.show_run(run, self.names, self._scores())

    # --- messages -------------------------------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet("color: #c62828" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def closeEvent(self, event: QCloseEvent) -> None:
        # The run goes on without its window (the app's runner holds it); reopened, the window shows it.
        self._refresh_stats_later.stop()
        super().closeEvent(event)


def _same_content(a: TestSet, b: TestSet) -> bool:
    return (a.name, a.template, a.system, a.cases) == (b.name, b.template, b.system, b.cases)


def _replace_state(run: GridRun, state: RunState) -> GridRun:
    return dataclasses.replace(run, state=state)


def _with_cells(run: GridRun, cells: dict[CellKey, CellResult]) -> GridRun:
    return dataclasses.replace(run, cells=dict(cells))


def _file_stem(name: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in name).strip()
    return kept.replace(" ", "_") or "grid"
