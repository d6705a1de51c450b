"""The model list the fake server serves from `GET /v1/models`: the relay's nine ids (spec §9).

Kept apart from the app's own catalog on purpose: the server is the independent party a client is
tested against, so it must not share the client's idea of the models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ModelInfo:
    id: str
    display_name: str
    created_at: str
    max_input_tokens: int
    max_tokens: int

    def to_api(self) -> dict[str, Any]:
        return {
            "type": "model",
            "id": self.id,
            "display_name": self.display_name,
            "created_at": self.created_at,
            "max_input_tokens": self.max_input_tokens,
            "max_tokens": self.max_tokens,
        }


# Newest first, as the API lists them. Sonnet 4.6's max output is documented as 64K and as 128K; the
# lower figure is the safe one for a client to learn.
MODELS = (
    ModelInfo("claude-sonnet-4-6", "Claude Sonnet 4.6", "2026-02-17T00:00:00Z", 1_000_000, 64_000),
    ModelInfo("claude-opus-4-6", "Claude Opus 4.6", "2026-02-05T00:00:00Z", 1_000_000, 128_000),
    ModelInfo("claude-opus-4-5-20251101", "Claude Opus 4.5", "2025-11-01T00:00:00Z", 200_000, 64_000),
    ModelInfo("claude-haiku-4-5-20251001", "Claude Haiku 4.5", "2025-10-01T00:00:00Z", 200_000, 64_000),
    ModelInfo("claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", "2025-09-29T00:00:00Z", 200_000, 64_000),
    ModelInfo("claude-opus-4-1-20250805", "Claude Opus 4.1", "2025-08-05T00:00:00Z", 200_000, 32_000),
    ModelInfo("claude-opus-4-20250514", "Claude Opus 4", "2025-05-14T00:00:00Z", 200_000, 32_000),
    ModelInfo("claude-sonnet-4-20250514", "Claude Sonnet 4", "2025-05-14T00:00:00Z", 200_000, 64_000),
    ModelInfo("claude-haiku-3-5-20241022", "Claude Haiku 3.5", "2024-10-22T00:00:00Z", 200_000, 8_192),
)
MODELS_BY_ID = {model.id: model for model in MODELS}


def models_page(limit: int, after_id: str | None, before_id: str | None) -> dict[str, Any]:
    """One page of the list: `limit` models after `after_id` (or just before `before_id`)."""
    ids = [model.id for model in MODELS]
    if after_id is not None:
        start = ids.index(after_id) + 1 if after_id in ids else len(ids)
        chosen, has_more = MODELS[start : start + limit], start + limit < len(ids)
    elif before_id is not None:
        end = ids.index(before_id) if before_id in ids else 0
        start = max(0, end - limit)
        chosen, has_more = MODELS[start:end], start > 0
    else:
        chosen, has_more = MODELS[:limit], limit < len(ids)
    return {
        "data": [model.to_api() for model in chosen],
        "has_more": has_more,
        "first_id": chosen[0].id if chosen else None,
        "last_id": chosen[-1].id if chosen else None,
    }
