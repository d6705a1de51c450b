"""The grid's metrics (core.grid.stats.METRICS) in words: the name a table header or a chart axis shows,
and a value written with its unit. Shared by the statistics tables and the charts, which must say the same
thing; this module imports no chart library, so the tables never pay for one."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from core.grid.stats import METRICS, QUALITY


def metric_name(metric: str) -> str:
    """A metric's name with its unit, e.g. "Time to first token (s)"; an unknown name is shown as it is."""
    names = {
        "time_to_first_token": QCoreApplication.translate("GridMetrics", "Time to first token (s)"),
        "duration": QCoreApplication.translate("GridMetrics", "Total time (s)"),
        "output_tokens_per_second": QCoreApplication.translate("GridMetrics", "Output tokens/s"),
        "output_tokens": QCoreApplication.translate("GridMetrics", "Output length (tokens)"),
        "cost_usd": QCoreApplication.translate("GridMetrics", "Cost (USD)"),
        QUALITY: QCoreApplication.translate("GridMetrics", "Judge's quality (1–5)"),
    }
    return names.get(metric, metric)


def metric_names() -> dict[str, str]:
    """Every metric the statistics cover, in their order, with its name."""
    return {metric: metric_name(metric) for metric in METRICS}


def value_text(metric: str, value: float) -> str:
    """A value in the metric's own unit and precision: "1.24 s", "38.5 tok/s", "412", "$0.0031"."""
    if metric in ("time_to_first_token", "duration"):
        return QCoreApplication.translate("GridMetrics", "{value} s").format(value=number_text(metric, value))
    if metric == "output_tokens_per_second":
        return QCoreApplication.translate("GridMetrics", "{value} tok/s").format(
            value=number_text(metric, value)
        )
    return number_text(metric, value)


def number_text(metric: str, value: float) -> str:
    """A value in the metric's precision, without its unit (a table's header names it): "1.24", "38.5",
    "412"; dollars keep their sign, which is shorter than any unit: "$0.0031"."""
    if metric == "output_tokens":
        return f"{value:.0f}" if value == round(value) else f"{value:.1f}"
    if metric == "cost_usd":
        return usd_text(value)
    if metric == QUALITY:
        return f"{value:.1f}"
    return _significant(value)


def usd_text(value: float) -> str:
    """Dollars with enough digits that a fraction of a cent still shows: "$1.25", "$0.50", "$0.0031"."""
    if value == 0:
        return "$0"
    if abs(value) >= 0.1:
        return f"${value:,.2f}"
    # Two significant digits: 0.0031 -> 3 decimals past the first non-zero one's place.
    decimals = -math.floor(math.log10(abs(value))) + 1
    return f"${value:.{decimals}f}"


def _significant(value: float) -> str:
    """Three significant digits, never in scientific notation for the sizes seen here."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if abs(value) >= 0.01 else f"{value:.3g}"
