"""The spike behind ToolHub's threading: MCP sessions on the GUI's qasync loop, or on a loop of their own.

    QT_QPA_PLATFORM=offscreen python bench/tool_loop_spike.py [--calls 100] [--megabytes 20]

Both arrangements are driven from a qasync loop under a QApplication, as in the app, against the faulty test
server over stdio (tests/mcp_servers/faulty.py):
  qasync   core.tools.connection.Connection started and called on the qasync loop itself
  thread   core.tools.hub.ToolHub: the same Connection on the hub's own asyncio loop in a thread
For each: whether start, call and cancellation work; the median round trip of a trivial tool; and the UI
loop's longest stall (lateness of a 5 ms QTimer) while (a) one tool returns `--megabytes` of text and
(b) 20 calls of a slow tool report progress concurrently.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from core.model.tools import ServerConfig, ToolSpec
from core.tools.connection import Connection
from core.tools.hub import ToolHub

FAULTY = Path(__file__).resolve().parents[1] / "tests" / "mcp_servers" / "faulty.py"
CONFIG = ServerConfig(name="spike", command=sys.executable, args=(str(FAULTY),), call_timeout=300)


class StallMeter:
    """The longest lateness of a 5 ms repeating QTimer: how long the UI thread could not run."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - 0.005)
        self.last = now

    def start(self) -> None:
        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.worst * 1000


class OnLoop:
    """A Connection on the calling (qasync) loop."""

    async def start(self) -> None:
        self.connection = Connection(
            config=CONFIG, given=CONFIG, report=lambda status: None, start_timeout=120
        )
        self.connection.start()
        await self.connection.settled.wait()
        assert self.connection.ready

    async def call(self, tool: str, arguments: dict[str, Any], on_progress: Any = None) -> Any:
        return await self.connection.call(tool, arguments, on_progress)

    async def close(self) -> None:
        await self.connection.stop()


class OnThread:
    async def start(self) -> None:
        self.hub = ToolHub(start_timeout=120)
        await self.hub.configure([CONFIG])
        assert self.hub.tools(), self.hub.statuses()

    async def call(self, tool: str, arguments: dict[str, Any], on_progress: Any = None) -> Any:
        spec = self.hub.find(tool)
        assert isinstance(spec, ToolSpec)
        return await self.hub.call(spec, arguments, on_progress=on_progress)

    async def close(self) -> None:
        await self.hub.close()


async def measure(variant: Any, calls: int, megabytes: float) -> dict[str, str]:
    meter = StallMeter()
    await variant.start()
    try:
        for _ in range(10):
            await variant.call("echo", {"text": "warm"})
        times = []
        for _ in range(calls):
            start = time.perf_counter()
            await variant.call("echo", {"text": "ping"})
            times.append(time.perf_counter() - start)
        # Cancellation: a hanging call cancelled, then the server's own count of cancellations.
        hang = asyncio.ensure_future(variant.call("hang", {}))
        while (await variant.call("hanging", {})).content[0]["text"] != "1":
            await asyncio.sleep(0.02)
        hang.cancel()
        cancelled = False
        for _ in range(200):
            if (await variant.call("cancellations", {})).content[0]["text"] == "1":
                cancelled = True
                break
            await asyncio.sleep(0.02)
        meter.start()
        huge = await variant.call("huge", {"megabytes": megabytes})
        huge_stall = meter.stop()
        assert huge.truncated_from, huge
        progress: list[Any] = []
        meter.start()
        await asyncio.gather(
            *(variant.call("slow", {"steps": 20, "delay": 0.01}, progress.append) for _ in range(20))
        )
        progress_stall = meter.stop()
        return {
            "round trip (median)": f"{statistics.median(times) * 1000:.2f} ms",
            "cancellation reached the server": "yes" if cancelled else "no",
            f"longest UI stall, {megabytes:g} MB result": f"{huge_stall:.0f} ms",
            "longest UI stall, 20 calls with progress": f"{progress_stall:.0f} ms",
        }
    finally:
        await variant.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--megabytes", type=float, default=20)
    options = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    results: dict[str, dict[str, str]] = {}
    with loop:
        for name, variant in (("qasync", OnLoop()), ("thread", OnThread())):
            try:
                results[name] = loop.run_until_complete(measure(variant, options.calls, options.megabytes))
            except Exception as error:  # the spike's point: does it work at all
                results[name] = {"error": f"{type(error).__name__}: {error}"[:200]}
    rows = sorted({row for result in results.values() for row in result}, key=list(results["thread"]).index)
    print("| | qasync loop | own thread |")
    print("|---|---|---|")
    for row in rows:
        print(f"| {row} | {results['qasync'].get(row, '-')} | {results['thread'].get(row, '-')} |")


if __name__ == "__main__":
    main()
