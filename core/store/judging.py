"""Judging in the store: blind votes and their tags, the user's judge templates, the judge's rubric scores and
pair judgements, and the batches submitted to a provider.

A vote row holds its contestants' identities (key and label) and columns, so it keeps counting in the
ratings after its run or variants are deleted. Judgements are upserted by what they judge (a new judge pass
with the same template replaces the old verdict); batch jobs are written the moment they are created and
updated as they are polled.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Mapping, Sequence

from core.model.codec import dumps, loads_list, loads_object
from core.model.conversation_filter import clean_tags
from core.model.judging import (
    BatchJob,
    BatchStatus,
    JudgeSpend,
    JudgeTemplate,
    PairJudgement,
    RubricScore,
    Vote,
    VoteSource,
    VoteSourceKind,
)
from core.model.judging_codec import (
    batch_job_from_values,
    check_vote,
    counts_to_dict,
    criterion_to_dict,
    identity_to_dict,
    pair_judgement_from_dict,
    rubric_score_from_dict,
    spend_to_dict,
    template_from_dict,
    vote_from_dict,
)
from core.store.db import StoreBase, lastrowid
from core.store.errors import RecordNotFoundError
from core.transcripts.archive import ArchivedJudging, RunInFile
from core.transcripts.importers.base import ImportReport

_VOTE_COLUMNS = (
    "id, source_kind, run_id, item, repeat, contestants_json, columns_json, outcome, winner, created_at, "
    "(SELECT json_group_array(tag) FROM (SELECT tag FROM vote_tags WHERE vote_id = votes.id "
    "ORDER BY casefold(tag))) AS tags_json"
)
_TEMPLATE_COLUMNS = "id, name, kind, prompt, criteria_json, profile_name, model, max_tokens"
_PAIR_COLUMNS = (
    "source_kind, run_id, item, repeat, first_column, second_column, template_id, identities_json, status, "
    "as_shown, swapped, reasons, raw_replies_json, cost_usd, created_at, spend_json"
)
_BATCH_COLUMNS = (
    "id, batch_id, profile_name, run_id, purpose, custom_ids_json, status, counts_json, created_at, "
    "expires_at, ended_at"
)


class JudgingMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    # -- votes ---------------------------------------------------------------------------------------------

    def save_vote(self, vote: Vote) -> Vote:
        """A new vote (its id is ignored), with its tags tidied; returns it as stored. Raises ValueError for
        a vote that cannot be counted (fewer than two contestants, a winner out of range), saving nothing."""
        with self._transaction():
            vote_id = self._insert_vote(vote)
        return self.get_vote(vote_id)

    def get_vote(self, vote_id: int) -> Vote:
        row = self._db.execute(f"SELECT {_VOTE_COLUMNS} FROM votes WHERE id = ?", (vote_id,)).fetchone()
        if row is None:
            raise RecordNotFoundError(f"There is no vote {vote_id}.", path=self.path)
        return _vote_from_row(row)

    def delete_vote(self, vote_id: int) -> None:
        """Undo a vote (its tags go with it)."""
        cursor = self._db.execute("DELETE FROM votes WHERE id = ?", (vote_id,))
        if cursor.rowcount == 0:
            raise RecordNotFoundError(f"There is no vote {vote_id}.", path=self.path)

    def list_votes(self, kind: VoteSourceKind | None = None, run_id: int | None = None) -> list[Vote]:
        """Every vote, or those of one kind of source, or of one run; the oldest first. Votes on deleted
        runs are included: their contestants' identities are in the rows."""
        conditions: list[str] = []
        params: list[object] = []
        if kind is not None:
            conditions.append("source_kind = ?")
            params.append(kind.value)
        if run_id is not None:
            conditions.append("run_id = ?")
            params.append(run_id)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        rows = self._db.execute(
            f"SELECT {_VOTE_COLUMNS} FROM votes{where} ORDER BY created_at, id", params
        ).fetchall()
        return [_vote_from_row(row) for row in rows]

    def vote_tags(self) -> list[str]:
        """Every tag used on a vote, sorted ignoring case."""
        return [
            row["tag"]
            for row in self._db.execute("SELECT DISTINCT tag FROM vote_tags ORDER BY casefold(tag), tag")
        ]

    # -- judge templates ------------------------------------------------------------------------------------

    def list_judge_templates(self) -> list[JudgeTemplate]:
        """The user's templates, by name."""
        rows = self._db.execute(
            f"SELECT {_TEMPLATE_COLUMNS} FROM judge_templates ORDER BY casefold(name), id"
        ).fetchall()
        return [_template_from_row(row) for row in rows]

    def save_judge_template(self, template: JudgeTemplate) -> JudgeTemplate:
        """Added when its id is None (or negative: a built-in one, saved as the user's own copy), else
        changed; returns it as stored. Raises ValueError for a template without a name or a prompt."""
        if not template.name.strip():
            raise ValueError("A judge template needs a name.")
        if not template.prompt.strip():
            raise ValueError("A judge template needs a prompt.")
        if template.max_tokens < 1:
            raise ValueError(f"A judge needs at least 1 output token, not {template.max_tokens}.")
        with self._transaction():
            if template.id is None or template.id < 0:
                template_id = self._insert_template(template)
            else:
                template_id = template.id
                cursor = self._db.execute(
                    "UPDATE judge_templates SET name = ?, kind = ?, prompt = ?, criteria_json = ?, "
                    "profile_name = ?, model = ?, max_tokens = ?, updated_at = ? WHERE id = ?",
                    (*_template_values(template), self._clock(), template_id),
                )
                if cursor.rowcount == 0:
                    raise self._no_template(template_id)
        return self.get_judge_template(template_id)

    def get_judge_template(self, template_id: int) -> JudgeTemplate:
        row = self._db.execute(
            f"SELECT {_TEMPLATE_COLUMNS} FROM judge_templates WHERE id = ?", (template_id,)
        ).fetchone()
        if row is None:
            raise self._no_template(template_id)
        return _template_from_row(row)

    def delete_judge_template(self, template_id: int) -> None:
        """The template goes; the scores it gave stay with their runs."""
        cursor = self._db.execute("DELETE FROM judge_templates WHERE id = ?", (template_id,))
        if cursor.rowcount == 0:
            raise self._no_template(template_id)

    # -- judgements ---------------------------------------------------------------------------------------

    def save_rubric_score(self, score: RubricScore) -> None:
        """One cell repeat's scores by one template; replaces an earlier judgement of the same."""
        self._upsert_rubric_score(score)

    def rubric_scores(self, run_id: int) -> list[RubricScore]:
        rows = self._db.execute(
            "SELECT run_id, case_idx, variant, repeat, template_id, status, scores_json, reasons, raw_reply, "
            "cost_usd, created_at, spend_json FROM rubric_scores WHERE run_id = ? "
            "ORDER BY case_idx, variant, repeat, template_id",
            (run_id,),
        ).fetchall()
        return [
            rubric_score_from_dict(
                {
                    **dict(row),
                    "case": row["case_idx"],
                    "scores": loads_object(row["scores_json"]),
                    "spend": _spend(row),
                }
            )
            for row in rows
        ]

    def save_pair_judgement(self, judgement: PairJudgement) -> None:
        """One pair's verdicts by one template; replaces an earlier judgement of the same pair."""
        self._upsert_pair_judgement(judgement)

    def pair_judgements(self, kind: VoteSourceKind, run_id: int) -> list[PairJudgement]:
        rows = self._db.execute(
            f"SELECT {_PAIR_COLUMNS} FROM pair_judgements WHERE source_kind = ? AND run_id = ? "
            "ORDER BY item, repeat, first_column, second_column, template_id",
            (kind.value, run_id),
        ).fetchall()
        return [_pair_judgement_from_row(row) for row in rows]

    # -- Triptych JSON ---------------------------------------------------------------------------------------

    def _export_judging(self, grid_runs: Sequence[int], conversations: Sequence[int]) -> ArchivedJudging:
        """Every judge template, vote, score and verdict, each vote and judgement with where its run is in
        the file: `grid_runs` and `conversations` are the ids of the file's runs and conversations in its
        order (compare runs are placed in their conversation's order: oldest first)."""
        in_file: dict[tuple[VoteSourceKind, int], RunInFile] = {
            (VoteSourceKind.GRID, run_id): RunInFile(grid_run=index) for index, run_id in enumerate(grid_runs)
        }
        for index, conversation_id in enumerate(conversations):
            for position, row in enumerate(
                self._db.execute(
                    "SELECT id FROM compare_runs WHERE conversation_id = ? ORDER BY created_at, id",
                    (conversation_id,),
                )
            ):
                in_file[VoteSourceKind.COMPARE, row["id"]] = RunInFile(
                    conversation=index, compare_run=position
                )

        def where(source: VoteSource) -> RunInFile:
            return in_file.get((source.kind, source.run_id), RunInFile())

        rows = self._db.execute(
            f"SELECT {_PAIR_COLUMNS} FROM pair_judgements "
            "ORDER BY source_kind, run_id, item, repeat, first_column, second_column, template_id"
        ).fetchall()
        return ArchivedJudging(
            judge_templates=self.list_judge_templates(),
            votes=[(vote, where(vote.source)) for vote in self.list_votes()],
            rubric_scores=[
                (score, RunInFile(grid_run=index))
                for index, run_id in enumerate(grid_runs)
                for score in self.rubric_scores(run_id)
            ],
            pair_judgements=[
                (judgement, where(judgement.source))
                for judgement in (_pair_judgement_from_row(row) for row in rows)
            ],
        )

    def _import_judging(
        self,
        judging: ArchivedJudging,
        grid_runs: Sequence[int],
        compare_runs: Mapping[tuple[int, int], int],
        report: ImportReport,
    ) -> None:
        """Inside the import's transaction. Templates the same as one here are not added again; the file's
        template ids become this database's (built-in ones, negative, stay). Votes and judgements are moved
        onto the ids their runs have here; one whose run is not in the file keeps counting in the ratings
        with run 0 (no run: ids start at 1). A vote already here (the same, cast at the same time) is not
        added again; a judgement replaces the same judgement here."""
        template_ids: dict[int, int] = {}
        for template in judging.judge_templates:
            existing = self._same_template(template)
            if existing is None:
                existing = self._insert_template(template)
                report.judge_templates.append(template.name)
            if template.id is not None:
                template_ids[template.id] = existing

        def run_id(where: RunInFile) -> int:
            if where.grid_run is not None:
                return grid_runs[where.grid_run]
            if where.conversation is not None and where.compare_run is not None:
                return compare_runs.get((where.conversation, where.compare_run), 0)
            return 0

        def template_id(old: int) -> int:
            return old if old < 0 else template_ids.get(old, 0)

        for vote, where in judging.votes:
            moved = dataclasses.replace(vote, source=dataclasses.replace(vote.source, run_id=run_id(where)))
            if self._same_vote(moved):
                report.duplicate_votes += 1
                continue
            self._insert_vote(moved)
            report.votes += 1
        for score, where in judging.rubric_scores:
            if where.grid_run is None:
                continue  # a score belongs to a cell of a run in the file, or to nothing
            self._upsert_rubric_score(
                dataclasses.replace(score, run_id=run_id(where), template_id=template_id(score.template_id))
            )
            report.judgements += 1
        for judgement, where in judging.pair_judgements:
            self._upsert_pair_judgement(
                dataclasses.replace(
                    judgement,
                    source=dataclasses.replace(judgement.source, run_id=run_id(where)),
                    template_id=template_id(judgement.template_id),
                )
            )
            report.judgements += 1

    def _same_template(self, template: JudgeTemplate) -> int | None:
        row = self._db.execute(
            "SELECT id FROM judge_templates WHERE name = ? AND kind = ? AND prompt = ? AND criteria_json = ? "
            "AND profile_name IS ? AND model = ? AND max_tokens = ? ORDER BY id LIMIT 1",
            _template_values(template),
        ).fetchone()
        return None if row is None else int(row["id"])

    def _same_vote(self, vote: Vote) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM votes WHERE source_kind = ? AND run_id = ? AND item = ? AND repeat = ? "
            "AND contestants_json = ? AND columns_json = ? AND outcome = ? AND winner IS ? "
            "AND created_at = ?",
            (*_vote_values(vote), vote.created_at),
        ).fetchone()
        return row is not None

    # -- batch jobs ---------------------------------------------------------------------------------------

    def save_batch_job(self, job: BatchJob) -> BatchJob:
        """A batch just created at the provider (its id is ignored); returns it as stored."""
        cursor = self._db.execute(
            f"INSERT INTO batch_jobs ({_BATCH_COLUMNS.removeprefix('id, ')}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                job.batch_id,
                job.profile_name,
                job.run_id,
                job.purpose.value,
                dumps(dict(job.custom_ids)),
                job.status.value,
                dumps(counts_to_dict(job.counts)),
                job.created_at or self._clock(),
                job.expires_at,
                job.ended_at,
            ),
        )
        return self._batch_job(lastrowid(cursor))

    def update_batch_job(self, job: BatchJob) -> None:
        """What polling learnt: status, counts, when it ended (the custom ids do not change)."""
        if job.id is None:
            raise ValueError("Only a saved batch job can be updated.")
        cursor = self._db.execute(
            "UPDATE batch_jobs SET status = ?, counts_json = ?, expires_at = ?, ended_at = ? WHERE id = ?",
            (job.status.value, dumps(counts_to_dict(job.counts)), job.expires_at, job.ended_at, job.id),
        )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(f"There is no batch job {job.id}.", path=self.path)

    def open_batch_jobs(self) -> list[BatchJob]:
        """Batches whose results are not all collected yet, the oldest first."""
        rows = self._db.execute(
            f"SELECT {_BATCH_COLUMNS} FROM batch_jobs WHERE status != ? ORDER BY created_at, id",
            (BatchStatus.COLLECTED.value,),
        ).fetchall()
        return [_batch_job_from_row(row) for row in rows]

    def batch_jobs(self, run_id: int) -> list[BatchJob]:
        rows = self._db.execute(
            f"SELECT {_BATCH_COLUMNS} FROM batch_jobs WHERE run_id = ? ORDER BY created_at, id", (run_id,)
        ).fetchall()
        return [_batch_job_from_row(row) for row in rows]

    # -- helpers (also used by the import, inside its transaction) -------------------------------------------

    def _insert_vote(self, vote: Vote) -> int:
        check_vote(vote)  # an imported vote too: the file's reader checks the format, this the meaning
        vote_id = lastrowid(
            self._db.execute(
                "INSERT INTO votes (source_kind, run_id, item, repeat, contestants_json, columns_json, "
                "outcome, winner, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_vote_values(vote), vote.created_at or self._clock()),
            )
        )
        self._db.executemany(
            "INSERT INTO vote_tags (vote_id, tag) VALUES (?, ?)",
            [(vote_id, tag) for tag in clean_tags(list(vote.tags))],
        )
        return vote_id

    def _insert_template(self, template: JudgeTemplate) -> int:
        now = self._clock()
        return lastrowid(
            self._db.execute(
                "INSERT INTO judge_templates (name, kind, prompt, criteria_json, profile_name, model, "
                "max_tokens, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*_template_values(template), now, now),
            )
        )

    def _upsert_rubric_score(self, score: RubricScore) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO rubric_scores (run_id, case_idx, variant, repeat, template_id, status, "
            "scores_json, reasons, raw_reply, cost_usd, created_at, spend_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                score.run_id,
                score.case,
                score.variant,
                score.repeat,
                score.template_id,
                score.status.value,
                dumps(dict(score.scores)),
                score.reasons,
                score.raw_reply,
                score.cost_usd,
                score.created_at or self._clock(),
                _spend_json(score.spend),
            ),
        )

    def _upsert_pair_judgement(self, judgement: PairJudgement) -> None:
        source = judgement.source
        self._db.execute(
            "INSERT OR REPLACE INTO pair_judgements (source_kind, run_id, item, repeat, first_column, "
            "second_column, template_id, identities_json, status, as_shown, swapped, reasons, "
            "raw_replies_json, cost_usd, created_at, spend_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                source.kind.value,
                source.run_id,
                source.item,
                source.repeat,
                judgement.columns[0],
                judgement.columns[1],
                judgement.template_id,
                dumps([identity_to_dict(identity) for identity in judgement.identities]),
                judgement.status.value,
                None if judgement.as_shown is None else judgement.as_shown.value,
                None if judgement.swapped is None else judgement.swapped.value,
                judgement.reasons,
                dumps(list(judgement.raw_replies)),
                judgement.cost_usd,
                judgement.created_at or self._clock(),
                _spend_json(judgement.spend),
            ),
        )

    def _batch_job(self, job_id: int) -> BatchJob:
        row = self._db.execute(f"SELECT {_BATCH_COLUMNS} FROM batch_jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise RecordNotFoundError(f"There is no batch job {job_id}.", path=self.path)
        return _batch_job_from_row(row)

    def _no_template(self, template_id: int) -> RecordNotFoundError:
        return RecordNotFoundError(f"There is no judge template {template_id}.", path=self.path)


def _vote_values(vote: Vote) -> tuple[object, ...]:
    """The vote's columns but its id and time, as stored (also what makes two votes the same)."""
    return (
        vote.source.kind.value,
        vote.source.run_id,
        vote.source.item,
        vote.source.repeat,
        dumps([identity_to_dict(identity) for identity in vote.contestants]),
        dumps(list(vote.columns)),
        vote.outcome.value,
        vote.winner,
    )


def _template_values(template: JudgeTemplate) -> tuple[object, ...]:
    return (
        template.name,
        template.kind.value,
        template.prompt,
        dumps([criterion_to_dict(criterion) for criterion in template.criteria]),
        template.profile_name,
        template.model,
        template.max_tokens,
    )


def _vote_from_row(row: sqlite3.Row) -> Vote:
    return vote_from_dict(
        {
            "source": {
                "kind": row["source_kind"],
                "run_id": row["run_id"],
                "item": row["item"],
                "repeat": row["repeat"],
            },
            "contestants": loads_list(row["contestants_json"]),
            "columns": loads_list(row["columns_json"]),
            "outcome": row["outcome"],
            "winner": row["winner"],
            "tags": loads_list(row["tags_json"]),
            "created_at": row["created_at"],
        },
        id=row["id"],
    )


def _template_from_row(row: sqlite3.Row) -> JudgeTemplate:
    return template_from_dict(
        {**dict(row), "criteria": loads_list(row["criteria_json"])},
        id=row["id"],
    )


def _pair_judgement_from_row(row: sqlite3.Row) -> PairJudgement:
    return pair_judgement_from_dict(
        {
            **dict(row),
            "source": {
                "kind": row["source_kind"],
                "run_id": row["run_id"],
                "item": row["item"],
                "repeat": row["repeat"],
            },
            "columns": [row["first_column"], row["second_column"]],
            "identities": loads_list(row["identities_json"]),
            "raw_replies": loads_list(row["raw_replies_json"]),
            "spend": _spend(row),
        }
    )


def _spend(row: sqlite3.Row) -> object:
    return None if row["spend_json"] is None else loads_object(row["spend_json"])


def _spend_json(spend: JudgeSpend | None) -> str | None:
    found = spend_to_dict(spend)
    return None if found is None else dumps(found)


def _batch_job_from_row(row: sqlite3.Row) -> BatchJob:
    return batch_job_from_values(
        id=row["id"],
        batch_id=row["batch_id"],
        profile_name=row["profile_name"],
        run_id=row["run_id"],
        purpose=row["purpose"],
        custom_ids=loads_object(row["custom_ids_json"]),
        status=row["status"],
        counts=loads_object(row["counts_json"]),
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        ended_at=row["ended_at"],
    )
