"""Startup benchmark: process start to the first painted main window, with 1,000 conversations stored.

    python bench/startup.py [--conversations 1000] [--runs 5] [--importtime] [--before DIR]

Each run starts a new Python process (bench/_startup_probe.py) that launches Triptych as main.py does on a
data folder built beforehand with core's Store, and reports, from the moment the process was started:
  python up    the interpreter is up and PySide6 imported (the probe's first line runs)
  imported     gui.app is imported (what main.main() imports first: since the first frame comes before
               the rest, only the modules of that frame; asyncio, the store and the chat load after it)
  first paint  the main window's first paint pass ends
  ready        the first paint pass with the conversation list filled and the latest conversation open
and the RSS at that point, and the process's CPU time until the first paint (on a busy machine the clock
counts the waits for a core too; CPU time does not). Baselines measured in the same run, alternating with it:
  empty db     the same app on an empty data folder
  bare Qt      a process that only imports PySide6, shows an empty QMainWindow and paints it
  before       with `--before DIR`: the app of another checkout (an earlier commit) on the same data
Medians over `--runs` runs after one warm-up of each; ratio = Triptych / bare Qt (how much slower than an
empty Qt window), for the clock and for CPU time. Goal (issue 17): first paint <= 2.5x bare Qt, with bytecode
cached and without. `--importtime` also prints the slowest imports of the app (python -X importtime).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROBE = HERE / "_startup_probe.py"


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    return env


def probe(args: list[str], tree: str | None = None) -> dict[str, float]:
    env = environment()
    if tree:
        env["TRIPTYCH_TREE"] = tree
    started = time.monotonic()
    output = subprocess.run(
        [sys.executable, str(PROBE), *args],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    ).stdout
    marks = json.loads(output.strip().splitlines()[-1])
    return {
        "interpreter_ms": (marks["started"] - started) * 1000,
        "imported_ms": (marks["imported"] - started) * 1000,
        "first_paint_ms": (marks["first_paint"] - started) * 1000,
        "first_paint_cpu_ms": marks["first_paint_cpu"] * 1000,
        "ready_ms": (marks["ready"] - started) * 1000,
        "rss_mb": marks["rss_mb"],
    }


def import_times(data_dir: Path, top: int) -> None:
    """The app's slowest imports, cumulative (a package includes what it imports)."""
    stderr = subprocess.run(
        [sys.executable, "-X", "importtime", str(PROBE), "app", "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=120,
    ).stderr
    rows = []
    for line in stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
        if found:
            rows.append((int(found.group(2)), len(found.group(3)), found.group(4)))
    print(f"\nslowest imports (cumulative ms, top-level and their first levels), of {len(rows)} modules:")
    shown = [row for row in rows if row[1] <= 3]
    for cumulative, depth, name in sorted(shown, reverse=True)[:top]:
        print(f"  {cumulative / 1000:>7.1f} ms  {' ' * (depth - 1)}{name}")


def build(directory: Path, conversations: int) -> dict[str, Path]:
    sys.path.insert(0, str(HERE))
    from _corpus import build_many

    full, empty = directory / "full", directory / "empty"
    full.mkdir()
    empty.mkdir()
    build_many(full / "triptych.sqlite3", conversations)
    return {"full": full, "empty": empty}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports")
    parser.add_argument(
        "--before",
        metavar="DIR",
        help="also start the app from this checkout (e.g. `git archive <commit> | tar -x -C DIR`) on the "
        "same data, alternating with the others: before and after in one run",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="triptych-bench-") as directory:
        folders = build(Path(directory), args.conversations)
        variants: dict[str, tuple[list[str], str | None]] = {
            f"{args.conversations} convs": (["app", "--data-dir", str(folders["full"])], None),
            "empty db": (["app", "--data-dir", str(folders["empty"])], None),
            "bare Qt": (["bare"], None),
        }
        if args.before:
            variants["before"] = (["app", "--data-dir", str(folders["full"])], args.before)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
        for command, tree in variants.values():
            probe(command, tree)  # warm-up: the OS caches the files, the first run creates the settings
        for _ in range(args.runs):
            for name, (command, tree) in variants.items():
                results[name].append(probe(command, tree))
        print(f"process start to first painted main window, offscreen, median of {args.runs} runs")
        print(
            f"{'variant':<12} | {'python up':>9} | {'imported':>9} | {'first paint':>11} | {'ready':>8} | "
            f"{'RSS':>7} | {'first paint vs bare Qt':>22} | {'CPU to paint':>12} | {'CPU vs bare Qt':>14}"
        )
        bare = statistics.median(run["first_paint_ms"] for run in results["bare Qt"])
        bare_cpu = statistics.median(run["first_paint_cpu_ms"] for run in results["bare Qt"])
        for name, runs in results.items():
            m = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            ratio = m["first_paint_ms"] / bare
            print(
                f"{name:<12} | {m['interpreter_ms']:>6.0f} ms | {m['imported_ms']:>6.0f} ms | "
                f"{m['first_paint_ms']:>8.0f} ms | {m['ready_ms']:>5.0f} ms | {m['rss_mb']:>4.0f} MB | "
                f"{ratio:>21.2f}x | {m['first_paint_cpu_ms']:>9.0f} ms | "
                f"{m['first_paint_cpu_ms'] / bare_cpu:>13.2f}x"
            )
        if args.importtime:
            import_times(folders["full"], 25)


if __name__ == "__main__":
    main()
