"""The blind vote panel: two replies (or N) as "A" and "B", positions shuffled per round, a vote with one key,
then who was who, and the next pair.

Keyboard first: 1 / 2 / 3 / 4 (or A / B / T / X) vote A better, B better, tie, both bad; best-of-N takes
1…N (or A…F) and 0 (or X) for all bad. After a vote the identities show for a moment and the next ballot
follows on its own (Enter goes on at once); Ctrl+Z (or Backspace) takes the last vote back and shows its
ballot again. Votes are saved through the judging service as they are cast.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.judging.ballots import Ballot, BallotMode, ballots, cast, parse_tags
from core.model.compare_run import MAX_COLUMNS
from core.model.judging import Outcome, Vote
from core.store.errors import StoreError
from gui.error_messages import describe
from gui.judging.blind_round import BlindRound, blinded
from gui.tasks import TaskKeeper
from gui.transcript.view import TranscriptView

REVEAL_MS = 900
"""How long who was who shows after a vote before the next ballot (Enter goes on at once)."""
LETTERS = "ABCDEF"
"""Positions' names; one per column the compare window allows."""
assert len(LETTERS) >= MAX_COLUMNS


class VoteStore(Protocol):
    """What the panel needs of `JudgingService`."""

    async def save_vote(self, vote: Vote) -> Vote: ...
    async def delete_vote(self, vote_id: int) -> None: ...
    async def vote_tags(self) -> list[str]: ...


@dataclass
class _Cast:
    """A vote cast in this session: the ballot's place, and the save under way or done."""

    position: int
    saving: asyncio.Task[Vote | None]
    """None when the store refused it (the ballot is shown again to vote on)."""


