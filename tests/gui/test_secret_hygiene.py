"""A whole session through the real window never lets the API key out: not into a file, a log, the screen, a
copied command, a request body or another host.

The session adds providers with a distinctive key in the providers dialog (x-api-key with the Anthropic style,
Bearer with the OpenAI style), tests the connection, chats, meets errors whose text echoes the key back (a
401, one base64-encoded, a 403, an `error` event mid-stream, a relay's plain-text 502, a 529 that is retried,
a failing connection test), has a key pasted with a line break inside refused, is redirected to another host,
runs a compare and exports its reports, copies every reply's request as cURL and Python and opens its raw
exchange, exports the conversation in every format and all conversations as JSON and Markdown, and starts
again the next day (which makes a backup). Afterwards the key, and its escaped, base64 and URL-encoded forms,
must be nowhere: not in any file under the test folder (database and its WAL, settings, backups, exports, the
temp and home folders the app was given), not in anything logged (at DEBUG) or printed, not on the clipboard,
not in any widget's text. The fake server checks that the key arrived only in the profile's auth header, and a
second server stands for every other host: it must see no request at all.

A PDF keeps its text compressed and as glyph numbers, so a byte search cannot see into it: the HTML page it is
printed from is searched instead.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import tempfile
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import qasync
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from pytestqt.logging import QtLoggingPlugin
from pytestqt.qtbot import QtBot

from core.api.keys import KeyStore
from core.api.retry import RetryPolicy
from core.demo import ErrorEvent, FakeServer, HttpError, Pace, RawResponse, RecordedRequest, Reply, Text
from core.store.backup import backups_folder
from gui.app import AppOptions, TriptychApp
from gui.compare.view import CompareView
from gui.providers.dialog import ProvidersDialog
from gui.transfer import menu as transfer_menu
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running
from tests.keyring_backends import DictKeyring
from tests.secret_search import secret_forms
from tests.socks5_server import Socks5Server

SECRET = "sk-ant-hygiene-Qm7Zr2Xv9Lp4Tn8Kd3Wb6Ys1Hc5Jf0Ge"
PROFILE = "Hygiene"
BEARER_PROFILE = "Hygiene (Bearer, OpenAI style)"
AUTH_HEADERS = {"x-api-key": SECRET, "authorization": f"Bearer {SECRET}"}
"""Where a request may carry the key: one of these, as the profile's auth style says."""
SLOW = Pace(chunk_chars=6, delta_interval=0.005)
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")


URL_PASSWORD = "url-pass-Hy7Qe4Rt2Wm9"
PROXY_PASSWORD = "proxy-pass-Zk3Vb8Nc5Xs1"
CREDENTIALS_PROFILE = "Hygiene (behind URL and proxy credentials)"
BASIC = "Basic " + base64.b64encode(f"relay-user:{URL_PASSWORD}".encode()).decode()
"""The one place the URL's credentials may be: the Basic auth they make, sent to the profile's host."""
FORMS = secret_forms(SECRET)
CREDENTIAL_FORMS = {
    f"{what} {name}": form
    for what, secret in (("URL password", URL_PASSWORD), ("proxy password", PROXY_PASSWORD))
    for name, form in secret_forms(secret).items()
}


def hits(data: bytes) -> list[str]:
    """The forms of the key, the URL password or the proxy password in `data`."""
    return [name for name, form in (FORMS | CREDENTIAL_FORMS).items() if form in data]


def key_hits(data: bytes) -> list[str]:
    return [name for name, form in FORMS.items() if form in data]


@dataclass
class Session:
    app: Running
    qapp: QApplication
    keys: KeyStore
    server: FakeServer
    elsewhere: FakeServer
    qtbot: QtBot
    monkeypatch: pytest.MonkeyPatch
    data_dir: Path
    exports: Path
    shown: list[str] = field(default_factory=list)
    """Text the app put on the clipboard or in a dialog that may be gone by the end."""


