"""Streaming render benchmark: Markdown replies streamed into the real transcript widget (offscreen).

    python bench/stream_render.py [--tokens 8000] [--rate 100] [--chars 16] [--runs 3] [--busy]

For 1 and 4 concurrent streams it feeds `--rate` deltas per second per stream (each `--chars` characters of an
8k-token Markdown reply with code, lists and a table) and measures, over the run: the UI thread's busy share
(process CPU seconds / wall seconds; the UI thread is the only busy one) and its stalls (how late each 10 ms
timer tick fires). The baseline renders the same text in full on every delta into a QTextBrowser. Medians over
`--runs` runs are printed with the ratio baseline / Triptych. The app's UI-thread garbage collector
(gui/startup/collector.py) runs as in the app.

`--trace` prints, for each run, its three longest spans between ticks in UI-thread CPU with what took it:
the live painter's steps (`_step`), in them the reply's new HTML (`take`) and its writing into the document
(`write`, made of `replace` edits; a step's layout follows its writing, once: `layout`, the step's time
besides the two), Markdown rendered on the UI thread (`markdown`; the tail's `tail` before the worker thread
rendered it, `send` after), paint events, and Python's garbage collections (`gc0`-`gc2`). Every run also
reports the UI thread's longest pass of the event loop in CPU (between two of its `aboutToBlock`), however
late the ticks (on a loaded machine a span between two ticks holds several passes).

`--busy` starts another process that keeps one core busy for the whole run (and stops it at the end): the
ordinary laptop with a build or a browser tab running. `--variants idle` measures the same 10 ms timer with
nothing streaming, in the same conditions: the stalls the scheduler alone causes, the floor under load.
Goals (issue 17): 4 streams' longest stall <= 16 ms quiet, <= 33 ms with `--busy`; each run says whether its
own measurement met the goal that applies.

`--before DIR` measures another checkout of the app (e.g. main's) against this one, alternating, each run in
a process of its own (`--code DIR` imports the app from DIR); the medians of each are printed, and with
`--trace` each run's longest spans.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen cannot resize to size hints: noise
# The checkout whose app is measured: `--code DIR` if given, read before the app is imported.
sys.path.insert(
    0,
    sys.argv[sys.argv.index("--code") + 1]
    if "--code" in sys.argv
    else str(Path(__file__).resolve().parents[1]),
)

from PySide6.QtCore import QAbstractEventDispatcher, QElapsedTimer, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QTextBrowser, QWidget

from core.model.conversation import StoredMessage
from core.render.markdown import MarkdownRenderer
from core.wire.accumulate import StreamUpdate
from gui.error_messages import describe
from gui.startup.collector import collect_on_main_thread
from gui.transcript.view import TranscriptView

TICK_MS = 10
GOAL_STREAMS = 4
GOAL_QUIET_MS = 16.0
GOAL_BUSY_MS = 33.0


@dataclass
class Measure:
    busy_share: float
    longest_stall_ms: float
    p99_stall_ms: float
    longest_cpu_ms: float
    """The UI thread's longest CPU time between two ticks: the part of a stall that is our own work, whatever
    the scheduler adds (on a loaded machine the rest of the stall is waiting for a core)."""
    longest_pass_cpu_ms: float = 0.0
    """The UI thread's longest CPU time in one pass of the event loop, however late the ticks are (on a
    loaded machine a span between ticks holds several passes)."""


def reply_text(tokens: int) -> str:
    """About 4 characters per token of varied Markdown."""
    section = (
        "## Section {n}\n\nSome prose with **bold**, *italic* and `code` in it, long enough to wrap "
        "a line or two "
        "in the transcript so that layout has real work to do.\n\n"
        "- first point of {n}\n- second point with a [link](https://example.com/{n})\n- third point\n\n"
        "```python\ndef step_{n}(value: int) -> int:\n    total = value * {n}\n    return total + 1\n```\n\n"
        "| name | value | note |\n|---|---|---|\n| a{n} | {n} | first |\n| b{n} | {m} | second |\n\n"
    )
    parts, n = [], 0
    while sum(len(p) for p in parts) < tokens * 4:
        parts.append(section.format(n=n, m=n * 2))
        n += 1
    return "".join(parts)[: tokens * 4]


class Triptych:
    """The real transcript: one view per stream, fed StreamUpdates."""

    def __init__(self, host: QWidget, streams: int) -> None:
        self.views = [TranscriptView(error_text=describe, parent=host) for _ in range(streams)]
        for index, view in enumerate(self.views):
            host.layout().addWidget(view)
            message = StoredMessage(
                id=index + 1, conversation_id=1, parent_id=None, role="assistant", content=[]
            )
            view.begin_reply(message)
            view.feed_update(
                index + 1, StreamUpdate("block_start", 0, block_type="text", block={"type": "text"})
            )

    def feed(self, stream: int, delta: str) -> None:
        self.views[stream].feed_update(stream + 1, StreamUpdate("text", 0, delta, "text"))


class Naive:
    """The baseline: the whole reply so far rendered again on every delta."""

    def __init__(self, host: QWidget, streams: int) -> None:
        self.views = [QTextBrowser(host) for _ in range(streams)]
        self.texts = ["" for _ in range(streams)]
        self.renderer = MarkdownRenderer()
        for view in self.views:
            host.layout().addWidget(view)

    def feed(self, stream: int, delta: str) -> None:
        self.texts[stream] += delta
        self.views[stream].setHtml(self.renderer.render(self.texts[stream]))


class Idle:
    """Nothing streams: the timer's stalls are the scheduler's and Qt's alone."""

    def __init__(self, host: QWidget, streams: int) -> None:
        pass

    def feed(self, stream: int, delta: str) -> None:
        pass


