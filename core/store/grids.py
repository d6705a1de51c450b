"""Evaluation grids in the store: versioned test sets, runs with their variants, and one row per cell repeat.

A test set's edit saves a new version and a run points at the version it ran, so its rows keep their
meaning. Cells are written one at a time as each repeat ends (a single upsert), so a run interrupted by a
quit resumes from the cells that are missing; a retried cell replaces its failed row.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from core.model.codec import dumps, error_to_dict, loads_list, loads_object, settings_to_dict
from core.model.grid import (
    MAX_REPEATS,
    CellKey,
    CellResult,
    CellStatus,
    GridRun,
    GridRunSummary,
    RunState,
    TestSet,
)
from core.model.grid_codec import case_to_dict, cell_from_dict, decode_test_set, variant_from_dict
from core.store.db import StoreBase, lastrowid
from core.store.errors import RecordNotFoundError
from core.transcripts.archive import ArchivedGrids
from core.transcripts.importers.base import ImportReport

_VERSION_COLUMNS = (
    "v.test_set_id, v.version, v.name, v.template, v.system, v.cases_json, s.created_at, v.saved_at"
)


class GridMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    # -- test sets -------------------------------------------------------------------------------------

    def save_test_set(self, test_set: TestSet) -> TestSet:
        """A new set (id None) as version 1, or the next version of an existing one. Saving what the latest
        version already holds adds no version: the run history is not cluttered by saves without edits."""
        with self._transaction():
            set_id, _ = self._save_test_set(test_set)
        return self.get_test_set(set_id)

    def get_test_set(self, test_set_id: int, version: int | None = None) -> TestSet:
        """The latest version of a set the user has (not deleted), or the given version of any set (a run's,
        even once the set is deleted)."""
        if version is None:
            version = self._latest_version(test_set_id)
            if version is None:
                raise self._no_test_set(test_set_id)
        row = self._db.execute(
            f"SELECT {_VERSION_COLUMNS} FROM grid_test_set_versions AS v "
            "JOIN grid_test_sets AS s ON s.id = v.test_set_id WHERE v.test_set_id = ? AND v.version = ?",
            (test_set_id, version),
        ).fetchone()
        if row is None:
            raise RecordNotFoundError(f"Test set {test_set_id} has no version {version}.", path=self.path)
        return _test_set_from_row(row)

    def list_test_sets(self) -> list[TestSet]:
        """The latest version of every set the user has, the most recently saved first."""
        rows = self._db.execute(
            f"SELECT {_VERSION_COLUMNS} FROM grid_test_sets AS s "
            "JOIN grid_test_set_versions AS v ON v.test_set_id = s.id AND v.version = "
            "(SELECT MAX(version) FROM grid_test_set_versions WHERE test_set_id = s.id) "
            "WHERE s.deleted_at IS NULL ORDER BY s.updated_at DESC, s.id DESC"
        ).fetchall()
        return [_test_set_from_row(row) for row in rows]

    def test_set_versions(self, test_set_id: int) -> list[int]:
        """The versions kept of a set, oldest first (those no run needs go when the set is deleted)."""
        return [
            row["version"]
            for row in self._db.execute(
                "SELECT version FROM grid_test_set_versions WHERE test_set_id = ? ORDER BY version",
                (test_set_id,),
            )
        ]

    def delete_test_set(self, test_set_id: int) -> None:
        """Gone from the list. The versions runs ran stay (hidden) so those runs still open; the rest go."""
        with self._transaction():
            if self._latest_version(test_set_id) is None:
                raise self._no_test_set(test_set_id)
            self._db.execute(
                "DELETE FROM grid_test_set_versions WHERE test_set_id = ? AND version NOT IN "
                "(SELECT test_set_version FROM grid_runs WHERE test_set_id = ?)",
                (test_set_id, test_set_id),
            )
            self._db.execute(
                "UPDATE grid_test_sets SET deleted_at = ? WHERE id = ?", (self._clock(), test_set_id)
            )
            self._forget_unused_set(test_set_id)

    # -- runs ------------------------------------------------------------------------------------------

    def create_grid_run(self, run: GridRun) -> GridRun:
        """The run saved with its variants (and any cells it carries, for an imported run), in one
        transaction. A test set without an id is saved with it; one with an id must have the version the run
        names. Raises ValueError for 0 cases, 0 variants, repeats or concurrency out of range (nothing
        saved)."""
        check_run(run)
        with self._transaction():
            run_id = self._insert_grid_run(run)
        return self.get_grid_run(run_id)

    def get_grid_run(self, run_id: int) -> GridRun:
        """The run with its test set (the version it ran), variants and every saved cell."""
        row = self._run_row(run_id)
        variants = tuple(
            variant_from_dict(
                {"profile_name": r["profile_name"], "settings": loads_object(r["settings_json"])}
            )
            for r in self._db.execute(
                "SELECT profile_name, settings_json FROM grid_variants WHERE run_id = ? ORDER BY idx",
                (run_id,),
            )
        )
        cells: dict[CellKey, CellResult] = {}
        for cell in self._db.execute(
            "SELECT case_idx, variant, repeat, status, finished_at, metrics_json, error_json, content_json "
            "FROM grid_cells WHERE run_id = ? ORDER BY case_idx, variant, repeat",
            (run_id,),
        ):
            result = cell_from_dict(
                {
                    "case": cell["case_idx"],
                    "variant": cell["variant"],
                    "repeat": cell["repeat"],
                    "status": cell["status"],
                    "finished_at": cell["finished_at"],
                    "metrics": loads_object(cell["metrics_json"]) if cell["metrics_json"] else None,
                    "error": loads_object(cell["error_json"]) if cell["error_json"] else None,
                    "content": loads_list(cell["content_json"]),
                }
            )
            if result is not None:
                cells[result.key] = result
        return GridRun(
            id=row["id"],
            name=row["name"],
            test_set=self.get_test_set(row["test_set_id"], row["test_set_version"]),
            variants=variants,
            repeats=row["repeats"],
            concurrency=row["concurrency"],
            state=_state(row["state"]),
            created_at=row["created_at"],
            cells=cells,
        )

    def list_grid_runs(self) -> list[GridRunSummary]:
        """Every run, the newest first, with its counts (no outputs: the list stays light)."""
        rows = self._db.execute(
            "SELECT r.id, r.name, r.test_set_id, r.test_set_version, r.repeats, r.state, r.created_at, "
            "v.name AS set_name, json_array_length(v.cases_json) AS n_cases, "
            "(SELECT COUNT(*) FROM grid_variants WHERE run_id = r.id) AS n_variants, "
            "(SELECT COUNT(*) FROM grid_cells WHERE run_id = r.id AND status = 'done') AS n_done, "
            "(SELECT COUNT(*) FROM grid_cells WHERE run_id = r.id AND status != 'done') AS n_failed "
            "FROM grid_runs AS r JOIN grid_test_set_versions AS v "
            "ON v.test_set_id = r.test_set_id AND v.version = r.test_set_version "
            "ORDER BY r.created_at DESC, r.id DESC"
        ).fetchall()
        return [
            GridRunSummary(
                id=row["id"],
                name=row["name"],
                test_set_id=row["test_set_id"],
                test_set_name=row["set_name"],
                test_set_version=row["test_set_version"],
                state=_state(row["state"]),
                created_at=row["created_at"],
                total=row["n_cases"] * row["n_variants"] * row["repeats"],
                done=row["n_done"],
                failed=row["n_failed"],
            )
            for row in rows
        ]

    def set_grid_run_state(self, run_id: int, state: RunState) -> None:
        cursor = self._db.execute("UPDATE grid_runs SET state = ? WHERE id = ?", (state.value, run_id))
        if cursor.rowcount == 0:
            raise self._no_run(run_id)

    def pause_interrupted_grid_runs(self) -> list[int]:
        """At start: the runs left RUNNING (the app quit or crashed mid-run) become PAUSED, to resume on
        demand; returns their ids."""
        rows = self._db.execute(
            "UPDATE grid_runs SET state = ? WHERE state = ? RETURNING id",
            (RunState.PAUSED.value, RunState.RUNNING.value),
        ).fetchall()
        return sorted(row["id"] for row in rows)

    def save_grid_cell(self, run_id: int, result: CellResult) -> None:
        """One repeat as it ended; replaces the row of the same key (a failed repeat retried)."""
        if result.status not in (CellStatus.DONE, CellStatus.FAILED):
            raise ValueError(f"Only a finished cell is saved, not one {result.status.value}.")
        with self._transaction():
            self._run_row(run_id)
            self._upsert_cell(run_id, result)

    def delete_grid_run(self, run_id: int) -> None:
        """The run and its cells; a deleted test set's version it alone kept goes with it."""
        with self._transaction():
            row = self._run_row(run_id)
            self._db.execute("DELETE FROM grid_runs WHERE id = ?", (run_id,))
            set_id = row["test_set_id"]
            deleted = self._db.execute(
                "SELECT deleted_at FROM grid_test_sets WHERE id = ?", (set_id,)
            ).fetchone()
            if deleted is not None and deleted["deleted_at"] is not None:
                self._db.execute(
                    "DELETE FROM grid_test_set_versions WHERE test_set_id = ? AND version = ? AND NOT EXISTS "
                    "(SELECT 1 FROM grid_runs WHERE test_set_id = ? AND test_set_version = ?)",
                    (set_id, row["test_set_version"], set_id, row["test_set_version"]),
                )
                self._forget_unused_set(set_id)

    # -- Triptych JSON ---------------------------------------------------------------------------------

    def export_grids(self) -> ArchivedGrids:
        """Every test set (its latest version) and every run with its cells, the oldest first."""
        summaries = sorted(self.list_grid_runs(), key=lambda run: (run.created_at, run.id))
        return ArchivedGrids(
            test_sets=list(reversed(self.list_test_sets())),
            runs=[self.get_grid_run(summary.id) for summary in summaries],
        )

    def _import_grids(self, grids: ArchivedGrids, report: ImportReport) -> list[int]:
        """Inside the import's transaction: the file's test sets this store lacks, and its runs, each linked
        to a kept version holding exactly the test set it ran (one just imported too) or with its own.
        Returns the id here of each of the file's runs (the one already here, for a duplicate)."""
        run_ids: list[int] = []
        for test_set in grids.test_sets:
            if self._latest_holding(test_set):
                report.duplicate_test_sets.append(test_set.name)
                continue
            self._save_test_set(dataclasses.replace(test_set, id=None))
            report.test_sets.append(test_set.name)
        for run in grids.runs:
            check_run(run)
            existing = self._existing_run(run)
            if existing is not None:
                report.duplicate_grid_runs.append(run.name)
                run_ids.append(existing)
                continue
            found = self._version_holding(run.test_set)
            if found is None:
                # An earlier version than any set here holds (or a set deleted since): kept for the run
                # alone, hidden from the list like a deleted set's version a run needs.
                found = self._save_test_set(dataclasses.replace(run.test_set, id=None))
                self._db.execute(
                    "UPDATE grid_test_sets SET deleted_at = ? WHERE id = ?", (self._clock(), found[0])
                )
            test_set = dataclasses.replace(run.test_set, id=found[0], version=found[1])
            run_ids.append(self._insert_grid_run(dataclasses.replace(run, id=None, test_set=test_set)))
            report.grid_runs.append(run.name)
        return run_ids

    def _latest_holding(self, test_set: TestSet) -> bool:
        """Whether a set the user has holds exactly this as its latest version."""
        row = self._db.execute(
            "SELECT 1 FROM grid_test_sets AS s JOIN grid_test_set_versions AS v ON v.test_set_id = s.id "
            "WHERE s.deleted_at IS NULL AND v.version = "
            "(SELECT MAX(version) FROM grid_test_set_versions WHERE test_set_id = s.id) "
            "AND v.name = ? AND v.template = ? AND v.system IS ? AND v.cases_json = ?",
            (test_set.name, test_set.template, test_set.system, _cases_json(test_set)),
        ).fetchone()
        return row is not None

    def _existing_run(self, run: GridRun) -> int | None:
        """The id of a run with this name, start time and test set here already (imported from the same
        file), if any."""
        row = self._db.execute(
            "SELECT r.id FROM grid_runs AS r JOIN grid_test_set_versions AS v "
            "ON v.test_set_id = r.test_set_id AND v.version = r.test_set_version "
            "WHERE r.name = ? AND r.created_at = ? AND v.template = ? AND v.cases_json = ?",
            (run.name, run.created_at, run.test_set.template, _cases_json(run.test_set)),
        ).fetchone()
        return None if row is None else int(row["id"])

    # -- helpers (inside a transaction) ---------------------------------------------------------------

    def _save_test_set(self, test_set: TestSet) -> tuple[int, int]:
        """(id, version) of the set saved, or of its latest version when that already holds the same."""
        now = self._clock()
        cases = _cases_json(test_set)
        if test_set.id is None:
            set_id = lastrowid(
                self._db.execute(
                    "INSERT INTO grid_test_sets (created_at, updated_at) VALUES (?, ?)",
                    (test_set.created_at or now, now),
                )
            )
            version = 1
        else:
            set_id = test_set.id
            latest = self._latest_version(set_id)
            if latest is None:
                raise self._no_test_set(set_id)
            row = self._db.execute(
                "SELECT name, template, system, cases_json FROM grid_test_set_versions "
                "WHERE test_set_id = ? AND version = ?",
                (set_id, latest),
            ).fetchone()
            if (row["name"], row["template"], row["system"], row["cases_json"]) == (
                test_set.name, test_set.template, test_set.system, cases,
            ):  # fmt: skip
                return set_id, latest
            version = latest + 1
            self._db.execute("UPDATE grid_test_sets SET updated_at = ? WHERE id = ?", (now, set_id))
        self._db.execute(
            "INSERT INTO grid_test_set_versions (test_set_id, version, name, template, system, saved_at, "
            "cases_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (set_id, version, test_set.name, test_set.template, test_set.system, now, cases),
        )
        return set_id, version

    def _version_holding(self, test_set: TestSet) -> tuple[int, int] | None:
        """(id, version) of a kept version with exactly this name, template, system prompt and cases."""
        row = self._db.execute(
            "SELECT test_set_id, version FROM grid_test_set_versions WHERE name = ? AND template = ? "
            "AND system IS ? AND cases_json = ? ORDER BY test_set_id DESC, version DESC LIMIT 1",
            (test_set.name, test_set.template, test_set.system, _cases_json(test_set)),
        ).fetchone()
        return None if row is None else (row["test_set_id"], row["version"])

    def _insert_grid_run(self, run: GridRun) -> int:
        if run.test_set.id is None:
            set_id, version = self._save_test_set(run.test_set)
        else:
            set_id, version = run.test_set.id, run.test_set.version
            self.get_test_set(set_id, version)  # raises when that version is not kept
        run_id = lastrowid(
            self._db.execute(
                "INSERT INTO grid_runs (name, test_set_id, test_set_version, repeats, concurrency, "
                "state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    run.name,
                    set_id,
                    version,
                    run.repeats,
                    run.concurrency,
                    run.state.value,
                    run.created_at or self._clock(),
                ),
            )
        )
        self._db.executemany(
            "INSERT INTO grid_variants (run_id, idx, profile_name, settings_json) VALUES (?, ?, ?, ?)",
            [
                (run_id, index, variant.profile_name, dumps(settings_to_dict(variant.settings)))
                for index, variant in enumerate(run.variants)
            ],
        )
        for result in run.cells.values():
            self._upsert_cell(run_id, result)
        return run_id

    def _upsert_cell(self, run_id: int, result: CellResult) -> None:
        key = result.key
        self._db.execute(
            "INSERT INTO grid_cells (run_id, case_idx, variant, repeat, status, finished_at, metrics_json, "
            "error_json, content_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (run_id, case_idx, variant, repeat) DO UPDATE SET status = excluded.status, "
            "finished_at = excluded.finished_at, metrics_json = excluded.metrics_json, "
            "error_json = excluded.error_json, content_json = excluded.content_json",
            (
                run_id,
                key.case,
                key.variant,
                key.repeat,
                result.status.value,
                result.finished_at if result.finished_at is not None else self._clock(),
                dumps(result.metrics.to_dict()) if result.metrics is not None else None,
                dumps(error_to_dict(result.error)) if result.error is not None else None,
                dumps(list(result.content)),
            ),
        )

    def _latest_version(self, test_set_id: int) -> int | None:
        """The latest version of a set that is not deleted; None for a deleted or unknown one."""
        row = self._db.execute(
            "SELECT MAX(v.version) AS version FROM grid_test_sets AS s "
            "JOIN grid_test_set_versions AS v ON v.test_set_id = s.id "
            "WHERE s.id = ? AND s.deleted_at IS NULL",
            (test_set_id,),
        ).fetchone()
        version: int | None = row["version"]
        return version

    def _forget_unused_set(self, test_set_id: int) -> None:
        """A deleted set with no version left (no run needs one) goes entirely."""
        self._db.execute(
            "DELETE FROM grid_test_sets WHERE id = ? AND deleted_at IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM grid_test_set_versions WHERE test_set_id = ?)",
            (test_set_id, test_set_id),
        )

    def _run_row(self, run_id: int) -> sqlite3.Row:
        row = self._db.execute(
            "SELECT id, name, test_set_id, test_set_version, repeats, concurrency, state, created_at "
            "FROM grid_runs WHERE id = ?",
            (run_id,),
        ).fetchone()
        if row is None:
            raise self._no_run(run_id)
        found: sqlite3.Row = row
        return found

    def _no_test_set(self, test_set_id: int) -> RecordNotFoundError:
        return RecordNotFoundError(f"There is no test set {test_set_id}.", path=self.path)

    def _no_run(self, run_id: int) -> RecordNotFoundError:
        return RecordNotFoundError(f"There is no grid run {run_id}.", path=self.path)


