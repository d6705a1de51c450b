"""PDF through Qt's own writer, from the same self-contained HTML as the HTML export.

Qt's rich text does not read `data:` URIs, so each embedded image is decoded and registered as a document
resource under a short name first. Only QTextDocument, QImage and QPdfWriter are used (no widget, no
pixmap), so this runs in a worker thread and the UI never waits for a long transcript to lay out.
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

_DATA_IMAGE = re.compile(r'src="(data:image/[\w.+-]+;base64,[^"]*)"')
# Qt's rich text has no <details>: its summary would run into the text before it. A label paragraph instead.
_SUMMARY = re.compile(r"<summary>(.*?)</summary>", re.DOTALL)
_RESOURCE_SCHEME = "triptych-pdf"
_MAX_IMAGE_WIDTH = 600


def write_pdf(html_text: str, path: Path) -> None:
    """Lay out `html_text` on A4 pages and write them to `path` (blocking)."""
    document = QTextDocument()
    writer = QPdfWriter(str(path))
    try:
        document.setHtml(_SUMMARY.sub(r"<p><i>\1</i></p>", _with_image_resources(html_text, document)))
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
