"""Killing the real app with SIGKILL while a reply streams loses at most half a second of it, nothing else.

Each round starts the app in a process of its own (`tests.app_runner`: main.py's `main()`, then a prompt typed
and sent), lets the fake server in this process stream a slow reply, and kills the process at a seeded random
moment of the stream. Then the database must pass SQLite's integrity check, hold every earlier message
unchanged, and hold the killed reply with at least the text the server had sent half a second before the
kill; the next start must mark that reply interrupted. The server notes when it wrote each byte, so "behind"
is measured against what really went out, less the time the app's main thread was ready to run but got no
CPU meanwhile (a loaded machine can hold the app off the CPU for most of a second, with the reply waiting in
its socket: that loss is the machine's, not the app's).
"""

from __future__ import annotations

import json
import math
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from core.api.keys import SERVICE
from core.demo import FakeServer, Pace, RecordedRequest, Reply, Text
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.paths import DATABASE_FILE
from core.store.repository import Store
from core.wire.stream_reader import StreamReader
from tests.file_keyring import FILE_VARIABLE, write_key
from tests.paths import REPO

KEY = "sk-ant-crash-test-4f1b8e2c9a7d3e6f0b5a"
PROFILE = "Relay"
SEED = 20261123
LIFETIMES = 22
"""Each lifetime is one start, one prompt, one kill mid-reply."""
LANES = 2
"""Data folders whose lifetimes run side by side: an app start takes a second or more."""
PACE = Pace(chunk_chars=5, delta_interval=0.02)
REPLY_DELTAS = 80
REPLY_SECONDS = REPLY_DELTAS * PACE.delta_interval
KILL_WINDOW = REPLY_SECONDS - 0.1
"""Kills land in the stream's first this many seconds: never so near its end that it could finish first."""
LAG_LIMIT = 0.5
"""The app saves a streaming reply at least every 0.5 s (README: a crash loses at most that much), counted
in the time the app had a CPU (see CpuWaits)."""
REPO = REPO
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
T = TypeVar("T")


@dataclass
class Kill:
    lifetime: int
    at: float
    """Seconds into the stream."""
    lag: float
    """How long before the kill the server had sent the oldest text the database lacks (0: lacks none), less
    the app's waits for a CPU meanwhile."""
    waited: float
    """Those waits."""


