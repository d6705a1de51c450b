"""Tags of a conversation, edited from the list's context menu: tick the tags already in use, or type new
ones (commas between them). Saved through the store's conversation door; the list then shows them and its
filter finds them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model.conversation_filter import clean_tags, fold
from core.store.services import ConversationService
from gui.chat.conversation_list import ConversationList
from gui.tasks import TaskKeeper


class TagsDialog(QDialog):
    def __init__(self, current: list[str], known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        self.known_label = QLabel(self)
        self.known = QListWidget(self)
        chosen = {fold(tag) for tag in current}
        for tag in clean_tags([*known, *current]):
            item = QListWidgetItem(tag, self.known)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if fold(tag) in chosen else Qt.CheckState.Unchecked)
        self.new_label = QLabel(self)
        self.new_tags = QLineEdit(self)
        self.new_label.setBuddy(self.new_tags)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.known_label)
        layout.addWidget(self.known, 1)
        layout.addWidget(self.new_label)
        layout.addWidget(self.new_tags)
        layout.addWidget(buttons)
        self.known_label.setVisible(self.known.count() > 0)
        self.known.setVisible(self.known.count() > 0)
        self.setWindowTitle(self.tr("Tags"))
        self.known.setAccessibleName(self.tr("Tags in use"))
        self.new_tags.setAccessibleName(self.tr("New tags"))
        self.known_label.setText(self.tr("Tags in use (tick the ones this conversation has):"))
        self.new_label.setText(self.tr("New tags, separated by commas:"))
        self.new_tags.setPlaceholderText(self.tr("e.g. work, ideas"))
        self.new_tags.setFocus()
        if self.known.count():
            self.resize(340, 320)
        else:  # only the line to type in: no room left empty for a list that is not there
            layout.setStretch(1, 0)
            self.resize(340, self.sizeHint().height())

    def tags(self) -> list[str]:
        ticked = [
            self.known.item(row).text()
            for row in range(self.known.count())
            if self.known.item(row).checkState() == Qt.CheckState.Checked
        ]
        typed = self.new_tags.text().replace("，", ",").split(",")
        return clean_tags([*ticked, *typed])


class ConversationTags(QObject):
    """Opens the tags dialog for the conversation the list asks about, and saves what the user chose."""

    def __init__(
        self,
        parent: QWidget,
        conversations: ConversationList,
        service: ConversationService,
        tasks: TaskKeeper,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._list = conversations
        self._service = service
        self._tasks = tasks
        self._changed = changed
        self.dialog: TagsDialog | None = None
        conversations.tagsRequested.connect(lambda i: tasks.start(self.edit(i)))

    async def edit(self, conversation_id: int) -> None:
        known = await self._service.all_tags()
        dialog = TagsDialog(self._list.tags_of(conversation_id), known, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._tasks.start(self.save(conversation_id, dialog.tags())))
        self.dialog = dialog
        dialog.destroyed.connect(self._forget)
        dialog.open()

    async def save(self, conversation_id: int, tags: list[str]) -> None:
        await self._service.set_tags(conversation_id, tags)
        self._changed()

    def _forget(self) -> None:
        self.dialog = None
