"""Conversation tags through the real window: tagged from the list's context menu, shown in the list, found
by the filter (tag:work, plain text, the menu's "Show only"), and kept across a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer
from core.model.request_settings import RequestSettings
from gui.chat.conversation_list import ConversationList, ConversationModel
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


def _shown_titles(conversations: ConversationList) -> list[str]:
    proxy = conversations.proxy
    return [str(proxy.index(row, 0).data(Qt.ItemDataRole.EditRole)) for row in range(proxy.rowCount())]


def _menu_action(conversations: ConversationList, title: str, text: str):  # type: ignore[no-untyped-def]
    """Right-click the row with this title and find the menu's action with this text."""
    row = _shown_titles(conversations).index(title)
    rect = conversations.view.visualRect(conversations.proxy.index(row, 0))
    conversations.view.customContextMenuRequested.emit(QPoint(rect.center()))
    menu = conversations.context_menu
    assert menu is not None
    return next(action for action in menu.actions() if action.text() == text)


async def _three_conversations(app: Running) -> None:
    settings = RequestSettings(model="claude-sonnet-4-6")
    for title in ("Quarterly report", "Holiday plans", "Soup recipes"):
        await app.app.store.call(lambda s, t=title: s.create_conversation(settings, None, t))
    app.window.refresh_conversations()
    await wait_until(lambda: "Soup recipes" in _shown_titles(app.window.conversations), what="the list")


# The context menu pops up offscreen, where the platform cannot raise it or grab the keyboard.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_tagged_conversation_is_shown_with_its_tags_and_found_by_them_after_a_restart(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        conversations = app.window.conversations
        await _three_conversations(app)

        _menu_action(conversations, "Quarterly report", "Tags…").trigger()
        await wait_until(lambda: app.window.tags.dialog is not None, what="the tags dialog")
        dialog = app.window.tags.dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.new_tags, "work, Finance ,work")
        dialog.accept()
        await wait_until(
            lambda: conversations.tags_of(_id_of(conversations, "Quarterly report")) == ["Finance", "work"],
            what="the tags in the list",
        )
        tooltip = conversations.proxy.index(_shown_titles(conversations).index("Quarterly report"), 0)
        assert "#work" in str(tooltip.data(Qt.ItemDataRole.ToolTipRole))

        # A second conversation picks "work" from the tags in use.
        _menu_action(conversations, "Holiday plans", "Tags…").trigger()
        await wait_until(lambda: app.window.tags.dialog is not None and app.window.tags.dialog.isVisible())
        dialog = app.window.tags.dialog
        assert dialog is not None
        known = [dialog.known.item(i).text() for i in range(dialog.known.count())]
        assert known == ["Finance", "work"]
        dialog.known.item(1).setCheckState(Qt.CheckState.Checked)
        dialog.accept()
        await wait_until(
            lambda: conversations.tags_of(_id_of(conversations, "Holiday plans")) == ["work"], what="tagged"
        )

        qtbot.keyClicks(conversations.filter_box, "tag:finance")
        assert _shown_titles(conversations) == ["Quarterly report"]
        conversations.filter_box.clear()
        qtbot.keyClicks(conversations.filter_box, "tag:work")
        assert sorted(_shown_titles(conversations)) == ["Holiday plans", "Quarterly report"]
        conversations.filter_box.clear()
        qtbot.keyClicks(conversations.filter_box, "fin")  # plain text finds a tag as well as a title
        assert _shown_titles(conversations) == ["Quarterly report"]
        conversations.filter_box.clear()
        _menu_action(conversations, "Quarterly report", "Show only #Finance").trigger()
        assert conversations.filter_box.text() == "tag:Finance"
        assert _shown_titles(conversations) == ["Quarterly report"]
        assert await app.quit() == 0

        again = await start(qapp, tmp_path, server)
        listed = again.window.conversations
        await wait_until(lambda: "Quarterly report" in _shown_titles(listed), what="the list after a restart")
        qtbot.keyClicks(listed.filter_box, "tag:finance")
        assert _shown_titles(listed) == ["Quarterly report"]
        assert listed.tags_of(_id_of(listed, "Quarterly report")) == ["Finance", "work"]
        await again.quit()

    run(qloop, body())


def _id_of(conversations: ConversationList, title: str) -> int:
    model = conversations.model
    for row in range(model.rowCount()):
        index = model.index(row)
        if index.data(Qt.ItemDataRole.EditRole) == title:
            return int(index.data(ConversationModel.IdRole))
    raise AssertionError(f"no conversation {title!r}")
