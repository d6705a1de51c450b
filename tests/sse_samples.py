"""The recorded example streams in tests/fixtures/sse (copied from shared/sse-samples), as bytes and as
parsed events."""

from __future__ import annotations

import json
from typing import Any

from core.wire.sse import SSEDecoder
from tests.paths import RECORDED_STREAMS

SAMPLES = RECORDED_STREAMS

ANTHROPIC_SAMPLES = (
    "docs-basic-text.sse",
    "docs-thinking-signature.sse",
    "docs-tool-use-input-json-delta.sse",
    "docs-web-search-server-tool.sse",
    "docs-error-event-overloaded.sse",
)


def sample_bytes(name: str, *, repaired: bool = True) -> bytes:
    """The sample without its `#` source line.

    The docs elide part of the web-search sample: a result list ends in `,...]` (not JSON), a bare `...`
    line stands for blocks 4-16, and the last text block is closed as index 17. Repaired, the list is
    closed, the `...` dropped and the last block closed as the index 3 it opened with.
    """
    lines = (SAMPLES / name).read_bytes().split(b"\n")[1:]
    if repaired:
        lines = [
            line.replace(b",...]", b"]").replace(b'"index":17', b'"index":3')
            for line in lines
            if line.strip() != b"..."
        ]
    return b"\n".join(lines)


def sample_events(name: str) -> list[dict[str, Any]]:
    decoder = SSEDecoder()
    events = decoder.feed(sample_bytes(name)) + decoder.flush()
    return [json.loads(event.data) for event in events if event.data and event.data != "[DONE]"]
