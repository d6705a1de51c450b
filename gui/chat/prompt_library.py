"""The prompt library: saved prompts with `{{variables}}`, inserted by typing "/" at the start of the
composer.

Typing "/" first opens a list of saved prompts over the composer, filtered by what follows the slash (titles
and texts). Up and Down choose, Enter or Tab or a click inserts, Esc closes it (the slash stays, as typed).
A prompt with variables first asks for their values in a small form; the composer then holds the filled
text, ready to edit or send. "Manage prompts…" (in the list and in the View menu) adds, edits and deletes.

It hooks onto the composer's editor from outside (an event filter and its textChanged signal), so the
composer knows nothing of it; its filter runs before the composer's, so Enter picks a prompt while the
list shows instead of sending.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.model.saved_prompt import SavedPrompt, fill, variables
from core.store.services import PromptService
from gui.tasks import TaskKeeper

_MANAGE = -1
"""The id of the list's last row, "Manage prompts…"."""
_VISIBLE_ROWS = 8


class PromptPopup(QListWidget):
    """The list shown over the composer. It never takes the focus: the composer keeps it while typing."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("promptPopup")
        self.setAccessibleName(self.tr("Saved prompts"))
        self.setAccessibleDescription(
            self.tr("Up and Down choose a prompt, Enter inserts it, Esc closes the list")
        )
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.hide()

    def show_prompts(self, prompts: list[SavedPrompt], manage_text: str, empty_text: str) -> None:
        self.clear()
        for prompt in prompts:
            item = QListWidgetItem(prompt.title, self)
            item.setData(Qt.ItemDataRole.UserRole, prompt.id)
            item.setToolTip(prompt.body)
        if not prompts:
            hint = QListWidgetItem(empty_text, self)
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
        manage = QListWidgetItem(manage_text, self)
        manage.setData(Qt.ItemDataRole.UserRole, _MANAGE)
        self.setCurrentRow(0 if prompts else self.count() - 1)

    def move_selection(self, step: int) -> None:
        rows = [row for row in range(self.count()) if self.item(row).flags() & Qt.ItemFlag.ItemIsEnabled]
        if not rows:
            return
        here = rows.index(self.currentRow()) if self.currentRow() in rows else 0
        self.setCurrentRow(rows[(here + step) % len(rows)])

    def chosen_id(self) -> int | None:
        item = self.currentItem()
        value = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return None if value is None else int(value)

    def place_over(self, editor: QWidget) -> None:
        """Just above the editor's top left corner (below it if there is no room above)."""
        parent = self.parentWidget()
        assert parent is not None
        rows = min(self.count(), _VISIBLE_ROWS)
        height = rows * max(self.sizeHintForRow(0), 18) + 2 * self.frameWidth() + 2
        width = min(max(editor.width(), 240), 460)
        corner = editor.mapTo(parent, QPoint(0, 0))
        top = corner.y() - height if corner.y() >= height else corner.y() + editor.height()
        self.setGeometry(corner.x(), top, width, height)
        self.show()
        self.raise_()


