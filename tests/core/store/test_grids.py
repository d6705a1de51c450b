"""Evaluation grids in a real SQLite file: test sets versioned on edit, runs pointing at the version they ran,
cells saved one by one and read back after reopening, a retried cell replacing its failed row, and runs left
running by a quit paused at the next start."""

from pathlib import Path

import pytest

from core.model.compare_run import ColumnMetrics
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import (
    CellKey,
    CellResult,
    CellStatus,
    GridRun,
    GridVariant,
    RunState,
    TestCase,
    TestSet,
)
from core.model.request_settings import RequestSettings
from core.store.errors import RecordNotFoundError
from core.store.repository import Store
from core.store.services import StoreServices
from core.store.worker import StoreWorker
from tests.core.store_helpers import FakeClock, full_settings

CASES = (
    TestCase("Paris", {"city": "Paris", "days": "2"}, expected="Mentions the Louvre"),
    TestCase(
        "上海",
        {"city": "上海", "days": "3"},
        context=({"role": "user", "content": "I like food."}, {"role": "assistant", "content": "Noted."}),
    ),
)
TEST_SET = TestSet(None, "Trips", "Plan {{days}} days in {{city}}.", CASES, system="Be brief.")
VARIANTS = (
    GridVariant("Relay", RequestSettings(model="claude-sonnet-4-6", temperature=0.0)),
    GridVariant(None, full_settings()),
)
METRICS = ColumnMetrics(time_to_first_token=0.2, duration=1.5, output_tokens=40, cost_usd=0.001)


def a_run(test_set: TestSet, repeats: int = 2) -> GridRun:
    return GridRun(
        None, "Trips × 2", test_set, VARIANTS, repeats=repeats, concurrency=3, state=RunState.RUNNING
    )


def done(case: int, variant: int, repeat: int, text: str = "Day one") -> CellResult:
    return CellResult(
        CellKey(case, variant, repeat),
        CellStatus.DONE,
        ({"type": "text", "text": text},),
        METRICS,
        finished_at=1_700_000_100.0,
    )


def failed(case: int, variant: int, repeat: int) -> CellResult:
    error = ReplyError(ErrorKind.OVERLOADED, "Overloaded", status=529, retry_after=2.0)
    return CellResult(CellKey(case, variant, repeat), CellStatus.FAILED, error=error, finished_at=1.0)


def test_an_edit_saves_a_new_version_and_a_run_keeps_the_version_it_ran(tmp_path: Path) -> None:
    path = tmp_path / "grids.sqlite3"
    store = Store.open(path, clock=FakeClock())
    first = store.save_test_set(TEST_SET)
    assert (first.id, first.version, first.cases, first.system) == (first.id, 1, CASES, "Be brief.")
    assert store.save_test_set(first) == first  # saved without an edit: no new version
    run = store.create_grid_run(a_run(first))
    edited = store.save_test_set(
        TestSet(
            first.id, "Trips", first.template, (*CASES[:1], TestCase("Rome", {"city": "Rome", "days": "1"}))
        )
    )
    assert edited.version == 2 and [c.name for c in edited.cases] == ["Paris", "Rome"]
    store.close()

    reopened = Store.open(path)
    assert [(s.name, s.version) for s in reopened.list_test_sets()] == [("Trips", 2)]
    again = reopened.get_grid_run(run.id)  # type: ignore[arg-type]
    assert again.test_set.version == 1 and again.test_set.cases == CASES
    assert again.variants == VARIANTS and (again.repeats, again.concurrency) == (2, 3)
    assert again.state == RunState.RUNNING and again.cells == {}
    assert len(again.remaining()) == 2 * 2 * 2


