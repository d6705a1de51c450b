"""A grid run exported: CSV and JSONL with one line per cell × repeat, and a self-contained HTML report.

Each line has the case (number, name, variables, expected notes), the variant (number, its name from what
sets it apart: `distinguishing_differences`, the profile and the settings it sent), the repeat, the status,
the output text, every metric and the error. Numbers are 1-based, as the grid shows them. Every cell of the
run has its lines, pending ones too, so a partial run's export shows what is missing.

The CSV opens in spreadsheets: UTF-8 with a BOM (Excel reads Chinese right only then), and a text cell that
a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading
apostrophe: model output is untrusted. The JSONL keeps every value exact.

The HTML report embeds the charts the caller hands in (SVG or PNG bytes, as data: images, so nothing in
them runs), the statistics per column and per row, and each case's outputs side by side, rendered by
`core.render.markdown` (raw HTML in a reply is escaped). Its words default to English; the GUI passes its
translations (`ReportWords`).
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from core.grid.cell_request import cell_settings
from core.grid.stats import (
    METRICS,
    Summary,
    cell_results,
    column_distinct_outputs,
    column_summaries,
    noise_against,
    row_distinct_outputs,
    row_summaries,
)
from core.model.codec import settings_to_dict
from core.model.compare_run import ColumnMetrics, distinguishing_differences
from core.model.grid import CellKey, CellResult, CellStatus, GridRun
from core.render.markdown import MarkdownRenderer, pygments_css
from core.render.math import svg_math_html
from core.transcripts.atomic_file import write_text_atomic

METRIC_FIELDS: tuple[str, ...] = tuple(item.name for item in fields(ColumnMetrics))
"""Every measured value of a repeat, each its own CSV column (and key of the JSONL "metrics")."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def variant_names(run: GridRun) -> list[str]:
    """Each variant named by the settings that set it apart ("temperature 0.2, effort high"); a lone variant
    by its model; variants with the same settings numbered ("model x #2")."""
    differences = distinguishing_differences([(v.profile_name, v.settings) for v in run.variants])
    names = [
        ", ".join(item.label() for item in found) or variant.settings.model
        for variant, found in zip(run.variants, differences, strict=True)
    ]
    counts = {name: names.count(name) for name in names}
    seen: dict[str, int] = {}
    numbered: list[str] = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        numbered.append(f"{name} #{seen[name]}" if counts[name] > 1 else name)
    return numbered


# -- one line per cell × repeat -----------------------------------------------------------------------------


def export_lines(run: GridRun, names: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """The run's lines, row by row: each case, each variant, each repeat. `names` overrides
    `variant_names` (the GUI's translated ones)."""
    titles = list(names) if names is not None else variant_names(run)
    settings = [settings_to_dict(cell_settings(run.test_set, variant)) for variant in run.variants]
    lines: list[dict[str, Any]] = []
    for key in run.keys():  # noqa: SIM118 (GridRun.keys() is its cells × repeats, not a dict)
        case = run.test_set.cases[key.case]
        variant = run.variants[key.variant]
        result = run.cells.get(key) or CellResult(key, CellStatus.PENDING)
        error = result.error
        lines.append(
            {
                "case": key.case + 1,
                "case_name": case.name,
                "variables": dict(case.variables),
                "expected": case.expected,
                "variant": key.variant + 1,
                "variant_name": titles[key.variant],
                "profile": variant.profile_name,
                "settings": settings[key.variant],
                "repeat": key.repeat + 1,
                "status": result.status.value,
                "output": result.text,
                "metrics": (result.metrics or ColumnMetrics()).to_dict(),
                "error": None
                if error is None
                else {
                    "kind": error.kind.value,
                    "message": error.message,
                    "status": error.status,
                    "error_type": error.error_type,
                    "request_id": error.request_id,
                },
                "finished_at": result.finished_at,
            }
        )
    return lines


def jsonl_text(run: GridRun, names: Sequence[str] | None = None) -> str:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in export_lines(run, names))


def csv_header(run: GridRun) -> list[str]:
    """The CSV's columns: each variable as {{name}} (so no variable can clash with a fixed column)."""
    variables = [f"{{{{{name}}}}}" for name in _variable_names(run)]
    return [
        "case",
        "case_name",
        *variables,
        "expected",
        "variant",
        "variant_name",
        "profile",
        "model",
        "settings",
        "repeat",
        "status",
        "output",
        *METRIC_FIELDS,
        "error_kind",
        "error_message",
        "error_status",
        "finished_at",
    ]


