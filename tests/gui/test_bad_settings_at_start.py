"""The real app, in a process of its own, survives every setting a user can type or an environment can
hold: a key that cannot be sent (a zero-width space pasted with it), a proxy it cannot use, `ALL_PROXY`
naming a SOCKS proxy or an unknown scheme. It starts, shows its window, and the prompt typed into it gets
either its reply or an error naming the setting, while the process keeps running; the demo starts and
answers whatever proxy the environment names (loopback is never sent through a proxy)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from core.api.keys import SERVICE
from core.demo import FakeServer, Reply, Text
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.paths import DATABASE_FILE
from core.store.repository import Store
from tests.file_keyring import FILE_VARIABLE, write_key
from tests.paths import REPO
from tests.waiting import wait_until_sync

KEY = "sk-ant-start-test-8e1f4a7c2b9d"
PROFILE = "Relay"
PROMPT = "Does the app survive?"
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
_DEADLINE = 60


def _environment(short_tmp_path: Path, keyring_file: Path, proxy_env: dict[str, str]) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name.lower() not in _PROXY_VARIABLES}
    return (
        env
        | proxy_env
        | {
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
            FILE_VARIABLE: str(keyring_file),
            "TMPDIR": str(short_tmp_path),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )


def _reply_row(data_dir: Path) -> tuple[str, dict | None] | None:
    """(status, error) of the reply to PROMPT once it has ended; None before."""
    uri = f"file:{data_dir / DATABASE_FILE}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        rows = db.execute(
            "SELECT status, error_json FROM messages WHERE role = 'assistant' ORDER BY id DESC LIMIT 1"
        ).fetchall()
    if not rows or rows[0][0] == "streaming":
        return None
    status, error = rows[0]
    return status, json.loads(error) if error else None


@pytest.mark.parametrize(
    ("key", "proxy", "proxy_env", "expected_error"),
    [
        (KEY + "\u200b", None, {}, "UnsendableKeyError"),
        ("sk-ant-start-test\nsecond-line", None, {}, "UnsendableKeyError"),
        (KEY, "socks4://127.0.0.1:1080", {}, "ProxySettingError"),
        (KEY, None, {"ALL_PROXY": "socks5://127.0.0.1:9"}, None),
        (KEY, None, {"all_proxy": "socks4://127.0.0.1:9", "HTTP_PROXY": "gopher://x"}, None),
        (KEY, None, {"HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"}, None),
    ],
    ids=[
        "zero-width-key",
        "newline-key",
        "socks4-profile-proxy",
        "all-proxy-socks5",
        "unknown-schemes",
        "http",
    ],
)
def test_the_app_survives_a_bad_setting_at_start(
    short_tmp_path: Path, key: str, proxy: str | None, proxy_env: dict[str, str], expected_error: str | None
) -> None:
    keyring_file, data_dir = short_tmp_path / "keyring.json", short_tmp_path / "data"
    write_key(keyring_file, SERVICE, PROFILE, key)
    with FakeServer.running_in_thread(api_key=KEY) as server:
        server.enqueue(Reply([Text("Still here.")]))
        data_dir.mkdir()
        store = Store.open(data_dir / DATABASE_FILE)
        try:
            store.save_profile(Profile(PROFILE, server.base_url, proxy=proxy))
            store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), PROFILE)
        finally:
            store.close()
        log = short_tmp_path / "app.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.app_runner", str(data_dir), PROMPT],
                cwd=REPO,
                env=_environment(short_tmp_path, keyring_file, proxy_env),
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_until_sync(
                lambda: _reply_row(data_dir) is not None, _DEADLINE, "the reply", process, log.read_text
            )
            row = _reply_row(data_dir)
            assert row is not None
            assert process.poll() is None, f"the app exited after the reply:\n{log.read_text()}"
        finally:
            process.kill()
            process.wait(10)
    status, error = row
    if expected_error is None:
        assert error is None and status == "complete", (status, error)
        assert [record.path for record in server.requests if record.path == "/v1/messages"]
    else:
        assert error is not None and error["kind"] == expected_error, error
        assert [record for record in server.requests if record.path == "/v1/messages"] == []
        assert key not in json.dumps(error) and KEY not in json.dumps(error)


@pytest.mark.parametrize("proxy", ["socks5://127.0.0.1:9", "socks4://127.0.0.1:9"])
def test_the_demo_answers_whatever_proxy_the_environment_names(short_tmp_path: Path, proxy: str) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "--demo", "--smoke-test"],
        cwd=REPO,
        env=_environment(
            short_tmp_path, short_tmp_path / "keyring.json", {"ALL_PROXY": proxy, "HTTPS_PROXY": proxy}
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke test passed" in result.stdout
