"""Parsing `GET /v1/models` pages (Anthropic and OpenAI shapes) and building the model picker's list."""

from datetime import UTC, datetime
from typing import Any

import pytest
from anthropic.types import ModelInfo as SdkModelInfo

from core.model.catalog import MODELS, lookup
from core.wire.errors import ApiError
from core.wire.models_list import DiscoveredModel, merge_with_catalog, parse_models_page

ANTHROPIC_PAGE: dict[str, Any] = {
    "data": [
        {
            "type": "model",
            "id": "claude-sonnet-4-6",
            "display_name": "Claude Sonnet 4.6",
            "created_at": "2026-02-17T00:00:00Z",
            "max_input_tokens": 1_000_000,
            "max_tokens": 128_000,
        },
        {
            "type": "model",
            "id": "claude-haiku-4-5-20251001",
            "display_name": "Claude Haiku 4.5",
            "created_at": "2025-10-01T00:00:00Z",
        },
    ],
    "has_more": True,
    "first_id": "claude-sonnet-4-6",
    "last_id": "claude-haiku-4-5-20251001",
}

OPENAI_LIST: dict[str, Any] = {
    "object": "list",
    "data": [
        {"id": "claude-opus-4-6", "object": "model", "created": 1_770_000_000, "owned_by": "anthropic"},
        {"id": "gpt-relay-special", "object": "model", "created": 1_700_000_000, "owned_by": "relay"},
    ],
}


def test_an_anthropic_page() -> None:
    page = parse_models_page(ANTHROPIC_PAGE)
    assert page.has_more is True
    assert page.last_id == "claude-haiku-4-5-20251001"
    first, second = page.models
    assert first == DiscoveredModel(
        id="claude-sonnet-4-6",
        display_name="Claude Sonnet 4.6",
        created_at=datetime(2026, 2, 17, tzinfo=UTC),
        max_input_tokens=1_000_000,
        max_tokens=128_000,
    )
    assert (second.id, second.max_tokens, second.max_input_tokens) == (
        "claude-haiku-4-5-20251001",
        None,
        None,
    )


def test_an_openai_style_list_from_a_relay() -> None:
    page = parse_models_page(OPENAI_LIST)
    assert [model.id for model in page.models] == ["claude-opus-4-6", "gpt-relay-special"]
    assert page.models[0].owned_by == "anthropic"
    assert page.models[0].created_at == datetime.fromtimestamp(1_770_000_000, tz=UTC)
    assert page.has_more is False


def test_a_page_serialised_by_the_sdk_parses_the_same() -> None:
    sdk_model = SdkModelInfo(
        id="claude-opus-4-6",
        type="model",
        display_name="Claude Opus 4.6",
        created_at=datetime(2026, 2, 5, tzinfo=UTC),
        max_input_tokens=1_000_000,
        max_tokens=128_000,
    )
    page = parse_models_page({"data": [sdk_model.model_dump(mode="json")], "has_more": False})
    assert page.models[0].id == "claude-opus-4-6"
    assert page.models[0].created_at == sdk_model.created_at
    assert page.models[0].max_tokens == 128_000


def test_capabilities_give_thinking_types_and_effort_levels() -> None:
    yes, no = {"supported": True}, {"supported": False}
    entry = {
        "id": "claude-opus-4-6",
        "capabilities": {
            "thinking": {"supported": True, "types": {"enabled": yes, "adaptive": yes}},
            "effort": {"supported": True, "low": yes, "medium": yes, "high": yes, "max": yes, "xhigh": no},
        },
    }
    model = parse_models_page({"data": [entry]}).models[0]
    assert model.thinking_types == frozenset({"enabled", "adaptive"})
    assert model.effort_levels == ("low", "medium", "high", "max")


def test_unsupported_capabilities_are_empty_and_absent_ones_unknown() -> None:
    entry = {"id": "m", "capabilities": {"thinking": {"supported": False}, "effort": {"supported": False}}}
    model = parse_models_page({"data": [entry]}).models[0]
    assert (model.thinking_types, model.effort_levels) == (frozenset(), ())
    bare = parse_models_page({"data": [{"id": "m"}]}).models[0]
    assert (bare.thinking_types, bare.effort_levels) == (None, None)


def test_entries_without_an_id_and_bad_fields_are_tolerated() -> None:
    page = parse_models_page(
        {
            "data": [
                "not an object",
                {"object": "model"},
                {"id": "  "},
                {"id": "ok", "created_at": "yesterday", "max_tokens": -5, "display_name": 7},
            ]
        }
    )
    assert page.models == [DiscoveredModel(id="ok")]


def test_without_last_id_the_next_page_starts_after_the_last_model() -> None:
    page = parse_models_page({"data": [{"id": "a"}, {"id": "b"}], "has_more": True})
    assert page.last_id == "b"
    assert parse_models_page({"data": []}).last_id is None


def test_an_answer_without_a_data_array_is_an_error() -> None:
    with pytest.raises(ApiError, match="data"):
        parse_models_page({"models": []})


def test_the_picker_without_a_provider_list_shows_the_catalog_unlisted() -> None:
    picker = merge_with_catalog([])
    assert [row.id for row in picker] == [info.id for info in MODELS]
    assert not any(row.listed for row in picker)
    assert picker[0].catalog is MODELS[0]
    assert picker[0].max_output_tokens == MODELS[0].max_output_tokens


def test_the_picker_uses_the_providers_names_and_appends_unknown_models() -> None:
    discovered = [
        DiscoveredModel(id="relay-special", display_name="Relay Special", max_tokens=4096),
        DiscoveredModel(id="claude-3-5-haiku-20241022"),
        DiscoveredModel(id="claude-sonnet-4-6", max_tokens=32_000, max_input_tokens=200_000),
        DiscoveredModel(id="claude-sonnet-4-6"),
    ]
    picker = merge_with_catalog(discovered)
    ids = [row.id for row in picker]
    assert ids[-1] == "relay-special"
    assert ids.count("claude-sonnet-4-6") == 1
    assert "claude-3-5-haiku-20241022" in ids
    assert "claude-haiku-3-5-20241022" not in ids
    assert len(picker) == len(MODELS) + 1

    rows = {row.id: row for row in picker}
    haiku = rows["claude-3-5-haiku-20241022"]
    assert (haiku.catalog, haiku.listed, haiku.display_name) == (
        lookup("claude-haiku-3-5-20241022"),
        True,
        "Claude Haiku 3.5",
    )
    # The provider's own figures win over the catalog's.
    assert (rows["claude-sonnet-4-6"].max_output_tokens, rows["claude-sonnet-4-6"].context_window) == (
        32_000,
        200_000,
    )
    special = rows["relay-special"]
    assert (special.catalog, special.listed, special.display_name, special.max_output_tokens) == (
        None,
        True,
        "Relay Special",
        4096,
    )
    assert special.context_window is None
    assert rows["claude-opus-4-6"].listed is False
