"""Spend over time from a real SQLite file: known replies on known days, every total worked out by hand."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from core.model.judging import (
    JudgementStatus,
    JudgeSpend,
    PairJudgement,
    PairVerdict,
    RubricScore,
    VariantIdentity,
    VoteSource,
    VoteSourceKind,
)
from core.model.spend import GroupBy, Period, SpendFigures, SpendSource, buckets, csv_text, periods, total
from core.store.repository import Store
from tests.core.spend_store import APRIL, MONDAY, NEXT_TUESDAY, TUESDAY, filled_store, noon


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return filled_store(tmp_path / "spend.sqlite3")


def test_each_day_model_provider_and_source_has_its_hand_counted_totals(store: Store) -> None:
    rows = {(row.day, row.model, row.provider, row.source): row.figures for row in store.spend()}

    assert rows == {
        (MONDAY, "claude-sonnet-4-6", "Relay", SpendSource.CHAT): SpendFigures(
            replies=2, input_tokens=1200, output_tokens=600, cache_read_tokens=10_000,
            cache_write_tokens=2000, cost_usd=pytest.approx(0.51),
            # Relay's Sonnet: input $1.5, cache read $0.15, 5-minute write $1.875 per million:
            # 10,000 × (1.5 − 0.15) − 2,000 × (1.875 − 1.5) = 13,500 − 750 = 12,750 per million.
            saved_usd=pytest.approx(0.01275),
        ),
        (MONDAY, "mystery-model", "Other", SpendSource.CHAT): SpendFigures(
            replies=1, input_tokens=100, output_tokens=50, unpriced_replies=1
        ),
        (TUESDAY, "claude-sonnet-4-6", "Relay", SpendSource.COMPARE): SpendFigures(
            replies=1, input_tokens=300, output_tokens=400, cache_read_tokens=4000,
            cost_usd=pytest.approx(0.02), saved_usd=pytest.approx(4000 * 1.35 / 1e6),
        ),
        # The compare column's provider, not its conversation's (Relay).
        (TUESDAY, "claude-haiku-4-5", "Other", SpendSource.COMPARE): SpendFigures(
            replies=1, input_tokens=50, output_tokens=60, cache_write_tokens=1000, cache_write_1h_tokens=600,
            cost_usd=pytest.approx(0.003),
            # Catalog Haiku 4.5: input $1, 5-minute write $1.25, 1-hour write $2; nothing read back:
            # −400 × 0.25 − 600 × 1 = −700 per million (caching cost more than it saved).
            saved_usd=pytest.approx(-0.0007),
        ),
        # The grid's cells, by variant: two Sonnet repeats (1,000 read: 1,000 × 1.35 per million saved)...
        (TUESDAY, "claude-sonnet-4-6", "Relay", SpendSource.GRID): SpendFigures(
            replies=2, input_tokens=200, output_tokens=500, cache_read_tokens=1000,
            cost_usd=pytest.approx(0.009), saved_usd=pytest.approx(0.00135),
        ),
        # ...and one Haiku repeat through no provider (500 written: −500 × 0.25); the failed one is not here.
        (TUESDAY, "claude-haiku-4-5", None, SpendSource.GRID): SpendFigures(
            replies=1, input_tokens=80, output_tokens=90, cache_write_tokens=500,
            cost_usd=pytest.approx(0.001), saved_usd=pytest.approx(-0.000125),
        ),
        (NEXT_TUESDAY, "claude-haiku-4-5", "Other", SpendSource.CHAT): SpendFigures(
            replies=1, input_tokens=10, output_tokens=20, cost_usd=pytest.approx(0.0001)
        ),
        (APRIL, "claude-sonnet-4-6", "Relay", SpendSource.CHAT): SpendFigures(
            replies=1, input_tokens=1, output_tokens=2, cost_usd=pytest.approx(0.00003)
        ),
    }  # fmt: skip


def test_a_date_range_keeps_its_first_and_last_days_whole(store: Store) -> None:
    rows = store.spend(TUESDAY, NEXT_TUESDAY)

    assert sorted({row.day for row in rows}) == [TUESDAY, NEXT_TUESDAY]
    figures = total(rows)
    # Tuesday's two compare columns and three grid cells, next Tuesday's Haiku reply.
    assert (figures.replies, figures.input_tokens, figures.output_tokens) == (6, 360 + 280, 480 + 590)
    assert figures.cost_usd == pytest.approx(0.0231 + 0.010)
    assert store.spend(APRIL + dt.timedelta(days=1), None) == []


def test_weeks_and_months_sum_the_days_by_model_provider_and_source(store: Store) -> None:
    rows = store.spend()

    weekly = [
        (b.start, b.key, b.figures.replies, round(b.figures.cost_usd, 6))
        for b in buckets(rows, Period.WEEK, GroupBy.MODEL)
    ]
    assert weekly == [
        (MONDAY, "claude-sonnet-4-6", 5, 0.539),  # Monday's two, Tuesday's compare column and 2 grid cells
        (MONDAY, "claude-haiku-4-5", 2, 0.004),
        (MONDAY, "mystery-model", 1, 0.0),
        (dt.date(2026, 3, 9), "claude-haiku-4-5", 1, 0.0001),
        (dt.date(2026, 3, 30), "claude-sonnet-4-6", 1, 0.00003),  # April 1st is a Wednesday
    ]
    monthly = buckets(rows, Period.MONTH, GroupBy.PROVIDER)
    assert [(b.start, b.key, b.figures.replies, b.figures.input_tokens) for b in monthly] == [
        (dt.date(2026, 3, 1), "Relay", 5, 1700),
        (dt.date(2026, 3, 1), "Other", 3, 160),
        (dt.date(2026, 3, 1), None, 1, 80),  # the grid variant without a provider
        (dt.date(2026, 4, 1), "Relay", 1, 1),
    ]
    by_source = buckets(rows, Period.MONTH, GroupBy.SOURCE)
    assert [(b.key, b.figures.replies) for b in by_source if b.start.month == 3] == [
        ("chat", 4),
        ("compare", 2),
        ("grid", 3),
    ]
    everything = total(rows)
    assert everything.saved_usd == pytest.approx(0.01275 + 0.0054 - 0.0007 + 0.00135 - 0.000125)
    assert (
        everything.total_tokens
        == 1200 + 600 + 10_000 + 2000 + 100 + 50 + 300 + 400 + 4000 + 50 + 60 + 1000 + 30 + 3 + 1700 + 670
    )


def test_the_periods_axis_has_the_empty_ones_too() -> None:
    assert periods(dt.date(2026, 1, 30), dt.date(2026, 3, 2), Period.MONTH) == [
        dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 1)
    ]  # fmt: skip
    assert periods(MONDAY, NEXT_TUESDAY, Period.WEEK) == [MONDAY, dt.date(2026, 3, 9)]
    assert len(periods(MONDAY, NEXT_TUESDAY, Period.DAY)) == 9


def test_an_empty_store_spends_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "empty.sqlite3")
    assert store.spend() == []
    assert total([]) == SpendFigures()


def test_the_csv_reads_back_as_the_buckets_it_was_made_from(store: Store) -> None:
    shown = buckets(store.spend(), Period.MONTH, GroupBy.MODEL)

    lines = list(csv.DictReader(io.StringIO(csv_text(shown, Period.MONTH, GroupBy.MODEL))))

    assert [(line["period_start"], line["group"], line["replies"]) for line in lines] == [
        ("2026-03-01", "claude-sonnet-4-6", "5"),
        ("2026-03-01", "claude-haiku-4-5", "3"),
        ("2026-03-01", "mystery-model", "1"),
        ("2026-04-01", "claude-sonnet-4-6", "1"),
    ]
    march_sonnet = lines[0]
    assert (march_sonnet["period"], march_sonnet["group_by"]) == ("month", "model")
    assert float(march_sonnet["cost_usd"]) == pytest.approx(0.539)
    assert float(march_sonnet["saved_by_caching_usd"]) == pytest.approx(0.01275 + 0.0054 + 0.00135)
    assert int(march_sonnet["cache_read_tokens"]) == 15_000
    assert lines[2]["unpriced_replies"] == "1"


def test_the_judges_requests_count_by_the_judges_model_and_provider(store: Store) -> None:
    """A rubric score and a pair verdict with what their requests used count as the judge's spend on their
    day; a judgement saved before spend was kept (no model known) is left out."""
    [run] = store.list_grid_runs()
    wednesday = TUESDAY + dt.timedelta(days=1)
    at = noon(wednesday)
    spend = JudgeSpend("claude-haiku-4-5", "Relay", input_tokens=800, output_tokens=120)
    store.save_rubric_score(
        RubricScore(run.id, 0, 0, 0, -1, JudgementStatus.SCORED, {"clarity": 4}, cost_usd=0.0014,
                    created_at=at, spend=spend)
    )  # fmt: skip
    store.save_rubric_score(
        RubricScore(
            run.id, 0, 1, 0, -1, JudgementStatus.SCORED, {"clarity": 3}, cost_usd=0.002, created_at=at
        )
    )
    pair_spend = JudgeSpend("claude-haiku-4-5", "Relay", input_tokens=1500, output_tokens=200)
    store.save_pair_judgement(
        PairJudgement(
            VoteSource(VoteSourceKind.GRID, run.id, 0), (0, 1),
            (VariantIdentity("a", "A"), VariantIdentity("b", "B")), -2, JudgementStatus.SCORED,
            PairVerdict.FIRST, PairVerdict.FIRST, cost_usd=0.0025, created_at=at, spend=pair_spend,
        )
    )  # fmt: skip

    judged = [row for row in store.spend() if row.source == SpendSource.JUDGE]
    assert [(row.day, row.model, row.provider) for row in judged] == [
        (wednesday, "claude-haiku-4-5", "Relay")
    ]
    assert judged[0].figures == SpendFigures(
        replies=2, input_tokens=2300, output_tokens=320, cost_usd=pytest.approx(0.0039)
    )
    # Kept with the judgement, and read back so.
    assert {score.spend for score in store.rubric_scores(run.id)} == {spend, None}
