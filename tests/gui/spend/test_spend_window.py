"""The spend window offscreen over a real store (known replies, totals worked out by hand in
tests/core/spend_store.py), and opened from the real app's View menu after a reply from the fake server."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from core.model.spend import GroupBy, Period
from core.store.services import SpendService
from core.store.worker import StoreWorker
from gui.app import install_translation
from gui.spend.chart import ChartMetric
from gui.spend.table_model import COST
from gui.spend.window import SpendWindow
from gui.tasks import TaskKeeper
from gui.theme.scheme import apply_theme
from tests.core.spend_store import MONDAY, NEXT_TUESDAY, TUESDAY, filled_store
from tests.gui.conftest import run, wait_until
from tests.waiting import wait_for

pytestmark = pytest.mark.gui


def speaking(qapp: QApplication, language: str) -> Iterator[None]:
    """As the app sets it at start: the translation (English has its plural forms), the dates and numbers."""
    before, locale = set(qapp.findChildren(QTranslator)), QLocale()
    install_translation(qapp, language)
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    yield from speaking(qapp, "en")


@pytest.fixture
def chinese(qapp: QApplication, english: None) -> Iterator[None]:
    yield from speaking(qapp, "zh_CN")


@pytest.fixture
def worker(tmp_path: Path):
    path = tmp_path / "spend.sqlite3"
    filled_store(path).close()
    opened = StoreWorker(path)
    yield opened
    opened.close_sync()


def table(window: SpendWindow) -> list[list[str]]:
    model = window.table.model()
    return [
        [str(model.data(model.index(row, column))) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def opened(qloop, worker: StoreWorker, load=None, **options) -> SpendWindow:
    load = load or SpendService(worker).per_day
    window = SpendWindow(load, TaskKeeper(), today=lambda: NEXT_TUESDAY, **options)
    window.show()
    run(qloop, window.reload())
    return window


def test_the_last_30_days_per_day_by_model_with_totals_and_the_stacked_chart(qtbot, qloop, worker) -> None:
    window = opened(qloop, worker)
    qtbot.addWidget(window)

    # April 1st is after "today" (March 10th): the default range is February 9th to March 10th.
    assert window.range() == (dt.date(2026, 2, 9), NEXT_TUESDAY)
    rows = table(window)
    assert [row[1:3] + row[7:] for row in rows] == [
        ["claude-sonnet-4-6", "2", "$0.5100", "$0.0127"],
        ["mystery-model", "1", "$0.0000 *", "$0.0000"],
        ["claude-sonnet-4-6", "3", "$0.0290", "$0.0067"],  # the compare column and two grid cells
        ["claude-haiku-4-5", "2", "$0.0040", "−$0.0008"],
        ["claude-haiku-4-5", "1", "$0.0001", "$0.0000"],
    ]
    assert rows[0][3:7] == ["1,200", "600", "10,000", "2,000"]
    unpriced = window.table.model().index(1, COST)
    assert "no known price" in window.table.model().data(unpriced, Qt.ItemDataRole.ToolTipRole)
    summary = window.summary.text()
    assert summary.startswith("$0.5431 for 9 replies: 1,940 input, 1,720 output, 15,000 read from the cache")
    assert (
        "3,500 written to it. Caching saved $0.0187" in summary
        and "Not in the cost: 1 reply of a model with no known price" in summary
    )

    # One bar per day of the range (empty days too), stacked by model, the costliest model at the bottom.
    series = window.chart.series()
    assert list(series) == ["claude-sonnet-4-6", "claude-haiku-4-5", "mystery-model"]
    assert all(len(values) == 30 for values in series.values())
    monday, tuesday, next_tuesday = (day - dt.date(2026, 2, 9) for day in (MONDAY, TUESDAY, NEXT_TUESDAY))
    assert series["claude-sonnet-4-6"][monday.days] == pytest.approx(0.51)
    assert series["claude-sonnet-4-6"][tuesday.days] == pytest.approx(0.029)
    assert series["claude-haiku-4-5"][tuesday.days] == pytest.approx(0.004)
    assert series["claude-haiku-4-5"][next_tuesday.days] == pytest.approx(0.0001)
    assert sum(sum(values) for values in series.values()) == pytest.approx(0.5431)


def test_weeks_by_provider_tokens_charted_and_all_time(qtbot, qloop, worker) -> None:
    window = opened(qloop, worker)
    qtbot.addWidget(window)

    choose(window.period, Period.WEEK)
    choose(window.group_by, GroupBy.PROVIDER)
    choose(window.chart_metric, ChartMetric.TOKENS)

    assert [row[:3] for row in table(window)] == [
        ["week of 3/2/26", "Relay", "5"],
        ["week of 3/2/26", "Other", "2"],
        ["week of 3/2/26", "(unknown provider)", "1"],  # the grid's variant without one
        ["week of 3/9/26", "Other", "1"],
    ]
    series = window.chart.series()
    # The weeks of February 9th, 16th and 23rd, March 2nd and 9th. Relay's week of March 2nd: 1,200 + 600 +
    # 10,000 + 2,000 (Monday), 300 + 400 + 4,000 (Tuesday's column), 200 + 500 + 1,000 (the grid's cells).
    assert series["Relay"] == [0.0, 0.0, 0.0, 20_200.0, 0.0]
    assert series["Other"] == [0.0, 0.0, 0.0, 150 + 1110, 30]
    assert series["(unknown provider)"] == [0.0, 0.0, 0.0, 80 + 90 + 500, 0.0]

    window.all_time.setChecked(True)
    run(qloop, window.loading)
    assert table(window)[-1][:3] == ["week of 3/30/26", "Relay", "1"]  # April 1st's reply
    assert not window.first_day.isEnabled()


def test_sorting_by_cost_puts_the_costliest_first(qtbot, qloop, worker) -> None:
    window = opened(qloop, worker)
    qtbot.addWidget(window)

    window.table.sortByColumn(COST, Qt.SortOrder.DescendingOrder)

    assert [row[7] for row in table(window)] == ["$0.5100", "$0.0290", "$0.0040", "$0.0001", "$0.0000 *"]


def test_the_csv_export_reads_back_and_a_failed_one_leaves_the_earlier_file_whole(
    qtbot, qloop, worker, tmp_path: Path
) -> None:
    target = tmp_path / "spend.csv"
    answers = [str(target), str(tmp_path / "missing folder" / "spend.csv")]
    window = opened(qloop, worker, choose_file=lambda _parent, _name: answers.pop(0))
    qtbot.addWidget(window)
    choose(window.period, Period.MONTH)

    run(qloop, window.export_csv())

    with target.open(newline="", encoding="utf-8") as file:
        lines = list(csv.DictReader(file))
    assert [(line["period_start"], line["group"], line["replies"], line["cost_usd"]) for line in lines] == [
        ("2026-03-01", "claude-sonnet-4-6", "5", "0.539000"),
        ("2026-03-01", "claude-haiku-4-5", "3", "0.004100"),
        ("2026-03-01", "mystery-model", "1", "0.000000"),
    ]
    assert window.notice.text() == f"Saved {target}"
    written = target.read_bytes()

    run(qloop, window.export_csv())

    assert "Could not save" in window.notice.text() and "No such file or directory" in window.notice.text()
    assert target.read_bytes() == written


def test_a_range_with_nothing_spent_says_so(qtbot, qloop, worker) -> None:
    window = opened(qloop, worker)
    qtbot.addWidget(window)

    window.first_day.setDate(window.first_day.date().addYears(-2))
    window.last_day.setDate(window.last_day.date().addYears(-2).addDays(-40))
    run(qloop, window.loading)

    assert window.table.model().rowCount(QModelIndex()) == 0
    assert window.summary.text() == "No replies in this range."
    # The chart says so too, and shows no empty legend box in its corner.
    assert chart_words(window) == "Nothing spent in this range: no replies to chart."
    assert not window.chart.legend.isVisible()

    window.all_time.setChecked(True)
    run(qloop, window.loading)
    assert window.chart.legend.isVisible() and chart_words(window) is None


def chart_words(window: SpendWindow) -> str | None:
    """The empty chart's text, if the chart shows it."""
    shown = window.chart.empty_text
    return shown.textItem.toPlainText() if shown.scene() is not None and shown.isVisible() else None


