"""The parameter panel: every request setting of a conversation, edited as a typed RequestSettings.

The panel holds no rules of its own: what the model accepts comes from the catalog, and what is wrong comes
from `core.wire.validation`, run after every change and shown in red next to the field it names.
"""

from __future__ import annotations

import copy
from collections import defaultdict

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from core.model.catalog import lookup
from core.model.messages import ChatMessage
from core.model.provider_check import Loss
from core.model.request_settings import RequestSettings
from core.wire.validation import ValidationIssue, validate
from gui.params.presets_bar import PresetsBar
from gui.params.provider_warnings import ProviderWarnings
from gui.params.sections import (
    CachingSection,
    ExtraJsonSection,
    OutputSchemaSection,
    ParamSection,
    PromptSection,
    SamplingSection,
    ThinkingSection,
)
from gui.params.tools_section import McpServersSection, ServerToolsSection, ToolsSection
from gui.widgets.fields import IssueLabel, ModelFacts

# Validation needs a conversation; one user message stands in, so only the settings are judged.
_PROBE = [ChatMessage.user_text("Hello")]
_DEBOUNCE_MS = 250


class ParameterPanel(QWidget):
    """Signals:
    settingsChanged: the user changed a setting (debounced; not emitted by `set_settings`).
    """

    settingsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = RequestSettings(model="")
        self._facts = ModelFacts("", None, None)
        self._issues: list[ValidationIssue] = []
        self._loading = False
        self._given = False
        """Whether settings were given to show: until then (the window's first moments, before the first
        conversation opens) the blank controls are no one's settings, and no problem of theirs is shown."""
        self.prompt = PromptSection()
        self.sampling = SamplingSection()
        self.thinking = ThinkingSection()
        self.tools = ToolsSection()
        self.mcp_servers = McpServersSection()
        self.server_tools = ServerToolsSection()
        self.caching = CachingSection()
        self.output = OutputSchemaSection()
        self.extra = ExtraJsonSection()
        # ToolsSection must come before ServerToolsSection: the JSON tools are tools[0:n].
        self._sections: list[ParamSection] = [
            self.prompt,
            self.sampling,
            self.thinking,
            self.tools,
            self.mcp_servers,
            self.server_tools,
            self.caching,
            self.output,
            self.extra,
        ]
        self.general_issues = IssueLabel()
        self.provider_warnings = ProviderWarnings()
        self._losses: frozenset[Loss] = frozenset()
        self.presets_bar = PresetsBar(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.settingsChanged)
        self._build_layout()
        for section in self._sections:
            section.changed.connect(self._on_changed)
        self.sampling.maxTokensChanged.connect(self.thinking.set_max_tokens)
        for section in (self.output, self.extra):
            section.set_expanded(False)
        self._fill(self._base)

    def _build_layout(self) -> None:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.addWidget(self.general_issues)
        layout.addWidget(self.provider_warnings)
        for section in self._sections:
            layout.addWidget(section)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its controls, which it scrolls into view
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(column)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.presets_bar)
        outer.addWidget(scroll)

    def set_settings(self, settings: RequestSettings) -> None:
        """Show a conversation's settings. Emits nothing: only the user's own edits are changes, and a
        change still waiting out the debounce is dropped (it belonged to the settings shown before; read
        `settings()` before switching to keep it)."""
        self._given = True
        self._fill(settings)
        self._revalidate()

    def _fill(self, settings: RequestSettings) -> None:
        self._debounce.stop()
        self._loading = True
        try:
            self._base = copy.deepcopy(settings)
            same_model = settings.model == self._facts.model_id
            self._set_facts(settings.model, self._facts.max_output_tokens if same_model else None)
            for section in self._sections:
                section.fill(settings)
            self.thinking.set_max_tokens(self.sampling.max_tokens.value())
        finally:
            self._loading = False

    def set_mcp_servers(self, servers: list[tuple[str, bool]]) -> None:
        """The configured MCP servers, (name, enabled), for the conversation to choose from. Emits nothing."""
        self._loading = True
        try:
            self.mcp_servers.set_servers(servers)
        finally:
            self._loading = False

    def set_provider_losses(self, losses: frozenset[Loss]) -> None:
        """What the provider's last check found lost; warned of when the settings meet it."""
        self._losses = losses
        self.provider_warnings.show_for(losses, self.settings())

    def has_pending_change(self) -> bool:
        """Whether an edit is still waiting out the debounce (not announced by `settingsChanged` yet)."""
        return self._debounce.isActive()

    def settings(self) -> RequestSettings:
        """The settings the controls show. Fields without a control (stream, container, inference_geo)
        keep the values last given to `set_settings`."""
        settings = copy.deepcopy(self._base)
        settings.model = self._facts.model_id
        settings.tools = []
        for section in self._sections:
            section.write_into(settings)
        return settings

    def set_model(self, model_id: str, max_output_tokens: int | None = None) -> None:
        """Adapt the controls to a model: what it does not accept is disabled, with the reason as tooltip.
        `max_output_tokens` is the provider's own ceiling when its model list gives one
        (`ModelPicker.current_row()`). Emits nothing: the model picker's own signal says the model changed,
        and `settings()` then carries the new model."""
        self._loading = True
        try:
            self._set_facts(model_id, max_output_tokens)
        finally:
            self._loading = False
        self._revalidate()

    def issues(self) -> list[ValidationIssue]:
        """Everything wrong with the settings as shown, errors and warnings, as of the last change."""
        return list(self._issues)

    def _set_facts(self, model_id: str, max_output_tokens: int | None) -> None:
        info = lookup(model_id)
        ceiling = max_output_tokens or (info.max_output_tokens if info else None)
        self._facts = ModelFacts(model_id, info, ceiling)
        for section in self._sections:
            section.set_model(self._facts)

    def _on_changed(self) -> None:
        if self._loading:
            return
        self._revalidate()
        self._debounce.start()

    def _revalidate(self) -> None:
        if not self._given:
            return
        settings = self.settings()
        names = [tool.get("name") for tool in settings.tools if isinstance(tool, dict)]
        self.tools.set_tool_names([name for name in names if isinstance(name, str)])
        found = validate(_PROBE, settings)
        self.provider_warnings.show_for(self._losses, settings)
        self._issues = [issue for section in self._sections for issue in section.json_issues()] + found
        self._show_issues(found)

    def _show_issues(self, issues: list[ValidationIssue]) -> None:
        """Each issue goes to the label of the field it names; JSON syntax errors are shown by their box."""
        shown: defaultdict[int, list[ValidationIssue]] = defaultdict(list)
        errors = [len(section.json_issues()) for section in self._sections]
        for issue in issues:
            label, owner = self._route(issue.field)
            shown[id(label)].append(issue)
            if owner is not None and issue.severity == "error":
                errors[owner] += 1
        labels = [self.general_issues, *(label for s in self._sections for label in s.issue_labels())]
        for label in labels:
            label.show_issues(shown.get(id(label), []))
        for section, count in zip(self._sections, errors, strict=True):
            section.set_problem_count(count)

    def _route(self, field: str) -> tuple[IssueLabel, int | None]:
        for index, section in enumerate(self._sections):
            label = section.label_for(field)
            if label is not None:
                return label, index
        return self.general_issues, None
