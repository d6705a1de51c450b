"""Blind votes end to end: the real app against the fake server over real HTTP and a real SQLite file. A
comparison voted on with the keyboard in blind mode, a grid run voted on through "Vote blind…", and the
leaderboard built from what was voted."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Pace, Reply, Text
from core.judging.ballots import BallotMode, ballots
from core.model.grid import RunState
from core.model.judging import Outcome, VoteSourceKind
from core.model.messages import Usage
from gui.compare.view import CompareView
from gui.judging.vote_panel import VotePanel
from tests.gui.compare.test_view import open_compare
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start
from tests.gui.grid.test_grid_window import fill, open_grid

PACE = Pace(chunk_chars=8, delta_interval=0.005)
TEMPERATURES = [0.2, 0.5, 0.9]


async def active(widget: QWidget) -> None:
    """Keys reach the panel's shortcuts only in the active window."""
    widget.window().activateWindow()
    await wait_until(widget.window().isActiveWindow, what="the window to be active")


def choices(panel: VotePanel) -> list[str]:
    """The vote buttons on screen, with the key each names."""
    buttons = [*panel.choice_buttons, panel.tie_button, panel.bad_button]
    return [button.text() for button in buttons if button.isVisibleTo(panel)]


def shuffling_seed(panel: VotePanel, run_id: int, round_index: int, columns: int) -> int:
    """A seed whose pairs are not all shown in column order: the test sees the shuffle at work."""
    from core.judging.ballots import Entrant
    from core.model.judging import VariantIdentity, VoteSource

    entrants = tuple(Entrant(VariantIdentity(str(i), str(i)), i) for i in range(columns))
    source = VoteSource(VoteSourceKind.COMPARE, run_id, round_index)
    for seed in range(100):
        found = ballots(source, entrants, BallotMode.PAIRWISE, seed)
        if any([e.column for e in b.entrants] != sorted(e.column for e in b.entrants) for b in found):
            return seed
    raise AssertionError("no seed shuffles")


async def blind_compare(app: Running, temperatures: list[float]) -> CompareView:
    view = await open_compare(app)
    base = app.window.current_settings()
    while len(view.columns) < len(temperatures):
        view.add_button.click()
    for index, temperature in enumerate(temperatures):
        view.set_column_settings(index, "Relay", dataclasses.replace(base, temperature=temperature))
    view.blind_button.click()
    assert view.vote_panel is not None and view.vote_panel.isVisible()
    assert not view.metric_table.isVisible() and not view.columns[0].title.isVisible()
    return view


