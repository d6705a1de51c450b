"""The main window: conversations on the left, the transcript and composer in the middle, parameters on the
right. It wires widgets to the chat session and the store; what a request is and how it is sent is core's."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, QSignalBlocker, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.chat.composer import Composer
from gui.chat.composer_focus import ComposerFocus
from gui.chat.conversation_list import ConversationList
from gui.tasks import TaskKeeper
from gui.widgets.screen_fit import fit_to_screen

# The first frame (the window, the conversation list, the composer) needs only the imports above; what
# `complete` adds, and the features it builds, are imported there, after that frame is on screen.
if TYPE_CHECKING:
    import asyncio

    from core.chat.request_code import ExchangeService
    from core.chat.session import ChatSession
    from core.model.conversation import Conversation, StoredMessage
    from core.model.profile import Profile
    from core.model.provider_check import DoctorReport
    from core.model.request_settings import RequestSettings
    from core.store.services import StoreServices
    from core.wire.accumulate import StreamUpdate
    from core.wire.errors import ApiError
    from core.wire.models_list import DiscoveredModel
    from gui.chat.approval_prompt import ApprovalPrompt
    from gui.chat.send_preview import NextRequest
    from gui.chat.session_signals import ChatSignals

DEFAULT_MODEL = "claude-sonnet-4-6"


log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    closeRequested = Signal()
    """The user closed the window; the app shuts down (replies stopped and saved) and then quits."""
    providersRequested = Signal()
    compareRequested = Signal()
    """The user asked to compare settings on the current conversation."""
    comparePromptRequested = Signal(str)
    """The user asked to compare settings on this prompt (sent at once, to columns that differ)."""
    choiceChanged = Signal(str, str)
    """(setting, value) for the theme and language menus."""
    newConversationReady = Signal(int)
    """A "New conversation" is shown (a new one, or an empty one reused), with the user's defaults."""

    def __init__(self, *, settings: QSettings, tasks: TaskKeeper) -> None:
        """The first frame: the window with its menu bar, the conversation list (its rows come with `start`)
        and the composer, which has the focus so that typing can start at once. `complete` adds the rest
        (the transcript, the pickers, the parameter panel, the menus' actions) once this frame is on screen;
        keys typed meanwhile wait in Qt's queue for the composer (see show_first_frame)."""
        super().__init__()
        self._tasks = tasks
        self._settings = settings
        self._conversation: Conversation | None = None
        self._path: list[StoredMessage] = []
        self._completed = False
        self._close_when_complete = False
        self.setObjectName("mainWindow")

        self.conversations = ConversationList(self)
        self._after_reply_notice = ""
        # QSettings.value(type=bool) returns a bool; the stubs say object (here and in _restore_geometry).
        self.composer = Composer(tasks, self, enter_sends=settings.value("enter_sends", True, type=bool))  # type: ignore[arg-type]
        self.providers_button = QPushButton(self)
        self.providers_button.clicked.connect(self.providersRequested)
        self._saving_stopped = False
        self._build_layout()
        self.file_menu = self.menuBar().addMenu("")
        self.view_menu = self.menuBar().addMenu("")
        self.composer_focus = ComposerFocus(self.composer.editor, self.conversations.view, self.conversations)
        self.composer_focus.focus()  # before the first paint: a key typed at once must not press "New"
        self._retranslate_frame()
        self._restore_geometry()

    def complete(
        self,
        *,
        services: StoreServices,
        exchanges: ExchangeService,
        session: ChatSession,
        controller: ChatSignals,
        profiles: Callable[[], list[Profile]],
        discover_models: Callable[[str], Awaitable[list[DiscoveredModel]]],
        approvals: ApprovalPrompt | None = None,
    ) -> None:
        """What the first frame does not show, built once it is on screen: the transcript and its empty
        state, the provider and model pickers, the parameter panel, the menus' actions and the features."""
        import asyncio

        from core.model.request_settings import RequestSettings
        from gui.chat.approval_prompt import ApprovalPrompt
        from gui.chat.branch_actions import BranchActions
        from gui.chat.conversation_tags import ConversationTags
        from gui.chat.prompt_library import PromptLibrary
        from gui.chat.retry_countdown import RetryCountdown
        from gui.chat.send_preview import SendPreviewBar, SendPreviewer
        from gui.error_messages import describe
        from gui.exchange.request_code_menu import RequestCodeMenu
        from gui.params.model_picker import ModelPicker, ProfilePicker
        from gui.params.panel import ParameterPanel
        from gui.preset_actions import PresetActions
        from gui.search.action import SearchAction
        from gui.transcript.empty_state import EmptyState
        from gui.transcript.view import TranscriptView

        self._conversations = services.conversations
        self._provider_checks = services.provider_checks
        self._session = session
        self._profiles = profiles
        self._discover_models = discover_models
        self.transcript = TranscriptView(error_text=describe, parent=self)
        self.empty_state = EmptyState(self)
        self.composer.accept_drops_on(self.transcript.browser.viewport())
        self._retry_countdown = RetryCountdown(self.composer.show_notice, self)
        self.parameters = ParameterPanel(self)
        self.model_picker = ModelPicker(self)
        self.profile_picker = ProfilePicker(self)
        self.approvals = approvals or ApprovalPrompt()
        """Asks before a tool runs: under the composer, shown while a call waits."""
        self.approvals.current_conversation = lambda: self._conversation.id if self._conversation else None
        self._save_settings_later = QTimer(self, singleShot=True, interval=400)
        self._save_settings_later.timeout.connect(self._save_settings)
        self._complete_layout()
        self._build_actions()
        self._connect(controller)
        self._creating = asyncio.Lock()
        """Held while "New conversation" finds or makes one, so two quick requests make at most one."""
        self.send_preview = SendPreviewer(
            SendPreviewBar(self), session.input_counter, self._tasks, self.composer.draft, self._next_request,
            self,
        )  # fmt: skip
        self.composer.add_status(self.send_preview.bar)
        self.send_preview.watch_draft(self.composer.draftChanged)
        self.send_preview.watch(
            self.model_picker.modelChanged,
            self.profile_picker.profileChanged,
            self.parameters.settingsChanged,
            self.transcript.turnsChanged,
            controller.replyFinished,
        )
        self.send_preview.hold_on(self.composer.submitted)
        self.closeRequested.connect(self.send_preview.close)
        self.request_code = RequestCodeMenu(self, exchanges, self._tasks, profiles)
        self.branches = BranchActions(self, services.conversations, session, self._tasks)
        self.search = SearchAction(self, services.search, services.conversations, self._tasks)
        self.prompt_library = PromptLibrary(
            self.composer.editor, services.prompts, self._tasks, self.view_menu, self
        )  # "/" in the composer
        self.tags = ConversationTags(
            self, self.conversations, services.conversations, self._tasks, self.refresh_conversations
        )
        self.presets = PresetActions(
            self, services.presets, self._tasks, self.parameters.presets_bar,
            factory=lambda: RequestSettings(model=DEFAULT_MODEL),
            profile_names=lambda: [profile.name for profile in profiles()],
        )  # fmt: skip
        self.retranslate()
        # QSettings.value(type=bool) returns a bool; the stubs say object.
        self.toggle_parameters_action.setChecked(self._settings.value("window/parameters", True, type=bool))  # type: ignore[arg-type]
        self._completed = True
        if self._close_when_complete:
            QTimer.singleShot(0, self.close)

    # --- building -------------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        """The first frame's layout, with the places `complete` fills: the pickers' row, the transcript's
        stack and the parameter panel's column (same sizes, so nothing moves when they come)."""
        centre = QWidget(self)
        self._top = QHBoxLayout()
        self._top.addStretch(1)
        self._top.addWidget(self.providers_button)
        self.chat_splitter = QSplitter(Qt.Orientation.Vertical, centre)
        # Before the first message the transcript's place shows what to try (see _show_empty_state).
        self.transcript_stack = QStackedWidget(centre)
        self.chat_splitter.addWidget(self.transcript_stack)
        self.chat_splitter.addWidget(self.composer)
        self.chat_splitter.setStretchFactor(0, 4)
        self.chat_splitter.setSizes([640, 130])
        self._column = QVBoxLayout(centre)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addLayout(self._top)
        self._column.addWidget(self.chat_splitter, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.conversations)
        self.splitter.addWidget(centre)
        self._panel_place = QWidget(self)  # the parameter panel's place (see _complete_layout)
        self.splitter.addWidget(self._panel_place)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 700, 320])
        self.setCentralWidget(self.splitter)

    def _complete_layout(self) -> None:
        self._top.takeAt(0)  # the stretch that kept the providers button on the right
        self._top.insertWidget(0, self.profile_picker)
        self._top.insertWidget(1, self.model_picker, 1)
        self.transcript_stack.addWidget(self.transcript)
        self.transcript_stack.addWidget(self.empty_state)
        self._column.addWidget(self.approvals)
        # The panel takes its place's size (as restored from the last session) and its visibility.
        self.splitter.replaceWidget(2, self.parameters)
        self._panel_place.deleteLater()
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab from the composer goes to Send, Attach, then the provider and model, the parameters, the
        conversations and the transcript (its links one by one), and round to the composer."""
        order = [
            self.composer.editor, self.composer.send_button, self.composer.attach_button,
            self.profile_picker, self.model_picker.combo, self.providers_button, self.parameters,
            self.conversations.filter_box, self.conversations.new_button, self.conversations.view,
            self.transcript.browser,
        ]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _build_actions(self) -> None:
        from gui.preferences_menu import PreferencesMenu

        self.new_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self.new_conversation)
        self.toggle_parameters_action = QAction(self, checkable=True, checked=True)
        self.toggle_parameters_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.toggle_parameters_action.toggled.connect(self.parameters.setVisible)
        self.compare_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+C"))
        self.compare_action.triggered.connect(self.compareRequested)
        self.stop_action = QAction(self, shortcut=QKeySequence("Esc"))
        self.stop_action.triggered.connect(self.stop_reply)
        self.quit_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addActions([self.new_action, self.quit_action])
        self.view_menu.addAction(self.toggle_parameters_action)
        self.view_menu.addAction(self.compare_action)
        self.preferences = PreferencesMenu(self.view_menu, self._settings, self.composer, self.transcript)
        self.preferences.choiceChanged.connect(self.choiceChanged)
        self.addAction(self.stop_action)

    def _connect(self, controller: ChatSignals) -> None:
        controller.replyStarted.connect(self._reply_started)
        controller.replyUpdated.connect(self._reply_updated)
        controller.replyRetrying.connect(self._reply_retrying)
        controller.replyFinished.connect(self._reply_finished)
        controller.toolRunChanged.connect(self.transcript.update_tool_run)
        controller.conversationChanged.connect(lambda _id: self.refresh_conversations())
        self.conversations.conversationSelected.connect(self.open_conversation)
        self.conversations.newRequested.connect(self.new_conversation)
        self.conversations.renameRequested.connect(self._rename)
        self.conversations.pinRequested.connect(self._pin)
        self.conversations.deleteRequested.connect(self._delete)
        self.conversations.undoDeleteRequested.connect(self._undo_delete)
        self.composer.submitted.connect(self._send)
        self.composer.stopRequested.connect(self.stop_reply)
        self.transcript.retryRequested.connect(self._retry)
        self.transcript.linkClicked.connect(_open_web_link)
        self.transcript.toolResultRequested.connect(self._answer_tools)
        self.transcript.turnsChanged.connect(self._show_empty_state)
        self.empty_state.exampleChosen.connect(self._try_example)
        self.parameters.settingsChanged.connect(self._save_settings_later.start)
        self.model_picker.modelChanged.connect(self._model_changed)
        self.profile_picker.profileChanged.connect(self._profile_changed)

    def _retranslate_frame(self) -> None:
        self.setWindowTitle(self.tr("Triptych"))
        self.providers_button.setText(self.tr("Providers…"))
        self.providers_button.setAccessibleDescription(
            self.tr("Add or edit where requests go and their keys")
        )
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))

    def retranslate(self) -> None:
        self._retranslate_frame()
        self.new_action.setText(self.tr("New conversation"))
        self.toggle_parameters_action.setText(self.tr("Show parameters"))
        self.compare_action.setText(self.tr("Compare settings…"))
        self.stop_action.setText(self.tr("Stop the reply"))
        self.quit_action.setText(self.tr("Quit"))
        self.preferences.retranslate()

    async def start(self) -> None:
        """Show the conversations and open the most recent one (or a new one on first start). If the most
        recent one cannot be opened, the window shows anyway, with none open and the reason (see _open)."""
        await self._refresh_conversations()
        await self.presets.load()
        await self.prompt_library.load()
        rows = await self._conversations.summaries()
        if rows:
            await self._open(rows[0].id)
        else:
            await self._new_conversation()

    def set_profiles(self, names: list[str]) -> None:
        current = self.profile_picker.currentText()
        self.profile_picker.set_profiles(names)
        if current in names:
            self.profile_picker.setCurrentText(current)

    # --- conversations --------------------------------------------------------------------------------

    def refresh_conversations(self) -> None:
        self._tasks.start(self._refresh_conversations())

    async def _refresh_conversations(self) -> None:
        rows = await self._conversations.summaries()
        current = self._conversation.id if self._conversation else None
        self.conversations.set_conversations(rows, current)

    def new_conversation(self) -> None:
        self.composer_focus.focus()
        self._tasks.start(self._new_conversation())

    async def _new_conversation(self) -> None:
        """Open an empty conversation: the current one or another one without messages if there is one
        (a user pressing "New" again gets no second empty row), else a new one."""
        async with self._creating:
            empty = await self._empty_conversation()
            if empty is None:
                await self._create_conversation()
            else:
                # Reused, it starts where a new one would: from the user's defaults (gui.preset_actions).
                await self.persist_settings()
                start = await self.presets.starting_point()
                await self._conversations.update_settings(empty, start.settings, start.profile_name)
                self.parameters.set_settings(start.settings)  # the edits were saved above: none left pending
                await self._open(empty)
        self.composer_focus.focus()
        if self._conversation is not None:
            self.newConversationReady.emit(self._conversation.id)

    async def _create_conversation(self) -> None:
        # The user's defaults, not the settings of the conversation shown before (gui.preset_actions).
        start = await self.presets.starting_point()
        created = await self._conversations.create(start.settings, start.profile_name)
        await self._refresh_conversations()
        await self._open(created.id)

    def _show_empty_state(self) -> None:
        empty = not self.transcript.message_ids()
        self.transcript_stack.setCurrentWidget(self.empty_state if empty else self.transcript)

    def _try_example(self, key: str, prompt: str) -> None:
        self._tasks.start(self._run_example(key, prompt))

    async def _run_example(self, key: str, prompt: str) -> None:
        """An example of the empty state: what it needs set (thinking on, a tool offered), then its prompt
        sent; the comparison opens the compare window on it instead. The settings changed stay, and a
        notice after the reply says where they are."""
        from gui.chat.examples import with_thinking, with_time_tool
        from gui.transcript.empty_state import COMPARE, THINKING, TOOL

        if key == COMPARE:
            if self._conversation is None:  # e.g. after deleting the one shown: compare needs one
                await self._new_conversation()
            self.comparePromptRequested.emit(prompt)
            return
        if self.composer.editor.toPlainText().strip():
            self.show_notice(self.tr("Your draft is kept: send or clear it, then choose the example again."))
            self.composer_focus.focus()
            return
        settings = self.current_settings()
        notice = ""
        if key == THINKING:
            thinking = with_thinking(settings)
            if thinking is None:
                self.composer.editor.setPlainText(prompt)
                self.show_notice(self.tr("This model does not think: choose another model, then send."))
                return
            settings = thinking
            notice = self.tr("Thinking is now on for this conversation: see Thinking in the parameter panel.")
        elif key == TOOL:
            settings = with_time_tool(settings)
            notice = self.tr(
                "A get_time tool is now offered in this conversation (Tools, in the parameter panel): when a"
                " reply calls it, answer with “Reply with result…”."
            )
        if settings != self.current_settings():
            self.parameters.set_settings(settings)
            await self.persist_settings()
        self._after_reply_notice = notice
        self.composer.editor.setPlainText(prompt)
        self.composer.send_button.click()
        self.composer_focus.focus()  # the example's button had it: the next words are the user's

    async def _empty_conversation(self) -> int | None:
        """A conversation without messages, the current one first. A conversation gets its title from its
        first message, so only untitled ones are looked into."""
        current = self._conversation
        if current is not None and not self._path and not self._session.is_replying(current.id):
            return current.id
        for row in await self._conversations.summaries():
            if row.title or self._session.is_replying(row.id):
                continue
            _conversation, path = await self._conversations.opened(row.id)
            if not path:
                return row.id
        return None

    def current_conversation(self) -> Conversation | None:
        return self._conversation

    # --- what features may ask (gui.window_host.WindowHost) ------------------------------------------

    def widget(self) -> QWidget:
        return self

    def add_file_actions(self, actions: Sequence[QAction | None]) -> None:
        for action in actions:
            if action is None:
                self.file_menu.insertSeparator(self.quit_action)
            else:
                self.file_menu.insertAction(self.quit_action, action)
                self.addAction(action)  # its shortcut works wherever the focus is

    def show_notice(self, text: str) -> None:
        self.composer.show_notice(text)

    def reopen(self, conversation_id: int) -> asyncio.Task[None]:
        """Show the conversation as stored now (e.g. after a compare column was chosen)."""
        return self._tasks.start(self._open(conversation_id))

    def open_conversation(self, conversation_id: int) -> None:
        if self._conversation is None or self._conversation.id != conversation_id:
            self._tasks.start(self._open(conversation_id))

    async def _open(self, conversation_id: int) -> None:
        """Show a conversation: the list, the transcript, the parameters and the composer's target change
        together, or not at all. If it cannot be loaded or shown, what was open stays open (the list selects
        it again) and the reason is shown; the app goes on."""
        if self._save_settings_later.isActive() or self.parameters.has_pending_change():
            # Edits not saved yet belong to the conversation they were made in, not to the one opening.
            await self.persist_settings()
        previous = self._conversation, self._path
        switched = previous[0] is None or previous[0].id != conversation_id
        chosen = self.profile_picker.currentText(), self.current_settings()
        try:
            conversation, path = await self._conversations.opened(conversation_id)
            self._conversation, self._path = conversation, path
            self._show_path()
        except Exception as error:  # whatever the stored content holds, the window goes on
            log.exception("Could not open conversation %s", conversation_id)
            self._conversation, self._path = previous
            self._restore_shown()
            self.show_notice(
                self.tr("This conversation could not be opened: {reason}").format(reason=_reason(error))
            )
            return
        self.conversations.select(conversation_id)
        if not switched and (self.profile_picker.currentText(), self.current_settings()) != chosen:
            # The conversation shown was reloaded (providers were saved) and the user picked a provider or
            # changed a setting while the store answered (slow on a loaded machine): the choice is theirs,
            # made after what the store read. Showing the stored one would undo it silently, and the next
            # message would go to the provider shown before, with its key, not to the one picked.
            await self.persist_settings()
        else:
            # The panel shows the stored settings before anything is awaited: a save firing while the
            # provider's model list loads would otherwise write the previous conversation's panel into this
            # one.
            with QSignalBlocker(self.profile_picker):
                self.profile_picker.setCurrentText(conversation.profile_name or "")
            self.model_picker.set_model_id(conversation.settings.model)
            self.parameters.set_model(conversation.settings.model)
            self.parameters.set_settings(conversation.settings)
            self._save_settings_later.stop()  # showing the stored settings is not an edit
        self.composer.set_replying(self._session.is_replying(conversation_id))
        # The provider's model list and last check may take a while: the turn shown does not wait on them.
        self._tasks.start(self._show_provider_models(self.profile_picker.currentText()))
        if switched:
            self.composer_focus.after_switch()

    def _restore_shown(self) -> None:
        """Back to the conversation open before a failed _open (none: nothing selected, nothing shown)."""
        if self._conversation is None:
            self.conversations.view.setCurrentIndex(QModelIndex())
            self.transcript.show_messages([])
            return
        self.conversations.select(self._conversation.id)
        try:
            self._show_path()
        except Exception:  # it showed before: only an empty transcript is left to show
            log.exception("Could not show conversation %s again", self._conversation.id)
            self._conversation, self._path = None, []
            self.conversations.view.setCurrentIndex(QModelIndex())
            self.transcript.show_messages([])

    def _show_path(self) -> None:
        """The stored path; a reply still streaming is shown with what has arrived, and goes on live."""
        live = {m.id: self._session.live_message(m.id) for m in self._path if m.status == "streaming"}
        self.transcript.show_messages([m for m in self._path if live.get(m.id) is None])
        for message in self._path:
            current = live.get(message.id)
            if current is not None:
                message.content = current.content
                self.transcript.begin_reply(message)

    def _rename(self, conversation_id: int, title: str) -> None:
        self._tasks.start(self._then_refresh(self._conversations.rename(conversation_id, title)))

    def _pin(self, conversation_id: int, pinned: bool) -> None:
        self._tasks.start(self._then_refresh(self._conversations.set_pinned(conversation_id, pinned)))

    def _delete(self, conversation_id: int) -> None:
        self._tasks.start(self._delete_conversation(conversation_id))

    async def _delete_conversation(self, conversation_id: int) -> None:
        self._session.stop(conversation_id)
        deleted = await self._conversations.delete(conversation_id)
        self.conversations.show_deleted(conversation_id, deleted.title)
        if self._conversation is not None and self._conversation.id == conversation_id:
            self._conversation, self._path = None, []
            self.transcript.show_messages([])
        await self._refresh_conversations()

    def _undo_delete(self, conversation_id: int) -> None:
        self._tasks.start(self._then_refresh(self._conversations.restore(conversation_id)))

    async def _then_refresh(self, change: Awaitable[None]) -> None:
        await change
        await self._refresh_conversations()

    # --- settings -------------------------------------------------------------------------------------

    def _profile_changed(self, name: str) -> None:
        self._save_settings_later.start()
        self._tasks.start(self._show_provider_models(name))

    async def _show_provider_models(self, name: str) -> None:
        """The provider's own model list joins the catalog in the picker; a relay without one adds nothing.
        What its last check found lost is warned of in the panel."""
        self.show_provider_check(await self._provider_checks.latest(name) if name else None, name)
        models = await self._discover_models(name) if name else []
        if self.profile_picker.currentText() == name:
            self.model_picker.set_discovered(models)

    def show_provider_check(self, report: DoctorReport | None, profile_name: str | None = None) -> None:
        """The panel warns of what the check found lost, when it is of the provider chosen now."""
        name = profile_name if report is None else report.profile_name
        if self.profile_picker.currentText() == name:
            from core.model.provider_check import known_losses

            self.parameters.set_provider_losses(known_losses(report))

    def _model_changed(self, model_id: str) -> None:
        self.parameters.set_model(model_id)
        self._save_settings_later.start()

    def current_settings(self) -> RequestSettings:
        settings = self.parameters.settings()
        settings.model = self.model_picker.model_id() or DEFAULT_MODEL
        return settings

    def current_profile(self) -> str | None:
        return self.profile_picker.currentText() or None

    async def apply_settings(self, settings: RequestSettings, profile_name: str | None) -> None:
        """Show these settings (a preset, the defaults) for the conversation and save them to it."""
        if profile_name and profile_name != self.profile_picker.currentText():
            self.profile_picker.setCurrentText(profile_name)
            await self._show_provider_models(self.profile_picker.currentText())
        self.model_picker.set_model_id(settings.model)
        self.parameters.set_model(settings.model)
        self.parameters.set_settings(settings)
        await self.persist_settings()

    def _save_settings(self) -> None:
        if not self._saving_stopped:
            self._tasks.start(self.persist_settings())

    def stop_saving(self) -> None:
        """The app is shutting down after its last save: a later edit of a control saves nothing."""
        self._saving_stopped = True
        self._save_settings_later.stop()

    async def persist_settings(self) -> None:
        """Save the panel's settings for the conversation now (also at quit, for a last-moment edit)."""
        self._save_settings_later.stop()
        if self._conversation is None:
            return
        conversation_id, settings = self._conversation.id, self.current_settings()
        profile = self.profile_picker.currentText() or None
        self._conversation.settings, self._conversation.profile_name = settings, profile
        await self._conversations.update_settings(conversation_id, settings, profile)

    # --- replies --------------------------------------------------------------------------------------

    def _next_request(self) -> NextRequest | None:
        """For the send preview: the next request of the conversation shown, but for the draft."""
        from gui.chat.send_preview import NextRequest

        if self._conversation is None:
            return None
        return NextRequest(
            self.profile_picker.currentText() or None, list(self._path), self.current_settings()
        )

    def _send(self, content: list) -> None:
        self._tasks.start(self._send_turn(content))

    async def _send_turn(self, content: list) -> None:
        from core.wire.validation import RequestValidationError
        from gui.widgets.issue_words import issues_text

        if self._conversation is None:
            await self._new_conversation()
        assert self._conversation is not None
        await self.persist_settings()
        try:
            await self._session.send(self._conversation.id, content)
        except RequestValidationError as invalid:
            self.composer.show_notice(
                self.tr("Not sent: {problems}").format(problems=issues_text(invalid.issues))
            )

    def _retry(self, message_id: int) -> None:
        self._tasks.start(self._session.retry(message_id))

    def stop_reply(self) -> None:
        if self._conversation is not None:
            self._session.stop(self._conversation.id)

    def _answer_tools(self, message_id: int, _tool_use_id: str) -> None:
        reply = next((m for m in self._path if m.id == message_id), None)
        if reply is None or self._conversation is None:
            return
        from gui.chat.tool_results import ToolResultsDialog

        dialog = ToolResultsDialog(reply, self)
        conversation_id = self._conversation.id
        dialog.accepted.connect(
            lambda: self._tasks.start(self._session.send_tool_results(conversation_id, dialog.results()))
        )
        dialog.open()

    def _is_current(self, conversation_id: int) -> bool:
        return self._conversation is not None and self._conversation.id == conversation_id

    def _reply_started(self, path: list[StoredMessage], reply: StoredMessage) -> None:
        if not self._is_current(reply.conversation_id):
            return
        shown = [message.id for message in self._path]
        self._path = [*path, reply]
        if not (path and _only_tool_results(path[-1])):
            # What the composer held was sent. A turn of tool results was not written there (the tool loop
            # answers by itself): a draft typed meanwhile stays.
            self.composer.clear()
        self.composer.set_replying(True)
        if path and [message.id for message in path[:-1]] == shown:
            self.transcript.append_message(path[-1])
        else:
            self.transcript.show_messages(path)
        self.transcript.begin_reply(reply)

    def _reply_updated(self, message_id: int, update: StreamUpdate) -> None:
        # Per token: no scan of the path here; the transcript ignores a reply it is not showing.
        self.transcript.feed_update(message_id, update)

    def _reply_retrying(self, message_id: int, error: ApiError, wait: float, attempt: int) -> None:
        if any(message.id == message_id for message in self._path):
            self._retry_countdown.start(error, wait, attempt)

    def _reply_finished(self, reply: StoredMessage) -> None:
        if not self._is_current(reply.conversation_id):
            return
        self._path = [m if m.id != reply.id else reply for m in self._path]
        self.composer.set_replying(self._session.is_replying(reply.conversation_id))
        self._retry_countdown.stop()
        self.composer.show_notice(self._after_reply_notice)
        self._after_reply_notice = ""
        self.transcript.finish_reply(reply)

    # --- window state ---------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            # A first start on a small screen (a 1280 × 800 laptop, whose title bar and panels take part of
            # it) opens whole, the composer's Send button on screen.
            fit_to_screen(self, QSize(1280, 800))
        for splitter, key in (
            (self.splitter, "window/splitter"),
            (self.chat_splitter, "window/chat_splitter"),
        ):
            state = self._settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        # The panel's place: shown or hidden as the panel was (the panel inherits it, see _complete_layout).
        self._panel_place.setVisible(self._settings.value("window/parameters", True, type=bool))  # type: ignore[arg-type]  # see __init__

    def save_window_state(self) -> None:
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue("window/splitter", self.splitter.saveState())
        self._settings.setValue("window/chat_splitter", self.chat_splitter.saveState())
        self._settings.setValue("window/parameters", self.toggle_parameters_action.isChecked())

    @property
    def tasks(self) -> TaskKeeper:
        return self._tasks

    @property
    def completed(self) -> bool:
        """`complete` has run: the window has everything, not only its first frame."""
        return self._completed

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._completed:
            # Closed while only the first frame is up (a fraction of a second): it closes once complete.
            self._close_when_complete = True
            event.ignore()
            return
        self.save_window_state()
        self._save_settings_later.stop()
        self.closeRequested.emit()
        event.accept()


def _reason(error: BaseException) -> str:
    """An unexpected error in a few words: its own message, else its kind."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _only_tool_results(message: StoredMessage) -> bool:
    return bool(message.content) and all(block.get("type") == "tool_result" for block in message.content)


def _open_web_link(url: QUrl) -> None:
    if url.scheme() in ("http", "https"):
        QDesktopServices.openUrl(url)