class VariablesDialog(QDialog):
    """One field per variable; OK fills them in."""

    def __init__(self, prompt: SavedPrompt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptVariablesDialog")
        self.setWindowTitle(prompt.title or self.tr("Fill in the prompt"))
        self.prompt = prompt
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in prompt.variables():
            field = QLineEdit(self)
            field.setAccessibleName(name)
            form.addRow(name, field)
            self.fields[name] = field
        intro = QLabel(self.tr("Values for the prompt's variables:"), self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if self.fields:
            next(iter(self.fields.values())).setFocus()
        self.resize(380, self.sizeHint().height())

    def filled(self) -> str:
        return fill(self.prompt.body, {name: field.text() for name, field in self.fields.items()})


class PromptsDialog(QDialog):
    """Add, edit and delete saved prompts. The list on the left; the chosen prompt's title and text on the
    right, saved with Save; the variables the text holds are listed under it."""

    def __init__(self, library: PromptLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptsDialog")
        self._library = library
        self.list = QListWidget(self)
        self.title = QLineEdit(self)
        self.body = QPlainTextEdit(self)
        self.found = QLabel(self)
        self.found.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.title_label = QLabel(self)
        self.body_label = QLabel(self)
        form.addRow(self.title_label, self.title)
        form.addRow(self.body_label, self.body)
        form.addRow("", self.found)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(row)
        panes = QHBoxLayout()
        panes.addWidget(self.list, 1)
        panes.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show_current)
        self.body.textChanged.connect(self._show_variables)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self._editing: int | None = None
        # Enter in the title saves; it never starts a new prompt or deletes one by surprise.
        for button in (self.new_button, self.delete_button):
            button.setAutoDefault(False)
        self.save_button.setDefault(True)
        self.retranslate()
        self.resize(720, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Prompt library"))
        self.list.setAccessibleName(self.tr("Saved prompts"))
        self.title.setAccessibleName(self.tr("Title"))
        self.body.setAccessibleName(self.tr("Text"))
        self.title_label.setText(self.tr("Title"))
        self.body_label.setText(self.tr("Text"))
        self.body.setPlaceholderText(
            self.tr("The prompt. Write {{name}} where a value should be asked for when it is used.")
        )
        self.new_button.setText(self.tr("New"))
        self.save_button.setText(self.tr("Save"))
        self.delete_button.setText(self.tr("Delete"))

    def set_prompts(self, prompts: list[SavedPrompt], current: int | None = None) -> None:
        current = self._editing if current is None else current
        self.list.blockSignals(True)
        self.list.clear()
        for prompt in prompts:
            item = QListWidgetItem(prompt.title, self.list)
            item.setData(Qt.ItemDataRole.UserRole, prompt.id)
            if prompt.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is not None:
            self._show_current(self.list.currentRow())
        elif current is None or not prompts:
            self.start_new()

    def start_new(self) -> None:
        self.list.setCurrentRow(-1)
        self._editing = None
        self.title.clear()
        self.body.clear()
        self.delete_button.setEnabled(False)
        self.title.setFocus()

    def save(self) -> None:
        title, body = self.title.text().strip(), self.body.toPlainText()
        if not body.strip():
            self.found.setText(self.tr("Write the prompt's text first."))
            return
        self._library.save(SavedPrompt(self._editing, title or body.strip().splitlines()[0][:60], body))

    def delete(self) -> None:
        if self._editing is not None:
            self._library.delete(self._editing)
            self._editing = None

    def saved(self, prompt: SavedPrompt) -> None:
        self._editing = prompt.id

    def _show_current(self, row: int) -> None:
        item = self.list.item(row)
        prompt = None if item is None else self._library.prompt(int(item.data(Qt.ItemDataRole.UserRole)))
        if prompt is None:
            return
        self._editing = prompt.id
        self.title.setText(prompt.title)
        self.body.setPlainText(prompt.body)
        self.delete_button.setEnabled(True)

    def _show_variables(self) -> None:
        names = variables(self.body.toPlainText())
        self.found.setText(
            self.tr("Asks for: {names}").format(names=", ".join(names)) if names else self.tr("No variables.")
        )


class PromptLibrary(QObject):
    """Holds the saved prompts, watches the composer for "/" and manages the dialogs."""

    def __init__(
        self,
        editor: QPlainTextEdit,
        service: PromptService,
        tasks: TaskKeeper,
        menu: QMenu,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._editor = editor
        self._service = service
        self._tasks = tasks
        self._window = window
        self._prompts: list[SavedPrompt] = []
        self._dismissed = False
        self.popup = PromptPopup(window)
        self.popup.itemClicked.connect(lambda _item: self._choose())
        self.dialog: PromptsDialog | None = None
        self.variables_dialog: VariablesDialog | None = None
        self.manage_action = QAction(self)
        self.manage_action.triggered.connect(self.manage)
        menu.addAction(self.manage_action)
        editor.installEventFilter(self)
        editor.textChanged.connect(self._text_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.manage_action.setText(self.tr("Prompt library…"))
        self.popup.setAccessibleName(self.tr("Saved prompts"))

    async def load(self) -> None:
        self._prompts = await self._service.all()
        if self.dialog is not None:
            self.dialog.set_prompts(self._prompts)

    def prompts(self) -> list[SavedPrompt]:
        return list(self._prompts)

    def prompt(self, prompt_id: int) -> SavedPrompt | None:
        return next((p for p in self._prompts if p.id == prompt_id), None)

    # -- the popup ---------------------------------------------------------------------------------------

    def _query(self) -> str | None:
        """What follows a "/" that starts the composer's single line; None when the popup has no place."""
        text = self._editor.toPlainText()
        if not text.startswith("/") or "\n" in text:
            return None
        return text[1:]

    def _text_changed(self) -> None:
        query = self._query()
        if query is None:
            self._dismissed = False
            self.popup.hide()
            return
        if self._dismissed:
            return
        needle = query.strip().casefold()
        matching = [p for p in self._prompts if needle in p.title.casefold() or needle in p.body.casefold()]
        if needle and not matching:
            self.popup.hide()  # a path like "/etc/hosts" is text to send: Enter sends it
            return
        self.popup.show_prompts(matching, self.tr("Manage prompts…"), self.tr("No saved prompts yet."))
        self.popup.place_over(self._editor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._editor and event.type() == QEvent.Type.KeyPress and self.popup.isVisible():
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.popup.move_selection(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self._choose()
                return True
            if key == Qt.Key.Key_Escape:
                self._dismissed = True
                self.popup.hide()
                return True
        if watched is self._editor and event.type() == QEvent.Type.FocusOut:
            self.popup.hide()
        return super().eventFilter(watched, event)

    def _choose(self) -> None:
        chosen = self.popup.chosen_id()
        self.popup.hide()
        if chosen == _MANAGE:
            self._dismissed = True
            self.manage()
            return
        prompt = None if chosen is None else self.prompt(chosen)
        if prompt is None:
            return
        if not prompt.variables():
            self._insert(prompt.body)
            return
        dialog = VariablesDialog(prompt, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._insert(dialog.filled()))
        dialog.destroyed.connect(self._forget_variables)
        self.variables_dialog = dialog
        self._dismissed = True
        dialog.open()

    def _forget_variables(self) -> None:
        self.variables_dialog = None

    def _insert(self, text: str) -> None:
        """The prompt replaces the "/filter" typed; the cursor goes to its end, ready to edit or send."""
        self._dismissed = True
        self._editor.setPlainText(text)
        self._editor.moveCursor(QTextCursor.MoveOperation.End)
        self._editor.setFocus()

    # -- managing ----------------------------------------------------------------------------------------

    def manage(self) -> PromptsDialog:
        if self.dialog is None:
            self.dialog = PromptsDialog(self, self._window)
        self.dialog.set_prompts(self._prompts)
        self.dialog.show()
        return self.dialog

    def save(self, prompt: SavedPrompt) -> None:
        self._tasks.start(self._save(prompt))

    async def _save(self, prompt: SavedPrompt) -> None:
        saved = await self._service.save(prompt)
        if self.dialog is not None:
            self.dialog.saved(saved)
        await self.load()

    def delete(self, prompt_id: int) -> None:
        self._tasks.start(self._delete(prompt_id))

    async def _delete(self, prompt_id: int) -> None:
        await self._service.delete(prompt_id)
        await self.load()
