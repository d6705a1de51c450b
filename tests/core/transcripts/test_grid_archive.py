"""Triptych JSON carries evaluation grids: test sets and runs (with every cell repeat) written from one real
SQLite store, read back into another whole; imported again, nothing doubles; a damaged grid in the file is
refused naming its place, and nothing of the file is added."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.model.compare_run import ColumnMetrics
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import CellKey, CellResult, CellStatus, GridRun, GridVariant, RunState, TestCase, TestSet
from core.model.request_settings import RequestSettings
from core.store.repository import Store
from core.transcripts.archive import archive_json, write_archive
from core.transcripts.importers.base import ImportFormatError
from core.transcripts.importers.detect import parse_import, read_import_file
from tests.core.store_helpers import text

DEFAULTS = RequestSettings(model="claude-sonnet-4-6")
TRIPS = TestSet(
    None,
    "Trips 旅行",
    "Plan {{days}} days in {{city}}.",
    (
        TestCase("Paris", {"city": "Paris", "days": "2"}, expected="The Louvre"),
        TestCase(
            "上海", {"city": "上海", "days": "3"}, context=({"role": "user", "content": "Cheap food."},)
        ),
    ),
    system="You plan trips.",
)
EMAILS = TestSet(
    None, "Emails", "Reply politely to: {{email}}", (TestCase("Late", {"email": "You are late."}),)
)
VARIANTS = (
    GridVariant("Relay", RequestSettings(model="claude-sonnet-4-6", temperature=0.0)),
    GridVariant(None, RequestSettings(model="claude-haiku-4-5", system="Be brief.")),
)
METRICS = ColumnMetrics(time_to_first_token=0.25, duration=1.75, output_tokens=42, cost_usd=0.0021)


def grids_in(store: Store) -> tuple[int, int]:
    """Two test sets (the first edited once), and a run of the first version with a done and a failed cell."""
    trips = store.save_test_set(TRIPS)
    store.save_test_set(EMAILS)
    run = store.create_grid_run(
        GridRun(None, "Temperature", trips, VARIANTS, repeats=2, concurrency=3, state=RunState.RUNNING)
    )
    assert run.id is not None and trips.id is not None
    store.save_grid_cell(
        run.id,
        CellResult(
            CellKey(0, 0, 0), CellStatus.DONE, ({"type": "text", "text": "Jour 1"},), METRICS, finished_at=5.0
        ),
    )
    error = ReplyError(ErrorKind.OVERLOADED, "Overloaded", status=529)
    store.save_grid_cell(
        run.id, CellResult(CellKey(1, 1, 1), CellStatus.FAILED, error=error, finished_at=6.0)
    )
    store.save_test_set(TestSet(trips.id, TRIPS.name, TRIPS.template, TRIPS.cases[:1], system=TRIPS.system))
    return trips.id, run.id


def test_test_sets_and_runs_go_out_and_come_back_whole(tmp_path: Path) -> None:
    source = Store.open(tmp_path / "a.sqlite3")
    _, run_id = grids_in(source)
    conversation = source.create_conversation(DEFAULTS, None, title="Kept too")
    source.add_message(conversation.id, None, "user", text("Hi"))
    path = tmp_path / "export.json"
    write_archive(source.export_all(), path, 1.0, source.export_grids())

    target = Store.open(tmp_path / "b.sqlite3")
    report = target.import_conversations(read_import_file(path, DEFAULTS))
    assert report.imported == ["Kept too"]
    assert sorted(report.test_sets) == ["Emails", "Trips 旅行"] and report.grid_runs == ["Temperature"]
    sets = {s.name: s for s in target.list_test_sets()}
    assert [c.name for c in sets["Trips 旅行"].cases] == ["Paris"]  # the latest version, as edited
    assert sets["Emails"].cases == EMAILS.cases
    [summary] = target.list_grid_runs()
    copy = target.get_grid_run(summary.id)
    original = source.get_grid_run(run_id)
    # The run keeps the test set as it ran (both cases), its variants, settings and every cell.
    assert copy.test_set.cases == TRIPS.cases and copy.test_set.system == "You plan trips."
    assert (copy.variants, copy.repeats, copy.concurrency, copy.created_at) == (
        original.variants, 2, 3, original.created_at,
    )  # fmt: skip
    assert copy.cells == original.cells
    assert copy.state == RunState.PAUSED  # it was running when exported: nothing runs it here yet

    again = target.import_conversations(read_import_file(path, DEFAULTS))
    assert sorted(again.duplicate_test_sets) == ["Emails", "Trips 旅行"]
    assert again.duplicate_grid_runs == ["Temperature"] and again.test_sets == again.grid_runs == []
    assert len(target.list_test_sets()) == 2 and len(target.list_grid_runs()) == 1


def test_a_file_without_grids_reads_as_before_and_writes_no_grid_keys(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    document = json.loads(archive_json([], 1.0, store.export_grids()))
    assert set(document) == {"format", "version", "exported_at", "conversations"}
    parsed = parse_import(json.dumps(document), DEFAULTS)
    assert parsed.grids.test_sets == [] and parsed.grids.runs == []


@pytest.mark.parametrize(
    ("damage", "place"),
    [
        (lambda d: d["grid_runs"][0]["cells"][0].update(case=7), "grid_runs[0].cells[0]"),
        (lambda d: d["grid_runs"][0].update(repeats=0), "grid_runs[0].repeats"),
        (lambda d: d["grid_runs"][0].update(variants=[]), "grid_runs[0].variants"),
        (
            lambda d: d["test_sets"][1]["cases"][0]["variables"].update(city=3),
            "test_sets[1].cases[0].variables.city",
        ),
        (lambda d: d["test_sets"][0].update(template=None), "test_sets[0].template"),
        (lambda d: d["grid_runs"][0]["cells"][1].update(status="running"), "grid_runs[0].cells[1].status"),
    ],
)
def test_a_damaged_grid_is_refused_naming_its_place_and_nothing_is_added(
    tmp_path: Path,
    damage,
    place: str,  # type: ignore[no-untyped-def]
) -> None:
    source = Store.open(tmp_path / "a.sqlite3")
    grids_in(source)
    conversation = source.create_conversation(DEFAULTS, None, title="Would be added")
    source.add_message(conversation.id, None, "user", text("Hi"))
    document = json.loads(archive_json(source.export_all(), 1.0, source.export_grids()))
    damage(document)
    with pytest.raises(ImportFormatError, match=place.replace("[", r"\[").replace("]", r"\]")):
        parse_import(json.dumps(document), DEFAULTS)
