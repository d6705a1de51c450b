"""How many tokens a reply's received content is, estimated, for a reply whose usage never came whole.

The Messages API reports the output count at the start of a stream (usually 1) and the real count in the
final `message_delta`; a reply stopped (Esc), interrupted or failed before that has only the first. Its
footer then shows an estimate from the text that arrived, marked as such. The estimate is rough on purpose:
about four characters a token for text in Latin script, about one token a character for Chinese, Japanese
and Korean (as Claude's tokenizer roughly counts them).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

from core.model.conversation import MessageStatus, StoredMessage
from core.model.messages import ContentBlock, Usage

_CHARS_PER_TOKEN = 4.0
_WIDE_SCRIPTS = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x9FFF),  # CJK radicals, kana, CJK ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x2FA1F),  # CJK extensions
)


def estimate_tokens(text: str) -> int:
    wide = sum(1 for char in text if any(low <= ord(char) <= high for low, high in _WIDE_SCRIPTS))
    return wide + math.ceil((len(text) - wide) / _CHARS_PER_TOKEN)


def estimated_output(content: Sequence[ContentBlock]) -> int:
    """The tokens of what a reply wrote: its text, thinking and tool calls' input."""
    total = 0
    for block in content:
        kind = block.get("type")
        if kind == "text":
            total += estimate_tokens(str(block.get("text", "")))
        elif kind == "thinking":
            total += estimate_tokens(str(block.get("thinking", "")))
        elif kind in ("tool_use", "server_tool_use"):
            total += estimate_tokens(json.dumps(block.get("input", {}), ensure_ascii=False))
    return total


def output_estimate(message: StoredMessage) -> int | None:
    """The estimated output of a reply whose reported count is partial (it did not complete, and the count
    is below what its content shows); None when the reported count stands."""
    if message.role != "assistant":
        return None
    return partial_output_estimate(message.status, message.usage, message.content)


def partial_output_estimate(
    status: MessageStatus, usage: Usage | None, content: Sequence[ContentBlock]
) -> int | None:
    """`output_estimate` from a reply's fields (an exported message is not a StoredMessage)."""
    if status in ("complete", "streaming"):
        return None
    reported = usage.output_tokens if usage is not None else 0
    estimate = estimated_output(content)
    return estimate if estimate > reported else None
