"""Formulas in the transcript: drawn off the UI thread, shown as soon as they are drawn.

The transcript's Markdown shows a formula as an image named by `math_url` (its colour, inline or displayed,
its LaTeX). The document asks for it while laying the text out; the first ask starts drawing it on a worker
thread (ziamath lays a formula out as SVG in 0.05-0.3 s of Python) and gets an empty image meanwhile. Once
laid out, the SVG is drawn here, the image given to the document and the blocks that show it laid out
again, in one pass per batch.
"""

from __future__ import annotations

import base64
import binascii
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QRectF, QSize, QTimer, QUrl
from PySide6.QtGui import QFontInfo, QFontMetricsF, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer

if TYPE_CHECKING:
    from core.render.math import MathSvg  # the module (Python-Markdown's extension) loads with a formula

MATH_SCHEME = "triptych-math"
SCALE = 1.15
"""Formulas a little larger than the text: STIX Two's letters are smaller than a UI font's at one size."""
POLL_MS = 30
"""How often the UI thread looks for formulas drawn while some are being drawn."""
log = logging.getLogger(__name__)
_worker: ThreadPoolExecutor | None = None


def math_url(latex: str, display: bool, color: str) -> str:
    """The image name of a formula: everything needed to draw it, so a name is drawn once."""
    encoded = base64.urlsafe_b64encode(latex.encode()).decode()
    return f"{MATH_SCHEME}:{color.lstrip('#')}/{'d' if display else 'i'}/{encoded}"


def _parse(url: QUrl) -> tuple[str, bool, str] | None:
    color, _, rest = url.path().partition("/")
    kind, _, encoded = rest.partition("/")
    try:
        latex = base64.urlsafe_b64decode(encoded.encode()).decode()
    except (binascii.Error, ValueError):
        return None
    return latex, kind == "d", f"#{color}"


def draw(drawn: MathSvg, x_height: float) -> QImage | None:
    """The formula as an image whose baseline sits on the text's when Qt centres it on the line
    (`vertical-align: middle` puts an image's middle x-height/4 above the baseline): padded above or
    below."""
    renderer = QSvgRenderer(QByteArray(drawn.svg.encode()))
    if not renderer.isValid():
        return None
    ascent = drawn.height - drawn.depth
    shift = ascent - drawn.depth - x_height / 2  # > 0: pad below, < 0: pad above
    below, above = max(0.0, shift), max(0.0, -shift)
    width, height = round(drawn.width) + 1, round(drawn.height + above + below) + 1
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, above, drawn.width, drawn.height))
    painter.end()
    return image


class MathImages(QObject):
    """The formula images of one document. The worker thread only lays formulas out as SVG (plain Python,
    no Qt object), and a timer on the UI thread takes what is done: nothing of Qt crosses threads, and a
    transcript closed meanwhile leaves only a finished future behind."""

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._images: dict[str, QImage] = {}
        self._pending: dict[str, tuple[Future[MathSvg | None], float]] = {}
        self._failed: set[str] = set()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._take_drawn)
        pending = self._pending  # not self: the lambda outlives it
        self.destroyed.connect(lambda: [future.cancel() for future, _ in pending.values()])

    @property
    def busy(self) -> bool:
        """Some formula is still being drawn."""
        return bool(self._pending)

    def image(self, url: QUrl) -> QImage | None:
        """The drawn formula, or an empty image while it is drawn (None if it cannot be drawn)."""
        key = url.toString()
        found = self._images.get(key)
        if found is not None:
            return found
        if key in self._failed:
            return None
        if key not in self._pending:
            parsed = _parse(url)
            if parsed is None:
                return None
            latex, display, color = parsed
            font = self._document.defaultFont()
            size = QFontInfo(font).pixelSize() * SCALE
            from core.render.math import math_svg

            global _worker
            if _worker is None:
                _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="math")
            future = _worker.submit(math_svg, latex, display, size, color)
            self._pending[key] = (future, QFontMetricsF(font).xHeight())
            self._poll.start()
        placeholder = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        placeholder.fill(0)
        return placeholder

    def _take_drawn(self) -> None:
        arrived: set[str] = set()
        for key, (future, x_height) in list(self._pending.items()):
            if not future.done():
                continue
            del self._pending[key]
            try:
                drawn = future.result()
                image = draw(drawn, x_height) if drawn is not None else None
            except Exception:  # never lose the transcript to one formula
                log.exception("Drawing a formula failed")
                image = None
            if image is None:
                self._failed.add(key)
                continue
            self._images[key] = image
            self._document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(key), image)
            arrived.add(key)
        if not self._pending:
            self._poll.stop()
        if arrived:
            self._lay_out(arrived)

    def _lay_out(self, names: set[str]) -> None:
        """Lay out again the blocks showing a formula that arrived: one walk over the document."""
        document = self._document
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                char_format = iterator.fragment().charFormat()
                if char_format.isImageFormat() and char_format.toImageFormat().name() in names:
                    document.markContentsDirty(block.position(), block.length())
                    break
                iterator += 1
            block = block.next()