def test_a_comparison_voted_blind_with_the_keyboard_then_revealed_and_ranked(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await blind_compare(app, TEMPERATURES)
        panel = view.vote_panel
        assert panel is not None
        panel.reveal_ms = 60_000  # the reveal stays until Enter: the test reads it first
        panel.seed = shuffling_seed(panel, 1, 0, 3)
        server.enqueue(
            *[Reply([Text(f"Reply number {n} " * 5)], usage=Usage(10, 20), pace=PACE) for n in range(3)]
        )
        view.prompt.setPlainText("Which is better?")
        view.send_button.click()
        # While the replies come, nothing names the columns.
        await wait_until(lambda: view.run is not None, what="the run")
        assert "unnamed" in panel.progress.text()
        await wait_until(lambda: len(panel.ballots) == 3, timeout=15, what="the ballots")
        assert not view.columns[0].title.isVisible()
        assert not view.diff_button.isEnabled() and not view.export_button.isEnabled()  # they name columns
        assert panel.progress.text() == "Ballot 1 of 3"
        assert panel.revealed_labels() == ["A", "B"]
        assert choices(panel) == ["A is better (1)", "B is better (2)", "Tie (3)", "Both bad (4)"]
        shown = [[e.column for e in b.entrants] for b in panel.ballots]
        assert any(order != sorted(order) for order in shown), shown
        # The replies show, but nothing of who wrote them: no model name, no cost.
        text = panel.slots[0].transcript.browser.toPlainText()
        model = app.window.current_settings().model
        assert "Reply number" in text and model not in text and "$" not in text
        await active(panel)

        # 1: A is better. The identities are revealed, named by what differs.
        first = panel.ballots[0]
        qtbot.keyClick(panel, Qt.Key.Key_1)
        labels = panel.revealed_labels()
        names = [f"temperature {TEMPERATURES[e.column]}" for e in first.entrants]
        assert all(name in label for name, label in zip(names, labels, strict=True)), labels
        assert labels[0].startswith("A — ") and labels[1].startswith("B — ")
        await wait_until(lambda: "Saved." in panel.outcome.text(), what="the vote saved")
        assert names[0] in panel.outcome.text()
        qtbot.keyClick(panel, Qt.Key.Key_Return)
        assert panel.progress.text() == "Ballot 2 of 3" and panel.revealed_labels() == ["A", "B"]

        # T: a tie, typed with a tag; then Ctrl+Z takes it back and the ballot shows again.
        panel.tags.setText("writing")
        qtbot.keyClick(panel, Qt.Key.Key_T)
        assert panel.revealed is not None and panel.revealed.outcome is Outcome.TIE
        undone: list[int] = []
        panel.undone.connect(undone.append)
        qtbot.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert panel.revealed is None and panel.progress.text() == "Ballot 2 of 3"
        await wait_until(lambda: bool(undone), what="the tie taken back")
        judging = app.app.services.judging
        await wait_until_votes(judging, 1)

        # The rest by key, going on by itself after the reveal.
        panel.reveal_ms = 10
        qtbot.keyClick(panel, Qt.Key.Key_B)
        await wait_until(lambda: panel.progress.text() == "Ballot 3 of 3", what="the third ballot")
        qtbot.keyClick(panel, Qt.Key.Key_X)
        await wait_until(lambda: view.columns[0].title.isVisible(), what="the columns shown again")
        assert view.metric_table.isVisible() and view.diff_button.isEnabled()
        # Off and on again: this round has its votes, the columns stay in sight.
        view.blind_button.click()
        view.blind_button.click()
        assert view.columns[0].title.isVisible()
        # The next round goes to the vote, unnamed, as soon as every column has finished.
        server.enqueue(*[Reply([Text(f"Second answer {n}")], pace=PACE) for n in range(3)])
        view.prompt.setPlainText("And now?")
        view.send_button.click()
        await wait_until(
            lambda: bool(panel.ballots) and panel.ballots[0].source.item == 1, timeout=15, what="round two"
        )
        assert not view.columns[0].title.isVisible() and panel.prompt.text() == "And now?"
        assert "Second answer" in panel.slots[0].transcript.browser.toPlainText()
        votes = await wait_until_votes(judging, 3)
        assert [vote.outcome for vote in votes] == [Outcome.WIN, Outcome.WIN, Outcome.ALL_BAD]
        assert {vote.source.kind for vote in votes} == {VoteSourceKind.COMPARE}
        assert all(vote.source.run_id == view.run.id for vote in votes)
        assert votes[0].columns == tuple(e.column for e in first.entrants)
        assert [tag for vote in votes for tag in vote.tags] == ["writing", "writing"]
        assert "writing" in await judging.vote_tags()
        # Tags typed are offered again, after the commas too.
        completer = panel.completer
        assert "writing" in completer.words.stringList()
        assert completer.splitPath("coding, wr") == ["wr"]
        panel.tags.setText("coding, wr")
        completer.setCompletionPrefix("wr")
        assert completer.pathFromIndex(completer.currentIndex()) == "coding, writing"

        # The leaderboard: every variant with the votes behind it.
        assert app.app.leaderboard is not None
        app.app.leaderboard.action.trigger()
        window = app.app.leaderboard.leaderboard_window
        assert window is not None
        await wait_until(lambda: window.table.rowCount() == 3, timeout=15, what="the ratings")
        rows = window.rows()
        assert [row[0] for row in rows] == ["1", "2", "3"]
        assert [row[3] for row in rows] == ["2", "2", "2"]  # each variant is in two of the three pairs
        assert all(any(f"temperature {t}" in row[1] for row in rows) for t in TEMPERATURES)
        assert "3 vote" in window.summary.text() and "1 called all bad" in window.summary.text()
        assert [label for label, *_ in window.chart.intervals()] == [row[1] for row in rows]
        assert all(low <= rating <= high for _, low, rating, high in window.chart.intervals())
        assert [window.tag.itemText(i) for i in range(window.tag.count())] == ["All votes", "writing"]
        window.tag.setCurrentIndex(1)
        window.tag.activated.emit(1)
        await wait_until(lambda: "2 vote" in window.summary.text(), timeout=15, what="the writing tag")
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


async def wait_until_votes(judging, count: int) -> list:
    from tests.waiting import wait_for

    return await wait_for(judging.votes, lambda votes: len(votes) == count, what=f"{count} votes")


def test_best_of_n_picks_one_of_three(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        view = await blind_compare(app, TEMPERATURES)
        panel = view.vote_panel
        assert panel is not None and panel.mode.isHidden()
        server.enqueue(*[Reply([Text(f"Answer {n}")], pace=PACE) for n in range(3)])
        view.prompt.setPlainText("Pick one")
        view.send_button.click()
        await wait_until(lambda: len(panel.ballots) == 3, timeout=15, what="the ballots")
        assert panel.mode.isVisibleTo(panel)
        panel.mode.setCurrentIndex(panel.mode.findData(BallotMode.BEST_OF_N))
        assert len(panel.ballots) == 1 and len(panel.revealed_labels()) == 3
        assert choices(panel) == ["A is best (1)", "B is best (2)", "C is best (3)", "All bad (0)"]
        await active(panel)
        qtbot.keyClick(panel, Qt.Key.Key_3)
        chosen = panel.ballots[0].entrants[2]
        assert chosen.identity.label in panel.outcome.text()
        (vote,) = await wait_until_votes(app.app.services.judging, 1)
        assert len(vote.contestants) == 3 and vote.winner == 2 and vote.columns[2] == chosen.column
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_a_grid_run_voted_blind_counts_after_the_run_is_deleted(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window = await open_grid(app)
        fill(window, app, cases=2, temperatures=[0.0, 1.0], repeats=1)
        window.confirm_above.setValue(1000.0)
        server.enqueue(*[Reply([Text(f"Grid reply {n}")], usage=Usage(5, 5), pace=PACE) for n in range(4)])
        window.run_button.click()
        await wait_until(lambda: window.run_bar.state == RunState.DONE, timeout=30, what="the run to finish")
        assert window.vote_button.isVisible()
        window.vote_button.click()
        votes_window = window.vote_window
        assert votes_window is not None
        panel = votes_window.panel
        panel.reveal_ms = 10
        assert len(panel.ballots) == 2  # a pair per case
        assert "Country" in panel.prompt.text()
        await active(panel)
        qtbot.keyClick(panel, Qt.Key.Key_2)
        await wait_until(lambda: panel.progress.text() == "Ballot 2 of 2", what="the second case")
        assert "Country 1" in panel.prompt.text()
        qtbot.keyClick(panel, Qt.Key.Key_A)
        await wait_until(lambda: "Every ballot has a vote" in panel.progress.text(), what="the end")
        assert "Leaderboard" in panel.progress.text(), "the end says where the ratings are"
        qtbot.keyClick(votes_window, Qt.Key.Key_Escape)
        await wait_until(lambda: not votes_window.isVisible(), what="Escape to close the ballots")
        judging = app.app.services.judging
        votes = await wait_until_votes(judging, 2)
        assert [(v.source.kind, v.source.item, v.source.repeat) for v in votes] == [
            (VoteSourceKind.GRID, 0, 0),
            (VoteSourceKind.GRID, 1, 0),
        ]
        assert votes[0].winner == 1 and votes[1].winner == 0
        assert window.run is not None and window.run.id is not None
        await app.app.services.grids.delete_run(window.run.id)
        assert len(await judging.votes()) == 2
        assert app.app.leaderboard is not None
        board = app.app.leaderboard.open()
        await wait_until(lambda: board.table.rowCount() == 2, timeout=15, what="the ratings")
        assert sorted(row[3] for row in board.rows()) == ["2", "2"]
        assert {"temperature 0.0", "temperature 1.0"} <= {
            part for row in board.rows() for part in row[1].split(" · ")
        }
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)