class CpuWaits:
    """The app's main thread (its UI and event loop, which reads the reply and has it saved): how long it has
    waited for a CPU while ready to run (the kernel's run-queue delay, /proc/PID/schedstat on Linux), sampled
    from the reply's start to the kill. Where that is not known, it counts as no wait."""

    def __init__(self, pid: int) -> None:
        self._path = Path(f"/proc/{pid}/schedstat")
        self._samples: list[tuple[float, float]] = []
        self.sample()

    def sample(self) -> None:
        try:
            waited = int(self._path.read_text("ascii").split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            return
        self._samples.append((time.monotonic(), waited))

    def sleep_until(self, moment: float) -> None:
        while time.monotonic() < moment:
            time.sleep(min(0.005, max(0.0, moment - time.monotonic())))
            self.sample()

    def between(self, start: float, end: float) -> float:
        """The waits from the first sample at or after `start` to the last at or before `end`: never more
        than the app waited in that time."""
        inside = [waited for at, waited in self._samples if start <= at <= end]
        return inside[-1] - inside[0] if inside else 0.0


def test_sigkill_mid_reply_loses_at_most_half_a_second(short_tmp_path: Path) -> None:
    keyring_file = short_tmp_path / "keyring.json"
    write_key(keyring_file, SERVICE, PROFILE, KEY)
    offsets = _kill_offsets(random.Random(SEED))
    with (
        FakeServer.running_in_thread(api_key=KEY) as server,
        ThreadPoolExecutor(LANES) as pool,
    ):
        lanes = [
            pool.submit(_lane, server, short_tmp_path / f"lane-{lane}", keyring_file, offsets[lane::LANES])
            for lane in range(LANES)
        ]
        kills = [kill for lane in lanes for kill in lane.result()]

    _print_summary(kills)
    assert len(kills) >= 20
    assert max(kill.at for kill in kills) - min(kill.at for kill in kills) > REPLY_SECONDS / 2
    for path in short_tmp_path.rglob("*"):
        if path.is_file() and path != keyring_file:
            assert KEY.encode() not in path.read_bytes(), f"the key is in {path}"


def _kill_offsets(rng: random.Random) -> list[float]:
    """Seconds into the stream: one at a random place in each of LIFETIMES equal slices of the window."""
    return [(index + rng.random()) / LIFETIMES * KILL_WINDOW for index in range(LIFETIMES)]


def _lane(server: FakeServer, folder: Path, keyring_file: Path, offsets: list[float]) -> list[Kill]:
    """One data folder and its conversation, through one app process after another, each killed mid-reply."""
    data_dir, tmp_dir = folder / "data", folder / "tmp"
    tmp_dir.mkdir(parents=True)
    _add_profile(data_dir, server.base_url)
    kills: list[Kill] = []
    earlier: list[tuple[int, str, str]] = []
    """(id, role, text) of every message of the lifetimes before."""
    for lifetime, offset in enumerate(offsets):
        prompt = f"{folder.name}, question {lifetime}: tell me a long story."
        server.enqueue(Reply([Text(_story(lifetime))], pace=PACE))
        log = folder / f"app-{lifetime}.log"
        process = _start_app(data_dir, prompt, tmp_dir, keyring_file, log)
        try:
            waits = CpuWaits(process.pid)
            record = _wait_for_stream(server, prompt, process, log)
            # The app marks replies left streaming as interrupted before its window shows.
            _check_earlier_messages(data_dir, earlier, after_restart=True)
            waits.sleep_until(record.sent[0][0] + offset)
            waits.sample()
            kill_time = time.monotonic()
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait(10)
        assert record.sent[-1][0] > kill_time or record.disconnected.wait(5), "the kill was mid-reply"
        kills.append(_check_after_kill(data_dir, earlier, record, prompt, kill_time, lifetime, waits))
    # One more start, so the last killed reply is seen marked interrupted too.
    prompt = f"{folder.name}, one last question"
    server.enqueue(Reply([Text(_story(len(offsets)))], pace=PACE))
    process = _start_app(data_dir, prompt, tmp_dir, keyring_file, folder / "app-last.log")
    try:
        _wait_for_stream(server, prompt, process, folder / "app-last.log")
        _check_earlier_messages(data_dir, earlier, after_restart=True)
    finally:
        process.kill()
        process.wait(10)
    return kills


def _add_profile(data_dir: Path, base_url: str) -> None:
    data_dir.mkdir(parents=True)
    store = Store.open(data_dir / DATABASE_FILE)
    try:
        store.save_profile(Profile(PROFILE, base_url))
        store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), PROFILE)
    finally:
        store.close()


def _story(lifetime: int) -> str:
    words = " ".join(f"w{lifetime}.{index}" for index in range(REPLY_DELTAS * PACE.chunk_chars))
    return words[: REPLY_DELTAS * PACE.chunk_chars]


def _start_app(data_dir: Path, prompt: str, tmp_dir: Path, keyring_file: Path, log: Path) -> subprocess.Popen:
    env = {name: value for name, value in os.environ.items() if name.lower() not in _PROXY_VARIABLES}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
        FILE_VARIABLE: str(keyring_file),
        "TMPDIR": str(tmp_dir),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.app_runner", str(data_dir), prompt],
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def _wait_for_stream(
    server: FakeServer, prompt: str, process: subprocess.Popen, log: Path
) -> RecordedRequest:
    def streaming() -> RecordedRequest | None:
        for record in server.requests:
            if record.path == "/v1/messages" and prompt in record.raw_body.decode() and record.sent:
                return record
        return None

    return _wait(streaming, process, log, "the app to send the prompt and the reply to start")


