"""The providers dialog: profiles edited and saved, keys through a key store and never shown back, the
no-keyring fallback, and Test connection over real HTTP against the fake server."""

from __future__ import annotations

import socket

import pytest
import qasync
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from core.api.client import ApiClient
from core.api.connection_check import check_connection
from core.api.retry import RetryPolicy
from core.demo import FakeServer
from core.model.messages import ChatMessage
from core.model.pricing import ModelPrice
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.wire.errors import ApiError
from gui.app import install_translation
from gui.providers.dialog import ConnectionReport, ProvidersDialog
from gui.tasks import TaskKeeper
from tests.gui.conftest import run, wait_until

SAVED_KEY = "sk-ant-api03-SECRETSECRETSECRET-a1b2"


class FakeKeys:
    """The KeyAccess protocol over a dict, with the key store's masking."""

    def __init__(self, usable: bool = True, reason: str = "") -> None:
        self.usable, self.reason = usable, reason
        self.saved: dict[str, tuple[str, bool]] = {}
        self.url_credentials: dict[tuple[str, str], tuple[str, bool]] = {}

    def availability(self) -> tuple[bool, str]:
        return self.usable, self.reason

    def masked(self, profile_name: str) -> str | None:
        entry = self.saved.get(profile_name)
        return f"{entry[0][:7]}…{entry[0][-4:]}" if entry else None

    def get(self, profile_name: str) -> str | None:
        entry = self.saved.get(profile_name)
        return entry[0] if entry else None

    def set(self, profile_name: str, key: str, *, session_only: bool) -> None:
        self.saved[profile_name] = (key, session_only)

    def delete(self, profile_name: str) -> None:
        self.saved.pop(profile_name, None)
        for kind in ("base_url", "proxy"):
            self.url_credentials.pop((profile_name, kind), None)

    def rename(self, old_name: str, new_name: str) -> None:
        if old_name in self.saved:
            self.saved[new_name] = self.saved.pop(old_name)
        for kind in ("base_url", "proxy"):
            if (old_name, kind) in self.url_credentials:
                self.url_credentials[(new_name, kind)] = self.url_credentials.pop((old_name, kind))

    def credentials(self, profile_name: str, kind: str) -> str | None:
        entry = self.url_credentials.get((profile_name, kind))
        return entry[0] if entry else None

    def set_credentials(
        self, profile_name: str, kind: str, userinfo: str | None, *, session_only: bool
    ) -> None:
        if userinfo:
            self.url_credentials[(profile_name, kind)] = (userinfo, session_only)
        else:
            self.url_credentials.pop((profile_name, kind), None)


async def api_tester(profile: Profile, key: str) -> ConnectionReport:
    """What the app's tester does: list the models, then send a 1-token message."""
    async with ApiClient(profile, key, retry=RetryPolicy(max_retries=0)) as client:
        try:
            models = await client.list_models()
        except ApiError as error:
            return ConnectionReport(False, 0, False, error.message)
        settings = RequestSettings(model=models[0].id, max_tokens=1)
        result = await client.send([ChatMessage.user_text("Hi")], settings)
        detail = "" if result.error is None else result.error.message
        return ConnectionReport(True, len(models), result.complete, detail)


async def _never_called(profile: Profile, key: str) -> ConnectionReport:
    raise AssertionError("no test was asked for")


def _dialog(qtbot: QtBot, profiles: list[Profile], keys: FakeKeys, tester=_never_called) -> ProvidersDialog:
    dialog = ProvidersDialog(profiles, keys, tester, TaskKeeper())
    qtbot.addWidget(dialog)
    return dialog


