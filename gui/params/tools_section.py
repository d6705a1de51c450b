"""The parameter panel's tool sections: custom tool definitions as JSON with tool_choice, the MCP servers a
conversation offers the model, and the server tools (web search, web fetch) as forms.

`settings.tools` is one list; the panel shows the first web search and the first web fetch tool as forms
and every other tool in the JSON box. Built back, the JSON tools come first, then web search, then web
fetch. Each section remembers where its tools landed, so an issue about `tools[3]` is shown next to the
control that made tools[3].
"""

from __future__ import annotations

import copy
import re
from typing import Any, TypeGuard

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from core.model.request_settings import RequestSettings, ToolChoice, ToolDefinition
from core.wire.validation import ValidationIssue
from gui.params.sections import ParamSection
from gui.widgets.fields import ChoiceCombo, IssueLabel, join_list, split_list
from gui.widgets.json_edit import JsonEdit

_TOOL_INDEX = re.compile(r"tools\[(\d+)\]")
_WEB_SEARCH = "web_search_"
_WEB_FETCH = "web_fetch_"
DEFAULT_WEB_SEARCH: dict[str, Any] = {"type": "web_search_20250305", "name": "web_search"}
DEFAULT_WEB_FETCH: dict[str, Any] = {"type": "web_fetch_20250910", "name": "web_fetch"}
_TEMPLATE_TOOL: dict[str, Any] = {
    "name": "get_weather",
    "description": "Get the current weather in a city.",
    "input_schema": {
        "type": "object",
        "properties": {"city": {"type": "string", "description": "The city, e.g. Paris"}},
        "required": ["city"],
    },
}


def _is_kind(tool: ToolDefinition, prefix: str) -> TypeGuard[dict[str, Any]]:
    kind = tool.get("type") if isinstance(tool, dict) else None
    return isinstance(kind, str) and kind.startswith(prefix)


def split_tools(tools: list[ToolDefinition]) -> tuple[list[ToolDefinition], dict | None, dict | None]:
    """(tools for the JSON box, the first web search tool, the first web fetch tool)."""
    search = next((tool for tool in tools if _is_kind(tool, _WEB_SEARCH)), None)
    fetch = next((tool for tool in tools if _is_kind(tool, _WEB_FETCH)), None)
    rest = [tool for tool in tools if tool is not search and tool is not fetch]
    return rest, search, fetch


def _tool_index(field: str) -> int | None:
    match = _TOOL_INDEX.match(field)
    return int(match.group(1)) if match else None


def _put(tool: dict[str, Any], key: str, value: Any) -> None:
    """Set a field, or drop it when the control is empty (so the API's default applies)."""
    if value:
        tool[key] = value
    else:
        tool.pop(key, None)