class TagCompleter(QCompleter):
    """Completes the tag being typed after the commas, keeping the ones before."""

    def __init__(self, field: QLineEdit) -> None:
        self.words = QStringListModel()
        super().__init__(self.words, field)
        self._field = field
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        field.setCompleter(self)

    def splitPath(self, path: str) -> list[str]:
        return [path.replace("，", ",").split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        typed = self._field.text().replace("，", ",")
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return before + str(index.data())

    def add_words(self, words: Sequence[str]) -> None:
        known = self.words.stringList()
        self.words.setStringList(sorted({*known, *words}, key=str.casefold))


class _Slot(QFrame):
    """One position: its letter (and, once revealed, who it was) above the reply."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.transcript = TranscriptView(error_text=describe, parent=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.transcript, 1)

    def mark(self, chosen: bool) -> None:
        # The theme's highlight reads as "selected" in light and dark alike.
        self.setStyleSheet(
            "_Slot { border: 3px solid palette(highlight); border-radius: 4px; }" if chosen else ""
        )


class VotePanel(QWidget):
    """Signals: voted(Vote): a vote was saved (with its id); undone(int): a saved vote was taken back;
    finished(): every ballot has a vote."""

    voted = Signal(object)
    undone = Signal(int)
    finished = Signal()

    def __init__(
        self, store: VoteStore, tasks: TaskKeeper, *, seed: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self.seed = random.randrange(1 << 30) if seed is None else seed
        """Shuffles positions; each vote records the order it was shown in."""
        self.reveal_ms = REVEAL_MS
        self._rounds: list[BlindRound] = []
        self.ballots: list[Ballot] = []
        self.position = 0
        """The ballot shown; len(ballots) when every one has a vote."""
        self.revealed: Vote | None = None
        """The vote cast on the ballot shown, while its identities show."""
        self._cast: list[_Cast] = []
        self._round_of: dict[object, BlindRound] = {}
        self._waiting = ""
        """Said instead of the ballots while the replies to vote on are still coming."""

        self.mode = QComboBox(self)
        self.mode.addItem("", BallotMode.PAIRWISE)
        self.mode.addItem("", BallotMode.BEST_OF_N)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.mode_label = QLabel(self)
        self.mode_label.setBuddy(self.mode)
        self.progress = QLabel(self)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt.setMaximumHeight(120)
        self.slots: list[_Slot] = [_Slot(self) for _ in range(MAX_COLUMNS)]
        self.choice_buttons: list[QPushButton] = []
        self.tie_button = QPushButton(self)
        self.bad_button = QPushButton(self)
        self.tags = QLineEdit(self)
        self.tags_label = QLabel(self)
        self.tags_label.setBuddy(self.tags)
        self.completer = TagCompleter(self.tags)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.undo_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.auto_next = QCheckBox(self)
        self.auto_next.setChecked(True)
        self.keys_hint = QLabel(self)
        self.keys_hint.setWordWrap(True)
        self._advance = QTimer(self, singleShot=True)
        self._advance.timeout.connect(self.next)
        self._build_layout()
        self._build_keys()
        self.tie_button.clicked.connect(lambda: self.vote(Outcome.TIE))
        self.bad_button.clicked.connect(lambda: self.vote(Outcome.ALL_BAD))
        self.undo_button.clicked.connect(self.undo)
        self.next_button.clicked.connect(self.next)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.retranslate()
        self._show()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.mode_label)
        top.addWidget(self.mode)
        replies = QHBoxLayout()
        for slot in self.slots:
            replies.addWidget(slot, 1)
        self._choices = QHBoxLayout()
        for position in range(MAX_COLUMNS):
            button = QPushButton(self)
            button.clicked.connect(lambda _checked=False, p=position: self.vote(Outcome.WIN, p))
            self.choice_buttons.append(button)
            self._choices.addWidget(button)
        self._choices.addWidget(self.tie_button)
        self._choices.addWidget(self.bad_button)
        tags = QHBoxLayout()
        tags.addWidget(self.tags_label)
        tags.addWidget(self.tags, 1)
        after = QHBoxLayout()
        after.addWidget(self.outcome, 1)
        after.addWidget(self.auto_next)
        after.addWidget(self.undo_button)
        after.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.prompt)
        layout.addLayout(replies, 1)
        layout.addLayout(self._choices)
        layout.addLayout(tags)
        layout.addLayout(after)
        layout.addWidget(self.keys_hint)

    def _build_keys(self) -> None:
        """One key per choice, and a letter for each as well; they work anywhere in the panel except while
        typing tags (a line edit keeps its letters and digits)."""

        def key(sequence: str | QKeySequence.StandardKey, action: object, what: str) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)  # the Help's list of shortcuts names it by this
            shortcut.activated.connect(action)

        for position in range(MAX_COLUMNS):
            letter = LETTERS[position]
            pick = self.tr("Blind vote: {letter} is better (or best)").format(letter=letter)
            digit = {
                2: self.tr("Blind vote: C is best, or a tie between two"),
                3: self.tr("Blind vote: D is best, or both bad"),
            }.get(position, pick)
            key(str(position + 1), lambda p=position: self._key_choice(p, digit=True), digit)
            key(letter, lambda p=position: self._key_choice(p, digit=False), pick)
        key("T", lambda: self._key_outcome(Outcome.TIE), self.tr("Blind vote: a tie"))
        key("X", lambda: self._key_outcome(Outcome.ALL_BAD), self.tr("Blind vote: both (or all) bad"))
        all_bad = self.tr("Blind vote: all bad")
        key("0", lambda: self._key_outcome(Outcome.ALL_BAD, best_of_n_only=True), all_bad)
        for enter in ("Return", "Enter"):
            key(enter, self.next, self.tr("Blind vote: the next ballot"))
        for undo in (QKeySequence.StandardKey.Undo, "Backspace"):
            key(undo, self.undo, self.tr("Blind vote: take the last vote back"))

    def retranslate(self) -> None:
        self.mode_label.setText(self.tr("More than two:"))
        self.mode.setItemText(0, self.tr("Each pair in turn"))
        self.mode.setItemText(1, self.tr("Best of all"))
        self.mode.setAccessibleName(self.tr("How more than two replies are voted on"))
        self.tags_label.setText(self.tr("Tags:"))
        self.tags.setPlaceholderText(self.tr("optional, e.g. coding, writing, Chinese"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setAccessibleDescription(
            self.tr("What the prompt tests, comma separated; the leaderboard can show each tag alone")
        )
        self.undo_button.setText(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.setAccessibleDescription(self.tr("Takes the last vote back and shows its replies"))
        self.next_button.setText(self.tr("Next (Enter)"))
        self.auto_next.setText(self.tr("Go on by itself"))
        self.auto_next.setToolTip(self.tr("After a vote, show who was who for a moment, then the next pair"))
        self._show()

    # --- what is voted on -----------------------------------------------------------------------------

    async def load_tags(self) -> None:
        self.completer.add_words(await self._store.vote_tags())

    def set_rounds(self, rounds: Sequence[BlindRound]) -> None:
        """Start voting on these rounds (any votes of an earlier set stay saved)."""
        self._advance.stop()
        self._waiting = ""
        self._rounds = list(rounds)
        self._cast = []
        self.revealed = None
        self.position = 0
        self.ballots = self._ballots_of(self._rounds)
        many = any(len(item.entrants) > 2 for item in self._rounds)
        self.mode.setVisible(many)
        self.mode_label.setVisible(many)
        self._show()
        self.setFocus()

    def show_waiting(self, text: str) -> None:
        """Nothing to vote on yet: say why (the replies are still coming)."""
        self.set_rounds([])
        self._waiting = text
        self._show()

    def _ballots_of(self, rounds: Sequence[BlindRound]) -> list[Ballot]:
        mode = BallotMode(self.mode.currentData())
        found: list[Ballot] = []
        for item in rounds:
            self._round_of[_round_key(item)] = item
            # More replies than the panel has places (a grid run made elsewhere) are voted on in pairs.
            fits = mode if len(item.entrants) <= len(self.slots) else BallotMode.PAIRWISE
            found.extend(ballots(item.source, item.entrants, fits, self.seed))
        return found

    def _mode_changed(self) -> None:
        """The ballots not yet voted on follow the new mode; votes cast stay."""
        if not self._rounds:
            return
        voted = {_round_key_of(self.ballots[c.position]) for c in self._cast}
        keep = self.ballots[: self.position + (self.revealed is not None)]  # the ballot just voted on stays
        ahead = [item for item in self._rounds if _round_key(item) not in voted]
        self.ballots = keep + self._ballots_of(ahead)
        self._show()

    def ballot(self) -> Ballot | None:
        return self.ballots[self.position] if self.position < len(self.ballots) else None

    # --- voting ---------------------------------------------------------------------------------------

    def _key_choice(self, position: int, *, digit: bool) -> None:
        ballot = self.ballot()
        if ballot is None or self.revealed is not None:
            return
        n = len(ballot.entrants)
        if n == 2 and position >= 2:
            # Pairwise: 3 is a tie, 4 both bad; the letters C–F mean nothing here.
            if not digit:
                return
            if position == 2:
                self._key_outcome(Outcome.TIE)
            elif position == 3:
                self._key_outcome(Outcome.ALL_BAD)
            return
        if position < n:
            self.vote(Outcome.WIN, position)

    def _key_outcome(self, outcome: Outcome, *, best_of_n_only: bool = False) -> None:
        ballot = self.ballot()
        if ballot is None or self.revealed is not None:
            return
        if best_of_n_only and len(ballot.entrants) == 2:
            return
        if outcome is Outcome.TIE and len(ballot.entrants) > 2:
            return
        self.vote(outcome)

    def vote(self, outcome: Outcome, winner: int | None = None) -> Vote | None:
        """Cast the vote on the ballot shown: saved at once, who was who revealed, the next ballot after a
        moment (when "Go on by itself" is on)."""
        ballot = self.ballot()
        if ballot is None or self.revealed is not None:
            return None
        vote = cast(ballot, outcome, winner, parse_tags(self.tags.text()), time.time())
        self.revealed = vote
        self._cast.append(_Cast(self.position, self._tasks.start(self._save(vote))))
        self._show()
        if self.auto_next.isChecked():
            self._advance.start(self.reveal_ms)
        return vote

    async def _save(self, vote: Vote) -> Vote | None:
        try:
            saved = await self._store.save_vote(vote)
        except StoreError as error:
            self._refused(error)
            return None
        self.completer.add_words(vote.tags)
        self.voted.emit(saved)
        if self.revealed is vote:
            self.revealed = saved
            self._show_outcome()
        return saved

    def _refused(self, error: StoreError) -> None:
        """The store could not keep the vote: its ballot comes back to be voted on, and the reason shows."""
        mine = [c for c in self._cast if c.saving is asyncio.current_task()]
        if not mine:
            return
        self._cast.remove(mine[0])
        self._advance.stop()
        self.revealed = None
        self.position = mine[0].position
        self._show()
        self.outcome.setText(self.tr("The vote was not saved: {reason}").format(reason=error.message))

    def next(self) -> None:
        """On from the reveal to the next ballot (or the end)."""
        self._advance.stop()
        if self.revealed is None:
            return
        self.revealed = None
        self.position += 1
        self._show()
        if self.position >= len(self.ballots):
            self.finished.emit()

    def undo(self) -> None:
        """Take the last vote back: deleted from the store, its ballot shown again unrevealed."""
        if not self._cast:
            return
        self._advance.stop()
        last = self._cast.pop()
        self.revealed = None
        self.position = last.position
        self._show()
        self._tasks.start(self._delete(last.saving))

    async def _delete(self, saving: asyncio.Task[Vote | None]) -> None:
        saved = await saving
        if saved is None or saved.id is None:
            return  # never stored
        await self._store.delete_vote(saved.id)
        self.undone.emit(saved.id)

    # --- showing --------------------------------------------------------------------------------------

    def _show(self) -> None:
        ballot = self.ballot()
        total = len(self.ballots)
        if ballot is None:
            for slot in self.slots:
                slot.hide()
            for button in [*self.choice_buttons, self.tie_button, self.bad_button]:
                button.hide()
            self.prompt.setText("")
            if total:
                done = self.tr(
                    "Every ballot has a vote: %n vote(s) cast. View → Leaderboard… shows the ratings.",
                    "",
                    len(self._cast),
                )
            else:
                done = self._waiting or self.tr(
                    "Nothing to vote on: a ballot needs two finished replies to the same prompt."
                )
            self.progress.setText(done)
            self._show_outcome()
            self.next_button.setEnabled(False)
            self.undo_button.setEnabled(bool(self._cast))
            return
        item = self._round_of[_round_key_of(ballot)]
        n = len(ballot.entrants)
        self.progress.setText(self.tr("Ballot {n} of {total}").format(n=self.position + 1, total=total))
        self.prompt.setText(item.prompt)
        for position, slot in enumerate(self.slots):
            slot.setVisible(position < n)
            if position < n:
                entrant = ballot.entrants[position]
                slot.transcript.show_messages([blinded(item.replies[entrant.column])])
        self._show_choices(n)
        self._show_outcome()

    def _show_choices(self, n: int) -> None:
        voting = self.revealed is None
        for position, button in enumerate(self.choice_buttons):
            button.setVisible(position < n)
            button.setEnabled(voting)
            better = self.tr("{letter} is better ({key})")
            text = better if n == 2 else self.tr("{letter} is best ({key})")
            button.setText(text.format(letter=LETTERS[position], key=position + 1))
        self.tie_button.setVisible(n == 2)
        self.tie_button.setEnabled(voting)
        self.tie_button.setText(self.tr("Tie (3)"))
        self.bad_button.setVisible(True)
        self.bad_button.setEnabled(voting)
        self.bad_button.setText(self.tr("Both bad (4)") if n == 2 else self.tr("All bad (0)"))
        if n == 2:
            hint = self.tr("Keys: 1 or A, 2 or B, 3 or T for a tie, 4 or X for both bad; Enter for the next "
                           "pair, Ctrl+Z to take a vote back.")  # fmt: skip
        else:
            hint = self.tr("Keys: 1–{n} (or A–{last}) for the best, 0 or X for all bad; Enter for the next, "
                           "Ctrl+Z to take a vote back.").format(n=n, last=LETTERS[n - 1])  # fmt: skip
        self.keys_hint.setText(hint)

    def _show_outcome(self) -> None:
        """Before a vote only letters; after it, who each was and what was chosen."""
        vote = self.revealed
        ballot = self.ballot()
        self.undo_button.setEnabled(bool(self._cast))
        self.next_button.setEnabled(vote is not None)
        if ballot is not None:
            for position, slot in enumerate(self.slots[: len(ballot.entrants)]):
                letter = LETTERS[position]
                if vote is None:
                    slot.title.setText(letter)
                    slot.mark(False)
                else:
                    slot.title.setText(f"{letter} — {ballot.entrants[position].identity.label}")
                    slot.mark(vote.outcome is Outcome.WIN and vote.winner == position)
                slot.transcript.setAccessibleName(self.tr("Reply {name}").format(name=slot.title.text()))
            self._show_choices(len(ballot.entrants))
        if vote is None:
            self.outcome.setText("")
            return
        if vote.outcome is Outcome.WIN and vote.winner is not None:
            text = self.tr("You chose {letter}: {label}.").format(
                letter=LETTERS[vote.winner], label=vote.contestants[vote.winner].label
            )
        elif vote.outcome is Outcome.TIE:
            text = self.tr("A tie.")
        else:
            text = self.tr("Both bad.") if len(vote.contestants) == 2 else self.tr("All bad.")
        saved = self.tr("Saved.") if vote.id is not None else self.tr("Saving…")
        self.outcome.setText(f"{text} {saved}")

    def revealed_labels(self) -> list[str]:
        """The positions' titles as shown (letters alone until a vote)."""
        ballot = self.ballot()
        count = len(ballot.entrants) if ballot is not None else 0
        return [slot.title.text() for slot in self.slots[:count]]


def _round_key(item: BlindRound) -> object:
    return (item.source.kind, item.source.run_id, item.source.item, item.source.repeat)


def _round_key_of(ballot: Ballot) -> object:
    source = ballot.source
    return (source.kind, source.run_id, source.item, source.repeat)
