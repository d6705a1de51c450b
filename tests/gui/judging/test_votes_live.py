"""Votes cast and taken back reach what shows them while it is open, in the real app against the fake server:
the leaderboard window re-rates as the grid's blind votes come and go (a burst of votes read by one more
rating, not one each), and the grid's judge agreement, in an open cell's judgements too, follows an undo."""

from __future__ import annotations

import asyncio
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.model.judging import Outcome, Vote, VoteSource, VoteSourceKind
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start
from tests.gui.judging.test_judge_pass import open_judge, run_grid, verdict
from tests.gui.judging.test_votes import active

AGREED = "The judge agreed with your blind votes on 1 of 1 pairs"


def test_the_open_leaderboard_follows_votes_cast_and_taken_back(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        window = await run_grid(app, server, columns=2)
        assert app.app.leaderboard is not None
        board = app.app.leaderboard.open()
        await wait_until(lambda: "No votes yet" in board.summary.text(), timeout=15, what="no votes")

        # A blind vote in the grid's vote window: the open leaderboard rates the two columns.
        window.vote_button.click()
        assert window.vote_window is not None
        panel = window.vote_window.panel
        panel.reveal_ms = 10
        await active(panel)
        winner = panel.ballots[0].entrants[0].identity.label
        qtbot.keyClick(panel, Qt.Key.Key_1)
        await wait_until(lambda: board.table.rowCount() == 2, timeout=15, what="the ratings of the vote")
        assert board.rows()[0][1] == winner and board.rows()[0][4] == "1"
        assert board.summary.text().startswith("1 vote")

        # Taken back: the leaderboard is empty again.
        await wait_until(lambda: "Every ballot has a vote" in panel.progress.text(), what="the end")
        qtbot.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: "No votes yet" in board.summary.text(), timeout=15, what="the vote gone")
        assert board.table.rowCount() == 0 and board.chart.intervals() == []

        # A burst of votes: one rating under way at a time, and one more for all that came meanwhile.
        before = board.readings
        ballot = panel.ballots[0]
        burst = [
            Vote(None, VoteSource(VoteSourceKind.GRID, ballot.source.run_id, 0), tuple(
                e.identity for e in ballot.entrants
            ), tuple(e.column for e in ballot.entrants), Outcome.WIN, n % 2)
            for n in range(6)
        ]  # fmt: skip
        await asyncio.gather(*(app.app.votes.save_vote(vote) for vote in burst))
        await wait_until(lambda: board.summary.text().startswith("6 vote"), timeout=15, what="the burst")
        assert board.readings - before <= 2, board.readings - before
        assert sorted(row[3] for row in board.rows()) == ["6", "6"]
        assert await app.quit() == 0

    run(qloop, body(), timeout=120)


def test_a_vote_taken_back_updates_the_judge_agreement_and_the_open_cell(
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
        dialog.close()
        judge = window.judge
        assert judge is not None and judge.agreement is None, "no vote yet"
        window.open_cell(window.model.index(0, 0))
        cell = window.cell_dialog
        assert cell is not None and cell.judgements is not None
        assert AGREED not in cell.judgements.toPlainText()

        # A vote for column 0 on the same pair: the open cell shows the agreement as it comes.
        window.vote_button.click()
        assert window.vote_window is not None
        panel = window.vote_window.panel
        panel.reveal_ms = 10
        await active(panel)
        first = panel.ballots[0].entrants[0].column
        qtbot.keyClick(panel, Qt.Key.Key_1 if first == 0 else Qt.Key.Key_2)
        await wait_until(lambda: judge.agreement is not None, timeout=15, what="the agreement")
        await wait_until(lambda: AGREED in cell.judgements.toPlainText(), what="the cell's agreement")

        # Taken back with Ctrl+Z: no vote, so no agreement, in the grid and in the open cell.
        qtbot.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: judge.agreement is None, timeout=15, what="the agreement gone")
        await wait_until(lambda: AGREED not in cell.judgements.toPlainText(), what="the cell without it")
        assert "“temperature 0.0” better (in both orders)" in cell.judgements.toPlainText()
        assert await app.quit() == 0

    run(qloop, body(), timeout=120)
