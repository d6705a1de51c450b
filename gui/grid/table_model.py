"""The grid as a Qt table model: rows are test cases, columns are variants, each cell all its repeats.

Virtualised: the view asks only for the cells on screen, and each cell's text is built once when one of its
repeats changes (not on every paint), so a 50 x 6 x 3 grid repainting while 900 repeats arrive costs the UI
thread a dictionary lookup per visible cell. Updates come one repeat at a time (from the runner's events)
and change one cell: `dataChanged` for that index, never a model reset.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from core.model.grid import CellKey, CellResult, CellStatus, GridRun
from gui.theme.palettes import is_dark

PREVIEW_LINES = 2
PREVIEW_CHARS = 90
"""A cell shows the first lines of its latest output, each cut to this many characters."""

ModelIndex = QModelIndex | QPersistentModelIndex

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
"""The cell's overall CellStatus (failed if any repeat failed, running if any runs, done when all are)."""
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
"""(case index, variant index) of the cell."""
QUALITY_ROLE = Qt.ItemDataRole.UserRole + 3
"""The judge's mean score over the cell's judged repeats (1–5), or None when none is judged."""

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED = frozenset(
    {
        _DISPLAY,
        _BACKGROUND,
        _ALIGNMENT,
        int(STATUS_ROLE),
        int(KEY_ROLE),
        int(QUALITY_ROLE),
        int(Qt.ItemDataRole.ToolTipRole),
    }
)
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


@dataclass
class _Cell:
    """What one cell shows, rebuilt when one of its repeats changes."""

    results: dict[int, CellResult]
    running: set[int]
    text: str = ""
    status: CellStatus = CellStatus.PENDING
    quality: float | None = None


