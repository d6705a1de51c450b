"""Compare render benchmark: several columns of Markdown replies streaming at once into the real compare view.

    python bench/compare_render.py [--tokens 8000] [--rate 100] [--columns 4 6] [--runs 3]

The compare view (offscreen) gets its updates the way the app delivers them: `CompareSignals` signals
(column started, then one StreamUpdate per delta per column) into the view's columns and their transcripts.
Each column streams an 8k-token Markdown reply (code, lists, a table) at `--rate` deltas per second. Measured
as in `stream_render.py`: the UI thread's busy share (process CPU / wall) and its stalls (lateness of a 10 ms
timer). The baseline renders each column's whole text again on every delta into a QTextBrowser. A full-length
baseline would run for many minutes (its cost per delta grows with the text), so it streams a shorter reply
(`--baseline-tokens`); its stalls only grow with length, so the ratios printed understate the difference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from bench.stream_render import TICK_MS, Measure, Naive, median, reply_text, run_once
from core.api.pool import ClientPool
from core.compare.session import CompareSession
from core.model.compare_run import ColumnMetrics, CompareColumn, CompareRun
from core.model.conversation import StoredMessage
from core.model.request_settings import RequestSettings
from core.render.markdown import MarkdownRenderer
from core.store.worker import StoreWorker
from core.wire.accumulate import StreamUpdate
from gui.compare.session_signals import CompareSignals
from gui.compare.view import CompareView
from gui.tasks import TaskKeeper

RUN_ID = 1
SETTINGS = RequestSettings(model="claude-sonnet-4-6", max_tokens=16000)


class NoKeys:
    def get(self, profile_name: str) -> str | None:
        return None


class CompareTarget:
    """The real compare view with `streams` columns, each streaming its reply."""

    store: StoreWorker | None = None

    def __init__(self, host: QWidget, streams: int) -> None:
        if CompareTarget.store is None:  # the view needs a session; nothing is sent or saved here
            CompareTarget.store = StoreWorker(Path(tempfile.mkdtemp()) / "bench.sqlite3")
        self.controller = CompareSignals()
        session = CompareSession(CompareTarget.store, ClientPool(NoKeys()), self.controller)
        self.view = CompareView(
            session=session,
            controller=self.controller,
            tasks=TaskKeeper(),
            conversation_id=1,
            base_settings=SETTINGS,
            base_profile=None,
            profile_names=[],
            parent=host,
        )
        self.view.use_columns([SETTINGS] * streams)
        self.view.run = CompareRun(
            RUN_ID,
            1,
            None,
            ["Write a long Markdown document."],
            [CompareColumn(i, None, SETTINGS) for i in range(streams)],
        )
        self.view.resize(1600, 900)
        self.view.show()
        for index in range(streams):
            reply = StoredMessage(
                id=2 * index + 2, conversation_id=1, parent_id=2 * index + 1, role="assistant", content=[]
            )
            self.controller.column_started(RUN_ID, index, reply)
            start = StreamUpdate("block_start", 0, block_type="text", block={"type": "text"})
            self.controller.column_updated(RUN_ID, index, start)

    def feed(self, stream: int, delta: str) -> None:
        self.controller.column_updated(RUN_ID, stream, StreamUpdate("text", 0, delta, "text"))

    def finish(self, stream: int, text: str) -> None:
        reply = StoredMessage(
            id=2 * stream + 2,
            conversation_id=1,
            parent_id=2 * stream + 1,
            role="assistant",
            content=[{"type": "text", "text": text}],
            status="complete",
            stop_reason="end_turn",
        )
        self.controller.column_finished(RUN_ID, stream, reply, ColumnMetrics(stop_reason="end_turn"))


def end_of_replies(app: QApplication, columns: int, tokens: int) -> float:
    """Every column's reply ends at once (streamed first, unmeasured): the longest stall while the view
    shows them as stored, in ms."""
    host = QWidget()
    host.setLayout(QHBoxLayout())
    target = CompareTarget(host, columns)
    text = reply_text(tokens)
    for stream in range(columns):
        for start in range(0, len(text), 4000):
            target.feed(stream, text[start : start + 4000])
    while any(column.transcript._throttle.pending for column in target.view.columns):
        app.processEvents()
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(max(0.0, now - last[0] - TICK_MS))
        last[0] = now
        if all(not column.running for column in target.view.columns):
            timer.stop()
            app.quit()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    for stream in range(columns):
        target.finish(stream, text)
    app.exec()
    host.deleteLater()
    return max(gaps)


def report(name: str, columns: int, m: Measure) -> None:
    print(
        f"{columns:>7} | {name:<9} | {m.busy_share:>7.0%} | {m.longest_stall_ms:>10.1f} ms | "
        f"{m.p99_stall_ms:>6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tokens", type=int, default=8000)
    parser.add_argument("--baseline-tokens", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=100.0, help="deltas per second per column")
    parser.add_argument("--chars", type=int, default=16, help="characters per delta")
    parser.add_argument("--runs", type=int, default=3, help="runs of Triptych (the median is printed)")
    parser.add_argument("--baseline-runs", type=int, default=1)
    parser.add_argument("--columns", type=int, nargs="+", default=[4, 6])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    print(
        f"{args.tokens} tokens per column ({args.baseline_tokens} for the baseline), {args.chars} chars per "
        f"delta, {args.rate:g} deltas/s per column; Triptych: median of {args.runs} runs"
    )
    print(f"{'columns':>7} | {'variant':<9} | {'UI busy':>8} | {'longest stall':>13} | {'p99 stall':>9}")
    baseline_args = argparse.Namespace(**{**vars(args), "tokens": args.baseline_tokens})
    # Loading Markdown and the code lexers costs ~0.3 s once per process; the app has paid it before any
    # comparison (its transcript renders Markdown first), so no run here should.
    MarkdownRenderer().render(reply_text(200))
    for columns in args.columns:
        ours = median([run_once(app, CompareTarget, columns, args) for _ in range(args.runs)])
        report("triptych", columns, ours)
        base = median([run_once(app, Naive, columns, baseline_args) for _ in range(args.baseline_runs)])
        report("baseline", columns, base)
        print(
            f"{columns:>7} | {'ratio':<9} | {base.busy_share / max(ours.busy_share, 1e-9):>7.1f}x | "
            f"{base.longest_stall_ms / max(ours.longest_stall_ms, 1e-9):>11.1f}x | "
            f"{base.p99_stall_ms / max(ours.p99_stall_ms, 1e-9):>7.1f}x"
        )
    for columns in args.columns:
        stalls = [end_of_replies(app, columns, args.tokens) for _ in range(args.runs)]
        print(f"{columns} columns' replies ending at once: longest stall {statistics.median(stalls):.0f} ms")
    if CompareTarget.store is not None:
        CompareTarget.store.close_sync()


if __name__ == "__main__":
    main()
