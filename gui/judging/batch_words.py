"""Live and batch side by side, in the user's words: what a run (or judge pass) costs sent live, and sent as
one Message Batch at the batch price; and a batch's status as the run bar shows it."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from core.model.judging import BatchJob, BatchStatus

if TYPE_CHECKING:
    from core.grid.cost import CostPreview


class BatchWords(QObject):
    """Plurals: pyside6-lupdate reads `%n` only from `tr(text, "", count)`."""

    def requests(self, count: int) -> str:
        return self.tr("%n request(s)", "", count)


def _money(low: float, high: float) -> str:
    if abs(high - low) < 0.00005:
        return f"${high:.4f}"
    return f"${low:.4f}–${high:.4f}"


def live_cost_text(preview: CostPreview) -> str:
    """ "12 requests, $0.0120–$0.0450", with what the estimate leaves out."""
    requests = BatchWords().requests(preview.requests)
    return _with_unpriced(f"{requests}, {_money(preview.low_usd, preview.high_usd)}", preview)


def live_and_batch_text(preview: CostPreview, *, batch_offered: bool, batch_chosen: bool) -> str:
    """ "12 requests · live $0.0120–$0.0450 · as a batch $0.0060–$0.0225" (the chosen way marked), or the live
    cost alone when the provider takes no batches."""
    if not batch_offered:
        return live_cost_text(preview)
    requests = BatchWords().requests(preview.requests)
    live = _money(preview.low_usd, preview.high_usd)
    batch = _money(preview.batch_low_usd, preview.batch_high_usd)
    live_part = QCoreApplication.translate("BatchWords", "live {cost}").format(cost=live)
    batch_part = QCoreApplication.translate("BatchWords", "as a batch {cost}").format(cost=batch)
    chosen = QCoreApplication.translate("BatchWords", "{way} (chosen)")
    if batch_chosen:
        batch_part = chosen.format(way=batch_part)
    else:
        live_part = chosen.format(way=live_part)
    return _with_unpriced(" · ".join([requests, live_part, batch_part]), preview)


def _with_unpriced(text: str, preview: CostPreview) -> str:
    if preview.estimated:
        text += " " + QCoreApplication.translate(
            "BatchWords", "(input estimated here: the provider does not count tokens)"
        )
    if preview.unpriced_models:
        text += "\n" + QCoreApplication.translate(
            "BatchWords", "Not in the total (no known price): {models}"
        ).format(models=", ".join(preview.unpriced_models))
    return text


def batch_status_text(job: BatchJob, now: float | None = None) -> str:
    """ "Batch in progress: 5 of 12 answered, 1 errored · expires in 23 h"."""
    counts = job.counts
    answered = counts.succeeded + counts.errored + counts.canceled + counts.expired
    status = {
        BatchStatus.IN_PROGRESS: QCoreApplication.translate("BatchWords", "Batch in progress"),
        BatchStatus.CANCELING: QCoreApplication.translate("BatchWords", "Batch being cancelled"),
        BatchStatus.ENDED: QCoreApplication.translate("BatchWords", "Batch ended, collecting the results"),
        BatchStatus.COLLECTED: QCoreApplication.translate("BatchWords", "Batch collected"),
    }[job.status]
    parts = [
        QCoreApplication.translate("BatchWords", "{answered} of {total} answered").format(
            answered=answered, total=counts.total or len(job.custom_ids)
        )
    ]
    if counts.errored:
        parts.append(QCoreApplication.translate("BatchWords", "{n} errored").format(n=counts.errored))
    if counts.canceled:
        parts.append(QCoreApplication.translate("BatchWords", "{n} cancelled").format(n=counts.canceled))
    if counts.expired:
        parts.append(QCoreApplication.translate("BatchWords", "{n} expired").format(n=counts.expired))
    if job.status == BatchStatus.IN_PROGRESS and job.expires_at is not None:
        hours = max(0.0, job.expires_at - (now if now is not None else time.time())) / 3600
        parts.append(QCoreApplication.translate("BatchWords", "expires in {h:.0f} h").format(h=hours))
    return status + ": " + ", ".join(parts)
