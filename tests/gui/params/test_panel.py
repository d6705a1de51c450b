"""The parameter panel: settings round-trip through the controls, controls follow the model, and problems
are flagged next to their field as the user edits."""

from __future__ import annotations

import copy

from pytestqt.qtbot import QtBot

from core.model.request_settings import RequestSettings, ThinkingSettings
from gui.params.panel import ParameterPanel

WEATHER_TOOL = {
    "name": "get_weather",
    "description": "Weather in a city.",
    "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    "cache_control": {"type": "ephemeral"},
}

RICH = RequestSettings(
    model="claude-opus-4-6",
    max_tokens=16_000,
    system="You are terse.",
    temperature=0.7,
    top_p=0.9,
    top_k=40,
    stop_sequences=["END", "### Human"],
    stream=False,
    thinking=ThinkingSettings("enabled", budget_tokens=8000, display="summarized"),
    effort="high",
    output_schema={"type": "object", "properties": {"answer": {"type": "string"}}, "required": ["answer"]},
    tools=[
        WEATHER_TOOL,
        {"type": "code_execution_20250825", "name": "code_execution"},
        {
            "type": "web_search_20260209",
            "name": "web_search",
            "allowed_domains": ["docs.python.org", "example.com"],
            "max_uses": 3,
            "user_location": {
                "type": "approximate",
                "city": "Paris",
                "country": "FR",
                "timezone": "Europe/Paris",
            },
        },
        {
            "type": "web_fetch_20250910",
            "name": "web_fetch",
            "citations": {"enabled": True},
            "max_content_tokens": 5000,
        },
    ],
    tool_choice={"type": "tool", "name": "get_weather", "disable_parallel_tool_use": True},
    cache_control={"type": "ephemeral", "ttl": "1h"},
    metadata_user_id="user-42",
    service_tier="standard_only",
    inference_geo="us",
    container="container_abc",
    extra_json={"context_management": {"edits": []}},
)


def _panel(qtbot: QtBot, settings: RequestSettings | None = None) -> ParameterPanel:
    panel = ParameterPanel()
    qtbot.addWidget(panel)
    if settings is not None:
        panel.set_settings(settings)
    return panel


def _shown(label: object, panel: ParameterPanel) -> str:
    """The text of an issue label if the user would see it (its section expanded), else ""."""
    return label.text() if label.isVisibleTo(panel) else ""  # type: ignore[attr-defined]


def test_every_field_round_trips_through_the_controls(qtbot: QtBot) -> None:
    panel = _panel(qtbot, copy.deepcopy(RICH))
    assert panel.settings() == RICH


def test_other_modes_round_trip_too(qtbot: QtBot) -> None:
    settings = RequestSettings(
        model="claude-sonnet-4-6",
        system=[{"type": "text", "text": "Be kind.", "cache_control": {"type": "ephemeral"}}],
        thinking=ThinkingSettings("adaptive", display="omitted"),
        effort="max",
        tool_choice={"type": "auto"},
        cache_control={"type": "ephemeral"},
        service_tier="auto",
    )
    panel = _panel(qtbot, copy.deepcopy(settings))
    assert panel.settings() == settings
    # Edited, a block system prompt becomes the text the user sees.
    panel.prompt.system.setPlainText("Be brief.")
    assert panel.settings().system == "Be brief."


def test_unchecking_temperature_leaves_it_unset(qtbot: QtBot) -> None:
    panel = _panel(qtbot, RequestSettings(model="claude-sonnet-4-6", temperature=0.5))
    assert panel.sampling.temperature.spin.isEnabled()
    panel.sampling.temperature.check.setChecked(False)
    assert panel.settings().temperature is None
    assert not panel.sampling.temperature.spin.isEnabled()
    assert not panel.sampling.temperature.slider.isEnabled()
    panel.sampling.top_k.check.setChecked(True)
    panel.sampling.top_k.spin.setValue(5)
    assert panel.settings().top_k == 5


def test_haiku_4_5_disables_adaptive_thinking_and_effort_and_says_why(qtbot: QtBot) -> None:
    panel = _panel(qtbot, RequestSettings(model="claude-opus-4-6", effort="low"))
    assert panel.settings().effort == "low"
    panel.set_model("claude-haiku-4-5-20251001")
    thinking = panel.thinking
    adaptive = thinking.mode.model().item(thinking.mode.index_of("adaptive"))  # type: ignore[attr-defined]
    assert not adaptive.isEnabled()
    assert adaptive.toolTip() == "Claude Haiku 4.5 does not accept adaptive thinking."
    assert thinking.mode.toolTip() == "Claude Haiku 4.5 does not accept adaptive thinking."
    assert thinking.mode.isEnabled()  # thinking with a budget is still fine
    assert not thinking.effort.isEnabled()
    assert thinking.effort.toolTip() == "Claude Haiku 4.5 does not accept effort."
    assert panel.settings().effort is None  # a disabled control is not sent
    assert panel.settings().model == "claude-haiku-4-5-20251001"
    # Back on a model that accepts it, the user's choice returns.
    panel.set_model("claude-opus-4-6")
    assert thinking.effort.isEnabled()
    assert thinking.effort.toolTip() == 'Claude Opus 4.6 does not accept effort "xhigh".'
    assert panel.settings().effort == "low"


