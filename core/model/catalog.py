"""The models this app knows: limits, prices and which request options each accepts.

Figures come from the wire spec (§9) and Anthropic's model pages. Relays add model names of their own; those
are simply not in the catalog, and everything that consults it treats "unknown" as "don't know, don't check".
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from core.model.messages import Usage
from core.model.pricing import ModelPrice, cost_usd
from core.model.request_settings import Effort

Family = Literal["opus", "sonnet", "haiku"]
ThinkingType = Literal["enabled", "adaptive"]

ALL_EFFORTS: tuple[Effort, ...] = ("low", "medium", "high", "xhigh", "max")


@dataclass(frozen=True)
class ModelInfo:
    id: str
    display_name: str
    family: Family
    context_window: int
    max_output_tokens: int
    price: ModelPrice
    # Empty when the model cannot think at all.
    thinking_types: frozenset[ThinkingType]
    # Empty when the model rejects `output_config.effort`.
    effort_levels: tuple[Effort, ...]
    # Claude 4.6 answers an assistant-last conversation (a prefill) with a 400.
    accepts_prefill: bool
    # Claude 4.5 (and Opus 4.1) answer 400 "temperature and top_p cannot both be specified for this model".
    one_sampler_only: bool
    aliases: tuple[str, ...] = ()

    @property
    def accepts_effort(self) -> bool:
        return bool(self.effort_levels)


_OPUS_4_5_PRICE = ModelPrice(input=5, output=25, cache_write_5m=6.25, cache_write_1h=10, cache_read=0.50)
_SONNET_PRICE = ModelPrice(input=3, output=15, cache_write_5m=3.75, cache_write_1h=6, cache_read=0.30)
_OPUS_4_PRICE = ModelPrice(input=15, output=75, cache_write_5m=18.75, cache_write_1h=30, cache_read=1.50)
_HAIKU_4_5_PRICE = ModelPrice(input=1, output=5, cache_write_5m=1.25, cache_write_1h=2, cache_read=0.10)
_HAIKU_3_5_PRICE = ModelPrice(input=0.80, output=4, cache_write_5m=1.00, cache_write_1h=1.60, cache_read=0.08)

_BOTH_THINKING: frozenset[ThinkingType] = frozenset({"enabled", "adaptive"})
_MANUAL_THINKING: frozenset[ThinkingType] = frozenset({"enabled"})
_EFFORT_TO_MAX: tuple[Effort, ...] = ("low", "medium", "high", "max")
_EFFORT_TO_HIGH: tuple[Effort, ...] = ("low", "medium", "high")

# Newest first: the order a model picker shows them in.
MODELS: tuple[ModelInfo, ...] = (
    ModelInfo(
        id="claude-opus-4-6",
        display_name="Claude Opus 4.6",
        family="opus",
        context_window=1_000_000,
        max_output_tokens=128_000,
        price=_OPUS_4_5_PRICE,
        thinking_types=_BOTH_THINKING,
        effort_levels=_EFFORT_TO_MAX,
        accepts_prefill=False,
        one_sampler_only=True,
    ),
    ModelInfo(
        id="claude-sonnet-4-6",
        display_name="Claude Sonnet 4.6",
        family="sonnet",
        context_window=1_000_000,
        # The spec lists 64K and 128K; Anthropic's Sonnet 4.6 page says 128K, and a too-low ceiling would
        # block requests the API accepts.
        max_output_tokens=128_000,
        price=_SONNET_PRICE,
        thinking_types=_BOTH_THINKING,
        effort_levels=_EFFORT_TO_MAX,
        accepts_prefill=False,
        one_sampler_only=True,
    ),
    ModelInfo(
        id="claude-opus-4-5-20251101",
        display_name="Claude Opus 4.5",
        family="opus",
        context_window=200_000,
        max_output_tokens=64_000,
        price=_OPUS_4_5_PRICE,
        thinking_types=_MANUAL_THINKING,
        effort_levels=_EFFORT_TO_HIGH,
        accepts_prefill=True,
        one_sampler_only=True,
        aliases=("claude-opus-4-5",),
    ),
    ModelInfo(
        id="claude-sonnet-4-5-20250929",
        display_name="Claude Sonnet 4.5",
        family="sonnet",
        context_window=200_000,
        max_output_tokens=64_000,
        price=_SONNET_PRICE,
        thinking_types=_MANUAL_THINKING,
        effort_levels=(),
        accepts_prefill=True,
        one_sampler_only=True,
        aliases=("claude-sonnet-4-5",),
    ),
    ModelInfo(
        id="claude-haiku-4-5-20251001",
        display_name="Claude Haiku 4.5",
        family="haiku",
        context_window=200_000,
        max_output_tokens=64_000,
        price=_HAIKU_4_5_PRICE,
        thinking_types=_MANUAL_THINKING,
        effort_levels=(),
        accepts_prefill=True,
        one_sampler_only=True,
        aliases=("claude-haiku-4-5",),
    ),
    ModelInfo(
        id="claude-opus-4-1-20250805",
        display_name="Claude Opus 4.1",
        family="opus",
        context_window=200_000,
        max_output_tokens=32_000,
        price=_OPUS_4_PRICE,
        thinking_types=_MANUAL_THINKING,
        effort_levels=(),
        accepts_prefill=True,
        one_sampler_only=True,
    ),
    ModelInfo(
        id="claude-opus-4-20250514",
        display_name="Claude Opus 4",
        family="opus",
        context_window=200_000,
        max_output_tokens=32_000,
        price=_OPUS_4_PRICE,
        thinking_types=_MANUAL_THINKING,
        effort_levels=(),
        accepts_prefill=True,
        one_sampler_only=False,
    ),
    ModelInfo(
        id="claude-sonnet-4-20250514",
        display_name="Claude Sonnet 4",
        family="sonnet",
        context_window=200_000,
        max_output_tokens=64_000,
        price=_SONNET_PRICE,
        thinking_types=_MANUAL_THINKING,
        effort_levels=(),
        accepts_prefill=True,
        one_sampler_only=False,
    ),
    ModelInfo(
        # The relay's name; Anthropic's own id for the same model is the alias.
        id="claude-haiku-3-5-20241022",
        display_name="Claude Haiku 3.5",
        family="haiku",
        context_window=200_000,
        max_output_tokens=8_192,
        price=_HAIKU_3_5_PRICE,
        thinking_types=frozenset(),
        effort_levels=(),
        accepts_prefill=True,
        one_sampler_only=False,
        aliases=("claude-3-5-haiku-20241022",),
    ),
)

_BY_NAME = MappingProxyType({name: info for info in MODELS for name in (info.id, *info.aliases)})


def lookup(model_id: str) -> ModelInfo | None:
    """The catalog entry for a model id or alias; None for models the catalog does not know."""
    return _BY_NAME.get(model_id.strip())


def price_for(model_id: str, overrides: dict[str, ModelPrice]) -> ModelPrice | None:
    """The price to charge for a model: the profile's override (by the exact name or the catalog id) first."""
    info = lookup(model_id)
    names = (model_id, info.id, *info.aliases) if info else (model_id,)
    for name in names:
        if name in overrides:
            return overrides[name]
    return info.price if info else None


def cost_of(usage: Usage, model_id: str, overrides: dict[str, ModelPrice]) -> float | None:
    """US dollars for a reply, or None when the model's price is unknown."""
    price = price_for(model_id, overrides)
    return None if price is None else cost_usd(usage, price)
