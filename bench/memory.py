"""Memory benchmark: the real app's RSS after opening ten long conversations one after the other.

    python bench/memory.py [--conversations 10] [--messages 200] [--chars 3800] [--runs 3]
                           [--rounds 150] [--columns 6] [--before DIR]

A data folder is built beforehand with core's Store: `--conversations` conversations of `--messages` messages,
user and assistant alternating (assistant replies of `--chars` characters of Markdown with code, lists and a
table; the defaults make each about 400 KB). Each run starts a new process (bench/_memory_probe.py) that
launches Triptych as main.py does (`main.main()` unchanged) on that folder, waits until the window shows
the newest conversation, then opens every conversation in turn, as a click in the list does, waiting each
time until the transcript has shown it and finished adding its older turns in the background (`loading`
False) and the event loop is idle. It reports the RSS at each step:
  ready       the window shows the newest conversation (the baseline: what one open conversation costs)
  opened N    after the N-th conversation opened
  settled     after all of them, 2 s later (the collector and Qt's deferred deletes have run)
Medians over `--runs` processes; growth = settled - ready (what ten conversations left behind).
Goal (issue 17): <= 250 MB after ten conversations of 400 KB.

Then `--rounds` x `--columns` requests through the compare window (150 x 6 = 900: the issue's 900-request grid
does not exist yet, issue 13), against the demo server without its reading pace, every reply awaited before
the next round (bench/_memory_probe.py --compare); RSS when ready, every tenth of the rounds, and settled.
Goal (issue 17, for the grid): <= 300 MB. `--rounds 0` skips it, `--conversations 0` the first part.
`--before DIR` also measures the app of another checkout (e.g. `git archive <commit> | tar -x -C DIR`) the
same way, alternating runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROBE = HERE / "_memory_probe.py"
GOAL_MB = 250.0
COMPARE_GOAL_MB = 300.0


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    return env


def build(directory: Path, conversations: int, messages: int, chars: int) -> int:
    """The data folder's database; returns the Markdown size of one conversation, in bytes."""
    sys.path.insert(0, str(HERE))
    from _corpus import build_conversation, markdown_size

    from core.store.repository import Store

    store = Store.open(directory / "triptych.sqlite3")
    try:
        ids = [build_conversation(store, messages, chars, title=f"Long {n}") for n in range(conversations)]
        return markdown_size(store, ids[0])
    finally:
        store.close()


def probe(data_dir: Path, extra: list[str], tree: str | None) -> dict[str, float]:
    env = environment()
    if tree:
        env["TRIPTYCH_TREE"] = tree
    output = subprocess.run(
        [sys.executable, str(PROBE), "--data-dir", str(data_dir), *extra],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def table(title: str, variants: dict[str, list[dict[str, float]]], goal: float, per: int, unit: str) -> None:
    print(title)
    names = list(variants)
    medians = {
        name: {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        for name, runs in variants.items()
    }
    print(f"{'step':<12} | " + " | ".join(f"{name:>14}" for name in names))
    for key in medians[names[0]]:
        if key.startswith("rss_"):
            label = key.removeprefix("rss_").replace("_", " ")
            cells = [f"{m[key]:>5.0f} MB {m[key] - m['rss_ready']:>+4.0f}" for m in medians.values()]
            print(f"{label:<12} | " + " | ".join(f"{cell:>14}" for cell in cells))
    for name, m in medians.items():
        print(
            f"{name}: {m['rss_settled']:.0f} MB after all ({m['rss_settled'] / goal:.2f}x the goal of "
            f"{goal:.0f} MB); peak {m['peak_rss']:.0f} MB; "
            f"{(m['rss_settled'] - m['rss_ready']) / per:.2f} MB per {unit}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=10)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--chars", type=int, default=3800)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("--columns", type=int, default=6)
    parser.add_argument("--before", metavar="DIR", help="also measure the app of this checkout")
    args = parser.parse_args()
    trees = {"triptych": None, **({"before": args.before} if args.before else {})}
    if args.conversations > 0:
        opening(args, trees)
    if args.rounds > 0:
        comparing(args, trees)


def opening(args: argparse.Namespace, trees: dict[str, str | None]) -> None:
    with tempfile.TemporaryDirectory(prefix="triptych-memory-") as directory:
        data_dir = Path(directory)
        size = build(data_dir, args.conversations, args.messages, args.chars)
        for tree in trees.values():
            probe(data_dir, [], tree)  # warm-up: the OS caches the files, the first run creates the settings
        opened: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for _ in range(args.runs):
            for name, tree in trees.items():
                opened[name].append(probe(data_dir, [], tree))
    table(
        f"RSS of the real app (offscreen), {args.conversations} conversations of {args.messages} messages"
        f" ({size / 1000:.0f} KB of Markdown each) opened one by one; median of {args.runs} runs",
        opened,
        GOAL_MB,
        args.conversations,
        "conversation",
    )


def comparing(args: argparse.Namespace, trees: dict[str, str | None]) -> None:
    compared: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.runs):
        for name, tree in trees.items():
            with tempfile.TemporaryDirectory(prefix="triptych-compare-") as fresh:
                extra = ["--compare", str(args.rounds), "--columns", str(args.columns)]
                compared[name].append(probe(Path(fresh), extra, tree))
    print()
    table(
        f"RSS of the real app (offscreen, --demo), {args.rounds} rounds x {args.columns} columns = "
        f"{args.rounds * args.columns} requests through one compare window; median of {args.runs} runs",
        compared,
        COMPARE_GOAL_MB,
        args.rounds * args.columns,
        "request",
    )


if __name__ == "__main__":
    main()
