"""Live or batch: when every column's provider takes Message Batches (probed off the UI thread, once per
profile), the grid offers "Run as a batch (half price, results within 24 h)" beside Run, and the cost line
shows the live and the batch price side by side. Providers without batches run live, as before."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QWidget

from core.model.judging import BatchJob

if TYPE_CHECKING:
    from core.grid.batch_runner import GridBatchRunner
    from gui.grid.batch_signals import BatchSignals
    from gui.judging.judge_dialog import BatchProbe


@dataclass
class BatchTools:
    """What the grid window needs to send a run as a batch, handed in by the app."""

    runner: GridBatchRunner
    signals: BatchSignals
    """The batch runner's events: collected cells and progress as a live run's, plus its status."""
    supports_batches: BatchProbe
    jobs: Callable[[int], Awaitable[list[BatchJob]]]
    """A run's batch jobs from the store (the judging service's `batch_jobs`)."""


class BatchChoice(QCheckBox):
    """Hidden until a probe finds that every profile asked about takes batches."""

    def __init__(self, probe: BatchProbe | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._probe = probe
        self._asked: frozenset[str | None] | None = None
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Run as a batch (half price, results within 24 h)"))
        self.setAccessibleDescription(
            self.tr("Sends every request of the run as Message Batches at the batch price")
        )

    @property
    def offered(self) -> bool:
        return not self.isHidden()

    @property
    def chosen(self) -> bool:
        return self.offered and self.isChecked()

    async def probe(self, profiles: Iterable[str | None]) -> bool:
        """Offer the choice when every profile's provider takes batches; says whether it is offered."""
        asked = frozenset(profiles)
        self._asked = asked
        if self._probe is None or not asked:
            self.setVisible(False)
            return False
        answers = await asyncio.gather(*(self._probe(profile) for profile in asked))
        if self._asked != asked:
            return self.offered  # the columns changed while asking: the newer probe decides
        offered = all(answers)
        self.setVisible(offered)
        if not offered:
            self.setChecked(False)
        return offered
