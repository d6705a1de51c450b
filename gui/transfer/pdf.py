"""PDF through Qt's own writer, from the same self-contained HTML as the HTML export.

Qt's rich text reads only part of CSS, so the page's stylesheet is swapped for one written for it
(`pdf_html`): a browser draws a turn's background behind the whole card, Qt behind each paragraph apart
(stripes with gaps), so turns have none; code is set in a monospace family by name (Qt does not map the
generic `monospace`); tables get cell borders by attribute, and their header row repeats on each page they
run over. Qt's rich text does not read `data:` URIs either, so each embedded image is decoded and registered
as a document resource under a short name first. Only QTextDocument, QImage and QPdfWriter are
used (no widget, no pixmap), so this runs in a worker thread and the UI never waits for a long transcript to
lay out.
"""

from __future__ import annotations

import base64
import binascii
import html
import re
from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.render.markdown import pygments_css

_DATA_IMAGE = re.compile(r'src="(data:image/[\w.+-]+;base64,[^"]*)"')
# Qt's rich text has no <details>: its summary would run into the text before it. A label paragraph instead.
_SUMMARY = re.compile(r"<summary>(.*?)</summary>", re.DOTALL)
_RESOURCE_SCHEME = "triptych-pdf"
_MAX_IMAGE_WIDTH = 600


_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_PLAIN_TABLE = re.compile(r"<table>")
"""A table of the model's Markdown (the header's facts table has a class and stays without borders)."""
_MONOSPACE_FAMILIES = (
    '"DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", Menlo, Consolas, "Courier New", monospace'
)
_PDF_CSS = """
body { font-family: "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", sans-serif; color: #1d1d1f; }
h1 { font-size: x-large; }
table.facts th { text-align: left; padding-right: 12px; color: #555555; font-weight: 600;
  background-color: #ffffff; }
.turn { margin-top: 14px; }
.role { font-weight: 600; color: #3a4fa0; }
.meta, .facts-line, .tool .label { color: #6b6b76; font-size: small; }
.system { color: #444444; white-space: pre-wrap; }
.thinking-text { color: #555555; white-space: pre-wrap; }
.error { color: #b3261e; }
pre, code { font-family: MONO; }
pre { white-space: pre-wrap; }
th { background-color: #eef0f4; }
"""


def pdf_html(html_text: str) -> str:
    """The HTML export's page as Qt's rich text lays it out well on paper (see the module's note)."""
    # Named, not asked of QFontDatabase: this runs on a worker thread, where the platform's font machinery
    # must not be started (its objects would be destroyed from another thread).
    css = _PDF_CSS.replace("MONO", _MONOSPACE_FAMILIES) + pygments_css(dark=False)
    # A function, not a replacement string: the CSS holds backslashes a template would read.
    page = _STYLE.sub(lambda _match: f"<style>{css}</style>", html_text, count=1)
    page = _PLAIN_TABLE.sub(
        '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse: collapse">', page
    )
    return _SUMMARY.sub(r"<p><i>\1</i></p>", page)


def pdf_document(html_text: str) -> QTextDocument:
    """The document the PDF is printed from (its images registered); the caller owns it."""
    document = QTextDocument()
    document.setHtml(pdf_html(_with_image_resources(html_text, document)))
    return document


def write_pdf(html_text: str, path: Path) -> None:
    """Lay out `html_text` on A4 pages and write them to `path` (blocking)."""
    document = pdf_document(html_text)
    writer = QPdfWriter(str(path))
    try:
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        writer.setCreator("Triptych")
        document.print_(writer)
    finally:
        # Destroyed here, on the worker thread that made them: left to Python, the last reference may go on
        # the UI thread, and a QObject with timers must not be destroyed from another thread.
        shiboken6.delete(writer)
        shiboken6.delete(document)


def _with_image_resources(html_text: str, document: QTextDocument) -> str:
    count = 0

    def register(match: re.Match[str]) -> str:
        nonlocal count
        uri = html.unescape(match.group(1))
        try:
            data = base64.b64decode(uri.split(",", 1)[1], validate=True)
        except (binascii.Error, ValueError):
            return 'src=""'
        image = QImage.fromData(data)
        if image.isNull():
            return 'src=""'
        count += 1
        name = f"{_RESOURCE_SCHEME}:image/{count}"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        # Qt's rich text ignores max-width: a wide image would run off the page.
        width = f' width="{_MAX_IMAGE_WIDTH}"' if image.width() > _MAX_IMAGE_WIDTH else ""
        return f'src="{name}"{width}'

    return _DATA_IMAGE.sub(register, html_text)