class ToolsSection(ParamSection):
    """Custom tools as a JSON list, and tool_choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("Tools"))
        self._count = 0
        self.tools = JsonEdit(
            "list", self.tr("A JSON list of tool definitions: [{name, description, input_schema}]")
        )
        self.template = QPushButton(self.tr("Add a tool template"), self.body)
        self.template.setAccessibleDescription(self.tr("Adds an example tool definition to edit"))
        self.kind = ChoiceCombo(self.body)
        for text, value in (
            (self.tr("Default (not sent)"), None),
            (self.tr("Auto: the model decides"), "auto"),
            (self.tr("Any: must use a tool"), "any"),
            (self.tr("A specific tool"), "tool"),
            (self.tr("None: no tools"), "none"),
        ):
            self.kind.add_choice(text, value)
        self.name = QComboBox(self.body)
        self.name.setEditable(True)
        name_edit = self.name.lineEdit()
        assert name_edit is not None  # an editable combo box has one
        name_edit.setPlaceholderText(self.tr("Tool name"))
        self.no_parallel = QCheckBox(self.tr("One tool call at a time"), self.body)
        self.no_parallel.setToolTip(self.tr("Sends disable_parallel_tool_use."))
        self.add_field(None, self.tools, "tools")
        self.add_field(None, self.template)
        self.add_field(self.tr("Tool choice"), self.kind, "tool_choice")
        self.add_field(self.tr("Tool name"), self.name, "tool_choice.name")
        self.add_field("", self.no_parallel)
        self.template.clicked.connect(self._add_template)
        self.kind.currentIndexChanged.connect(self._update_enabled)
        for signal in (
            self.tools.valueChanged,
            self.kind.currentIndexChanged,
            self.name.editTextChanged,
            self.no_parallel.toggled,
        ):
            signal.connect(self.changed)
        self._update_enabled()

    def fill(self, settings: RequestSettings) -> None:
        rest, _, _ = split_tools(settings.tools)
        self.tools.set_value(rest or None)
        choice: ToolChoice | dict[str, Any] = settings.tool_choice or {}
        self.kind.set_choice(choice.get("type"))
        self.name.setEditText(choice.get("name", ""))
        self.no_parallel.setChecked(bool(choice.get("disable_parallel_tool_use")))

    def write_into(self, settings: RequestSettings) -> None:
        tools = copy.deepcopy(self.tools.value() or [])
        self._count = len(tools)
        settings.tools.extend(tools)  # the panel writes this section first, so these are tools[0:n]
        kind = self.kind.choice()
        if kind is None:
            settings.tool_choice = None
            return
        choice: dict[str, Any] = {"type": kind}
        if kind == "tool":
            choice["name"] = self.name.currentText().strip()
        if kind != "none" and self.no_parallel.isChecked():
            choice["disable_parallel_tool_use"] = True
        settings.tool_choice = choice  # type: ignore[assignment]  # the TypedDict, built key by key

    def set_tool_names(self, names: list[str]) -> None:
        """The names offered for tool_choice; the typed name is kept."""
        if names == [self.name.itemText(i) for i in range(self.name.count())]:
            return
        text = self.name.currentText()
        self.name.blockSignals(True)
        self.name.clear()
        self.name.addItems(names)
        self.name.setEditText(text)
        self.name.blockSignals(False)

    def label_for(self, field: str) -> IssueLabel | None:
        index = _tool_index(field)
        if index is not None:
            return super().label_for("tools") if index < self._count else None
        return super().label_for(field)

    def json_issues(self) -> list[ValidationIssue]:
        error = self.tools.error()
        if error is None:
            return []
        return [ValidationIssue("tools", self.tr("Tools: {error}").format(error=error))]

    def _add_template(self) -> None:
        if self.tools.error() is not None:
            return  # appending to text that does not parse would bury the mistake
        self.tools.set_value([*(self.tools.value() or []), copy.deepcopy(_TEMPLATE_TOOL)])

    def _update_enabled(self) -> None:
        kind = self.kind.choice()
        self.name.setEnabled(kind == "tool")
        self.no_parallel.setEnabled(kind in ("auto", "any", "tool"))


class McpServersSection(ParamSection):
    """Which MCP servers' tools the conversation offers the model (`settings.mcp_servers`): every enabled
    server (None), or the ones ticked (a list; none ticked offers none). A server named by the settings but
    no longer configured stays in the list, marked, so opening a conversation never drops its choice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("MCP servers"))
        self._servers: list[tuple[str, bool]] = []
        self._chosen: list[str] = []
        self.all = QRadioButton(self.tr("All enabled servers"), self.body)
        self.all.setAccessibleDescription(self.tr("Offers the tools of every enabled MCP server"))
        self.subset = QRadioButton(self.tr("Only these:"), self.body)
        self.subset.setAccessibleDescription(self.tr("Offers only the tools of the servers ticked below"))
        self._group = QButtonGroup(self)
        self._group.addButton(self.all)
        self._group.addButton(self.subset)
        self.server_list = QListWidget(self.body)
        self.server_list.setAccessibleName(self.tr("MCP servers offered"))
        self.server_list.setAccessibleDescription(
            self.tr("Tick the servers whose tools this conversation offers")
        )
        self.server_list.setMaximumHeight(110)
        self.none_yet = QLabel(self.tr("No MCP servers yet: Tools → MCP servers… adds one."), self.body)
        self.none_yet.setWordWrap(True)
        self.add_field(None, self.none_yet)
        self.add_field(None, self.all)
        self.add_field(None, self.subset)
        self.add_field(None, self.server_list, "mcp_servers")
        self.all.setChecked(True)
        self.all.toggled.connect(self._mode_changed)
        self.server_list.itemChanged.connect(self._ticked)
        self._rebuild()

    def set_servers(self, servers: list[tuple[str, bool]]) -> None:
        """The configured servers, (name, enabled), in their order. Keeps what the conversation chose."""
        if servers == self._servers:
            return
        self._chosen = self._ticked_names() if self.subset.isChecked() else self._chosen
        self._servers = list(servers)
        self._rebuild()

    def fill(self, settings: RequestSettings) -> None:
        chosen = settings.mcp_servers
        self._chosen = list(chosen or [])
        self.all.blockSignals(True)
        self.subset.blockSignals(True)
        (self.all if chosen is None else self.subset).setChecked(True)
        self.all.blockSignals(False)
        self.subset.blockSignals(False)
        self._rebuild()

    def write_into(self, settings: RequestSettings) -> None:
        settings.mcp_servers = None if self.all.isChecked() else self._ticked_names()

    def _ticked_names(self) -> list[str]:
        names = []
        for row in range(self.server_list.count()):
            item = self.server_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(item.data(Qt.ItemDataRole.UserRole))
        return names

    def _rebuild(self) -> None:
        self.server_list.blockSignals(True)
        self.server_list.clear()
        known = {name for name, _ in self._servers}
        rows = [*self._servers, *((name, False) for name in self._chosen if name not in known)]
        for name, enabled in rows:
            if name not in known:
                text = self.tr("{name} (not configured)").format(name=name)
            elif not enabled:
                text = self.tr("{name} (disabled)").format(name=name)
            else:
                text = name
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in self._chosen else Qt.CheckState.Unchecked)
            self.server_list.addItem(item)
        self.server_list.blockSignals(False)
        has_rows = bool(rows)
        self.none_yet.setVisible(not has_rows)
        self.all.setVisible(has_rows)
        self.subset.setVisible(has_rows)
        self.server_list.setVisible(has_rows)
        self.server_list.setEnabled(self.subset.isChecked())

    def _mode_changed(self) -> None:
        self.server_list.setEnabled(self.subset.isChecked())
        self.changed.emit()

    def _ticked(self) -> None:
        self._chosen = self._ticked_names()
        self.changed.emit()