def test_in_chinese_an_empty_chart_says_so(qtbot, qloop, worker, chinese) -> None:
    window = opened(qloop, worker)
    qtbot.addWidget(window)
    window.first_day.setDate(window.first_day.date().addYears(-2))
    window.last_day.setDate(window.last_day.date().addYears(-2).addDays(-40))
    run(qloop, window.loading)
    assert chart_words(window) == "此范围内没有花费：没有可绘制的回复。"


def test_the_chart_follows_the_dark_theme(qtbot, qloop, worker, qapp: QApplication) -> None:
    window = opened(qloop, worker)
    qtbot.addWidget(window)
    light = window.chart.background()
    try:
        apply_theme(qapp, "dark")
        dark_base = qapp.palette().color(QPalette.ColorRole.Base)
        qtbot.waitUntil(lambda: window.chart.background() == dark_base)
        assert dark_base.lightness() < 60 < light.lightness()
        assert window.chart.series()  # redrawn, not lost
    finally:
        apply_theme(qapp, "light")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen; asked again, it comes forward
def test_view_spend_in_the_real_app_counts_the_reply_just_received(
    qtbot, qapp, qloop, server, tmp_path
) -> None:
    from tests.gui import driver

    async def body() -> None:
        running = await driver.start(qapp, tmp_path, server)
        try:
            running.type_and_send(qtbot, "Hello there")
            path = await wait_for(
                running.path, lambda p: len(p) == 2 and p[-1].status == "complete", 20, "the reply"
            )
            reply = path[-1]
            assert reply.role == "assistant" and reply.usage is not None and reply.cost_usd
            action = next(a for a in running.window.view_menu.actions() if a.text() == "Spend…")
            action.trigger()
            window = running.app.spend.spend_window
            await wait_until(lambda: window.model.rowCount() == 1, what="the spend table")
            row = table(window)[0]
            assert row[1:5] == [
                reply.model,
                "1",
                f"{reply.usage.input_tokens:,}",
                f"{reply.usage.output_tokens:,}",
            ]
            assert window.model.items()[0].figures.cost_usd == pytest.approx(reply.cost_usd)
            action.trigger()  # asked again: the same window comes forward
            assert running.app.spend.spend_window is window
        finally:
            await running.quit()

    run(qloop, body(), timeout=60)


