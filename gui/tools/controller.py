"""The Tools menu and what its dialogs change: MCP servers saved to the store (their secret values to the
keyring), the hub configured to match, the servers' live status shown while the dialog is open, and the
remembered approvals and the tool-call limit.

The hub (core.tools.hub.ToolHub) is the app's; this controller configures it from the store at start (after
the window shows: a server's start never delays the first paint) and after each Save.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from core.model.tools import ServerConfig, ServerState, ServerStatus
from core.store.errors import StoreError
from core.store.services import ConversationService, ToolSettingsService
from core.tools.config_formats import export_mcp_servers
from core.tools.hub import ToolHub
from core.tools.secrets import SecretsUnavailable, ToolSecrets
from gui.tasks import TaskKeeper
from gui.tools.files import FileChooser, choose_config_file, choose_export_file

if TYPE_CHECKING:
    from core.model.tools import ApprovalRule
    from gui.tools.import_dialog import ImportServersDialog
    from gui.tools.permissions_dialog import PermissionsDialog
    from gui.tools.servers_dialog import ServerEdit, ServersDialog

log = logging.getLogger(__name__)


class ToolsController(QObject):
    """Signals:
    serversChanged(list): the configured servers as (name, enabled), at start and after each Save.
    """

    serversChanged = Signal(list)

    def __init__(
        self,
        window: QMainWindow,
        tool_settings: ToolSettingsService,
        conversations: ConversationService,
        hub: ToolHub,
        secrets: ToolSecrets,
        tasks: TaskKeeper,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = tool_settings
        self._conversations = conversations
        self._hub = hub
        self._secrets = secrets
        self._tasks = tasks
        self.servers_dialog: ServersDialog | None = None
        self.permissions_dialog: PermissionsDialog | None = None
        self.import_dialog: ImportServersDialog | None = None
        self.choose_file: FileChooser = choose_config_file
        self.choose_export: FileChooser = choose_export_file
        """The file dialogs (a test answers them itself)."""
        self.menu = window.menuBar().addMenu(self.tr("&Tools"))
        self.servers_action = QAction(self.tr("MCP servers…"), window)
        self.servers_action.triggered.connect(self.open_servers)
        self.permissions_action = QAction(self.tr("Permissions…"), window)
        self.permissions_action.triggered.connect(self.open_permissions)
        self.menu.addActions([self.servers_action, self.permissions_action])

    # --- the hub ------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the saved servers (each reports its status as it goes)."""
        await self._configure(await self._settings.servers())

    async def _configure(self, servers: Sequence[ServerConfig]) -> None:
        self.serversChanged.emit([(config.name, config.enabled) for config in servers])
        if servers or self._hub.statuses():
            # Without any server the hub's thread is never started.
            await self._hub.configure(servers)

    def status_changed(self, status: ServerStatus) -> None:
        """The hub's on_status: called on the UI thread's loop."""
        dialog = self.servers_dialog
        if dialog is None:
            return
        dialog.show_status(status)
        if status.state in (ServerState.READY, ServerState.FAILED, ServerState.DISABLED):
            dialog.show_tools(status.name, self._hub.tools([status.name]))

    # --- MCP servers… -------------------------------------------------------------------------------

    def open_servers(self) -> None:
        self._tasks.start(self._open_servers())

    async def _open_servers(self) -> None:
        from gui.tools.servers_dialog import ServersDialog

        if self.servers_dialog is not None:
            self.servers_dialog.raise_()
            self.servers_dialog.activateWindow()
            return
        servers = await self._settings.servers()
        tools = {config.name: self._hub.tools([config.name]) for config in servers}
        dialog = ServersDialog(servers, self._hub.statuses(), tools, self._window)
        dialog.importRequested.connect(self._open_import)
        dialog.serversSaved.connect(lambda edits, removed: self._tasks.start(self._save(edits, removed)))
        dialog.restartRequested.connect(lambda name: self._tasks.start(self._hub.restart(name)))
        dialog.exportRequested.connect(self._export)
        dialog.finished.connect(self._forget_servers_dialog)
        self.servers_dialog = dialog
        dialog.open()

    def _forget_servers_dialog(self) -> None:
        self.servers_dialog = None

    def _open_import(self) -> None:
        from gui.tools.import_dialog import ImportServersDialog

        parent = self.servers_dialog
        if parent is None:
            return
        dialog = ImportServersDialog(parent, choose_file=self.choose_file)
        dialog.serversChosen.connect(parent.add_drafts)
        dialog.finished.connect(self._forget_import_dialog)
        self.import_dialog = dialog
        dialog.open()

    def _forget_import_dialog(self) -> None:
        self.import_dialog = None

    def _export(self, servers: list[ServerConfig]) -> None:
        dialog = self.servers_dialog
        path = self.choose_export(dialog or self._window)
        if path is not None:
            self._tasks.start(self._write_export(path, servers))

    async def _write_export(self, path: Path, servers: list[ServerConfig]) -> None:
        """mcpServers JSON, secret values left empty; written whole or not at all."""
        from core.transcripts.atomic_file import write_text_atomic

        text = export_mcp_servers(servers)
        try:
            await asyncio.to_thread(write_text_atomic, path, text)
        except OSError as error:
            notice, failed = self.tr("Not exported: {reason}").format(reason=error.strerror or error), True
        else:
            notice, failed = self.tr("Exported to {path}").format(path=path), False
        if self.servers_dialog is not None:
            self.servers_dialog.show_notice(notice, error=failed)

    async def _save(self, edits: list[ServerEdit], removed: list[str]) -> None:
        """Secrets first (a keyring that refuses leaves the database as it was), then the servers, then the
        hub restarts what changed."""
        before = {config.name: config for config in await self._settings.servers()}
        try:
            await asyncio.to_thread(self._keep_secrets, edits, removed, before)
            for name in removed:
                await self._settings.delete_server(name)
            for edit in edits:
                renamed = edit.previous_name is not None and edit.previous_name != edit.draft.config.name
                await self._settings.save_server(
                    edit.draft.config, old_name=edit.previous_name if renamed else None
                )
        except (SecretsUnavailable, StoreError) as error:
            log.warning("MCP servers not saved: %s", error)
            if self.servers_dialog is not None:
                self.servers_dialog.save_failed(str(error) or type(error).__name__)
            return
        await self._configure(await self._settings.servers())
        # The hub restarts a server whose config changed; one whose secret alone changed is restarted here.
        for edit in edits:
            config = edit.draft.config
            if edit.draft.secrets and config.enabled and before.get(config.name) == config:
                await self._hub.restart(config.name)

    def _keep_secrets(
        self, edits: list[ServerEdit], removed: list[str], before: dict[str, ServerConfig]
    ) -> None:
        """On a worker thread: the keyring may wait on D-Bus."""
        for edit in edits:
            config, old = edit.draft.config, before.get(edit.previous_name or "")
            for name, value in edit.draft.secrets.items():
                self._secrets.write(config.name, name, value)
            if old is None:
                continue
            renamed = old.name != config.name
            for name in old.secret_names:
                if name in config.secret_names and renamed and name not in edit.draft.secrets:
                    kept = self._secrets.read(old.name, name)
                    if kept is not None:
                        self._secrets.write(config.name, name, kept)
                if renamed or name not in config.secret_names:
                    self._secrets.delete(old.name, name)
        for server in removed:
            if (old := before.get(server)) is not None:
                for name in old.secret_names:
                    self._secrets.delete(server, name)

    # --- Permissions… -------------------------------------------------------------------------------

    def open_permissions(self) -> None:
        self._tasks.start(self._open_permissions())

    async def _open_permissions(self) -> None:
        from gui.tools.permissions_dialog import PermissionsDialog

        if self.permissions_dialog is not None:
            self.permissions_dialog.raise_()
            return
        rules = await self._settings.rules()
        limit = await self._settings.tool_limit()
        wanted = {rule.conversation_id for rule in rules if rule.conversation_id is not None}
        titles = {s.id: s.title for s in await self._conversations.summaries() if s.id in wanted}
        dialog = PermissionsDialog(rules, limit, titles, self._window)
        dialog.ruleRevoked.connect(lambda rule: self._tasks.start(self._revoke(rule)))
        dialog.limitChanged.connect(lambda limit: self._tasks.start(self._settings.set_tool_limit(limit)))
        dialog.finished.connect(self._forget_permissions_dialog)
        self.permissions_dialog = dialog
        dialog.open()

    async def _revoke(self, rule: ApprovalRule) -> None:
        await self._settings.revoke_rule(rule)

    def _forget_permissions_dialog(self) -> None:
        self.permissions_dialog = None
