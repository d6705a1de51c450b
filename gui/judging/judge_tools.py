"""What the grid window needs to judge a run, handed in by the app (the composition root builds the runner),
so the window builds no runner of its own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.judging.judge_batch import JudgeBatchRunner
    from core.judging.judge_runner import JudgeRunner
    from core.store.services import JudgingService
    from gui.judging.judge_dialog import BatchProbe, JudgeEstimator
    from gui.judging.judge_signals import JudgeSignals


@dataclass
class JudgeTools:
    judging: JudgingService
    runner: JudgeRunner
    signals: JudgeSignals
    estimate: JudgeEstimator | None = None
    models: Callable[[], list[str]] = list
    """The models offered for the judge (the catalog's and the providers' own)."""
    batches: JudgeBatchRunner | None = None
    """A judge pass sent as a Message Batch (None: judged live only)."""
    supports_batches: BatchProbe | None = None
