"""Column names: each column called by what sets it apart from the others ("temperature 0.2 · effort high"),
the same words in the window, the diff dialog, the alternatives and the reports; never "Column 2".

`core.model.compare_run.distinguishing_differences` finds the fields that vary; this joins one column's values
of them into a name, with the caller's wording (the GUI translates, the reports write English). Columns with
the same settings get the same words, so they are numbered ("same settings #1", "#2"): a repeat of one setting
is a comparison too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from core.model.compare_run import Difference, distinguishing_differences
from core.model.request_settings import RequestSettings

SEPARATOR = " · "


def column_names(
    columns: Sequence[tuple[str | None, RequestSettings]],
    text: Callable[[Difference], str] = Difference.label,
    same: str = "same settings",
) -> list[str]:
    """One name per column (profile name, settings): its distinguishing values worded by `text`, or `same`
    when nothing sets it apart; names that would repeat get " #n" in column order."""
    found = distinguishing_differences(columns)
    names = [SEPARATOR.join(text(item) for item in differences) or same for differences in found]
    repeated = Counter(names)
    seen: Counter[str] = Counter()
    numbered: list[str] = []
    for name in names:
        if repeated[name] > 1:
            seen[name] += 1
            name = f"{name} #{seen[name]}"
        numbered.append(name)
    return numbered
