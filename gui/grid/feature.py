"""The evaluation grid as the main window sees it: Tools → "Evaluation grid…" and a user turn's "Add to test
set…". The grid window and its modules are loaded when first opened."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from core.model.grid import GridVariant
from core.model.preset import Preset
from gui.grid.run_signals import GridSignals
from gui.tasks import TaskKeeper
from gui.window_host import WindowHost

if TYPE_CHECKING:
    from core.grid.runner import GridRunner
    from core.store.services import GridService
    from gui.grid.add_to_test_set import AddToTestSetDialog
    from gui.grid.batch_choice import BatchTools
    from gui.grid.window import CostEstimator, GridWindow
    from gui.judging.judge_tools import JudgeTools
    from gui.judging.vote_feed import VoteFeed


class GridFeature(QObject):
    def __init__(
        self,
        window: WindowHost,
        tools_menu: QMenu,
        *,
        grids: GridService,
        runner: GridRunner,
        signals: GridSignals,
        tasks: TaskKeeper,
        settings: QSettings,
        profile_names: Callable[[], list[str]],
        presets: Callable[[], list[Preset]],
        estimate: CostEstimator | None = None,
        judge: JudgeTools | None = None,
        batches: BatchTools | None = None,
        judging: VoteFeed | None = None,
    ) -> None:
        super().__init__(window.widget())
        self._window = window
        self._grids = grids
        self._runner = runner
        self._signals = signals
        self._tasks = tasks
        self._settings = settings
        self._profile_names = profile_names
        self._presets = presets
        self._estimate = estimate
        self._judge = judge
        self._batches = batches
        self._judging = judging
        self.grid_window: GridWindow | None = None
        self.add_dialog: AddToTestSetDialog | None = None
        self.open_action = QAction(self.tr("Evaluation grid…"), window.widget())
        self.open_action.setStatusTip(self.tr("Run a set of prompts against several settings, with repeats"))
        self.open_action.triggered.connect(lambda: self._tasks.start(self.open_window()))
        tools_menu.addSeparator()
        tools_menu.addAction(self.open_action)
        window.transcript.turnMenuRequested.connect(self._add_to_turn_menu)
        # Runs a quit left running show as paused, with Resume: done before the grid window first lists them.
        self._tidied = tasks.start(grids.pause_interrupted())

    async def open_window(self) -> GridWindow:
        if self.grid_window is not None:
            self.grid_window.show()
            self.grid_window.raise_()
            self.grid_window.activateWindow()
            return self.grid_window
        from gui.grid.window import GridWindow
        from gui.startup.collector import freeze_long_lived

        # The app's modules, the grid's among them, are all loaded now: out of every later full collection,
        # which would otherwise walk them on the UI thread in the middle of a run (~60 ms once a minute).
        freeze_long_lived()
        await self._tidied
        base = GridVariant(self._default_profile(), self._window.current_settings())
        grid_window = GridWindow(
            grids=self._grids,
            runner=self._runner,
            signals=self._signals,
            tasks=self._tasks,
            settings=self._settings,
            base=base,
            profile_names=self._profile_names(),
            saved_presets=self._presets(),
            estimate=self._estimate,
            judge=self._judge,
            batches=self._batches,
            judging=self._judging,
            parent=self._window.widget(),
        )
        grid_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        grid_window.destroyed.connect(self._forget_window)
        self.grid_window = grid_window
        grid_window.show()
        await grid_window.load()
        return grid_window

    def _default_profile(self) -> str | None:
        """The first column's provider: the one the main window shows. Opened while the app starts, before
        the first conversation is open, the window shows none yet; the profiles are known from the store by
        then, so the first stands in (a column without one would fail every cell on "no such profile")."""
        names = self._profile_names()
        shown = self._window.current_profile()
        conversation = self._window.current_conversation()
        for name in (shown, conversation.profile_name if conversation is not None else None):
            if name in names:
                return name
        return names[0] if names else None

    def _forget_window(self) -> None:
        self.grid_window = None

    # --- Add to test set… -----------------------------------------------------------------------------

    def _add_to_turn_menu(self, message_id: int, menu: QMenu) -> None:
        message = self._window.transcript.message(message_id)
        if message is None or message.role != "user" or not _text(message.content):
            return
        menu.addSeparator()
        action = menu.addAction(self.tr("Add to test set…"))
        action.triggered.connect(lambda _checked=False: self._tasks.start(self.add_to_test_set(message_id)))

    async def add_to_test_set(self, message_id: int) -> None:
        from gui.grid.add_to_test_set import AddToTestSetDialog
        from gui.grid.test_set_editor import context_messages

        transcript = self._window.transcript
        message = transcript.message(message_id)
        if message is None:
            return
        ids = transcript.message_ids()
        before = ids[: ids.index(message_id)] if message_id in ids else []
        earlier = [m for m in (transcript.message(i) for i in before) if m is not None]
        context = context_messages([{"role": m.role, "content": m.content} for m in earlier])
        test_sets = list(await self._grids.test_sets())
        dialog = AddToTestSetDialog(_text(message.content), test_sets, len(context), self._window.widget())
        self.add_dialog = dialog
        dialog.accepted.connect(lambda: self._tasks.start(self._save(dialog, context)))
        dialog.finished.connect(self._forget_dialog)
        dialog.open()

    async def _save(self, dialog: AddToTestSetDialog, context: tuple[dict[str, object], ...]) -> None:
        saved = await self._grids.save_test_set(dialog.result_test_set(context))
        self._window.show_notice(
            self.tr("Added to the test set “{name}” (version {version}).").format(
                name=saved.name, version=saved.version
            )
        )
        if self.grid_window is not None:
            await self.grid_window.refresh_test_sets()

    def _forget_dialog(self) -> None:
        self.add_dialog = None


def _text(content: object) -> str:
    blocks = content if isinstance(content, list) else []
    return "\n\n".join(str(block.get("text", "")) for block in blocks if block.get("type") == "text").strip()
