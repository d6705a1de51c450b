"""What the empty state's examples set: thinking the API accepts, a get_time tool offered once."""

from __future__ import annotations

from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire.validation import validate
from gui.chat.examples import THINKING_BUDGET, TIME_TOOL, with_thinking, with_time_tool

HELLO = [ChatMessage.user_text("Hello")]


def test_thinking_is_turned_on_in_a_form_the_api_accepts() -> None:
    base = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048, temperature=0.3)

    changed = with_thinking(base)

    assert changed is not None and changed.thinking is not None
    assert changed.thinking.budget_tokens == THINKING_BUDGET
    assert changed.max_tokens > THINKING_BUDGET and changed.temperature is None
    assert validate(HELLO, changed) == []
    assert base.thinking is None, "the settings given are left as they were"


def test_thinking_already_on_stays_and_a_model_without_thinking_says_so() -> None:
    adaptive = RequestSettings(model="claude-opus-4-6", thinking=ThinkingSettings("adaptive"))

    assert with_thinking(adaptive) == adaptive
    assert with_thinking(RequestSettings(model="claude-haiku-3-5-20241022")) is None


def test_the_time_tool_is_offered_once_and_tool_choice_none_is_lifted() -> None:
    base = RequestSettings(model="claude-sonnet-4-6", tool_choice={"type": "none"})

    once = with_time_tool(base)
    twice = with_time_tool(once)

    assert [tool["name"] for tool in twice.tools] == [TIME_TOOL["name"]]
    assert twice.tool_choice is None
    assert validate(HELLO, twice) == []
    assert base.tools == []
