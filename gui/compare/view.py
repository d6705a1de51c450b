"""The compare window: one prompt sent to several columns at once, each with its own settings.

The columns' settings start as the conversation's; the view sends them through `CompareSession` and
shows what `CompareSignals` reports. The first Send starts a run; later Sends are follow-up rounds,
each column continuing its own thread, until the columns change (then the next Send starts a new run).
A stored run reopens with `reopen`: its columns, prompts, replies and metrics, ready for another round.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.compare.session import ColumnValidationError, CompareSession
from core.model.compare_run import MAX_COLUMNS, ColumnMetrics, CompareRun, best_per_metric
from core.model.conversation import StoredMessage
from core.model.preset import Preset
from core.model.provider_check import Loss
from core.model.request_settings import RequestSettings
from core.model.tools import ToolRun
from core.wire.accumulate import StreamUpdate
from core.wire.validation import RequestValidationError
from gui.compare.column import ColumnSettingsDialog, CompareColumnWidget, column_names
from gui.compare.export import ChooseFolder, ask_for_folder, export_run
from gui.compare.metric_table import MetricTable
from gui.compare.pacer import ColumnPacer
from gui.compare.presets_menu import PresetsMenu
from gui.compare.session_signals import CompareSignals
from gui.compare.word_diff_dialog import WordDiffDialog
from gui.judging.compare_blind import ComparedColumn, blind_tooltip, compare_round, waiting_text
from gui.judging.vote_panel import VotePanel, VoteStore
from gui.tasks import TaskKeeper
from gui.widgets.issue_words import issues_text
from gui.widgets.menu_button import MenuButton
from gui.widgets.screen_fit import fit_to_screen
from gui.widgets.send_keys import is_send_key

DEFAULT_COLUMNS = 2
TABLE_SHARE = 0.4
"""At most this part of the split goes to the metric table until the user drags the handle."""


@dataclass(frozen=True)
class _Finished:
    """A column's reply ended: as stored, with what it measured."""

    message: StoredMessage
    metrics: ColumnMetrics


