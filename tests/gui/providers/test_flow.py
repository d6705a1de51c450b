"""Adding a provider from the window: the profile lands in the database, the key in the keyring only."""

from pathlib import Path

import qasync
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from core.api.keys import SERVICE, KeyStore
from core.demo import FakeServer, Reply, Text
from gui.providers.dialog import ProvidersDialog
from tests.gui.conftest import run, wait_until
from tests.gui.driver import KEY, start
from tests.keyring_backends import DictKeyring

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
            app.window.providers_button.click()
            await wait_until(lambda: app.window.findChild(ProvidersDialog) is not None, what="the dialog")
            dialog = app.window.findChild(ProvidersDialog)
            dialog.add_button.click()
            dialog.name.clear()
            QTest.keyClicks(dialog.name, "Second")
            dialog.base_url.clear()
            QTest.keyClicks(dialog.base_url, second.base_url)
            QTest.keyClicks(dialog.key, NEW_KEY)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
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
