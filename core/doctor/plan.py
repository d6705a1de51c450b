"""What the doctor will send, and what that may cost, shown before anything is sent."""

from __future__ import annotations

from dataclasses import dataclass

from core.model.catalog import lookup, price_for
from core.model.messages import Usage
from core.model.pricing import ModelPrice, cost_usd
from core.model.request_settings import CustomTool, ThinkingSettings

SHORT_PROMPT = "Reply with the single word: ready"
TOOL_PROMPT = "Use the lookup tool to look up the word 'triptych', then say in one sentence what it means."
LOOKUP_TOOL: CustomTool = {
    "name": "lookup",
    "description": "Looks a word up in a dictionary and returns its meaning.",
    "input_schema": {
        "type": "object",
        "properties": {"word": {"type": "string", "description": "The word to look up."}},
        "required": ["word"],
    },
}
# The longest minimum cacheable prefix among current models is 4,096 tokens (Opus 4.5, Haiku 4.5); the
# prefix is made a little longer than that so a write happens on every model.
CACHED_PREFIX_LINES = 300
_PREFIX_LINE = "Reference note {n:03d}: a triptych is a work of art in three panels, hinged side by side."
_CHARS_PER_TOKEN = 4  # the usual rough rule for English, good enough for an upper bound


def cached_prefix(nonce: str) -> str:
    """A system prompt long enough to be cached by any model, unique to this run."""
    lines = [f"Run {nonce}. Answer briefly."]
    lines += [_PREFIX_LINE.format(n=n) for n in range(CACHED_PREFIX_LINES)]
    return "\n".join(lines)


def thinking_for(model: str) -> ThinkingSettings | None:
    """The thinking the model takes (manual budget where it can, else adaptive); None if it has none."""
    info = lookup(model)
    if info is None or "enabled" in info.thinking_types:
        return ThinkingSettings(mode="enabled", budget_tokens=1024)
    if "adaptive" in info.thinking_types:
        return ThinkingSettings(mode="adaptive")
    return None


@dataclass(frozen=True)
class PlannedRequest:
    what: str
    input_tokens: int
    max_output_tokens: int
    cache_write_tokens: int = 0
    cache_read_tokens: int = 0


def planned_requests() -> list[PlannedRequest]:
    """Every generation request the battery may send, with generous token counts (an upper bound)."""
    short = _tokens(SHORT_PROMPT) + 16
    tool = _tokens(TOOL_PROMPT + str(LOOKUP_TOOL)) + 400  # the tool-use system prompt the API adds
    prefix = _tokens(cached_prefix("0" * 16))
    return [
        PlannedRequest("streamed text", short, 32),
        PlannedRequest("whole text", short, 32),
        PlannedRequest("longest output allowed", short, 32),
        PlannedRequest("thinking and a tool call", tool, 2048),
        PlannedRequest("thinking follow-up", tool + 2048, 2048),
        PlannedRequest("tool call", tool, 256),
        PlannedRequest("tool follow-up", tool + 256, 256),
        PlannedRequest("cache write", short, 32, cache_write_tokens=prefix),
        PlannedRequest("cache read", short, 32, cache_read_tokens=prefix),
    ]


@dataclass(frozen=True)
class CostPreview:
    requests: int
    """Generation requests (the model list, count_tokens and the invalid request cost nothing)."""
    upper_bound_usd: float | None
    """None when the model's price is unknown."""


def preview_cost(model: str, overrides: dict[str, ModelPrice] | None = None) -> CostPreview:
    plan = planned_requests()
    price = price_for(model, overrides or {})
    if price is None:
        return CostPreview(len(plan), None)
    total = sum(
        cost_usd(
            Usage(
                input_tokens=request.input_tokens,
                output_tokens=request.max_output_tokens,
                cache_creation_input_tokens=request.cache_write_tokens,
                cache_read_input_tokens=request.cache_read_tokens,
            ),
            price,
        )
        for request in plan
    )
    return CostPreview(len(plan), total)


def _tokens(text: str) -> int:
    return len(text) // _CHARS_PER_TOKEN + 1
