"""Edit and branch through the real window, against the fake server over real HTTP and a real SQLite file:
edits and regenerations become versions (`‹ 2/2 ›`), switching shows and sends the chosen branch, a branch
copies into a new conversation, and the choice survives a restart."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.demo import FakeServer, HttpError, Reply, Text
from gui.chat.edit_message_dialog import EditMessageDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import SLOW, Running, start
from tests.keyring_backends import DictKeyring

FRANCE, GERMANY = "Capital of France?", "Capital of Germany?"


def click(app: Running, action: str, message_id: int) -> None:
    """Follow a transcript link, as a click does; the link must be on screen."""
    href = f"triptych:{action}/{message_id}"
    assert href in app.window.transcript.browser.toHtml(), f"no {action} link for message {message_id}"
    app.window.transcript.browser.anchorClicked.emit(QUrl(href))


def sent_texts(server: FakeServer) -> list[str]:
    return [block["text"] for m in server.requests[-1].body["messages"] for block in m["content"]]


async def idle(app: Running) -> None:
    await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")


async def two_turns(app: Running, qtbot: QtBot) -> list:
    app.server.enqueue(Reply([Text("Paris is the capital.")]), Reply([Text("About two million.")]))
    app.type_and_send(qtbot, FRANCE)
    await wait_until(lambda: "Paris is the capital." in app.transcript_text(), what="the first reply")
    await idle(app)
    app.type_and_send(qtbot, "How many live there?")
    await wait_until(lambda: "About two million." in app.transcript_text(), what="the second reply")
    await idle(app)
    return await app.path()


async def edit(app: Running, message_id: int, text: str) -> None:
    click(app, "edit", message_id)
    await wait_until(lambda: app.window.findChild(EditMessageDialog) is not None, what="the edit dialog")
    dialog = app.window.findChild(EditMessageDialog)
    assert dialog.editor.toPlainText() != ""
    dialog.editor.setPlainText(text)
    dialog.send_button.click()


def test_editing_an_earlier_message_makes_a_version_and_switching_sends_the_branch_shown(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        keys = KeyStore(DictKeyring())
        app = await start(qapp, tmp_path, server, keys)
        france, *_ = await two_turns(app, qtbot)
        server.enqueue(Reply([Text("Berlin " * 30 + "is the capital of Germany.")], pace=SLOW))
        await edit(app, france.id, GERMANY)
        await wait_until(lambda: "Berlin Berlin" in app.transcript_text(), what="the new reply streaming")
        assert "of Germany." not in app.transcript_text(), "the reply should appear while it streams"
        await wait_until(lambda: "of Germany." in app.transcript_text(), what="the whole new reply")
        await wait_until(lambda: "‹ 2/2 ›" in app.transcript_text(), what="the version switcher")
        assert "Paris" not in app.transcript_text() and "How many" not in app.transcript_text()
        assert sent_texts(server) == [GERMANY]
        # Its last words are painted before the reply is saved and ends; versions change only after that.
        await idle(app)

        click(app, "version", france.id)
        await wait_until(lambda: "Paris is the capital." in app.transcript_text(), what="the old branch")
        await wait_until(lambda: "‹ 1/2 ›" in app.transcript_text(), what="the switcher at 1/2")
        assert "Berlin" not in app.transcript_text() and "About two million." in app.transcript_text()
        server.enqueue(Reply([Text("Yes, about two million.")]))
        app.type_and_send(qtbot, "Really?")
        await wait_until(lambda: "Yes, about" in app.transcript_text(), what="the reply on the old branch")
        assert sent_texts(server) == [
            FRANCE,
            "Paris is the capital.",
            "How many live there?",
            "About two million.",
            "Really?",
        ]
        await idle(app)
        await app.quit()

        again = await start(qapp, tmp_path, server, keys)
        await wait_until(lambda: "Yes, about" in again.transcript_text(), what="the branch after a restart")
        await wait_until(lambda: "‹ 1/2 ›" in again.transcript_text(), what="the switcher after a restart")
        versions = await again.app.store.call(lambda s: s.sibling_position(france.id))
        assert versions.next_id is not None
        click(again, "version", versions.next_id)
        await wait_until(lambda: "of Germany." in again.transcript_text(), what="the edited branch")
        await again.quit()
        last = await start(qapp, tmp_path, server, keys)
        await wait_until(lambda: "of Germany." in last.transcript_text(), what="the choice remembered")
        assert "Paris" not in last.transcript_text()
        await last.quit()

    run(qloop, body(), timeout=60)


def test_regenerate_with_another_model_sends_it_and_keeps_the_settings(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        *_, reply = await two_turns(app, qtbot)
        assert "triptych:regenerate/" in app.window.transcript.browser.toHtml()
        menu = app.window.branches.regenerate_menu(reply.id)
        actions = {action.text(): action for action in menu.actions()}
        assert set(actions) == {
            "With the current settings (Claude Sonnet 4.6)",
            "With another model (this reply only)",
        }
        models = {
            action.data(): action
            for action in actions["With another model (this reply only)"].menu().actions()
        }
        assert "claude-sonnet-4-6" not in models, "the model in use is the first choice, not listed again"
        server.enqueue(Reply([Text("Roughly 2.1 million, says Haiku.")]))
        models["claude-haiku-4-5-20251001"].trigger()
        await wait_until(lambda: "says Haiku." in app.transcript_text(), what="the regenerated reply")
        await idle(app)
        assert server.requests[-1].body["model"] == "claude-haiku-4-5-20251001"
        assert sent_texts(server) == [FRANCE, "Paris is the capital.", "How many live there?"]
        await wait_until(lambda: "‹ 2/2 ›" in app.transcript_text(), what="the reply's versions")
        assert "About two million." not in app.transcript_text()
        assert "claude-haiku-4-5-20251001" in app.transcript_text(), (
            "the footer names the model that answered"
        )
        conversation = await app.app.store.call(lambda s: s.get_conversation(reply.conversation_id))
        assert conversation.settings.model == "claude-sonnet-4-6"
        assert app.window.model_picker.model_id() == "claude-sonnet-4-6"

        server.enqueue(Reply([Text("Two million and a bit.")]))
        actions["With the current settings (Claude Sonnet 4.6)"].trigger()
        await wait_until(lambda: "and a bit." in app.transcript_text(), what="the third version")
        assert server.requests[-1].body["model"] == "claude-sonnet-4-6"
        await wait_until(lambda: "‹ 3/3 ›" in app.transcript_text(), what="three versions")
        menu.close()

        context = QMenu(app.window)
        app.window.transcript.turnMenuRequested.emit((await app.path())[-1].id, context)
        labels = [action.text() for action in context.actions() if not action.isSeparator()]
        assert labels[-3:] == ["Regenerate", "Branch into new conversation", "Delete this version…"]
        context.deleteLater()
        await app.quit()

    run(qloop, body())


def test_branch_into_a_new_conversation_copies_the_path_and_opens_it(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        original = app.window.current_conversation()
        _, paris, *_ = await two_turns(app, qtbot)
        click(app, "branch", paris.id)
        await wait_until(lambda: app.window.current_conversation().id != original.id, what="the new one")
        copy = app.window.current_conversation()
        assert copy.title == f"Branch 2: {FRANCE}"
        await wait_until(lambda: "How many" not in app.transcript_text(), what="the copied path shown")
        assert FRANCE in app.transcript_text() and "Paris is the capital." in app.transcript_text()
        await wait_until(
            lambda: app.window.conversations.current_id() == copy.id, what="the copy listed and selected"
        )
        rows = app.window.conversations.model
        titles = {rows.index(row).data() for row in range(rows.rowCount())}
        assert titles == {FRANCE, f"Branch 2: {FRANCE}"}
        server.enqueue(Reply([Text("Lyon is second.")]))
        app.type_and_send(qtbot, "And the second city?")
        await wait_until(lambda: "Lyon is second." in app.transcript_text(), what="a reply in the copy")
        assert sent_texts(server) == [FRANCE, "Paris is the capital.", "And the second city?"]
        kept = await app.app.store.call(lambda s: s.current_path(original.id))
        assert [m.content[0]["text"] for m in kept][-1] == "About two million."
        await idle(app)
        await app.quit()

    run(qloop, body())


def test_a_reply_streaming_on_a_branch_can_be_stopped_and_versions_wait_for_it(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        france, *_ = await two_turns(app, qtbot)
        server.enqueue(HttpError(529, "Overloaded"), Reply([Text("word " * 200)], pace=SLOW))
        await edit(app, france.id, GERMANY)
        await wait_until(
            lambda: "overloaded right now" in app.transcript_text(), what="the error on the branch"
        )
        failed = (await app.path())[-1]
        click(app, "retry", failed.id)
        await wait_until(lambda: "word word" in app.transcript_text(), what="the retried reply streaming")
        shown = [m.id for m in await app.path()]
        click(app, "version", france.id)
        assert "A reply is arriving" in app.window.composer.notice.text()
        qtbot.keyClick(app.window.composer.editor, Qt.Key.Key_Escape)
        await idle(app)
        path = await app.path()
        assert [m.id for m in path] == shown and path[-1].status == "cancelled"
        assert "Stopped — partial reply kept." in app.transcript_text()
        assert "Paris" not in app.transcript_text()
        await wait_until(lambda: "‹ 2/2 ›" in app.transcript_text(), what="the switcher")
        click(app, "version", france.id)
        await wait_until(lambda: "Paris is the capital." in app.transcript_text(), what="the switch after")
        await app.quit()

    run(qloop, body())


def test_switching_a_version_keeps_that_turn_in_view(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(*[Reply([Text(f"Answer {n}.\n\n" + "A line of text.\n\n" * 30)]) for n in range(5)])
        for n in range(5):
            app.type_and_send(qtbot, f"Question {n}")
            await wait_until(lambda n=n: f"Answer {n}." in app.transcript_text(), what=f"reply {n}")
            await idle(app)
        first = (await app.path())[0]
        server.enqueue(Reply([Text("Short.")]))
        await edit(app, first.id, "Question zero")
        await wait_until(lambda: "Short." in app.transcript_text(), what="the edited branch")
        await idle(app)
        click(app, "version", first.id)
        await wait_until(lambda: "Answer 4." in app.transcript_text(), what="the long branch again")
        scroll = app.window.transcript.browser.verticalScrollBar()
        assert scroll.maximum() > 0 and scroll.value() < scroll.maximum() / 2, (
            "the switched turn stays in view"
        )
        await app.quit()

    run(qloop, body())


def test_deleting_a_version_from_the_turn_menu_keeps_the_others(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        france, *_ = await two_turns(app, qtbot)
        server.enqueue(Reply([Text("Berlin is the capital of Germany.")]))
        await edit(app, france.id, GERMANY)
        await wait_until(lambda: "‹ 2/2 ›" in app.transcript_text(), what="the version switcher")
        await idle(app)
        germany = (await app.path())[0]
        questions: list[str] = []
        app.window.branches.confirm_delete = lambda question: questions.append(question) or True

        menu = QMenu()
        app.window.transcript.turnMenuRequested.emit(germany.id, menu)
        [delete] = [action for action in menu.actions() if action.text() == "Delete this version…"]
        delete.trigger()

        await wait_until(lambda: "Paris is the capital." in app.transcript_text(), what="the other version")
        assert questions and "other versions are kept" in questions[0]
        assert "Berlin" not in app.transcript_text() and "‹" not in app.transcript_text()
        assert (await app.path())[0].id == france.id
        menu = QMenu()
        app.window.transcript.turnMenuRequested.emit(france.id, menu)
        assert "Delete this version…" not in [action.text() for action in menu.actions()], "the last version"
        await app.quit()

    run(qloop, body())


def test_a_branch_from_the_users_message_has_its_own_title_and_offers_get_reply(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    """Branching twice gives two titles, neither the source's; a branch ending on the user's message shows
    "Get reply", which asks for the reply to that message (and then goes)."""

    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        original = app.window.current_conversation()
        france, paris, *_ = await two_turns(app, qtbot)
        click(app, "branch", paris.id)
        await wait_until(lambda: app.window.current_conversation().id != original.id, what="the first branch")
        first = app.window.current_conversation()
        await app.window.reopen(original.id)
        click(app, "branch", france.id)
        await wait_until(
            lambda: app.window.current_conversation().id not in (original.id, first.id), what="the second"
        )
        second = app.window.current_conversation()
        assert [first.title, second.title] == [f"Branch 2: {FRANCE}", f"Branch 3: {FRANCE}"]
        await wait_until(lambda: "Paris is the capital." not in app.transcript_text(), what="the copy")
        await wait_until(lambda: "Get reply" in app.transcript_text(), what="Get reply on the last turn")
        server.enqueue(Reply([Text("Paris, again.")]))
        copied_user = (await app.path())[-1]
        click(app, "reply", copied_user.id)
        await wait_until(lambda: "Paris, again." in app.transcript_text(), what="the reply")
        await idle(app)
        assert sent_texts(server) == [FRANCE]
        assert "Get reply" not in app.transcript_text()
        assert [m.role for m in await app.path()] == ["user", "assistant"]
        await app.quit()

    run(qloop, body())
