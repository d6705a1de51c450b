"""Icons through the real window: no emoji or pictograph is used as a control's text (without an emoji font
they render as empty boxes), the controls that had one show a bundled SVG icon tinted to the theme, and the
window has the app's icon."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import qasync
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QWidget,
)

from core.demo import FakeServer
from gui.chat.conversation_list import ConversationModel
from gui.theme.icons import APP_ICON_SIZES, app_icon_image
from gui.theme.scheme import apply_theme
from resources import icon_file
from tests.gui.conftest import run, wait_until
from tests.gui.driver import Running, start

_TAG = re.compile(r"<[^>]*>")


def pictographs(text: str) -> list[str]:
    """Emoji and pictographic symbols: the Supplementary Multilingual Plane's symbols (📌 📄 ✅ …) and the
    BMP's Miscellaneous Symbols and Dingbats blocks (⚠ ✂ ✕ …), which need an emoji or symbol font."""
    return [
        char
        for char in text
        if unicodedata.category(char) == "So" and (ord(char) >= 0x1F000 or 0x2600 <= ord(char) <= 0x27BF)
    ]


def _menu_texts(actions: list[QAction]) -> Iterator[str]:
    for action in actions:
        yield action.text()
        yield action.toolTip()
        if (menu := action.menu()) is not None and isinstance(menu, QMenu):
            yield from _menu_texts(menu.actions())


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for row in range(model.rowCount(QModelIndex())):
        yield str(model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) or "")


def visible_texts(window: QMainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user reads on the window's controls, menus and lists."""
    yield "title", window.windowTitle()
    for widget in window.findChildren(QWidget):
        name = type(widget).__name__
        if isinstance(widget, QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QLabel):
            yield name, _TAG.sub("", widget.text())
        elif isinstance(widget, QLineEdit):
            yield name, widget.text() + widget.placeholderText()
        elif isinstance(widget, QPlainTextEdit):
            yield name, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            yield from ((name, widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView):
            yield from ((name, text) for text in _model_texts(widget))
        yield name, widget.toolTip()
    yield from (("menu", text) for text in _menu_texts(window.menuBar().actions()))


def _ink_lightness(icon: QIcon) -> int:
    """The mean lightness of an icon's drawn (opaque) pixels."""
    image = icon.pixmap(32, 32).toImage()
    values = [
        image.pixelColor(x, y).lightness()
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 128
    ]
    assert values, "the icon draws something"
    return sum(values) // len(values)


def _attach_a_picture(app: Running, folder: Path) -> None:
    picture = folder / "photo.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("green"))
    assert image.save(str(picture))
    app.window.composer.attach([picture])


def test_no_emoji_as_icons_and_bundled_icons_tinted_to_the_theme(
    qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Path, server: FakeServer
) -> None:
    async def body() -> None:
        app = await start(qapp, tmp_path, server)
        window = app.window
        conversation = window.current_conversation()
        assert conversation is not None
        window.conversations.pinRequested.emit(conversation.id, True)  # what its menu's "Pin" does
        model = window.conversations.model
        await wait_until(
            lambda: model.rowCount() == 1 and model.index(0).data(ConversationModel.PinnedRole),
            what="the pinned conversation",
        )
        _attach_a_picture(app, tmp_path)
        await wait_until(lambda: "photo.png" in window.composer.chips.text(), what="the attachment chip")

        found = [(where, text) for where, text in visible_texts(window) if pictographs(text)]
        assert not found, f"pictographs used as text: {found}"

        pin = model.index(0).data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(pin, QIcon) and not pin.isNull() and pin.name() == "pin"
        assert window.composer.attach_button.icon().name() == "paperclip"
        assert window.composer.chips.text().count("<img") == 2, "a file icon and a remove icon"

        try:
            apply_theme(qapp, "dark")
            assert _ink_lightness(window.composer.attach_button.icon()) > 180, "light ink on dark"
            assert _ink_lightness(pin) > 180
            apply_theme(qapp, "light")
            assert _ink_lightness(window.composer.attach_button.icon()) < 80, "dark ink on light"
        finally:
            apply_theme(qapp, "system")

        assert not window.windowIcon().isNull() and not qapp.windowIcon().isNull()
        sizes = {size.width() for size in qapp.windowIcon().availableSizes()}
        assert set(APP_ICON_SIZES) <= sizes
        await app.quit()

    run(qloop, body(), timeout=60)


def test_the_app_icon_pngs_are_renderings_of_its_svg(qapp: QApplication) -> None:
    """`make icons` writes them; an SVG changed without them would leave the old icon on some platforms."""
    for size in APP_ICON_SIZES:
        saved = QImage()
        assert saved.loadFromData(icon_file(f"app/triptych-{size}.png").read_bytes())
        drawn = app_icon_image(size).convertToFormat(saved.format())
        assert (saved.width(), saved.height()) == (size, size)
        assert saved == drawn, f"triptych-{size}.png differs from triptych.svg: run `make icons`"
