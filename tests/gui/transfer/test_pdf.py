"""The PDF export as Qt lays it out: code in a monospace font, tables with borders and their header row
repeated on each page, paragraphs without the striped backgrounds a per-paragraph background makes. The
document checked is the one the PDF is printed from (seen as `write_pdf` prints it), and the file's pages
are rendered to PNG with poppler's `pdftoppm` when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFontInfo, QTextCursor, QTextDocument, QTextTable
from PySide6.QtWidgets import QApplication

from core.model.request_settings import RequestSettings
from core.transcripts.archive import ArchivedConversation, ArchivedMessage
from core.transcripts.export_html import html_export
from gui.transfer.pdf import write_pdf

ROWS = 80
CODE = "def greet(name):\n    return f'hello {name}'"


def conversation() -> ArchivedConversation:
    table = "| # | Name |\n|---|---|\n" + "\n".join(f"| {i} | item {i} |" for i in range(ROWS))
    reply = f"First paragraph.\n\nSecond paragraph.\n\n```python\n{CODE}\n```\n\n{table}\n\nAfter the table."
    return ArchivedConversation(
        title="PDF",
        settings=RequestSettings(model="claude-sonnet-4-6"),
        current_leaf=2,
        messages=[
            ArchivedMessage(1, None, "user", [{"type": "text", "text": "One.\n\nTwo."}]),
            ArchivedMessage(2, 1, "assistant", [{"type": "text", "text": reply}], model="claude-sonnet-4-6"),
        ],
    )


def test_code_is_monospace_tables_have_borders_and_paragraphs_no_background(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}
    real_print = QTextDocument.print_

    def inspect_then_print(document: QTextDocument, printer: Any) -> None:
        seen.update(inspect(document))
        real_print(document, printer)

    monkeypatch.setattr(QTextDocument, "print_", inspect_then_print)
    path = tmp_path / "chat.pdf"
    write_pdf(html_export(conversation()), path)
    assert path.read_bytes().startswith(b"%PDF")

    assert seen["code_fonts"] and all(seen["code_fonts"]), "code in a proportional font"
    assert seen["prose_fonts"] and not any(seen["prose_fonts"]), "prose should stay proportional"
    assert seen["backgrounds"] == [], f"paragraphs with a background: {seen['backgrounds']}"
    (table,) = seen["tables"]
    assert table["rows"] == ROWS + 1 and table["border"] > 0 and table["header_rows"] == 1
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", path.read_bytes()))
    assert pages >= 2, "the table runs over a page"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True)
        assert len(list(tmp_path.glob("page-*.png"))) == pages


def inspect(document: QTextDocument) -> dict[str, Any]:
    code_fonts, prose_fonts, backgrounds = [], [], []
    block = document.begin()
    while block.isValid():
        text = block.text().strip()
        in_table = _in_table(document, block.position())
        fixed = QFontInfo(block.charFormat().font()).fixedPitch() if text else None
        if fragments := _fragment_formats(block):
            fixed = all(QFontInfo(fmt.font()).fixedPitch() for fmt in fragments)
        if text and (CODE.splitlines()[0] in text or "return f'hello" in text):
            code_fonts.append(fixed)
        elif text in ("First paragraph.", "Second paragraph.", "One.", "Two.", "After the table."):
            prose_fonts.append(fixed)
            if block.blockFormat().background().style().name != "NoBrush":
                backgrounds.append(text)
        elif text and not in_table and block.blockFormat().background().style().name != "NoBrush":
            backgrounds.append(text)
        block = block.next()
    tables = [
        {
            "rows": frame.rows(),
            "border": frame.format().border(),
            "header_rows": frame.format().headerRowCount(),
        }
        for frame in document.rootFrame().childFrames()
        if isinstance(frame, QTextTable) and frame.rows() > 10
    ]
    return {
        "code_fonts": code_fonts,
        "prose_fonts": prose_fonts,
        "backgrounds": backgrounds,
        "tables": tables,
    }


def _fragment_formats(block: Any) -> list[Any]:
    formats = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid() and fragment.text().strip():
            formats.append(fragment.charFormat())
        iterator += 1
    return formats


def _in_table(document: QTextDocument, position: int) -> bool:
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    return cursor.currentTable() is not None
