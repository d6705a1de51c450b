"""Export of a compare run: one Markdown and one self-contained HTML report.

Both hold the prompts, a settings table where the rows that differ between columns are marked, the metrics
of each round with the best value marked, and the replies (in sections in Markdown, side by side in HTML).
The model's text is untrusted: in HTML it goes through `core.render.markdown`, which escapes raw HTML and
drops images; everything else is escaped. Nothing about keys or request headers is known here.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import fields
from pathlib import Path

from core.compare.naming import column_names
from core.model.codec import settings_to_dict
from core.model.compare_run import (
    TIE_DECIMALS,
    ColumnMetrics,
    CompareColumn,
    CompareRun,
    best_per_metric,
    thinking_text,
)
from core.model.conversation import StoredMessage
from core.model.request_settings import RequestSettings
from core.render.markdown import MarkdownRenderer, pygments_css
from core.render.math import svg_math_html
from core.transcripts.atomic_file import write_text_atomic

METRIC_LABELS: tuple[tuple[str, str], ...] = (
    ("time_to_first_token", "Time to first token (s)"),
    ("duration", "Total time (s)"),
    ("output_tokens_per_second", "Output tokens/s"),
    ("input_tokens", "Input tokens"),
    ("output_tokens", "Output tokens"),
    ("cache_read_tokens", "Cache read tokens"),
    ("cache_write_tokens", "Cache write tokens"),
    ("thinking_tokens", "Thinking tokens"),
    ("stop_reason", "Stop reason"),
    ("cost_usd", "Cost (USD)"),
    ("request_id", "Request id"),
)
# Shown even when every column has the same value: what a reader looks for first.
_ALWAYS_SHOWN = ("model", "max_tokens", "temperature", "thinking")

Table = list[tuple[str, list[str], bool]]
"""Rows of (label, one cell per column, marked)."""

_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #1d1d1f; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
tr.differs th, td.best { background: #fff3b0; font-weight: bold; }
.replies { display: grid; gap: 1em; }
.reply { border: 1px solid #ccc; border-radius: 6px; padding: 0 1em; overflow-wrap: anywhere; }
.reply h4 { color: #555; }
pre { overflow-x: auto; }
"""


def settings_table(run: CompareRun) -> Table:
    """Profile, then every setting some column changes, then the usual ones; marked where columns differ."""
    rows: Table = [("profile", [c.profile_name or "" for c in run.columns], False)]
    for item in fields(RequestSettings):
        cells = [_setting_text(c.settings, item.name) for c in run.columns]
        if item.name in _ALWAYS_SHOWN or len(set(cells)) > 1:
            rows.append((item.name, cells, False))
    return [(label, cells, len(set(cells)) > 1) for label, cells, _ in rows]


def metrics_table(run: CompareRun, round_index: int) -> Table:
    """The round's metrics; the caller marks each row's best cell. Thinking tokens have a
    row only when some column's server reported them."""
    metrics = [c.metrics[round_index] if round_index < len(c.metrics) else None for c in run.columns]
    rows: Table = [(label, [_metric_text(m, name) for m in metrics], False) for name, label in METRIC_LABELS]
    return [row for row in rows if row[0] != "Thinking tokens" or any(row[1])]


def markdown_report(run: CompareRun, messages_by_id: Mapping[int, StoredMessage]) -> str:
    parts = [f"# Comparison {run.id}", "", "## Settings", ""]
    parts += _markdown_table(_headers(run), settings_table(run), lambda row, _: row[2])
    for round_index, prompt in enumerate(run.prompts):
        best = _best(run, round_index)
        parts += [
            "",
            f"## Round {round_index + 1}",
            "",
            "### Prompt",
            "",
            _quote(prompt),
            "",
            "### Metrics",
            "",
        ]
        parts += _markdown_table(_headers(run), metrics_table(run, round_index), _best_marker(best))
        for column, name in zip(run.columns, _names(run), strict=True):
            parts += [
                "",
                f"### {name}",
                "",
                _reply_text(column, round_index, messages_by_id),
            ]
    return "\n".join(parts) + "\n"


