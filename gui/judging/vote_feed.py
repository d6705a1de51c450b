"""Every blind vote goes through one place, so that what shows the votes can follow them: the compare
window's and the grid's vote panels save and take votes back through the feed, and the leaderboard window
and the grid's judge agreement listen to `changed`.

The app makes one feed over the judging service and hands it to every window that votes or shows votes."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal

from core.model.judging import Vote, VoteSourceKind


class VoteService(Protocol):
    """What the feed needs of `JudgingService`."""

    async def save_vote(self, vote: Vote) -> Vote: ...
    async def delete_vote(self, vote_id: int) -> None: ...
    async def vote_tags(self) -> list[str]: ...
    async def votes(self, kind: VoteSourceKind | None = None, run_id: int | None = None) -> list[Vote]: ...


class VoteFeed(QObject):
    """The judging service's votes (implements gui.judging.vote_panel.VoteStore). Signals: changed(): a vote
    was saved or taken back, after the store has it."""

    changed = Signal()

    def __init__(self, service: VoteService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service

    async def save_vote(self, vote: Vote) -> Vote:
        saved = await self._service.save_vote(vote)
        self.changed.emit()
        return saved

    async def delete_vote(self, vote_id: int) -> None:
        await self._service.delete_vote(vote_id)
        self.changed.emit()

    def announce(self) -> None:
        """Votes reached the store another way (an import): what follows the votes reads them again."""
        self.changed.emit()

    async def vote_tags(self) -> list[str]:
        return await self._service.vote_tags()

    async def votes(self, kind: VoteSourceKind | None = None, run_id: int | None = None) -> list[Vote]:
        return await self._service.votes(kind, run_id)
