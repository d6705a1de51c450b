"""Choosing the model and the provider profile a conversation is sent with.

The model list is `core.wire.models_list.merge_with_catalog`: the catalog's models grouped by family, then the
models the provider lists that the catalog does not know, then any model id the user typed.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from core.wire.models_list import DiscoveredModel, PickerModel, merge_with_catalog

_ID_ROLE = Qt.ItemDataRole.UserRole


def short_tokens(count: int) -> str:
    """1_000_000 -> "1M", 200_000 -> "200K", 8_192 -> "8K"."""
    if count >= 1_000_000 and count % 1_000_000 == 0:
        return f"{count // 1_000_000}M"
    if count >= 1000:
        return f"{round(count / 1000)}K"
    return str(count)


class ModelPicker(QWidget):
    """An editable combo box of models. Picking a row or typing an id (Enter, or leaving the box) chooses
    it; an id no list knows becomes a custom entry.

    Signals:
        modelChanged(str): the user chose another model id. `set_model_id` does not emit it.
    """

    modelChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._discovered: list[DiscoveredModel] = []
        self._custom: list[str] = []
        self._rows: dict[str, PickerModel] = {}
        self._current = ""
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._line_edit().setPlaceholderText(self.tr("Model, or type a model id"))
        self.combo.setToolTip(self.tr("The model to send to. Type any model id your provider serves."))
        self._items = QStandardItemModel(self)
        self.combo.setModel(self._items)
        self._labels = QStringListModel(self)
        completer = QCompleter(self._labels, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._picked)
        self._line_edit().editingFinished.connect(self._typed)
        completer.activated.connect(self._typed)
        self._rebuild()

    def model_id(self) -> str:
        return self._current

    def set_model_id(self, model_id: str) -> None:
        self._choose(model_id.strip())

    def set_discovered(self, models: list[DiscoveredModel]) -> None:
        """The provider's model list (from `/v1/models`); the chosen model stays chosen."""
        self._discovered = list(models)
        self._rebuild()

    def current_row(self) -> PickerModel | None:
        """What the lists know about the chosen model (its context window, its output ceiling)."""
        return self._rows.get(self._current)

    def _rebuild(self) -> None:
        rows = merge_with_catalog(self._discovered)
        self._rows = {row.id: row for row in rows}
        with QSignalBlocker(self.combo):
            self._items.clear()
            for family, title in (("opus", "Opus"), ("sonnet", "Sonnet"), ("haiku", "Haiku")):
                members = [row for row in rows if row.catalog and row.catalog.family == family]
                self._add_group(title, members)
            self._add_group(self.tr("From this provider"), [row for row in rows if row.catalog is None])
            custom = [model_id for model_id in self._custom if model_id not in self._rows]
            self._add_group(self.tr("Custom"), [self._custom_row(model_id) for model_id in custom])
        self._labels.setStringList([self._label(row) for row in self._rows.values()])
        self._show_current()

    def _add_group(self, title: str, rows: list[PickerModel]) -> None:
        if not rows:
            return
        header = QStandardItem(title)
        header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: neither selectable nor enabled
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        self._items.appendRow(header)
        for row in rows:
            item = QStandardItem(self._label(row))
            item.setData(row.id, _ID_ROLE)
            item.setToolTip(self._tooltip(row))
            self._items.appendRow(item)

    def _custom_row(self, model_id: str) -> PickerModel:
        row = PickerModel(model_id, model_id, None, False, None, None)
        self._rows[model_id] = row
        return row

    def _label(self, row: PickerModel) -> str:
        if row.context_window is None:
            return row.display_name
        return self.tr("{name} — {context} context").format(
            name=row.display_name, context=short_tokens(row.context_window)
        )

    def _tooltip(self, row: PickerModel) -> str:
        lines = [row.id]
        if row.max_output_tokens:
            lines.append(self.tr("Writes up to {count} tokens.").format(count=row.max_output_tokens))
        if self._discovered and not row.listed and row.catalog is not None:
            lines.append(self.tr("This provider's model list does not name it."))
        return "\n".join(lines)

    def _picked(self, index: int) -> None:
        model_id = self.combo.itemData(index, _ID_ROLE)
        if isinstance(model_id, str):
            self._choose(model_id, emit=True)

    def _line_edit(self) -> QLineEdit:
        line_edit = self.combo.lineEdit()
        assert line_edit is not None  # the combo box is editable
        return line_edit

    def _typed(self) -> None:
        text = self._line_edit().text().strip()
        current = self._rows.get(self._current)
        if not text or (current is not None and text == self._label(current)):
            self._show_current()
            return
        match = next((row.id for row in self._rows.values() if text in (row.id, self._label(row))), None)
        self._choose(match or text, emit=True)

    def _choose(self, model_id: str, *, emit: bool = False) -> None:
        changed = model_id != self._current
        self._current = model_id
        if model_id and model_id not in self._rows:
            self._custom.append(model_id)
            self._rebuild()
        else:
            self._show_current()
        if emit and changed:
            self.modelChanged.emit(model_id)

    def _show_current(self) -> None:
        """Select the chosen model's row, so the box shows its label."""
        index = self.combo.findData(self._current, _ID_ROLE) if self._current else -1
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(index)
            if index < 0:
                self.combo.setEditText(self._current)


class ProfilePicker(QComboBox):
    """The provider profile a conversation is sent through.

    Signals:
        profileChanged(str): the user chose another profile, or `set_profiles` removed the chosen one.
    """

    profileChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(self.tr("The provider profile: where requests go and which key they use."))
        self.currentIndexChanged.connect(lambda _index: self.profileChanged.emit(self.currentText()))

    def profile(self) -> str:
        return self.currentText()

    def set_profile(self, name: str) -> None:
        index = self.findText(name)
        if index >= 0:
            with QSignalBlocker(self):
                self.setCurrentIndex(index)

    def set_profiles(self, names: list[str]) -> None:
        previous = self.currentText()
        with QSignalBlocker(self):
            self.clear()
            self.addItems(names)
            if previous in names:
                self.setCurrentIndex(names.index(previous))
        if self.currentText() != previous:
            self.profileChanged.emit(self.currentText())
