"""What a feature may ask of the main window: a small protocol typed with core and Qt types only.

Features (search, export and import, copy as code, edit and branch) are handed a `WindowHost` instead of
importing `gui.main_window`, so the window depends on them and never the reverse, and a test can hand them
a stand-in. `MainWindow` implements it; `tests/gui/test_window_host.py` checks that it does.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from core.model.branching import Versions
from core.model.conversation import Conversation, StoredMessage
from core.model.request_settings import RequestSettings


class TranscriptHost(Protocol):
    """The transcript as features see it: the turns on screen, their versions, and the links' requests."""

    @property
    def turnsChanged(self) -> SignalInstance: ...
    @property
    def turnMenuRequested(self) -> SignalInstance: ...
    @property
    def editRequested(self) -> SignalInstance: ...
    @property
    def regenerateRequested(self) -> SignalInstance: ...
    @property
    def versionRequested(self) -> SignalInstance: ...
    @property
    def branchRequested(self) -> SignalInstance: ...
    @property
    def replyRequested(self) -> SignalInstance: ...

    def message(self, message_id: int) -> StoredMessage | None: ...
    def message_ids(self) -> list[int]: ...
    def versions_of(self, message_id: int) -> Versions | None: ...
    def set_versions(self, versions: Mapping[int, Versions]) -> None: ...
    def set_branch_links(self, enabled: bool) -> None: ...
    def scroll_to_message(self, message_id: int) -> bool: ...


class WindowHost(Protocol):
    """The main window as features see it."""

    @property
    def closeRequested(self) -> SignalInstance: ...
    @property
    def transcript(self) -> TranscriptHost: ...

    def widget(self) -> QWidget:
        """The window as a parent for a feature's dialogs, menus and actions."""
        ...

    def add_file_actions(self, actions: Sequence[QAction | None]) -> None:
        """Add actions to the File menu above Quit, in order; None is a separator. Their shortcuts work
        anywhere in the window."""
        ...

    def show_notice(self, text: str) -> None:
        """A one-line notice above the composer, e.g. "Exported to …"."""
        ...

    def current_conversation(self) -> Conversation | None: ...
    def current_profile(self) -> str | None:
        """The provider profile the window shows (None: there is none yet)."""
        ...

    def current_settings(self) -> RequestSettings:
        """The parameter panel's settings, which may be newer than the stored ones."""
        ...

    async def persist_settings(self) -> None:
        """Save the panel's settings to the current conversation."""
        ...

    def open_conversation(self, conversation_id: int) -> None:
        """Show a conversation, unless it is the one shown."""
        ...

    def reopen(self, conversation_id: int) -> asyncio.Task[None]:
        """Show a conversation as stored now, even if it is the one shown."""
        ...

    def refresh_conversations(self) -> None: ...
