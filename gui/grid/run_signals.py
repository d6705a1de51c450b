"""The bridge from the grid runner (plain asyncio) to Qt signals the grid window connects to.

The app keeps one for the runner's life, so a run goes on while its window is closed, and a window opened
again picks up its events."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.model.grid import CellKey, CellResult, GridProgress, RunState


class GridSignals(QObject):
    """Implements core.grid.runner.GridEvents by emitting signals."""

    cellStarted = Signal(int, object)
    """(run id, CellKey)"""
    cellFinished = Signal(int, object)
    """(run id, CellResult)"""
    progressChanged = Signal(int, object)
    """(run id, GridProgress)"""
    runStateChanged = Signal(int, object)
    """(run id, RunState)"""

    def cell_started(self, run_id: int, key: CellKey) -> None:
        self.cellStarted.emit(run_id, key)

    def cell_finished(self, run_id: int, result: CellResult) -> None:
        self.cellFinished.emit(run_id, result)

    def progress(self, run_id: int, progress: GridProgress) -> None:
        self.progressChanged.emit(run_id, progress)

    def run_state_changed(self, run_id: int, state: RunState) -> None:
        self.runStateChanged.emit(run_id, state)
