"""Checks a request body against the official openai SDK's request types, strictly.

The SDK's params are TypedDicts, which nothing enforces at runtime (and pydantic would ignore unknown keys),
so this walks the type hints itself: every key must be declared, every required key present, every value of
the declared type.
"""

from __future__ import annotations

import collections.abc
import types
from typing import Any, Literal, NotRequired, Required, Union, get_args, get_origin, get_type_hints

from typing_extensions import is_typeddict

_SEQUENCES = (list, collections.abc.Iterable, collections.abc.Sequence)


def type_errors(value: Any, tp: Any, path: str = "body") -> list[str]:
    """Why `value` is not a `tp`; empty when it is."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Required, NotRequired):
        return type_errors(value, args[0], path)
    if is_typeddict(tp):
        return _typeddict_errors(value, tp, path)
    if origin in (Union, types.UnionType):
        return _union_errors(value, args, path)
    if origin is Literal:
        return [] if value in args else [f"{path}: {value!r} is not one of {args}"]
    if origin in _SEQUENCES:
        if not isinstance(value, list):
            return [f"{path}: not a list"]
        return [error for i, item in enumerate(value) for error in type_errors(item, args[0], f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: not an object"]
        return [error for key, item in value.items() for error in type_errors(item, args[1], f"{path}.{key}")]
    return _scalar_errors(value, tp, path)


def _typeddict_errors(value: Any, tp: Any, path: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{path}: not an object"]
    hints = get_type_hints(tp, include_extras=True)
    errors = [f"{path}.{key}: not a field of {tp.__name__}" for key in value if key not in hints]
    errors += [f"{path}.{key}: required by {tp.__name__}" for key in _required_keys(tp) if key not in value]
    for key, item in value.items():
        if key in hints:
            errors += type_errors(item, hints[key], f"{path}.{key}")
    return errors


def _required_keys(tp: Any) -> set[str]:
    """`__required_keys__` is wrong for the SDK's string annotations, so derive it class by class."""
    inherited: set[str] = set()
    required: set[str] = set()
    for base in getattr(tp, "__orig_bases__", ()):
        if is_typeddict(base):
            inherited |= set(get_type_hints(base))
            required |= _required_keys(base)
    for key, hint in get_type_hints(tp, include_extras=True).items():
        if key in inherited:
            continue
        if get_origin(hint) is Required or (tp.__total__ and get_origin(hint) is not NotRequired):
            required.add(key)
    return required


def _union_errors(value: Any, options: tuple[Any, ...], path: str) -> list[str]:
    """Fits if one option fits; else the errors of the option that came closest."""
    attempts = [type_errors(value, option, path) for option in options]
    return min(attempts, key=len) if all(attempts) else []


def _scalar_errors(value: Any, tp: Any, path: str) -> list[str]:
    if tp is type(None):
        fits = value is None
    elif tp in (object, Any):
        fits = True
    elif tp is float:
        fits = isinstance(value, int | float) and not isinstance(value, bool)
    elif tp is int:
        fits = isinstance(value, int) and not isinstance(value, bool)
    elif tp in (str, bool):
        fits = isinstance(value, tp)
    else:
        raise TypeError(f"{path}: the checker does not handle {tp!r}")
    return [] if fits else [f"{path}: {value!r} is not a {getattr(tp, '__name__', tp)}"]
