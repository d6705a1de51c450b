"""The Simplified Chinese translation is complete, current with the sources, compiled, and used; English
plurals come from their own small translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTranslator
from PySide6.QtWidgets import QApplication, QDateEdit
from pytestqt.qtbot import QtBot

from core.model.conversation import ErrorKind, ReplyError
from gui.app import install_translation
from gui.chat.composer import Composer
from gui.chat.conversation_list import ConversationList
from gui.error_messages import headline
from gui.params.sections import SamplingSection
from gui.tasks import TaskKeeper
from gui.widgets.dates import date_time_text
from gui.widgets.fields import ProblemCount
from tests.paths import REPO

ROOT = REPO
I18N = ROOT / "resources" / "i18n"
TS_FILES = ("triptych_zh_CN.ts", "triptych_en.ts")
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%n|%\d")
# A context is the class whose tr() runs, or the first argument of translate(); lupdate names anything else
# after the expression (`self.window.tr(...)` gives "self.window"), which no lookup at run time ever uses.
CONTEXT_NAME = re.compile(r"[A-Z][A-Za-z0-9]*")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """The live messages by (context, source); lupdate keeps removed ones as vanished or obsolete."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if not _is_gone(message):
                found[(name, message.findtext("source") or "")] = message
    return found


def _is_gone(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is not None and translation.get("type") in ("obsolete", "vanished")


def translated_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def test_every_chinese_message_is_translated_and_keeps_its_placeholders() -> None:
    path = I18N / "triptych_zh_CN.ts"
    every = ET.parse(path).getroot().iter("message")
    gone = [message.findtext("source") for message in every if _is_gone(message)]
    assert not gone, f"removed strings still listed, run `make translations`: {gone}"
    found = messages(path)
    assert len(found) > 200
    for (context, source), message in found.items():
        assert CONTEXT_NAME.fullmatch(context), f"tr() on another object, never found at run time: {context}"
        assert message.find("translation").get("type") is None, f"unfinished: {context}: {source}"  # type: ignore[union-attr]
        for text in translated_texts(message):
            assert text.strip(), f"empty translation: {context}: {source}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                context,
                source,
                text,
            )


def test_every_english_plural_has_a_singular_and_a_plural_form() -> None:
    english = messages(I18N / "triptych_en.ts").values()
    plurals = [message for message in english if message.get("numerus") == "yes"]
    assert len(plurals) >= 4
    for message in plurals:
        source = message.findtext("source")
        assert message.find("translation").get("type") is None, f"unfinished: {source}"  # type: ignore[union-attr]
        singular, plural = translated_texts(message)
        # %Ln: the number in the locale's digits and grouping (1,234).
        assert all(re.search("%L?n", form) for form in (singular, plural)), source


def test_the_translation_sources_are_current_with_the_code(tmp_path: Path) -> None:
    copies = []
    for name in TS_FILES:
        shutil.copy(I18N / name, tmp_path / name)
        copies.append(str(tmp_path / name))
    sources = sorted(str(path) for path in (ROOT / "gui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", *copies], check=True, capture_output=True)
    for name in TS_FILES:
        fresh, committed = set(messages(tmp_path / name)), set(messages(I18N / name))
        new, removed = sorted(fresh - committed), sorted(committed - fresh)
        assert not new, f"strings without a translation, run `make translations` and translate: {new}"
        assert not removed, f"strings no longer in the code, run `make translations`: {removed}"


def test_the_compiled_files_match_their_sources(tmp_path: Path) -> None:
    for name in TS_FILES:
        shutil.copy(I18N / name, tmp_path / name)
        subprocess.run([str(BIN / "pyside6-lrelease"), str(tmp_path / name)], check=True, capture_output=True)
        compiled = name.replace(".ts", ".qm")
        assert (tmp_path / compiled).read_bytes() == (I18N / compiled).read_bytes(), (
            f"run `make translations`: {compiled}"
        )


@pytest.fixture
def installed(qapp: QApplication) -> Iterator[None]:
    """Whatever translators a test installs through the app's own function are removed after it, and the
    locale it set for dates is put back."""
    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    yield
    QLocale.setDefault(locale)
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.setParent(None)


def test_with_the_chinese_translator_the_widgets_speak_chinese(
    qapp: QApplication, qtbot: QtBot, installed: None
) -> None:
    install_translation(qapp, "zh_CN")
    composer = Composer(TaskKeeper())
    conversations = ConversationList()
    section = SamplingSection()
    for widget in (composer, conversations, section):
        qtbot.addWidget(widget)
    assert composer.send_button.text() == "发送"
    assert composer.editor.placeholderText().startswith("给 Claude 发消息…（")
    assert conversations.filter_box.placeholderText() == "筛选对话"
    section.set_problem_count(2)
    assert section.problems.text() == "2 个问题"
    error = ReplyError(kind=ErrorKind.RATE_LIMIT, message="slow down", status=429, retry_after=3)
    assert headline(error) == "请求过多（429）。服务商要求等待 3 秒。"


def test_in_english_plurals_agree_with_their_count(qapp: QApplication, qtbot: QtBot, installed: None) -> None:
    install_translation(qapp, "en_US")
    count = ProblemCount()
    qtbot.addWidget(count)
    count.set_count(1)
    assert count.text() == "1 problem"
    count.set_count(3)
    assert count.text() == "3 problems"
    composer = Composer(TaskKeeper())
    qtbot.addWidget(composer)
    assert composer.send_button.text() == "Send"


@pytest.mark.parametrize("language", ["C", "fr_FR"])
def test_a_locale_without_a_translation_gets_english_plurals(
    qapp: QApplication, qtbot: QtBot, installed: None, language: str
) -> None:
    install_translation(qapp, language)
    count = ProblemCount()
    qtbot.addWidget(count)
    count.set_count(1)
    assert count.text() == "1 problem"
    count.set_count(2)
    assert count.text() == "2 problems"


def test_the_chinese_interface_says_token_one_way() -> None:
    """ "token" is the word Chinese users of Claude clients see (Anthropic's Chinese pages, Cherry Studio,
    LobeChat, the consoles' billing): a translation that also says 词元 or 令牌 names one thing two ways."""
    texts = [
        text
        for message in messages(I18N / "triptych_zh_CN.ts").values()
        for text in translated_texts(message)
    ]
    used = {word for word in ("token", "词元", "令牌") if any(word in text.lower() for text in texts)}
    assert used == {"token"}, used


@pytest.mark.parametrize("language", ["C", "en_US", "zh_CN"])
def test_dates_are_written_as_the_interface_language_writes_them(
    qapp: QApplication, qtbot: QtBot, installed: None, language: str
) -> None:
    """Never the C locale's "30 11 2026" (a machine with LANG=C): English gets its slashes, Chinese its
    year first; the date fields follow too."""
    moment = QDateTime(QDate(2026, 11, 30), QTime(14, 5))
    install_translation(qapp, language)
    text = date_time_text(moment.toSecsSinceEpoch())
    field = QDateEdit(QDate(2026, 11, 30))
    qtbot.addWidget(field)
    assert "30 11 2026" not in text and "30 11 2026" not in field.text()
    if language == "zh_CN":
        assert text == "2026/11/30 14:05" and field.text() == "2026/11/30"
    else:
        english = QLocale.system() if QLocale.system().language() == QLocale.Language.English else None
        expected = english or QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        assert text == expected.toString(moment, QLocale.FormatType.ShortFormat)
        assert "/" in text and "2" in text
