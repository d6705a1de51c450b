"""The list of conversations: newest first, pinned on top, filtered as you type (titles and tags,
`tag:work`: see `core.model.conversation_filter`), renamed in place, tags shown beside the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from core.model.conversation_filter import ConversationFilter
from gui.theme.icons import icon

if TYPE_CHECKING:
    from core.model.conversation import ConversationSummary

Index = QModelIndex | QPersistentModelIndex


class ConversationModel(QAbstractListModel):
    renamed = Signal(int, str)
    IdRole = Qt.ItemDataRole.UserRole + 1
    PinnedRole = Qt.ItemDataRole.UserRole + 2
    TagsRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ConversationSummary] = []

    def set_rows(self, rows: list[ConversationSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, conversation_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == conversation_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title or self.tr("New conversation")
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("pin") if row.pinned else None
        if role == Qt.ItemDataRole.EditRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title + "".join(f"\n#{tag}" for tag in row.tags)
        if role == self.TagsRole:
            return list(row.tags)
        if role == self.IdRole:
            return row.id
        if role == self.PinnedRole:
            return row.pinned
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        title = str(value).strip()
        if role != Qt.ItemDataRole.EditRole or not title:
            return False
        self.renamed.emit(self._rows[index.row()].id, title)
        return True


class ConversationFilterProxy(QSortFilterProxyModel):
    """Keeps the rows the filter box's text matches, titles and tags alike."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = ConversationFilter()

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._filter = ConversationFilter.parse(text)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        title = str(index.data(Qt.ItemDataRole.EditRole) or "")
        return self._filter.matches(title, index.data(ConversationModel.TagsRole) or [])


class TagsDelegate(QStyledItemDelegate):
    """The title, then the conversation's tags in a quieter colour at the right (the title gives way)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        tags = index.data(ConversationModel.TagsRole) or []
        if not tags:
            super().paint(painter, option, index)
            return
        text = "  ".join(f"#{tag}" for tag in tags)
        metrics = option.fontMetrics
        room = max(option.rect.width() // 2, 0)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        width = metrics.horizontalAdvance(shown) + 8
        title = QStyleOptionViewItem(option)
        self.initStyleOption(title, index)
        title.rect = option.rect.adjusted(0, 0, -width, 0)
        style = option.widget.style() if option.widget else QApplication.style()
        # The whole row's background first (selection, hover), then the title in what is left.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, title, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        painter.save()
        painter.setPen(option.palette.color(group))
        area = option.rect.adjusted(option.rect.width() - width, 0, -4, 0)
        painter.drawText(area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown)
        painter.restore()


class ConversationList(QWidget):
    conversationSelected = Signal(int)
    newRequested = Signal()
    renameRequested = Signal(int, str)
    pinRequested = Signal(int, bool)
    deleteRequested = Signal(int)
    undoDeleteRequested = Signal(int)
    tagsRequested = Signal(int)
    """Edit the tags of the conversation with this id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ConversationModel()
        self.model.renamed.connect(self.renameRequested)
        self.proxy = ConversationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._deleted_id: int | None = None
        self.context_menu: QMenu | None = None

        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.newRequested)
        self.filter_box = QLineEdit(self)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(TagsDelegate(self.view))
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setUniformItemSizes(True)
        self.view.setEditTriggers(
            QListView.EditTrigger.EditKeyPressed | QListView.EditTrigger.SelectedClicked
        )
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.undo_bar = QLabel(self)
        self.undo_bar.linkActivated.connect(self._undo)
        self.undo_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.undo_bar)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New"))
        self.new_button.setToolTip(self.tr("New conversation (Ctrl+N)"))
        self.filter_box.setPlaceholderText(self.tr("Filter conversations"))
        self.filter_box.setToolTip(
            self.tr("Matches titles and tags; tag:work keeps only the conversations tagged “work”.")
        )
        self.filter_box.setAccessibleName(self.tr("Filter conversations"))
        self.filter_box.setAccessibleDescription(
            self.tr("Shows only the conversations whose title or tags match this text")
        )
        self.view.setAccessibleName(self.tr("Conversations"))
        self.view.setAccessibleDescription(
            self.tr("Newest first, pinned on top. F2 renames the selected one.")
        )

    def set_conversations(self, rows: list[ConversationSummary], current_id: int | None) -> None:
        blocker = self.view.selectionModel().blockSignals(True)
        self.model.set_rows(rows)
        if current_id is not None:
            self.select(current_id)
        self.view.selectionModel().blockSignals(blocker)

    def select(self, conversation_id: int) -> None:
        row = self.model.row_of(conversation_id)
        if row >= 0:
            self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row)))

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return None if not index.isValid() else int(index.data(ConversationModel.IdRole))

    def show_deleted(self, conversation_id: int, title: str) -> None:
        self._deleted_id = conversation_id
        self.undo_bar.setText(
            self.tr('Deleted "{title}". <a href="undo">Undo</a>').format(title=title.replace("<", "&lt;"))
        )
        self.undo_bar.show()

    def _undo(self, _link: str) -> None:
        if self._deleted_id is not None:
            self.undoDeleteRequested.emit(self._deleted_id)
        self._deleted_id = None
        self.undo_bar.hide()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.conversationSelected.emit(int(current.data(ConversationModel.IdRole)))

    def _menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        conversation_id = int(index.data(ConversationModel.IdRole))
        pinned = bool(index.data(ConversationModel.PinnedRole))
        menu = QMenu(self)
        rename = QAction(self.tr("Rename"), menu)
        rename.triggered.connect(lambda: self.view.edit(index))
        pin = QAction(icon("pin"), self.tr("Unpin") if pinned else self.tr("Pin"), menu)
        pin.triggered.connect(lambda: self.pinRequested.emit(conversation_id, not pinned))
        tags = QAction(self.tr("Tags…"), menu)
        tags.triggered.connect(lambda: self.tagsRequested.emit(conversation_id))
        delete = QAction(self.tr("Delete"), menu)
        delete.triggered.connect(lambda: self.deleteRequested.emit(conversation_id))
        menu.addActions([rename, pin, tags])
        for tag in index.data(ConversationModel.TagsRole) or []:
            only = QAction(self.tr("Show only #{tag}").format(tag=tag), menu)
            only.triggered.connect(lambda _checked=False, t=tag: self.filter_by_tag(t))
            menu.addAction(only)
        menu.addSeparator()
        menu.addAction(delete)
        self.context_menu = menu
        menu.popup(self.view.viewport().mapToGlobal(position))

    def filter_by_tag(self, tag: str) -> None:
        """Keep only the conversations with this tag (the filter box says so, and clearing it undoes it)."""
        self.filter_box.setText(f'tag:"{tag}"' if " " in tag else f"tag:{tag}")

    def tags_of(self, conversation_id: int) -> list[str]:
        row = self.model.row_of(conversation_id)
        return [] if row < 0 else list(self.model.index(row).data(ConversationModel.TagsRole) or [])
