"""Evaluation grid benchmark: a 50 × 6 × 3 grid (900 requests) run by the real runner, shown as it runs.

    python bench/grid_run.py [--rows 50] [--columns 6] [--repeats 3] [--concurrency 8]
                             [--deltas 10] [--delta-ms 50] [--busy]

The fake server runs in its own process (as a provider would), every reply scripted with the same pacing:
`--deltas` text deltas, `--delta-ms` apart. The app's path runs in this process on a qasync loop, as in the
app: `GridRunner` (one provider profile, `--concurrency` requests at once) sends every cell through the pool's
client, saves each repeat in a real SQLite file through the store's worker thread, and its events reach the
real `GridTableModel` in the grid window's `GridTableView` (offscreen, sized like the grid window) through
`GridSignals`.

Measured:
- wall time from start to the last cell saved, against the bound the pacing and concurrency allow:
  ceil(cells / concurrency) × deltas × delta interval (no request can be faster than its pacing, and no more
  than `--concurrency` run at once): the ratio is the queue's overhead (goal: <= 1.1);
- the UI thread while it runs: busy share (its CPU time / wall) and its stalls (lateness of a 10 ms timer;
  goal: longest <= 16 ms), with the same timer idle for 3 s first, same process, as the scheduler's floor;
- RSS at the end (goal: <= 300 MB) and at its peak;
- scrolling the finished grid a page at a time, top to bottom and back: the longest and median pass (scroll +
  repaint, goal: under one 16 ms frame), with the app's cell painter and, alternating in the same window, with
  Qt's own item delegate (the baseline).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

if TYPE_CHECKING:
    from bench._stall_probe import StallProbe

KEY = "sk-bench-grid-0123456789"
TICK_MS = 10
CHUNK = 24
"""Characters per delta: 10 deltas make a reply of ~60 tokens, a short answer."""


# -- the server's process ------------------------------------------------------------------------------------


def serve(replies: int, deltas: int, delta_ms: float) -> None:
    """Serve `replies` scripted replies, each `deltas` deltas `delta_ms` apart; print the URL; stop when stdin
    closes."""
    from core.demo import FakeServer, Pace, Reply, Text
    from core.model.messages import Usage

    async def run() -> None:
        server = FakeServer(KEY, keep_requests=10)
        text = ("The answer, measured and paced. " * (deltas * CHUNK // 32 + 1))[: deltas * CHUNK]
        pace = Pace(chunk_chars=CHUNK, delta_interval=delta_ms / 1000)
        usage = Usage(input_tokens=30, output_tokens=math.ceil(len(text) / 4))
        server.enqueue(*[Reply([Text(text)], usage=usage, pace=pace) for _ in range(replies)])
        async with server:
            print(server.base_url, flush=True)
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)

    asyncio.run(run())


# -- the app's side ---------------------------------------------------------------------------------------


@dataclass
class Stalls:
    """Lateness of a 10 ms timer, and the UI thread's CPU, while something runs."""

    lateness_ms: list[float] = field(default_factory=list)
    at_s: list[float] = field(default_factory=list)
    """When each tick came, in seconds from the start."""
    longest_cpu_ms: float = 0.0
    longest_cpu_at_s: float = 0.0
    ui_cpu_s: float = 0.0
    wall_s: float = 0.0

    @property
    def longest(self) -> float:
        return max(self.lateness_ms, default=0.0)

    @property
    def p99(self) -> float:
        ordered = sorted(self.lateness_ms)
        return ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0

    @property
    def busy(self) -> float:
        return self.ui_cpu_s / self.wall_s if self.wall_s else 0.0


class StallMeter:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.stalls = Stalls()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._last_cpu = 0.0
        self.probe: StallProbe | None = None

    def start(self) -> None:
        self.stalls = Stalls()
        self._start_wall, self._start_cpu = time.perf_counter(), time.thread_time()
        self._last, self._last_cpu = self._start_wall, self._start_cpu
        self._timer.start()

    def stop(self) -> Stalls:
        self._timer.stop()
        self.stalls.wall_s = time.perf_counter() - self._start_wall
        self.stalls.ui_cpu_s = time.thread_time() - self._start_cpu
        return self.stalls

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.stalls.lateness_ms.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self.stalls.at_s.append(now - self._start_wall)
        if (cpu - self._last_cpu) * 1000 > self.stalls.longest_cpu_ms:
            self.stalls.longest_cpu_ms = (cpu - self._last_cpu) * 1000
            self.stalls.longest_cpu_at_s = now - self._start_wall
        self._last, self._last_cpu = now, cpu
        if self.probe is not None:
            self.probe.tick()


