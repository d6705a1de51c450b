"""A reply stopped with Esc never got the API's final count (only the "1" of message_start): its footer
shows an estimate from the text that arrived, marked as one, not "1 out"."""

from __future__ import annotations

import math
import re
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.demo import FakeServer, Pace, Reply, Text
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start


def test_after_esc_the_footer_marks_its_output_count_as_an_estimate(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        words = " ".join(f"word{number}" for number in range(400))
        server.enqueue(Reply([Text(words)], pace=Pace(chunk_chars=8, delta_interval=0.01)))
        app.type_and_send(qtbot, "Count slowly")
        await wait_until(lambda: "word30 " in app.transcript_text(), timeout=20, what="some of the reply")
        app.window.stop_action.trigger()
        await wait_until(lambda: "Stopped" in app.transcript_text(), timeout=20, what="the stopped reply")
        (_user, reply) = await app.path()
        assert reply.status == "cancelled" and reply.usage is not None and reply.usage.output_tokens == 1
        received = reply.content[0]["text"]
        footer = app.transcript_text().rsplit("Stopped", 1)[1]
        found = re.search(r"≈([\d,]+) out \(estimated\)", footer)
        assert found, footer
        # About four characters a token, for this Latin-script text.
        assert int(found.group(1).replace(",", "")) == math.ceil(len(received) / 4) > 30
        assert " 1 out" not in footer
        await app.quit()

    run(qloop, body(), timeout=60)
