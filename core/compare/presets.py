"""Ready-made column sets for a compare run, each derived from the conversation's settings.

Every preset returns settings the API accepts for the columns' models: sampling and thinking rules
(`core.wire.validation`) are honoured by adjusting what the sweep does not vary, never the swept value.
"""

from __future__ import annotations

import copy
import dataclasses

from core.model.catalog import MODELS, Family, lookup
from core.model.request_settings import RequestSettings, ThinkingSettings

THINKING_HEADROOM = 4096
"""Tokens left for the answer above a thinking budget when max_tokens has to grow."""
MIN_BUDGET = 1024
"""The smallest thinking budget the API accepts."""


def preset_same(base: RequestSettings, n: int) -> list[RequestSettings]:
    """The same settings N times: how much the replies vary by sampling alone."""
    return [copy.deepcopy(base) for _ in range(n)]


def preset_temperatures(
    base: RequestSettings, values: tuple[float, ...] = (0.0, 0.5, 1.0)
) -> list[RequestSettings]:
    """One column per temperature. Thinking is turned off (it requires temperature 1), and top_p is unset
    where the model takes only one sampler."""
    columns = []
    for value in values:
        settings = dataclasses.replace(copy.deepcopy(base), temperature=value, thinking=None)
        info = lookup(settings.model)
        if info is not None and info.one_sampler_only:
            settings.top_p = None
        columns.append(settings)
    return columns


def preset_thinking(
    base: RequestSettings, budgets: tuple[int | None, ...] = (None, 4096, 16384)
) -> list[RequestSettings]:
    """One column per thinking budget (None: thinking off); max_tokens grows where a budget needs it."""
    return [_with_budget(copy.deepcopy(base), budget) for budget in budgets]


def _with_budget(settings: RequestSettings, budget: int | None) -> RequestSettings:
    if budget is None:
        settings.thinking = None
        return settings
    settings.thinking = ThinkingSettings(mode="enabled", budget_tokens=budget)
    settings.max_tokens = max(settings.max_tokens, budget + THINKING_HEADROOM)
    info = lookup(settings.model)
    if info is not None:
        settings.max_tokens = min(settings.max_tokens, info.max_output_tokens)
    # Thinking accepts no sampling changes besides a top_p of at least 0.95.
    settings.temperature = None
    settings.top_k = None
    if settings.top_p is not None and settings.top_p < 0.95:
        settings.top_p = None
    return settings


def preset_family(base: RequestSettings, family: Family) -> list[RequestSettings]:
    """Every catalog model of a family, newest first, each keeping what it supports of the base settings."""
    return [_for_model(copy.deepcopy(base), info.id) for info in MODELS if info.family == family]


def _for_model(settings: RequestSettings, model: str) -> RequestSettings:
    info = lookup(model)
    assert info is not None  # the ids come from the catalog
    settings.model = model
    settings.max_tokens = min(settings.max_tokens, info.max_output_tokens)
    if settings.effort is not None and settings.effort not in info.effort_levels:
        settings.effort = None
    thinking = settings.thinking
    if thinking is not None and thinking.mode != "disabled":
        if not info.thinking_types:
            settings.thinking = None
        elif thinking.mode not in info.thinking_types:
            # Adaptive thinking on a model that only takes a budget: the nearest it understands, leaving
            # at least half of max_tokens for the answer.
            budget = max(MIN_BUDGET, min(THINKING_HEADROOM, settings.max_tokens // 2))
            settings.thinking = ThinkingSettings(mode="enabled", budget_tokens=budget)
        elif thinking.budget_tokens is not None and thinking.budget_tokens >= settings.max_tokens:
            thinking.budget_tokens = settings.max_tokens - 1
    if info.one_sampler_only and settings.temperature is not None:
        settings.top_p = None
    return settings
