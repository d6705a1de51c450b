"""One Triptych per data folder, and start-up failures said in a dialog, with real processes of the app.

A second start on a folder in use hands its arguments to the first (which brings its window forward) and
exits at once, never opening the database: the first's reply streams on and ends `complete`, where before
the second start marked it `interrupted`. When the folder is held and nobody answers, the start refuses in a
dialog. A database damaged inside gets a dialog that names it, not a traceback, and is left as it was.
Dialogs are read as `tests.app_runner` prints them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from core.api.keys import SERVICE
from core.demo import FakeServer, Pace, Reply, Text
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.folder_lock import FolderLock
from core.store.paths import DATABASE_FILE
from core.store.repository import Store
from tests.file_keyring import FILE_VARIABLE, write_key
from tests.paths import REPO
from tests.read_only import read_only_folder
from tests.waiting import wait_until_sync

KEY = "sk-ant-single-instance-8d2e4f6a1b3c"
PROFILE = "Relay"
SLOW = Pace(chunk_chars=5, delta_interval=0.03)
STORY = " ".join(f"w{index}" for index in range(200))
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


def test_a_second_start_hands_over_to_the_first_and_leaves_its_reply_alone(short_tmp_path: Path) -> None:
    data_dir = _data_dir(short_tmp_path, "http://127.0.0.1:9")
    keyring_file = short_tmp_path / "keyring.json"
    write_key(keyring_file, SERVICE, PROFILE, KEY)
    with FakeServer.running_in_thread(api_key=KEY) as server:
        _set_profile(data_dir, server.base_url)
        server.enqueue(Reply([Text(STORY)], pace=SLOW))
        first = _start(data_dir, short_tmp_path, keyring_file, "first.log", prompt="Tell me a story")
        try:
            _wait(lambda: any(record.sent for record in server.requests), first, "the first app's reply")
            _wait(lambda: _statuses(data_dir) == ["complete", "streaming"], first, "the reply saved")

            second = _start(data_dir, short_tmp_path, keyring_file, "second.log")
            assert _exit_code(second) == 0, (short_tmp_path / "second.log").read_text()
            said = (short_tmp_path / "second.log").read_text()
            assert f"already running with the data folder {data_dir} (process {first.pid})" in said
            assert "window was brought forward" in said
            assert "Traceback" not in said and "DIALOG" not in said
            assert first.poll() is None, "the first app runs on"
            # Still streaming on a quiet machine; on a loaded one the reply may have ended meanwhile. Either
            # way it was neither cut nor marked failed, and below it must hold the whole story.
            assert _statuses(data_dir) in (["complete", "streaming"], ["complete", "complete"])

            _wait(lambda: _statuses(data_dir) == ["complete", "complete"], first, "the reply to end")
            assert _reply_text(data_dir) == STORY
        finally:
            first.terminate()
            first.wait(30)
    assert "Traceback" not in (short_tmp_path / "first.log").read_text()


def test_a_start_on_a_folder_held_by_a_process_that_does_not_answer_refuses_in_a_dialog(
    short_tmp_path: Path,
) -> None:
    data_dir = short_tmp_path / "data"
    data_dir.mkdir()
    held = FolderLock.acquire(data_dir)  # this test's process holds it, and answers nobody
    try:
        app = _start(data_dir, short_tmp_path, short_tmp_path / "keyring.json", "app.log")
        assert _exit_code(app) == 1
    finally:
        held.release()
    said = (short_tmp_path / "app.log").read_text()
    assert (
        f"DIALOG: Triptych cannot start: Triptych is already running with the data folder {data_dir}" in said
    )
    assert "Traceback" not in said
    assert not (data_dir / DATABASE_FILE).exists(), "the database was never opened"


def test_a_database_damaged_inside_gets_a_dialog_naming_it_and_is_left_as_it_was(
    short_tmp_path: Path,
) -> None:
    data_dir = _data_dir(short_tmp_path, "http://127.0.0.1:9", conversations=300)
    database = data_dir / DATABASE_FILE
    _damage_the_middle(database)
    before = database.read_bytes()
    app = _start(data_dir, short_tmp_path, short_tmp_path / "keyring.json", "app.log")
    assert _exit_code(app) == 1
    said = (short_tmp_path / "app.log").read_text()
    assert f"DIALOG: Triptych cannot start: The database {database} is damaged." in said
    assert "do not delete it" in said and "Restore from backup" in said
    assert "Traceback" not in said
    assert database.read_bytes() == before, "the damaged file was left as it was"


def _data_dir(short_tmp_path: Path, base_url: str, conversations: int = 1) -> Path:
    data_dir = short_tmp_path / "data"
    data_dir.mkdir()
    store = Store.open(data_dir / DATABASE_FILE)
    try:
        store.save_profile(Profile(PROFILE, base_url))
        for number in range(conversations):
            conversation = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), PROFILE)
            if conversations > 1:
                text = f"Message {number}: " + "filler " * 200
                store.add_message(conversation.id, None, "user", [{"type": "text", "text": text}])
    finally:
        store.close()
    return data_dir


def _set_profile(data_dir: Path, base_url: str) -> None:
    store = Store.open(data_dir / DATABASE_FILE)
    try:
        store.save_profile(Profile(PROFILE, base_url))
    finally:
        store.close()


def _damage_the_middle(database: Path) -> None:
    """Garbage over a page inside the file that every start reads: the top page of the conversations table
    (found by name, as each migration moves the pages after it); its first page (the schema) still reads."""
    with closing(sqlite3.connect(database)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'conversations'").fetchone()[0]
    assert root > 1
    data = bytearray(database.read_bytes())
    start = page_size * (root - 1)
    data[start : start + page_size] = b"\xa5" * page_size
    database.write_bytes(bytes(data))


def _statuses(data_dir: Path) -> list[str]:
    uri = f"file:{data_dir / DATABASE_FILE}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        return [row[0] for row in db.execute("SELECT status FROM messages ORDER BY id")]


def _reply_text(data_dir: Path) -> str:
    uri = f"file:{data_dir / DATABASE_FILE}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        (content,) = db.execute("SELECT content_json FROM messages WHERE role = 'assistant'").fetchone()
    return "".join(block.get("text", "") for block in json.loads(content))


def _start(
    data_dir: Path, short_tmp_path: Path, keyring_file: Path, log_name: str, prompt: str | None = None
) -> subprocess.Popen:
    tmp_dir = short_tmp_path / "tmp"
    tmp_dir.mkdir(exist_ok=True)
    env = {name: value for name, value in os.environ.items() if name.lower() not in _PROXY_VARIABLES}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
        FILE_VARIABLE: str(keyring_file),
        "TMPDIR": str(tmp_dir),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    with (short_tmp_path / log_name).open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.app_runner", str(data_dir), *([prompt] if prompt else [])],
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def _exit_code(process: subprocess.Popen) -> int | None:
    """How the process ended; None (and the process killed) if it did not end within 30 s."""
    try:
        return process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
        return None


def _wait(found: Callable[[], bool], process: subprocess.Popen[bytes], what: str) -> None:
    wait_until_sync(found, 30, what, process)


def test_a_read_only_data_folder_gets_a_dialog_saying_so_not_damaged(short_tmp_path: Path) -> None:
    def fill(folder: Path) -> None:
        store = Store.open(folder / DATABASE_FILE)
        store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), None, "Kept")
        store.close()

    with read_only_folder(short_tmp_path / "data", fill) as data_dir:
        before = (data_dir / DATABASE_FILE).read_bytes()
        app = _start(data_dir, short_tmp_path, short_tmp_path / "keyring.json", "app.log")
        assert _exit_code(app) == 1
        said = (short_tmp_path / "app.log").read_text()
        assert f"DIALOG: Triptych cannot start: Triptych cannot write in its data folder {data_dir}" in said
        assert "damaged" not in said and "Traceback" not in said
        assert (data_dir / DATABASE_FILE).read_bytes() == before
