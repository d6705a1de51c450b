"""Alternatives from a comparison: after "Continue with this", the other columns' replies stay linked to the
chosen reply. The transcript shows a link under that reply; the link opens them read-only, each with what
its settings changed from the chosen column's. They are never part of the path that is sent.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from core.compare import Alternative, CompareColumn, alternatives, differences
from core.conversation import StoredMessage
from core.store_worker import StoreWorker
from gui.compare_column import difference_text
from gui.error_messages import describe
from gui.tasks import TaskKeeper
from gui.transcript_view import TranscriptView


class AlternativesDialog(QDialog):
    """One tab per other column: what its settings changed from the chosen column's, and its reply."""

    def __init__(
        self,
        chosen: CompareColumn,
        others: list[tuple[Alternative, StoredMessage]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Alternatives from a comparison"))
        note = QLabel(self.tr("Kept for reading: these replies are not sent to the model."), self)
        note.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.summaries: list[QLabel] = []
        self.transcripts: list[TranscriptView] = []
        for alternative, message in others:
            self._add_tab(chosen, alternative, message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def _add_tab(self, chosen: CompareColumn, alternative: Alternative, message: StoredMessage) -> None:
        page = QWidget(self.tabs)
        column = alternative.column
        found = differences(chosen.settings, chosen.profile_name, column.settings, column.profile_name)
        changed = " · ".join(difference_text(item) for item in found)
        summary = QLabel(changed or self.tr("Same settings as the chosen reply"), page)
        summary.setWordWrap(True)
        transcript = TranscriptView(error_text=describe, parent=page)
        transcript.show_messages([message])
        layout = QVBoxLayout(page)
        layout.addWidget(summary)
        layout.addWidget(transcript, 1)
        self.summaries.append(summary)
        self.transcripts.append(transcript)
        self.tabs.addTab(page, self.tr("Column {number}").format(number=column.index + 1))


class AlternativesLinks(QObject):
    """Keeps the transcript's alternatives links current and opens the dialog when one is clicked."""

    def __init__(
        self, transcript: TranscriptView, store: StoreWorker, tasks: TaskKeeper, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._transcript = transcript
        self._store = store
        self._tasks = tasks
        self._parent = parent
        self.dialog: AlternativesDialog | None = None
        transcript.turnsChanged.connect(lambda: self._tasks.start(self.refresh()))
        transcript.alternativesRequested.connect(lambda message_id: self._tasks.start(self.open(message_id)))

    async def refresh(self) -> None:
        shown = self._transcript.message_ids()
        counts = await self._store.call(lambda s: s.alternative_counts(shown))
        self._transcript.set_alternatives(counts)

    async def open(self, message_id: int) -> None:
        run = await self._store.call(lambda s: s.compare_run_of(message_id))
        if run is None:
            return
        chosen, others = alternatives(run, message_id)
        messages = await self._store.call(lambda s: [s.get_message(o.message_id) for o in others])
        dialog = AlternativesDialog(chosen, list(zip(others, messages, strict=True)), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._forget)
        self.dialog = dialog
        dialog.open()

    def _forget(self) -> None:
        self.dialog = None
