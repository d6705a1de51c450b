"""The LLM judge through the real grid window against the fake server: Judge… prices the pass before anything
is sent, runs it with progress, and the scores appear in the grid (a quality figure per cell), the charts
(quality against cost) and each cell's dialog (the judge's reasons; an answer that never followed the format
shown unscored with the judge's reply; a refusal said as one)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text
from core.demo.batches import BatchPlan
from core.model.catalog import cost_of
from core.model.grid import GridVariant, RunState, TestCase
from core.model.judging import (
    JudgeKind,
    JudgementStatus,
    Outcome,
    VariantIdentity,
    Vote,
    VoteSource,
    VoteSourceKind,
    variant_key,
)
from core.model.messages import Usage
from gui.grid.table_model import QUALITY_ROLE
from gui.grid.window import GridWindow
from gui.judging.judge_dialog import JudgeDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start
from tests.gui.grid.test_batch_run import FAST
from tests.gui.grid.test_grid_window import open_grid
from tests.gui.judging.test_votes import active

SCORED = json.dumps(
    {"scores": {"correctness": 5, "helpfulness": 4, "clarity": 3}, "reasons": "Right, and brief."}
)
MALFORMED = "It is quite a good answer, I would say four out of five."
REFUSAL = "I can't grade this reply."


async def run_grid(app: Running, server: FakeServer, columns: int) -> GridWindow:
    """A finished run of one case against `columns` temperatures, one repeat each, judged one at a time."""
    window = await open_grid(app)
    window.editor.name.setText("Capitals")
    window.editor.template.setPlainText("What is the capital of {{country}}?")
    window.editor.add_cases([TestCase("France", {"country": "France"}, expected="Paris")])
    base = app.window.current_settings()
    window.variants.set_variants(
        [GridVariant("Relay", dataclasses.replace(base, temperature=t / 2)) for t in range(columns)]
    )
    window.repeats.setValue(1)
    # One request at a time, the judge's too: its scripted answers then go to the cells in order.
    window.concurrency.setValue(1)
    window.confirm_above.setValue(1000.0)
    server.enqueue(*[Reply([Text(f"Paris ({n}).")], usage=Usage(20, 5)) for n in range(columns)])
    window.run_button.click()
    await wait_until(lambda: window.run_bar.state == RunState.DONE, timeout=30, what="the run to finish")
    return window


async def open_judge(window: GridWindow) -> JudgeDialog:
    assert window.judge is not None
    window.judge.judge_action.trigger()
    await wait_until(
        lambda: window.judge is not None and window.judge.dialog is not None,
        timeout=15,
        what="the judge dialog",
    )
    dialog = window.judge.dialog
    assert dialog is not None
    return dialog


def judge_requests(server: FakeServer, before: int) -> list:
    return [r for r in server.requests if r.path == "/v1/messages"][before:]


def test_a_rubric_pass_shows_scores_and_reasons_per_cell_and_its_cost_first(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await run_grid(app, server, columns=3)
        replies_sent = len(judge_requests(server, 0))
        dialog = await open_judge(window)

        # The built-in rubric is offered first, judged by the run's model until another is chosen.
        template = dialog.chosen_template()
        assert template is not None and template.kind == JudgeKind.RUBRIC
        assert dialog.model.currentText() == app.window.current_settings().model
        assert not dialog.pairs.isVisible()
        # The cost is shown before anything is sent, and Judge waits for it.
        await wait_until(lambda: dialog.judge_button.isEnabled(), timeout=15, what="the cost preview")
        assert dialog.cost.text().startswith("3 request"), dialog.cost.text()
        assert judge_requests(server, replies_sent) == [], "nothing sent before Judge is clicked"

        # Column 1: a reply that never follows the format (asked again once); column 2: a refusal.
        server.enqueue(
            Reply([Text(SCORED)], usage=Usage(300, 40)),
            Reply([Text(MALFORMED)], usage=Usage(300, 20)),
            Reply([Text(MALFORMED)], usage=Usage(400, 20)),
            Reply([Text(REFUSAL)], usage=Usage(300, 10)),
        )
        dialog.judge_button.click()
        await wait_until(lambda: dialog.running, timeout=15, what="the pass to start")
        await wait_until(lambda: not dialog.running, timeout=30, what="the pass to end")
        assert dialog.progress.value() == 3
        assert dialog.progress_label.text() == "Judged: 1 of 3 replies scored."
        sent = judge_requests(server, replies_sent)
        assert len(sent) == 4, "the malformed answer asked again once"
        assert "Paris (0)." in json.dumps(sent[0].body)

        # The grid: column 0 shows its quality (the mean of 5, 4, 3); the others none.
        model = window.model
        await wait_until(
            lambda: model.data(model.index(0, 0), QUALITY_ROLE) == 4.0, timeout=15, what="the quality"
        )
        assert "quality 4.0/5" in model.cell_text(0, 0)
        assert model.data(model.index(0, 1), QUALITY_ROLE) is None
        assert "quality" not in model.cell_text(0, 2)

        # The statistics gain the judge's quality; the charts its quality against cost, column 0 alone scored.
        window.tabs.setCurrentWidget(window.stats_page)
        await wait_until(lambda: window.stats_view is not None, timeout=15, what="the statistics")
        table = window.stats_view.columns_table
        await wait_until(
            lambda: (
                table.columnCount() > 0
                and table.horizontalHeaderItem(5) is not None
                and table.horizontalHeaderItem(5).text() == "Judge's quality (1–5)"
            ),
            timeout=15,
            what="the quality column",
        )
        assert table.item(0, 5).text().startswith("median 4.0")
        window.tabs.setCurrentWidget(window.charts_page)
        await wait_until(
            lambda: window.charts is not None and window.charts.front == [0], timeout=15, what="the chart"
        )

        # Each cell's dialog: the scores with the judge's reasons; unscored with the raw reply; refused.
        window.open_cell(model.index(0, 0))
        assert window.cell_dialog is not None and window.cell_dialog.judgements is not None
        shown = window.cell_dialog.judgements.toPlainText()
        assert "quality 4.0/5 (correctness 5/5, helpfulness 4/5, clarity 3/5)" in shown
        assert "Reasons: Right, and brief." in shown
        window.open_cell(model.index(0, 1))
        shown = window.cell_dialog.judgements.toPlainText()
        assert "unscored: the judge's reply did not follow the format, even when asked again" in shown
        assert MALFORMED in shown
        window.open_cell(model.index(0, 2))
        shown = window.cell_dialog.judgements.toPlainText()
        assert "refused: the judge declined" in shown and REFUSAL in shown

        # Stored: the scores outlive the window, read back when the run is shown again.
        assert window.run is not None and window.run.id is not None
        scores = await app.app.services.judging.rubric_scores(window.run.id)
        assert sorted(s.status for s in scores) == sorted(
            [JudgementStatus.SCORED, JudgementStatus.UNSCORED, JudgementStatus.REFUSED]
        )
        window.close()
        await wait_until(
            lambda: app.app.grid is not None and app.app.grid.grid_window is None, timeout=15, what="closed"
        )
        reopened = await open_grid(app)
        await wait_until(
            lambda: reopened.model.data(reopened.model.index(0, 0), QUALITY_ROLE) == 4.0,
            timeout=15,
            what="the quality read back",
        )
        assert await app.quit() == 0

    run(qloop, body(), timeout=120)


def verdict(winner: str) -> Reply:
    return Reply([Text(json.dumps({"winner": winner, "reasons": f"Picked {winner}."}))], usage=Usage(500, 30))


def test_a_pairwise_pass_shows_disagreements_and_the_agreement_with_blind_votes(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await open_grid(app)
        window.editor.name.setText("Capitals")
        window.editor.template.setPlainText("What is the capital of {{country}}?")
        window.editor.add_cases([TestCase("France", {"country": "France"})])
        base = app.window.current_settings()
        variants = [GridVariant("Relay", dataclasses.replace(base, temperature=t)) for t in (0.0, 1.0)]
        window.variants.set_variants(variants)
        window.repeats.setValue(3)
        window.concurrency.setValue(1)
        window.confirm_above.setValue(1000.0)
        server.enqueue(*[Reply([Text(f"Paris, {n}.")], usage=Usage(20, 5)) for n in range(6)])
        window.run_button.click()
        await wait_until(lambda: window.run_bar.state == RunState.DONE, timeout=30, what="the run to finish")
        assert window.run is not None and window.run.id is not None
        run_id = window.run.id

        # The user's blind votes on the same pairs: column 0 better in repeat 1, a tie in repeat 2.
        identities = tuple(
            VariantIdentity(variant_key(v.profile_name, v.settings), name)
            for v, name in zip(variants, window.names, strict=True)
        )
        judging = app.app.services.judging
        for repeat, outcome, winner in ((0, Outcome.WIN, 0), (1, Outcome.TIE, None), (2, Outcome.WIN, 1)):
            source = VoteSource(VoteSourceKind.GRID, run_id, 0, repeat)
            await judging.save_vote(Vote(None, source, identities, (0, 1), outcome, winner))

        dialog = await open_judge(window)
        dialog.template.setCurrentIndex(
            next(i for i in range(dialog.template.count()) if "Pairwise" in dialog.template.itemText(i))
        )
        assert dialog.pairs.isVisible() and dialog.pairs.count() == 1
        assert dialog.pairs.item(0).text() == "“temperature 0.0” vs “temperature 1.0”"
        await wait_until(lambda: dialog.judge_button.isEnabled(), timeout=15, what="the cost preview")
        assert dialog.cost.text().startswith("6 request"), "3 repeats, each pair asked in both orders"

        # Repeat 1: column 0 in both orders; repeat 2: column 1 in both; repeat 3: "A" both times, which
        # is column 0 as shown and column 1 swapped: the judge disagrees with itself, no verdict.
        server.enqueue(verdict("A"), verdict("B"), verdict("B"), verdict("A"), verdict("A"), verdict("A"))
        dialog.judge_button.click()
        await wait_until(lambda: dialog.running, timeout=15, what="the pass to start")
        await wait_until(lambda: not dialog.running, timeout=30, what="the pass to end")
        finished = dialog.progress_label.text()
        assert finished.startswith("Judged 3 pairs; the judge disagreed with itself on 1."), finished
        # Agreement on the two pairs with a verdict: repeat 1 agreed (column 0), repeat 2 did not (the user
        # said tie). Kappa: observed 1/2, chance 1/4, so (0.5 - 0.25) / 0.75.
        expected = "The judge agreed with your blind votes on 1 of 2 pairs (50%, Cohen's κ 0.33)."
        assert expected in finished

        window.open_cell(window.model.index(0, 1))
        assert window.cell_dialog is not None and window.cell_dialog.judgements is not None
        shown = window.cell_dialog.judgements.toPlainText()
        assert (
            "Repeat 1: “temperature 0.0” vs “temperature 1.0” · “temperature 0.0” better (in both orders)"
            in shown
        )
        assert (
            "Repeat 2: “temperature 0.0” vs “temperature 1.0” · “temperature 1.0” better (in both orders)"
            in shown
        )
        assert (
            "Repeat 3: “temperature 0.0” vs “temperature 1.0” · the judge disagreed with itself: "
            "“temperature 0.0” better as shown, “temperature 1.0” better with the replies swapped; no verdict"
        ) in shown
        assert expected in shown
        assert await app.quit() == 0

    run(qloop, body(), timeout=120)


def test_a_judge_pass_as_a_batch_scores_the_cells_at_the_batch_price(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server, batch_poll=FAST)
        window = await run_grid(app, server, columns=2)
        replies_sent = len(judge_requests(server, 0))
        dialog = await open_judge(window)
        # The provider takes batches: the choice is offered, and both prices shown before anything is sent.
        await wait_until(lambda: not dialog.batch.isHidden(), timeout=15, what="the batch choice")
        await wait_until(lambda: dialog.judge_button.isEnabled(), timeout=15, what="the cost preview")
        dialog.batch.setChecked(True)
        shown = dialog.cost.text()
        assert "live $" in shown and "as a batch $" in shown and shown.endswith("(chosen)"), shown

        other = json.dumps(
            {"scores": {"correctness": 2, "helpfulness": 2, "clarity": 2}, "reasons": "Vague."}
        )
        server.plan_batches(
            BatchPlan(
                polls=20,  # in progress long enough to be seen so on a loaded machine
                results={
                    "j0_o0": Reply([Text(SCORED)], usage=Usage(300, 40)),
                    "j1_o0": Reply([Text(other)], usage=Usage(300, 40)),
                },
            )
        )
        dialog.judge_button.click()
        await wait_until(
            lambda: dialog.batch_status.text().startswith("Batch in progress"), timeout=15, what="the batch"
        )
        await wait_until(lambda: not dialog.running, timeout=30, what="the batch collected")
        assert dialog.progress_label.text() == "Judged: 2 of 2 replies scored."
        assert judge_requests(server, replies_sent) == [], "nothing judged live"
        model = window.model
        await wait_until(
            lambda: model.data(model.index(0, 1), QUALITY_ROLE) == 2.0, timeout=15, what="the scores"
        )
        assert model.data(model.index(0, 0), QUALITY_ROLE) == 4.0
        assert window.run is not None and window.run.id is not None
        scores = await app.app.services.judging.rubric_scores(window.run.id)
        live = cost_of(Usage(300, 40), dialog.model.currentText(), {})
        assert live is not None
        assert [round(s.cost_usd or 0, 9) for s in scores] == [round(live / 2, 9)] * 2, "the batch price"
        assert await app.quit() == 0

    run(qloop, body(), timeout=120)


def test_a_judge_batch_open_at_quit_is_collected_after_the_restart(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server, batch_poll=FAST)
        window = await run_grid(app, server, columns=1)
        dialog = await open_judge(window)
        await wait_until(lambda: not dialog.batch.isHidden(), timeout=15, what="the batch choice")
        await wait_until(lambda: dialog.judge_button.isEnabled(), timeout=15, what="the cost preview")
        dialog.batch.setChecked(True)
        # Ends only after many polls: the app quits while the judge's batch is in progress.
        server.plan_batches(
            BatchPlan(polls=40, results={"j0_o0": Reply([Text(SCORED)], usage=Usage(300, 40))})
        )
        dialog.judge_button.click()
        await wait_until(
            lambda: dialog.batch_status.text().startswith("Batch in progress"), timeout=15, what="the batch"
        )
        assert await app.quit() == 0

        again = await start(qapp, tmp_path / "data", server, batch_poll=FAST)
        reopened = await open_grid(again)
        model = reopened.model
        await wait_until(
            lambda: model.data(model.index(0, 0), QUALITY_ROLE) == 4.0, timeout=30, what="the judge's score"
        )
        assert "quality 4.0/5" in model.cell_text(0, 0)
        assert await again.quit() == 0

    run(qloop, body(), timeout=120)


def test_a_blind_vote_cast_or_taken_back_after_judging_updates_the_agreement_and_the_open_cell(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await run_grid(app, server, columns=2)
        dialog = await open_judge(window)
        dialog.template.setCurrentIndex(
            next(i for i in range(dialog.template.count()) if "Pairwise" in dialog.template.itemText(i))
        )
        await wait_until(lambda: dialog.judge_button.isEnabled(), timeout=15, what="the cost preview")
        server.enqueue(verdict("A"), verdict("B"))  # column 0 better, in both orders
        dialog.judge_button.click()
        await wait_until(lambda: dialog.running, timeout=15, what="the pass to start")
        await wait_until(lambda: not dialog.running, timeout=30, what="the pass to end")
        judge = window.judge
        assert judge is not None and judge.agreement is None, "no vote yet"
        dialog.close()
        window.open_cell(window.model.index(0, 0))
        cell = window.cell_dialog
        assert cell is not None and cell.judgements is not None
        judgements = cell.judgements
        agreed = (
            "The judge agreed with your blind votes on 1 of 1 pairs (100%, Cohen's κ undefined (one answer "
            "throughout))."
        )
        assert agreed not in judgements.toPlainText()

        # The user votes blind on the same pair, for column 0, in the grid's vote window: the agreement
        # shows, in the cell dialog left open too.
        window.vote_button.click()
        assert window.vote_window is not None
        panel = window.vote_window.panel
        panel.reveal_ms = 10
        await active(panel)
        first = panel.ballots[0].entrants[0].column
        qtbot.keyClick(panel, Qt.Key.Key_1 if first == 0 else Qt.Key.Key_2)
        await wait_until(lambda: judge.agreement is not None, timeout=15, what="the agreement")
        await wait_until(lambda: agreed in judgements.toPlainText(), what="the open cell's agreement")

        # Taken back with Ctrl+Z: no vote, so no agreement, in the grid and in the open cell.
        qtbot.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: judge.agreement is None, timeout=15, what="the agreement gone")
        await wait_until(lambda: agreed not in judgements.toPlainText(), what="the open cell without it")
        assert "“temperature 0.0” better (in both orders)" in judgements.toPlainText()
        assert await app.quit() == 0

    run(qloop, body(), timeout=120)
