"""Tool input schemas: whether one is valid JSON Schema (a tool with an invalid one is listed, not offered),
and whether the model's arguments satisfy it (if not, the model is told why instead of the server called)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any


def schema_problem(schema: Mapping[str, Any]) -> str | None:
    """Why `schema` cannot be a tool's input schema; None when it can."""
    import jsonschema

    if schema.get("type") != "object":
        return 'The input schema\'s "type" must be "object".'
    try:
        jsonschema.validators.validator_for(schema).check_schema(dict(schema))
    except jsonschema.SchemaError as error:
        where = "/".join(str(part) for part in error.absolute_path)
        return f"Invalid JSON Schema at {where or 'the top'}: {error.message}"
    except Exception as error:  # a $ref that cannot resolve, a bad "$schema" URI...
        return f"Invalid JSON Schema: {error}"
    return None


def arguments_problem(schema: Mapping[str, Any], arguments: Mapping[str, Any]) -> str | None:
    """Why `arguments` do not satisfy `schema` (a sentence naming the field); None when they do."""
    import jsonschema

    validator = _validator(_frozen(schema))
    try:
        error = jsonschema.exceptions.best_match(validator.iter_errors(dict(arguments)))
    except Exception as failure:  # an unresolvable $ref found while validating
        return f"The arguments could not be checked: {failure}"
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path)
    return f"Invalid arguments{f' at {where}' if where else ''}: {error.message}"


class _Frozen:
    """A schema made hashable by identity of its JSON text, so validators are built once per schema."""

    def __init__(self, schema: Mapping[str, Any], key: str) -> None:
        self.schema = schema
        self.key = key

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Frozen) and other.key == self.key


def _frozen(schema: Mapping[str, Any]) -> _Frozen:
    import json

    return _Frozen(schema, json.dumps(schema, sort_keys=True, default=str))


@lru_cache(maxsize=256)
def _validator(frozen: _Frozen) -> Any:
    import jsonschema

    cls = jsonschema.validators.validator_for(frozen.schema)
    return cls(dict(frozen.schema))
