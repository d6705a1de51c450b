from __future__ import annotations

import dataclasses

from core.compare.naming import column_names
from core.model.request_settings import RequestSettings, ThinkingSettings

BASE = RequestSettings(model="claude-sonnet-4-5", max_tokens=1024)


def test_columns_are_named_by_the_fields_that_vary_across_all_of_them() -> None:
    a = dataclasses.replace(BASE, temperature=0.2)
    b = dataclasses.replace(
        BASE, temperature=0.9, thinking=ThinkingSettings(mode="enabled", budget_tokens=8192)
    )
    c = dataclasses.replace(BASE, temperature=0.9)
    names = column_names([("Relay", a), ("Relay", b), ("Relay", c)])
    assert names == [
        "temperature 0.2 · thinking off",
        "temperature 0.9 · thinking 8k",
        "temperature 0.9 · thinking off",
    ]


def test_the_same_settings_are_numbered_and_a_wording_can_be_given() -> None:
    hot = dataclasses.replace(BASE, temperature=1.0)
    assert column_names([("Relay", BASE), ("Relay", BASE)]) == ["same settings #1", "same settings #2"]
    assert column_names([("A", BASE), ("A", BASE), ("A", hot)]) == [
        "temperature default #1",
        "temperature default #2",
        "temperature 1.0",
    ]
    worded = column_names([("A", BASE), ("B", BASE)], text=lambda d: f"[{d.field}={d.value_text}]", same="-")
    assert worded == ["[profile=A]", "[profile=B]"]
    assert column_names([]) == []
