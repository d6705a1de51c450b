"""The composition root: builds the services, the window, runs asyncio inside Qt, and shuts down cleanly."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from core.desktop.names import APP_ID, WINDOW_CLASS
from core.store import paths
from core.store.errors import StoreError
from core.store.folder_lock import FolderInUseError, FolderLock, FolderNotWritableError
from gui.main_window import MainWindow
from gui.startup.collector import collect_on_main_thread
from gui.startup.errors import already_running, startup_failed, startup_problem
from gui.startup.first_paint import first_paint, show_first_frame
from gui.tasks import TaskKeeper
from gui.theme.icons import app_icon
from gui.theme.scheme import apply_theme
from gui.widgets import dates, recent_folders
from resources import translation_file

# Only what the first frame needs is imported above: the app's start (run) shows the window before
# asyncio, the store, the network and the chat load; TriptychApp imports them when it is made, after it.
if TYPE_CHECKING:
    import asyncio

    from core.api.keys import KeyStore
    from core.api.limits import NetworkLimits
    from core.api.retry import RetryPolicy
    from core.compare.session import CompareSession
    from core.demo import ServerThread
    from core.grid.batch_flow import PollPolicy
    from core.grid.batch_runner import GridBatchRunner
    from core.grid.runner import GridRunner
    from core.judging.judge_batch import JudgeBatchRunner
    from core.judging.judge_runner import JudgeRunner
    from core.model.profile import Profile
    from core.model.provider_check import Loss
    from core.model.tools import ServerStatus
    from core.tools.secrets import ToolSecrets
    from core.wire.models_list import DiscoveredModel
    from gui.compare.alternatives_links import AlternativesLinks
    from gui.compare.saved_runs import CompareRunsMenu
    from gui.compare.session_signals import CompareSignals
    from gui.compare.view import CompareView
    from gui.grid.batch_choice import BatchTools
    from gui.grid.feature import GridFeature
    from gui.judging.judge_tools import JudgeTools
    from gui.providers.controller import ProvidersController
    from gui.tools.controller import ToolsController
    from gui.transfer.menu import TransferMenu

log = logging.getLogger(__name__)

DEMO_PROFILE = "Demo"
DEMO_KEY = "demo"


@dataclass(frozen=True)
class AppOptions:
    demo: bool = False
    data_dir: str | None = None
    demo_port: int = 0
    smoke_test: bool = False
    """Send one prompt once the window shows, print the result and quit (gui/smoke.py)."""
    arguments: tuple[str, ...] = ()
    """The command line as given, handed to the app already running on the same data folder."""


@dataclass(frozen=True)
class FirstFrame:
    """The main window as first shown, before the rest of the app loaded (see `run`), and what it was
    made with."""

    window: MainWindow
    settings: QSettings


class TriptychApp:
    """Everything one running app holds, created once and passed to whoever needs it."""

    def __init__(
        self,
        qt_app: QApplication,
        options: AppOptions,
        *,
        keys: KeyStore | None = None,
        retry: RetryPolicy | None = None,
        limits: NetworkLimits | None = None,
        tool_secrets: ToolSecrets | None = None,
        first_frame: FirstFrame | None = None,
        batch_poll: PollPolicy | None = None,
    ) -> None:
        """`batch_poll`: how often a batch run asks whether its batch ended (tests make it fast)."""
        # Imported here, not at the top: the app's own start shows the first frame before these load.
        import asyncio

        from core.api.keys import KeyStore
        from core.api.pool import ClientPool
        from core.chat.session import ChatSession
        from core.store.services import StoreServices
        from core.store.worker import StoreWorker
        from core.tools.hub import ToolHub
        from core.tools.secrets import ToolSecrets
        from gui.chat.approval_prompt import ApprovalPrompt
        from gui.chat.session_signals import ChatSignals

        self.qt_app = qt_app
        # Closing the window starts an orderly shutdown (replies saved); Qt must not quit on its own first.
        qt_app.setQuitOnLastWindowClosed(False)
        qt_app.setWindowIcon(app_icon())
        collect_on_main_thread(qt_app)
        # qasync logs each worker call's arguments and result at DEBUG: API keys read off the UI thread too.
        logging.getLogger("qasync").setLevel(logging.INFO)
        self.options = options
        self.data_dir = paths.data_dir(options.data_dir)
        if first_frame is None:  # made by a test: the window is made by `run`
            self.settings = QSettings(str(paths.settings_path(self.data_dir)), QSettings.Format.IniFormat)
            self.tasks = TaskKeeper(on_error=self._report_error)
            self.window: MainWindow | None = None
        else:
            self.settings, self.window = first_frame.settings, first_frame.window
            self.tasks = first_frame.window.tasks
            self.tasks.on_error = self._report_error
        recent_folders.use_settings(self.settings)
        self.keys = keys or KeyStore()
        self.store = StoreWorker(paths.database_path(self.data_dir))
        from core.judging.judge_prompts import BUILT_IN_TEMPLATES
        from gui.judging.vote_feed import VoteFeed

        self.services = StoreServices.over(self.store, BUILT_IN_TEMPLATES)
        self.votes = VoteFeed(self.services.judging)
        """Every blind vote is cast and taken back through it; the leaderboard and the grid follow it."""
        self.clients = ClientPool(self.keys, retry=retry, limits=limits)
        self._retry = retry
        self._grid_runner: GridRunner | None = None
        self._judge_runner: JudgeRunner | None = None
        self._batch_runner: GridBatchRunner | None = None
        self._judge_batches: JudgeBatchRunner | None = None
        self._batch_poll = batch_poll
        self.tool_secrets = tool_secrets or ToolSecrets()
        # Cheap to build: the MCP SDK is imported when the first server starts, after the window shows.
        self.tool_hub = ToolHub(self.tool_secrets, on_status=self._tool_status)
        self.tools: ToolsController | None = None
        self.controller = ChatSignals()
        self.approvals = ApprovalPrompt()  # the window places it; the sessions ask through it
        self.session = ChatSession(
            self.store, self.clients, self.controller, tools=self.tool_hub, approver=self.approvals
        )
        self._compare: tuple[CompareSession, CompareSignals] | None = None
        """Made when a compare window first opens (its modules are not needed before)."""
        self.compare_view: CompareView | None = None
        self.compare_runs: CompareRunsMenu | None = None
        self.alternatives: AlternativesLinks | None = None
        self.grid: GridFeature | None = None
        self.demo: ServerThread | None = None
        self.providers: ProvidersController | None = None
        self._profiles: list[Profile] = []
        self._discovered: dict[str, list[DiscoveredModel]] = {}
        self._discovering: dict[str, asyncio.Future[list[DiscoveredModel]]] = {}
        self._credentials_moved: asyncio.Future[None] | None = None
        self._quit = asyncio.Event()

    async def run(self) -> int:
        import asyncio
        import importlib

        from core.chat.request_code import ExchangeService
        from gui.help.menu import HelpMenu
        from gui.tools.controller import ToolsController

        if self.window is None:  # a test's app: the first frame is made here, in the running loop
            self.window = MainWindow(settings=self.settings, tasks=self.tasks)
            self.window.show()
            await first_paint(self.window)
        window = self.window
        # Before anything is awaited: keys typed while the first frame was up reach a complete window.
        window.complete(
            services=self.services,
            exchanges=ExchangeService(self.store),
            session=self.session,
            controller=self.controller,
            profiles=lambda: list(self._profiles),
            discover_models=self.discover_models,
            approvals=self.approvals,
        )
        window.providersRequested.connect(self._open_providers)
        window.compareRequested.connect(lambda: self.tasks.start(self.open_compare()))
        window.comparePromptRequested.connect(lambda text: self.tasks.start(self.open_compare(prompt=text)))
        self.tools = ToolsController(
            window, self.services.tool_settings, self.services.conversations, self.tool_hub,
            self.tool_secrets, self.tasks,
        )  # fmt: skip
        self.tools.serversChanged.connect(window.parameters.set_mcp_servers)
        self.help = HelpMenu(
            window,
            self.tasks,
            self.data_dir,
            paths.log_path(self.data_dir),
            lambda: window.composer.enter_sends,
        )
        window.closeRequested.connect(self._quit.set)
        window.choiceChanged.connect(self._choice_changed)
        await self.services.conversations.tidy_at_start()
        if self.options.demo:
            await self._start_demo()
        profiles = await self.services.profiles.all()
        self._profiles_changed(profiles)
        # httpx loads (off the UI thread) before anything renders Markdown: where rich and click are installed
        # it imports Pygments' lexers, a module that replaces itself in sys.modules while it loads, so a
        # first Markdown render on the UI thread at the same moment fails ("cannot import name 'TextLexer'").
        await asyncio.to_thread(importlib.import_module, "core.api.client")
        transfer = self._add_features(self.window)
        await self.window.start()
        if self._credentials_moved is not None:
            await asyncio.wait([self._credentials_moved])
        transfer.start_daily_backup()
        self.tasks.start(self.tools.start())  # the servers start after the first paint
        if self.options.smoke_test:
            from gui.smoke import smoke_test

            code = await smoke_test(self.window, self.controller)
            await self.shutdown()
            return code
        await self._quit.wait()
        await self.shutdown()
        return 0

    def _add_features(self, window: MainWindow) -> TransferMenu:
        """What the first frame does not show: the providers' controller, the File menu's export and import,
        the saved comparisons, the links to a turn's alternatives. Built before the conversation opens."""
        from gui.compare.alternatives_links import AlternativesLinks
        from gui.compare.saved_runs import CompareRunsMenu
        from gui.judging.leaderboard_menu import LeaderboardMenu
        from gui.providers.controller import ProvidersController
        from gui.spend.menu import SpendMenu
        from gui.transfer.menu import TransferMenu

        self.providers = ProvidersController(
            window, self.services.profiles, self.keys, self.clients, self.tasks,
            self.services.provider_checks, lambda: window.current_settings().model,
        )  # fmt: skip
        self.providers.profilesChanged.connect(self._profiles_changed)
        self.providers.providerChecked.connect(window.show_provider_check)
        # Profiles from before URL credentials lived in the keyring: moved there, off the UI thread (the
        # daily backup waits for it: a copy of the database taken meanwhile would keep the passwords).
        self._credentials_moved = self.tasks.start(self.providers.move_credentials_to_keyring())
        self.compare_runs = CompareRunsMenu(
            window, window.view_menu, window.current_conversation,
            self.services.compare_runs, self.tasks,
            lambda run_id: self.tasks.start(self.open_compare(run_id)),
        )  # fmt: skip
        self.alternatives = AlternativesLinks(window.transcript, self.services, self.tasks, window)
        self.grid = self._grid_feature(window)
        self.spend = SpendMenu(window, window.view_menu, self.services.spend, self.tasks)
        self.leaderboard = LeaderboardMenu(window, window.view_menu, self.votes, self.tasks)
        self.transfer = TransferMenu(window, self.services.transfer, self.tasks, self.data_dir)
        self.transfer.imported.connect(lambda report: self.votes.announce() if report.votes else None)
        return self.transfer

    def _grid_feature(self, window: MainWindow) -> GridFeature:
        """Tools → Evaluation grid…: the runner (its events through Qt signals the grid window follows) and
        the cost preview through the send preview's token counter."""
        from core.grid.cost import CostPreview, cost_preview
        from core.grid.runner import GridRunner
        from core.model.grid import GridRun
        from gui.grid.feature import GridFeature
        from gui.grid.run_signals import GridSignals

        assert self.tools is not None
        signals = GridSignals()
        runner = GridRunner(self.store, self.clients, signals, retry=self._retry)
        self._grid_runner = runner

        async def estimate(run: GridRun) -> CostPreview:
            counter = self.session.input_counter
            return await cost_preview(
                run.test_set, run.variants, run.repeats, counter, self.clients.price_overrides
            )

        return GridFeature(
            window, self.tools.menu,
            grids=self.services.grids, runner=runner, signals=signals, tasks=self.tasks,
            settings=self.settings,
            profile_names=lambda: [profile.name for profile in self._profiles],
            presets=window.presets.presets, estimate=estimate, judge=self._judge_tools(),
            batches=self._batch_tools(), judging=self.votes,
        )  # fmt: skip

    def _batch_tools(self) -> BatchTools:
        """Grid runs sent as Message Batches: the runner (its events through Qt signals), the probe the
        window asks before offering a batch, and batches a quit left open followed again from now on."""
        from core.grid.batch_runner import GridBatchRunner
        from gui.grid.batch_choice import BatchTools
        from gui.grid.batch_signals import BatchSignals

        signals = BatchSignals()
        runner = GridBatchRunner(
            self.store, self.clients, self.services.judging, signals, poll=self._batch_poll
        )
        self._batch_runner = runner

        async def supports_batches(profile_name: str | None) -> bool:
            return (await runner.flow.support(profile_name)).supported

        self.tasks.start(runner.resume_open())
        return BatchTools(runner, signals, supports_batches, self.services.judging.batch_jobs)

    def _judge_tools(self) -> JudgeTools:
        """The grid's LLM judge: its runners, live and as a Message Batch (events through the same Qt
        signals; judge batches a quit left open followed again from now on), the cost of a pass priced like
        a run's (judgements already made left out), and the models offered for judging."""
        from collections.abc import Sequence

        from core.grid.cost import CostPreview
        from core.judging.judge_batch import JudgeBatchRunner
        from core.judging.judge_cost import judge_cost_preview
        from core.judging.judge_plan import Pair
        from core.judging.judge_runner import JudgeRunner
        from core.model.catalog import MODELS
        from core.model.grid import GridRun
        from core.model.judging import JudgeTemplate, PairJudgement, RubricScore, VoteSourceKind
        from gui.judging.judge_signals import JudgeSignals
        from gui.judging.judge_tools import JudgeTools

        judging = self.services.judging
        signals = JudgeSignals()
        self._judge_runner = JudgeRunner(self.clients, judging, signals, retry=self._retry)
        batches = JudgeBatchRunner(
            self.clients, judging, signals, self.services.grids.run, poll=self._batch_poll
        )
        self._judge_batches = batches
        self.tasks.start(batches.resume_open())

        async def supports_batches(profile_name: str | None) -> bool:
            return (await batches.support(profile_name)).supported

        async def estimate(run: GridRun, template: JudgeTemplate, pairs: Sequence[Pair]) -> CostPreview:
            assert run.id is not None
            existing: list[RubricScore | PairJudgement] = [
                *await judging.rubric_scores(run.id),
                *await judging.pair_judgements(VoteSourceKind.GRID, run.id),
            ]
            return await judge_cost_preview(
                run, template, self.session.input_counter, pairs,
                existing=existing, price_overrides=self.clients.price_overrides,
            )  # fmt: skip

        def models() -> list[str]:
            found = [info.id for info in MODELS]
            for discovered in self._discovered.values():
                found.extend(model.id for model in discovered)
            return list(dict.fromkeys(found))

        return JudgeTools(judging, self._judge_runner, signals, estimate, models, batches, supports_batches)

    def _open_providers(self) -> None:
        if self.providers is not None:  # made a moment after the first frame (_add_features)
            self.providers.open_dialog()

    async def discover_models(self, profile_name: str) -> list[DiscoveredModel]:
        """The provider's model list, asked once per session; none when it has no list or no key yet. Callers
        asking while it is on its way share the one request."""
        import asyncio

        if profile_name in self._discovered:
            return self._discovered[profile_name]
        asking = self._discovering.get(profile_name)
        if asking is None:
            # Kept by the app's tasks, so quitting cancels a list still on its way.
            asking = self._discovering[profile_name] = self.tasks.start(self._list_models(profile_name))
        # A caller that goes away (a closed picker) does not cancel the others' answer.
        return await asyncio.shield(asking)

    async def _list_models(self, profile_name: str) -> list[DiscoveredModel]:
        import asyncio

        from core.wire.errors import ApiError

        this = asyncio.current_task()
        try:
            client = await self.clients.client_for(profile_name)
            models = await client.list_models()
        except ApiError:
            models = None
        if self._discovering.get(profile_name) is this:  # the providers did not change meanwhile
            del self._discovering[profile_name]
            if models is not None:
                self._discovered[profile_name] = models
        return models or []

    async def _provider_losses(self) -> dict[str, frozenset[Loss]]:
        """What each provider's last check found lost (none for a provider never checked)."""
        from core.model.provider_check import known_losses

        losses: dict[str, frozenset[Loss]] = {}
        for profile in self._profiles:
            losses[profile.name] = known_losses(await self.services.provider_checks.latest(profile.name))
        return losses

    async def open_compare(self, run_id: int | None = None, prompt: str | None = None) -> None:
        """A compare window for the current conversation, its columns starting from the saved settings, or
        showing the saved run `run_id` as it was; with a `prompt` (the empty state's example), it is sent at
        once to three temperatures."""
        assert self.window is not None
        await self.window.persist_settings()
        conversation = self.window.current_conversation()
        if conversation is None:
            return
        # Imported here: the compare window's modules are not needed for the first paint.
        from core.compare.presets import preset_temperatures
        from gui.compare.view import CompareView

        session, controller = self._compare_session()
        view = CompareView(
            session=session,
            controller=controller,
            tasks=self.tasks,
            conversation_id=conversation.id,
            base_settings=conversation.settings,
            base_profile=conversation.profile_name,
            profile_names=[profile.name for profile in self._profiles],
            provider_losses=await self._provider_losses(),
            saved_presets=self.window.presets.presets(),  # the parameter panel's list: one list for both
            enter_sends=self.window.composer.enter_sends,
            judging=self.votes,
            parent=self.window,
        )
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.continued.connect(self.window.reopen)
        view.confirmed.connect(self.window.show_notice)
        self.compare_view = view
        view.destroyed.connect(self._forget_compare_view)
        view.show()
        if run_id is not None:
            await view.reopen(run_id)
        elif prompt:
            view.use_columns(preset_temperatures(conversation.settings))
            view.prompt.setPlainText(prompt)
            view.send()

    def bring_forward(self, arguments: list[str]) -> None:
        """A later start on this data folder handed over its arguments: show the window to the user."""
        log.info("A later start handed over %s", arguments)
        if self.window is None:
            return  # still starting: the window shows itself in a moment
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def _tool_status(self, status: ServerStatus) -> None:
        if self.tools is not None:
            self.tools.status_changed(status)

    def _compare_session(self) -> tuple[CompareSession, CompareSignals]:
        if self._compare is None:
            from core.compare.session import CompareSession
            from gui.compare.session_signals import CompareSignals

            controller = CompareSignals()
            session = CompareSession(
                self.store, self.clients, controller, tools=self.tool_hub, approver=self.approvals
            )
            self._compare = session, controller
        return self._compare

    def _forget_compare_view(self) -> None:
        self.compare_view = None

    def _profiles_changed(self, profiles: list[Profile]) -> None:
        self._discovered.clear()
        self._discovering.clear()
        if self.window is not None and (current := self.window.current_conversation()) is not None:
            # A renamed profile renamed its conversations in the store: show the stored name.
            self.window.reopen(current.id)
        self._profiles = profiles
        self.clients.set_profiles(profiles)
        assert self.window is not None
        self.window.set_profiles([profile.name for profile in profiles])

    def _choice_changed(self, key: str, value: str) -> None:
        self.settings.setValue(key, value)
        if key == "theme":
            apply_theme(self.qt_app, value)
        elif key == "language" and self.window is not None:
            self.window.composer.show_notice(
                QCoreApplication.translate("TriptychApp", "The language changes when Triptych starts again.")
            )

    async def _start_demo(self) -> None:
        # Imported here: the demo server's aiohttp is a sixth of the app's imports; only --demo needs it.
        import asyncio

        from core.demo import ServerThread, demo_server
        from core.model.profile import Profile

        self.demo = ServerThread(demo_server(DEMO_KEY, port=self.options.demo_port))
        base_url = await asyncio.to_thread(self.demo.start)
        profile = Profile(name=DEMO_PROFILE, base_url=base_url)
        await self.services.profiles.save(profile)
        self.keys.set(DEMO_PROFILE, DEMO_KEY, session_only=True)

    async def close_after_failure(self) -> None:
        """After a start that failed: the window hidden, and everything closed as at quit."""
        if self.window is not None:
            self.window.hide()
        # The database that failed may fail again while closing: what matters now is saying why.
        with contextlib.suppress(StoreError):
            await self.shutdown()

    async def shutdown(self) -> None:
        """Stop every reply (saving what came), then close the network, the database and the demo."""
        import asyncio

        if self.window is not None and self.window.completed:
            await self.window.persist_settings()
            self.window.stop_saving()
        await self.session.close()
        if self._grid_runner is not None:
            await self._grid_runner.close()  # runs under way are left paused, to resume next time
        if self._judge_runner is not None:
            await self._judge_runner.close()  # judgements made are kept; the rest are judged next time
        if self._batch_runner is not None:
            await self._batch_runner.close()  # the batches go on at the provider; followed again next start
        if self._judge_batches is not None:
            await self._judge_batches.close()
        if self._compare is not None:
            await self._compare[0].close()
        await self.tasks.shutdown()
        # Every MCP server ended, so no child process outlives the app; a server may take a second or two
        # to exit, so meanwhile the rest closes.
        servers_closed = asyncio.ensure_future(self.tool_hub.close())
        await self.clients.aclose()
        if self.demo is not None:
            # Its port changes every start: a saved Demo profile would point nowhere next time.
            await self.services.profiles.delete(DEMO_PROFILE)
            await asyncio.to_thread(self.demo.stop)
        await self.store.close()
        self.settings.sync()
        await servers_closed

    def _report_error(self, error: BaseException) -> None:
        if self.window is not None:
            problem = str(error) or type(error).__name__
            notice = QCoreApplication.translate("TriptychApp", "Something went wrong: {error}")
            self.window.composer.show_notice(notice.format(error=problem))


