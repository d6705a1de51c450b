"""The prompt library through the real window: prompts managed in their dialog (kept in the database), "/" in
the composer opening the filtered list, the keyboard choosing, variables asked for and filled in, and the
filled text sent as it was inserted."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Reply, Text
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start


def _popup_rows(app: Running) -> list[str]:
    popup = app.window.prompt_library.popup
    return [popup.item(row).text() for row in range(popup.count())]


async def _add_prompt(app: Running, qtbot: QtBot, title: str, body: str) -> None:
    library = app.window.prompt_library
    dialog = library.manage()
    dialog.new_button.click()
    qtbot.keyClicks(dialog.title, title)
    dialog.body.setPlainText(body)
    dialog.save_button.click()
    await wait_until(lambda: title in [p.title for p in library.prompts()], what=f"{title} saved")


# The manage dialog is shown offscreen, where the platform cannot raise windows.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_slash_opens_the_saved_prompts_and_a_prompt_with_variables_is_filled_in_and_sent(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        library, editor = app.window.prompt_library, app.window.composer.editor
        await _add_prompt(app, qtbot, "Translate", "Translate into {{language}}:\n\n{{text}}")
        await _add_prompt(app, qtbot, "Code review", "Review this code for bugs.")
        dialog = library.dialog
        assert dialog is not None
        assert "No variables" in dialog.found.text()
        dialog.list.setCurrentRow(1)
        assert dialog.title.text() == "Translate"
        assert "language, text" in dialog.found.text()
        dialog.close()

        editor.setFocus()
        qtbot.keyClicks(editor, "/")
        assert library.popup.isVisible()
        assert _popup_rows(app) == ["Code review", "Translate", "Manage prompts…"]
        qtbot.keyClicks(editor, "tra")
        assert _popup_rows(app) == ["Translate", "Manage prompts…"]
        qtbot.keyClick(editor, Qt.Key.Key_Down)
        qtbot.keyClick(editor, Qt.Key.Key_Up)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # picks the prompt: nothing is sent
        assert not library.popup.isVisible()
        await wait_until(lambda: library.variables_dialog is not None, what="the variables form")
        form = library.variables_dialog
        assert form is not None and list(form.fields) == ["language", "text"]
        qtbot.keyClicks(form.fields["language"], "Chinese")
        qtbot.keyClicks(form.fields["text"], "Good morning")
        form.accept()
        await wait_until(lambda: editor.toPlainText().startswith("Translate"), what="the filled text")
        assert editor.toPlainText() == "Translate into Chinese:\n\nGood morning"
        assert not [r for r in server.requests if r.path == "/v1/messages"]

        server.enqueue(Reply([Text("早上好")]))
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        await wait_until(lambda: "早上好" in app.transcript_text(), what="the reply")
        sent = next(r for r in server.requests if r.path == "/v1/messages").body["messages"][-1]["content"]
        assert sent[-1]["text"] == "Translate into Chinese:\n\nGood morning"

        # A prompt without variables goes straight in; Esc closes the list and keeps what was typed.
        qtbot.keyClicks(editor, "/rev")
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        assert editor.toPlainText() == "Review this code for bugs."
        editor.clear()
        qtbot.keyClicks(editor, "/")
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        assert not library.popup.isVisible() and editor.toPlainText() == "/"
        qtbot.keyClicks(editor, "t")
        assert not library.popup.isVisible(), "a dismissed list stays closed while the slash is there"
        editor.clear()
        # A slash that matches no prompt is text to send: the list gets out of the way.
        qtbot.keyClicks(editor, "/etc/hosts")
        assert not library.popup.isVisible()
        assert await app.quit() == 0

        # Kept in the database; edited and deleted in the dialog.
        again = await start(qapp, tmp_path, server)
        library = again.window.prompt_library
        await wait_until(lambda: len(library.prompts()) == 2, what="the prompts after a restart")
        dialog = library.manage()
        dialog.list.setCurrentRow(0)
        assert dialog.title.text() == "Code review"
        dialog.body.setPlainText("Review this {{language}} code.")
        dialog.save_button.click()
        await wait_until(
            lambda: library.prompts()[0].body == "Review this {{language}} code.", what="the edit saved"
        )
        dialog.list.setCurrentRow(1)
        dialog.delete_button.click()
        await wait_until(lambda: [p.title for p in library.prompts()] == ["Code review"], what="the delete")
        await again.quit()

    run(qloop, body())
