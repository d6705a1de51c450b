"""Dates and times as the interface's locale writes them ("11/30/26 12:53 AM" in English, "2026/11/30 00:53"
in Chinese). Without this a machine with no locale set (LANG=C, common in containers and on fresh Linux
installs) writes Qt's C locale's "30 11 2026", which reads as three numbers."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale


def interface_locale(language: str) -> QLocale:
    """The locale for an interface in `language` (a translation's name, such as "zh_CN" or "en"): the
    system's own when it speaks that language (a British user keeps 30/11/2026), else the language's
    usual one."""
    wanted = QLocale(language)
    system = QLocale.system()
    if system.language() == wanted.language() and system.language() != QLocale.Language.C:
        return system
    if wanted.language() in (QLocale.Language.C, QLocale.Language.English):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return wanted


def use_interface_locale(language: str) -> None:
    """Every date the app shows from now on (and its date fields) follows the interface's language."""
    QLocale.setDefault(interface_locale(language))


def date_time_text(seconds: float) -> str:
    """A moment, short, in the default locale (see `use_interface_locale`)."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(seconds)), QLocale.FormatType.ShortFormat)
