"""A blind vote session over a grid run's finished cells: for each test case, one repeat's replies of every
variant that finished it, voted on pairwise (or best-of-N) with the names hidden until each vote.

The repeat is the first one in which the most variants finished (all of them, when the run is done), so
every case is voted on once and each vote compares replies that answered the same prompt the same way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.model.conversation import StoredMessage
from core.model.grid import CellKey, CellStatus, GridRun, MissingVariableError, render_prompt
from core.model.judging import VoteSource, VoteSourceKind
from gui.judging.blind_round import BlindRound, entrants_of, identity
from gui.judging.vote_panel import VotePanel, VoteStore
from gui.tasks import TaskKeeper
from gui.widgets.screen_fit import fit_to_screen


def grid_rounds(run: GridRun, names: Sequence[str]) -> list[BlindRound]:
    """A round per test case that at least two variants finished in one repeat; `names` are the grid's
    column names (what sets each variant apart)."""
    assert run.id is not None
    identities = {
        index: identity(variant.profile_name, variant.settings, names[index])
        for index, variant in enumerate(run.variants)
    }
    rounds: list[BlindRound] = []
    for case_index, case in enumerate(run.test_set.cases):
        best: list[int] = []
        best_repeat = 0
        for repeat in range(run.repeats):
            done = [
                variant
                for variant in range(len(run.variants))
                if (cell := run.cells.get(CellKey(case_index, variant, repeat))) is not None
                and cell.status == CellStatus.DONE
            ]
            if len(done) > len(best):
                best, best_repeat = done, repeat
        if len(best) < 2:
            continue
        try:
            prompt = render_prompt(run.test_set.template, case)
        except MissingVariableError as error:
            prompt = str(error)
        replies = {
            variant: _message(run.cells[CellKey(case_index, variant, best_repeat)].content, variant)
            for variant in best
        }
        source = VoteSource(VoteSourceKind.GRID, run.id, case_index, best_repeat)
        entrants = entrants_of({variant: identities[variant] for variant in best})
        rounds.append(BlindRound(source, prompt, entrants, replies))
    return rounds


def _message(content: object, variant: int) -> StoredMessage:
    blocks = [dict(block) for block in content] if isinstance(content, tuple | list) else []
    return StoredMessage(
        id=-1 - variant, conversation_id=0, parent_id=None, role="assistant",
        content=blocks,  # type: ignore[arg-type]
    )  # fmt: skip


class GridVoteWindow(QWidget):
    """The grid's "Vote blind…": a window of ballots over one run (the votes reach the rest of the app
    through the store it is given: the app's vote feed)."""

    def __init__(
        self, store: VoteStore, tasks: TaskKeeper, run_name: str, *, seed: int | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Blind vote — {run}").format(run=run_name))
        self.panel = VotePanel(store, tasks, seed=seed, parent=self)
        QVBoxLayout(self).addWidget(self.panel)
        # A window of its own, not a dialog: Escape closes it as it would a dialog (every vote is saved).
        QShortcut(QKeySequence.StandardKey.Cancel, self, self.close)
        tasks.start(self.panel.load_tags())
        fit_to_screen(self, QSize(1100, 760))

    def vote_on(self, rounds: Sequence[BlindRound]) -> None:
        self.panel.set_rounds(rounds)
        self.panel.setFocus()
