"""The model catalog: ids, aliases, limits, prices, and what each model accepts."""

import dataclasses

import pytest

from core.model.catalog import MODELS, cost_of, lookup, price_for
from core.model.messages import Usage
from core.model.pricing import ModelPrice

NINE_IDS = [
    "claude-opus-4-6",
    "claude-sonnet-4-6",
    "claude-opus-4-5-20251101",
    "claude-sonnet-4-5-20250929",
    "claude-haiku-4-5-20251001",
    "claude-opus-4-1-20250805",
    "claude-opus-4-20250514",
    "claude-sonnet-4-20250514",
    "claude-haiku-3-5-20241022",
]


def test_the_catalog_holds_the_nine_relay_models_in_order() -> None:
    assert [info.id for info in MODELS] == NINE_IDS


@pytest.mark.parametrize(
    ("name", "model_id"),
    [
        ("claude-opus-4-5", "claude-opus-4-5-20251101"),
        ("claude-sonnet-4-5", "claude-sonnet-4-5-20250929"),
        ("claude-haiku-4-5", "claude-haiku-4-5-20251001"),
        ("claude-3-5-haiku-20241022", "claude-haiku-3-5-20241022"),
        ("claude-sonnet-4-6", "claude-sonnet-4-6"),
        (" claude-opus-4-6 ", "claude-opus-4-6"),
    ],
)
def test_lookup_resolves_ids_and_aliases(name: str, model_id: str) -> None:
    info = lookup(name)
    assert info is not None
    assert info.id == model_id


def test_lookup_of_an_unknown_model_is_none() -> None:
    assert lookup("relay-special-model") is None
    assert lookup("") is None


@pytest.mark.parametrize(
    ("model_id", "family", "context", "max_output", "price"),
    [
        ("claude-opus-4-6", "opus", 1_000_000, 128_000, (5, 25, 6.25, 10, 0.50)),
        ("claude-sonnet-4-6", "sonnet", 1_000_000, 128_000, (3, 15, 3.75, 6, 0.30)),
        ("claude-opus-4-5-20251101", "opus", 200_000, 64_000, (5, 25, 6.25, 10, 0.50)),
        ("claude-sonnet-4-5-20250929", "sonnet", 200_000, 64_000, (3, 15, 3.75, 6, 0.30)),
        ("claude-haiku-4-5-20251001", "haiku", 200_000, 64_000, (1, 5, 1.25, 2, 0.10)),
        ("claude-opus-4-1-20250805", "opus", 200_000, 32_000, (15, 75, 18.75, 30, 1.50)),
        ("claude-opus-4-20250514", "opus", 200_000, 32_000, (15, 75, 18.75, 30, 1.50)),
        ("claude-sonnet-4-20250514", "sonnet", 200_000, 64_000, (3, 15, 3.75, 6, 0.30)),
        ("claude-haiku-3-5-20241022", "haiku", 200_000, 8_192, (0.80, 4, 1.00, 1.60, 0.08)),
    ],
)
def test_limits_and_prices_follow_the_spec(
    model_id: str, family: str, context: int, max_output: int, price: tuple[float, ...]
) -> None:
    info = lookup(model_id)
    assert info is not None
    assert (info.family, info.context_window, info.max_output_tokens) == (family, context, max_output)
    assert info.price == ModelPrice(*price)


def test_adaptive_thinking_only_on_the_4_6_models_and_haiku_3_5_cannot_think() -> None:
    adaptive = [info.id for info in MODELS if "adaptive" in info.thinking_types]
    assert adaptive == ["claude-opus-4-6", "claude-sonnet-4-6"]
    assert all("enabled" in info.thinking_types for info in MODELS[:-1])
    assert MODELS[-1].thinking_types == frozenset()


def test_effort_levels_per_model() -> None:
    levels = {info.id: info.effort_levels for info in MODELS if info.accepts_effort}
    assert levels == {
        "claude-opus-4-6": ("low", "medium", "high", "max"),
        "claude-sonnet-4-6": ("low", "medium", "high", "max"),
        "claude-opus-4-5-20251101": ("low", "medium", "high"),
    }


def test_only_the_4_6_models_reject_prefill() -> None:
    assert [info.id for info in MODELS if not info.accepts_prefill] == [
        "claude-opus-4-6",
        "claude-sonnet-4-6",
    ]


def test_entries_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        MODELS[0].max_output_tokens = 1  # type: ignore[misc]


CHEAP = ModelPrice(input=0.1, output=0.2, cache_write_5m=0.3, cache_write_1h=0.4, cache_read=0.05)


def test_price_for_uses_the_catalog_without_overrides() -> None:
    assert price_for("claude-haiku-4-5", {}) == ModelPrice(1, 5, 1.25, 2, 0.10)


def test_a_profile_override_wins_by_exact_name_or_by_catalog_id() -> None:
    assert price_for("claude-sonnet-4-6", {"claude-sonnet-4-6": CHEAP}) == CHEAP
    assert price_for("claude-haiku-4-5", {"claude-haiku-4-5-20251001": CHEAP}) == CHEAP
    assert price_for("claude-haiku-4-5-20251001", {"claude-haiku-4-5": CHEAP}) == CHEAP


def test_an_unknown_model_has_a_price_only_by_override() -> None:
    assert price_for("relay-model", {}) is None
    assert price_for("relay-model", {"relay-model": CHEAP}) == CHEAP


def test_cost_of_a_reply() -> None:
    usage = Usage(input_tokens=1_000_000, output_tokens=2_000_000)
    assert cost_of(usage, "claude-sonnet-4-6", {}) == pytest.approx(3 + 30)
    assert cost_of(usage, "claude-sonnet-4-6", {"claude-sonnet-4-6": CHEAP}) == pytest.approx(0.1 + 0.4)
    assert cost_of(usage, "relay-model", {}) is None
