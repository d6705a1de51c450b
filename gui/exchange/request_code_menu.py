"""On a reply's right-click menu: copy its request as cURL or as Python (httpx), or show the raw exchange."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from core.chat.request_code import (
    CodeUnavailableError,
    ExchangeService,
    curl_command,
    env_var_for,
    python_script,
)
from core.model.profile import Profile
from core.wire.exchange import Exchange
from gui.tasks import TaskKeeper
from gui.window_host import WindowHost

if TYPE_CHECKING:
    from gui.exchange.raw_dialog import RawExchangeDialog


class RequestCodeMenu(QObject):
    """Adds its actions to the transcript's menu of an assistant turn. Code goes to the clipboard; the
    composer's notice says what was copied."""

    def __init__(
        self,
        window: WindowHost,
        exchanges: ExchangeService,
        tasks: TaskKeeper,
        profiles: Callable[[], list[Profile]],
    ) -> None:
        super().__init__(window.widget())
        self._window = window
        self._exchanges = exchanges
        self._tasks = tasks
        self._profiles = profiles
        self.dialog: RawExchangeDialog | None = None
        window.transcript.turnMenuRequested.connect(self._add_actions)

    def _add_actions(self, message_id: int, menu: QMenu) -> None:
        message = self._window.transcript.message(message_id)
        if message is None or message.role != "assistant" or message.status == "streaming":
            return
        menu.addSeparator()
        for text, job in (
            (self.tr("Copy request as cURL"), self.copy_curl),
            (self.tr("Copy request as Python (httpx)"), self.copy_python),
            (self.tr("Show raw request/response…"), self.show_raw),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, j=job: self._tasks.start(j(message_id)))

    async def copy_curl(self, message_id: int) -> None:
        await self._copy(message_id, curl_command, self.tr("cURL"))

    async def copy_python(self, message_id: int) -> None:
        await self._copy(message_id, python_script, self.tr("Python"))

    async def show_raw(self, message_id: int) -> None:
        profile = self._profile()
        try:
            exchange = await self._exchanges.to_show(message_id, profile)
        except CodeUnavailableError:
            self._notice(self._unavailable())
            return
        # The dialog and its text's module: loaded when first shown.
        from core.wire.exchange_text import exchange_text
        from gui.exchange.raw_dialog import RawExchangeDialog

        text = await asyncio.to_thread(exchange_text, exchange)
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = RawExchangeDialog(exchange, text, self._window.widget())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()

    def _forget_dialog(self) -> None:
        self.dialog = None

    async def _copy(self, message_id: int, write: Callable[[Exchange, str], str], language: str) -> None:
        profile = self._profile()
        try:
            exchange = await self._exchanges.to_copy(message_id, profile)
        except CodeUnavailableError:
            self._notice(self._unavailable())
            return
        env_var = env_var_for(exchange)
        code = await asyncio.to_thread(write, exchange, env_var)
        QGuiApplication.clipboard().setText(code)
        if exchange.reconstructed:
            notice = self.tr(
                "Copied the request as {language}, rebuilt from the current settings: this reply was sent "
                "before Triptych recorded requests. The key is read from ${variable}."
            )
        else:
            notice = self.tr("Copied the request as {language}. The key is read from ${variable}.")
        self._notice(notice.format(language=language, variable=env_var))

    def _profile(self) -> Profile | None:
        conversation = self._window.current_conversation()
        name = conversation.profile_name if conversation is not None else None
        return next((profile for profile in self._profiles() if profile.name == name), None)

    def _unavailable(self) -> str:
        return self.tr(
            "This reply's request was not recorded, and its provider profile no longer exists to rebuild it."
        )

    def _notice(self, text: str) -> None:
        self._window.show_notice(text)
