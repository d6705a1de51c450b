"""The Ctrl+K action that opens the search dialog (`gui.search.dialog`) and follows the hit chosen there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from core.store.search_query import SearchHit
from core.store.services import ConversationService, SearchService
from gui.tasks import TaskKeeper
from gui.window_host import WindowHost

if TYPE_CHECKING:
    from gui.search.dialog import SearchDialog


class SearchAction(QObject):
    """Ctrl+K, in the window's File menu: opens the dialog; a chosen hit opens its conversation at the
    message, on the branch that holds it."""

    def __init__(
        self,
        window: WindowHost,
        search: SearchService,
        conversations: ConversationService,
        tasks: TaskKeeper,
    ) -> None:
        super().__init__(window.widget())
        self._window = window
        self._search = search
        self._conversations = conversations
        self._tasks = tasks
        self.dialog: SearchDialog | None = None
        self.action = QAction(self.tr("Search conversations…"), window.widget())
        self.action.setShortcut(QKeySequence("Ctrl+K"))
        self.action.triggered.connect(self.show_dialog)
        window.add_file_actions([self.action])
        window.closeRequested.connect(self._window_closing)

    def show_dialog(self) -> None:
        if self.dialog is None:
            # Imported here: the dialog's module is not needed for the first paint.
            from gui.search.dialog import SearchDialog

            self.dialog = SearchDialog(self._search, self._tasks, self._window.widget())
            self.dialog.hitChosen.connect(self._chosen)
        self.dialog.show()
        self.dialog.activateWindow()
        self.dialog.query.setFocus()
        self.dialog.query.selectAll()
        self._tasks.start(self._refresh_choices())

    def _window_closing(self) -> None:
        if self.dialog is not None:
            self.dialog.close()

    async def _refresh_choices(self) -> None:
        choices = await self._search.choices()
        if self.dialog is not None:
            self.dialog.set_choices(choices)

    def _chosen(self, hit: SearchHit) -> None:
        assert self.dialog is not None
        self.dialog.hide()
        self._tasks.start(self._go_to(hit))

    async def _go_to(self, hit: SearchHit) -> None:
        message_id = hit.message_id
        if message_id is not None:
            await self._conversations.reveal_message(message_id)
        await self._window.reopen(hit.conversation_id)
        if message_id is not None:
            self._window.transcript.scroll_to_message(message_id)
