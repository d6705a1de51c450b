"""Shared by the store tests: a clock the test moves by hand, sample settings, profiles and content, and a
database damaged inside."""

from __future__ import annotations

from typing import Any

from core.model.messages import ContentBlock
from core.model.pricing import ModelPrice
from core.model.profile import Profile
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.store.repository import Store

START = 1_700_000_000.0


class FakeClock:
    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def full_settings() -> RequestSettings:
    """Every field set to something other than its default."""
    return RequestSettings(
        model="claude-sonnet-4-6",
        max_tokens=2048,
        system=[{"type": "text", "text": "Réponds en français.", "cache_control": {"type": "ephemeral"}}],
        temperature=0.7,
        top_p=0.9,
        top_k=40,
        stop_sequences=["END", "停"],
        stream=False,
        thinking=ThinkingSettings(mode="enabled", budget_tokens=4096, display="summarized"),
        effort="high",
        output_schema={"type": "object", "properties": {"city": {"type": "string"}}},
        tools=[
            {"name": "get_weather", "input_schema": {"type": "object"}, "description": "Weather"},
            {"type": "web_search_20250305", "name": "web_search", "max_uses": 3},
        ],
        tool_choice={"type": "tool", "name": "get_weather", "disable_parallel_tool_use": True},
        cache_control={"type": "ephemeral", "ttl": "1h"},
        metadata_user_id="user-42",
        service_tier="standard_only",
        inference_geo="us",
        container="container_abc",
        extra_json={"future_field": {"nested": [1, 2.5, None, True]}},
        mcp_servers=["time", "git"],
    )


def relay_profile(name: str = "Relay") -> Profile:
    return Profile(
        name=name,
        base_url="https://relay.example/v1",
        auth_style="bearer",
        api_style="openai",
        anthropic_version="2023-06-01",
        betas=("context-1m-2025-08-07", "interleaved-thinking-2025-05-14"),
        proxy="http://127.0.0.1:3128",
        price_overrides={"claude-sonnet-4-6": ModelPrice(1.5, 7.5, 1.875, 3.0, 0.15)},
    )


def text(value: str) -> list[ContentBlock]:
    return [{"type": "text", "text": value}]


# What replies really hold: a signed thinking block, a server tool call and its result with citations, a
# block type this app does not know. Each must come back byte for byte.
RICH_CONTENT: list[dict[str, Any]] = [
    {"type": "thinking", "thinking": "Let me think… 先想一想", "signature": "EqQBCkYIARgCKkDz=="},
    {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT"},
    {"type": "server_tool_use", "id": "srvtoolu_01", "name": "web_search", "input": {"query": "天气"}},
    {
        "type": "web_search_tool_result",
        "tool_use_id": "srvtoolu_01",
        "content": [{"type": "web_search_result", "url": "https://example.com", "encrypted_content": "x"}],
    },
    {
        "type": "text",
        "text": "It is sunny. 晴天 \u2028 with a line separator",
        "citations": [{"type": "web_search_result_location", "url": "https://a.example", "cited_text": "s"}],
    },
    {"type": "block_from_the_future", "payload": {"deep": [1, {"x": None}]}},
]


def damage_a_conversation(store: Store, title: str = "damaged") -> None:
    """Garbage over a page in the middle of one long message (an overflow page, its chain broken): the
    rest of the database still reads, and SQLite's quick_check finds the damage."""
    cid = store.create_conversation(RequestSettings(model="m"), None, title).id
    store.add_message(cid, None, "user", text("DAMAGE-ME " * 3000))
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = store._db.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(store.path.read_bytes())
    pages = [
        n for n in range(len(data) // page_size) if b"DAMAGE-ME" in data[n * page_size : (n + 1) * page_size]
    ]
    middle = pages[len(pages) // 2] * page_size
    with store.path.open("r+b") as file:
        file.seek(middle)
        file.write(b"\xa5" * page_size)
