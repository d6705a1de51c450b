"""Every kind of failure is worded by its type: each one the user can act on has its own sentence."""

import socket
from pathlib import Path
from types import SimpleNamespace

import qasync
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.model.conversation import ErrorKind, ReplyError
from gui.app import install_translation
from gui.error_messages import describe, headline
from tests.gui.conftest import run, wait_until
from tests.gui.driver import start

GENERIC = {ErrorKind.OTHER, ErrorKind.OTHER_STATUS}


def test_each_specific_kind_has_its_own_headline(qapp: QApplication) -> None:
    generic = headline(ReplyError(ErrorKind.OTHER, "?"))
    worded = {kind: headline(ReplyError(kind, "?", status=500)) for kind in ErrorKind if kind not in GENERIC}
    assert generic not in worded.values()
    assert len(set(worded.values())) == len(worded), "two kinds read the same"


def test_the_details_and_the_request_id_follow_the_headline(qapp: QApplication) -> None:
    text = describe(
        ReplyError(ErrorKind.RATE_LIMIT, "slow down", status=429, request_id="req_9", retry_after=2)
    )
    assert text.splitlines() == [
        "Too many requests (429). The provider asks to wait 2 s.",
        "Details: slow down",
        "Request id: req_9",
    ]


def test_in_the_chinese_interface_a_network_errors_details_are_chinese(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    """A refused connection, through the real window in Chinese: the details line under the error is worded
    by the GUI from core's typed detail, not core's English sentence."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    nowhere = SimpleNamespace(base_url=f"http://127.0.0.1:{port}")  # nothing listens there now
    translators = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    install_translation(qapp, "zh_CN")

    async def body() -> None:
        app = await start(qapp, tmp_path, nowhere)  # type: ignore[arg-type]
        app.type_and_send(qtbot, "你好")
        await wait_until(lambda: "连接被拒绝" in app.transcript_text(), timeout=20, what="the error")
        text = app.transcript_text()
        assert f"详情：无法连接到 127.0.0.1:{port}：连接被拒绝。服务器是否在运行？" in text, text
        assert "Could not connect" not in text
        (_user, reply) = await app.path()
        assert reply.error is not None and reply.error.message.startswith("Could not connect")
        await app.quit()

    try:
        run(qloop, body())
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - translators:
            qapp.removeTranslator(translator)
            translator.setParent(None)
        QLocale.setDefault(locale)
