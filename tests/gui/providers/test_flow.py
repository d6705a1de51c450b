"""Adding a provider from the window: the profile lands in the database, the key in the keyring only; URL
and proxy credentials an older version stored in the database move to the keyring at start."""

import asyncio
import base64
import threading
from pathlib import Path

import pytest
import qasync
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from core.api.keys import CREDENTIAL_SERVICES, SERVICE, KeyStore
from core.demo import FakeServer, Reply, Text
from core.model.profile import Profile
from core.store.paths import DATABASE_FILE
from core.store.repository import Store
from gui.main_window import MainWindow
from gui.providers.dialog import ProvidersDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, start
from tests.keyring_backends import DictKeyring
from tests.secret_search import forms_in
from tests.socks5_server import Socks5Server

NEW_KEY = "sk-ant-second-provider-5e8d1a0c9b7f3"


def test_a_provider_added_in_the_dialog_is_saved_and_used(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    backend = DictKeyring()

    async def body() -> None:
        with (
            FakeServer.running_in_thread(api_key=NEW_KEY) as second,
            FakeServer.running_in_thread(api_key=KEY) as first,
        ):
            app = await start(qapp, tmp_path, first, KeyStore(backend))
            await add_second_provider(app.window, second.base_url)
            await wait_until(
                lambda: app.window.profile_picker.findText("Second") >= 0,
                what="the new profile in the picker",
            )
            saved = await app.app.store.call(lambda s: s.list_profiles())
            assert [p.name for p in saved] == ["Relay", "Second"]
            assert backend.entries[(SERVICE, "Second")] == NEW_KEY

            app.window.profile_picker.setCurrentText("Second")
            second.enqueue(Reply([Text("From the second provider.")]))
            app.type_and_send(qtbot, "Which one are you?")
            await wait_until(lambda: "From the second provider." in app.transcript_text(), what="the reply")
            assert second.requests[-1].headers["x-api-key"] == NEW_KEY
            await app.quit()

    run(qloop, body(), timeout=30)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert NEW_KEY.encode() not in path.read_bytes(), f"the key leaked into {path.name}"


def test_a_provider_chosen_while_the_window_reloads_after_a_save_is_the_one_used(
    qapp: QApplication,
    qloop: qasync.QEventLoop,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Saving providers reloads the open conversation (a renamed profile renamed it in the store). A store
    slow to answer (a loaded machine) let the user pick the new provider before the reload finished; the
    reload then showed the stored provider again, and the next message went to it: the wrong host, with
    another key, and its errors scrubbed of that profile's secrets only. The choice made meanwhile is kept."""
    store_busy = threading.Event()

    async def body() -> None:
        with (
            FakeServer.running_in_thread(api_key=NEW_KEY) as second,
            FakeServer.running_in_thread(api_key=KEY) as first,
        ):
            app = await start(qapp, tmp_path, first, KeyStore(DictKeyring()))
            window = app.window
            reloads: list[asyncio.Task[None]] = []
            reopen = window.reopen
            monkeypatch.setattr(
                window, "reopen", lambda conversation_id: reloads.append(reopen(conversation_id))
            )
            # Queued on the store's thread when the profiles change, before the reload's read: the store is
            # busy until the user has picked the new provider, as it may be on a loaded machine.
            app.app.providers.profilesChanged.connect(
                lambda _profiles: app.app.store.call(lambda _store: store_busy.wait(10))
            )
            await add_second_provider(window, second.base_url)
            await wait_until(lambda: window.profile_picker.findText("Second") >= 0, what="the new profile")
            window.profile_picker.setCurrentText("Second")
            store_busy.set()
            assert len(reloads) == 1
            await reloads[0]
            assert window.profile_picker.currentText() == "Second", "the provider chosen is still shown"
            second.enqueue(Reply([Text("From the second provider.")]))
            app.type_and_send(qtbot, "Which one are you?")
            await wait_until(lambda: "From the second provider." in app.transcript_text(), what="the reply")
            assert second.requests[-1].headers["x-api-key"] == NEW_KEY
            conversation = window.current_conversation()
            stored = await app.app.store.call(lambda s: s.get_conversation(conversation.id))
            assert stored.profile_name == "Second"
            await app.quit()

    try:
        run(qloop, body(), timeout=30)
    finally:
        store_busy.set()


def test_renaming_a_provider_keeps_its_conversations_and_key(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    backend = DictKeyring()

    async def body() -> None:
        with FakeServer.running_in_thread(api_key=KEY) as server:
            app = await start(qapp, tmp_path, server, KeyStore(backend))
            conversation_id = app.window.current_conversation().id
            app.window.providers_button.click()
            await wait_until(lambda: app.window.findChild(ProvidersDialog) is not None, what="the dialog")
            dialog = app.window.findChild(ProvidersDialog)
            dialog.name.clear()
            QTest.keyClicks(dialog.name, "Main relay")
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
            await wait_until(
                lambda: app.window.profile_picker.currentText() == "Main relay", what="the new name"
            )
            stored = await app.app.store.call(lambda s: s.get_conversation(conversation_id))
            assert stored.profile_name == "Main relay"
            assert backend.entries == {(SERVICE, "Main relay"): KEY}
            server.enqueue(Reply([Text("Still here.")]))
            app.type_and_send(qtbot, "Hello after the rename")
            await wait_until(lambda: "Still here." in app.transcript_text(), what="the reply")
            await app.quit()

    run(qloop, body(), timeout=30)


def test_url_and_proxy_credentials_stored_by_an_older_version_move_to_the_keyring_at_start(
    qapp: QApplication, qloop: qasync.QEventLoop, qtbot: QtBot, tmp_path: Path
) -> None:
    backend = DictKeyring()
    url_password, proxy_password = "older-url-pass-3f8a", "older-proxy-pass-7c1d"

    async def body() -> None:
        with FakeServer.running_in_thread(api_key=KEY) as server:
            async with Socks5Server(("proxy-user", proxy_password)) as socks:
                host = server.base_url.removeprefix("http://")
                store = Store.open(tmp_path / DATABASE_FILE)
                store.save_profile(
                    Profile(
                        "Older",
                        f"http://relay-user:{url_password}@{host}",
                        proxy=f"socks5://proxy-user:{proxy_password}@127.0.0.1:{socks.port}",
                    )
                )
                store.close()
                keys = KeyStore(backend)
                keys.set("Older", KEY)
                app = await start(qapp, tmp_path, server, keys)

                async def stored() -> Profile:
                    profiles = await app.app.store.call(lambda s: s.list_profiles())
                    return next(profile for profile in profiles if profile.name == "Older")

                await wait_until(
                    lambda: (CREDENTIAL_SERVICES["proxy"], "Older") in backend.entries, what="moved"
                )
                assert await stored() == Profile("Older", server.base_url, proxy=socks.url)
                assert (
                    backend.entries[(CREDENTIAL_SERVICES["base_url"], "Older")]
                    == f"relay-user:{url_password}"
                )
                app.window.profile_picker.setCurrentText("Older")
                server.enqueue(Reply([Text("Still reachable.")]))
                app.type_and_send(qtbot, "Are you there?")
                await wait_until(lambda: "Still reachable." in app.transcript_text(), what="the reply")
                basic = base64.b64encode(f"relay-user:{url_password}".encode()).decode()
                assert server.requests[-1].headers["authorization"] == f"Basic {basic}"
                assert ("proxy-user", proxy_password) in socks.logins
                await app.quit()

    run(qloop, body(), timeout=30)
    for path in tmp_path.rglob("*"):
        if path.is_file():
            for secret in (url_password, proxy_password):
                assert forms_in(path.read_bytes(), secret) == [], f"{secret} is in {path.name}"


async def add_second_provider(window: MainWindow, base_url: str) -> None:
    """Providers… → Add, typed in as a user does (name "Second", `base_url`, NEW_KEY), then Save."""
    window.providers_button.click()
    await wait_until(lambda: window.findChild(ProvidersDialog) is not None, what="the dialog")
    dialog = window.findChild(ProvidersDialog)
    dialog.add_button.click()
    dialog.name.clear()
    QTest.keyClicks(dialog.name, "Second")
    dialog.base_url.clear()
    QTest.keyClicks(dialog.base_url, base_url)
    QTest.keyClicks(dialog.key, NEW_KEY)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