class CompareView(QWidget):
    """Signals: continued(conversation id): a column was chosen; the conversation should be shown again;
    confirmed(text): what was chosen, worded for the main window's notice."""

    continued = Signal(int)
    confirmed = Signal(str)

    def __init__(
        self,
        *,
        session: CompareSession,
        controller: CompareSignals,
        tasks: TaskKeeper,
        conversation_id: int,
        base_settings: RequestSettings,
        base_profile: str | None,
        profile_names: list[str],
        provider_losses: Mapping[str, frozenset[Loss]] | None = None,
        saved_presets: Sequence[Preset] = (),
        enter_sends: bool = True,
        judging: VoteStore | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.enter_sends = enter_sends
        """The chat composer's preference: Enter sends (Shift+Enter a new line), else Ctrl+Enter sends."""
        self._losses = dict(provider_losses or {})
        """What each provider's last check found lost, warned of in the column headers."""
        self._session = session
        self._tasks = tasks
        self.conversation_id = conversation_id
        self._base = base_settings
        self._base_profile = base_profile
        self._profile_names = profile_names
        self.run: CompareRun | None = None
        self.columns: list[CompareColumnWidget] = []
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.prompt = QPlainTextEdit(self)
        self.prompt.setMaximumHeight(90)
        self.prompt.setTabChangesFocus(True)
        self.prompt.installEventFilter(self)
        self.send_button = QPushButton(self)
        self.stop_all_button = QPushButton(self)
        self.add_button = QPushButton(self)
        self.presets_button = MenuButton(self)
        self.presets_menu = PresetsMenu(lambda: self._base, self)
        self.presets_menu.chosen.connect(self.use_columns)
        self.presets_menu.savedChosen.connect(self.use_presets)
        self.presets_menu.savedAdded.connect(self.add_preset_column)
        self.presets_menu.set_saved(list(saved_presets))
        self.presets_button.setMenu(self.presets_menu)
        self._presets = self.presets_menu.actions_by_key
        self.diff_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.choose_folder: ChooseFolder = ask_for_folder
        """Where "Export comparison…" writes; tests replace it so no file dialog opens."""
        self.metric_table = MetricTable(self)
        self.sync_scrolling = QCheckBox(self)
        self.sync_scrolling.setChecked(True)
        self._judging = judging
        self.blind_button = QPushButton(self)
        self.blind_button.setCheckable(True)
        self.blind_button.setVisible(judging is not None)
        self.blind_button.toggled.connect(self._blind_toggled)
        self.vote_panel: VotePanel | None = None
        """Blind mode's ballots, made when it is first turned on."""
        self._blind_round: tuple[int, int] | None = None
        """The (run id, round) blind mode put to the vote."""
        self._stack = QStackedWidget(self)
        self._syncing = False
        self._row = QHBoxLayout()
        self._build_layout()
        self.send_button.clicked.connect(self.send)
        self.stop_all_button.clicked.connect(self.stop_all)
        self.diff_button.clicked.connect(self.show_diff)
        self.export_button.clicked.connect(self.export)
        self.add_button.clicked.connect(
            lambda: self.add_column(self._base_profile, copy.deepcopy(self._base))
        )
        self._controller: CompareSignals | None = controller
        controller.columnStarted.connect(self._column_started)
        controller.columnUpdated.connect(self._column_updated)
        self._pacer = ColumnPacer(self._deliver, self)
        controller.columnFinished.connect(self._column_finished)
        controller.toolRunChanged.connect(self._tool_run_changed)
        self._round_begun: dict[int, tuple[int, int]] = {}
        """Per column, the (run id, round) it last began: a second start in it is the tool loop's."""
        self.retranslate()
        for _ in range(DEFAULT_COLUMNS):
            self.add_column(base_profile, copy.deepcopy(base_settings))
        fit_to_screen(self, QSize(1200, 800))

    def _build_layout(self) -> None:
        strip = QWidget(self)
        strip.setLayout(self._row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(strip)
        # The replies above, every column's measurements aligned in one table below; the user sets the split.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.metric_table)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self._table_share = TABLE_SHARE
        """The part of the split the table may take; the user's drag of the handle sets it."""
        self.splitter.splitterMoved.connect(self._split_moved)
        self.splitter.installEventFilter(self)
        tools = QHBoxLayout()
        tools.addWidget(self.add_button)
        tools.addWidget(self.presets_button)
        tools.addWidget(self.sync_scrolling)
        tools.addStretch(1)
        tools.addWidget(self.blind_button)
        tools.addWidget(self.diff_button)
        tools.addWidget(self.export_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.prompt, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.stop_all_button)
        bottom.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        self._stack.addWidget(self.splitter)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare settings"))
        shortcut = (
            self.tr("Enter to send, Shift+Enter for a new line")
            if self.enter_sends
            else self.tr("Ctrl+Enter to send")
        )
        self.prompt.setPlaceholderText(
            self.tr("A prompt to send to every column  ({shortcut})").format(shortcut=shortcut)
        )
        self.send_button.setText(self.tr("Send to all"))
        self.stop_all_button.setText(self.tr("Stop all"))
        self.add_button.setText(self.tr("Add a column"))
        self.presets_button.setText(self.tr("Presets"))
        self.sync_scrolling.setText(self.tr("Scroll together"))
        self.diff_button.setText(self.tr("Diff…"))
        self.diff_button.setToolTip(self.tr("Compare two columns' replies word by word"))
        self.export_button.setText(self.tr("Export comparison…"))
        self.blind_button.setText(self.tr("Blind"))
        self.blind_button.setToolTip(blind_tooltip())
        self.blind_button.setAccessibleDescription(blind_tooltip())
        self.export_button.setToolTip(self.tr("Write the comparison as a Markdown and an HTML report"))
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.prompt.setAccessibleDescription(self.tr("Sent to every column by Send to all"))
        self.send_button.setAccessibleDescription(self.tr("Sends the prompt to every column at once"))
        self.stop_all_button.setAccessibleDescription(self.tr("Stops every column's reply"))
        self.add_button.setAccessibleDescription(self.tr("Adds a column with the conversation's settings"))
        self.presets_button.setAccessibleDescription(
            self.tr("Columns for a sweep: temperatures, thinking, models")
        )
        self.sync_scrolling.setAccessibleDescription(self.tr("Scrolling one column scrolls the others"))

    # --- columns --------------------------------------------------------------------------------------

    def _losses_of(self, column: CompareColumnWidget) -> frozenset[Loss]:
        return self._losses.get(column.profile_name or self._base_profile or "", frozenset())

    def add_column(self, profile_name: str | None, settings: RequestSettings) -> CompareColumnWidget | None:
        if len(self.columns) >= MAX_COLUMNS:
            return None
        column = CompareColumnWidget(profile_name, settings, self)
        column.set_base(self._base, self._base_profile, self._losses_of(column))
        column.editRequested.connect(lambda: self._edit(column))
        column.removeRequested.connect(lambda: self.remove_column(column))
        column.stopRequested.connect(lambda: self._stop_column(column))
        column.continueRequested.connect(lambda: self._continue(column))
        column.maximiseToggled.connect(lambda on: self._maximise(column, on))
        bar = column.transcript.browser.verticalScrollBar()
        bar.valueChanged.connect(lambda _value: self._scroll_others_like(column))
        self.columns.append(column)
        self._row.addWidget(column)
        self._columns_changed()
        return column

    def _scroll_others_like(self, source: CompareColumnWidget) -> None:
        """With "Scroll together" on, every column shows the same part of its reply as the one scrolled."""
        if self._syncing or not self.sync_scrolling.isChecked():
            return
        bar = source.transcript.browser.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self._syncing = True
        try:
            for column in self.columns:
                if column is not source:
                    other = column.transcript.browser.verticalScrollBar()
                    other.setValue(round(fraction * other.maximum()))
        finally:
            self._syncing = False

    def _maximise(self, chosen: CompareColumnWidget, on: bool) -> None:
        """One column alone (the others hidden), or every column again."""
        for column in self.columns:
            if column is not chosen:
                with QSignalBlocker(column.maximise_button):
                    column.maximise_button.setChecked(False)
                column.setVisible(not on)
        chosen.setVisible(True)
        for position, column in enumerate(self.columns):
            self.metric_table.setColumnHidden(position, not column.isVisibleTo(self))

    def remove_column(self, column: CompareColumnWidget) -> None:
        if len(self.columns) <= 1:
            return
        self.columns.remove(column)
        column.setParent(None)
        column.deleteLater()
        self._columns_changed()

    def set_column_settings(self, index: int, profile_name: str | None, settings: RequestSettings) -> None:
        column = self.columns[index]
        column.profile_name, column.settings = profile_name, settings
        column.set_base(self._base, self._base_profile, self._losses_of(column))
        self._columns_changed()

    def use_columns(self, settings: list[RequestSettings]) -> None:
        """Replace the columns with these (a preset), all through the conversation's profile."""
        for column in list(self.columns):
            self.columns.remove(column)
            column.setParent(None)
            column.deleteLater()
        for item in settings[:MAX_COLUMNS]:
            self.add_column(self._base_profile, item)

    def use_presets(self, presets: list[Preset]) -> None:
        """Replace the columns with these saved presets, each through its own profile if it still exists."""
        self.use_columns([])
        for preset in presets[:MAX_COLUMNS]:
            self.add_preset_column(preset)

    def add_preset_column(self, preset: Preset) -> None:
        if len(self.columns) >= MAX_COLUMNS:
            return
        known = preset.profile_name in self._profile_names
        profile = preset.profile_name if known else self._base_profile
        column = self.add_column(profile, copy.deepcopy(preset.settings))
        if column is not None:
            column.preset_name = preset.name
            column.set_base(self._base, self._base_profile)

    def _columns_changed(self) -> None:
        """Other columns make another comparison: the next Send starts a new run."""
        self.run = None
        self._pacer.drop()
        for column in self.columns:
            column.maximise_button.setChecked(False)
        self._name_columns()
        self._update_buttons()
        self._blind_round_ready()

    def _name_columns(self) -> None:
        """Every column named by what sets it apart from the others now."""
        names = column_names([(column.profile_name, column.settings) for column in self.columns])
        for column, name in zip(self.columns, names, strict=True):
            column.set_name(name)
        self._show_all_metrics()

    def _update_buttons(self) -> None:
        running = any(column.running for column in self.columns)
        blind = self._stack.currentWidget() is not self.splitter  # the diff and the report name the columns
        self.send_button.setEnabled(not running)
        self.diff_button.setEnabled(
            sum(column.reply is not None for column in self.columns) >= 2 and not blind
        )
        self.export_button.setEnabled(self.run is not None and not running and not blind)
        self.add_button.setEnabled(len(self.columns) < MAX_COLUMNS and not running)
        self.presets_button.setEnabled(not running)
        for column in self.columns:
            column.remove_button.setEnabled(len(self.columns) > 1 and not running)

    def _edit(self, column: CompareColumnWidget) -> None:
        dialog = ColumnSettingsDialog(column.profile_name, column.settings, self._profile_names, self)
        dialog.accepted.connect(lambda: self._edited(column, dialog.profile_name(), dialog.settings()))
        dialog.open()

    def _edited(self, column: CompareColumnWidget, profile: str | None, settings: RequestSettings) -> None:
        if column in self.columns:
            self.set_column_settings(self.columns.index(column), profile, settings)

    # --- sending --------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The prompt's Enter sends like the chat composer's: the same keys, the same preference. A resized
        split refits the table."""
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._fit_split()
        if watched is self.prompt and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if is_send_key(event, enter_sends=self.enter_sends):
                self.send()
                return True
        return super().eventFilter(watched, event)

    def send(self) -> None:
        prompt = self.prompt.toPlainText().strip()
        if prompt and not self.is_running():
            self._tasks.start(self._send(prompt))

    async def _send(self, prompt: str) -> None:
        self.notice.setText("")
        self.send_button.setEnabled(False)
        for column in self.columns:
            column.show_notice("")
        try:
            if self.run is None:
                for column in self.columns:
                    column.clear()
                columns = [(column.profile_name, column.settings) for column in self.columns]
                self.run = await self._session.start(self.conversation_id, columns, prompt)
            else:
                self.run = await self._session.follow_up(self.run.id, prompt)
            self.prompt.clear()
        except RequestValidationError as invalid:
            problems = self.tr("Not sent: {problems}").format(problems=issues_text(invalid.issues))
            if not isinstance(invalid, ColumnValidationError):
                self.notice.setText(problems)
                return
            self.columns[invalid.column].show_notice(problems)
            refused = self.tr("Nothing was sent: “{name}” has settings the API would refuse.")
            self.notice.setText(refused.format(name=self.columns[invalid.column].name))
        finally:
            self._update_buttons()

    def is_running(self) -> bool:
        return self.run is not None and self._session.is_running(self.run.id)

    def stop_all(self) -> None:
        if self.run is not None:
            self._session.stop(self.run.id)

    def _stop_column(self, column: CompareColumnWidget) -> None:
        if self.run is not None and column in self.columns:
            self._session.stop(self.run.id, self.columns.index(column))

    def _continue(self, column: CompareColumnWidget) -> None:
        if self.run is not None and column in self.columns:
            self._tasks.start(self._continue_with(self.run.id, self.columns.index(column)))

    async def _continue_with(self, run_id: int, index: int) -> None:
        column = self.columns[index]
        column.continue_button.setEnabled(False)  # one click, one choice
        try:
            await self._session.continue_with(run_id, index)
        except RuntimeError:
            self.notice.setText(self.tr("Wait for every column to finish, or stop them, first."))
            column.set_chosen(column.chosen)
            return
        self._mark_chosen(column)
        self.notice.setText(
            self.tr(
                "The conversation continues with “{name}”: its reply is now the conversation's next turn."
            ).format(name=column.name)
        )
        self.continued.emit(self.conversation_id)
        self.confirmed.emit(self.tr("Continued with “{name}” from the comparison.").format(name=column.name))

    def _mark_chosen(self, chosen: CompareColumnWidget | None) -> None:
        for column in self.columns:
            column.set_chosen(column is chosen)

    # --- what the session reports ---------------------------------------------------------------------

    def _column(self, run_id: int, index: int) -> CompareColumnWidget | None:
        if self.run is None or self.run.id != run_id or not 0 <= index < len(self.columns):
            return None
        return self.columns[index]

    def _column_started(self, run_id: int, index: int, reply: StoredMessage) -> None:
        column = self._column(run_id, index)
        if column is not None and self.run is not None:
            self._pacer.drop(index)
            # A second start in the same round is the tool loop's next request, not another prompt.
            round_key = (run_id, len(self.run.prompts))
            continuing = self._round_begun.get(index) == round_key
            self._round_begun[index] = round_key
            column.begin(self.run.prompts[-1], reply, continuing=continuing)
            self._update_buttons()

    def _tool_run_changed(self, run_id: int, index: int, reply_id: int, run: ToolRun) -> None:
        column = self._column(run_id, index)
        if column is not None:
            column.transcript.update_tool_run(reply_id, run)

    def _column_updated(self, run_id: int, index: int, update: object) -> None:
        column = self._column(run_id, index)
        if column is not None:
            self._pacer.push(index, update)

    def _column_finished(
        self, run_id: int, index: int, message: StoredMessage, metrics: ColumnMetrics
    ) -> None:
        if self._column(run_id, index) is not None:
            # Through the pacer too: a long reply's final render takes a while, one column per turn.
            self._pacer.push(index, _Finished(message, metrics))

    def _deliver(self, index: int, item: StreamUpdate | _Finished) -> None:
        column = self.columns[index]
        if isinstance(item, StreamUpdate):
            column.feed_update(item)
            return
        column.finish(item.message, item.metrics)
        self._show_all_metrics()
        self._update_buttons()
        self._blind_round_ready()

    # --- blind mode (gui.judging.compare_blind) -------------------------------------------------------

    def _blind_toggled(self, on: bool) -> None:
        if on and self.vote_panel is None and self._judging is not None:
            self.vote_panel = VotePanel(self._judging, self._tasks, parent=self)
            self.vote_panel.finished.connect(self._blind_done)
            self._stack.addWidget(self.vote_panel)
            self._tasks.start(self.vote_panel.load_tags())
        self._blind_round_ready()
        if not on:
            self._show_page(self.splitter)

    def _blind_round_ready(self) -> None:
        """In blind mode, the last round is voted on once every column has finished; until then, and while
        it is voted on, the columns are out of sight."""
        panel = self.vote_panel
        if panel is None or not self.blind_button.isChecked():
            return
        run = self.run
        key = (run.id, len(run.prompts)) if run is not None else None
        finished = key is not None and all(
            not c.running and c.reply is not None and self._round_begun.get(i) == key
            for i, c in enumerate(self.columns)
        )
        if run is None or not finished:
            self._blind_round = None
            panel.show_waiting(waiting_text())
            self._show_page(panel)
            return
        if self._blind_round != key:  # a round not put to the vote yet (one that was goes on where it was)
            self._blind_round = key
            columns = [ComparedColumn(c.profile_name, c.settings, c.name, c.reply) for c in self.columns]
            panel.set_rounds([compare_round(run.id, len(run.prompts) - 1, run.prompts[-1], columns)])
        voted = bool(panel.ballots) and panel.ballot() is None
        self._show_page(self.splitter if voted else panel)

    def _show_page(self, page: QWidget) -> None:
        self._stack.setCurrentWidget(page)
        self._update_buttons()

    def _blind_done(self) -> None:
        """Every ballot of the round has a vote: the columns show again, named (blind stays on for the next
        round)."""
        self._show_page(self.splitter)

    def _show_all_metrics(self) -> None:
        """Every column's metrics in the aligned table, each metric's best value marked."""
        metrics = [column.metrics for column in self.columns]
        best = best_per_metric(metrics)
        self.metric_table.show_metrics([column.name for column in self.columns], metrics, best)
        for position, column in enumerate(self.columns):
            self.metric_table.setColumnHidden(position, not column.isVisibleTo(self))

    # --- reading aids, export, reopening --------------------------------------------------------------

    def show_diff(self) -> WordDiffDialog | None:
        """The word diff of two columns' last replies (the first two that have one, to start with)."""
        with_reply = [column for column in self.columns if column.reply is not None]
        if len(with_reply) < 2:
            return None
        choices = [(column.name, column.reply_text()) for column in with_reply]
        dialog = WordDiffDialog(choices, 0, 1, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export(self) -> None:
        if self.run is None:
            return
        folder = self.choose_folder(self)
        if folder:
            self._tasks.start(self._export(self.run.id, Path(folder)))

    async def _export(self, run_id: int, folder: Path) -> None:
        self.export_button.setEnabled(False)
        try:
            markdown, html = await export_run(self._session, run_id, folder)
        except OSError as error:
            problem = error.strerror or str(error)
            self.notice.setText(self.tr("Could not write the reports: {error}").format(error=problem))
        else:
            self.notice.setText(
                self.tr("Saved {markdown} and {html}").format(markdown=markdown.name, html=html.name)
            )
        finally:
            self._update_buttons()

    async def reopen(self, run_id: int) -> None:
        """Show a stored run as it was: its columns and settings, every round's prompt and reply, and the
        last round's metrics. A Send then continues it with another round."""
        run, messages = await self._session.load(run_id)
        self.use_columns([column.settings for column in run.columns])
        for stored, column in zip(run.columns, self.columns, strict=True):
            column.profile_name = stored.profile_name
            column.set_base(self._base, self._base_profile, self._losses_of(column))
            column.show_stored(run.prompts, [messages[reply_id] for reply_id in stored.reply_ids])
            column.metrics = stored.metrics[-1] if stored.metrics else None
        self._name_columns()
        self.run = run
        self._round_begun = {index: (run.id, len(run.prompts)) for index in range(len(self.columns))}
        if run.chosen_column is not None and run.chosen_column < len(self.columns):
            self._mark_chosen(self.columns[run.chosen_column])
        self._show_all_metrics()
        self._update_buttons()

    def _split_moved(self) -> None:
        replies, table = self.splitter.sizes()
        if replies + table > 0:
            self._table_share = table / (replies + table)

    def _fit_split(self) -> None:
        """The table as tall as its rows, up to its share of the window (40% until the user drags the
        handle): in a small window the replies keep the most room, in a tall one the table no empty rows."""
        # Its height, not sizes(): on a resize the sizes are the old ones until the splitter lays out again.
        total = self.splitter.height() - self.splitter.handleWidth()
        if total <= 0 or not self.isVisible():
            return
        table = min(self.metric_table.content_height(), round(total * self._table_share))
        self.splitter.setSizes([total - table, table])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_all()
        # The controller outlives this window, which is deleted once closed: the stopped columns' last
        # updates must not reach it half-destroyed, nor held ones be handed over by the pacer's timer.
        if self._controller is not None:  # a second close finds it done
            self._controller.columnStarted.disconnect(self._column_started)
            self._controller.columnUpdated.disconnect(self._column_updated)
            self._controller.columnFinished.disconnect(self._column_finished)
            self._controller.toolRunChanged.disconnect(self._tool_run_changed)
            self._controller = None
        self._pacer.drop()
        event.accept()
