"""Every validation message about tools and tool_choice: the field it names and the values it allows."""

from typing import Any

import pytest

from tests.core.validation_helpers import OBJECT_SCHEMA, WEATHER, check, only


def test_a_tool_must_be_an_object() -> None:
    only(check(tools=["get_weather"]), "tools[0]", "JSON object")


def test_a_tool_needs_a_name() -> None:
    only(check(tools=[{"input_schema": OBJECT_SCHEMA}]), "tools[0].name", "required", "1 to 64 letters")


@pytest.mark.parametrize("name", ["get weather", "x" * 65, "", "wetter.heute", 7])
def test_tool_names_are_short_identifiers(name: Any) -> None:
    only(
        check(tools=[WEATHER, {"name": name, "input_schema": OBJECT_SCHEMA}]),
        "tools[1].name",
        "1 to 64 letters, digits, underscores or hyphens",
    )


def test_tool_names_are_unique() -> None:
    only(
        check(tools=[WEATHER, {"type": "custom", **WEATHER}]),
        "tools[1].name",
        '"get_weather"',
        "tools[0]",
        "unique",
    )


def test_a_custom_tool_needs_an_input_schema() -> None:
    only(check(tools=[{"name": "t"}]), "tools[0].input_schema", "required", '"type": "object"')


@pytest.mark.parametrize("schema", [{"type": "string"}, {"properties": {}}, ["type", "object"]])
def test_a_custom_tool_input_schema_is_an_object_schema(schema: Any) -> None:
    only(check(tools=[{"name": "t", "input_schema": schema}]), "tools[0].input_schema", '"type": "object"')


def test_schema_problems_are_reported_at_their_path_in_the_tool() -> None:
    schema = {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "strng"}}}}
    only(
        check(tools=[{"name": "t", "input_schema": schema}]),
        "tools[0].input_schema.properties.tags.items.type",
    )


def test_a_server_tool_type_must_be_a_string() -> None:
    only(check(tools=[{"type": 20250305, "name": "web_search"}]), "tools[0].type", '"custom"')


def test_unknown_versioned_server_tools_pass_unchecked() -> None:
    assert (
        check(
            tools=[
                {"type": "text_editor_20250728", "name": "str_replace_based_edit_tool", "max_characters": 10}
            ]
        )
        == []
    )


def test_web_search_takes_allowed_or_blocked_domains_not_both() -> None:
    search = {
        "type": "web_search_20260209",
        "name": "web_search",
        "allowed_domains": ["a.com"],
        "blocked_domains": ["b.com"],
    }
    only(check(tools=[search]), "tools[0].blocked_domains", "tools[0].allowed_domains", "only one")
    fetch = {**search, "type": "web_fetch_20250910", "name": "web_fetch"}
    assert check(tools=[fetch]) == []


@pytest.mark.parametrize(
    ("tool_type", "field"),
    [
        ("web_search_20250305", "max_uses"),
        ("web_fetch_20250910", "max_uses"),
        ("web_fetch_20250910", "max_content_tokens"),
    ],
)
def test_web_tool_limits_are_at_least_1(tool_type: str, field: str) -> None:
    name = tool_type.rsplit("_", 1)[0]
    only(
        check(tools=[{"type": tool_type, "name": name, field: 0}]),
        f"tools[0].{field}",
        "at least 1",
        "(it is 0)",
    )


@pytest.mark.parametrize("country", ["USA", "U", "1A"])
def test_web_search_country_is_two_letters(country: str) -> None:
    tool = {
        "type": "web_search_20250305",
        "name": "web_search",
        "user_location": {"type": "approximate", "country": country},
    }
    only(check(tools=[tool]), "tools[0].user_location.country", "two-letter", f'"{country}"')


# --- tool_choice -----------------------------------------------------------------------------------------


def test_tool_choice_type_values() -> None:
    only(
        check(tools=[WEATHER], tool_choice={"type": "required"}),
        "tool_choice.type",
        '"auto", "any", "tool", "none"',
    )  # type: ignore[typeddict-item]


def test_tool_choice_any_needs_tools() -> None:
    only(check(tool_choice={"type": "any"}), "tool_choice.type", "at least one tool")


def test_tool_choice_tool_needs_a_name() -> None:
    only(check(tools=[WEATHER], tool_choice={"type": "tool"}), "tool_choice.name", "required")


def test_tool_choice_names_one_of_the_tools() -> None:
    only(
        check(tools=[WEATHER], tool_choice={"type": "tool", "name": "get_time"}),
        "tool_choice.name",
        '"get_time"',
        '"get_weather"',
    )
    assert check(tools=[WEATHER], tool_choice={"type": "tool", "name": "get_weather"}) == []
