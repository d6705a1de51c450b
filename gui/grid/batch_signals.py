"""The batch runner's events as Qt signals: collected cells and progress as a live run's (the grid window
handles them alike), plus the batch's own status for the run bar."""

from __future__ import annotations

from PySide6.QtCore import Signal

from core.model.judging import BatchJob
from gui.grid.run_signals import GridSignals


class BatchSignals(GridSignals):
    """Implements core.grid.batch_runner's events by emitting signals."""

    batchStatusChanged = Signal(int, object)
    """(run id, BatchJob)"""

    def batch_status(self, job: BatchJob) -> None:
        self.batchStatusChanged.emit(job.run_id, job)
