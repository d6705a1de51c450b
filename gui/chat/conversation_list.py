"""The list of conversations: newest first, pinned on top, filtered as you type, renamed in place."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.model.conversation import ConversationSummary

Index = QModelIndex | QPersistentModelIndex


class ConversationModel(QAbstractListModel):
    renamed = Signal(int, str)
    IdRole = Qt.ItemDataRole.UserRole + 1
    PinnedRole = Qt.ItemDataRole.UserRole + 2

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
            return ("📌 " if row.pinned else "") + (row.title or self.tr("New conversation"))
        if role == Qt.ItemDataRole.EditRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title
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


class ConversationList(QWidget):
    conversationSelected = Signal(int)
    newRequested = Signal()
    renameRequested = Signal(int, str)
    pinRequested = Signal(int, bool)
    deleteRequested = Signal(int)
    undoDeleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ConversationModel()
        self.model.renamed.connect(self.renameRequested)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.EditRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._deleted_id: int | None = None

        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.newRequested)
        self.filter_box = QLineEdit(self)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView(self)
        self.view.setModel(self.proxy)
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
        self.filter_box.setAccessibleName(self.tr("Filter conversations"))
        self.filter_box.setAccessibleDescription(
            self.tr("Shows only the conversations whose title has this text")
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
        pin = QAction(self.tr("Unpin") if pinned else self.tr("Pin"), menu)
        pin.triggered.connect(lambda: self.pinRequested.emit(conversation_id, not pinned))
        delete = QAction(self.tr("Delete"), menu)
        delete.triggered.connect(lambda: self.deleteRequested.emit(conversation_id))
        menu.addActions([rename, pin, delete])
        menu.popup(self.view.viewport().mapToGlobal(position))
