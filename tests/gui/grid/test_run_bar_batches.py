"""The run bar over a run sent as several Message Batches (split at the API's limits): its figures are the
sum over all of them, one already collected included, so they never go back while the others end."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from core.model.grid import RunState
from core.model.judging import BatchCounts, BatchJob, BatchPurpose, BatchStatus
from gui.grid.run_bar import RunBar

NOW = 1_800_000_000.0


def job(number: int, status: BatchStatus, counts: BatchCounts) -> BatchJob:
    ids = {f"c{number}_{n}": f"{number}:0:{n}" for n in range(counts.total)}
    return BatchJob(
        number, f"msgbatch_{number}", "Relay", 7, BatchPurpose.CELLS, ids, status, counts, NOW,
        NOW + 24 * 3600,
    )  # fmt: skip


def test_the_bar_adds_up_every_batch_of_the_run_collected_ones_included(qtbot: QtBot) -> None:
    bar = RunBar()
    qtbot.addWidget(bar)
    bar.show_state(RunState.RUNNING)
    collected = job(1, BatchStatus.COLLECTED, BatchCounts(succeeded=2, expired=1))
    ended = job(2, BatchStatus.ENDED, BatchCounts(succeeded=3))
    running = job(3, BatchStatus.IN_PROGRESS, BatchCounts(processing=3))
    bar.show_batches([collected, ended, running])

    assert (bar.bar.maximum(), bar.bar.value()) == (9, 6)
    assert bar.label.text().startswith("Batch in progress: 6 of 9 answered, 1 expired")
    assert bar.cancel_button.isEnabled() and not bar.pause_button.isEnabled()

    bar.show_batches([collected, job(2, BatchStatus.COLLECTED, ended.counts), running])
    assert (bar.bar.maximum(), bar.bar.value()) == (9, 6), "a batch collected takes nothing away"

    done = job(3, BatchStatus.COLLECTED, BatchCounts(succeeded=3))
    bar.show_batches([collected, job(2, BatchStatus.COLLECTED, ended.counts), done])
    assert bar.batch is None, "every batch collected: the run's own figures again"
