"""The UI thread while MCP tools run: the real app (offscreen) against the fake model server scripted to call
tools of a real MCP server (tests/mcp_servers/faulty.py over stdio), every call allowed by a remembered rule.

    python bench/tool_ui_stall.py [--rounds 5] [--calls 4] [--steps 20] [--delay 0.01] [--huge 5] [--runs 3]

Each round the model calls `slow` `--calls` times at once (each reports progress `--steps` times, one every
`--delay` s: their cards update with each notification) and, in the first round, `huge` once (a `--huge` MB
result the hub cuts to its limit: the card shows the cut text); the loop sends the results back and the model
calls again, `--rounds` times, then answers. A 10 ms timer on the UI thread measures its stalls (how late
each tick fires, less the time the thread waited for a CPU, as tests/gui/ui_probe.py does) from the send to
the answer shown. The baseline is the same window, idle, for as long, in the same run: the machine's floor.
Medians over `--runs` runs. Goal: the longest stall at most 16 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from core.api.keys import KeyStore
from core.api.retry import RetryPolicy
from core.demo import FakeServer, Reply, Text, ToolUse
from core.model.profile import Profile
from core.model.tools import ApprovalRule, Decision, ServerConfig, ServerState
from core.store import paths
from core.store.repository import Store
from gui.app import AppOptions, TriptychApp

REPO = Path(__file__).resolve().parents[1]
FAULTY = REPO / "tests" / "mcp_servers" / "faulty.py"
KEY = "sk-bench-tools-0000000000"
ANSWER = "All the tools have answered."


def cpu_wait() -> float:
    """Seconds this thread was ready to run but had no CPU (Linux schedstat); 0 where unknown."""
    try:
        with open("/proc/thread-self/schedstat", encoding="ascii") as stat:
            return int(stat.read().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


class Probe:
    """A 10 ms timer; each gap between ticks less the CPU wait in it."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last, self._waited = time.monotonic(), cpu_wait()
        self._timer = QTimer(interval=10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now, waited = time.monotonic(), cpu_wait()
        self.gaps.append(now - self._last - (waited - self._waited) - 0.010)
        self._last, self._waited = now, waited

    def stop(self) -> tuple[float, float]:
        """(longest, p99) stall in milliseconds."""
        self._timer.stop()
        gaps = sorted(max(gap, 0.0) for gap in self.gaps) or [0.0]
        return gaps[-1] * 1000, gaps[int(len(gaps) * 0.99) - 1 if len(gaps) > 1 else 0] * 1000


@dataclass
class Result:
    longest: float
    p99: float
    seconds: float
    progress: int


async def wait_for(condition, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.01)


async def one_run(qapp: QApplication, args: argparse.Namespace, server: FakeServer) -> tuple[Result, Result]:
    with tempfile.TemporaryDirectory(prefix="tool-ui-stall-") as folder:
        data_dir = Path(folder)
        store = Store.open(paths.database_path(data_dir))
        store.save_mcp_server(ServerConfig("faulty", command=sys.executable, args=(str(FAULTY),)))
        store.add_tool_rule(ApprovalRule("faulty", None, Decision.ALLOW))
        store.set_tool_limit(1000)  # the default 20 would end the loop before the last round
        store.save_profile(Profile("Relay", server.base_url))
        store.close()
        keys = KeyStore()
        keys.set("Relay", KEY, session_only=True)
        app = TriptychApp(qapp, AppOptions(data_dir=folder), keys=keys, retry=RetryPolicy(max_retries=0))
        task = asyncio.ensure_future(app.run())
        await wait_for(
            lambda: app.window is not None and app.window.current_conversation() is not None, 30, "window"
        )
        ready = [ServerState.READY]
        await wait_for(lambda: [s.state for s in app.tool_hub.statuses()] == ready, 30, "the MCP server")
        window = app.window
        assert window is not None
        replies = []
        for round_ in range(args.rounds):
            slow = {"steps": args.steps, "delay": args.delay}
            calls = [ToolUse("slow", slow) for _ in range(args.calls)]
            if round_ == 0 and args.huge:
                calls.append(ToolUse("huge", {"megabytes": args.huge}))
            replies.append(Reply([Text(f"Round {round_ + 1}."), *calls]))
        replies.append(Reply([Text(ANSWER)]))
        server.enqueue(*replies)
        progress = 0
        window_controller = app.controller

        def counted(*_: object) -> None:
            nonlocal progress
            progress += 1

        window_controller.toolRunChanged.connect(counted)
        await asyncio.sleep(0.5)  # the window settled
        conversation = window.current_conversation()
        assert conversation is not None
        probe, started = Probe(), time.monotonic()
        window.composer.editor.setPlainText("Run the tools, please.")
        window.composer.send_button.click()
        await wait_for(lambda: app.session.is_replying(conversation.id), 10, "the send")
        await wait_for(
            lambda: (
                not app.session.is_replying(conversation.id)
                and ANSWER in window.transcript.browser.toPlainText()
            ),
            300,
            "the loop to end",
        )
        seconds = time.monotonic() - started
        longest, p99 = probe.stop()
        busy = Result(longest, p99, seconds, progress)
        probe = Probe()
        await asyncio.sleep(seconds)
        idle_longest, idle_p99 = probe.stop()
        window.close()
        await task
        return busy, Result(idle_longest, idle_p99, seconds, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=4)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--delay", type=float, default=0.01)
    parser.add_argument("--huge", type=float, default=5.0, help="MB returned by one call of the first round")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    results: list[tuple[Result, Result]] = []
    with FakeServer.running_in_thread(api_key=KEY) as server, loop:
        for _ in range(args.runs):
            results.append(loop.run_until_complete(one_run(qapp, args, server)))
    busy = [busy for busy, _ in results]
    idle = [idle for _, idle in results]
    calls = args.rounds * args.calls + (1 if args.huge else 0)
    print(
        f"{args.rounds} rounds of {args.calls} parallel calls ({args.steps} progress notifications each, "
        f"one every {args.delay * 1000:.0f} ms){f', one {args.huge:g} MB result' if args.huge else ''}: "
        f"{calls} calls; median of {args.runs} runs"
    )
    print("| variant | longest stall | p99 stall | duration | card updates |")
    print("|---|---|---|---|---|")
    for name, rows in (("tools running", busy), ("idle window (baseline)", idle)):
        print(
            f"| {name} | {statistics.median(r.longest for r in rows):.1f} ms "
            f"| {statistics.median(r.p99 for r in rows):.1f} ms "
            f"| {statistics.median(r.seconds for r in rows):.1f} s "
            f"| {statistics.median(r.progress for r in rows):.0f} |"
        )


if __name__ == "__main__":
    main()
