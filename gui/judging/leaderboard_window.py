"""View → Leaderboard…: the user's own ratings of settings variants from every blind vote (Bradley–Terry with
bootstrap intervals, `core.judging.leaderboard`), overall or for one tag; a table with the votes behind each
rating, a chart of the intervals, and the votes exported as CSV or JSON Lines.

The votes are read through the app's vote feed and read again whenever one is cast or taken back anywhere;
the ratings (a thousand bootstrap fits) are computed on a worker thread, so the window stays responsive with
many votes. One reading is under way at a time: votes cast while it runs are read by a single one after it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from core.judging.leaderboard import leaderboard
from core.judging.vote_files import csv_text, jsonl_text
from core.model.conversation_filter import fold
from core.model.judging import Leaderboard, Outcome, Vote
from core.transcripts.atomic_file import write_text_atomic
from gui.judging.leaderboard_chart import LeaderboardChart
from gui.tasks import Coalesced, TaskKeeper
from gui.widgets.recent_folders import ask_export_path
from gui.widgets.screen_fit import fit_to_screen


class Votes(Protocol):
    """What the window needs of `gui.judging.vote_feed.VoteFeed`."""

    @property
    def changed(self) -> SignalInstance: ...
    async def votes(self) -> list[Vote]: ...


ChooseFile = Callable[[QWidget, str, str], str | None]
"""Asks where to save the votes (kind "csv" or "jsonl", a suggested name); None when the user cancels."""

COLUMNS = 6


def ask_for_votes_file(parent: QWidget, kind: str, suggested: str) -> str | None:
    title = QCoreApplication.translate("LeaderboardWindow", "Export votes")
    files = (
        QCoreApplication.translate("LeaderboardWindow", "CSV files (*.csv)")
        if kind == "csv"
        else QCoreApplication.translate("LeaderboardWindow", "JSON Lines files (*.jsonl)")
    )
    return ask_export_path(parent, title, suggested, files)


def signed(value: float) -> str:
    return f"{value:+.2f}".replace("-", "−")


class LeaderboardWindow(QWidget):
    def __init__(
        self,
        votes: Votes,
        tasks: TaskKeeper,
        *,
        choose_file: ChooseFile = ask_for_votes_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._feed = votes
        self._tasks = tasks
        self._choose_file = choose_file
        self.votes: list[Vote] = []
        self.board: Leaderboard | None = None
        self.tag = QComboBox(self)
        self.tag_label = QLabel(self)
        self.tag_label.setBuddy(self.tag)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.unrated = QLabel(self)
        self.unrated.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        """What an export did (or why it could not)."""
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.chart = LeaderboardChart(self)
        self.csv_button = QPushButton(self)
        self.jsonl_button = QPushButton(self)
        self.reload_button = QPushButton(self)
        self._reading = Coalesced(tasks, self._read)
        """Reads the votes and computes the ratings: one at a time, once more for votes cast (or another tag
        chosen) meanwhile."""
        top = QHBoxLayout()
        top.addWidget(self.tag_label)
        top.addWidget(self.tag)
        top.addWidget(self.summary, 1)
        top.addWidget(self.reload_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.jsonl_button)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        # The chart tells the story at a glance; the table, a few rows, needs less of the height.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.unrated)
        layout.addWidget(self.notice)
        self.tag.activated.connect(lambda _index: self._reading.request())
        self.reload_button.clicked.connect(self.reload)
        votes.changed.connect(self._votes_changed)
        self.csv_button.clicked.connect(lambda: self._tasks.start(self.export("csv")))
        self.jsonl_button.clicked.connect(lambda: self._tasks.start(self.export("jsonl")))
        self.retranslate()
        fit_to_screen(self, QSize(980, 720))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Leaderboard"))
        self.tag_label.setText(self.tr("Tag:"))
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.setAccessibleDescription(self.tr("Ratings from every vote, or only the votes with this tag"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Rank"), self.tr("Variant"), self.tr("Rating (95% interval)"), self.tr("Votes"),
             self.tr("Wins"), self.tr("Losses")]
        )  # fmt: skip
        self.table.setAccessibleName(self.tr("Ratings"))
        self.table.setAccessibleDescription(
            self.tr("A row per variant, the best first: its rating, interval and the votes behind it")
        )
        self.reload_button.setText(self.tr("Reload"))
        self.csv_button.setText(self.tr("Export votes as CSV…"))
        self.jsonl_button.setText(self.tr("Export votes as JSON Lines…"))
        if self.tag.count():
            self.tag.setItemText(0, self.tr("All votes"))

    # --- loading and computing ------------------------------------------------------------------------

    def reload(self) -> asyncio.Task[None]:
        """Read the votes again (the user asked): the task that shows them."""
        self.notice.setText("")
        return self._reading.request()

    def _votes_changed(self) -> None:
        """A vote was cast or taken back somewhere: the ratings follow (the notice of an export stays)."""
        self._reading.request()

    @property
    def readings(self) -> int:
        """How many times the votes were read and rated since the window opened."""
        return self._reading.runs

    async def _read(self) -> None:
        votes = list(await self._feed.votes())
        if not isValid(self):
            return  # closed meanwhile
        self.votes = votes
        chosen = self.tag.currentData()
        tags = tags_of(self.votes)
        self.tag.clear()
        self.tag.addItem(self.tr("All votes"), None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        self.tag.setCurrentIndex(max(self.tag.findData(chosen), 0) if chosen is not None else 0)
        await self._compute()

    async def _compute(self) -> None:
        tag = self.tag.currentData()
        self.summary.setText(self.tr("Computing the ratings…"))
        votes = list(self.votes)
        board = await asyncio.to_thread(leaderboard, votes, tag)
        if not isValid(self):
            return
        if tag != self.tag.currentData():
            return  # another tag was chosen meanwhile: the reading runs again for it
        self.board = board
        self._show(board)

    def _show(self, board: Leaderboard) -> None:
        ratings = board.ratings
        self.table.setRowCount(len(ratings))
        for row, rating in enumerate(ratings):
            cells = [
                str(row + 1),
                rating.identity.label,
                self.tr("{rating} ({low} to {high})").format(
                    rating=signed(rating.strength), low=signed(rating.low), high=signed(rating.high)
                ),
                str(rating.votes),
                _count(rating.wins),
                _count(rating.losses),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setToolTip(rating.identity.label)
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.chart.show_ratings(ratings)
        # An empty chart shows bare axes that mean nothing; with no ratings the summary says what to do.
        self.chart.setVisible(bool(ratings))
        for button in (self.csv_button, self.jsonl_button):
            button.setEnabled(bool(self.votes))
        bad = sum(1 for vote in self._tagged(board.tag) if vote.outcome is Outcome.ALL_BAD)
        text = (
            self.tr("%n vote(s)", "", board.votes)
            + " · "
            + self.tr("%n comparison(s)", "", board.comparisons)
        )
        if bad:
            text += " · " + self.tr("%n called all bad", "", bad)
        if not board.votes:
            text = self.tr(
                "No votes yet: vote blind in a comparison or on a grid run, and the ratings show here."
            )
        self.summary.setText(text)
        if board.unrated:
            names = ", ".join(identity.label for identity in board.unrated)
            unrated = self.tr("Not rated (their votes do not connect them to the others): {names}")
            self.unrated.setText(unrated.format(names=names))
        else:
            self.unrated.setText("")

    def _tagged(self, tag: str | None) -> list[Vote]:
        """The votes with this tag, ignoring case as the ratings do."""
        wanted = fold(tag) if tag is not None else None
        return [vote for vote in self.votes if wanted is None or wanted in {fold(t) for t in vote.tags}]

    def rows(self) -> list[list[str]]:
        """The table as shown, row by row."""
        return [
            [
                item.text() if (item := self.table.item(row, column)) is not None else ""
                for column in range(COLUMNS)
            ]
            for row in range(self.table.rowCount())
        ]

    # --- export ---------------------------------------------------------------------------------------

    async def export(self, kind: str) -> Path | None:
        """Every vote (of the tag chosen), CSV or JSON Lines, written whole or not at all."""
        votes = self._tagged(self.tag.currentData())
        chosen = self._choose_file(self, kind, f"votes.{kind}")
        if chosen is None:
            return None
        path = Path(chosen)
        text = csv_text(votes) if kind == "csv" else jsonl_text(votes)
        try:
            await asyncio.to_thread(write_text_atomic, path, text)
        except OSError as error:
            self.notice.setText(
                self.tr("Could not save the votes to {path}: {reason}").format(
                    path=path, reason=error.strerror or error
                )
            )
            return None
        self.notice.setText(self.tr("Saved %n vote(s) to {path}", "", len(votes)).format(path=path))
        return path


def _count(value: float) -> str:
    """Wins and losses: a tie counts half."""
    return f"{value:g}"


def tags_of(votes: Sequence[Vote]) -> list[str]:
    """Every tag once, ignoring case (the first spelling met), in alphabetical order."""
    found: dict[str, str] = {}
    for vote in votes:
        for tag in vote.tags:
            found.setdefault(fold(tag), tag)
    return sorted(found.values(), key=str.casefold)