def check_run(run: GridRun) -> None:
    """Raise ValueError, in plain words, for a run that cannot be: 0 cases, 0 variants, repeats or
    concurrency out of range, a cell outside the grid."""
    if not run.test_set.cases:
        raise ValueError("A grid run needs at least one test case.")
    if not run.variants:
        raise ValueError("A grid run needs at least one variant.")
    if not 1 <= run.repeats <= MAX_REPEATS:
        raise ValueError(f"A grid run repeats each cell 1 to {MAX_REPEATS} times, not {run.repeats}.")
    if run.concurrency < 1:
        raise ValueError(f"A grid run sends at least one request at a time, not {run.concurrency}.")
    shape = (len(run.test_set.cases), len(run.variants), run.repeats)
    for key in run.cells:
        if not all(
            0 <= part < size for part, size in zip((key.case, key.variant, key.repeat), shape, strict=True)
        ):
            raise ValueError(
                f"A cell of the run ({key.case}, {key.variant}, {key.repeat}) is outside its grid."
            )


def _cases_json(test_set: TestSet) -> str:
    return dumps([case_to_dict(case) for case in test_set.cases])


def _test_set_from_row(row: sqlite3.Row) -> TestSet:
    return decode_test_set(
        {
            "name": row["name"],
            "template": row["template"],
            "system": row["system"],
            "cases": loads_list(row["cases_json"]),
            "version": row["version"],
            "created_at": row["created_at"],
            "updated_at": row["saved_at"],
        },
        id=row["test_set_id"],
    )


def _state(value: object) -> RunState:
    """A stored state; an unknown one reads as PAUSED, so the run can be resumed rather than lost."""
    try:
        return RunState(str(value))
    except ValueError:
        return RunState.PAUSED
