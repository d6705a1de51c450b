"""Prices per million tokens, and the cost of one reply's usage."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from core.model.messages import Usage


@dataclass(frozen=True)
class ModelPrice:
    """US dollars per million tokens."""

    input: float
    output: float
    cache_write_5m: float
    cache_write_1h: float
    cache_read: float


BATCH_DISCOUNT = 0.5
"""Requests sent through the Message Batches API cost half the standard price, every kind of token alike
(cache writes and reads included: the discounts stack)."""


def batch_price(price: ModelPrice) -> ModelPrice:
    """The price of the same tokens sent in a batch."""
    return ModelPrice(**{f.name: getattr(price, f.name) * BATCH_DISCOUNT for f in dataclasses.fields(price)})


def cost_usd(usage: Usage, price: ModelPrice) -> float:
    """The cost of a reply. Cache writes are split by TTL when the API reports it, else priced as 5m."""
    per_token = 1 / 1_000_000
    cache_written = usage.cache_creation_input_tokens or 0
    written_1h = (usage.cache_creation or {}).get("ephemeral_1h_input_tokens", 0) or 0
    written_5m = cache_written - written_1h
    total = (
        usage.input_tokens * price.input
        + usage.output_tokens * price.output
        + written_5m * price.cache_write_5m
        + written_1h * price.cache_write_1h
        + (usage.cache_read_input_tokens or 0) * price.cache_read
    )
    return total * per_token
