"""Prompt caching as the API reports it: a prefix marked with `cache_control` is written once, then read.

The fake server keeps the prefixes it has seen (per model) for its lifetime. The prefix is everything up to
and including the last block marked for caching, in the API's order: tools, system, messages; a request
with the top-level `cache_control` caches everything before its last message. Prefixes shorter than the
API's minimum are not cached, as on the real API. Usage then always carries both cache fields, 0 when
nothing was cached, as the real API's does.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any

from core.demo.script import CHARS_PER_TOKEN
from core.model.messages import Usage

MIN_CACHEABLE_TOKENS = 1024


@dataclass
class PromptCache:
    _seen: set[str] = field(default_factory=set)

    def usage(self, body: dict[str, Any], *, input_tokens: int, output_tokens: int) -> Usage:
        """The usage of a request whose whole input is `input_tokens`, split into cached and uncached."""
        prefix = cached_prefix(body)
        tokens = _tokens(prefix) if prefix is not None else 0
        written = read = 0
        if prefix is not None and tokens >= MIN_CACHEABLE_TOKENS:
            key = hashlib.sha256(f"{body.get('model')}\0{prefix}".encode()).hexdigest()
            tokens = min(tokens, max(0, input_tokens - 1))
            if key in self._seen:
                read = tokens
            else:
                written = tokens
                self._seen.add(key)
        return Usage(
            input_tokens=input_tokens - written - read,
            output_tokens=output_tokens,
            cache_creation_input_tokens=written,
            cache_read_input_tokens=read,
        )


def cached_prefix(body: dict[str, Any]) -> str | None:
    """The request's part up to its last cache breakpoint, as JSON; None when nothing is marked."""
    parts: list[Any] = []
    cut: int | None = None
    for tool in body.get("tools") or []:
        parts.append(tool)
        if isinstance(tool, dict) and tool.get("cache_control"):
            cut = len(parts)
    system = body.get("system")
    for block in system if isinstance(system, list) else ([system] if system else []):
        parts.append(block)
        if isinstance(block, dict) and block.get("cache_control"):
            cut = len(parts)
    messages = body.get("messages") or []
    for index, message in enumerate(messages):
        content = message.get("content") if isinstance(message, dict) else None
        for block in content if isinstance(content, list) else [content]:
            parts.append(block)
            if isinstance(block, dict) and block.get("cache_control"):
                cut = len(parts)
        if body.get("cache_control") and index == len(messages) - 2:
            cut = max(cut or 0, len(parts))
    if cut is None:
        return None
    return json.dumps(parts[:cut], ensure_ascii=False, sort_keys=True)


def _tokens(text: str) -> int:
    return math.ceil(len(text) / CHARS_PER_TOKEN)