async def start_without_profiles(
    qapp: QApplication, data_dir: Path, server: FakeServer, keys: KeyStore
) -> Running:
    retry = RetryPolicy(max_retries=1, initial_delay=0.05)
    app = TriptychApp(qapp, AppOptions(data_dir=str(data_dir)), keys=keys, retry=retry)
    task = asyncio.ensure_future(app.run())
    await wait_until(
        lambda: app.window is not None and app.window._conversation is not None, what="the window"
    )
    return Running(app, task, server)


async def add_provider(
    session: Session, name: str, *, bearer: bool = False, base_url: str = "", proxy: str = ""
) -> None:
    """The key typed into the providers dialog; "Test connection" meets a 401 that echoes it."""
    window, providers = session.app.window, session.app.app.providers
    earlier = providers.dialog
    window.providers_button.click()
    await wait_until(
        lambda: providers.dialog is not earlier and providers.dialog.isVisible(), what="the providers dialog"
    )
    dialog: ProvidersDialog = providers.dialog
    dialog.add_button.click()
    dialog.name.clear()
    QTest.keyClicks(dialog.name, name)
    dialog.base_url.clear()
    QTest.keyClicks(dialog.base_url, base_url or session.server.base_url)
    QTest.keyClicks(dialog.proxy, proxy)
    if bearer:
        dialog.auth_style.set_choice("bearer")
        dialog.api_style.set_choice("openai")
    if not bearer:
        # Pasted with a line break inside: refused, with the reason and without the key.
        dialog.key.setText(f"{SECRET[:20]}\n{SECRET[20:]}")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert "line break" in dialog.problems.text() and dialog.isVisible()
        session.shown.append(dialog.problems.text())
        dialog.key.clear()
    QTest.keyClicks(dialog.key, SECRET)
    session.server.enqueue(HttpError(401, f"invalid x-api-key: {SECRET}"), path="/v1/models")
    dialog.test_button.click()
    await wait_until(lambda: "✗" in dialog.test_result.text(), timeout=10, what="the connection test")
    # Saving reloads the open conversation. The store is kept busy until the new provider is picked, so the
    # reload ends after the pick, as it may on a loaded machine: it once showed the old provider again, and
    # the chat went there, where the URL's and the proxy's passwords a relay echoed were not known secrets.
    store_busy = threading.Event()

    def hold_the_store(_profiles: object) -> None:
        session.app.app.store.call(lambda _store: store_busy.wait(10))

    providers.profilesChanged.connect(hold_the_store)
    try:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        await wait_until(lambda: window.profile_picker.findText(name) >= 0, what="the profile in the picker")
        window.profile_picker.setCurrentText(name)
    finally:
        store_busy.set()
        providers.profilesChanged.disconnect(hold_the_store)


async def chat_through_an_openai_style_relay(session: Session) -> None:
    """Bearer auth and /v1/chat/completions, an error in OpenAI's shape echoing the key, then back."""
    await add_provider(session, BEARER_PROFILE, bearer=True)
    session.server.enqueue(Reply([Text("Hello from the other style.")], pace=SLOW))
    await chat(session, "Hello there", "Hello from the other style.")
    session.server.enqueue(HttpError(403, f"key {SECRET} may not use this model"))
    await chat(session, "Forbidden?", "not allowed to do this (403)")
    session.app.window.profile_picker.setCurrentText(PROFILE)


async def chat(session: Session, prompt: str, shown: str) -> None:
    session.app.type_and_send(session.qtbot, prompt)
    await wait_until(lambda: shown in session.app.transcript_text(), timeout=10, what=shown)
    await wait_until(
        lambda: session.app.window.composer.send_button.text() == "Send", what="the reply to end"
    )


