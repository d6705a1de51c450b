"""The Simplified Chinese translation is complete, current with the sources, compiled, and used."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.conversation import ReplyError
from gui.composer import Composer
from gui.conversation_list import ConversationList
from gui.error_messages import headline
from gui.tasks import TaskKeeper

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS_FILES = ("triptych_zh_CN.ts", "triptych_en.ts")
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%n|%\d")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = message
    return found


def translated_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def test_every_chinese_message_is_translated_and_keeps_its_placeholders() -> None:
    found = messages(I18N / "triptych_zh_CN.ts")
    assert len(found) > 200
    for (context, source), message in found.items():
        assert message.find("translation").get("type") is None, f"unfinished: {context}: {source}"  # type: ignore[union-attr]
        for text in translated_texts(message):
            assert text.strip(), f"empty translation: {context}: {source}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
                context,
                source,
                text,
            )


def test_the_translation_sources_are_current_with_the_code(tmp_path: Path) -> None:
    copies = []
    for name in TS_FILES:
        shutil.copy(I18N / name, tmp_path / name)
        copies.append(str(tmp_path / name))
    sources = sorted(str(path) for path in (ROOT / "gui").glob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", *copies], check=True, capture_output=True)
    for name in TS_FILES:
        fresh, committed = messages(tmp_path / name), messages(I18N / name)
        new = sorted(set(fresh) - set(committed))
        assert not new, f"strings without a translation, run `make translations` and translate: {new}"


def test_the_compiled_files_match_their_sources(tmp_path: Path) -> None:
    for name in TS_FILES:
        shutil.copy(I18N / name, tmp_path / name)
        subprocess.run([str(BIN / "pyside6-lrelease"), str(tmp_path / name)], check=True, capture_output=True)
        compiled = name.replace(".ts", ".qm")
        assert (tmp_path / compiled).read_bytes() == (I18N / compiled).read_bytes(), (
            f"run `make translations`: {compiled}"
        )


def test_with_the_chinese_translator_the_widgets_speak_chinese(qapp: QApplication, qtbot: QtBot) -> None:
    translator = QTranslator()
    assert translator.load("triptych_zh_CN", str(I18N))
    qapp.installTranslator(translator)
    try:
        composer = Composer(TaskKeeper())
        conversations = ConversationList()
        qtbot.addWidget(composer)
        qtbot.addWidget(conversations)
        assert composer.send_button.text() == "发送"
        assert conversations.filter_box.placeholderText() == "筛选对话"
        error = ReplyError(kind="RateLimitError", message="slow down", status=429, retry_after=3)
        assert headline(error) == "请求过多（429）。服务商要求等待 3 秒。"
    finally:
        qapp.removeTranslator(translator)
    english = Composer(TaskKeeper())
    qtbot.addWidget(english)
    assert english.send_button.text() == "Send"
