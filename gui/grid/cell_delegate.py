"""Painting the grid's cells from pixmaps drawn once, not laid out on every paint.

Qt's own item delegate lays each cell's text out twice per paint (once to find where to cut each line, once
to draw what is left) and draws every glyph: a page of the finished grid is ~90 cells of three lines, ~15 ms
per scroll step. This delegate draws a cell once into a pixmap: its background (the selection, the status
colour or the view's base, a plain colour as the style fills it) and its text cut and laid out the way Qt's
style does it (`QCommonStyle`'s `calculateElidedText` and `viewItemDrawText`); a later paint of the same text,
size, state and background copies the pixmap. The view cuts cells ahead of their first paint
(`GridTableView`) and clears everything when its font, palette or style changes.

What it draws is what Qt's delegate draws, pixel for pixel (tests/gui/grid/test_cell_delegate.py), for text
as the grid shows it: top-aligned lines, not wrapped (the view's word wrap is off), cut at the right, in the
view's font. The cell with the keyboard's focus is drawn by Qt's delegate: the style tints its focus frame
over the text."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPixmap, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gui.grid.table_model import GridTableModel

CACHED_LAYOUTS = 1000
"""Cut texts kept (the least recently drawn go first): a 50 × 6 grid is 300 cells."""

PIXMAP_BYTES = 32 * 1024 * 1024
"""Drawn cells kept (the least recently drawn go first): ~650 cells of 240 × 51 pixels, two pages of them at
twice the pixels per point."""

QUICK_KEYS = 4000
"""Quick keys kept (a 50 × 6 grid's cells in a few states each); all forgotten past this."""

PixmapKey = tuple[str, int, int, int, bool, int, float]
"""A drawn cell: its text, width, height, look, background (opaque, colour) and pixel ratio."""
_NO_KEY: PixmapKey = ("", -1, -1, -1, False, 0, 0.0)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)

LINE_SEPARATOR = "\u2028"
"""How Qt's delegate hands a multi-line text to the style (its newlines replaced)."""


class CellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layouts: OrderedDict[tuple[str, int, int, Qt.LayoutDirection], tuple[QTextLayout, QPointF]] = (
            OrderedDict()
        )
        self._looks: dict[QStyle.StateFlag, _Look] = {}
        self._pixmaps: OrderedDict[PixmapKey, QPixmap] = OrderedDict()
        self._pixmap_bytes = 0
        self._quick: dict[object, PixmapKey] = {}
        """(the model's text and background colour, the view's rectangle size, state and pixel ratio) -> the
        key of the pixmap drawn for them; the palette, font and style are the view's, cleared with it."""
        self._last_key: PixmapKey = _NO_KEY
        self.cuts = 0
        """Texts cut so far (a cell's text is cut once per text, width and font)."""
        self._text_rects: dict[
            tuple[int, int, Qt.LayoutDirection, QStyleOptionViewItem.ViewItemFeature, int], QRect
        ] = {}

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # A cell drawn before is found from what the model says of it and the view's option as given, without
        # copying the option and asking the model for every role (~0.1 ms a cell: a page of 84 cells took
        # ~10 ms of Python, the first paint of a run and every page scrolled to).
        state = option.state
        ratio = painter.device().devicePixelRatio()
        if not state & QStyle.StateFlag.State_HasFocus:
            text, background = _text_and_background(index)
            if text and (background is None or isinstance(background, QColor)):
                rect = option.rect
                quick = (
                    text,
                    rect.width(),
                    rect.height(),
                    state,
                    None if background is None else background.rgba(),
                    ratio,
                )
                drawn = self._pixmaps.get(self._quick.get(quick, _NO_KEY))
                if drawn is not None:
                    painter.drawPixmap(rect.topLeft(), drawn)
                    return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        if widget is None or not opt.text:
            super().paint(painter, option, index)
            return
        look = self._look(opt.state)
        if look.focus:
            # The style draws the focus frame over the text (a tint, in Fusion): the one cell with the
            # keyboard's focus is drawn Qt's own way.
            super().paint(painter, option, index)
            return
        pixmap = self._pixmap(opt, look, widget, ratio)
        if not state & QStyle.StateFlag.State_HasFocus:
            self._remember_quick(option, index, ratio)
        painter.drawPixmap(opt.rect.topLeft(), pixmap)

    def _remember_quick(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, ratio: float
    ) -> None:
        """Note which drawn cell the model's text and background with the view's option stand for (the
        pixmap's key, `_last_key`), for `paint`'s quick path."""
        text, background = _text_and_background(index)
        if background is not None and not isinstance(background, QColor):
            return
        rect = option.rect
        colour = None if background is None else background.rgba()
        quick = (text, rect.width(), rect.height(), option.state, colour, ratio)
        self._quick[quick] = self._last_key
        if len(self._quick) > QUICK_KEYS:
            self._quick.clear()

    def cut_ahead(self, opt: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        """Cut and draw the cell now (`opt` as the view would paint it), so its first paint is a copy."""
        self.initStyleOption(opt, index)
        widget = opt.widget
        if widget is not None and opt.text:
            self._pixmap(opt, self._look(opt.state), widget, widget.devicePixelRatio())

    def _look(self, state: QStyle.StateFlag) -> _Look:
        look = self._looks.get(state)
        if look is None:
            look = self._looks[state] = _Look.of(state)
        return look

    def _pixmap(self, opt: QStyleOptionViewItem, look: _Look, widget: QWidget, ratio: float) -> QPixmap:
        """The cell as the style draws it: its background (the selection, the status colour or the view's
        base: a plain colour) and its text, cut and laid out once, drawn once per colour."""
        rect = opt.rect
        brush = opt.backgroundBrush
        # Cheap to ask on every paint: the cell's text, size, state and background. The palette and the font
        # are the view's: when they change, the view clears everything.
        key = (opt.text, rect.width(), rect.height(), id(look), brush.isOpaque(), brush.color().rgba(), ratio)
        self._last_key = key
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
            return found
        text_rect = self._text_rect(widget.style(), opt)
        if look.selected:
            ground = opt.palette.color(look.group, QPalette.ColorRole.Highlight)
        elif brush.style() != Qt.BrushStyle.NoBrush:
            ground = brush.color()
        else:
            ground = opt.palette.color(look.group, QPalette.ColorRole.Base)
        ink = opt.palette.color(look.group, look.role)
        layout, offset = self._layout(opt, text_rect)
        pixmap = QPixmap(rect.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(ground)
        painter = QPainter(pixmap)
        painter.setPen(ink)
        layout.draw(painter, QPointF(text_rect.topLeft() - rect.topLeft()) + offset)
        painter.end()
        self._pixmaps[key] = pixmap
        self._pixmap_bytes += pixmap.width() * pixmap.height() * 4
        while self._pixmap_bytes > PIXMAP_BYTES and len(self._pixmaps) > 1:
            _, dropped = self._pixmaps.popitem(last=False)
            self._pixmap_bytes -= dropped.width() * dropped.height() * 4
        return pixmap

    def _text_rect(self, style: QStyle, opt: QStyleOptionViewItem) -> QRect:
        """Where the style puts a cell's text, less the margin its text drawing keeps: asked once per cell
        size (the style lays the text out to answer)."""
        rect = opt.rect
        key = (rect.width(), rect.height(), opt.direction, opt.features, id(style))
        found = self._text_rects.get(key)
        if found is None:
            text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, opt.widget) + 1
            text_rect.adjust(margin, 0, -margin, 0)
            found = self._text_rects[key] = text_rect.translated(-rect.topLeft())
        return found.translated(rect.topLeft())

    def clear(self) -> None:
        """Forget every cut text, drawn cell and measured rectangle (the view's font, palette or style
        changed)."""
        self._layouts.clear()
        self._text_rects.clear()
        self._pixmaps.clear()
        self._quick.clear()
        self._pixmap_bytes = 0

    def _layout(self, opt: QStyleOptionViewItem, rect: QRect) -> tuple[QTextLayout, QPointF]:
        key = (opt.text, rect.width(), rect.height(), opt.direction)
        found = self._layouts.get(key)
        if found is not None:
            self._layouts.move_to_end(key)
            return found
        made = _cut_layout(opt, rect)
        self.cuts += 1
        self._layouts[key] = made
        if len(self._layouts) > CACHED_LAYOUTS:
            self._layouts.popitem(last=False)
        return made


def _text_and_background(index: QModelIndex | QPersistentModelIndex) -> tuple[object, object]:
    """The cell's display text and background: from the grid's model in one call, else asked role by role."""
    model = index.model()
    if isinstance(model, GridTableModel):
        return model.cell_look(index.row(), index.column())
    return index.data(_DISPLAY), index.data(_BACKGROUND)


def _cut_layout(opt: QStyleOptionViewItem, rect: QRect) -> tuple[QTextLayout, QPointF]:
    """The text cut to the rectangle as Qt's style cuts it (`calculateElidedText`): each line longer than the
    width elided at its end, the last line that fits elided when less than half the next one would show, lines
    below the rectangle dropped; laid out as the style lays it out. Returns the layout and where to draw it,
    relative to the rectangle's top left."""
    text = opt.text.replace("\n", LINE_SEPARATOR)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.ManualWrap)
    option.setTextDirection(opt.direction)
    option.setAlignment(QStyle.visualAlignment(opt.direction, opt.displayAlignment))
    whole = QTextLayout(text, opt.font)
    whole.setTextOption(option)
    _lay_out(whole, rect.width())
    bounding = whole.boundingRect().size().toSize()
    valign = opt.displayAlignment & Qt.AlignmentFlag.AlignVertical_Mask
    placed = QStyle.alignedRect(Qt.LayoutDirection.LayoutDirectionAuto, valign, bounding, rect)
    start_y = float(placed.top() - rect.top())
    cut = ""
    height = 0.0
    count = whole.lineCount()
    for i in range(count):
        line = whole.lineAt(i)
        height += line.height()
        if height + placed.top() <= rect.top():  # above the rectangle
            start_y += line.height()
            continue
        piece = text[line.textStart() : line.textStart() + line.textLength()]
        too_wide = line.naturalTextWidth() > rect.width()
        elide_last = False
        if not too_wide and i + 1 < count:
            following = int(height + whole.lineAt(i + 1).height() / 2)  # Qt keeps it in an int
            elide_last = following + placed.top() > rect.height() + rect.top()
        if too_wide or elide_last:
            if elide_last:
                piece = piece.removesuffix(LINE_SEPARATOR) + "\u2026"
            cut += QFontMetrics(opt.font).elidedText(piece, opt.textElideMode, rect.width())
            if i < count - 1 and not cut.endswith(LINE_SEPARATOR):
                cut += LINE_SEPARATOR
        else:
            cut += piece
        if height + placed.top() >= rect.bottom() or (
            rect.height() > 0 and height + placed.top() > rect.height() + rect.top()
        ):
            break
    layout = QTextLayout(cut, opt.font)
    layout.setTextOption(option)
    _lay_out(layout, rect.width())
    layout.setCacheEnabled(True)
    return layout, QPointF(0.0, start_y)


def _lay_out(layout: QTextLayout, width: int) -> None:
    """One line per paragraph of the text, each `width` wide, one under the other (`viewItemTextLayout`)."""
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0.0, height))
        height += line.height()
    layout.endLayout()


@dataclass(frozen=True)
class _Look:
    """What a cell's state means for its text: the palette colour the style takes (`QCommonStyle`,
    CE_ItemViewItem), and whether it has the focus frame."""

    group: QPalette.ColorGroup
    role: QPalette.ColorRole
    selected: bool
    focus: bool

    @classmethod
    def of(cls, state: QStyle.StateFlag) -> _Look:
        if not state & QStyle.StateFlag.State_Enabled:
            group = QPalette.ColorGroup.Disabled
        elif not state & QStyle.StateFlag.State_Active:
            group = QPalette.ColorGroup.Inactive
        else:
            group = QPalette.ColorGroup.Normal
        selected = bool(state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        return cls(group, role, selected, bool(state & QStyle.StateFlag.State_HasFocus))
