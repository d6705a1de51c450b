"""The approval prompt as a user meets it: what the call is (server, tool, arguments as JSON, the server's
annotations, marked as hints only when the server is not trusted), Enter allows and Esc denies, how long the
answer holds, calls waiting together queue, and a call whose loop is stopped leaves the queue."""

from __future__ import annotations

import asyncio

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from core.chat.tool_loop import ApprovalAnswer, ApprovalRequest
from core.model.tools import Decision, Scope, ToolAnnotations, ToolSpec
from gui.chat.approval_prompt import ApprovalPrompt
from tests.gui.conftest import run, wait_until

DELETE = ToolSpec(
    "git",
    "git_reset",
    "git_reset",
    "Unstages all staged changes",
    {"type": "object", "properties": {"repo_path": {"type": "string"}}},
    ToolAnnotations(title="Reset the index", destructive=True, read_only=False),
)
TIME = ToolSpec("time", "get_current_time", "get_current_time", annotations=ToolAnnotations(read_only=True))


def window(qtbot: QtBot) -> tuple[QWidget, QLineEdit, ApprovalPrompt]:
    """A window with a text box (where the user was typing) and the prompt."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    typing = QLineEdit(host)
    prompt = ApprovalPrompt(host)
    layout.addWidget(typing)
    layout.addWidget(prompt)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    typing.setFocus()
    return host, typing, prompt


def request(spec: ToolSpec = DELETE, trusted: bool = False, **arguments: object) -> ApprovalRequest:
    return ApprovalRequest(7, spec, arguments or {"repo_path": "/tmp/repo", "hard": True}, trusted)


def test_the_prompt_shows_the_call_and_enter_allows_with_the_chosen_scope(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    _host, typing, prompt = window(qtbot)

    async def body() -> ApprovalAnswer:
        asked = asyncio.ensure_future(prompt.approve(request()))
        await wait_until(prompt.isVisible, what="the prompt")
        assert "git_reset" in prompt.tool_label.text() and "git" in prompt.tool_label.text()
        assert "Reset the index" in prompt.tool_label.text()
        assert prompt.arguments.toPlainText() == '{\n  "repo_path": "/tmp/repo",\n  "hard": true\n}'
        annotations = prompt.annotations.text()
        assert "changes things" in annotations and "destructive" in annotations
        assert "Hints only: you have not marked this server as trusted." in annotations
        assert prompt.allow_button.hasFocus()
        prompt.scope.setCurrentIndex(prompt.scope.findData(Scope.CONVERSATION))
        prompt.allow_button.setFocus()
        qtbot.keyClick(prompt.allow_button, Qt.Key.Key_Return)
        return await asked

    assert run(qloop, body()) == ApprovalAnswer(Decision.ALLOW, Scope.CONVERSATION)
    assert not prompt.isVisible()
    assert typing.hasFocus()  # the focus goes back where the user was


def test_esc_denies_from_any_control_of_the_prompt(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    _host, _typing, prompt = window(qtbot)

    async def body() -> ApprovalAnswer:
        asked = asyncio.ensure_future(prompt.approve(request(TIME, trusted=True, timezone="UTC")))
        await wait_until(prompt.isVisible, what="the prompt")
        assert "Hints only" not in prompt.annotations.text()  # a trusted server's annotations are believed
        prompt.arguments.setFocus()
        qtbot.keyClick(prompt.arguments, Qt.Key.Key_Escape)
        return await asked

    assert run(qloop, body()) == ApprovalAnswer(Decision.DENY, Scope.ONCE)


def test_calls_waiting_together_queue_one_at_a_time(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    _host, _typing, prompt = window(qtbot)

    async def body() -> list[ApprovalAnswer]:
        first = asyncio.ensure_future(prompt.approve(request(path="a")))
        second = asyncio.ensure_future(prompt.approve(request(TIME, timezone="Asia/Tokyo")))
        third = asyncio.ensure_future(prompt.approve(request(path="c")))
        await wait_until(lambda: "2 more waiting" in prompt.waiting.text() or "2" in prompt.waiting.text())
        assert '"a"' in prompt.arguments.toPlainText()
        prompt.allow_button.click()
        await wait_until(lambda: "Asia/Tokyo" in prompt.arguments.toPlainText(), what="the second call")
        assert "1" in prompt.waiting.text()
        prompt.deny_button.click()
        await wait_until(lambda: '"c"' in prompt.arguments.toPlainText(), what="the third call")
        assert prompt.waiting.text() == ""
        prompt.allow_button.click()
        return list(await asyncio.gather(first, second, third))

    answers = run(qloop, body())
    assert [answer.decision for answer in answers] == [Decision.ALLOW, Decision.DENY, Decision.ALLOW]
    assert not prompt.isVisible()


def test_a_call_stopped_while_it_waits_leaves_the_queue(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    _host, _typing, prompt = window(qtbot)

    async def body() -> None:
        first = asyncio.ensure_future(prompt.approve(request(path="a")))
        second = asyncio.ensure_future(prompt.approve(request(path="b")))
        await wait_until(lambda: prompt.waiting.text() != "", what="two calls waiting")
        first.cancel()  # the user pressed Stop in that conversation
        await wait_until(lambda: '"b"' in prompt.arguments.toPlainText(), what="the other call")
        assert prompt.pending() == [request(path="b")]
        second.cancel()
        await wait_until(lambda: not prompt.isVisible(), what="the prompt gone")

    run(qloop, body())
    assert QApplication.focusWidget() is not None
