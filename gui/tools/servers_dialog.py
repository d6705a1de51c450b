"""Tools -> MCP servers…: add, edit, enable or disable and remove MCP servers, see each one's live status
(starting, ready with its tools, failed with the reason and the last lines it wrote, restarting) with
Restart, and browse its tools: description, input schema and annotations.

Edits are drafts until Save, which hands them over (`serversSaved`) and keeps the dialog open, so the
status of what was saved shows as the servers start. Closing with unsaved edits asks first. Statuses and
tool lists arrive from outside (`show_status`, `show_tools`): the dialog never talks to a server.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.model.tools import ServerConfig, ServerState, ServerStatus, ToolSpec
from gui.tools.server_form import ServerDraft, ServerForm, draft_problems
from gui.tools.words import annotation_texts, state_symbol, state_text
from gui.widgets.json_edit import ERROR_COLOR
from gui.widgets.screen_fit import fit_to_screen


@dataclass
class _Entry:
    """One server in the list: its draft, and the name it was saved under (None for a new one)."""

    draft: ServerDraft
    saved_as: str | None


@dataclass(frozen=True)
class ServerEdit:
    """A server as saved from the dialog."""

    draft: ServerDraft
    previous_name: str | None
    """The name it had before this save (so its secrets and rules follow a rename); None when new."""


class ServersDialog(QDialog):
    """Signals:
    serversSaved(list, list): the servers as `ServerEdit`s, and the names of the servers removed.
    restartRequested(str): the user asked to restart a saved server.
    importRequested: the user asked to import servers (answered with `add_drafts`).
    exportRequested(list): the saved servers (`ServerConfig`s) to export.
    """

    serversSaved = Signal(list, list)
    restartRequested = Signal(str)
    importRequested = Signal()
    exportRequested = Signal(list)

    def __init__(
        self,
        servers: Sequence[ServerConfig],
        statuses: Sequence[ServerStatus],
        tools: Mapping[str, Sequence[ToolSpec]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MCP servers"))
        self._entries = [_Entry(ServerDraft(config), config.name) for config in servers]
        self._saved = [replace(entry) for entry in self._entries]
        self._removed: list[str] = []
        self._statuses = {status.name: status for status in statuses}
        self._tools = {name: list(specs) for name, specs in tools.items()}
        self._row = -1
        self._discarding = False
        self._before_save: tuple[list[_Entry], list[_Entry], list[str]] | None = None
        self.unsaved_box: QMessageBox | None = None
        self._build()
        for _ in self._entries:
            self.server_list.addItem(QListWidgetItem())
        self._refresh_list()
        self.server_list.currentRowChanged.connect(self._row_changed)
        self.server_list.setCurrentRow(0 if self._entries else -1)
        self._update_enabled()
        fit_to_screen(self, QSize(900, 620))  # smaller on a small screen

    # --- building -------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.server_list = QListWidget(self)
        self.server_list.setAccessibleName(self.tr("MCP servers"))
        self.server_list.setAccessibleDescription(self.tr("The server whose settings are shown on the right"))
        self.add_button = self._button(self.tr("Add"), self.tr("Adds a new server"), self._add)
        self.remove_button = self._button(
            self.tr("Remove"), self.tr("Removes the selected server when you save"), self._remove
        )
        self.import_button = self._button(
            self.tr("Import…"),
            self.tr("Adds servers from Claude desktop's or VS Code's configuration, or from pasted JSON"),
            self.importRequested,
        )
        self.export_button = self._button(
            self.tr("Export…"),
            self.tr("Saves the servers as mcpServers JSON; secret values are left out"),
            lambda: self.exportRequested.emit([entry.draft.config for entry in self._saved]),
        )
        left = QVBoxLayout()
        left.addWidget(self.server_list)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        left.addLayout(row)
        left_widget = QWidget(self)
        left_widget.setLayout(left)

        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stderr = QPlainTextEdit(self)
        self.stderr.setReadOnly(True)
        self.stderr.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.stderr.setMaximumHeight(110)
        self.stderr.setAccessibleName(self.tr("Server's last messages"))
        self.stderr.setAccessibleDescription(self.tr("The last lines the server wrote to its error output"))
        self.restart_button = self._button(
            self.tr("Restart"), self.tr("Stops the server and starts it again"), self._restart
        )
        status_row = QHBoxLayout()
        status_row.addWidget(self.state, 1)
        status_row.addWidget(self.restart_button, 0, Qt.AlignmentFlag.AlignTop)

        self.form = ServerForm(self)
        self.form.changed.connect(self._form_changed)
        self.tool_tree = QTreeWidget(self)
        self.tool_tree.setHeaderLabels([self.tr("Tool"), self.tr("Description")])
        self.tool_tree.setRootIsDecorated(False)
        self.tool_tree.setAccessibleName(self.tr("Tools"))
        self.tool_tree.setAccessibleDescription(self.tr("The tools the server offers"))
        self.tool_tree.currentItemChanged.connect(self._show_tool)
        self.tool_detail = QPlainTextEdit(self)
        self.tool_detail.setReadOnly(True)
        self.tool_detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.tool_detail.setAccessibleName(self.tr("Tool details"))
        self.tool_detail.setAccessibleDescription(
            self.tr("The selected tool's description, annotations and input schema")
        )
        tools_page = QSplitter(Qt.Orientation.Vertical, self)
        tools_page.addWidget(self.tool_tree)
        tools_page.addWidget(self.tool_detail)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form, self.tr("Settings"))
        self.tabs.addTab(tools_page, self.tr("Tools"))

        right = QVBoxLayout()
        right.addLayout(status_row)
        right.addWidget(self.detail)
        right.addWidget(self.stderr)
        right.addWidget(self.tabs, 1)
        right_widget = QWidget(self)
        right_widget.setLayout(right)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 3)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOR}")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _button(self, text: str, description: str, slot: Callable[[], None] | SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleDescription(description)
        button.clicked.connect(slot)
        return button

    # --- what arrives from the servers ---------------------------------------------------------------

    def show_status(self, status: ServerStatus) -> None:
        self._statuses[status.name] = status
        self._refresh_list()
        self._show_status()

    def show_tools(self, server: str, tools: Sequence[ToolSpec]) -> None:
        self._tools[server] = list(tools)
        if self._current() is not None and self._current_saved_name() == server:
            self._fill_tools()

    # --- the list ------------------------------------------------------------------------------------

    def _current(self) -> _Entry | None:
        return self._entries[self._row] if 0 <= self._row < len(self._entries) else None

    def _current_saved_name(self) -> str | None:
        entry = self._current()
        return entry.saved_as if entry is not None else None

    def _refresh_list(self) -> None:
        for row, entry in enumerate(self._entries):
            item = self.server_list.item(row)
            status = self._statuses.get(entry.saved_as) if entry.saved_as else None
            name = entry.draft.config.name or self.tr("(unnamed)")
            state = status.state if status is not None else None
            if not entry.draft.config.enabled:
                state = ServerState.DISABLED
            item.setText(f"{state_symbol(state)}  {name}")

    def _row_changed(self, row: int) -> None:
        self._store_form()
        self._row = row
        entry = self._current()
        if entry is not None:
            self.form.load(entry.draft.config)
            self._show_problems()
        self._show_status()
        self._fill_tools()
        self._update_enabled()

    def _store_form(self) -> None:
        entry = self._current()
        if entry is None:
            return
        before = entry.draft
        draft = self.form.draft()
        # Secrets typed earlier for this server stay, unless retyped or no longer secret.
        kept = {k: v for k, v in before.secrets.items() if k in draft.config.secret_names}
        entry.draft = ServerDraft(draft.config, {**kept, **draft.secrets})

    def _form_changed(self) -> None:
        self._store_form()
        self._refresh_list()
        self._show_problems()
        self._show_status()
        self._update_enabled()

    def _show_problems(self) -> None:
        entry = self._current()
        if entry is None:
            return
        others = {e.draft.config.name for e in self._entries if e is not entry}
        self.form.show_problems(draft_problems(entry.draft, others))

    def _show_status(self) -> None:
        entry = self._current()
        status = self._statuses.get(entry.saved_as) if entry is not None and entry.saved_as else None
        detail, stderr, failed = "", "", False
        if entry is None:
            text = ""
        elif entry.saved_as is None or self._changed(entry):
            text = self.tr("Not saved yet: Save starts it with these settings.")
        elif not entry.draft.config.enabled:
            text = self.tr("Disabled")
        elif status is None:
            text = self.tr("Not started yet.")
        else:
            text = state_text(status)
            detail = status.detail
            stderr = "\n".join(status.stderr_tail)
            failed = status.state is ServerState.FAILED
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {ERROR_COLOR}" if failed else "")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.stderr.setPlainText(stderr)
        self.stderr.setVisible(bool(stderr))

    def _changed(self, entry: _Entry) -> bool:
        saved = next((s for s in self._saved if s.saved_as == entry.saved_as), None)
        return saved is None or saved.draft.config != entry.draft.config or bool(entry.draft.secrets)

    def _fill_tools(self) -> None:
        self.tool_tree.clear()
        self.tool_detail.clear()
        name = self._current_saved_name()
        specs = self._tools.get(name, []) if name else []
        for spec in specs:
            label = spec.name if spec.exposed_name == spec.name else f"{spec.name} → {spec.exposed_name}"
            item = QTreeWidgetItem([label, spec.description.splitlines()[0] if spec.description else ""])
            item.setData(0, Qt.ItemDataRole.UserRole, spec)
            if spec.schema_problem:
                item.setForeground(0, self.palette().placeholderText())
            self.tool_tree.addTopLevelItem(item)
        self.tool_tree.resizeColumnToContents(0)
        self.tabs.setTabText(1, self.tr("Tools (%n)", "", len(specs)) if specs else self.tr("Tools"))
        if (first := self.tool_tree.topLevelItem(0)) is not None:
            self.tool_tree.setCurrentItem(first)

    def _show_tool(self, item: QTreeWidgetItem | None) -> None:
        spec = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(spec, ToolSpec):
            self.tool_detail.clear()
            return
        trusted = next((e.draft.config.trusted for e in self._entries if e.saved_as == spec.server), False)
        lines = [spec.exposed_name]
        if spec.exposed_name != spec.name:
            lines.append(
                self.tr("Offered to the model as {exposed}: another server has a tool named {name}.").format(
                    exposed=spec.exposed_name, name=spec.name
                )
            )
        if spec.description:
            lines += ["", spec.description]
        hints = annotation_texts(spec.annotations)
        if spec.annotations.title:
            hints.insert(0, spec.annotations.title)
        if hints:
            which = (
                self.tr("Annotations") if trusted else self.tr("Annotations (hints only: server not trusted)")
            )
            separator = self.tr(", ", "between a tool's annotations")
            lines += ["", f"{which}: {separator.join(hints)}"]
        if spec.schema_problem:
            lines += [
                "",
                self.tr("Not offered to the model: its input schema is invalid ({problem}).").format(
                    problem=spec.schema_problem
                ),
            ]
        lines += ["", self.tr("Input schema:"), json.dumps(spec.input_schema, indent=2, ensure_ascii=False)]
        self.tool_detail.setPlainText("\n".join(lines))

    def _update_enabled(self) -> None:
        entry = self._current()
        has = entry is not None
        self.form.setEnabled(has)
        self.remove_button.setEnabled(has)
        saved = has and entry is not None and entry.saved_as is not None and entry.draft.config.enabled
        self.restart_button.setEnabled(bool(saved) and entry is not None and not self._changed(entry))
        self.export_button.setEnabled(bool(self._saved))
        self.save_button.setEnabled(self.has_unsaved_changes())

    # --- actions -------------------------------------------------------------------------------------

    def _add(self) -> None:
        self._append([ServerDraft(ServerConfig(name=self._free_name(self.tr("server"))))])
        self.tabs.setCurrentIndex(0)
        self.form.name.setFocus()
        self.form.name.selectAll()

    def _append(self, drafts: list[ServerDraft]) -> None:
        self._store_form()
        for draft in drafts:
            name = draft.config.name
            if name in {e.draft.config.name for e in self._entries}:
                name = self._free_name(name)
            self._entries.append(_Entry(ServerDraft(replace(draft.config, name=name), draft.secrets), None))
            self.server_list.addItem(QListWidgetItem())
        self._refresh_list()
        self.server_list.setCurrentRow(len(self._entries) - 1)
        self._update_enabled()

    def _free_name(self, base: str) -> str:
        taken = {e.draft.config.name for e in self._entries}
        if base not in taken:
            return base
        number = 2
        while f"{base}-{number}" in taken:
            number += 1
        return f"{base}-{number}"

    def _remove(self) -> None:
        entry = self._current()
        if entry is None:
            return
        row = self._row
        if entry.saved_as is not None:
            self._removed.append(entry.saved_as)
        self._row = -1  # the form's contents belong to the removed server: not stored back
        del self._entries[row]
        self.server_list.takeItem(row)
        self.server_list.setCurrentRow(min(row, len(self._entries) - 1))
        if not self._entries:
            self._row_changed(-1)
        self._update_enabled()

    def add_drafts(self, drafts: list[ServerDraft]) -> None:
        """Servers to add (imported), unsaved until Save; a name already in the list gets a number."""
        if drafts:
            self._append(drafts)

    def _restart(self) -> None:
        name = self._current_saved_name()
        if name is not None:
            self.restartRequested.emit(name)

    def has_unsaved_changes(self) -> bool:
        self._store_form()
        if self._removed:
            return True
        if len(self._entries) != len(self._saved):
            return True
        return any(self._changed(entry) for entry in self._entries)

    def save(self) -> bool:
        """Hand the servers over if each can be saved; otherwise show the first one that cannot, with why."""
        self._store_form()
        for row, entry in enumerate(self._entries):
            others = {e.draft.config.name for e in self._entries if e is not entry}
            if draft_problems(entry.draft, others):
                self.server_list.setCurrentRow(row)
                self.tabs.setCurrentIndex(0)
                self._show_problems()
                return False
        edits = [ServerEdit(entry.draft, entry.saved_as) for entry in self._entries]
        removed = [name for name in self._removed if name not in {e.draft.config.name for e in self._entries}]
        self._before_save = (
            [replace(entry) for entry in self._entries],
            list(self._saved),
            list(self._removed),
        )
        self.error.hide()
        self.serversSaved.emit(edits, removed)
        for entry in self._entries:
            if entry.saved_as is not None and entry.saved_as != entry.draft.config.name:
                self._statuses.pop(entry.saved_as, None)
                self._tools.pop(entry.saved_as, None)
            entry.saved_as = entry.draft.config.name
            entry.draft = ServerDraft(entry.draft.config)  # the secrets went to the keyring
        self._saved = [replace(entry) for entry in self._entries]
        self._removed = []
        if (current := self._current()) is not None:
            self.form.load(current.draft.config)
        self._refresh_list()
        self._show_status()
        self._fill_tools()
        self._update_enabled()
        return True

    def show_notice(self, text: str, *, error: bool = False) -> None:
        """A line above the buttons: where the export went, or why it failed."""
        self.error.setText(text)
        self.error.setStyleSheet(f"color: {ERROR_COLOR}" if error else "")
        self.error.show()

    def save_failed(self, reason: str) -> None:
        """What was saved could not all be kept (the keyring refused a secret, the database failed): say why,
        and show the edits as unsaved again, secrets typed included, so Save can be tried again."""
        if self._before_save is not None:
            entries, saved, removed = self._before_save
            self._before_save = None
            self._row = -1
            self._entries, self._saved, self._removed = entries, saved, removed
            row = max(0, min(self.server_list.currentRow(), len(entries) - 1))
            self.server_list.blockSignals(True)
            self.server_list.clear()
            for _ in entries:
                self.server_list.addItem(QListWidgetItem())
            self.server_list.blockSignals(False)
            self._refresh_list()
            self.server_list.setCurrentRow(row if entries else -1)
            self._row_changed(self.server_list.currentRow())
        self.show_notice(self.tr("Not saved: {reason}").format(reason=reason), error=True)

    def done(self, result: int) -> None:
        """Close, Esc and the window's close button end here: with unsaved edits, ask first (without a nested
        event loop: the box answers later)."""
        if self._discarding or not self.has_unsaved_changes():
            super().done(result)
            return
        if self.unsaved_box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to the MCP servers?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda answer: self._answered(QMessageBox.StandardButton(answer), result))
        self.unsaved_box = box
        box.open()

    def _answered(self, answer: QMessageBox.StandardButton, result: int) -> None:
        self.unsaved_box = None
        if answer == QMessageBox.StandardButton.Discard:
            self._discarding = True
            self.done(result)
        elif answer == QMessageBox.StandardButton.Save and self.save():
            super().done(result)
