"""The exported comparison: settings differences, metrics with the best marked, replies, nothing unsafe."""

import dataclasses
from pathlib import Path

from core.compare.report import html_report, markdown_report
from core.model.compare_run import ColumnMetrics
from core.model.request_settings import RequestSettings
from core.store.repository import Store

FAST = ColumnMetrics(
    time_to_first_token=0.25, duration=2.0, output_tokens_per_second=150.0, output_tokens=300,
    stop_reason="end_turn", cost_usd=0.0045, request_id="req_fast",
)  # fmt: skip
SLOW = ColumnMetrics(
    time_to_first_token=0.75, duration=4.0, output_tokens_per_second=70.0, output_tokens=280,
    stop_reason="end_turn", cost_usd=0.0009, request_id="req_slow",
)  # fmt: skip


def stored_run(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "report.sqlite3")
    base = RequestSettings(model="claude-sonnet-4-6", temperature=1.0)
    haiku = RequestSettings(model="claude-haiku-4-5-20251001", temperature=0.2)
    conversation = store.create_conversation(base, "Relay")
    run = store.create_compare_run(conversation.id, None, [("Relay", base), ("Relay", haiku)])
    run = store.add_compare_round(run.id, "Explain | pipes.")
    replies = ["**Bold** <script>alert(1)</script> ![x](http://img.example/a.png)", "Plain & short."]
    for column, (reply_text, metrics) in enumerate(zip(replies, (FAST, SLOW), strict=True)):
        reply_id = run.columns[column].reply_ids[0]
        store.update_reply(reply_id, content=[{"type": "text", "text": reply_text}], status="complete")
        store.save_column_metrics(run.id, column, 0, metrics)
    run = store.get_compare_run(run.id)
    messages = {m: store.get_message(m) for c in run.columns for m in c.reply_ids}
    store.close()
    return run, messages


def test_markdown_report_has_the_differences_the_metrics_and_each_reply(tmp_path: Path) -> None:
    run, messages = stored_run(tmp_path)
    report = markdown_report(run, messages)
    assert "> Explain | pipes." in report
    assert "| **model** | **claude-sonnet-4-6** | **claude-haiku-4-5-20251001** |" in report
    assert "| **temperature** | **1.0** | **0.2** |" in report
    assert "| max_tokens | 4096 | 4096 |" in report  # the same in both: not marked
    assert "| Time to first token (s) | **0.25** | 0.75 |" in report
    assert "| Cost (USD) | 0.004500 | **0.000900** |" in report
    # Columns are named by what sets them apart, in the table headers and above each reply.
    first, second = (
        "model claude-sonnet-4-6 · temperature 1.0",
        "model claude-haiku-4-5-20251001 · temperature 0.2",
    )
    assert f"|  | {first} | {second} |" in report
    assert f"### {second}\n\nPlain & short." in report
    assert "Column" not in report


def test_html_report_is_self_contained_side_by_side_and_escaped(tmp_path: Path) -> None:
    run, messages = stored_run(tmp_path)
    report = html_report(run, messages)
    assert report.startswith("<!DOCTYPE html>") and "<style>" in report
    assert '<tr class="differs"><th>temperature</th><td>1.0</td><td>0.2</td></tr>' in report
    assert '<td class="best">150.0</td><td>70.0</td>' in report
    assert "grid-template-columns: repeat(2, 1fr)" in report
    assert "<h4>model claude-haiku-4-5-20251001 · temperature 0.2</h4>" in report and "Column" not in report
    assert "<strong>Bold</strong>" in report and "Plain &amp; short." in report
    assert "<script>" not in report and "&lt;script&gt;" in report
    assert "<img" not in report and "http-equiv" not in report
    assert "sk-" not in report and "x-api-key" not in report.lower()


def test_thinking_tokens_have_a_row_only_when_reported(tmp_path: Path) -> None:
    run, messages = stored_run(tmp_path)
    assert "Thinking tokens" not in markdown_report(run, messages)
    assert "Thinking tokens" not in html_report(run, messages)
    run.columns[1].metrics[0] = dataclasses.replace(SLOW, thinking_tokens=96)
    assert "| Thinking tokens |  | 96 |" in markdown_report(run, messages)
    assert "<tr><th>Thinking tokens</th><td></td><td>96</td></tr>" in html_report(run, messages)
