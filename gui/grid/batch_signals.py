"""The batch runner's events as Qt signals: collected cells and progress as a live run's (the grid window
handles them alike), plus the batch's own status for the run bar and what went wrong following it."""

from __future__ import annotations

from PySide6.QtCore import Signal

from core.model.conversation import ReplyError
from core.model.judging import BatchJob
from gui.grid.run_signals import GridSignals


class BatchSignals(GridSignals):
    """Implements core.grid.batch_runner.GridBatchEvents by emitting signals."""

    batchStatusChanged = Signal(int, object)
    """(run id, BatchJob)"""
    resultsIgnored = Signal(int, object)
    """(run id, tuple of custom ids the batch never sent)"""
    batchFailed = Signal(int, object, object)
    """(run id, BatchJob, ReplyError)"""

    def batch_status(self, run_id: int, job: BatchJob) -> None:
        self.batchStatusChanged.emit(run_id, job)

    def results_ignored(self, run_id: int, custom_ids: tuple[str, ...]) -> None:
        self.resultsIgnored.emit(run_id, custom_ids)

    def batch_failed(self, run_id: int, job: BatchJob, error: ReplyError) -> None:
        self.batchFailed.emit(run_id, job, error)
