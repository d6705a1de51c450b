"""The transcript's links to alternatives from a comparison: kept current as turns change; a click opens
them in `gui.compare.alternatives_dialog.AlternativesDialog`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from core.model.compare_run import alternatives
from core.store.services import StoreServices
from gui.tasks import TaskKeeper
from gui.transcript.view import TranscriptView

if TYPE_CHECKING:
    from gui.compare.alternatives_dialog import AlternativesDialog


class AlternativesLinks(QObject):
    """Keeps the transcript's alternatives links current and opens the dialog when one is clicked."""

    def __init__(
        self, transcript: TranscriptView, services: StoreServices, tasks: TaskKeeper, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._transcript = transcript
        self._compare_runs = services.compare_runs
        self._conversations = services.conversations
        self._tasks = tasks
        self._parent = parent
        self.dialog: AlternativesDialog | None = None
        transcript.turnsChanged.connect(lambda: self._tasks.start(self.refresh()))
        transcript.alternativesRequested.connect(lambda message_id: self._tasks.start(self.open(message_id)))

    async def refresh(self) -> None:
        shown = self._transcript.message_ids()
        counts = await self._compare_runs.alternative_counts(shown)
        self._transcript.set_alternatives(counts)

    async def open(self, message_id: int) -> None:
        # Imported here: the dialog pulls the compare column's modules, which the first paint does not need.
        from gui.compare.alternatives_dialog import AlternativesDialog

        run = await self._compare_runs.run_of(message_id)
        if run is None:
            return
        chosen, others = alternatives(run, message_id)
        messages = await self._conversations.messages([other.message_id for other in others])
        dialog = AlternativesDialog(run, chosen, list(zip(others, messages, strict=True)), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget)
        self.dialog = dialog
        dialog.open()

    def _forget(self) -> None:
        self.dialog = None
