"""A disk that fills up during a reply: the reply still ends, with the reason and Retry, what arrived stays
saved, and once space is freed the composer and Retry work.

The disk is filled for real as SQLite sees it: `PRAGMA max_page_count` at the database's current size makes
every write that needs a new page fail with SQLITE_FULL ("database or disk is full"), exactly the error a
full disk gives, through the app's own connection and code paths.
"""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Pace, Reply, Text
from core.store.repository import Store
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start

LONG = "word " * 4000
"""20 KB: its final save needs pages the full database no longer has."""
STEADY = Pace(chunk_chars=100, delta_interval=0.01)


def _fill(store: Store) -> None:
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")


def _free(store: Store) -> None:
    store._db.execute("PRAGMA max_page_count = 1073741823")


async def _saved_text(app: Running) -> str:
    reply = (await app.path())[-1]
    return "".join(block.get("text", "") for block in reply.content) if reply.role == "assistant" else ""


def test_a_full_disk_ends_the_reply_with_an_error_keeps_the_saved_part_and_recovers(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        server.enqueue(Reply([Text(LONG)], pace=STEADY))
        app.type_and_send(qtbot, "Write a lot")
        saved = ""
        while not saved:  # a part of the reply reached the database: then the disk fills up
            await wait_until(lambda: "word word" in app.transcript_text(), what="the reply to begin")
            saved = await _saved_text(app)
        await app.app.store.call(_fill)

        await wait_until(lambda: "could not be saved" in app.transcript_text(), timeout=30, what="the error")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the composer ready")
        assert "database or disk is full" in app.transcript_text(), "the reason, in the details"
        assert "Retry" in app.transcript_text()
        reply = (await app.path())[-1]
        assert reply.content and LONG.startswith(reply.content[0]["text"]), "the saved part is kept"
        assert len(reply.content[0]["text"]) >= len(saved)
        assert not app.app.session.is_replying(reply.conversation_id)

        await app.app.store.call(_free)
        server.enqueue(Reply([Text("Saved again.")]))
        app.window.transcript.retryRequested.emit(reply.id)
        await wait_until(lambda: "Saved again." in app.transcript_text(), what="the retried reply")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="the retry to end")
        assert (await app.path())[-1].status == "complete"
        assert "could not be saved" not in app.transcript_text()

        server.enqueue(Reply([Text("Enter sends.")]))
        app.type_and_send(qtbot, "And now?")
        await wait_until(lambda: "Enter sends." in app.transcript_text(), what="the next reply")
        await wait_until(lambda: app.window.composer.send_button.text() == "Send", what="it to end")
        assert [m.status for m in await app.path()] == ["complete"] * 4
        assert await app.quit() == 0

    run(qloop, body(), timeout=60)
