"""JSON codecs for the evaluation grid's values: test cases and sets, variants, cell results.

Shared by the store (`core.store.grids`) and the Triptych JSON archive (`core.transcripts.archive`), so a test
set reads back the same from either. Lenient like `core.model.codec`: an unknown key is ignored and a
missing or mistyped one takes the field's default, so files written by other versions still load.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core.model.codec import error_from_dict, error_to_dict, settings_from_dict, settings_to_dict
from core.model.compare_run import ColumnMetrics
from core.model.grid import CellKey, CellResult, CellStatus, GridVariant, TestCase, TestSet


def case_to_dict(case: TestCase) -> dict[str, Any]:
    return {
        "name": case.name,
        "variables": dict(case.variables),
        "expected": case.expected,
        "context": [dict(message) for message in case.context],
    }


def case_from_dict(data: Mapping[str, Any]) -> TestCase:
    variables = data.get("variables")
    context = data.get("context")
    return TestCase(
        name=_text(data.get("name")),
        # Values are text: a number read from a JSON file is sent as it was written.
        variables={str(k): _text(v) for k, v in variables.items()} if isinstance(variables, dict) else {},
        expected=_text(data.get("expected")),
        context=tuple(m for m in context if isinstance(m, dict)) if isinstance(context, list) else (),
    )


def encode_test_set(test_set: TestSet) -> dict[str, Any]:
    return {
        "name": test_set.name,
        "template": test_set.template,
        "system": test_set.system,
        "cases": [case_to_dict(case) for case in test_set.cases],
        "version": test_set.version,
        "created_at": test_set.created_at,
        "updated_at": test_set.updated_at,
    }


def decode_test_set(data: Mapping[str, Any], *, id: int | None = None) -> TestSet:
    cases = data.get("cases")
    system = data.get("system")
    version = data.get("version")
    return TestSet(
        id=id,
        name=_text(data.get("name")),
        template=_text(data.get("template")),
        cases=tuple(case_from_dict(c) for c in cases if isinstance(c, dict))
        if isinstance(cases, list)
        else (),
        system=system if isinstance(system, str) else None,
        version=version if isinstance(version, int) and not isinstance(version, bool) and version > 0 else 1,
        created_at=_number(data.get("created_at")),
        updated_at=_number(data.get("updated_at")),
    )


def variant_to_dict(variant: GridVariant) -> dict[str, Any]:
    return {"profile_name": variant.profile_name, "settings": settings_to_dict(variant.settings)}


def variant_from_dict(data: Mapping[str, Any]) -> GridVariant:
    profile = data.get("profile_name")
    settings = data.get("settings")
    return GridVariant(
        profile_name=profile if isinstance(profile, str) else None,
        settings=settings_from_dict(settings if isinstance(settings, dict) else {}),
    )


def cell_to_dict(result: CellResult) -> dict[str, Any]:
    return {
        "case": result.key.case,
        "variant": result.key.variant,
        "repeat": result.key.repeat,
        "status": result.status.value,
        "content": list(result.content),
        "metrics": result.metrics.to_dict() if result.metrics is not None else None,
        "error": error_to_dict(result.error) if result.error is not None else None,
        "finished_at": result.finished_at,
    }


def cell_from_dict(data: Mapping[str, Any]) -> CellResult | None:
    """None when the key is not three whole numbers: such a cell belongs nowhere in the grid."""
    key = [data.get(name) for name in ("case", "variant", "repeat")]
    parts = [part for part in key if isinstance(part, int) and not isinstance(part, bool) and part >= 0]
    if len(parts) != 3:
        return None
    metrics = data.get("metrics")
    error = data.get("error")
    content = data.get("content")
    finished = data.get("finished_at")
    return CellResult(
        key=CellKey(*parts),
        status=status_from_text(data.get("status")),
        content=tuple(b for b in content if isinstance(b, dict)) if isinstance(content, list) else (),
        metrics=ColumnMetrics.from_dict(metrics) if isinstance(metrics, dict) else None,
        error=error_from_dict(error) if isinstance(error, dict) else None,
        finished_at=float(finished)
        if isinstance(finished, int | float) and not isinstance(finished, bool)
        else None,
    )


def status_from_text(value: object) -> CellStatus:
    """A stored status; anything unknown reads as FAILED, so the cell is offered for a retry, not lost."""
    try:
        return CellStatus(str(value))
    except ValueError:
        return CellStatus.FAILED


def _text(value: object) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    return str(value)


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0