class ServerToolsSection(ParamSection):
    """Web search and web fetch, which Anthropic's servers run. Fields the form does not show (a newer tool
    version, cache_control, region) are kept from the loaded definition."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("Server tools"))
        self._search_base = dict(DEFAULT_WEB_SEARCH)
        self._fetch_base = dict(DEFAULT_WEB_FETCH)
        self._indexes: dict[str, int | None] = {"web_search": None, "web_fetch": None}
        self.search = QCheckBox(self.tr("Web search"), self.body)
        self.allowed = self._line(self.tr("Only these domains, e.g. example.com, docs.python.org"))
        self.blocked = self._line(self.tr("Never these domains"))
        self.max_uses = self._count_spin(1_000, 1)
        self.city = self._line(self.tr("City"))
        self.country = self._line(self.tr("Country code, e.g. US"))
        location = QWidget(self.body)
        row = QHBoxLayout(location)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.city, 2)
        row.addWidget(self.country, 1)
        self.fetch = QCheckBox(self.tr("Web fetch"), self.body)
        self.citations = QCheckBox(self.tr("Cite the fetched pages"), self.body)
        self.max_content = self._count_spin(10_000_000, 1000)
        self.add_field(None, self.search, "web_search")
        self.add_field(self.tr("Allowed domains"), self.allowed, "web_search.allowed_domains")
        self.add_field(self.tr("Blocked domains"), self.blocked, "web_search.blocked_domains")
        self.add_field(self.tr("Max searches"), self.max_uses, "web_search.max_uses")
        self.add_field(self.tr("User location"), location, "web_search.user_location")
        self.add_field(None, self.fetch, "web_fetch")
        self.add_field("", self.citations, "web_fetch.citations")
        self.add_field(self.tr("Max content tokens"), self.max_content, "web_fetch.max_content_tokens")
        self.search.toggled.connect(self._update_enabled)
        self.fetch.toggled.connect(self._update_enabled)
        for signal in (self.search.toggled, self.fetch.toggled, self.citations.toggled):
            signal.connect(self.changed)
        for line in (self.allowed, self.blocked, self.city, self.country):
            line.textChanged.connect(self.changed)
        for spin in (self.max_uses, self.max_content):
            spin.valueChanged.connect(self.changed)
        self._update_enabled()

    def _line(self, placeholder: str) -> QLineEdit:
        line = QLineEdit(self.body)
        line.setPlaceholderText(placeholder)
        return line

    def _count_spin(self, maximum: int, step: int) -> QSpinBox:
        spin = QSpinBox(self.body)
        spin.setRange(0, maximum)
        spin.setSingleStep(step)
        spin.setSpecialValueText(self.tr("No limit"))
        return spin

    def fill(self, settings: RequestSettings) -> None:
        _, search, fetch = split_tools(settings.tools)
        self._search_base = copy.deepcopy(search) if search else dict(DEFAULT_WEB_SEARCH)
        self._fetch_base = copy.deepcopy(fetch) if fetch else dict(DEFAULT_WEB_FETCH)
        base = self._search_base
        self.search.setChecked(search is not None)
        self.allowed.setText(join_list(base.get("allowed_domains")))
        self.blocked.setText(join_list(base.get("blocked_domains")))
        self.max_uses.setValue(base.get("max_uses") or 0)
        location = base.get("user_location") or {}
        self.city.setText(location.get("city", ""))
        self.country.setText(location.get("country", ""))
        self.fetch.setChecked(fetch is not None)
        self.citations.setChecked(bool((self._fetch_base.get("citations") or {}).get("enabled")))
        self.max_content.setValue(self._fetch_base.get("max_content_tokens") or 0)

    def write_into(self, settings: RequestSettings) -> None:
        for name, checked, build in (
            ("web_search", self.search.isChecked(), self._search_tool),
            ("web_fetch", self.fetch.isChecked(), self._fetch_tool),
        ):
            self._indexes[name] = len(settings.tools) if checked else None
            if checked:
                settings.tools.append(build())

    def label_for(self, field: str) -> IssueLabel | None:
        """`tools[3].max_uses` -> the label registered as `web_search.max_uses`, if tools[3] is web search."""
        index = _tool_index(field)
        for name, tool_index in self._indexes.items():
            if index is not None and index == tool_index:
                return super().label_for(name + field[len(f"tools[{index}]") :])
        return None

    def _search_tool(self) -> dict[str, Any]:
        tool = copy.deepcopy(self._search_base)
        _put(tool, "allowed_domains", split_list(self.allowed.text()))
        _put(tool, "blocked_domains", split_list(self.blocked.text()))
        _put(tool, "max_uses", self.max_uses.value())
        location = {
            key: value
            for key, value in (tool.get("user_location") or {}).items()
            if key not in ("type", "city", "country")
        }
        _put(location, "city", self.city.text().strip())
        _put(location, "country", self.country.text().strip())
        _put(tool, "user_location", {"type": "approximate", **location} if location else None)
        return tool

    def _fetch_tool(self) -> dict[str, Any]:
        tool = copy.deepcopy(self._fetch_base)
        _put(tool, "citations", {"enabled": True} if self.citations.isChecked() else None)
        _put(tool, "max_content_tokens", self.max_content.value())
        return tool

    def _update_enabled(self) -> None:
        widget: QWidget
        for widget in (self.allowed, self.blocked, self.max_uses, self.city, self.country):
            widget.setEnabled(self.search.isChecked())
        for widget in (self.citations, self.max_content):
            widget.setEnabled(self.fetch.isChecked())