def install_translation(qt_app: QApplication, language: str) -> None:
    """Any locale with a .qm file in the `resources` package is loaded, with Qt's own translation for its
    standard buttons and dialogs. Any other locale gets English, the source language, for its plural forms:
    without it a count would read "2 alternative(s)"."""
    name = QLocale.system().name() if language == "system" else language
    found = translation_file(name)
    if found is None:
        name, found = "en", translation_file("en")
    dates.use_interface_locale(name)
    if found is None:
        return
    ours = _TranslationData(found.read_bytes(), qt_app)
    if not ours.loaded:
        return
    # Qt's own first: the last installed is asked first, and ours answers nearly every lookup (in C++).
    qt_own = _QtOwnTranslation(qt_app)
    if qt_own.load(f"qtbase_{name}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        qt_app.installTranslator(qt_own)
    qt_app.installTranslator(ours)


class _QtOwnTranslation(QTranslator):
    """Qt's catalogue for its own dialogs, which lags its sources: Qt 6's file dialog says "&Look in:" and
    "Files of &type:", which qtbase_zh_CN.qm knows only as "Look in:" and "Files of type:" (so they showed in
    English). A text with a mnemonic the catalogue lacks is looked up without it, the mnemonic kept the way
    the catalogue writes others ("文件名称(&N)：")."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # Not found is None (a null QString): an empty string would be taken as the translation, and Qt
        # would not go on to the source text.
        found = super().translate(context, source, disambiguation, n)
        if found:
            return found
        at = source.find("&")
        if not 0 <= at < len(source) - 1 or source[at + 1] == "&":  # "&&" is an ampersand, not a mnemonic
            return None
        plain = super().translate(context, source[:at] + source[at + 1 :], disambiguation, n)
        if not plain:
            return None
        key = f"(&{source[at + 1].upper()})"
        colon = plain[-1] if plain[-1] in ":：" else ""
        return plain[: len(plain) - len(colon)] + key + colon


class _TranslationData(QTranslator):
    """A translator loaded from bytes (package data need not be a file on disk). Qt reads the bytes in place,
    without a copy, so they live as long as the translator does."""

    def __init__(self, data: bytes, parent: QApplication) -> None:
        super().__init__(parent)
        self._data = data
        self.loaded = self.load(data)


def run(options: AppOptions) -> int:
    if options.smoke_test and options.data_dir is None:
        # A smoke test leaves the user's data alone: a fresh folder, removed afterwards.
        with tempfile.TemporaryDirectory(prefix="triptych-smoke-") as folder:
            return run(dataclasses.replace(options, data_dir=folder))
    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    # The window's WM_CLASS class and its desktop file's name (X11's _KDE_NET_WM_DESKTOP_FILE, Wayland's app
    # id; else Qt says "python3"): a dock groups the window under the desktop entry's icon.
    qt_app.setApplicationName(WINDOW_CLASS)
    qt_app.setDesktopFileName(APP_ID)
    qt_app.setStyle("Fusion")
    qt_app.setWindowIcon(app_icon())  # start-up dialogs too, before the app proper exists
    try:
        data_dir = paths.data_dir(options.data_dir)
    except OSError as error:
        # The folder that could not be made; its database would have been inside it.
        made = Path(str(error.filename or options.data_dir or "."))
        problem = FolderNotWritableError(str(error), path=made / paths.DATABASE_FILE)
        return startup_failed(startup_problem(problem))
    # Read first for the language and theme, so a refusal below is in the user's words; the window and the
    # app go on with the same object.
    settings = QSettings(str(paths.settings_path(data_dir)), QSettings.Format.IniFormat)
    install_translation(qt_app, str(settings.value("language", "system")))
    # Before any window or dialog exists: the first paint is already in the chosen colours.
    apply_theme(qt_app, str(settings.value("theme", "system")))
    try:
        # Before the database opens: it is never opened by two processes.
        lock = FolderLock.acquire(data_dir)
    except FolderInUseError as error:
        from gui.startup.single_instance import hand_over

        running = hand_over(data_dir, list(options.arguments))
        if running is None:
            return startup_failed(startup_problem(error))
        print(already_running(data_dir, running))
        return 0
    except StoreError as error:
        return startup_failed(startup_problem(error))
    try:
        return _run_holding(qt_app, options, data_dir, settings)
    finally:
        lock.release()


def _run_holding(qt_app: QApplication, options: AppOptions, data_dir: Path, settings: QSettings) -> int:
    """The app, once this process holds the data folder."""
    # The first frame before the rest: the window, its conversation list and the composer (which has the
    # focus) are on screen before the log file, the hand-over socket, asyncio, the store, the network and
    # the chat load. Keys typed meanwhile wait in Qt's queue and reach the composer once the loop below runs
    # (show_first_frame). A later start waits for the socket (hand_over tries for a few seconds).
    window = MainWindow(settings=settings, tasks=TaskKeeper())
    show_first_frame(window)
    import asyncio

    import qasync

    from gui.startup.log_file import start_log_file
    from gui.startup.single_instance import InstanceServer

    start_log_file(paths.log_path(data_dir))
    instance = InstanceServer(data_dir)
    if not instance.listen():
        log.warning("Later starts cannot hand over to this one: no local socket")

    loop = qasync.QEventLoop(qt_app)
    asyncio.set_event_loop(loop)
    try:
        app = TriptychApp(qt_app, options, first_frame=FirstFrame(window, settings))
    except StoreError as error:
        window.hide()
        instance.close()
        return startup_failed(startup_problem(error))
    instance.handedOver.connect(app.bring_forward)
    with loop:
        try:
            return loop.run_until_complete(app.run())
        except StoreError as error:
            # The database failed while starting (a file damaged inside): the reason, not a traceback.
            loop.run_until_complete(app.close_after_failure())
            return startup_failed(startup_problem(error))
        finally:
            instance.close()
