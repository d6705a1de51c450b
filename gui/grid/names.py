"""A grid's columns named by what sets each apart (core.model.compare_run.distinguishing_differences),
worded like the compare window's headers, never "Column 2"."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication

from core.model.compare_run import distinguishing_differences
from core.model.grid import GridVariant
from gui.compare.column import difference_text


def variant_names(variants: list[GridVariant] | tuple[GridVariant, ...]) -> list[str]:
    """One name per variant: the values of the fields that vary across them ("temperature 0.5"); a variant
    that differs in nothing is named by its model; variants with the same name are numbered ("… #2")."""
    found = distinguishing_differences([(variant.profile_name, variant.settings) for variant in variants])
    names = [
        " · ".join(difference_text(item) for item in items) if items else variant.settings.model
        for variant, items in zip(variants, found, strict=True)
    ]
    counts = Counter(names)
    seen: Counter[str] = Counter()
    numbered = []
    for name in names:
        if counts[name] > 1:
            seen[name] += 1
            name = QCoreApplication.translate("GridNames", "{name} #{n}").format(name=name, n=seen[name])
        numbered.append(name)
    return numbered
