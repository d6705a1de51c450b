"""The app's icons: small SVGs bundled in `resources/icons` (drawn for Triptych), tinted to the palette.

Emoji used as icons (📌, 📄) render as empty boxes on a system without an emoji font, so every icon is an
SVG drawn in one colour and recoloured when painted: the palette's button text (or its disabled or
highlighted text), read at paint time, so an icon follows a switch to the dark theme without being set
again. The window and application icon is `triptych.svg`, with PNG renderings for platforms that want them.
"""

from __future__ import annotations

import base64
from functools import cache, lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from resources import icon_file

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
"""The PNG renderings of the app icon kept in resources/icons/app (`make icons` writes them)."""


@cache
def _svg(name: str) -> bytes:
    return icon_file(f"{name}.svg").read_bytes()


def _ink(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.ButtonText)


def tinted_image(name: str, size: QSize, colour: QColor) -> QImage:
    """The icon `name` drawn at `size` in one colour, on transparency (a copy: the caller may change it)."""
    return QImage(_tinted(name, size.width(), size.height(), colour.rgba()))


@lru_cache(maxsize=256)
def _tinted(name: str, width: int, height: int, rgba: int) -> QImage:
    # Kept: an icon is painted on every repaint of its button or row, and the SVG need not be drawn again.
    image = QImage(QSize(width, height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(_svg(name))).render(painter)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), QColor.fromRgba(rgba))
    painter.end()
    return image


class _TintedEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        size = QSize(max(1, round(rect.width() * ratio)), max(1, round(rect.height() * ratio)))
        image = tinted_image(self._name, size, _ink(mode))
        image.setDevicePixelRatio(ratio)
        painter.drawImage(rect.topLeft(), image)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return QPixmap.fromImage(tinted_image(self._name, size, _ink(mode)))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        image = tinted_image(self._name, size * scale, _ink(mode))
        image.setDevicePixelRatio(scale)
        return QPixmap.fromImage(image)

    def clone(self) -> QIconEngine:
        return _TintedEngine(self._name)

    def key(self) -> str:
        return "triptych-tinted"

    def iconName(self) -> str:
        return self._name

    def isNull(self) -> bool:
        return False


def icon(name: str) -> QIcon:
    """A bundled icon (`pin`, `paperclip`, `file`, `close`) in the palette's text colour when painted."""
    return QIcon(_TintedEngine(name))


def inline_image(name: str, pixels: int, colour: QColor) -> str:
    """An `<img>` of the icon for rich text (a label's chips), as a data URL: Qt's rich text reads those."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs want the format as bytes; PySide6 accepts only a str at run time.
    tinted_image(name, QSize(pixels * 2, pixels * 2), colour).save(buffer, "PNG")  # type: ignore[call-overload]
    encoded = base64.b64encode(bytes(data.data())).decode("ascii")
    return f'<img src="data:image/png;base64,{encoded}" width="{pixels}" height="{pixels}">'


def app_icon_image(size: int) -> QImage:
    """The app icon drawn from its SVG at `size` pixels (the PNGs in resources/icons/app are these)."""
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(_svg("triptych"))).render(painter)
    painter.end()
    return image


def app_icon() -> QIcon:
    """The window and application icon: the PNG renderings, and the SVG for any other size."""
    result = QIcon()
    for size in APP_ICON_SIZES:
        image = QImage()
        if image.loadFromData(icon_file(f"app/triptych-{size}.png").read_bytes(), "PNG"):
            result.addPixmap(QPixmap.fromImage(image))
    if result.isNull():
        result.addPixmap(QPixmap.fromImage(app_icon_image(256)))
    return result
