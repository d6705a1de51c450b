"""Compare presets give settings the API accepts."""

from core.compare.presets import preset_family, preset_same, preset_temperatures, preset_thinking
from core.demo import Reply, Text
from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.wire.validation import ensure_valid

BASE = RequestSettings(model="claude-sonnet-4-6", max_tokens=4096, temperature=1.0, system="Be brief.")
HELLO = [ChatMessage.user_text("Hello")]


def test_presets_give_settings_the_api_accepts() -> None:
    same = preset_same(BASE, 3)
    assert same == [BASE] * 3 and same[0] is not same[1]
    thinking_base = RequestSettings(model="claude-sonnet-4-6", max_tokens=4096, top_p=0.9,
                                    thinking=ThinkingSettings("enabled", 2048))  # fmt: skip
    sweep = preset_temperatures(thinking_base)
    assert [s.temperature for s in sweep] == [0.0, 0.5, 1.0]
    assert all(s.thinking is None and s.top_p is None for s in sweep)
    budgets = preset_thinking(BASE)
    assert [s.thinking.budget_tokens if s.thinking else None for s in budgets] == [None, 4096, 16384]
    assert [s.max_tokens for s in budgets] == [4096, 8192, 20480]
    assert budgets[0].temperature == 1.0 and budgets[2].temperature is None
    adaptive = RequestSettings(model="claude-opus-4-6", max_tokens=4096, effort="max",
                               thinking=ThinkingSettings("adaptive"))  # fmt: skip
    family = preset_family(adaptive, "opus")
    assert [s.model for s in family][:2] == ["claude-opus-4-6", "claude-opus-4-5-20251101"]
    assert family[1].effort is None and family[1].thinking == ThinkingSettings("enabled", 2048)
    for settings in [*sweep, *budgets, *family]:
        ensure_valid(HELLO, settings)


def test_a_scripted_reply_is_a_valid_fixture() -> None:
    # Guards the fake server's defaults the session tests rely on: a text reply ends with end_turn.
    assert Reply([Text("x")]).message(request_model="m", input_tokens=1).stop_reason == "end_turn"
