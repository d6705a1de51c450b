"""The grid window's statistics tab while a 50 × 6 × 3 run goes: the UI thread's CPU per refresh.

    python bench/grid_stats.py [--before REV] [--rounds 2]

The window refreshes the statistics at most twice a second while a run goes; at concurrency 8 and ~0.5 s a
request that is ~8 more finished repeats each time. This feeds a `GridStatsView` (offscreen, sized like the
tab) the run as it grows, 8 repeats at a time to 900, and times each refresh on the UI thread (its own CPU
clock: work on a worker thread is not counted, which is the point), the repaint included. The view as it is
(`follow`: figures on a worker thread, tables updated in place) alternates, refresh by refresh, with the view
at git revision `--before` (loaded from `git show`), in the same process.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", default="integrate", help="git revision of gui/grid/stats_view.py")
    parser.add_argument("--rounds", type=int, default=2, help="runs fed to both views, one after another")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from core.model.compare_run import ColumnMetrics
    from core.model.grid import (
        CellKey,
        CellResult,
        CellStatus,
        GridRun,
        GridVariant,
        RunState,
        TestCase,
        TestSet,
    )
    from core.model.request_settings import RequestSettings

    app = QApplication.instance() or QApplication(sys.argv)
    from gui.grid.stats_view import GridStatsView

    source = subprocess.run(
        ["git", "show", f"{args.before}:gui/grid/stats_view.py"], cwd=ROOT, check=True, capture_output=True
    ).stdout
    with tempfile.NamedTemporaryFile("wb", suffix=".py", delete=False) as file:
        file.write(source)
    spec = importlib.util.spec_from_file_location("stats_view_before", file.name)
    assert spec is not None and spec.loader is not None
    before_module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = before_module  # dataclasses look their module up
    spec.loader.exec_module(before_module)
    os.unlink(file.name)

    rows, columns, repeats = 50, 6, 3
    test_set = TestSet(
        1, "Bench", "Write about {{t}}.", tuple(TestCase(f"Case {i + 1}", {"t": str(i)}) for i in range(rows))
    )
    variants = tuple(
        GridVariant("Bench", RequestSettings(model="m", temperature=i / 10)) for i in range(columns)
    )
    order = [CellKey(c, v, r) for c in range(rows) for v in range(columns) for r in range(repeats)]
    rnd = random.Random(0)
    cells: dict[CellKey, CellResult] = {}
    for key in order:
        duration = 0.5 + rnd.random()
        metrics = ColumnMetrics(duration / 4, duration, 60 / duration, 30, 60, cost_usd=0.001)
        text = ({"type": "text", "text": "The answer, measured and paced. " * 8},)
        cells[key] = CellResult(key, CellStatus.DONE, text, metrics, None, 1.0)
    names = [f"temperature {i / 10}" for i in range(columns)]
    loop = asyncio.new_event_loop()
    cpu: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(args.rounds):
        views = {"before": before_module.GridStatsView(), "after": GridStatsView()}
        for view in views.values():
            view.resize(850, 700)
            view.show()
        app.processEvents()
        for count in range(8, len(order) + 1, 8):
            run = GridRun(1, "Bench", test_set, variants, repeats=repeats, state=RunState.RUNNING,
                          cells={key: cells[key] for key in order[:count]})  # fmt: skip
            for variant in ("before", "after") if count % 16 else ("after", "before"):
                start = time.thread_time()
                if variant == "before":
                    views[variant].show_run(run, names)
                else:
                    loop.run_until_complete(views[variant].follow(run, names))
                app.processEvents()
                cpu[variant].append((time.thread_time() - start) * 1000)
        for view in views.values():
            view.close()
    print(
        f"statistics tab, {rows} x {columns} x {repeats}, a refresh every 8 repeats, {args.rounds} rounds; "
        f"load average {os.getloadavg()[0]:.1f}; UI-thread CPU per refresh (ms):"
    )
    for variant, label in (("before", f"before ({args.before})"), ("after", "after")):
        values = sorted(cpu[variant])
        print(
            f"  {label}: median {statistics.median(values):.1f}, p90 {values[int(len(values) * 0.9)]:.1f}, "
            f"longest {values[-1]:.1f}"
        )


if __name__ == "__main__":
    main()