VARIANTS: dict[str, Callable[[QWidget, int], Triptych | Naive | Idle]] = {
    "triptych": Triptych,
    "baseline": Naive,
    "idle": Idle,
}


class Trace(QObject):
    """What the UI thread spent its CPU on between two ticks (`--trace`): named steps and their CPU ms."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.steps: list[tuple[str, float]] = []
        self.spans: list[tuple[float, list[tuple[str, float]]]] = []
        self._app = app
        self._painting = False
        self._gc_began = 0.0
        import gui.transcript.document
        import gui.transcript.live_painter
        import gui.transcript.live_turn
        import gui.transcript.turn_html

        self._timed(gui.transcript.live_painter.LivePainter, "_step", "_step")
        self._timed(gui.transcript.live_turn.LiveTurn, "take", "take")
        self._timed(gui.transcript.live_painter.LivePainter, "_write", "write")
        self._timed(gui.transcript.document.Regions, "replace", "replace")
        self._timed(gui.transcript.turn_html.TurnHtml, "live_markdown", "markdown")
        # The unfinished tail's Markdown, where the UI thread renders it (before: `tail`; after: only the
        # text sent to the worker thread, `send`).
        live_turn = gui.transcript.live_turn
        if hasattr(live_turn._LiveText, "_tail"):
            self._timed(live_turn._LiveText, "_tail", "tail")
        if hasattr(live_turn, "_Renders"):
            self._timed(live_turn._Renders, "_send", "send")
        gc.callbacks.append(self._collected)
        app.installEventFilter(self)

    def _timed(self, cls: type, name: str, label: str) -> None:
        method = getattr(cls, name)
        steps = self.steps

        def timed(*args, **kwargs):
            began = time.thread_time()
            try:
                return method(*args, **kwargs)
            finally:
                steps.append((label, (time.thread_time() - began) * 1000))

        setattr(cls, name, timed)

    def _collected(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_began = time.thread_time()
        else:
            self.steps.append((f"gc{info['generation']}", (time.thread_time() - self._gc_began) * 1000))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or self._painting:
            return False
        self._painting = True
        began = time.thread_time()
        try:
            self._app.notify(watched, event)
        finally:
            self._painting = False
        self.steps.append(("paint", (time.thread_time() - began) * 1000))
        return True

    def tick(self, cpu_ms: float) -> None:
        self.spans.append((cpu_ms, self.steps[:]))
        self.steps.clear()

    def report(self) -> None:
        for cpu_ms, steps in sorted(self.spans, key=lambda span: -span[0])[:3]:
            totals: dict[str, list[float]] = {}
            for name, ms in steps:
                totals.setdefault(name, []).append(ms)
            parts = [f"{name} {sum(ms):.1f} ms ({len(ms)}x)" for name, ms in totals.items()]
            # A step's own time besides its rendering and writing: Qt's layout of its edits, once.
            layout = sum(totals.get("_step", [])) - sum(totals.get("take", [])) - sum(totals.get("write", []))
            parts.append(f"layout {layout:.1f} ms")
            print(f"  trace: {cpu_ms:.1f} ms between ticks: " + ", ".join(sorted(parts, key=lambda s: s)))
        self.spans.clear()


class Passes:
    """The UI thread's CPU in each pass of its event loop: between two of the loop's `aboutToBlock` (a wait
    costs no CPU, so the CPU between them is the pass's work, however long the thread waited for a core)."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._last: float | None = None
        self._dispatcher = QAbstractEventDispatcher.instance()
        self._dispatcher.aboutToBlock.connect(self._pass_ends)

    def start(self) -> None:
        """Measure from now on (the first tick: the views' first layout and paint are not streaming)."""
        self._last = time.thread_time()

    def _pass_ends(self) -> None:
        if self._last is not None:
            now = time.thread_time()
            self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
            self._last = now

    def close(self) -> None:
        self._dispatcher.aboutToBlock.disconnect(self._pass_ends)


def busy_core() -> subprocess.Popen[bytes]:
    """Another process keeping one core busy, at the same priority as this one."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def run_once(
    app: QApplication, make: Callable[[QWidget, int], Triptych | Naive | Idle], streams: int, args
) -> Measure:
    host = QWidget()
    host.setLayout(QHBoxLayout())
    host.resize(1600, 900)
    host.show()
    target = make(host, streams)
    text = reply_text(args.tokens)
    deltas = [text[i : i + args.chars] for i in range(0, len(text), args.chars)]
    interval_ms = 1000 / args.rate
    lateness: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    cpu_spans: list[float] = []
    passes = Passes()
    state = {"sent": 0, "last_tick": 0.0, "last_cpu": time.thread_time()}
    trace: Trace | None = args.trace_object

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        cpu_now = time.thread_time()
        if state["last_tick"]:
            lateness.append(max(0.0, now - state["last_tick"] - TICK_MS))
            cpu_spans.append((cpu_now - state["last_cpu"]) * 1000)
            if trace is not None:
                trace.tick(cpu_spans[-1])
        else:
            passes.start()
            if trace is not None:
                trace.steps.clear()
        state["last_tick"] = now
        state["last_cpu"] = cpu_now
        due = min(len(deltas), int(now / interval_ms) + 1)
        while state["sent"] < due:
            for stream in range(streams):
                target.feed(stream, deltas[state["sent"]])
            state["sent"] += 1
        if state["sent"] >= len(deltas):
            timer.stop()
            app.quit()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    cpu_before, wall_before = time.process_time(), time.perf_counter()
    timer.start()
    app.exec()
    deadline = time.perf_counter() + 0.5  # let the last throttled repaint land
    while time.perf_counter() < deadline:
        app.processEvents()
    cpu, wall = time.process_time() - cpu_before, time.perf_counter() - wall_before
    host.close()
    host.deleteLater()
    if trace is not None:
        trace.report()
    lateness.sort()
    p99 = lateness[int(len(lateness) * 0.99) - 1] if lateness else 0.0
    passes.close()
    return Measure(
        cpu / wall, lateness[-1] if lateness else 0.0, p99, max(cpu_spans, default=0.0), passes.longest_ms
    )


def median(measures: list[Measure]) -> Measure:
    return Measure(
        statistics.median(m.busy_share for m in measures),
        statistics.median(m.longest_stall_ms for m in measures),
        statistics.median(m.p99_stall_ms for m in measures),
        statistics.median(m.longest_cpu_ms for m in measures),
        statistics.median(m.longest_pass_cpu_ms for m in measures),
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tokens", type=int, default=8000)
    parser.add_argument("--rate", type=float, default=100.0, help="deltas per second per stream")
    parser.add_argument("--chars", type=int, default=16, help="characters per delta")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--streams", type=int, nargs="+", default=[1, 4], help="concurrent streams to try")
    parser.add_argument(
        "--variants", nargs="+", choices=list(VARIANTS), default=["triptych", "baseline"], help="what to run"
    )
    parser.add_argument("--busy", action="store_true", help="keep one core busy with another process")
    parser.add_argument("--trace", action="store_true", help="what the longest spans between ticks did")
    parser.add_argument("--before", metavar="DIR", help="also measure the app of this checkout, alternating")
    parser.add_argument("--code", metavar="DIR", help="measure the app of this checkout (default: this one)")
    # One run's figures on one line, for --before.
    parser.add_argument("--result", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.before:
        hog = busy_core() if args.busy else None
        try:
            compare_checkouts(args)
        finally:
            if hog is not None:
                hog.kill()
                hog.wait()
        return
    app = QApplication.instance() or QApplication(sys.argv)
    collect_on_main_thread(app)
    args.trace_object = Trace(app) if args.trace else None
    hog = busy_core() if args.busy else None
    try:
        measure_all(app, args)
    finally:
        if hog is not None:
            hog.kill()
            hog.wait()


def compare_checkouts(args: argparse.Namespace) -> None:
    """This checkout and `--before`'s, one run each in turn (which goes first alternates), each in a process
    of its own with the checkout's own environment."""
    here = str(Path(__file__).resolve().parents[1])
    trees = {"before": str(Path(args.before).resolve()), "after": here}
    print(
        f"{args.tokens} tokens, {args.chars} chars per delta, {args.rate:g} deltas/s per stream, "
        f"{args.runs} alternating runs each, {'one core kept busy' if args.busy else 'quiet'} "
        f"(load average {os.getloadavg()[0]:.1f} at the start); before: {trees['before']}"
    )
    for streams in args.streams:
        results: dict[str, list[Measure]] = {name: [] for name in trees}
        for run in range(args.runs):
            order = list(trees) if run % 2 == 0 else list(reversed(trees))
            for name in order:
                results[name].append(_one_run_elsewhere(trees[name], streams, args, name))
        for name, measures in results.items():
            runs = ", ".join(
                f"{x.longest_stall_ms:.1f}/{x.longest_cpu_ms:.1f}/{x.longest_pass_cpu_ms:.1f}"
                for x in measures
            )
            m = median(measures)
            print(
                f"{streams} streams | {name:<6} | busy {m.busy_share:.0%} | "
                f"longest stall {m.longest_stall_ms:.1f} ms | p99 {m.p99_stall_ms:.1f} ms | "
                f"longest CPU between ticks {m.longest_cpu_ms:.1f} ms | longest pass CPU "
                f"{m.longest_pass_cpu_ms:.1f} ms (runs, stall/CPU between ticks/pass CPU: {runs})"
            )


def _one_run_elsewhere(tree: str, streams: int, args: argparse.Namespace, name: str) -> Measure:
    python = Path(tree, ".venv", "bin", "python")
    command = [
        str(python if python.exists() else sys.executable),
        __file__,
        *("--code", tree, "--result", "--runs", "1", "--streams", str(streams), "--variants", "triptych"),
        *("--tokens", str(args.tokens), "--rate", str(args.rate), "--chars", str(args.chars)),
        *(["--trace"] if args.trace else []),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    output = done.stdout
    if done.returncode:
        raise RuntimeError(f"the run in {tree} failed:\n{done.stderr}")
    for line in output.splitlines():
        if line.startswith("  trace:"):
            print(f"  {name}{line}")
        if line.startswith("RESULT "):
            return Measure(*(float(x) for x in line.split()[1:]))
    raise RuntimeError(f"no result from {tree}:\n{output}")


def measure_all(app: QApplication, args: argparse.Namespace) -> None:
    if args.result:
        m = run_once(app, VARIANTS["triptych"], args.streams[0], args)
        print(
            f"RESULT {m.busy_share} {m.longest_stall_ms} {m.p99_stall_ms} {m.longest_cpu_ms} "
            f"{m.longest_pass_cpu_ms}"
        )
        return
    print(
        f"{args.tokens} tokens, {args.chars} chars per delta, {args.rate:g} deltas/s per stream, "
        f"median of {args.runs} runs, {'one core kept busy' if args.busy else 'quiet'} "
        f"(load average {os.getloadavg()[0]:.1f} at the start)"
    )
    print(
        f"{'streams':>7} | {'variant':<9} | {'UI busy':>8} | {'longest stall':>13} | {'p99 stall':>9} | "
        f"{'longest CPU between ticks':>25} | {'longest pass CPU':>16}"
    )
    for streams in args.streams:
        results = {}
        for name in args.variants:
            results[name] = median([run_once(app, VARIANTS[name], streams, args) for _ in range(args.runs)])
            m = results[name]
            print(
                f"{streams:>7} | {name:<9} | {m.busy_share:>7.0%} | {m.longest_stall_ms:>10.1f} ms | "
                f"{m.p99_stall_ms:>6.1f} ms | {m.longest_cpu_ms:>22.1f} ms | "
                f"{m.longest_pass_cpu_ms:>13.1f} ms"
            )
        ours, base, idle = results.get("triptych"), results.get("baseline"), results.get("idle")
        if ours is not None and base is not None:  # how many times better than the baseline
            print(
                f"{streams:>7} | {'ratio':<9} | {base.busy_share / max(ours.busy_share, 1e-9):>7.1f}x | "
                f"{base.longest_stall_ms / max(ours.longest_stall_ms, 1e-9):>11.1f}x | "
                f"{base.p99_stall_ms / max(ours.p99_stall_ms, 1e-9):>7.1f}x"
            )
        if ours is not None and idle is not None:  # how far above the scheduler's own stalls
            print(
                f"{streams:>7} | {'vs idle':<9} | {'':>8} | "
                f"{ours.longest_stall_ms / max(idle.longest_stall_ms, 1e-9):>11.2f}x | "
                f"{ours.p99_stall_ms / max(idle.p99_stall_ms, 1e-9):>7.2f}x"
            )
        if ours is not None and streams == GOAL_STREAMS:
            goal = GOAL_BUSY_MS if args.busy else GOAL_QUIET_MS
            verdict = "met" if ours.longest_stall_ms <= goal else "NOT met"
            print(
                f"goal: {streams} streams' longest stall <= {goal:g} ms "
                f"({'busy' if args.busy else 'quiet'}); measured {ours.longest_stall_ms:.1f} ms: {verdict}"
            )


if __name__ == "__main__":
    main()
