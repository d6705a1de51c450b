"""Edit, regenerate, switch versions and branch, from the transcript's links: the window's part of branching.

Each turn with versions shows a `‹ 2/3 ›` switcher, each finished turn Edit (the user's) or Regenerate ▾ (a
reply) and Branch. Core does the work (`core.chat.session`, `core.store.messages`); this asks it and shows
the result.
While the conversation receives a reply its branches stay as they are: the actions say so and do nothing.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QMessageBox

from core.chat.session import ChatSession
from core.model.branching import ReplyInProgressError, can_edit
from core.model.catalog import MODELS, lookup
from core.model.messages import ContentBlock
from core.store.services import ConversationService
from core.wire.validation import RequestValidationError
from gui.tasks import TaskKeeper
from gui.widgets.issue_words import issues_text
from gui.window_host import WindowHost


class BranchActions(QObject):
    def __init__(
        self,
        window: WindowHost,
        conversations: ConversationService,
        session: ChatSession,
        tasks: TaskKeeper,
    ) -> None:
        super().__init__(window.widget())
        self._window = window
        self._conversations = conversations
        self._session = session
        self._tasks = tasks
        self._versions_later = QTimer(self, singleShot=True, interval=0)
        self._versions_later.timeout.connect(lambda: self._tasks.start(self._load_versions()))
        transcript = window.transcript
        transcript.set_branch_links(True)
        transcript.turnsChanged.connect(self._versions_later.start)
        transcript.editRequested.connect(self.edit)
        transcript.regenerateRequested.connect(self._popup_regenerate_menu)
        transcript.versionRequested.connect(self._switch)
        transcript.branchRequested.connect(lambda message_id: self._tasks.start(self.branch(message_id)))
        transcript.replyRequested.connect(self.get_reply)
        transcript.turnMenuRequested.connect(self._add_to_turn_menu)

    # --- the versions on screen -----------------------------------------------------------------------

    async def _load_versions(self) -> None:
        ids = self._window.transcript.message_ids()
        if ids:
            versions = await self._conversations.versions(ids)
            self._window.transcript.set_versions(versions)

    def _switch(self, message_id: int) -> None:
        if not self._busy():
            self._tasks.start(self.show_version(message_id))

    async def show_version(self, message_id: int) -> None:
        """Show the branch through this version of its turn, and keep the turn in view."""
        conversation = self._window.current_conversation()
        if conversation is None or not await self._guarded(self._session.show_version(message_id)):
            return
        await self._window.reopen(conversation.id)
        self._window.transcript.scroll_to_message(message_id)

    # --- edit -----------------------------------------------------------------------------------------

    def edit(self, message_id: int) -> None:
        if not self._busy():
            self._tasks.start(self._open_editor(message_id))

    async def _open_editor(self, message_id: int) -> None:
        from gui.chat.edit_message_dialog import EditMessageDialog  # a dialog: loaded when first opened

        message = await self._conversations.message(message_id)
        dialog = EditMessageDialog(message, self._window.widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._tasks.start(self.send_edit(message_id, dialog.content())))
        dialog.open()

    async def send_edit(self, message_id: int, content: list[ContentBlock]) -> None:
        await self._window.persist_settings()
        await self._guarded(self._session.edit(message_id, content))

    # --- regenerate -----------------------------------------------------------------------------------

    def _popup_regenerate_menu(self, reply_id: int) -> None:
        if not self._busy():
            self.regenerate_menu(reply_id).popup(QCursor.pos())

    def regenerate_menu(self, reply_id: int) -> QMenu:
        """A menu: with the current settings, or with another of the catalog's models for this reply only."""
        menu = QMenu(self._window.widget())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._fill_regenerate_menu(menu, reply_id)
        return menu

    def _fill_regenerate_menu(self, menu: QMenu, reply_id: int) -> None:
        in_use = self._window.current_settings().model
        known = lookup(in_use)
        current = menu.addAction(
            self.tr("With the current settings ({model})").format(
                model=known.display_name if known else in_use
            )
        )
        current.triggered.connect(lambda: self._tasks.start(self.regenerate(reply_id)))
        others = menu.addMenu(self.tr("With another model (this reply only)"))
        for model in MODELS:
            if model.id != in_use:
                action = others.addAction(model.display_name)
                action.setData(model.id)
                action.triggered.connect(
                    lambda _checked=False, m=model.id: self._tasks.start(self.regenerate(reply_id, m))
                )

    async def regenerate(self, reply_id: int, model: str | None = None) -> None:
        """A new version of the reply; with `model`, that one reply is asked of it and the conversation's
        settings stay as they are."""
        await self._window.persist_settings()
        settings = None
        if model is not None:
            conversation = await self._conversations.conversation_of(reply_id)
            settings = replace(conversation.settings, model=model)
        await self._guarded(self._session.regenerate(reply_id, settings))

    # --- a reply to the last turn when it is the user's ---------------------------------------------

    def get_reply(self, message_id: int) -> None:
        if not self._busy():
            self._tasks.start(self._get_reply(message_id))

    async def _get_reply(self, message_id: int) -> None:
        await self._window.persist_settings()
        await self._guarded(self._session.answer(message_id))

    # --- branch into a new conversation ---------------------------------------------------------------

    async def branch(self, message_id: int) -> None:
        """Copy the path up to this message into a new conversation with a title of its own, and open it."""
        conversation = await self._conversations.conversation_of(message_id)
        titles = [summary.title for summary in await self._conversations.summaries()]
        title = self.branch_title(conversation.title or self.tr("Conversation"), titles)
        try:
            copy_id = await self._session.branch(message_id, title)
        except ReplyInProgressError:
            self._notice(self.tr("This reply is still arriving: branch from it once it has finished."))
            return
        self._window.refresh_conversations()
        await self._window.reopen(copy_id)

    def branch_title(self, source: str, titles: list[str]) -> str:
        """A title such as "Branch 2: Trip", numbered past the branches already made; a branch of a branch
        counts on from its source's title rather than adding another mark. The mark comes first: the
        conversation list cuts a long title at its end, where a suffix would not be seen."""
        template = self.tr("Branch {number}: {title}")
        pattern = (
            re.escape(template)
            .replace(r"\{title\}", "(?P<title>.+)")
            .replace(r"\{number\}", r"(?P<number>\d+)")
        )
        found = re.fullmatch(pattern, source)
        base = found.group("title") if found else source
        numbers = [
            int(match.group("number"))
            for t in titles
            if (match := re.fullmatch(pattern, t)) and match.group("title") == base
        ]
        return template.format(title=base, number=max([1, *numbers]) + 1)

    # --- a turn's right-click menu -------------------------------------------------------------------

    def _add_to_turn_menu(self, message_id: int, menu: QMenu) -> None:
        """The same actions in a turn's right-click menu."""
        message = self._window.transcript.message(message_id)
        if message is None or message.status == "streaming":
            return
        menu.addSeparator()
        if can_edit(message):
            menu.addAction(self.tr("Edit and resend…"), lambda: self.edit(message_id))
        elif message.role == "assistant" and message.parent_id is not None:
            self._fill_regenerate_menu(menu.addMenu(self.tr("Regenerate")), message_id)
        menu.addAction(
            self.tr("Branch into new conversation"), lambda: self._tasks.start(self.branch(message_id))
        )
        versions = self._window.transcript.versions_of(message_id)
        if versions is not None and versions.count > 1:
            menu.addAction(self.tr("Delete this version…"), lambda: self.delete_version(message_id))

    def delete_version(self, message_id: int) -> None:
        """Ask, then delete this version of the turn and what follows it; the other versions stay."""
        if self._busy():
            return
        answer = self.confirm_delete(
            self.tr("Delete this version and every message after it? The other versions are kept.")
        )
        if answer:
            self._tasks.start(self._delete_version(message_id))

    def confirm_delete(self, question: str) -> bool:
        """Replaced in tests, which cannot answer a modal box."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        chosen = QMessageBox.question(
            self._window.widget(), self.tr("Delete this version"), question, buttons
        )
        return chosen == QMessageBox.StandardButton.Yes

    async def _delete_version(self, message_id: int) -> None:
        if await self._guarded(self._session.delete_version(message_id)):
            conversation = self._window.current_conversation()
            if conversation is not None:
                await self._window.reopen(conversation.id)

    # --- refusals -------------------------------------------------------------------------------------

    def _busy(self) -> bool:
        conversation = self._window.current_conversation()
        if conversation is not None and self._session.is_replying(conversation.id):
            self._notice(self._busy_text())
            return True
        return False

    async def _guarded(self, action: Awaitable[object]) -> bool:
        """Run a branch action; say in plain words why it was refused, if it was."""
        try:
            await action
        except ReplyInProgressError:
            self._notice(self._busy_text())
            return False
        except RequestValidationError as invalid:
            problems = issues_text(invalid.issues)
            self._notice(self.tr("Not sent: {problems}").format(problems=problems))
            return False
        return True

    def _busy_text(self) -> str:
        return self.tr(
            "A reply is arriving: wait for it to finish, or stop it (Esc), before editing, regenerating "
            "or switching versions."
        )

    def _notice(self, text: str) -> None:
        self._window.show_notice(text)