@dataclass
class Scrolling:
    """Each pass of scrolling the finished grid: wall time and the UI thread's CPU."""

    wall_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(args: argparse.Namespace, base_url: str, folder: Path) -> None:
    from PySide6.QtWidgets import QApplication, QStyledItemDelegate

    from core.api.pool import ClientPool
    from core.grid.runner import GridRunner
    from core.model.grid import GridRun, GridVariant, TestCase, TestSet
    from core.model.profile import Profile
    from core.model.request_settings import RequestSettings
    from core.store.services import StoreServices
    from core.store.worker import StoreWorker
    from gui.grid.names import variant_names
    from gui.grid.run_signals import GridSignals
    from gui.grid.table_model import GridTableModel
    from gui.grid.table_view import GridTableView
    from gui.startup.collector import freeze_long_lived

    class Keys:
        def get(self, profile_name: str) -> str | None:
            return KEY

    app = QApplication.instance()
    assert app is not None
    if not args.no_freeze:
        freeze_long_lived()  # as the app does once the grid window's modules are loaded (gui/grid/feature.py)
    meter = StallMeter()
    meter.start()
    await asyncio.sleep(3)
    idle = meter.stop()

    store = StoreWorker(folder / "grid.sqlite3")
    clients = ClientPool(Keys(), [Profile("Bench", base_url)])
    signals = GridSignals()
    model = GridTableModel()
    table = GridTableView(model)  # the grid window's own table
    table.resize(1320, 760)
    table.show()
    # PySide6 builds the Python side of a Qt class (its enums...) the first time Python touches it: ~30 ms for
    # the viewport's, which the app's windows have long paid by the time a run ends. Not a scrolling cost.
    table.viewport().repaint()
    signals.cellStarted.connect(lambda run_id, key: model.cell_started(key))
    signals.cellFinished.connect(lambda run_id, result: model.cell_finished(result))
    runner = GridRunner(store, clients, signals)

    models = ("claude-sonnet-4-6", "claude-haiku-4-5-20251001", "claude-opus-4-6")
    variants = tuple(
        GridVariant("Bench", RequestSettings(model=models[i % 3], temperature=(i // 3) / 2, max_tokens=1024))
        for i in range(args.columns)
    )
    cases = tuple(TestCase(f"Case {i + 1}", {"topic": f"topic number {i + 1}"}) for i in range(args.rows))
    test_set = TestSet(None, "Bench", "Write three sentences about {{topic}}.", cases, system="Be brief.")
    run = GridRun(None, "Bench", test_set, variants, repeats=args.repeats, concurrency=args.concurrency)
    run = await StoreServices.over(store).grids.create_run(run)
    assert run.id is not None
    model.show_run(run, variant_names(variants))

    cells = args.rows * args.columns * args.repeats
    bound = math.ceil(cells / args.concurrency) * args.deltas * args.delta_ms / 1000
    rss_before = rss_mb()
    if args.trace_stalls:
        from bench._stall_probe import StallProbe

        meter.probe = probe = StallProbe()
    meter.start()
    began = time.perf_counter()
    await runner.start(run.id)
    await runner.wait(run.id)
    wall = time.perf_counter() - began
    running = meter.stop()
    saved = await StoreServices.over(store).grids.run(run.id)
    done = sum(1 for cell in saved.cells.values() if cell.status.value == "done")
    rss_end, rss_peak = rss_mb(), peak_rss_mb()

    # Scrolling the finished grid: a page at a time down, then up; each pass is the scroll and its repaint.
    # The app's cell painter first (the user's first scroll after the run), then rounds alternating with Qt's
    # own item delegate (the baseline: every cell's lines laid out on every paint), in the same window.
    # The passes the loop takes once the run ended, before anyone can scroll: the last cells' repaint, the
    # view's delayed layout, the cells still to be cut ahead; each is a stall of the UI if long.
    settling: list[float] = []
    for _ in range(3):
        start = time.thread_time()
        app.processEvents()
        settling.append((time.thread_time() - start) * 1000)
    while table.ahead():
        start = time.thread_time()
        app.processEvents()
        settling.append((time.thread_time() - start) * 1000)
    bar = table.verticalScrollBar()
    steps = list(range(0, bar.maximum() + 1, max(1, bar.pageStep())))
    scrolls: dict[str, Scrolling] = {"app": Scrolling(), "qt": Scrolling()}
    qt_cells = QStyledItemDelegate(table)
    for variant in ["app"] + ["qt", "app"] * args.scroll_rounds:
        if table.itemDelegate() is not (delegate := table.cells if variant == "app" else qt_cells):
            table.setItemDelegate(delegate)
            app.processEvents()  # the view lays itself out again for a new delegate: not a scrolling pass
        for value in steps + steps[::-1]:
            start, cpu = time.perf_counter(), time.thread_time()
            bar.setValue(value)
            table.viewport().repaint()
            app.processEvents()
            scrolls[variant].wall_ms.append((time.perf_counter() - start) * 1000)
            scrolls[variant].cpu_ms.append((time.thread_time() - cpu) * 1000)
    first = scrolls["app"].wall_ms[0], scrolls["app"].cpu_ms[0]
    measured = [cell.metrics for cell in saved.cells.values() if cell.metrics is not None]
    durations = [m.duration for m in measured if m.duration is not None]
    worst = sorted(zip(running.lateness_ms, running.at_s, strict=True), reverse=True)[:3]

    print(
        f"{args.rows} rows × {args.columns} columns × {args.repeats} repeats = {cells} requests, concurrency "
        f"{args.concurrency}, each reply {args.deltas} deltas {args.delta_ms:g} ms apart; load average "
        f"{os.getloadavg()[0]:.1f}{', one core kept busy' if args.busy else ''}"
    )
    print(f"cells done: {done} of {cells} ({len(saved.cells) - done} failed)")
    print(f"wall time: {wall:.1f} s against a bound of {bound:.1f} s: {wall / bound:.3f}× (goal <= 1.1)")
    measured_bound = math.ceil(cells / args.concurrency) * statistics.mean(durations)
    print(
        f"  against the requests as measured (the server's pacing stretched by load, HTTP): "
        f"{measured_bound:.1f} s: {wall / measured_bound:.3f}× (the queue's own overhead)"
    )
    print(
        f"UI thread while running: busy {running.busy:.0%}, longest stall {running.longest:.1f} ms, p99 "
        f"{running.p99:.1f} ms, longest CPU between ticks {running.longest_cpu_ms:.1f} ms "
        f"(at {running.longest_cpu_at_s:.1f} s; goal <= 16 ms)"
    )
    print(
        "  longest stalls at: "
        + ", ".join(f"{ms:.0f} ms at {at:.1f} s" for ms, at in worst)
        + f"; mean request time (client-measured) {statistics.mean(durations):.3f} s, the pacing alone "
        f"{args.deltas * args.delta_ms / 1000:.3f} s"
    )
    print(
        f"same timer idle (3 s, before): longest stall {idle.longest:.1f} ms, p99 {idle.p99:.1f} ms, "
        f"busy {idle.busy:.0%}"
    )
    print(
        f"RSS: {rss_before:.0f} MB before the run, {rss_end:.0f} MB at the end (goal <= 300), peak "
        f"{rss_peak:.0f} MB"
    )
    rounds = args.scroll_rounds
    print(
        f"scrolling the finished grid a page at a time ({len(steps) * 2} passes a round; the app's painter "
        f"{rounds + 1} rounds, Qt's item delegate {rounds}, alternating; goal < 16 ms):"
    )
    median = statistics.median
    for variant, label in (("app", "app (CellDelegate)"), ("qt", "Qt's item delegate (baseline)")):
        wall, cpu = scrolls[variant].wall_ms, scrolls[variant].cpu_ms
        print(
            f"  {label}: longest {max(wall):.1f} ms ({max(cpu):.1f} ms of UI CPU at most), median "
            f"{median(wall):.1f} ms ({median(cpu):.1f} ms CPU)"
        )
    ours, qt = scrolls["app"], scrolls["qt"]
    print(
        f"  app ÷ baseline: median wall {median(ours.wall_ms) / median(qt.wall_ms):.2f}×, median CPU "
        f"{median(ours.cpu_ms) / median(qt.cpu_ms):.2f}×, longest {max(ours.wall_ms) / max(qt.wall_ms):.2f}×"
    )
    print(f"  the first pass after the run {first[0]:.1f} ms ({first[1]:.1f} ms CPU); CPU per pass:")
    for variant in ("app", "qt"):
        print(f"    {variant}: " + " ".join(f"{ms:.0f}" for ms in scrolls[variant].cpu_ms))
    print(
        "  before it, the loop's passes once the run ended (UI CPU, ms): "
        + " ".join(f"{ms:.1f}" for ms in settling)
    )
    if args.trace_stalls:
        probe.close()
        probe.report()
    await runner.close()
    await clients.aclose()
    await store.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--columns", type=int, default=6)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--deltas", type=int, default=10, help="text deltas per reply")
    parser.add_argument("--delta-ms", type=float, default=50.0, help="milliseconds between deltas")
    parser.add_argument("--busy", action="store_true", help="keep one core busy with another process")
    parser.add_argument("--scroll-rounds", type=int, default=3, help="scrolling rounds of each painter")
    parser.add_argument("--no-freeze", action="store_true", help="leave the heap unfrozen (before)")
    parser.add_argument(
        "--trace-stalls",
        action="store_true",
        help="sample the UI thread's stack while it is late (see _stall_probe)",
    )
    parser.add_argument("--serve", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.deltas, args.delta_ms)
        return

    import qasync
    from PySide6.QtWidgets import QApplication

    from gui.startup.collector import collect_on_main_thread

    cells = args.rows * args.columns * args.repeats
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(cells + 100), "--deltas", str(args.deltas),
         "--delta-ms", str(args.delta_ms)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if args.busy else None
    try:
        assert server.stdout is not None
        base_url = server.stdout.readline().strip()
        app = QApplication.instance() or QApplication(sys.argv)
        collect_on_main_thread(app)  # the UI thread's garbage collector, as in the app
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with tempfile.TemporaryDirectory(prefix="triptych-grid-bench-") as folder, loop:
            loop.run_until_complete(measure(args, base_url, Path(folder)))
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=10)
        if hog is not None:
            hog.kill()
            hog.wait()


if __name__ == "__main__":
    main()
