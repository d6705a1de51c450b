"""The bridge from the judge runners (live and batch; plain asyncio) to Qt signals: the grid window shows each
judgement as it arrives and the judge dialog follows the progress and a batch's status. The app keeps one
for the runners' life."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.model.judging import BatchJob, PairJudgement, RubricScore


class JudgeSignals(QObject):
    """Implements core.judging.judge_runner.JudgeEvents and core.judging.judge_batch.JudgeBatchEvents by
    emitting signals."""

    judgementFinished = Signal(int, object)
    """(run id, RubricScore | PairJudgement)"""
    progressChanged = Signal(int, int, int, float)
    """(run id, judged, total, dollars spent so far)"""
    batchStatusChanged = Signal(int, object)
    """(run id, BatchJob) of a judge pass sent as a batch"""
    batchFailed = Signal(int, object, str)
    """(run id, BatchJob, why following it stopped)"""

    def judgement_finished(self, run_id: int, judgement: RubricScore | PairJudgement) -> None:
        self.judgementFinished.emit(run_id, judgement)

    def progress(self, run_id: int, done: int, total: int, cost_so_far: float) -> None:
        self.progressChanged.emit(run_id, done, total, cost_so_far)

    def batch_status(self, run_id: int, job: BatchJob) -> None:
        self.batchStatusChanged.emit(run_id, job)

    def batch_failed(self, run_id: int, job: BatchJob, message: str) -> None:
        self.batchFailed.emit(run_id, job, message)
