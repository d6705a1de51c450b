"""What the next send will cost before it is sent: its input tokens, the share of the model's context window
they fill, and the price of that input.

The count comes from the provider (`count_tokens`) or from `estimate_tokens` here; which one is kept in
`TokenCount.exact`, so the GUI can mark an estimate as one.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from core.model.catalog import lookup, price_for
from core.model.messages import ChatMessage, ContentBlock
from core.model.pricing import ModelPrice
from core.model.request_settings import RequestSettings

NEAR_LIMIT = 0.8
"""From this share of the context window on, the preview warns."""
CHARS_PER_TOKEN = 4
"""English text and code run at about four characters a token."""
IMAGE_TOKENS = 1_600
"""An image the API scales to its 1.15-megapixel size costs about (width × height) / 750 tokens: ~1,600."""
DOCUMENT_TOKENS_PER_KB = 8
"""A PDF's pages are read as text and as an image each; roughly this many tokens per kilobyte of file."""
MESSAGE_OVERHEAD = 4
"""Tokens each message costs beyond its content (its role and separators)."""

Level = Literal["unknown", "ok", "near", "over"]


@dataclass(frozen=True)
class TokenCount:
    tokens: int
    exact: bool
    """Counted by the provider; False for an estimate made here."""


@dataclass(frozen=True)
class SendPreview:
    tokens: int
    exact: bool
    context_window: int | None
    """The model's, from the catalog; None for a model it does not know."""
    input_cost_usd: float | None
    """The input at the model's (or the profile's) price, caching aside; None when the price is unknown."""

    @property
    def fraction(self) -> float | None:
        """The share of the context window the input fills (may exceed 1)."""
        return None if not self.context_window else self.tokens / self.context_window

    @property
    def level(self) -> Level:
        fraction = self.fraction
        if fraction is None:
            return "unknown"
        if fraction > 1:
            return "over"
        return "near" if fraction > NEAR_LIMIT else "ok"


def send_preview(count: TokenCount, model_id: str, price_overrides: Mapping[str, ModelPrice]) -> SendPreview:
    info = lookup(model_id)
    price = price_for(model_id, dict(price_overrides))
    return SendPreview(
        tokens=count.tokens,
        exact=count.exact,
        context_window=info.context_window if info is not None else None,
        input_cost_usd=count.tokens * price.input / 1_000_000 if price is not None else None,
    )


def estimate_tokens(messages: Iterable[ChatMessage], settings: RequestSettings) -> int:
    """A rough count of a request's input: text at four characters a token (a CJK character is a token of
    its own), images and PDFs by size, tools and the system prompt as their JSON."""
    tokens = _text_tokens(_system_text(settings.system))
    if settings.tools:
        tokens += _text_tokens(json.dumps(settings.tools, ensure_ascii=False))
    for message in messages:
        tokens += MESSAGE_OVERHEAD + sum(_block_tokens(block) for block in message.content)
    return tokens


def _system_text(system: Any) -> str:
    if isinstance(system, str):
        return system
    if isinstance(system, list):
        return "".join(str(block.get("text", "")) for block in system if isinstance(block, dict))
    return ""


def _block_tokens(block: ContentBlock) -> int:
    kind = block.get("type")
    if kind == "text":
        return _text_tokens(str(block.get("text", "")))
    if kind == "image":
        return IMAGE_TOKENS
    if kind == "document":
        source = block.get("source")
        data = str(source.get("data", "")) if isinstance(source, dict) else ""
        if isinstance(source, dict) and source.get("type") == "text":
            return _text_tokens(str(block.get("title") or "")) + _text_tokens(data)
        return max(IMAGE_TOKENS, len(data) * 3 // 4 // 1024 * DOCUMENT_TOKENS_PER_KB)
    if kind == "tool_result":
        content = block.get("content")
        if isinstance(content, list):
            return sum(_block_tokens(item) for item in content if isinstance(item, dict))
        return _text_tokens(str(content or ""))
    if kind in ("thinking", "redacted_thinking"):
        return 0  # the API drops earlier turns' thinking from the context
    return _text_tokens(json.dumps(block, ensure_ascii=False))


def _text_tokens(text: str) -> int:
    if not text:
        return 0
    wide = sum(1 for char in text if ord(char) >= 0x2E80)  # CJK and beyond: about a token each
    return wide + math.ceil((len(text) - wide) / CHARS_PER_TOKEN)
