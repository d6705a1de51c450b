"""The spend window's words: sources, periods, groups, money and token counts as the interface writes them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from core.model.spend import GroupBy, Period, SpendSource


def source_name(source: SpendSource | str) -> str:
    names = {
        SpendSource.CHAT: QCoreApplication.translate("SpendWords", "Conversations"),
        SpendSource.COMPARE: QCoreApplication.translate("SpendWords", "Compare"),
        SpendSource.GRID: QCoreApplication.translate("SpendWords", "Evaluation grids"),
        SpendSource.JUDGE: QCoreApplication.translate("SpendWords", "LLM judge"),
    }
    return names.get(SpendSource(source), str(source))


def period_name(period: Period) -> str:
    return {
        Period.DAY: QCoreApplication.translate("SpendWords", "Day"),
        Period.WEEK: QCoreApplication.translate("SpendWords", "Week"),
        Period.MONTH: QCoreApplication.translate("SpendWords", "Month"),
    }[period]


def group_name(group_by: GroupBy) -> str:
    return {
        GroupBy.MODEL: QCoreApplication.translate("SpendWords", "Model"),
        GroupBy.PROVIDER: QCoreApplication.translate("SpendWords", "Provider"),
        GroupBy.SOURCE: QCoreApplication.translate("SpendWords", "Source"),
    }[group_by]


def group_value(key: str | None, group_by: GroupBy) -> str:
    """A group's name as shown: a source in words; a reply whose model or provider is not known says so."""
    if group_by is GroupBy.SOURCE and key:
        return source_name(key)
    if not key:
        return (
            QCoreApplication.translate("SpendWords", "(unknown model)")
            if group_by is GroupBy.MODEL
            else QCoreApplication.translate("SpendWords", "(unknown provider)")
        )
    return key


def period_label(start: dt.date, period: Period) -> str:
    """A period by its first day: "3/2/26" (a day), "week of 3/2/26" (a week), "March 2026" (a month)."""
    day = QDate(start.year, start.month, start.day)
    locale = QLocale()
    if period is Period.MONTH:
        # A Qt date format, translated: Chinese writes a month as its number ("yyyy年M月").
        return locale.toString(day, QCoreApplication.translate("SpendWords", "MMMM yyyy"))
    text = locale.toString(day, QLocale.FormatType.ShortFormat)
    return (
        QCoreApplication.translate("SpendWords", "week of {day}").format(day=text)
        if period is Period.WEEK
        else text
    )


def money(value: float) -> str:
    """US dollars: cents for sums of a dollar or more, four decimals below (a reply often costs less than
    a cent)."""
    places = 2 if abs(value) >= 1 else 4
    text = QLocale().toString(abs(value), "f", places)
    return ("−$" if value < 0 else "$") + text


def count(value: int) -> str:
    """A whole number with the locale's digit grouping (12,345)."""
    return QLocale().toString(value)
