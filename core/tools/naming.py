"""The names tools are offered to the model by: the server's own when it fits the API and is unique, else
`server__tool`, made to fit `TOOL_NAME`. Resolved over every ready server, so a name stays the same in every
conversation while the configuration does not change."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from core.model.tools import TOOL_NAME

_UNFIT = re.compile(r"[^a-zA-Z0-9_-]")
_MAX = 128


def fit(name: str) -> str:
    """`name` with every character the API refuses replaced by `_`, cut to 128 characters."""
    fitted = _UNFIT.sub("_", name)[:_MAX]
    return fitted or "tool"


def exposed_names(tools: Sequence[tuple[str, str]]) -> list[str]:
    """For each (server, tool name), the name offered to the model; same order."""
    plain = [fit(name) for _, name in tools]
    counts = Counter(plain)
    names = [
        name if counts[name] == 1 else fit(f"{server}__{name}")
        for (server, _), name in zip(tools, plain, strict=True)
    ]
    # Two prefixed names may still meet (servers whose names differ only in unfit characters): number them.
    seen: Counter[str] = Counter()
    unique: list[str] = []
    for name in names:
        seen[name] += 1
        unique.append(name if seen[name] == 1 else f"{name[: _MAX - 4]}_{seen[name]}")
    assert all(TOOL_NAME.match(name) for name in unique)
    return unique