def html_report(run: CompareRun, messages_by_id: Mapping[int, StoredMessage]) -> str:
    renderer = MarkdownRenderer(math_html=svg_math_html)
    body = [f"<h1>Comparison {run.id}</h1>", "<h2>Settings</h2>"]
    body.append(_html_table(_headers(run), settings_table(run), lambda row, _: False))
    for round_index, prompt in enumerate(run.prompts):
        best = _best(run, round_index)
        body += [f"<h2>Round {round_index + 1}</h2>", f"<blockquote>{_escape(prompt)}</blockquote>"]
        body.append(_html_table(_headers(run), metrics_table(run, round_index), _best_marker(best)))
        columns = len(run.columns)
        body.append(f'<div class="replies" style="grid-template-columns: repeat({columns}, 1fr)">')
        for column, name in zip(run.columns, _names(run), strict=True):
            reply = renderer.render(_reply_text(column, round_index, messages_by_id))
            body.append(f'<div class="reply"><h4>{_escape(name)}</h4>{reply}</div>')
        body.append("</div>")
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>Comparison {run.id}</title><style>{_CSS}{pygments_css(dark=False)}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def write_reports(
    run: CompareRun, messages_by_id: Mapping[int, StoredMessage], folder: Path
) -> tuple[Path, Path]:
    """Both reports into `folder`, as comparison-<run id>.md and .html. Blocking: run it off the UI thread."""
    folder.mkdir(parents=True, exist_ok=True)
    markdown_path = folder / f"comparison-{run.id}.md"
    html_path = folder / f"comparison-{run.id}.html"
    write_text_atomic(markdown_path, markdown_report(run, messages_by_id))
    write_text_atomic(html_path, html_report(run, messages_by_id))
    return markdown_path, html_path


# -- pieces --------------------------------------------------------------------------------------------------


def _best_marker(best: dict[str, tuple[int, ...]]) -> Callable[[tuple[str, list[str], bool], int], bool]:
    """Marks, in a metrics table, the cells of the best columns of each row, all of a tie (see `_best`)."""
    return lambda row, i: i in best.get(row[0], ())


def _best(run: CompareRun, round_index: int) -> dict[str, tuple[int, ...]]:
    """Best columns per metric label (the tables are keyed by label)."""
    metrics = [c.metrics[round_index] if round_index < len(c.metrics) else None for c in run.columns]
    labels = dict(METRIC_LABELS)
    return {labels[name]: indexes for name, indexes in best_per_metric(metrics).items()}


def _headers(run: CompareRun) -> list[str]:
    return ["", *_names(run)]


def _names(run: CompareRun) -> list[str]:
    """The columns named as in the compare window: by what sets each apart (`core.compare.naming`)."""
    return column_names([(column.profile_name, column.settings) for column in run.columns])


def _setting_text(settings: RequestSettings, name: str) -> str:
    if name == "thinking":
        return thinking_text(settings.thinking)
    value = settings_to_dict(settings).get(name)
    return "" if value is None or value == [] or value == {} else str(value)


def _metric_text(metrics: ColumnMetrics | None, name: str) -> str:
    value = None if metrics is None else getattr(metrics, name)
    if value is None:
        return ""
    if name in TIE_DECIMALS:  # the precision ties are judged at: two values that read the same are tied
        return f"{value:.{TIE_DECIMALS[name]}f}"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _reply_text(column: CompareColumn, round_index: int, messages: Mapping[int, StoredMessage]) -> str:
    """The reply's text blocks; thinking stays out of the report, like the collapsed view."""
    if round_index >= len(column.reply_ids) or column.reply_ids[round_index] not in messages:
        return "(no reply)"
    message = messages[column.reply_ids[round_index]]
    text = "\n\n".join(str(b.get("text", "")) for b in message.content if b.get("type") == "text")
    if message.error is not None:
        text += f"\n\n(Error: {message.error.message})"
    return text or f"(no text; {message.status})"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines())


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _markdown_table(
    headers: list[str], rows: Table, marked: Callable[[tuple[str, list[str], bool], int], bool]
) -> list[str]:
    """Marked cells are bold; a row marked as a whole (settings that differ) gets a bold label."""
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |", "|" + " --- |" * len(headers)]
    for row in rows:
        label, cells, differs = row
        shown = [f"**{_cell(c)}**" if c and marked(row, i) else _cell(c) for i, c in enumerate(cells)]
        lines.append(f"| {'**' + _cell(label) + '**' if differs else _cell(label)} | {' | '.join(shown)} |")
    return lines


def _html_table(
    headers: list[str], rows: Table, marked: Callable[[tuple[str, list[str], bool], int], bool]
) -> str:
    head = "".join(f"<th>{_escape(h)}</th>" for h in headers)
    lines = [f"<table><tr>{head}</tr>"]
    for row in rows:
        label, cells, differs = row
        tds = "".join(
            f'<td class="best">{_escape(c)}</td>' if c and marked(row, i) else f"<td>{_escape(c)}</td>"
            for i, c in enumerate(cells)
        )
        attributes = ' class="differs"' if differs else ""
        lines.append(f"<tr{attributes}><th>{_escape(label)}</th>{tds}</tr>")
    lines.append("</table>")
    return "".join(lines)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
