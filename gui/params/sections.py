"""The parameter panel's sections for the prompt, sampling, thinking and effort, caching and service, and
the two JSON boxes (structured output, extra JSON).

Each section fills its controls from a RequestSettings (`fill`), writes them into one (`write_into`), and
disables what the chosen model does not accept (`set_model`), saying why in a tooltip. A disabled control
is not sent, so switching models never sends what the new model refuses, and switching back restores it.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from core.model.catalog import ALL_EFFORTS
from core.model.messages import TextBlock
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire.validation import ValidationIssue
from gui.params.field_help import field_help
from gui.widgets.accessible import name_controls
from gui.widgets.fields import (
    ChoiceCombo,
    IssueLabel,
    ModelFacts,
    OptionalFloat,
    OptionalInt,
    Section,
    SliderSpin,
    text_lines,
)
from gui.widgets.json_edit import JsonEdit

MIN_THINKING_BUDGET = 1024
# Upper bounds for numbers the catalog cannot bound (a relay's own model): out of reach of typos only.
_UNBOUNDED_TOKENS = 10_000_000


class ParamSection(Section):
    def add_field(self, label: str | None, widget: QWidget, field: str | None = None) -> IssueLabel | None:
        # A row without a label is named after the section (the system prompt box is "System prompt").
        name_controls(widget, label or self.header.text(), field_help(field))
        return super().add_field(label, widget, field)

    def fill(self, settings: RequestSettings) -> None:
        raise NotImplementedError

    def write_into(self, settings: RequestSettings) -> None:
        raise NotImplementedError

    def set_model(self, facts: ModelFacts) -> None:
        """Most sections hold nothing that depends on the model."""

    def json_issues(self) -> list[ValidationIssue]:
        """Problems core.wire.validation cannot see because the text never became a value (JSON syntax)."""
        return []


def _tall_text(parent: QWidget, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class PromptSection(ParamSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("System prompt"))
        self._loaded: str | list[TextBlock] | None = None
        self.system = _tall_text(self.body, 6)
        self.system.setPlaceholderText(self.tr("Instructions for the model, sent as the system prompt."))
        self.add_field(None, self.system, "system")
        self.system.textChanged.connect(self.changed)

    def fill(self, settings: RequestSettings) -> None:
        self._loaded = copy.deepcopy(settings.system)
        self.system.setPlainText(_system_text(settings.system))

    def write_into(self, settings: RequestSettings) -> None:
        text = self.system.toPlainText()
        # A system prompt given as blocks (with cache_control, say) is kept as blocks until it is edited.
        if isinstance(self._loaded, list) and text == _system_text(self._loaded):
            settings.system = copy.deepcopy(self._loaded)
        else:
            settings.system = text if text.strip() else None


def _system_text(system: str | list[TextBlock] | None) -> str:
    if isinstance(system, list):
        return "\n\n".join(block.get("text", "") for block in system)
    return system or ""


class SamplingSection(ParamSection):
    maxTokensChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("Output and sampling"))
        self.max_tokens = QSpinBox(self.body)
        self.max_tokens.setRange(1, _UNBOUNDED_TOKENS)
        self.max_tokens.setSingleStep(1024)
        self.temperature = OptionalFloat(maximum=1.0, default=1.0, parent=self.body)
        self.top_p = OptionalFloat(maximum=1.0, default=0.99, parent=self.body)
        self.top_k = OptionalInt(minimum=1, maximum=1_000_000, default=40, parent=self.body)
        self.stop_sequences = _tall_text(self.body, 3)
        self.stop_sequences.setPlaceholderText(self.tr("One stop sequence per line"))
        self.add_field(self.tr("Max tokens"), self.max_tokens, "max_tokens")
        self.add_field(self.tr("Temperature"), self.temperature, "temperature")
        self.add_field(self.tr("Top P"), self.top_p, "top_p")
        self.add_field(self.tr("Top K"), self.top_k, "top_k")
        self.add_field(self.tr("Stop sequences"), self.stop_sequences, "stop_sequences")
        self.max_tokens.valueChanged.connect(self.maxTokensChanged)
        for signal in (
            self.max_tokens.valueChanged,
            self.temperature.changed,
            self.top_p.changed,
            self.top_k.changed,
            self.stop_sequences.textChanged,
        ):
            signal.connect(self.changed)

    def fill(self, settings: RequestSettings) -> None:
        self.max_tokens.setValue(settings.max_tokens)
        self.temperature.set_value(settings.temperature)
        self.top_p.set_value(settings.top_p)
        self.top_k.set_value(settings.top_k)
        self.stop_sequences.setPlainText("\n".join(settings.stop_sequences))

    def write_into(self, settings: RequestSettings) -> None:
        settings.max_tokens = self.max_tokens.value()
        settings.temperature = self.temperature.value()
        settings.top_p = self.top_p.value()
        settings.top_k = self.top_k.value()
        settings.stop_sequences = text_lines(self.stop_sequences.toPlainText())

    def set_model(self, facts: ModelFacts) -> None:
        ceiling = facts.max_output_tokens
        self.max_tokens.setMaximum(ceiling or _UNBOUNDED_TOKENS)
        self.max_tokens.setToolTip(
            self.tr("{model} writes at most {count} tokens.").format(model=facts.name, count=ceiling)
            if ceiling
            else ""
        )


class ThinkingSection(ParamSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("Thinking and effort"))
        self.mode = ChoiceCombo(self.body)
        self.mode.add_choice(self.tr("Off"), None)
        self.mode.add_choice(self.tr("On, with a budget"), "enabled")
        self.mode.add_choice(self.tr("Adaptive"), "adaptive")
        self.budget = SliderSpin(self.body)
        self.budget.set_ranges(MIN_THINKING_BUDGET, 4095, _UNBOUNDED_TOKENS)
        self.display = ChoiceCombo(self.body)
        self.display.add_choice(self.tr("Default"), None)
        self.display.add_choice(self.tr("Summarized"), "summarized")
        self.display.add_choice(self.tr("Omitted"), "omitted")
        self.effort = ChoiceCombo(self.body)
        self.effort.add_choice(self.tr("Default (not sent)"), None)
        names = (self.tr("Low"), self.tr("Medium"), self.tr("High"), self.tr("Extra high"), self.tr("Max"))
        for level, name in zip(ALL_EFFORTS, names, strict=True):
            self.effort.add_choice(name, level)
        self.add_field(self.tr("Thinking"), self.mode, "thinking")
        self.add_field(self.tr("Budget tokens"), self.budget, "thinking.budget_tokens")
        self.add_field(self.tr("Thinking shown"), self.display, "thinking.display")
        self.add_field(self.tr("Effort"), self.effort, "output_config.effort")
        self.mode.currentIndexChanged.connect(self._update_enabled)
        for signal in (
            self.mode.currentIndexChanged,
            self.budget.changed,
            self.display.currentIndexChanged,
            self.effort.currentIndexChanged,
        ):
            signal.connect(self.changed)
        self._update_enabled()

    def fill(self, settings: RequestSettings) -> None:
        thinking = settings.thinking
        on = thinking is not None and thinking.mode != "disabled"
        self.mode.set_choice(thinking.mode if thinking and on else None)
        budget = thinking.budget_tokens if thinking else None
        self.budget.set_value(budget or max(MIN_THINKING_BUDGET, settings.max_tokens // 2))
        self.display.set_choice(thinking.display if thinking else None)
        self.effort.set_choice(settings.effort)

    def write_into(self, settings: RequestSettings) -> None:
        mode = self.mode.choice() if self.mode.isEnabled() else None
        if mode is None:
            settings.thinking = None
        else:
            budget = self.budget.value() if mode == "enabled" else None
            settings.thinking = ThinkingSettings(mode, budget_tokens=budget, display=self.display.choice())
        settings.effort = self.effort.choice() if self.effort.isEnabled() else None

    def set_max_tokens(self, max_tokens: int) -> None:
        """The budget slider spans what max_tokens leaves room for; the spin box can go past it (flagged)."""
        self.budget.set_ranges(MIN_THINKING_BUDGET, max_tokens - 1, _UNBOUNDED_TOKENS)

    def set_model(self, facts: ModelFacts) -> None:
        self._set_thinking_model(facts)
        self._set_effort_model(facts)
        self._update_enabled()

    def _set_thinking_model(self, facts: ModelFacts) -> None:
        info = facts.info
        can_think = info is None or bool(info.thinking_types)
        self.mode.setEnabled(can_think)
        if not can_think:
            self.mode.setToolTip(self.tr("{model} cannot think.").format(model=facts.name))
            return
        reasons = {
            "enabled": self.tr("{model} does not accept thinking with a budget; use adaptive thinking."),
            "adaptive": self.tr("{model} does not accept adaptive thinking."),
        }
        refused: list[str] = []
        for kind, reason in reasons.items():
            accepted = info is None or kind in info.thinking_types
            why = reason.format(model=facts.name)
            self.mode.set_choice_enabled(kind, accepted, why)
            if not accepted:
                refused.append(why)
        self.mode.setToolTip("\n".join(refused))

    def _set_effort_model(self, facts: ModelFacts) -> None:
        info = facts.info
        accepts = info is None or info.accepts_effort
        self.effort.setEnabled(accepts)
        if not accepts:
            self.effort.setToolTip(self.tr("{model} does not accept effort.").format(model=facts.name))
            return
        refused: list[str] = []
        for level in ALL_EFFORTS:
            accepted = info is None or level in info.effort_levels
            why = self.tr('{model} does not accept effort "{level}".').format(model=facts.name, level=level)
            self.effort.set_choice_enabled(level, accepted, why)
            if not accepted:
                refused.append(why)
        self.effort.setToolTip("\n".join(refused))

    def _update_enabled(self) -> None:
        mode = self.mode.choice() if self.mode.isEnabled() else None
        self.budget.setEnabled(mode == "enabled")
        self.display.setEnabled(mode is not None)


class CachingSection(ParamSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("Caching and service"))
        self.cache = ChoiceCombo(self.body)
        self.cache.add_choice(self.tr("Off"), None)
        self.cache.add_choice(self.tr("5 minutes"), "5m")
        self.cache.add_choice(self.tr("1 hour"), "1h")
        self.cache.setToolTip(self.tr("Caches the prompt up to the last cacheable block, for this long."))
        self.tier = ChoiceCombo(self.body)
        self.tier.add_choice(self.tr("Default (not sent)"), None)
        self.tier.add_choice(self.tr("Auto (priority when available)"), "auto")
        self.tier.add_choice(self.tr("Standard only"), "standard_only")
        self.user_id = QLineEdit(self.body)
        self.user_id.setPlaceholderText(self.tr("An opaque id for the end user (no personal data)"))
        self.add_field(self.tr("Prompt caching"), self.cache, "cache_control")
        self.add_field(self.tr("Service tier"), self.tier, "service_tier")
        self.add_field(self.tr("Metadata user id"), self.user_id, "metadata")
        self.cache.currentIndexChanged.connect(self.changed)
        self.tier.currentIndexChanged.connect(self.changed)
        self.user_id.textChanged.connect(self.changed)

    def fill(self, settings: RequestSettings) -> None:
        control = settings.cache_control
        self.cache.set_choice(None if control is None else control.get("ttl", "5m"))
        self.tier.set_choice(settings.service_tier)
        self.user_id.setText(settings.metadata_user_id or "")

    def write_into(self, settings: RequestSettings) -> None:
        ttl = self.cache.choice()
        # 5 minutes is the API's default TTL, so it is sent without one.
        if ttl is None:
            settings.cache_control = None
        elif ttl == "1h":
            settings.cache_control = {"type": "ephemeral", "ttl": "1h"}
        else:
            settings.cache_control = {"type": "ephemeral"}
        settings.service_tier = self.tier.choice()
        settings.metadata_user_id = self.user_id.text().strip() or None


class OutputSchemaSection(ParamSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("Structured output"))
        self.schema = JsonEdit(
            "object", self.tr('A JSON Schema for the reply, e.g. {"type": "object", …}'), self.body
        )
        self.add_field(self.tr("JSON schema"), self.schema, "output_config.format")
        self.schema.valueChanged.connect(self.changed)

    def fill(self, settings: RequestSettings) -> None:
        self.schema.set_value(settings.output_schema)

    def write_into(self, settings: RequestSettings) -> None:
        settings.output_schema = self.schema.value()

    def json_issues(self) -> list[ValidationIssue]:
        error = self.schema.error()
        if error is None:
            return []
        return [
            ValidationIssue(
                "output_config.format.schema", self.tr("Structured output: {error}").format(error=error)
            )
        ]


class ExtraJsonSection(ParamSection):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.header.setText(self.tr("Extra JSON"))
        self.extra = JsonEdit(
            "object", self.tr('Merged into the request body last, e.g. {"metadata": {…}}'), self.body
        )
        self.add_field(self.tr("Extra fields"), self.extra, "extra_json")
        self.extra.valueChanged.connect(self.changed)

    def fill(self, settings: RequestSettings) -> None:
        self.extra.set_value(settings.extra_json or None)

    def write_into(self, settings: RequestSettings) -> None:
        settings.extra_json = copy.deepcopy(self.extra.value() or {})

    def json_issues(self) -> list[ValidationIssue]:
        error = self.extra.error()
        if error is None:
            return []
        return [ValidationIssue("extra_json", self.tr("Extra JSON: {error}").format(error=error))]
