"""Cost of a reply from its usage."""

import pytest

from core.model.messages import Usage
from core.model.pricing import ModelPrice, batch_price, cost_usd

SONNET = ModelPrice(input=3, output=15, cache_write_5m=3.75, cache_write_1h=6, cache_read=0.30)


def test_plain_input_and_output() -> None:
    assert cost_usd(Usage(input_tokens=1_000_000, output_tokens=1_000_000), SONNET) == pytest.approx(18.0)


def test_cache_writes_split_by_ttl_and_cache_reads() -> None:
    usage = Usage(
        input_tokens=0,
        output_tokens=0,
        cache_creation_input_tokens=3_000_000,
        cache_creation={"ephemeral_5m_input_tokens": 2_000_000, "ephemeral_1h_input_tokens": 1_000_000},
        cache_read_input_tokens=10_000_000,
    )
    assert cost_usd(usage, SONNET) == pytest.approx(2 * 3.75 + 1 * 6 + 10 * 0.30)


def test_cache_writes_without_a_split_are_priced_as_five_minute_writes() -> None:
    usage = Usage(cache_creation_input_tokens=1_000_000)
    assert cost_usd(usage, SONNET) == pytest.approx(3.75)


def test_the_batch_price_is_half_of_every_rate() -> None:
    """Anthropic's batch discount applies to every token kind; prompt-caching prices stack on it."""
    assert batch_price(SONNET) == ModelPrice(
        input=1.5, output=7.5, cache_write_5m=1.875, cache_write_1h=3, cache_read=0.15
    )
    usage = Usage(input_tokens=1_000_000, output_tokens=1_000_000, cache_read_input_tokens=1_000_000)
    assert cost_usd(usage, batch_price(SONNET)) == pytest.approx(cost_usd(usage, SONNET) / 2)
