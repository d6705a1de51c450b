"""Is a JSON Schema well formed? A structural check of the keywords tool and output schemas use.

This does not validate data against a schema; it finds the mistakes people make when they write one by hand
(an unknown `type`, `properties` that is a list, `required` naming a property that does not exist) so the
user hears about them before the API answers 400.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeGuard

JSON_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")

# Keywords (draft 2020-12) whose value is a map of names to subschemas, a list of them, or one subschema.
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_SINGLES = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_COUNTS = ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties")


@dataclass(frozen=True)
class SchemaProblem:
    path: str
    message: str


def schema_problems(schema: Any, path: str) -> Iterator[SchemaProblem]:
    """Problems in `schema`, each at its path below `path` (e.g. "tools[0].input_schema.properties.city")."""
    if isinstance(schema, bool):  # `true` / `false` are schemas too
        return
    if not isinstance(schema, dict):
        yield SchemaProblem(path, f"{path} must be a JSON Schema object (it is {json_text(schema)}).")
        return
    yield from _type_problems(schema, path)
    yield from _required_problems(schema, path)
    yield from _keyword_value_problems(schema, path)
    yield from _subschema_problems(schema, path)


def _type_problems(schema: dict[str, Any], path: str) -> Iterator[SchemaProblem]:
    if "type" not in schema:
        return
    kind = schema["type"]
    kinds = kind if isinstance(kind, list) else [kind]
    unknown = [item for item in kinds if item not in JSON_TYPES]
    if unknown or not kinds:
        allowed = ", ".join(f'"{name}"' for name in JSON_TYPES)
        yield SchemaProblem(
            f"{path}.type",
            f"{path}.type must be one of {allowed}, or a list of them (it is {json_text(kind)}).",
        )


def _required_problems(schema: dict[str, Any], path: str) -> Iterator[SchemaProblem]:
    if "required" not in schema:
        return
    required = schema["required"]
    if not isinstance(required, list) or not all(isinstance(name, str) for name in required):
        yield SchemaProblem(
            f"{path}.required",
            f"{path}.required must be a list of property names (it is {json_text(required)}).",
        )
        return
    properties = schema.get("properties")
    known = properties if isinstance(properties, dict) else {}
    for index, name in enumerate(required):
        if name not in known:
            yield SchemaProblem(
                f"{path}.required[{index}]",
                f'{path}.required[{index}] names "{name}", which is not one of {path}.properties.',
            )


def _keyword_value_problems(schema: dict[str, Any], path: str) -> Iterator[SchemaProblem]:
    if "enum" in schema and (not isinstance(schema["enum"], list) or not schema["enum"]):
        yield SchemaProblem(
            f"{path}.enum", f"{path}.enum must be a non-empty list (it is {json_text(schema['enum'])})."
        )
    for keyword in _COUNTS:
        value = schema.get(keyword)
        if keyword in schema and (not _is_int(value) or value < 0):
            yield SchemaProblem(
                f"{path}.{keyword}",
                f"{path}.{keyword} must be a whole number of 0 or more (it is {json_text(value)}).",
            )


def _subschema_problems(schema: dict[str, Any], path: str) -> Iterator[SchemaProblem]:
    for keyword in _SCHEMA_MAPS:
        if keyword not in schema:
            continue
        children = schema[keyword]
        if not isinstance(children, dict):
            yield SchemaProblem(
                f"{path}.{keyword}",
                f"{path}.{keyword} must be an object mapping names to schemas (it is {json_text(children)}).",
            )
            continue
        for name, child in children.items():
            yield from schema_problems(child, f"{path}.{keyword}.{name}")
    for keyword in _SCHEMA_LISTS:
        if keyword not in schema:
            continue
        children = schema[keyword]
        if not isinstance(children, list) or not children:
            yield SchemaProblem(
                f"{path}.{keyword}",
                f"{path}.{keyword} must be a non-empty list of schemas (it is {json_text(children)}).",
            )
            continue
        for index, child in enumerate(children):
            yield from schema_problems(child, f"{path}.{keyword}[{index}]")
    for keyword in _SCHEMA_SINGLES:
        if keyword not in schema:
            continue
        child = schema[keyword]
        if keyword == "items" and isinstance(child, list):  # draft-07 tuple form, common in generated schemas
            for index, item in enumerate(child):
                yield from schema_problems(item, f"{path}.items[{index}]")
        else:
            yield from schema_problems(child, f"{path}.{keyword}")


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def json_text(value: Any) -> str:
    """A value as the user wrote it in JSON, shortened."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