def csv_text(run: GridRun, names: Sequence[str] | None = None) -> str:
    """The CSV, BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_header(run))
    variables = _variable_names(run)
    for line in export_lines(run, names):
        error = line["error"] or {}
        metrics = line["metrics"]
        writer.writerow(
            [
                line["case"],
                _safe(line["case_name"]),
                *(_safe(line["variables"].get(name, "")) for name in variables),
                _safe(line["expected"]),
                line["variant"],
                _safe(line["variant_name"]),
                _safe(line["profile"] or ""),
                _safe(line["settings"]["model"]),
                json.dumps(line["settings"], ensure_ascii=False),
                line["repeat"],
                line["status"],
                _safe(line["output"]),
                *(_blank_none(metrics[name]) for name in METRIC_FIELDS),
                error.get("kind", ""),
                _safe(error.get("message", "")),
                _blank_none(error.get("status")),
                _blank_none(line["finished_at"]),
            ]
        )
    return "\ufeff" + buffer.getvalue()


def _variable_names(run: GridRun) -> list[str]:
    seen: dict[str, None] = {}
    for case in run.test_set.cases:
        seen.update(dict.fromkeys(case.variables))
    return list(seen)


def _safe(text: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _blank_none(value: Any) -> Any:
    return "" if value is None else value


# -- the HTML report ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportWords:
    """Every word of the HTML report, English by default; the GUI hands in its translations."""

    title: str = "Evaluation grid"
    charts: str = "Charts"
    statistics: str = "Statistics per column"
    per_row: str = "Medians per test case"
    outputs: str = "Outputs"
    case: str = "Test case"
    variables: str = "Variables"
    expected: str = "Expected"
    repeat: str = "Repeat {n}"
    failed: str = "Failed"
    pending: str = "Not run yet"
    median: str = "median"
    p90: str = "p90"
    spread: str = "min–max"
    iqr: str = "IQR"
    count: str = "repeats"
    within_noise: str = "within noise of {name}"
    """Marked "≈" in the column whose median differs from the reference column's by less than noise."""
    distinct: str = "distinct outputs per case"
    metrics: Mapping[str, str] = field(
        default_factory=lambda: {
            "time_to_first_token": "Time to first token (s)",
            "duration": "Total time (s)",
            "output_tokens_per_second": "Output tokens/s",
            "output_tokens": "Output length (tokens)",
            "cost_usd": "Cost (USD)",
        }
    )


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #1d1d1f; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.metric th { background: #f2f2f2; }
figure { margin: 1em 0; }
figure img { max-width: 100%; }
.outputs td { min-width: 16em; overflow-wrap: anywhere; }
.repeat { border-top: 1px dashed #ccc; padding-top: 0.3em; }
.repeat:first-child { border-top: none; }
.repeat h5 { margin: 0.2em 0; color: #555; }
.failed { color: #b00020; }
pre { overflow-x: auto; }
"""


def html_report(
    run: GridRun,
    *,
    names: Sequence[str] | None = None,
    images: Mapping[str, bytes] | None = None,
    words: ReportWords | None = None,
    reference: int = 0,
) -> str:
    """The report as one HTML file. `images`: caption -> SVG or PNG bytes (the charts), in order;
    `reference`: the variant the others are checked against for noise. Raises ValueError for an image that
    is neither SVG nor PNG."""
    said = words or ReportWords()
    titles = list(names) if names is not None else variant_names(run)
    body = [f"<h1>{_escape(said.title)}: {_escape(run.name)}</h1>"]
    if images:
        body.append(f"<h2>{_escape(said.charts)}</h2>")
        for caption, data in images.items():
            body.append(
                f'<figure><img alt="{_escape(caption)}" src="{_data_url(data)}">'
                f"<figcaption>{_escape(caption)}</figcaption></figure>"
            )
    if run.variants:
        body += [f"<h2>{_escape(said.statistics)}</h2>", _statistics_table(run, titles, said, reference)]
    if run.test_set.cases:
        body += [f"<h2>{_escape(said.per_row)}</h2>", _row_table(run, said)]
        body += [f"<h2>{_escape(said.outputs)}</h2>", _outputs(run, titles, said)]
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{_escape(said.title)}: {_escape(run.name)}</title>"
        f"<style>{_CSS}{pygments_css(dark=False)}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _statistics_table(run: GridRun, titles: list[str], said: ReportWords, reference: int) -> str:
    """Rows = metric × statistic, columns = variants: the values of one metric read across."""
    summaries = column_summaries(run)
    columns = range(len(run.variants))
    head = "".join(f"<th>{_escape(titles[index])}</th>" for index in columns)
    lines = [f'<table class="statistics"><tr><th></th>{head}</tr>']
    for metric in METRICS:
        lines.append(
            f'<tr class="metric"><th colspan="{len(titles) + 1}">'
            f"{_escape(said.metrics.get(metric, metric))}</th></tr>"
        )
        found = [summaries[index][metric] for index in columns]
        rows: list[tuple[str, list[str]]] = [
            (said.median, [_number(metric, s.median if s else None) for s in found]),
            (said.p90, [_number(metric, s.p90 if s else None) for s in found]),
            (said.spread, [_spread(metric, s) for s in found]),
            (said.iqr, [_number(metric, s.iqr if s else None) for s in found]),
            (said.count, [str(s.n) if s else "0" for s in found]),
        ]
        if len(titles) > 1 and 0 <= reference < len(titles):
            checks = noise_against(run, reference, metric)
            marks = [
                ""
                if index == reference
                else ("≈" if (check := checks.get(index)) and check.within_noise else "")
                for index in columns
            ]
            rows.append((said.within_noise.format(name=titles[reference]), marks))
        for label, cells in rows:
            tds = "".join(f'<td class="number">{_escape(cell)}</td>' for cell in cells)
            lines.append(f"<tr><th>{_escape(label)}</th>{tds}</tr>")
    distinct = column_distinct_outputs(run)
    tds = "".join(f'<td class="number">{_escape(_mean_text(distinct[index]))}</td>' for index in columns)
    lines.append(f"<tr><th>{_escape(said.distinct)}</th>{tds}</tr></table>")
    return "".join(lines)


def _row_table(run: GridRun, said: ReportWords) -> str:
    summaries = row_summaries(run)
    distinct = row_distinct_outputs(run)
    head = "".join(f"<th>{_escape(said.metrics.get(metric, metric))}</th>" for metric in METRICS)
    lines = [
        f'<table class="rows"><tr><th>{_escape(said.case)}</th>{head}<th>{_escape(said.distinct)}</th></tr>'
    ]
    for index, case in enumerate(run.test_set.cases):
        cells = [summaries[index][metric] for metric in METRICS]
        tds = "".join(
            f'<td class="number">{_escape(_number(metric, s.median if s else None))}</td>'
            for metric, s in zip(METRICS, cells, strict=True)
        )
        tds += f'<td class="number">{_escape(_mean_text(distinct[index]))}</td>'
        lines.append(f"<tr><th>{_escape(case.name)}</th>{tds}</tr>")
    lines.append("</table>")
    return "".join(lines)


def _outputs(run: GridRun, titles: list[str], said: ReportWords) -> str:
    """Per case: its variables and notes, then a row of the variants' repeats side by side."""
    renderer = MarkdownRenderer(math_html=svg_math_html)
    rendered: dict[str, str] = {}
    """Text -> HTML: repeats that said the same thing are rendered once."""

    def render(text: str) -> str:
        if text not in rendered:
            rendered[text] = renderer.render(text)
        return rendered[text]

    parts: list[str] = []
    head = "".join(f"<th>{_escape(title)}</th>" for title in titles)
    for case_index, case in enumerate(run.test_set.cases):
        parts.append(f"<h3>{_escape(case.name)}</h3>")
        if case.variables:
            items = "".join(
                f"<li><code>{_escape(name)}</code>: {_escape(value)}</li>"
                for name, value in case.variables.items()
            )
            parts.append(f"<p>{_escape(said.variables)}</p><ul>{items}</ul>")
        if case.expected:
            parts.append(f"<p>{_escape(said.expected)}: {_escape(case.expected)}</p>")
        cells = []
        for variant in range(len(run.variants)):
            repeats = {result.key.repeat: result for result in cell_results(run, case_index, variant)}
            pieces = []
            for repeat in range(run.repeats):
                result = repeats.get(repeat) or CellResult(
                    CellKey(case_index, variant, repeat), CellStatus.PENDING
                )
                pieces.append(
                    f'<div class="repeat"><h5>{_escape(said.repeat.format(n=repeat + 1))}</h5>'
                    f"{_repeat_html(result, said, render)}</div>"
                )
            cells.append(f"<td>{''.join(pieces)}</td>")
        parts.append(f'<table class="outputs"><tr>{head}</tr><tr>{"".join(cells)}</tr></table>')
    return "".join(parts)


def _repeat_html(result: CellResult, said: ReportWords, render: Callable[[str], str]) -> str:
    if result.status is CellStatus.FAILED:
        message = result.error.message if result.error is not None else ""
        return f'<p class="failed">{_escape(said.failed)}: {_escape(message)}</p>'
    if result.status is not CellStatus.DONE:
        return f"<p>{_escape(said.pending)}</p>"
    return render(result.text)


def _data_url(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "image/png"
    elif b"<svg" in data[:4096]:
        kind = "image/svg+xml"
    else:
        raise ValueError("A chart image is neither PNG nor SVG.")
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _number(metric: str, value: float | None) -> str:
    if value is None:
        return ""
    if metric == "cost_usd":
        return f"{value:.6f}"
    if metric == "output_tokens":
        return f"{value:.0f}"
    if metric == "output_tokens_per_second":
        return f"{value:.1f}"
    return f"{value:.2f}"


def _spread(metric: str, summary: Summary | None) -> str:
    if summary is None:
        return ""
    return f"{_number(metric, summary.minimum)}–{_number(metric, summary.maximum)}"


def _mean_text(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


# -- files --------------------------------------------------------------------------------------------------


def write_csv(path: Path, run: GridRun, names: Sequence[str] | None = None) -> None:
    """Whole or not at all (`core.transcripts.atomic_file`). Blocking: run it off the UI thread."""
    write_text_atomic(path, csv_text(run, names))


def write_jsonl(path: Path, run: GridRun, names: Sequence[str] | None = None) -> None:
    write_text_atomic(path, jsonl_text(run, names))


def write_html(
    path: Path,
    run: GridRun,
    *,
    names: Sequence[str] | None = None,
    images: Mapping[str, bytes] | None = None,
    words: ReportWords | None = None,
    reference: int = 0,
) -> None:
    write_text_atomic(path, html_report(run, names=names, images=images, words=words, reference=reference))
