"""Issue 15's defects behind a relay, through the real window: the fake server speaks as LiteLLM does (a quirk
profile of `core.demo.quirks`, or the relay's exact bytes), and each test asserts what the user sees."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.api.retry import RetryPolicy
from core.demo import (
    CUT_THEN_ERROR,
    HEADERS_RENAMED,
    OVERLOADED_AS_500,
    ErrorEvent,
    FakeServer,
    HttpError,
    Pace,
    Quirks,
    RawResponse,
    Reply,
    Text,
    Thinking,
    ToolUse,
)
from core.model.profile import ApiStyle, Profile
from core.model.request_settings import ThinkingSettings
from gui.app import AppOptions, TriptychApp
from gui.chat.tool_results import ToolResultsDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, Running
from tests.keyring_backends import DictKeyring

STEADY = Pace(chunk_chars=8, delta_interval=0.01)
LONG_TEXT = "A reply that a relay will break in the middle. " * 6


@pytest.fixture
def relay(request: pytest.FixtureRequest) -> Iterator[FakeServer]:
    quirks: Quirks = getattr(request, "param", Quirks())
    with FakeServer.running_in_thread(api_key=KEY, quirks=quirks) as running:
        yield running


async def start(
    qapp: QApplication,
    data_dir: Path,
    server: FakeServer,
    *,
    api_style: ApiStyle = "anthropic",
    retry: RetryPolicy | None = None,
) -> Running:
    keys = KeyStore(DictKeyring())
    keys.set("Relay", KEY)
    options = AppOptions(data_dir=str(data_dir))
    app = TriptychApp(qapp, options, keys=keys, retry=retry or RetryPolicy(max_retries=0))
    await app.store.call(lambda s: s.save_profile(Profile("Relay", server.base_url, api_style=api_style)))
    task = asyncio.ensure_future(app.run())
    await wait_until(
        lambda: app.window is not None and app.window._conversation is not None, what="the window"
    )
    return Running(app, task, server)


def sends(server: FakeServer) -> list:
    """The requests for a reply (the window also lists the relay's models when it opens)."""
    return [r for r in server.requests if r.path in ("/v1/messages", "/v1/chat/completions")]


def reply_ended(app: Running) -> bool:
    return app.window.composer.send_button.text() == "Send"


def test_a_thinking_signature_from_thinking_blocks_survives_a_tool_follow_up_over_the_openai_route(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, relay: FakeServer
) -> None:
    """Defect 1: LiteLLM sends the signature in `thinking_blocks`; the follow-up after the tool result must
    carry the thinking block, signature and all, or the API refuses it while thinking is on."""

    async def body() -> None:
        app = await start(qapp, tmp_path, relay, api_style="openai")
        panel = app.window.parameters
        thinking = ThinkingSettings("enabled", budget_tokens=2000)
        panel.set_settings(dataclasses.replace(panel.settings(), max_tokens=4000, thinking=thinking))
        call = ToolUse("get_weather", {"city": "Paris"}, id="toolu_r1")
        relay.enqueue(
            Reply([Thinking("The weather tool, then.", "sig-from-litellm"), call], pace=STEADY),
            Reply([Text("Sunny in Paris.")]),
        )
        app.type_and_send(qtbot, "Weather in Paris?")
        await wait_until(lambda: "get_weather" in app.transcript_text(), what="the tool call")
        await wait_until(lambda: reply_ended(app), what="the call to end")
        reply = (await app.path())[-1]
        assert reply.content[0]["signature"] == "sig-from-litellm", "the signature is kept with the reply"
        app.window.transcript.toolResultRequested.emit(reply.id, "toolu_r1")
        await wait_until(lambda: app.window.findChild(ToolResultsDialog) is not None, what="the dialog")
        dialog = app.window.findChild(ToolResultsDialog)
        dialog._fields[0][1].setPlainText('{"temp": 21}')
        dialog.accept()
        await wait_until(lambda: "Sunny in Paris." in app.transcript_text(), what="the follow-up reply")
        follow_up = sends(relay)[-1].body
        assert follow_up["thinking"] == {"type": "enabled", "budget_tokens": 2000}
        assistant = next(m for m in follow_up["messages"] if m["role"] == "assistant")
        assert assistant["thinking_blocks"] == [
            {"type": "thinking", "thinking": "The weather tool, then.", "signature": "sig-from-litellm"}
        ]
        assert assistant["tool_calls"][0]["id"] == "toolu_r1"
        await app.quit()

    run(qloop, body())


def test_an_error_event_mid_stream_is_worded_by_its_type_not_as_a_529(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, relay: FakeServer
) -> None:
    """Defect 2: the HTTP status was 200; the event said overloaded_error."""

    async def body() -> None:
        app = await start(qapp, tmp_path, relay)
        relay.enqueue(Reply([Text(LONG_TEXT)], pace=STEADY, faults=[ErrorEvent(after_deltas=6)]))
        app.type_and_send(qtbot, "Go on")
        await wait_until(lambda: "in the middle of the reply" in app.transcript_text(), what="the error")
        text = app.transcript_text()
        assert "The model became overloaded in the middle of the reply (an overloaded_error event" in text
        assert "529" not in text
        reply = (await app.path())[-1]
        assert reply.status == "error" and reply.content[0]["text"] == LONG_TEXT[:48], "what came is kept"
        await app.quit()

    run(qloop, body())


@pytest.mark.parametrize("relay", [HEADERS_RENAMED], indirect=True)
def test_a_retry_after_renamed_by_the_relay_is_waited_out(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, relay: FakeServer
) -> None:
    """Defect 3: the relay forwards `retry-after: 2` as `llm_provider-retry-after: 2`."""

    async def body() -> None:
        app = await start(qapp, tmp_path, relay, retry=RetryPolicy(max_retries=1))
        relay.enqueue(HttpError(429, "Rate limited", headers={"retry-after": "2"}), Reply([Text("Made it.")]))
        notices: list[str] = []
        app.type_and_send(qtbot, "Again")
        await wait_until(lambda: len(sends(relay)) >= 1, what="the first request")
        first_at = time.monotonic()

        def retried() -> bool:
            """The retry went out; every notice shown meanwhile is noted on the way."""
            notice = app.window.composer.notice.text()
            if notice and notice not in notices:
                notices.append(notice)
            return len(sends(relay)) >= 2

        await wait_until(retried, timeout=10, what="the retry")
        waited = time.monotonic() - first_at
        await wait_until(lambda: "Made it." in app.transcript_text(), what="the retried reply")
        assert any("The provider asks to wait 2 s." in n and "Retrying in 2 s" in n for n in notices), notices
        assert waited >= 1.8, f"retried after {waited:.2f} s, inside the wait the relay asked for"
        await app.quit()

    run(qloop, body())


@pytest.mark.parametrize("relay", [OVERLOADED_AS_500], indirect=True)
def test_an_overloaded_model_wrapped_in_a_500_says_overloaded_and_shows_the_relays_id(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, relay: FakeServer
) -> None:
    """Defect 4: LiteLLM answers an upstream 529 with a 500 naming overloaded_error in its message, with no
    request-id header, only its own x-litellm-call-id."""

    async def body() -> None:
        app = await start(qapp, tmp_path, relay)
        relay.enqueue(HttpError(529, "Overloaded"))
        app.type_and_send(qtbot, "Hello")
        await wait_until(lambda: "overloaded right now" in app.transcript_text(), what="the error")
        text = app.transcript_text()
        assert "the provider answered 500, and its message names overloaded_error" in text
        assert "internal error" not in text
        assert re.search(r"Request id: call_\w+", text), text
        reply = (await app.path())[-1]
        assert reply.error is not None and reply.error.status == 500, "the status is kept as it came"
        await app.quit()

    run(qloop, body())


@pytest.mark.parametrize("api_style", ["anthropic", "openai"])
def test_a_half_event_then_the_relays_error_event_shows_the_relays_error(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path, api_style: ApiStyle
) -> None:
    """Defect 5: the upstream is cut mid-event; the relay forwards the half `data:` line without a line end,
    then writes its own ping and error events."""

    async def body() -> None:
        with FakeServer.running_in_thread(api_key=KEY, quirks=CUT_THEN_ERROR) as relay:
            app = await start(qapp, tmp_path, relay, api_style=api_style)
            relay.enqueue(Reply([Text(LONG_TEXT)], pace=STEADY))
            app.type_and_send(qtbot, "Tell me")
            await wait_until(
                lambda: "peer closed connection" in app.transcript_text(), what="the relay's error"
            )
            await wait_until(lambda: reply_ended(app), what="the reply to end")
            text = app.transcript_text()
            assert "The provider reported an error in the middle of the reply (api_error)." in text
            assert "broke the protocol" not in text
            assert "is not valid JSON" in text, "the malformed event is reported too"
            reply = (await app.path())[-1]
            assert reply.status == "error" and reply.content[0]["text"] == LONG_TEXT[:24]
            await app.quit()

    run(qloop, body())


LITELLM_NO_DB = '{"error":{"message":"No connected db.","type":"no_db_connection","param":null,"code":"400"}}'
LITELLM_UPSTREAM_401 = (
    '{"error":{"message":"litellm.AuthenticationError: AnthropicException - {\\"type\\":\\"error\\",'
    '\\"error\\":{\\"type\\":\\"authentication_error\\",\\"message\\":\\"invalid x-api-key\\"}}",'
    '"type":"auth_error","param":"None","code":"401"}}'
)


@pytest.mark.parametrize(
    ("status", "body", "quoted"),
    [
        (400, LITELLM_NO_DB, "“No connected db.”"),
        (401, LITELLM_UPSTREAM_401, "“litellm.AuthenticationError: AnthropicException - "),
    ],
)
def test_a_relay_that_refuses_for_its_own_reasons_is_named_and_quoted(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    relay: FakeServer,
    status: int,
    body: str,
    quoted: str,
) -> None:
    """A relay answers every wrong key with 400 "No connected db." (BerriAI/litellm#12273), or passes on its
    own upstream's 401: "check the key in Providers" alone would mislead."""

    async def main() -> None:
        app = await start(qapp, tmp_path, relay)
        relay.enqueue(RawResponse(status, body, content_type="application/json"))
        app.type_and_send(qtbot, "Hello")
        await wait_until(lambda: "The relay refused the request" in app.transcript_text(), what="the refusal")
        text = app.transcript_text()
        assert f"The relay refused the request ({status}): {quoted}" in text
        assert "check the key in Providers; if it is right" in text
        await app.quit()

    run(qloop, main())
