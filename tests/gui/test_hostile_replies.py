"""Replies that once killed or froze the app (issue 18), through the real window against the fake server:
streamed, opened by a click, and as the newest conversation at start, in this process and in the real app's
own process. Whatever a conversation holds, the list, the transcript and the composer's target agree, and
the app goes on."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.api.keys import SERVICE, KeyStore
from core.api.retry import RetryPolicy
from core.demo import FakeServer, Pace, Reply, Text
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.paths import DATABASE_FILE
from core.store.repository import Store
from core.transcripts.export_html import html_export
from gui.app import AppOptions, TriptychApp
from gui.transfer.pdf import write_pdf
from tests.core.render.test_fuzz_markdown import nested_list
from tests.file_keyring import write_key
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, Running, start
from tests.gui.test_crash_safety import _start_app, _wait_for_stream
from tests.keyring_backends import DictKeyring

NESTED = nested_list("\t", "-", 250) + "\n\nThe end of the list."
"""A reply of the issue: a 32 KB list nested 250 deep, which made Python-Markdown raise RecursionError."""


def add_conversation(store: Store, question: str, reply: str, profile: str = "Relay") -> int:
    conversation = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), profile)
    asked = store.add_message(conversation.id, None, "user", [{"type": "text", "text": question}])
    store.add_message(conversation.id, asked.id, "assistant", [{"type": "text", "text": reply}])
    return conversation.id


def damage(data_dir: Path, conversation_id: int) -> None:
    """Make the conversation's messages impossible to show, as a foreign tool writing the file could: their
    content is JSON (the store reads it) but not content blocks (the transcript fails on it)."""
    with closing(sqlite3.connect(data_dir / DATABASE_FILE)) as db, db:
        db.execute(
            "UPDATE messages SET content_json = '[\"not a block\", 7]' WHERE conversation_id = ?",
            (conversation_id,),
        )


def last_request_text(server: FakeServer) -> str:
    return [record for record in server.requests if record.path == "/v1/messages"][-1].raw_body.decode()


def test_a_streamed_nested_list_shows_whole(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(Reply([Text(NESTED)], pace=Pace(chunk_chars=512)))
        app.type_and_send(qtbot, "Nest deeply")
        await wait_until(lambda: "The end of the list." in app.transcript_text(), timeout=30, what="the end")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")
        assert "item 249" in app.transcript_text() and "item 0" in app.transcript_text()
        reply = (await app.path())[-1]
        assert reply.status == "complete" and reply.content[0]["text"] == NESTED
        await app.quit()

    run(qloop, body(), timeout=60)


async def open_by_click(app: Running, conversation_id: int) -> None:
    await app.window._refresh_conversations()
    app.window.conversations.select(conversation_id)  # what a click on its row does


def test_a_nested_list_opened_by_a_click_shows_and_takes_the_next_message(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        first = app.window._conversation
        assert first is not None
        nested = await app.app.store.call(lambda store: add_conversation(store, "Nest for me", NESTED))
        await open_by_click(app, nested)
        await wait_until(lambda: "The end of the list." in app.transcript_text(), what="the nested list")
        assert app.window.conversations.current_id() == nested
        assert app.window._conversation is not None and app.window._conversation.id == nested
        server.enqueue(Reply([Text("Noted.")]))
        app.type_and_send(qtbot, "And now?")
        await wait_until(lambda: "Noted." in app.transcript_text(), what="the next reply")
        assert "item 249" in last_request_text(server), "the message went to the conversation on screen"
        await app.quit()

    run(qloop, body(), timeout=60)


def test_a_conversation_that_cannot_be_read_is_not_opened_and_nothing_disagrees(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(Reply([Text("First answer.")]))
        app.type_and_send(qtbot, "First question")
        await wait_until(lambda: "First answer." in app.transcript_text(), what="the first reply")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the reply to end")
        first = app.window._conversation
        assert first is not None
        broken = await app.app.store.call(lambda store: add_conversation(store, "Broken", "Lost?"))
        damage(tmp_path, broken)

        await open_by_click(app, broken)
        notice = app.window.composer.notice
        await wait_until(lambda: notice.isVisible(), what="the reason it could not be opened")
        assert "could not be opened" in notice.text()
        assert app.window.conversations.current_id() == first.id, "the list selects what is shown"
        assert app.window._conversation is not None and app.window._conversation.id == first.id
        assert "First answer." in app.transcript_text()

        server.enqueue(Reply([Text("Second answer.")]))
        app.type_and_send(qtbot, "Second question")
        await wait_until(lambda: "Second answer." in app.transcript_text(), what="the second reply")
        assert "First answer." in last_request_text(server), "the message went to the conversation shown"
        await app.quit()

    run(qloop, body(), timeout=60)


def test_the_app_starts_when_its_newest_conversation_cannot_be_read(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    store = Store.open(tmp_path / DATABASE_FILE)
    try:
        store.save_profile(Profile("Relay", server.base_url))
        broken = add_conversation(store, "Broken", "Lost?")
    finally:
        store.close()
    damage(tmp_path, broken)

    async def body() -> None:
        keys = KeyStore(DictKeyring())
        keys.set("Relay", KEY)
        app = TriptychApp(
            qapp, AppOptions(data_dir=str(tmp_path)), keys=keys, retry=RetryPolicy(max_retries=0)
        )
        task = asyncio.ensure_future(app.run())
        await wait_until(
            lambda: task.done() or (app.window is not None and app.window.composer.notice.isVisible()),
            what="the window with the reason",
        )
        assert not task.done(), "the app is still running"
        assert app.window is not None
        assert "could not be opened" in app.window.composer.notice.text()
        assert app.window.current_conversation() is None
        running = Running(app, task, server)
        server.enqueue(Reply([Text("A fresh start.")]))
        running.type_and_send(qtbot, "Hello again")
        await wait_until(lambda: "A fresh start." in running.transcript_text(), what="a reply")
        assert await running.quit() == 0

    run(qloop, body(), timeout=60)


def test_the_real_app_starts_with_a_nested_list_as_its_newest_conversation(tmp_path: Path) -> None:
    data_dir, tmp_dir = tmp_path / "data", tmp_path / "tmp"
    data_dir.mkdir()
    tmp_dir.mkdir()
    keyring_file = tmp_path / "keyring.json"
    write_key(keyring_file, SERVICE, "Relay", KEY)
    with FakeServer.running_in_thread(api_key=KEY) as server:
        store = Store.open(data_dir / DATABASE_FILE)
        try:
            store.save_profile(Profile("Relay", server.base_url))
            add_conversation(store, "Nest for me", NESTED)
        finally:
            store.close()
        server.enqueue(Reply([Text("Noted.")]))
        log = tmp_path / "app.log"
        process: subprocess.Popen = _start_app(data_dir, "And now?", tmp_dir, keyring_file, log)
        try:
            record = _wait_for_stream(server, "And now?", process, log)
            assert "item 249" in record.raw_body.decode(), "the prompt went to the conversation it opened"
        finally:
            process.kill()
            process.wait(10)


def test_the_pdf_of_a_reply_markdown_cannot_render_is_written_whole(
    qapp: QApplication, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / DATABASE_FILE)
    try:
        conversation = add_conversation(store, "Nest for me", NESTED)
        exported = store.export_conversation(conversation)
    finally:
        store.close()
    path = tmp_path / "deep.pdf"
    write_pdf(html_export(exported), path)
    assert path.read_bytes().startswith(b"%PDF") and path.stat().st_size > 10_000