def test_effort_levels_a_model_refuses_are_disabled(qtbot: QtBot) -> None:
    panel = _panel(qtbot, RequestSettings(model="claude-opus-4-5-20251101"))
    effort = panel.thinking.effort
    item = effort.model().item(effort.index_of("max"))  # type: ignore[attr-defined]
    assert not item.isEnabled()
    assert item.toolTip() == 'Claude Opus 4.5 does not accept effort "max".'
    assert effort.model().item(effort.index_of("high")).isEnabled()  # type: ignore[attr-defined]
    # A level chosen for another model stays selectable to fix, and is flagged.
    panel.set_settings(RequestSettings(model="claude-opus-4-6", effort="max"))
    with qtbot.assertNotEmitted(panel.settingsChanged, wait=300):
        panel.set_model("claude-opus-4-5-20251101")
    assert "output_config.effort must be one of low, medium, high for Claude Opus 4.5" in _shown(
        panel.thinking.label_for("output_config.effort"), panel
    )


def test_max_tokens_is_capped_at_the_models_output_limit(qtbot: QtBot) -> None:
    panel = _panel(qtbot, RequestSettings(model="claude-haiku-3-5-20241022", max_tokens=4096))
    assert panel.sampling.max_tokens.maximum() == 8192
    assert not panel.thinking.mode.isEnabled()
    assert panel.thinking.mode.toolTip() == "Claude Haiku 3.5 cannot think."
    panel.set_model("relay-model", max_output_tokens=32_000)
    assert panel.sampling.max_tokens.maximum() == 32_000
    assert panel.thinking.mode.isEnabled()  # unknown model: nothing is assumed


def test_a_budget_not_below_max_tokens_is_flagged_at_the_budget(qtbot: QtBot) -> None:
    settings = RequestSettings(
        model="claude-sonnet-4-5-20250929", max_tokens=4096, thinking=ThinkingSettings("enabled", 4096)
    )
    panel = _panel(qtbot, settings)
    budget_label = panel.thinking.label_for("thinking.budget_tokens")
    assert "must be less than max_tokens, which is 4096 (it is 4096)" in _shown(budget_label, panel)
    assert [issue.field for issue in panel.issues()] == ["thinking.budget_tokens"]
    assert panel.thinking.problems.text() == "1 problem(s)"
    panel.thinking.budget.spin.setValue(2048)
    assert _shown(budget_label, panel) == ""
    assert panel.issues() == []
    assert not panel.thinking.problems.isVisibleTo(panel)


def test_invalid_tools_json_is_shown_in_the_box_and_blocks(qtbot: QtBot) -> None:
    panel = _panel(qtbot, RequestSettings(model="claude-sonnet-4-6"))
    tools = panel.tools.tools
    tools.set_text('[{"name": "get_weather",\n  "input_schema": {"type": "object"}')
    assert tools.error_label.isVisibleTo(panel)
    assert tools.error_label.text() == "Line 2, column 37: Expecting ',' delimiter."
    [mark] = tools.editor.extraSelections()
    assert mark.cursor.blockNumber() == 1  # the line with the mistake is highlighted
    assert [issue.field for issue in panel.issues()] == ["tools"]
    assert panel.tools.problems.text() == "1 problem(s)"
    # Valid JSON, but a tool name the API refuses: flagged by core.wire.validation, under the tools box.
    tools.set_text('[{"name": "get weather", "input_schema": {"type": "object"}}]')
    assert not tools.error_label.isVisibleTo(panel)
    assert "tools[0].name must be 1 to 64 letters" in _shown(panel.tools.label_for("tools[0].name"), panel)
    tools.set_text('{"name": "get_weather"}')
    assert tools.error_label.text() == "This must be a JSON list, like [ {…}, {…} ]."


def test_server_tool_issues_land_next_to_their_fields(qtbot: QtBot) -> None:
    panel = _panel(qtbot, RequestSettings(model="claude-sonnet-4-6", tools=[WEATHER_TOOL]))
    server = panel.server_tools
    server.search.setChecked(True)
    server.allowed.setText("example.com")
    server.blocked.setText("spam.example")
    server.country.setText("France")
    blocked = server.label_for("tools[1].blocked_domains")
    assert "tools[1].blocked_domains cannot be used together" in _shown(blocked, panel)
    location = server.label_for("tools[1].user_location.country")
    assert "two-letter country code" in _shown(location, panel)
    assert _shown(panel.tools.label_for("tools"), panel) == ""


def test_tool_choice_offers_the_tools_and_flags_a_missing_one(qtbot: QtBot) -> None:
    panel = _panel(qtbot, RequestSettings(model="claude-sonnet-4-6", tools=[WEATHER_TOOL]))
    tools = panel.tools
    assert [tools.name.itemText(i) for i in range(tools.name.count())] == ["get_weather"]
    tools.kind.set_choice("tool")
    tools.name.setEditText("get_time")
    assert 'tool_choice.name "get_time" is not the name of a tool' in _shown(
        tools.label_for("tool_choice.name"), panel
    )
    tools.name.setEditText("get_weather")
    assert panel.issues() == []
    assert panel.settings().tool_choice == {"type": "tool", "name": "get_weather"}


def test_user_edits_emit_settings_changed_once_and_loading_emits_nothing(qtbot: QtBot) -> None:
    panel = _panel(qtbot)
    with qtbot.assertNotEmitted(panel.settingsChanged, wait=400):
        panel.set_settings(copy.deepcopy(RICH))
    emitted: list[bool] = []
    panel.settingsChanged.connect(lambda: emitted.append(True))
    panel.prompt.system.setPlainText("One")
    panel.prompt.system.setPlainText("Two")
    qtbot.waitUntil(lambda: emitted == [True], timeout=2000)
    qtbot.wait(350)
    assert emitted == [True]
    assert panel.settings().system == "Two"
