"""The grid window's Export menu: CSV, JSON Lines and the HTML report (with the charts), written off the UI
thread by core.grid.exports, whole or not at all, in the user's language."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from core.grid.exports import ReportWords, write_csv, write_html, write_jsonl
from core.grid.stats import METRICS
from core.model.grid import GridRun
from gui.grid.metric_names import metric_name


async def export_run(
    run: GridRun,
    names: list[str],
    kind: str,
    path: Path,
    charts: Callable[[], dict[str, bytes]] | None = None,
) -> None:
    """`kind`: "csv", "jsonl" or "html"; `charts` (for the report) gives caption -> SVG bytes, drawn on the
    UI thread before the file is written off it."""
    if kind == "csv":
        await asyncio.to_thread(write_csv, path, run, names)
    elif kind == "jsonl":
        await asyncio.to_thread(write_jsonl, path, run, names)
    else:
        images = charts() if charts is not None else None
        await asyncio.to_thread(write_html, path, run, names=names, images=images, words=report_words())


def report_words() -> ReportWords:
    return ReportWords(
        title=QCoreApplication.translate("GridReport", "Evaluation grid"),
        charts=QCoreApplication.translate("GridReport", "Charts"),
        statistics=QCoreApplication.translate("GridReport", "Statistics per column"),
        per_row=QCoreApplication.translate("GridReport", "Medians per test case"),
        outputs=QCoreApplication.translate("GridReport", "Outputs"),
        case=QCoreApplication.translate("GridReport", "Test case"),
        variables=QCoreApplication.translate("GridReport", "Variables"),
        expected=QCoreApplication.translate("GridReport", "Expected"),
        repeat=QCoreApplication.translate("GridReport", "Repeat {n}"),
        failed=QCoreApplication.translate("GridReport", "Failed"),
        pending=QCoreApplication.translate("GridReport", "Not run yet"),
        median=QCoreApplication.translate("GridReport", "median"),
        p90=QCoreApplication.translate("GridReport", "p90"),
        spread=QCoreApplication.translate("GridReport", "min–max"),
        iqr=QCoreApplication.translate("GridReport", "IQR"),
        count=QCoreApplication.translate("GridReport", "repeats"),
        within_noise=QCoreApplication.translate("GridReport", "within noise of {name}"),
        distinct=QCoreApplication.translate("GridReport", "distinct outputs per case"),
        metrics={metric: metric_name(metric) for metric in METRICS},
    )
