"""The bridge from the judge runner (plain asyncio) to Qt signals: the grid window shows each judgement as it
arrives and the judge dialog follows the progress. The app keeps one for the runner's life."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.model.judging import PairJudgement, RubricScore


class JudgeSignals(QObject):
    """Implements core.judging.judge_runner.JudgeEvents by emitting signals."""

    judgementFinished = Signal(int, object)
    """(run id, RubricScore | PairJudgement)"""
    progressChanged = Signal(int, int, int, float)
    """(run id, judged, total, dollars spent so far)"""

    def judgement_finished(self, run_id: int, judgement: RubricScore | PairJudgement) -> None:
        self.judgementFinished.emit(run_id, judgement)

    def progress(self, run_id: int, done: int, total: int, cost_so_far: float) -> None:
        self.progressChanged.emit(run_id, done, total, cost_so_far)