def _wait(found: Callable[[], T | None], process: subprocess.Popen, log: Path, what: str) -> T:
    # An app's start takes seconds on a quiet machine, tens when every core is busy with other workers.
    deadline = time.monotonic() + 60
    while (result := found()) is None:
        assert process.poll() is None, f"the app exited while waiting for {what}:\n{log.read_text()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{log.read_text()}"
        time.sleep(0.005)
    return result


def _rows(data_dir: Path) -> list[tuple[int, str, str, str]]:
    """(id, role, status, text) of every message, read as a crash left them: read-only, nothing repaired."""
    uri = f"file:{data_dir / DATABASE_FILE}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = db.execute("SELECT id, role, status, content_json FROM messages ORDER BY id").fetchall()
    return [(id_, role, status, _text(json.loads(content))) for id_, role, status, content in rows]


def _text(content: list[dict]) -> str:
    return "".join(block.get("text", "") for block in content if block.get("type") == "text")


def _check_earlier_messages(
    data_dir: Path, earlier: list[tuple[int, str, str]], *, after_restart: bool
) -> None:
    rows = {id_: (role, status, text) for id_, role, status, text in _rows(data_dir)}
    for id_, role, text in earlier:
        assert id_ in rows, f"message {id_} ({role}) is gone"
        assert rows[id_][0] == role and rows[id_][2] == text, f"message {id_} changed"
        if after_restart and role == "assistant":
            assert rows[id_][1] == "interrupted", f"reply {id_} is {rows[id_][1]} after a restart"


def _check_after_kill(
    data_dir: Path,
    earlier: list[tuple[int, str, str]],
    record: RecordedRequest,
    prompt: str,
    kill_time: float,
    lifetime: int,
    waits: CpuWaits,
) -> Kill:
    _check_earlier_messages(data_dir, earlier, after_restart=False)
    known = {id_ for id_, _, _ in earlier}
    new = [row for row in _rows(data_dir) if row[0] not in known]
    assert [(role, status) for _, role, status, _ in new] == [
        ("user", "complete"),
        ("assistant", "streaming"),
    ]
    (user_id, _, _, asked), (reply_id, _, _, kept) = new
    assert asked == prompt
    sent_by_kill = _sent_text(record.body_sent_by(kill_time))
    assert _sent_text(record.body_sent_by(math.inf)).startswith(kept), "the saved text is what was sent"
    missing_since = _first_missing(record, kept, kill_time)
    waited = 0.0 if missing_since is None else waits.between(missing_since, kill_time)
    lag = 0.0 if missing_since is None else kill_time - missing_since - waited
    assert lag <= LAG_LIMIT, (
        f"lifetime {lifetime}: the saved reply is {lag * 1000:.0f} ms behind what the server had sent, "
        f"not counting {waited * 1000:.0f} ms the app waited for a CPU ({len(kept)} of {len(sent_by_kill)} "
        "characters)"
    )
    earlier += [(user_id, "user", asked), (reply_id, "assistant", kept)]
    return Kill(lifetime, kill_time - record.sent[0][0], lag, waited)


def _first_missing(record: RecordedRequest, kept: str, kill_time: float) -> float | None:
    """When the server first wrote text the database lacks, before the kill (None: it lacks none)."""
    for written_at, _ in record.sent:
        if written_at <= kill_time and len(_sent_text(record.body_sent_by(written_at))) > len(kept):
            return written_at
    return None


def _sent_text(body: bytes) -> str:
    reader = StreamReader("anthropic")
    reader.feed(body)
    return _text(reader.snapshot.to_message().content) if reader.snapshot else ""


def _print_summary(kills: list[Kill]) -> None:
    points = ", ".join(f"{kill.at:.2f}" for kill in kills)
    worst = max(kills, key=lambda kill: kill.lag)
    print(f"\n{len(kills)} kills at {points} s into a {REPLY_SECONDS:.1f} s reply")
    print(
        f"largest loss: {worst.lag * 1000:.0f} ms (lifetime {worst.lifetime}; the app waited "
        f"{worst.waited * 1000:.0f} ms for a CPU besides), limit {LAG_LIMIT:.1f} s"
    )
