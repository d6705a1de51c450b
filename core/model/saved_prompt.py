"""A prompt the user keeps to insert again: a title and a text with `{{variables}}` filled in when used.

A variable is a name between double braces, spaces around it allowed (`{{ topic }}`); the name is any text
without braces or line breaks, so `{{语言}}` works. The same name twice is asked once and filled everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_VARIABLE = re.compile(r"\{\{\s*([^{}\r\n]+?)\s*\}\}")


@dataclass(frozen=True)
class SavedPrompt:
    id: int | None
    """None until the store has it."""
    title: str
    body: str

    def variables(self) -> list[str]:
        return variables(self.body)


def variables(body: str) -> list[str]:
    """The names of the body's variables, each once, in the order they first appear."""
    return list(dict.fromkeys(match.group(1) for match in _VARIABLE.finditer(body)))


def fill(body: str, values: Mapping[str, str]) -> str:
    """The body with each variable replaced by its value; a variable without a value stays as written."""
    return _VARIABLE.sub(lambda match: values.get(match.group(1), match.group(0)), body)
