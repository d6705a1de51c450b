"""The run bar: a grid run's progress (done, failed, remaining), time left and spend so far, with Pause,
Resume, Cancel and Retry failed. A run sent as a batch shows the batch's own status (answered so far, when it
expires) with Cancel; a batch cannot be paused."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.model.grid import GridProgress, RunState
from core.model.judging import BatchCounts, BatchJob, BatchStatus


class RunBar(QWidget):
    """Signals: pauseRequested, resumeRequested, cancelRequested, retryRequested (no arguments)."""

    pauseRequested = Signal()
    resumeRequested = Signal()
    cancelRequested = Signal()
    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: RunState | None = None
        self.progress: GridProgress | None = None
        self.batch: BatchJob | None = None
        """The batch the run was sent as (one per provider, added up), while it is not yet collected."""
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.label = QLabel(self)
        # The figures grow as a run goes ("8 done · 0 failed · … · $0.0210 so far"): they wrap rather than
        # widen the window past the screen.
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pause_button = QPushButton(self)
        self.resume_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.retry_button = QPushButton(self)
        self.pause_button.clicked.connect(self.pauseRequested)
        self.resume_button.clicked.connect(self.resumeRequested)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.retry_button.clicked.connect(self.retryRequested)
        # The figures have a line of their own under the bar and its buttons: beside them, in a narrow
        # window (1024 pixels, Chinese buttons), they were squeezed to a column of one word a line.
        controls = QHBoxLayout()
        controls.addWidget(self.bar, 1)
        for button in (self.pause_button, self.resume_button, self.cancel_button, self.retry_button):
            controls.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(self.label)
        self.retranslate()
        self.show_state(None)

    def retranslate(self) -> None:
        self.pause_button.setText(self.tr("Pause"))
        self.pause_button.setAccessibleDescription(
            self.tr("Sends no more requests; those under way finish and are kept")
        )
        self.resume_button.setText(self.tr("Resume"))
        self.resume_button.setAccessibleDescription(self.tr("Goes on from the cells not yet run"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleDescription(self.tr("Stops the run for good; what finished is kept"))
        self.retry_button.setText(self.tr("Retry failed"))
        self.retry_button.setAccessibleDescription(self.tr("Runs the failed repeats again"))
        self.bar.setAccessibleName(self.tr("Run progress"))
        self.bar.setAccessibleDescription(self.tr("The share of the run's requests that have ended"))
        self._show_text()

    def show_state(self, state: RunState | None) -> None:
        """None: no run shown."""
        self.state = state
        running = state == RunState.RUNNING
        failed = self.progress is not None and self.progress.failed > 0
        batch = self.batch is not None
        self.pause_button.setEnabled(running and not batch)
        self.resume_button.setEnabled(state == RunState.PAUSED and not batch)
        self.cancel_button.setEnabled(
            self.batch.status == BatchStatus.IN_PROGRESS
            if self.batch is not None
            else state in (RunState.RUNNING, RunState.PAUSED)
        )
        self.retry_button.setEnabled(failed and state in (RunState.DONE, RunState.PAUSED) and not batch)
        self._show_text()

    def show_batches(self, jobs: Sequence[BatchJob]) -> None:
        """The batches the shown run was sent as (none: a live run, or its batches all collected)."""
        self.batch = combined(jobs)
        if self.batch is not None:
            counts = self.batch.counts
            total = counts.total or len(self.batch.custom_ids)
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(total - counts.processing if counts.total else 0)
        self.show_state(self.state)

    def show_progress(self, progress: GridProgress | None) -> None:
        self.progress = progress
        if self.batch is not None:  # the batch's own counts drive the bar until it is collected
            self.show_state(self.state)
            return
        total = (progress.done + progress.failed + progress.remaining) if progress is not None else 0
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(progress.done + progress.failed if progress is not None else 0)
        self.show_state(self.state)

    def _show_text(self) -> None:
        if self.batch is not None:
            from gui.judging.batch_words import batch_status_text

            self.label.setText(batch_status_text(self.batch))
            return
        progress = self.progress
        if progress is None:
            self.label.setText(self.tr("No run yet") if self.state is None else "")
            return
        parts = [
            self.tr("{done} done").format(done=progress.done),
            self.tr("{failed} failed").format(failed=progress.failed),
            self.tr("{remaining} remaining").format(remaining=progress.remaining),
        ]
        if self.state == RunState.RUNNING and progress.eta_seconds is not None:
            parts.append(eta_text(progress.eta_seconds))
        parts.append(self.tr("${cost:.4f} so far").format(cost=progress.cost_so_far_usd))
        if self.state is not None:
            parts.append(state_text(self.state))
        self.label.setText(" · ".join(parts))


def eta_text(seconds: float) -> str:
    if seconds < 60:
        return QCoreApplication.translate("RunBar", "about {n} s left").format(n=max(1, round(seconds)))
    if seconds < 3600:
        return QCoreApplication.translate("RunBar", "about {n} min left").format(n=round(seconds / 60))
    return QCoreApplication.translate("RunBar", "about {h:.1f} h left").format(h=seconds / 3600)


def state_text(state: RunState) -> str:
    words = {
        RunState.RUNNING: QCoreApplication.translate("RunBar", "running"),
        RunState.PAUSED: QCoreApplication.translate("RunBar", "paused"),
        RunState.DONE: QCoreApplication.translate("RunBar", "finished"),
        RunState.CANCELLED: QCoreApplication.translate("RunBar", "cancelled"),
    }
    return words[state]


def combined(jobs: Sequence[BatchJob]) -> BatchJob | None:
    """A run's batches (per provider, and as many as the API's limits needed) as one for the bar: counts
    added up over all of them, those already collected included (so the figures never go back as one is
    collected), in progress while any is, expiring when the first open one expires; None once every one is
    collected."""
    open_jobs = [job for job in jobs if job.status != BatchStatus.COLLECTED]
    if not open_jobs:
        return None
    if len(jobs) == 1:
        return open_jobs[0]
    order = (BatchStatus.IN_PROGRESS, BatchStatus.CANCELING, BatchStatus.ENDED)
    status = next(s for s in order if any(job.status == s for job in open_jobs))
    counts = BatchCounts(
        *(sum(getattr(job.counts, name) for job in jobs) for name in BatchCounts.__dataclass_fields__)
    )
    expiries = [job.expires_at for job in open_jobs if job.expires_at is not None]
    custom_ids = {k: v for job in jobs for k, v in job.custom_ids.items()}
    first = open_jobs[0]
    return BatchJob(
        None, first.batch_id, first.profile_name, first.run_id, first.purpose, custom_ids, status, counts,
        first.created_at, min(expiries) if expiries else None,
    )  # fmt: skip
