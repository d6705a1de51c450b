"""The structural JSON Schema check: each mistake at its path, with the values allowed there."""

from typing import Any

import pytest

from core.wire.json_schema import json_text, schema_problems


def problems(schema: Any) -> list[tuple[str, str]]:
    return [(problem.path, problem.message) for problem in schema_problems(schema, "s")]


@pytest.mark.parametrize(
    ("schema", "path", "phrase"),
    [
        ("object", "s", "JSON Schema object"),
        ({"properties": ["city"]}, "s.properties", "mapping names to schemas"),
        ({"properties": {"city": {"type": "text"}}}, "s.properties.city.type", '"string"'),
        ({"properties": {"city": "string"}}, "s.properties.city", "JSON Schema object"),
        ({"type": []}, "s.type", "a list of them"),
        ({"type": ["integer", "nil"]}, "s.type", '["integer", "nil"]'),
        ({"required": "city"}, "s.required", "list of property names"),
        ({"required": ["a", 1], "properties": {"a": {}}}, "s.required", "list of property names"),
        (
            {"properties": {"a": {}}, "required": ["a", "b"]},
            "s.required[1]",
            '"b", which is not one of s.properties',
        ),
        ({"required": ["x"]}, "s.required[0]", '"x"'),
        ({"items": {"type": "strng"}}, "s.items.type", '"strng"'),
        ({"items": [{"type": "string"}, {"type": "?"}]}, "s.items[1].type", '"?"'),
        ({"prefixItems": [{"type": "string"}, 3]}, "s.prefixItems[1]", "JSON Schema object"),
        ({"enum": []}, "s.enum", "non-empty list"),
        ({"enum": "a"}, "s.enum", "non-empty list"),
        ({"minLength": -1}, "s.minLength", "0 or more"),
        ({"maxItems": 1.5}, "s.maxItems", "whole number"),
        ({"maxItems": True}, "s.maxItems", "whole number"),
        ({"anyOf": []}, "s.anyOf", "non-empty list of schemas"),
        ({"allOf": {"type": "string"}}, "s.allOf", "non-empty list of schemas"),
        ({"oneOf": [{"type": "string"}, {"type": "bad"}]}, "s.oneOf[1].type", '"bad"'),
        ({"$defs": {"Point": {"type": "object", "required": ["x"]}}}, "s.$defs.Point.required[0]", '"x"'),
        ({"definitions": []}, "s.definitions", "mapping names to schemas"),
        ({"additionalProperties": {"type": "whatever"}}, "s.additionalProperties.type", '"whatever"'),
        ({"not": {"type": 5}}, "s.not.type", "(it is 5)"),
    ],
)
def test_each_mistake_is_reported_at_its_path(schema: Any, path: str, phrase: str) -> None:
    found = problems(schema)
    assert [where for where, _ in found] == [path]
    message = found[0][1]
    assert message.startswith(path)
    assert phrase in message


def test_boolean_subschemas_nested_objects_and_unknown_keywords_are_fine() -> None:
    schema = {
        "type": "object",
        "properties": {
            "any": True,
            "when": {"type": "string", "format": "date", "x-ui": {"widget": "calendar"}},
            "point": {"type": "object", "properties": {"x": {"type": "number"}}, "required": ["x"]},
            "maybe": {"type": ["string", "null"], "enum": ["a", None]},
        },
        "required": ["any"],
        "additionalProperties": False,
    }
    assert problems(schema) == []
    assert problems(True) == []


def test_json_text_shows_values_as_json_and_shortens_long_ones() -> None:
    assert json_text(None) == "null"
    assert json_text(["a", True]) == '["a", true]'
    assert json_text("x" * 100).endswith("...")
    assert len(json_text("x" * 100)) == 60
    assert json_text({1, 2}) == "{1, 2}"
