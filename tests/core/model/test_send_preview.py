"""The send preview's figures: share of the context window, warning level, input cost, and the estimate."""

import pytest

from core.model.messages import ChatMessage
from core.model.pricing import ModelPrice
from core.model.request_settings import RequestSettings
from core.model.send_preview import IMAGE_TOKENS, TokenCount, estimate_tokens, send_preview


def test_the_share_of_the_window_and_the_input_cost_come_from_the_catalog() -> None:
    preview = send_preview(TokenCount(50_000, exact=True), "claude-haiku-4-5", {})
    assert preview.context_window == 200_000
    assert preview.fraction == 0.25 and preview.level == "ok"
    assert preview.input_cost_usd == pytest.approx(50_000 * 1 / 1_000_000)


@pytest.mark.parametrize(
    ("tokens", "level"), [(160_000, "ok"), (160_001, "near"), (200_000, "near"), (200_001, "over")]
)
def test_the_warning_starts_past_80_percent_and_over_the_window_it_is_refused(
    tokens: int, level: str
) -> None:
    assert send_preview(TokenCount(tokens, exact=True), "claude-haiku-4-5-20251001", {}).level == level


def test_a_profile_price_overrides_the_catalog_and_an_unknown_model_has_no_window() -> None:
    override = {
        "relay-model": ModelPrice(input=2, output=8, cache_write_5m=0, cache_write_1h=0, cache_read=0)
    }
    preview = send_preview(TokenCount(1_000_000, exact=False), "relay-model", override)
    assert preview.input_cost_usd == pytest.approx(2.0)
    assert (preview.context_window, preview.fraction, preview.level) == (None, None, "unknown")
    assert send_preview(TokenCount(10, exact=False), "mystery", {}).input_cost_usd is None


def test_the_estimate_reads_text_cjk_images_system_and_tools() -> None:
    settings = RequestSettings(model="claude-sonnet-4-6", system="x" * 400)
    plain = estimate_tokens([ChatMessage.user_text("a" * 4000)], settings)
    assert 1_090 <= plain <= 1_120  # 1,000 for the text, 100 for the system prompt, a few for the turn
    chinese = estimate_tokens([ChatMessage.user_text("你好" * 500)], RequestSettings(model="m"))
    assert 1_000 <= chinese <= 1_010
    image = {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": "AAAA" * 100_000},
    }
    with_image = estimate_tokens([ChatMessage("user", [image])], RequestSettings(model="m"))
    assert IMAGE_TOKENS <= with_image < IMAGE_TOKENS + 10
    thinking = {"type": "thinking", "thinking": "long thoughts " * 1000, "signature": "s"}
    assert estimate_tokens([ChatMessage("assistant", [thinking])], RequestSettings(model="m")) < 10
