"""Databases for the benchmarks, built with the real store: long conversations and many conversations."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.model.messages import Usage
from core.model.request_settings import RequestSettings
from core.store.repository import Store

MODEL = "claude-sonnet-4-6"

_SECTION = (
    "## Part {n}\n\nA paragraph with **bold**, *italic* and `inline code`, long enough to wrap over a "
    "line or two in the transcript, so that the layout has some real work to do for message {n}.\n\n"
    "- first point of {n}\n- second point with a [link](https://example.com/{n})\n- third point\n\n"
    "```python\ndef step_{n}(value: int) -> int:\n    total = value * {n}\n    return total + 1\n```\n\n"
    "| name | value | note |\n|---|---|---|\n| a{n} | {n} | first |\n| b{n} | {m} | second |\n\n"
)


def assistant_text(n: int, chars: int) -> str:
    parts: list[str] = []
    size = 0
    while size < chars:
        part = _SECTION.format(n=n * 10 + len(parts), m=n * 2)
        parts.append(part)
        size += len(part)
    return "".join(parts)[:chars]


def user_text(n: int) -> str:
    return (
        f"Question {n}: could you explain how the second part of the previous answer works, and show "
        "an example with a small table and some code? Please keep it short."
    )


def build_conversation(store: Store, messages: int, assistant_chars: int, title: str = "") -> int:
    """One conversation of `messages` turns, user and assistant alternating; returns its id."""
    conversation = store.create_conversation(RequestSettings(model=MODEL), None, title)
    parent: int | None = None
    for n in range(messages):
        if n % 2 == 0:
            message = store.add_message(
                conversation.id, parent, "user", [{"type": "text", "text": user_text(n)}]
            )
        else:
            message = store.add_message(
                conversation.id,
                parent,
                "assistant",
                [{"type": "text", "text": assistant_text(n, assistant_chars)}],
                model=MODEL,
                stop_reason="end_turn",
                usage=Usage(input_tokens=1000 + n, output_tokens=assistant_chars // 4),
                cost_usd=0.01,
            )
        parent = message.id
    return conversation.id


def markdown_size(store: Store, conversation_id: int) -> int:
    return sum(
        len(str(block.get("text", ""))) for m in store.current_path(conversation_id) for block in m.content
    )


def build_many(path: Path, conversations: int, messages_each: int = 4) -> None:
    """A database of `conversations` short conversations, as after months of use."""
    store = Store.open(path)
    try:
        for n in range(conversations):
            build_conversation(store, messages_each, 1500, title=f"Conversation {n}: a topic worth a title")
    finally:
        store.close()
