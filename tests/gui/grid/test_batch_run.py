"""A grid run sent as a Message Batch, through the real grid window against the fake server's batches
endpoints: the choice offered with the live and batch price side by side, the batch's status in the run bar,
its results collected into the same cells at the batch price, Cancel, and a batch a quit left open followed
again after the restart."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from core.demo import FakeServer, Reply, Text
from core.demo.batches import BatchPlan
from core.grid.batch_flow import PollPolicy
from core.grid.batch_runner import custom_id
from core.model.catalog import cost_of
from core.model.conversation import ErrorKind
from core.model.grid import CellKey, CellStatus, GridVariant, RunState, TestCase
from core.model.messages import Usage
from gui.grid.window import GridWindow
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start
from tests.gui.grid.test_grid_window import open_grid

FAST = PollPolicy(first=0.05, factor=1.0, longest=0.05)
USAGE = Usage(40, 10)


def fill(window: GridWindow, app: Running, *, cases: int) -> list[CellKey]:
    window.editor.name.setText("Capitals")
    window.editor.template.setPlainText("What is the capital of {{country}}?")
    window.editor.add_cases([TestCase(f"case {n}", {"country": f"Country {n}"}) for n in range(cases)])
    base = app.window.current_settings()
    window.variants.set_variants(
        [GridVariant("Relay", dataclasses.replace(base, temperature=t)) for t in (0.0, 1.0)]
    )
    window.repeats.setValue(1)
    window.confirm_above.setValue(1000.0)  # no question: this test is about the batch
    return [CellKey(case, variant, 0) for case in range(cases) for variant in range(2)]


def batch_requests(server: FakeServer, suffix: str = "") -> list:
    return [
        r for r in server.requests if r.path.startswith("/v1/messages/batches") and r.path.endswith(suffix)
    ]


def test_a_grid_run_as_a_batch_collects_its_results_into_the_cells(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server, batch_poll=FAST)
        window = await open_grid(app)
        keys = fill(window, app, cases=2)
        # The fake server serves batches: the choice is offered, unchecked (live stays the default).
        await wait_until(lambda: window.batch_choice.offered, timeout=15, what="the batch choice")
        assert not window.batch_choice.isChecked()
        assert window.batch_choice.text() == "Run as a batch (half price, results within 24 h)"
        await window.show_estimate()
        assert "live $" in window.cost_label.text() and "as a batch $" in window.cost_label.text()
        assert "live $" in window.cost_label.text().split("·")[1] and "(chosen)" in window.cost_label.text()
        window.batch_choice.setChecked(True)
        live, batch = window.cost_label.text().split(" · ")[1:3]
        assert batch.endswith("(chosen)") and not live.endswith("(chosen)")

        server.plan_batches(
            BatchPlan(
                polls=20,  # in progress long enough to be seen so on a loaded machine
                results={
                    custom_id(key): Reply([Text(f"Answer {key.case}/{key.variant}")], usage=USAGE)
                    for key in keys
                },
            )
        )
        window.run_button.click()
        await wait_until(
            lambda: window.run_bar.batch is not None, timeout=15, what="the batch in the run bar"
        )
        assert window.run_bar.label.text().startswith("Batch in progress: 0 of 4 answered")
        assert window.run_bar.cancel_button.isEnabled() and not window.run_bar.pause_button.isEnabled()
        await wait_until(
            lambda: window.run_bar.state == RunState.DONE, timeout=20, what="the batch collected"
        )
        await wait_until(
            lambda: window.run_bar.batch is None, timeout=15, what="the run bar back to the run's figures"
        )

        # Nothing went live: one batch created with the four cells, no /v1/messages request.
        assert [r.path for r in server.requests if r.path == "/v1/messages"] == []
        created = [
            r for r in batch_requests(server) if r.method == "POST" and r.path == "/v1/messages/batches"
        ]
        assert len(created) == 1 and len(created[0].body["requests"]) == 4
        for key in keys:
            assert (
                window.model.cell_text(key.case, key.variant).splitlines()[0]
                == f"Answer {key.case}/{key.variant}"
            )
        shown = window.current_run()
        assert shown is not None
        model = app.window.current_settings().model
        for result in shown.cells.values():
            assert result.status == CellStatus.DONE
            assert result.metrics is not None and result.metrics.cost_usd is not None
            live_cost = cost_of(USAGE, model, {})
            assert live_cost is not None and abs(result.metrics.cost_usd - live_cost / 2) < 1e-12, (
                "batch price"
            )
        assert "4 done · 0 failed · 0 remaining" in window.run_bar.label.text()
        assert await app.quit() == 0

    run(qloop, body(), timeout=90)


def test_a_batch_is_cancelled_from_the_run_bar(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server, batch_poll=FAST)
        window = await open_grid(app)
        fill(window, app, cases=1)
        await wait_until(lambda: window.batch_choice.offered, timeout=15, what="the batch choice")
        window.batch_choice.setChecked(True)
        server.plan_batches(BatchPlan(polls=100_000))  # never ends on its own
        window.run_button.click()
        await wait_until(
            lambda: window.run_bar.batch is not None, timeout=15, what="the batch in the run bar"
        )
        assert window.run_bar.cancel_button.isEnabled()
        window.run_bar.cancel_button.click()
        await wait_until(
            lambda: batch_requests(server, "/cancel"), timeout=15, what="the cancel sent to the provider"
        )
        await wait_until(
            lambda: window.run_bar.state == RunState.CANCELLED, timeout=20, what="the run cancelled"
        )
        shown = window.current_run()
        assert shown is not None and len(shown.cells) == 2
        for result in shown.cells.values():
            assert result.status == CellStatus.FAILED
            assert result.error is not None and result.error.kind == ErrorKind.BATCH_CANCELED
        assert window.run_bar.batch is None
        assert "cancelled" in window.run_bar.label.text()
        assert await app.quit() == 0

    run(qloop, body(), timeout=90)


def test_a_batch_open_at_quit_is_followed_again_after_the_restart(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server, batch_poll=FAST)
        window = await open_grid(app)
        keys = fill(window, app, cases=1)
        await wait_until(lambda: window.batch_choice.offered, timeout=15, what="the batch choice")
        window.batch_choice.setChecked(True)
        # Ends only after many polls: the app quits while it is in progress.
        server.plan_batches(
            BatchPlan(
                polls=40, results={custom_id(key): Reply([Text("Later.")], usage=USAGE) for key in keys}
            )
        )
        window.run_button.click()
        await wait_until(
            lambda: window.run_bar.batch is not None, timeout=15, what="the batch in the run bar"
        )
        assert await app.quit() == 0

        again = await start(qapp, tmp_path / "data", server, batch_poll=FAST)
        reopened = await open_grid(again)
        await wait_until(
            lambda: reopened.run_bar.state == RunState.DONE, timeout=30, what="the batch collected"
        )
        for key in keys:
            assert reopened.model.cell_text(key.case, key.variant).splitlines()[0] == "Later."
        assert await again.quit() == 0

    run(qloop, body(), timeout=120)