def test_cells_are_saved_one_by_one_read_back_and_a_retry_replaces_the_failed_one(tmp_path: Path) -> None:
    path = tmp_path / "grids.sqlite3"
    store = Store.open(path, clock=FakeClock())
    run = store.create_grid_run(a_run(TEST_SET))
    assert run.id is not None and run.test_set.id is not None  # the unsaved set was saved with the run
    store.save_grid_cell(run.id, done(0, 0, 0, "Bonjour 巴黎"))
    store.save_grid_cell(run.id, failed(0, 1, 0))
    store.close()

    store = Store.open(path)
    saved = store.get_grid_run(run.id)
    assert saved.cells[CellKey(0, 0, 0)] == done(0, 0, 0, "Bonjour 巴黎")
    assert saved.cells[CellKey(0, 1, 0)] == failed(0, 1, 0)
    assert saved.cells[CellKey(0, 1, 0)].error.retry_after == 2.0  # type: ignore[union-attr]
    assert CellKey(0, 0, 0) not in saved.remaining() and len(saved.remaining()) == 6
    [summary] = store.list_grid_runs()
    assert (summary.total, summary.done, summary.failed, summary.test_set_name) == (8, 1, 1, "Trips")

    store.save_grid_cell(run.id, done(0, 1, 0, "Retried"))
    retried = store.get_grid_run(run.id).cells[CellKey(0, 1, 0)]
    assert (retried.status, retried.text, retried.error) == (CellStatus.DONE, "Retried", None)
    assert (store.list_grid_runs()[0].done, store.list_grid_runs()[0].failed) == (2, 0)


def test_bad_runs_are_refused_and_save_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "grids.sqlite3")
    empty = TestSet(None, "Empty", "{{x}}")
    with pytest.raises(ValueError, match="at least one test case"):
        store.create_grid_run(a_run(empty))
    with pytest.raises(ValueError, match="at least one variant"):
        store.create_grid_run(GridRun(None, "No columns", TEST_SET, ()))
    with pytest.raises(ValueError, match="1 to 20"):
        store.create_grid_run(a_run(TEST_SET, repeats=21))
    assert store.list_test_sets() == [] and store.list_grid_runs() == []
    with pytest.raises(ValueError, match="finished"):
        store.save_grid_cell(1, CellResult(CellKey(0, 0, 0), CellStatus.RUNNING))
    with pytest.raises(RecordNotFoundError):
        store.save_grid_cell(99, done(0, 0, 0))


def test_a_deleted_test_set_leaves_its_runs_whole(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "grids.sqlite3", clock=FakeClock())
    saved = store.save_test_set(TEST_SET)
    assert saved.id is not None
    store.save_test_set(TestSet(saved.id, "Trips v2", saved.template, CASES))
    run = store.create_grid_run(a_run(saved))  # ran version 1
    assert run.id is not None
    store.delete_test_set(saved.id)
    assert store.list_test_sets() == []
    with pytest.raises(RecordNotFoundError):
        store.get_test_set(saved.id)
    assert store.test_set_versions(saved.id) == [1]  # version 2, which no run ran, is gone
    assert store.get_grid_run(run.id).test_set.name == "Trips"
    store.delete_grid_run(run.id)
    assert store.list_grid_runs() == [] and store.test_set_versions(saved.id) == []
    never_ran = store.save_test_set(TEST_SET)
    assert never_ran.id is not None
    store.delete_test_set(never_ran.id)
    assert store.test_set_versions(never_ran.id) == []


async def test_the_grid_service_serves_runs_and_pauses_those_a_quit_left_running(tmp_path: Path) -> None:
    path = tmp_path / "triptych.sqlite3"
    worker = StoreWorker(path, clock=FakeClock())
    grids = StoreServices.over(worker).grids
    test_set = await grids.save_test_set(TEST_SET)
    assert [s.name for s in await grids.test_sets()] == ["Trips"]
    assert await grids.test_set(test_set.id) == test_set  # type: ignore[arg-type]
    running = await grids.create_run(a_run(test_set))
    finished = await grids.create_run(a_run(test_set))
    assert running.id is not None and finished.id is not None
    await grids.set_run_state(finished.id, RunState.DONE)
    await grids.save_cell(running.id, done(1, 1, 1))
    await worker.close()  # the app quit mid-run

    worker = StoreWorker(path)
    services = StoreServices.over(worker)
    await services.conversations.tidy_at_start()
    states = {summary.id: summary.state for summary in await services.grids.runs()}
    assert states == {running.id: RunState.PAUSED, finished.id: RunState.DONE}
    resumed = await services.grids.run(running.id)
    assert list(resumed.cells) == [CellKey(1, 1, 1)] and len(resumed.remaining()) == 7
    await services.grids.delete_run(finished.id)
    await services.grids.delete_test_set(test_set.id)  # type: ignore[arg-type]
    assert [r.id for r in await services.grids.runs()] == [running.id]
    await worker.close()