def _save(dialog: ProvidersDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _all_text(dialog: ProvidersDialog) -> str:
    """Everything the dialog displays as text (a password field shows only dots, so it is left out)."""
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    lines = [
        line.text() + line.placeholderText()
        for line in dialog.findChildren(QLineEdit)
        if line.echoMode() != QLineEdit.EchoMode.Password
    ]
    return "\n".join(labels + lines)


def test_adding_a_profile_saves_it_and_its_key(qtbot: QtBot) -> None:
    keys = FakeKeys()
    dialog = _dialog(qtbot, [], keys)
    assert not dialog.form.isEnabled()
    dialog.add_button.click()
    assert dialog.name.text() == "New profile"
    dialog.name.setText("Relay")
    dialog.base_url.setText("https://relay.example/v1")
    dialog.auth_style.set_choice("bearer")
    dialog.api_style.set_choice("openai")
    dialog.betas.setText("prompt-caching-2024-07-31, files-api-2025-04-14")
    dialog.proxy.setText("http://127.0.0.1:3128")
    dialog.prices.add_button.click()
    dialog.prices.set_rows([["glm-4.6", "0.6", "2.2", "0.75", "1.2", "0.11"]])
    dialog.key.setText("sk-relay-0123456789")
    with qtbot.waitSignal(dialog.profilesChanged) as signal:
        _save(dialog)
    expected = Profile(
        name="Relay",
        base_url="https://relay.example/v1",
        auth_style="bearer",
        api_style="openai",
        betas=("prompt-caching-2024-07-31", "files-api-2025-04-14"),
        proxy="http://127.0.0.1:3128",
        price_overrides={"glm-4.6": ModelPrice(0.6, 2.2, 0.75, 1.2, 0.11)},
    )
    assert signal.args == [[expected]]
    assert dialog.profiles() == [expected]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert keys.saved == {"Relay": ("sk-relay-0123456789", False)}


def test_a_saved_key_is_shown_only_masked(qtbot: QtBot) -> None:
    keys = FakeKeys()
    keys.set("Anthropic", SAVED_KEY, session_only=False)
    dialog = _dialog(qtbot, [Profile("Anthropic", "https://api.anthropic.com")], keys)
    assert dialog.key_hint.text() == "Saved: sk-ant-…a1b2"
    assert dialog.key.text() == ""
    assert dialog.key.echoMode() == QLineEdit.EchoMode.Password
    assert SAVED_KEY not in _all_text(dialog)
    assert "SECRET" not in _all_text(dialog)
    qtbot.keyClicks(dialog.key, "sk-ant-NEWKEY-9999")
    assert dialog.key_hint.text() == "The new key will be saved when you press Save."
    _save(dialog)
    assert keys.saved["Anthropic"] == ("sk-ant-NEWKEY-9999", False)


def test_without_a_keyring_keys_are_kept_for_the_session_and_the_reason_is_shown(qtbot: QtBot) -> None:
    reason = "No Secret Service is running (org.freedesktop.secrets is not on the session bus)."
    keys = FakeKeys(usable=False, reason=reason)
    dialog = _dialog(qtbot, [Profile("Anthropic", "https://api.anthropic.com")], keys)
    assert dialog.session_only.isChecked()
    assert not dialog.session_only.isEnabled()
    assert dialog.keyring_note.isVisibleTo(dialog)
    assert reason in dialog.keyring_note.text()
    dialog.key.setText("sk-ant-session")
    _save(dialog)
    assert keys.saved == {"Anthropic": ("sk-ant-session", True)}


def test_with_a_keyring_session_only_is_a_choice(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, [Profile("Anthropic", "https://api.anthropic.com")], FakeKeys())
    assert dialog.session_only.isEnabled()
    assert not dialog.session_only.isChecked()
    assert not dialog.keyring_note.isVisibleTo(dialog)


def test_invalid_profiles_are_not_saved(qtbot: QtBot) -> None:
    profiles = [Profile("Anthropic", "https://api.anthropic.com"), Profile("Relay", "https://relay.example")]
    keys = FakeKeys()
    dialog = _dialog(qtbot, profiles, keys)
    dialog.profile_list.setCurrentRow(1)
    dialog.name.setText("Anthropic")
    dialog.base_url.setText("relay.example")
    dialog.proxy.setText("not a url")
    dialog.prices.set_rows([["", "1", "x", "1", "1", "1"]])
    with qtbot.assertNotEmitted(dialog.profilesChanged):
        _save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problems.isVisibleTo(dialog)
    assert dialog.problems.text().split("\n") == [
        'Another profile is already named "Anthropic".',
        "The base URL must start with http:// or https://, e.g. https://api.anthropic.com.",
        "The proxy must be an http://, https://, socks5:// or socks5h:// URL, e.g. http://127.0.0.1:8080.",
        "Price row 1: enter a model id.",
        "Price row 1: every price must be a number of 0 or more.",
    ]
    dialog.name.setText("")
    _save(dialog)
    assert dialog.problems.text().startswith("Give the profile a name.")


@pytest.mark.parametrize(
    ("pasted", "reason"),
    [
        ("sk-ant-api03-pasted\u200bfrom-a-page", "not plain ASCII"),
        ("sk-ant-api03-first-half\nsecond-half", "a space or a line break inside it"),
        ("sk-ant-api03 two words", "a space or a line break inside it"),
    ],
)
def test_a_key_that_cannot_be_sent_is_refused_with_the_reason_and_the_form_kept(
    qtbot: QtBot, pasted: str, reason: str
) -> None:
    keys = FakeKeys()
    dialog = _dialog(qtbot, [Profile("Relay", "https://relay.example")], keys)
    dialog.key.setText(f"  {pasted}\n")
    with qtbot.assertNotEmitted(dialog.profilesChanged):
        _save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problems.isVisibleTo(dialog)
    assert reason in dialog.problems.text()
    assert pasted not in _all_text(dialog)
    assert keys.saved == {}
    assert dialog.key.text() == f"  {pasted}\n", "what was typed stays, to be corrected"
    dialog.key.setText("sk-ant-api03-corrected-0000")
    _save(dialog)
    assert keys.saved == {"Relay": ("sk-ant-api03-corrected-0000", False)}


def test_header_settings_that_cannot_be_sent_are_refused(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, [Profile("Relay", "https://relay.example")], FakeKeys())
    dialog.version.setText("2023-06-01\u200b")
    with qtbot.assertNotEmitted(dialog.profilesChanged):
        _save(dialog)
    assert "plain ASCII" in dialog.problems.text()


def test_a_socks5_proxy_is_accepted_and_socks4_refused(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, [Profile("Relay", "https://relay.example")], FakeKeys())
    dialog.proxy.setText("socks4://127.0.0.1:1080")
    with qtbot.assertNotEmitted(dialog.profilesChanged):
        _save(dialog)
    assert "socks5://" in dialog.problems.text()
    dialog.proxy.setText("socks5h://127.0.0.1:1080")
    with qtbot.waitSignal(dialog.profilesChanged) as signal:
        _save(dialog)
    assert signal.args[0][0].proxy == "socks5h://127.0.0.1:1080"


def test_renaming_and_removing_move_and_delete_keys_only_on_save(qtbot: QtBot) -> None:
    keys = FakeKeys()
    keys.set("Old", "sk-old-key-1111", session_only=False)
    keys.set("Gone", "sk-gone-key-2222", session_only=False)
    profiles = [Profile("Old", "https://a.example"), Profile("Gone", "https://b.example")]
    dialog = _dialog(qtbot, profiles, keys)
    dialog.name.setText("Renamed")
    dialog.profile_list.setCurrentRow(1)
    dialog.remove_button.click()
    assert dialog.profile_list.count() == 1
    assert dialog.name.text() == "Renamed"
    assert set(keys.saved) == {"Old", "Gone"}  # nothing written before Save
    _save(dialog)
    assert keys.saved == {"Renamed": ("sk-old-key-1111", False)}
    assert dialog.profiles() == [Profile("Renamed", "https://a.example")]


def test_cancel_changes_nothing(qtbot: QtBot) -> None:
    keys = FakeKeys()
    profiles = [Profile("Anthropic", "https://api.anthropic.com")]
    dialog = _dialog(qtbot, profiles, keys)
    dialog.key.setText("sk-typed-but-cancelled")
    dialog.remove_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.profiles() == profiles
    assert keys.saved == {}


def test_test_connection_reports_what_works(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def body() -> None:
        async with FakeServer(api_key="sk-test") as server:
            keys = FakeKeys()
            keys.set("Demo", "sk-test", session_only=True)
            profiles = [Profile("Demo", server.base_url), Profile("Wrong key", server.base_url)]
            dialog = _dialog(qtbot, profiles, keys, api_tester)
            dialog.test_button.click()
            assert dialog.test_result.text() == 'Testing "Demo"…'
            assert not dialog.test_button.isEnabled()
            await wait_until(dialog.test_button.isEnabled, what="the test to finish")
            assert dialog.test_result.text().split("\n") == [
                "✓ Model list: 9 model(s).",
                "✓ A 1-token test message was answered.",
            ]
            dialog.profile_list.setCurrentRow(1)
            dialog.key.setText("sk-wrong")
            dialog.test_button.click()
            await wait_until(dialog.test_button.isEnabled, what="the second test to finish")
            lines = dialog.test_result.text().split("\n")
            assert lines[:2] == [
                "✗ The model list (/v1/models) did not answer.",
                "✗ The test message was not answered.",
            ]
            assert "invalid x-api-key" in lines[2]
            assert [request.path for request in server.requests] == [
                "/v1/models",
                "/v1/messages",
                "/v1/models",
            ]

    run(qloop, body())


def test_url_credentials_go_to_the_key_store_and_are_shown_only_masked(qtbot: QtBot) -> None:
    keys = FakeKeys()
    dialog = _dialog(qtbot, [], keys)
    dialog.add_button.click()
    dialog.name.setText("Relay")
    dialog.base_url.setText("https://relay-user:url%2Fpass@relay.example/v1")
    dialog.proxy.setText("socks5://proxy-user:proxy-pass@127.0.0.1:1080")
    dialog.key.setText("sk-relay-0123456789")
    with qtbot.waitSignal(dialog.profilesChanged) as signal:
        _save(dialog)
    saved = signal.args[0][0]
    assert (saved.base_url, saved.proxy) == ("https://relay.example/v1", "socks5://127.0.0.1:1080")
    assert keys.url_credentials == {
        ("Relay", "base_url"): ("relay-user:url%2Fpass", False),
        ("Relay", "proxy"): ("proxy-user:proxy-pass", False),
    }

    again = _dialog(qtbot, [saved], keys)
    assert again.base_url.text() == "https://relay-user:••••••••@relay.example/v1"
    assert again.proxy.text() == "socks5://proxy-user:••••••••@127.0.0.1:1080"
    assert "pass" not in _all_text(again)
    again.version.setText("2023-06-01")  # another change: the credentials stay as saved
    with qtbot.waitSignal(again.profilesChanged) as signal:
        _save(again)
    assert signal.args[0][0] == saved
    assert keys.url_credentials[("Relay", "base_url")] == ("relay-user:url%2Fpass", False)

    third = _dialog(qtbot, [saved], keys)
    third.proxy.setText("socks5://127.0.0.1:1080")  # credentials typed away: forgotten
    third.base_url.setText("https://new-user:new-pass@relay.example/v1")
    _save(third)
    assert keys.url_credentials == {("Relay", "base_url"): ("new-user:new-pass", False)}


def test_a_profile_stored_with_url_credentials_shows_them_masked_and_moves_them_on_save(qtbot: QtBot) -> None:
    keys = FakeKeys()
    legacy = Profile(
        "Old", "https://u:legacy-pass@relay.example", proxy="http://p:proxy-secret@127.0.0.1:3128"
    )
    dialog = _dialog(qtbot, [legacy], keys)
    assert dialog.base_url.text() == "https://u:••••••••@relay.example"
    assert "legacy-pass" not in _all_text(dialog) and "proxy-secret" not in _all_text(dialog)
    with qtbot.waitSignal(dialog.profilesChanged) as signal:
        _save(dialog)
    assert signal.args[0][0] == Profile("Old", "https://relay.example", proxy="http://127.0.0.1:3128")
    assert keys.url_credentials == {
        ("Old", "base_url"): ("u:legacy-pass", False),
        ("Old", "proxy"): ("p:proxy-secret", False),
    }


@pytest.mark.parametrize("url", ["http://[::1", "https://relay.example:99999", "https://relay.example:port"])
def test_a_base_url_that_cannot_be_parsed_is_refused_not_a_crash(qtbot: QtBot, url: str) -> None:
    dialog = _dialog(qtbot, [Profile("Relay", "https://relay.example")], FakeKeys())
    dialog.base_url.setText(url)
    dialog.proxy.setText(url)
    with qtbot.assertNotEmitted(dialog.profilesChanged):
        _save(dialog)
    assert "The base URL must start with http://" in dialog.problems.text()
    assert "The proxy must be" in dialog.problems.text()


def test_in_chinese_test_connection_words_a_refused_connection_in_chinese(
    qtbot: QtBot, qloop: qasync.QEventLoop, qapp: QApplication
) -> None:
    """The real connection check against a port nothing listens on: the details are the GUI's Chinese
    words for core's typed error, not core's English sentence."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    translators = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    install_translation(qapp, "zh_CN")

    async def body() -> None:
        keys = FakeKeys()
        keys.set("Nowhere", "sk-test", session_only=True)
        dialog = _dialog(qtbot, [Profile("Nowhere", f"http://127.0.0.1:{port}")], keys, check_connection)
        dialog.test_button.click()
        await wait_until(dialog.test_button.isEnabled, timeout=20, what="the test to finish")
        text = dialog.test_result.text()
        assert f"无法连接到 127.0.0.1:{port}：连接被拒绝" in text, text
        assert "Could not connect" not in text

    try:
        run(qloop, body(), timeout=30)
    finally:
        for translator in set(qapp.findChildren(QTranslator)) - translators:
            qapp.removeTranslator(translator)
            translator.setParent(None)
        QLocale.setDefault(locale)
