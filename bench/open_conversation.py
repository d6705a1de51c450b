"""Open-a-conversation benchmark: from "open" to the first painted frame of the real transcript (offscreen).

    python bench/open_conversation.py [--sizes 200 2000] [--chars 3700] [--runs 5] [--scroll 60]

A real SQLite store (built once per run of this script with core's Store) holds conversations of `--sizes`
messages, user and assistant alternating (assistant replies of `--chars` characters of Markdown with code,
lists and a table: 200 messages are about 400 KB). Each measurement runs in a fresh process, so RSS is its
own: the window with an empty TranscriptView is shown and painted, then the clock starts, the path is read
from the store (`current_path`, what the window does through its worker thread), handed to
`TranscriptView.show_messages`, and the clock stops when the browser's viewport has finished its first paint.
Also reported: when the older turns added in the background are in (`loading` turns False), the longest
UI stall meanwhile (one event-loop pass) and the RSS growth at first paint and then; then the user scrolling
up: the view held at the top until the first turn is in (at most `--scroll` seconds): how far up it got
("reached", turns from the end), the turns in the document then, the longest event-loop pass in wall time and
in UI-thread CPU (`up CPU`: what the app's own work costs, without the waits of a loaded machine; also the
99th percentile and the median of the passes' CPU, which a loaded machine disturbs less than the longest),
RSS; and back down: the view held at the bottom until the newest turn is in again: its passes likewise.
Python's garbage collector runs as in the app (on the UI thread, a full collection at most once a minute).
`--trace` prints, for each process, the five longest passes each way in UI-thread CPU with what took it: the
window's steps (an insertion or removal piece, a trim, rendering ahead), Qt's edits, paints, collections.
Variants:
  triptych  the transcript as it is: the newest ~6 KB at once, older turns a piece at a time on later loop
            passes (a window of ~20 KB of content, the far end dropped as turns come in at the near one)
  nowindow  the same with no window: every turn added stays in the document (as before issue 17)
  baseline  the same widget rendering every message into the document up front (slice size unlimited, no
            window)
Medians over `--runs` processes; ratio = the variant's / triptych's (first paint: baseline; passes
while scrolling: nowindow).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

VARIANTS = ("triptych", "nowindow", "baseline")
COLUMNS = [  # heading, key, unit
    ("read", "read_ms", "ms"),
    ("render", "render_ms", "ms"),
    ("1st paint", "first_paint_ms", "ms"),
    ("UI CPU", "first_paint_cpu_ms", "ms"),
    ("bg done", "background_ms", "ms"),
    ("bg stall", "longest_stall_ms", "ms"),
    ("RSS +paint", "rss_painted_mb", "MB"),
    ("RSS +bg", "rss_background_mb", "MB"),
    ("turns bg", "turns_background", ""),
    ("reached", "turns_reached", ""),
    ("in doc", "turns_scrolled", ""),
    ("up stall", "scroll_stall_ms", "ms"),
    ("up CPU", "scroll_cpu_ms", "ms"),
    ("up p99 CPU", "scroll_cpu_p99_ms", "ms"),
    ("up p50 CPU", "scroll_cpu_p50_ms", "ms"),
    ("RSS +up", "rss_scrolled_mb", "MB"),
    ("down stall", "down_stall_ms", "ms"),
    ("down CPU", "down_cpu_ms", "ms"),
    ("dn p99 CPU", "down_cpu_p99_ms", "ms"),
    ("dn p50 CPU", "down_cpu_p50_ms", "ms"),
]
RATIO_KEYS = {"render_ms", "first_paint_ms", "first_paint_cpu_ms", "rss_painted_mb"}
SCROLL_RATIO_KEYS = {
    "scroll_stall_ms",
    "scroll_cpu_ms",
    "scroll_cpu_p99_ms",
    "scroll_cpu_p50_ms",
    "rss_scrolled_mb",
    "down_stall_ms",
    "down_cpu_ms",
    "down_cpu_p99_ms",
    "down_cpu_p50_ms",
}


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def text(value: str) -> dict[str, str]:
    return {"type": "text", "text": value}


class Trace:
    """What each event-loop pass spent UI-thread CPU on (`--trace`): named steps and their CPU ms."""

    STEPS = ("_step", "_insert_piece", "_remove_piece", "_trim", "_prepare")

    def __init__(self) -> None:
        import gui.transcript.document
        import gui.transcript.older_turns

        self.steps: list[tuple[str, float]] = []
        self.passes: list[tuple[float, list[tuple[str, float]]]] = []
        self._gc_began = 0.0
        for name in self.STEPS:  # those the code measured has
            if hasattr(gui.transcript.older_turns.OlderTurns, name):
                self._timed(gui.transcript.older_turns.OlderTurns, name, name.strip("_"))
        self._timed(gui.transcript.document.Regions, "replace", "Qt edit")
        gc.callbacks.append(self._collected)

    def _timed(self, cls: type, name: str, label: str) -> None:
        method = getattr(cls, name)
        steps = self.steps

        def timed(*args: object, **kwargs: object) -> object:
            began = time.thread_time()
            try:
                return method(*args, **kwargs)
            finally:
                steps.append((label, (time.thread_time() - began) * 1000))

        setattr(cls, name, timed)

    def _collected(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_began = time.thread_time()
        else:
            self.steps.append((f"gc{info['generation']}", (time.thread_time() - self._gc_began) * 1000))

    def pass_done(self, cpu_s: float) -> None:
        self.passes.append((cpu_s * 1000, self.steps[:]))
        self.steps.clear()

    def report(self, label: str) -> None:
        for cpu_ms, steps in sorted(self.passes, key=lambda one: -one[0])[:5]:
            parts = ", ".join(f"{name} {ms:.1f}" for name, ms in steps)
            print(f"  trace {label}: {cpu_ms:.1f} ms: {parts or 'nothing timed'}")
        self.passes.clear()


def child(
    variant: str, database: str, conversation_id: int, scroll_s: float, trace: Trace | None = None
) -> dict[str, float]:
    """One measurement in this process: prints its numbers as JSON (and before them the trace's lines)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from _corpus import assistant_text, user_text
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    import gui.transcript.older_turns
    import gui.transcript.view
    from core.model.conversation import StoredMessage
    from core.store.repository import Store
    from gui.error_messages import describe
    from gui.startup.collector import collect_on_main_thread
    from gui.transcript.view import TranscriptView

    if variant == "baseline":
        gui.transcript.view._FIRST_SLICE_CHARS = 1 << 62  # every message rendered before the first paint
    if variant in ("nowindow", "baseline"):
        gui.transcript.older_turns.WINDOW_CHARS = 1 << 62  # nothing dropped
        gui.transcript.older_turns.BACKGROUND_CHARS = 500_000  # the background fill as it was

    app = QApplication.instance() or QApplication([])
    collect_on_main_thread(app)  # Python's garbage collector runs as in the app
    host = QWidget()
    QVBoxLayout(host).addWidget(view := TranscriptView(error_text=describe, parent=host))
    host.resize(900, 800)
    host.show()
    browser = view.browser
    marks: dict[str, float] = {}

    class FirstPaint(QObject):
        """Paints the viewport itself when armed, to note the moment the paint is done (and, tracing, times
        every paint)."""

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "armed" in marks and "painted" not in marks:
                browser.viewportEvent(event)
                marks["painted"] = time.perf_counter()
                marks["painted_cpu"] = time.thread_time()
                return True
            if event.type() == QEvent.Type.Paint and trace is not None:
                began = time.thread_time()
                browser.viewportEvent(event)
                trace.steps.append(("paint", (time.thread_time() - began) * 1000))
                return True
            return False

    first_paint = FirstPaint()
    browser.viewport().installEventFilter(first_paint)
    # The app is running and has shown a conversation before: fonts, lexers and Markdown are warm.
    warm = [
        StoredMessage(id=-2, conversation_id=0, parent_id=None, role="user", content=[text(user_text(0))]),
        StoredMessage(
            id=-1, conversation_id=0, parent_id=-2, role="assistant", content=[text(assistant_text(1, 2000))]
        ),
    ]
    view.show_messages(warm)
    for _ in range(20):
        app.processEvents()
    store = Store.open(database)
    store.current_path(conversation_id)  # the page cache warm, as for a conversation opened before
    rss_before = rss_mb()

    cpu = time.thread_time()
    marks["armed"] = start = time.perf_counter()
    messages = store.current_path(conversation_id)
    read = time.perf_counter()
    view.show_messages(messages)
    rendered = time.perf_counter()
    while "painted" not in marks:
        app.processEvents()
    paint_cpu = marks["painted_cpu"] - cpu
    rss_painted = rss_mb()
    longest_stall = 0.0
    while view.loading:
        before = time.perf_counter()
        app.processEvents()
        longest_stall = max(longest_stall, time.perf_counter() - before)
    background = time.perf_counter()
    rss_background = rss_mb()

    older = view._older

    def turns_in() -> int:
        """The turns in the document (older ones still to come and newer ones dropped are not)."""
        return older.shown_to - older.shown_from

    def held(at_top: bool, done: Callable[[], bool], until: float) -> tuple[float, float, float, float]:
        """The longest event-loop pass in wall time and in UI-thread CPU while the view is held at the top or
        the bottom, until `done()`; and the 99th percentile and median of the passes' CPU."""
        longest = 0.0
        cpus = [0.0]
        scroll = browser.verticalScrollBar()
        while time.perf_counter() < until and not done():
            scroll.setValue(0 if at_top else scroll.maximum())
            before, cpu = time.perf_counter(), time.thread_time()
            app.processEvents()
            longest = max(longest, time.perf_counter() - before)
            cpus.append(time.thread_time() - cpu)
            if trace is not None:
                trace.pass_done(cpus[-1])
        if trace is not None:
            trace.report("up" if at_top else "down")
        cpus.sort()
        return longest, cpus[-1], cpus[int(len(cpus) * 0.99)], statistics.median(cpus)

    if trace is not None:
        trace.steps.clear()
    turns_background = turns_in()
    scroll_stall, scroll_cpu, scroll_p99, scroll_p50 = held(
        True, lambda: older.shown_from == 0, background + scroll_s
    )
    turns_reached = len(messages) - older.shown_from
    turns_scrolled = turns_in()
    rss_scrolled = rss_mb()
    down_stall, down_cpu, down_p99, down_p50 = held(
        False, lambda: older.newer_left == 0, time.perf_counter() + scroll_s
    )
    store.close()
    ms = 1000
    return {
        "read_ms": (read - start) * ms,
        "render_ms": (rendered - read) * ms,
        "first_paint_ms": (marks["painted"] - start) * ms,
        "first_paint_cpu_ms": paint_cpu * ms,
        "background_ms": (background - start) * ms,
        "longest_stall_ms": longest_stall * ms,
        "rss_painted_mb": rss_painted - rss_before,
        "rss_background_mb": rss_background - rss_before,
        "turns_background": turns_background,
        "turns_reached": turns_reached,
        "turns_scrolled": turns_scrolled,
        "scroll_cpu_ms": scroll_cpu * ms,
        "scroll_cpu_p99_ms": scroll_p99 * ms,
        "scroll_cpu_p50_ms": scroll_p50 * ms,
        "down_cpu_p99_ms": down_p99 * ms,
        "down_cpu_p50_ms": down_p50 * ms,
        "down_stall_ms": down_stall * ms,
        "down_cpu_ms": down_cpu * ms,
        "scroll_stall_ms": scroll_stall * ms,
        "rss_scrolled_mb": rss_scrolled - rss_before,
        "rss_total_mb": rss_scrolled,
        "messages": len(messages),
    }


def build(directory: Path, sizes: list[int], chars: int) -> dict[int, tuple[Path, int, int]]:
    """size -> (database, conversation id, Markdown characters)."""
    from _corpus import build_conversation, markdown_size

    from core.store.repository import Store

    built = {}
    for size in sizes:
        database = directory / f"open-{size}.sqlite3"
        store = Store.open(database)
        try:
            conversation_id = build_conversation(store, size, chars)
            built[size] = (database, conversation_id, markdown_size(store, conversation_id))
        finally:
            store.close()
    return built


def measure(
    variant: str, database: Path, conversation_id: int, scroll_s: float, trace: bool
) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", variant, str(database), str(conversation_id)]
    command += [str(scroll_s), *(["--trace"] if trace else [])]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    *traced, numbers = output.rstrip().splitlines()
    for line in traced:
        if line.startswith("  trace"):
            print(f"{line} ({variant})")
    return json.loads(numbers)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000], help="messages per conversation")
    parser.add_argument("--chars", type=int, default=3700, help="characters of each assistant reply")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--scroll",
        type=float,
        default=60.0,
        help="seconds at most the view is held at the top, then the bottom",
    )
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    parser.add_argument("--trace", action="store_true", help="what the longest passes while scrolling did")
    parser.add_argument("--child", nargs=4, metavar=("VARIANT", "DB", "ID", "S"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        variant, database, conversation_id, scroll_s = args.child
        trace = Trace() if args.trace else None
        print(json.dumps(child(variant, database, int(conversation_id), float(scroll_s), trace)))
        return
    with tempfile.TemporaryDirectory(prefix="triptych-bench-") as directory:
        built = build(Path(directory), args.sizes, args.chars)
        print(
            f"first painted frame of the transcript after opening a conversation, offscreen, median of "
            f"{args.runs} processes each"
        )
        print(f"{'messages':>8} | {'Markdown':>8} | {'variant':<8} | " + cells([c[0] for c in COLUMNS]))
        for size, (database, conversation_id, chars) in built.items():
            medians = {}
            for variant in args.variants:
                runs = [
                    measure(variant, database, conversation_id, args.scroll, args.trace)
                    for _ in range(args.runs)
                ]
                medians[variant] = m = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                values = [
                    f"{m[key]:.0f} ms" if unit == "ms" else f"{m[key]:.1f} MB" if unit else f"{m[key]:.0f}"
                    for _, key, unit in COLUMNS
                ]
                print(f"{size:>8} | {chars / 1000:>5.0f} KB | {variant:<8} | " + cells(values))
            ours = medians.get("triptych")
            for other, keys in (("baseline", RATIO_KEYS), ("nowindow", SCROLL_RATIO_KEYS)):
                if ours is None or other not in medians:
                    continue
                ratios = [
                    f"{medians[other][key] / max(ours[key], 1e-9):.1f}x"
                    if key in keys and medians[other][key]
                    else ""
                    for _, key, _ in COLUMNS
                ]
                print(f"{size:>8} | {'':>8} | {other[:8]:<8} | " + cells(ratios))
            if ours is not None:
                print(
                    f"goal: every pass <= 16 ms at {size} messages; triptych's longest while scrolling: up "
                    f"{ours['scroll_stall_ms']:.0f} ms ({ours['scroll_cpu_ms']:.0f} ms CPU), down "
                    f"{ours['down_stall_ms']:.0f} ms ({ours['down_cpu_ms']:.0f} ms CPU); opening, in the "
                    f"background: {ours['longest_stall_ms']:.0f} ms"
                )


def cells(values: list[str]) -> str:
    return " | ".join(f"{value:>10}" for value in values)


if __name__ == "__main__":
    main()
