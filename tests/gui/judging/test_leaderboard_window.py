"""View → Leaderboard… in the real app over a real SQLite file: votes saved through the judging service, the
ranking per tag with the votes behind each rating, the interval chart, the votes exported, and the open
window following blind votes as they are cast and taken back (a burst rated once more, not once each)."""

from __future__ import annotations

import asyncio
import csv
import json
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.judging.ballots import Ballot, Entrant, cast
from core.model.judging import Outcome, VariantIdentity, Vote, VoteSource, VoteSourceKind
from gui.judging.leaderboard_window import LeaderboardWindow
from gui.theme.scheme import apply_theme
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start
from tests.gui.judging.test_judge_pass import run_grid
from tests.gui.judging.test_votes import active

STRONG = VariantIdentity('{"model": "strong"}', "model-s · temperature 0.2")
MIDDLE = VariantIdentity('{"model": "middle"}', "model-m · temperature 0.5")
WEAK = VariantIdentity('{"model": "weak"}', "model-w · temperature 0.9")


def pair_vote(a: VariantIdentity, b: VariantIdentity, outcome: Outcome, winner: int | None, tags=()) -> Vote:
    ballot = Ballot(VoteSource(VoteSourceKind.GRID, 99, 0), (Entrant(a, 0), Entrant(b, 1)))
    return cast(ballot, outcome, winner, tuple(tags), when=1.0)


def votes() -> list[Vote]:
    """The strong one beats the others most of the time, the middle one beats the weak one; the Chinese
    prompts only compare the strong and the weak one."""
    found = []
    for _ in range(6):
        found.append(pair_vote(STRONG, MIDDLE, Outcome.WIN, 0, ["coding"]))
        found.append(pair_vote(MIDDLE, WEAK, Outcome.WIN, 0))
        found.append(pair_vote(WEAK, STRONG, Outcome.WIN, 1, ["中文"]))
    found.append(pair_vote(STRONG, MIDDLE, Outcome.WIN, 1))
    found.append(pair_vote(MIDDLE, WEAK, Outcome.ALL_BAD, None))
    found.append(pair_vote(WEAK, STRONG, Outcome.TIE, None, ["中文"]))
    return found


def test_the_leaderboard_ranks_per_tag_charts_intervals_and_exports_votes(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path / "data", server)
        judging = app.app.services.judging
        for vote in votes():
            await judging.save_vote(vote)
        chosen: dict[str, Path] = {}

        def choose(_parent: QWidget, kind: str, suggested: str) -> str:
            chosen[kind] = tmp_path / suggested
            return str(chosen[kind])

        assert app.app.leaderboard is not None
        assert app.app.leaderboard.action.text() == "Leaderboard…"
        assert app.app.leaderboard.action in app.window.view_menu.actions()
        window = app.app.leaderboard.open()
        assert isinstance(window, LeaderboardWindow)
        window._choose_file = choose
        await wait_until(lambda: window.table.rowCount() == 3, timeout=15, what="the ratings")
        rows = window.rows()
        assert [row[1] for row in rows] == [STRONG.label, MIDDLE.label, WEAK.label]
        assert [row[3] for row in rows] == ["14", "14", "14"]
        assert rows[0][4] == "12.5" and rows[2][5] == "13"  # a tie (and "all bad") counts half
        assert "21 vote" in window.summary.text() and "1 called all bad" in window.summary.text()
        intervals = window.chart.intervals()
        assert [label for label, *_ in intervals] == [row[1] for row in rows]
        assert all(low <= rating <= high for _, low, rating, high in intervals)
        assert intervals[0][2] > intervals[1][2] > intervals[2][2]
        # The chart takes the app's palette, and follows a change to the dark theme.
        light = window.chart.background()
        assert light == window.palette().color(QPalette.ColorRole.Base)
        try:
            apply_theme(qapp, "dark")
            dark = qapp.palette().color(QPalette.ColorRole.Base)
            await wait_until(lambda: window.chart.background() == dark, what="the dark chart")
            assert dark.lightness() < 60 < light.lightness()
            assert window.chart.intervals() == intervals  # redrawn, not lost
        finally:
            apply_theme(qapp, "light")

        tags = [window.tag.itemText(i) for i in range(window.tag.count())]
        assert tags == ["All votes", "coding", "中文"]
        window.tag.setCurrentIndex(2)
        window.tag.activated.emit(2)
        await wait_until(lambda: window.table.rowCount() == 2, timeout=15, what="the 中文 ratings")
        assert [row[1] for row in window.rows()] == [STRONG.label, WEAK.label]
        assert [row[3] for row in window.rows()] == ["7", "7"]

        # The votes of the tag shown, as CSV and as JSON Lines.
        window.csv_button.click()
        await wait_until(lambda: "Saved 7 vote" in window.notice.text(), what="the CSV")
        rows_written = list(csv.DictReader(chosen["csv"].open(encoding="utf-8")))
        assert len(rows_written) == 7 and all(row["tags"] == "中文" for row in rows_written)
        window.tag.setCurrentIndex(0)
        window.tag.activated.emit(0)
        window.jsonl_button.click()
        await wait_until(lambda: "Saved 21 vote" in window.notice.text(), what="the JSON Lines")
        lines = [json.loads(line) for line in chosen["jsonl"].read_text(encoding="utf-8").splitlines()]
        assert len(lines) == 21 and all(line["id"] is not None for line in lines)
        assert lines[0]["contestants"][0]["label"] == STRONG.label

        # A place that cannot be written is said plainly; nothing is lost.
        chosen_dir = tmp_path / "missing" / "folder"
        window._choose_file = lambda _p, kind, name: str(chosen_dir / name)
        window.csv_button.click()
        await wait_until(lambda: "Could not save the votes" in window.notice.text(), what="the error")
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


def test_with_no_votes_the_window_says_how_to_get_some(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        assert app.app.leaderboard is not None
        window = app.app.leaderboard.open()
        await wait_until(lambda: "No votes yet" in window.summary.text(), timeout=15, what="the summary")
        assert window.table.rowCount() == 0 and window.chart.intervals() == []
        assert window.chart.isHidden(), "no bare axes with nothing on them"
        assert not window.csv_button.isEnabled() and not window.jsonl_button.isEnabled()
        # Two variants voted on only against each other cannot be placed on the others' scale: said so.
        island = (VariantIdentity("island-a", "island A"), VariantIdentity("island-b", "island B"))
        judging = app.app.services.judging
        for vote in [
            pair_vote(STRONG, MIDDLE, Outcome.WIN, 0, ["Coding"]),
            pair_vote(MIDDLE, STRONG, Outcome.TIE, None, ["coding"]),
            pair_vote(*island, Outcome.WIN, 0),
        ]:
            await judging.save_vote(vote)
        await window.reload()
        assert [row[1] for row in window.rows()] == [STRONG.label, MIDDLE.label]
        assert not window.chart.isHidden() and window.csv_button.isEnabled()
        assert "island A" in window.unrated.text() and "island B" in window.unrated.text()
        # One tag whatever its case, as the ratings count it.
        assert [window.tag.itemText(i) for i in range(window.tag.count())] == ["All votes", "Coding"]
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)


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