class GridTableModel(QAbstractTableModel):
    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._cases: list[str] = []
        self._variants: list[str] = []
        self._repeats = 1
        self._cells: dict[tuple[int, int], _Cell] = {}
        self.run_id: int | None = None

    # --- what the model holds -------------------------------------------------------------------------

    def show_run(self, run: GridRun, variant_names: list[str]) -> None:
        """A whole run (its saved cells), e.g. when a run is opened or reopened after a restart."""
        self.beginResetModel()
        self.run_id = run.id
        self._cases = [case.name for case in run.test_set.cases]
        self._variants = list(variant_names)
        self._repeats = run.repeats
        self._cells = {}
        for key, result in run.cells.items():
            self._cell(key.case, key.variant).results[key.repeat] = result
        for cell in self._cells.values():
            self._rebuild(cell)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.run_id = None
        self._cases, self._variants, self._cells = [], [], {}
        self.endResetModel()

    def cell_started(self, key: CellKey) -> None:
        if not self._inside(key):
            return
        cell = self._cell(key.case, key.variant)
        cell.running.add(key.repeat)
        cell.results.pop(key.repeat, None)  # a failed repeat being retried shows as running again
        self._changed(key, cell)

    def cell_finished(self, result: CellResult) -> None:
        key = result.key
        if not self._inside(key):
            return
        cell = self._cell(key.case, key.variant)
        cell.running.discard(key.repeat)
        cell.results[key.repeat] = result
        self._changed(key, cell)

    def stop_running(self) -> None:
        """A paused or cancelled run: repeats shown as running are pending again."""
        for (row, column), cell in self._cells.items():
            if cell.running:
                cell.running.clear()
                self._rebuild(cell)
                index = self.index(row, column)
                self.dataChanged.emit(index, index)

    def show_quality(self, quality: Mapping[tuple[int, int], float]) -> None:
        """The judge's mean score per cell, (case, variant) -> 1..5; cells left out show none."""
        for row, column in {*self._cells, *quality}:
            key = CellKey(row, column, 0)
            found = quality.get((row, column))
            if not self._inside(key) or found == self._cell(row, column).quality:
                continue
            cell = self._cell(row, column)
            cell.quality = found
            self._changed(key, cell)

    def results(self, row: int, column: int) -> list[CellResult]:
        """The cell's finished repeats, in repeat order."""
        cell = self._cells.get((row, column))
        if cell is None:
            return []
        return [cell.results[repeat] for repeat in sorted(cell.results)]

    def case_name(self, row: int) -> str:
        return self._cases[row]

    def variant_name(self, column: int) -> str:
        return self._variants[column]

    def cell_text(self, row: int, column: int) -> str:
        cell = self._cells.get((row, column))
        return cell.text if cell is not None else self._pending_text()

    def cell_look(self, row: int, column: int) -> tuple[str, QColor | None]:
        """The cell's text and background, as the display and background roles answer them: in one Python
        call, for the cell painter's quick path (each `QModelIndex.data` goes through Qt, ~20 µs)."""
        cell = self._cells.get((row, column))
        if cell is None:
            return self._pending_text(), status_colour(CellStatus.PENDING)
        return cell.text, status_colour(cell.status)

    # --- Qt's model interface -------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008  (Qt's signature)
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._variants)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        # Asked for seven roles per cell on every paint: the roles the grid answers come first, the rest
        # (font, colour, check state, icon) fall through at once.
        if role not in _ANSWERED or not index.isValid():
            return None
        cell = self._cells.get((index.row(), index.column()))
        if role == _DISPLAY:
            return cell.text if cell is not None else self._pending_text()
        if role == _BACKGROUND:
            return status_colour(cell.status if cell is not None else CellStatus.PENDING)
        if role == _ALIGNMENT:
            return _TOP_LEFT
        if role == STATUS_ROLE:
            return cell.status if cell is not None else CellStatus.PENDING
        if role == KEY_ROLE:
            return (index.row(), index.column())
        if role == QUALITY_ROLE:
            return cell.quality if cell is not None else None
        if cell is not None:  # the tool tip
            return self.tr("Double-click (or Enter) to see every repeat")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        names = self._variants if orientation == Qt.Orientation.Horizontal else self._cases
        return names[section] if 0 <= section < len(names) else None

    # --- inside -------------------------------------------------------------------------------------

    def _inside(self, key: CellKey) -> bool:
        return 0 <= key.case < len(self._cases) and 0 <= key.variant < len(self._variants)

    def _cell(self, row: int, column: int) -> _Cell:
        cell = self._cells.get((row, column))
        if cell is None:
            cell = self._cells[(row, column)] = _Cell(results={}, running=set())
        return cell

    def _changed(self, key: CellKey, cell: _Cell) -> None:
        self._rebuild(cell)
        index = self.index(key.case, key.variant)
        self.dataChanged.emit(index, index)

    def _rebuild(self, cell: _Cell) -> None:
        results = [cell.results[repeat] for repeat in sorted(cell.results)]
        done = [result for result in results if result.status == CellStatus.DONE]
        failed = len(results) - len(done)
        if failed:
            cell.status = CellStatus.FAILED
        elif cell.running:
            cell.status = CellStatus.RUNNING
        elif len(done) >= self._repeats:
            cell.status = CellStatus.DONE
        else:
            cell.status = CellStatus.PENDING
        lines: list[str] = []
        latest = done[-1] if done else None
        if latest is not None:
            lines.extend(_preview(latest.text))
        elif failed:
            lines.append(self.tr("Failed"))
        measured = [result.metrics for result in done if result.metrics is not None]
        facts = [self.tr("{done}/{repeats}").format(done=len(done), repeats=self._repeats)]
        if cell.quality is not None:  # first: the figure a judged grid is read for
            facts.insert(0, self.tr("quality {score:.1f}/5").format(score=cell.quality))
        if failed:
            facts.append(self.tr("{n} failed").format(n=failed))
        if cell.running:
            facts.append(self.tr("running…"))
        durations = [m.duration for m in measured if m.duration is not None]
        if durations:
            facts.append(self.tr("{seconds:.2f} s").format(seconds=statistics.median(durations)))
        outputs = [m.output_tokens for m in measured if m.output_tokens is not None]
        if outputs:
            facts.append(self.tr("{tokens} tok").format(tokens=round(statistics.median(outputs))))
        costs = [m.cost_usd for m in measured if m.cost_usd is not None]
        if costs:
            facts.append(f"${sum(costs):.4f}")
        lines.append(" · ".join(facts))
        cell.text = "\n".join(lines)

    def _pending_text(self) -> str:
        return self.tr("{done}/{repeats}").format(done=0, repeats=self._repeats)


def _preview(text: str) -> list[str]:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()][:PREVIEW_LINES]
    return [line if len(line) <= PREVIEW_CHARS else line[: PREVIEW_CHARS - 1] + "…" for line in lines]


def status_colour(status: CellStatus) -> QColor | None:
    """A cell's background for its status, a tint that reads on the theme's base (light or dark)."""
    dark = is_dark(QGuiApplication.palette())
    if status == CellStatus.FAILED:
        return QColor("#5c2526") if dark else QColor("#fbdada")
    if status == CellStatus.RUNNING:
        return QColor("#22395f") if dark else QColor("#dde8fb")
    if status == CellStatus.PENDING:
        return QGuiApplication.palette().color(QPalette.ColorRole.AlternateBase)
    return None  # done: the view's base