async def chat_and_meet_errors(session: Session) -> None:
    server, echo = session.server, f"the key {SECRET} is not valid"
    server.enqueue(Reply([Text("Hello from the relay.")], pace=SLOW))
    await chat(session, "Hello", "Hello from the relay.")
    server.enqueue(HttpError(401, echo))
    await chat(session, "Again", "rejected the API key")
    assert "the key [API key] is not valid" in session.app.transcript_text(), "the echo is shown, keyless"
    basic = base64.b64encode(f"relay-user:{SECRET}".encode()).decode()
    server.enqueue(
        HttpError(401, f"credentials Basic {basic} and {base64.urlsafe_b64encode(SECRET.encode())!r}")
    )
    await chat(session, "Base64 this time", "credentials Basic")
    server.enqueue(Reply([Text("Half an answer")], pace=SLOW, faults=[ErrorEvent(2, "api_error", echo)]))
    await chat(session, "And again", "Half")
    server.enqueue(RawResponse(502, f"upstream said: {echo}", headers={"x-should-retry": "false"}))
    await chat(session, "Once more", "internal error (502)")
    retrying: list[str] = []
    session.app.app.controller.replyRetrying.connect(
        lambda _id, error, _wait, _n: retrying.append(str(error))
    )
    server.enqueue(HttpError(529, echo, headers={"retry-after": "0.2"}), Reply([Text("Back again.")]))
    await chat(session, "After the overload", "Back again.")
    assert retrying == ["the key [API key] is not valid"], "the retry notice gets the error without the key"
    redirect = {"location": f"{session.elsewhere.base_url}/v1/messages"}
    server.enqueue(RawResponse(307, "", headers=redirect))
    await chat(session, "Redirected", "redirected to another host")


async def chat_behind_url_and_proxy_credentials(session: Session) -> None:
    """A relay whose base URL carries user:password, through a SOCKS5 proxy that wants one too, then an
    error that echoes the URL's password."""
    async with Socks5Server(("proxy-user", PROXY_PASSWORD)) as socks:
        host = session.server.base_url.removeprefix("http://")
        await add_provider(
            session,
            CREDENTIALS_PROFILE,
            base_url=f"http://relay-user:{URL_PASSWORD}@{host}",
            proxy=f"socks5://proxy-user:{PROXY_PASSWORD}@127.0.0.1:{socks.port}",
        )
        session.server.enqueue(Reply([Text("Behind credentials.")], pace=SLOW))
        await chat(session, "Through the proxy", "Behind credentials.")
        session.server.enqueue(
            HttpError(401, f"user relay-user:{URL_PASSWORD} may not, said {PROXY_PASSWORD}")
        )
        await chat(session, "Refused?", "may not, said [API key]")
        assert socks.logins and set(socks.logins) == {("proxy-user", PROXY_PASSWORD)}
    assert any(record.headers.get("authorization") == BASIC for record in session.server.requests)
    session.app.window.profile_picker.setCurrentText(PROFILE)


async def compare_and_export_reports(session: Session) -> None:
    window = session.app.window
    window.compare_action.trigger()
    await wait_until(lambda: session.app.app.compare_view is not None, what="the compare window")
    view: CompareView = session.app.app.compare_view
    session.server.enqueue(Reply([Text("Left column.")], pace=SLOW), HttpError(401, f"bad key {SECRET}"))
    view.prompt.setPlainText("Compare this")
    view.send_button.click()
    await wait_until(
        lambda: view.run is not None and all(column.metrics is not None for column in view.columns),
        timeout=10,
        what="both columns",
    )
    folder = session.exports / "compare"
    folder.mkdir()
    view.choose_folder = lambda _parent: str(folder)
    view.export_button.click()
    await wait_until(lambda: len(list(folder.iterdir())) >= 2, what="the compare reports")