def test_in_chinese_every_word_is_translated(qtbot, qloop, worker, chinese) -> None:
    window = opened(qloop, worker)
    qtbot.addWidget(window)
    choose(window.period, Period.MONTH)
    choose(window.group_by, GroupBy.SOURCE)

    model = window.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert all(not header.isascii() for header in headers), headers
    assert [row[1] for row in table(window)] == ["对话", "比较", "评测网格"]
    assert {row[0] for row in table(window)} == {"2026年3月"}
    assert not window.windowTitle().isascii() and not window.export_button.text().isascii()
    assert "1 条" in window.summary.text()


def test_a_failed_read_says_so_and_refresh_reads_again(qtbot, qloop, worker, tmp_path: Path) -> None:
    closed = StoreWorker(tmp_path / "closed.sqlite3")
    closed.close_sync()
    services = [SpendService(closed), SpendService(worker)]

    async def load(first, last):
        return await services[0].per_day(first, last)

    window = opened(qloop, worker, load=load)
    qtbot.addWidget(window)

    assert (
        window.notice.text() == f"Could not read the stored replies from {closed.path}. Refresh tries again."
    )
    assert window.model.rowCount() == 0
    services.pop(0)
    qtbot.mouseClick(window.refresh_button, Qt.MouseButton.LeftButton)
    run(qloop, window.loading)
    assert window.notice.text() == "" and window.model.rowCount() == 5
