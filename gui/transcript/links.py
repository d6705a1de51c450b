"""The transcript's signals, and where a click on one of its links goes.

Links the transcript draws itself use the `triptych:` scheme (`triptych:<action>/<arguments>`); a web link
is only reported, never opened here; any other scheme does nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from gui.transcript.cards import SCHEME
from gui.transcript.turn_html import copy_link_code


class TurnLinks(QWidget):
    """The transcript's signals; subclasses scroll to an anchor and toggle a thinking block.

    Signals:
        retryRequested(int): the Retry link under a failed reply (its message id).
        linkClicked(QUrl): an http or https link in the transcript; nothing else is emitted or opened.
        copyCodeRequested(str): a code block's Copy link; the code is already on the clipboard.
        toolResultRequested(int, str): "Reply with result…" on a tool call of the last turn
            (message id, tool_use id).
        allShown(): every turn of the conversation is in the document (older turns arrive in slices).
        turnsChanged(): turns were shown or added (their versions may need asking for, see set_versions).
        editRequested(int), regenerateRequested(int), branchRequested(int): a turn's Edit, Regenerate or
            Branch link (its message id).
        replyRequested(int): "Get reply" on the last turn when it is the user's (its message id).
        versionRequested(int): a version switcher's arrow (the id of the version to show).
        alternativesRequested(int): a chosen compare reply's "alternatives" link (its message id).
        turnMenuRequested(int, QMenu): a right-click on a turn (its message id), before its menu shows:
            add actions to the menu.
    """

    retryRequested = Signal(int)
    linkClicked = Signal(QUrl)
    copyCodeRequested = Signal(str)
    toolResultRequested = Signal(int, str)
    allShown = Signal()
    turnsChanged = Signal()
    editRequested = Signal(int)
    regenerateRequested = Signal(int)
    branchRequested = Signal(int)
    replyRequested = Signal(int)
    versionRequested = Signal(int)
    alternativesRequested = Signal(int)
    turnMenuRequested = Signal(int, QMenu)

    def _scroll_to_anchor(self, name: str) -> None:
        raise NotImplementedError

    def _toggle_thinking(self, message_id: int, index: int) -> None:
        raise NotImplementedError

    def _show_full_text(self, message_id: int) -> None:
        raise NotImplementedError

    def _toggle_tool_output(self, message_id: int, tool_use_id: str) -> None:
        raise NotImplementedError

    def _route_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            self.linkClicked.emit(url)
            return
        if not url.scheme() and url.fragment():
            self._scroll_to_anchor(url.fragment())
            return
        if url.scheme() != SCHEME:
            return
        action, _, rest = url.path(QUrl.ComponentFormattingOption.FullyDecoded).partition("/")
        if action == "copy":
            code = copy_link_code(rest)
            QGuiApplication.clipboard().setText(code)
            self.copyCodeRequested.emit(code)
        elif action == "thinking":
            message_id, _, index = rest.partition("/")
            self._toggle_thinking(int(message_id), int(index))
        elif action == "full-text":
            self._show_full_text(int(rest))
        elif action == "retry":
            self.retryRequested.emit(int(rest))
        elif action == "tool-output":
            message_id, _, tool_use_id = rest.partition("/")
            self._toggle_tool_output(int(message_id), tool_use_id)
        elif action == "tool-result":
            message_id, _, tool_use_id = rest.partition("/")
            self.toolResultRequested.emit(int(message_id), tool_use_id)
        elif action in ("edit", "regenerate", "branch", "version", "alternatives", "reply"):
            getattr(self, f"{action}Requested").emit(int(rest))