async def copy_every_request(session: Session) -> None:
    """Every reply's request as cURL and as Python, and its raw exchange, as the reply's menu offers them."""
    menu, clipboard = session.app.window.request_code, QApplication.clipboard()
    replies = [message for message in await session.app.path() if message.role == "assistant"]
    assert len(replies) >= 6
    for reply in replies:
        for copy, start in ((menu.copy_curl, "curl"), (menu.copy_python, "import")):
            clipboard.clear()
            await copy(reply.id)
            await wait_until(lambda start=start: start in clipboard.text(), what=f"{start} code")
            session.shown.append(clipboard.text())
        await menu.show_raw(reply.id)
        await wait_until(lambda: menu.dialog is not None and menu.dialog.isVisible(), what="the raw exchange")
        session.shown += [menu.dialog.request.toPlainText(), menu.dialog.response.toPlainText()]
    menu.dialog.close()


class AnswerWith:
    """The file dialogs of the File menu, answered with paths in the test's export folder."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.save: tuple[Path, int] = (out / "conversation.md", 0)

    def save_path(self, parent: object, title: str, suggested: Path, filters: list[str]) -> tuple[Path, int]:
        return self.save

    def folder(self, parent: object, title: str) -> Path:
        return self.out / "all-markdown"

    def open_path(self, parent: object, title: str, filters: list[str]) -> None:
        return None

    def choose(self, parent: object, title: str, label: str, items: list[str], chosen: object) -> None:
        return None


async def export_in_every_format(session: Session) -> None:
    transfer, notice = session.app.app.transfer, session.app.window.composer.notice
    dialogs = transfer.dialogs = AnswerWith(session.exports)
    for index, name in enumerate(("conversation.md", "conversation.json", "conversation.html", "page.pdf")):
        dialogs.save = (session.exports / name, index)
        transfer.export_action.trigger()
        await wait_until(
            lambda name=name: f"Exported to {session.exports / name}" in notice.text(), what=name
        )
    dialogs.save = (session.exports / "all.json", 0)
    transfer.export_all_json_action.trigger()
    await wait_until(lambda: (session.exports / "all.json").exists(), what="all as JSON")
    (session.exports / "all-markdown").mkdir()
    transfer.export_all_markdown_action.trigger()
    await wait_until(lambda: any((session.exports / "all-markdown").iterdir()), what="all as Markdown")
    await wait_until(lambda: "Exported" in notice.text() and "all-markdown" in notice.text(), what="done")


class _NextDay(date):
    @classmethod
    def today(cls) -> date:
        return date.fromordinal(date.today().toordinal() + 1)


async def restart_the_next_day(session: Session) -> None:
    """Quit, and start again the next day: the day's backup copies the database as the session left it, and
    the window shows the stored replies and errors again."""
    assert await session.app.quit() == 0
    session.monkeypatch.setattr(transfer_menu, "date", _NextDay)
    backups = backups_folder(session.data_dir)
    made = set(backups.iterdir()) if backups.exists() else set()
    session.app = await start_without_profiles(session.qapp, session.data_dir, session.server, session.keys)
    session.app.window.profile_picker.setCurrentText(PROFILE)
    await wait_until(lambda: set(backups.iterdir()) - made != set(), what="the next day's backup")
    await wait_until(lambda: "Back again." in session.app.transcript_text(), what="the conversation")


STEPS: list[Callable[[Session], Awaitable[None]]] = [
    lambda session: add_provider(session, PROFILE),
    chat_and_meet_errors,
    chat_through_an_openai_style_relay,
    chat_behind_url_and_proxy_credentials,
    compare_and_export_reports,
    copy_every_request,
    export_in_every_format,
    restart_the_next_day,
]
"""The session, in order. Each export or copy the app gains gets a step here."""


def shown_leaks(qapp: QApplication) -> list[str]:
    """The widgets whose text holds the key (password fields excepted: they hold what the user typed)."""
    leaks: list[str] = []
    for widget in qapp.allWidgets():
        if isinstance(widget, QLineEdit) and widget.echoMode() == QLineEdit.EchoMode.Password:
            continue
        texts = [widget.toolTip(), widget.accessibleName(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QTextEdit):
            texts += [widget.toPlainText(), widget.toHtml()]
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        if found := hits("\n".join(texts).encode()):
            leaks.append(f"shown in a {type(widget).__name__} ({', '.join(found)})")
    if found := hits(QApplication.clipboard().text().encode()):
        leaks.append(f"on the clipboard ({', '.join(found)})")
    return leaks


def leaks_in_request(record: RecordedRequest) -> list[str]:
    """Where in the request the key was, other than the one auth header it belongs in."""
    carried = [name for name, value in record.headers.items() if key_hits(value.encode())]
    places = [f"header {name}" for name in carried if record.headers[name] != AUTH_HEADERS.get(name)]
    # The URL's credentials go only as the Basic auth they make, and only to the profile that has them.
    places += [
        f"header {name} carried credentials"
        for name, value in record.headers.items()
        if hits(value.encode()) and not key_hits(value.encode()) and value != BASIC
    ]
    if len(carried) != 1:
        places.append(f"{len(carried)} headers carried the key")
    if hits(record.raw_body):
        places.append("body")
    if hits((record.path + str(record.query)).encode()):
        places.append("URL")
    return places


def test_the_key_goes_nowhere_but_its_header(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    qtlog: QtLoggingPlugin,
) -> None:
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    temp, home = tmp_path / "tmp", tmp_path / "home"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    # Whatever the app or Qt would keep in the user's folders lands here too, and is searched.
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    caplog.set_level(logging.DEBUG)
    exports = tmp_path / "exports"
    exports.mkdir()

    async def body() -> tuple[list[str], dict[Path, bytes]]:
        with (
            FakeServer.running_in_thread(api_key=SECRET) as server,
            FakeServer.running_in_thread(api_key="sk-elsewhere") as elsewhere,
        ):
            keys, data_dir = KeyStore(DictKeyring()), tmp_path / "data"
            app = await start_without_profiles(qapp, data_dir, server, keys)
            session = Session(app, qapp, keys, server, elsewhere, qtbot, monkeypatch, data_dir, exports)
            for step in STEPS:
                await step(session)
            shown = shown_leaks(qapp) + [
                f"copied or shown: {text[:60]}…" for text in session.shown if hits(text.encode())
            ]
            # While the app runs, the database's recent writes are still in its WAL file.
            before_quit = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
            assert await session.app.quit() == 0
            assert elsewhere.requests == [], "a request went to another host"
            generation = [record for record in server.requests if record.path == "/v1/messages"]
            assert len(generation) >= 8
            for record in server.requests:
                assert leaks_in_request(record) == [], f"{record.method} {record.path}"
            assert {record.path for record in server.requests} >= {"/v1/messages", "/v1/chat/completions"}
            styles = {(record.path, "authorization" in record.headers) for record in server.requests}
            assert ("/v1/chat/completions", True) in styles and ("/v1/chat/completions", False) not in styles
            return shown, before_quit

    leaks, before_quit = run(qloop, body(), timeout=60)
    written = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    names = {path.name for path in written}
    assert names >= {"triptych.sqlite3", "settings.ini", "all.json", "page.pdf", "comparison-1.html"}
    assert {"conversation.md", "conversation.json", "conversation.html"} <= names
    assert any(path.parent.name == "all-markdown" for path in written)
    assert any(path.parent == backups_folder(tmp_path / "data") for path in written), "a backup was made"
    assert any(path.name.endswith("-wal") for path in before_quit)
    for when, files in (("while running", before_quit), ("after quitting", written)):
        leaks += [
            f"in {path.relative_to(tmp_path)} {when} ({', '.join(found)})"
            for path, data in files.items()
            if (found := hits(data))
        ]
    captured = capfd.readouterr()
    qt_messages = "\n".join(record.message for record in qtlog.records)
    for name, text in (
        ("logged", caplog.text),
        ("logged by Qt", qt_messages),
        ("printed", captured.out),
        ("printed to stderr", captured.err),
    ):
        if found := hits(text.encode()):
            leaks.append(f"{name} ({', '.join(found)})")
    assert not leaks, "the key got out:\n" + "\n".join(leaks)
