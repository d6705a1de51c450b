"""Judging in a real SQLite file: votes that keep counting after their run is deleted, vote tags, the
user's judge templates beside the built-in ones, judge scores and verdicts replaced by a new pass, batch
jobs surviving a restart until collected, and a database at m008 migrated with its grids intact."""

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from core.judging.leaderboard import leaderboard
from core.model.judging import (
    BatchCounts,
    BatchJob,
    BatchPurpose,
    BatchStatus,
    Criterion,
    JudgeKind,
    JudgementStatus,
    JudgeTemplate,
    Outcome,
    PairJudgement,
    PairVerdict,
    RubricScore,
    VariantIdentity,
    Vote,
    VoteSource,
    VoteSourceKind,
    variant_key,
)
from core.model.request_settings import RequestSettings
from core.store.db import _configure
from core.store.errors import RecordNotFoundError
from core.store.migrations import MIGRATIONS, applied_migrations, migrate
from core.store.repository import Store
from core.store.services import StoreServices
from core.store.worker import StoreWorker
from tests.core.store.test_grids import TEST_SET, a_run, done
from tests.core.store_helpers import FakeClock

SONNET = VariantIdentity(
    variant_key("Relay", RequestSettings(model="claude-sonnet-4-6", temperature=0.0)),
    "Sonnet · temperature 0",
)
HAIKU = VariantIdentity(variant_key(None, RequestSettings(model="claude-haiku-4-5")), "Haiku")
BUILT_IN = (
    JudgeTemplate(None, "Rubric", JudgeKind.RUBRIC, "Grade {{reply}}", (Criterion("correctness"),)),
    JudgeTemplate(None, "Pairwise", JudgeKind.PAIRWISE, "Compare {{reply_a}} and {{reply_b}}"),
)


def a_vote(run_id: int, item: int = 0, *, winner: int | None = 0, tags: tuple[str, ...] = ()) -> Vote:
    return Vote(
        id=None,
        source=VoteSource(VoteSourceKind.GRID, run_id, item, repeat=1),
        contestants=(SONNET, HAIKU),
        columns=(0, 1),
        outcome=Outcome.WIN if winner is not None else Outcome.TIE,
        winner=winner,
        tags=tags,
    )


def test_a_vote_on_a_run_that_is_then_deleted_still_counts(tmp_path: Path) -> None:
    path = tmp_path / "judging.sqlite3"
    store = Store.open(path, clock=FakeClock())
    run = store.create_grid_run(a_run(store.save_test_set(TEST_SET)))
    assert run.id is not None
    saved = store.save_vote(a_vote(run.id, tags=(" coding ", "Coding", "中文")))
    store.save_vote(a_vote(run.id, item=1, winner=None))
    assert saved.id is not None and saved.created_at > 0
    assert saved.tags == ("coding", "中文")  # trimmed, repeats (ignoring case) dropped

    store.delete_grid_run(run.id)
    store.close()

    reopened = Store.open(path)
    votes = reopened.list_votes()
    assert [vote.source.run_id for vote in votes] == [run.id, run.id]
    assert votes[0] == dataclasses.replace(
        a_vote(run.id), id=saved.id, tags=saved.tags, created_at=saved.created_at
    )
    assert reopened.list_votes(VoteSourceKind.GRID, run.id) == votes
    assert reopened.list_votes(VoteSourceKind.COMPARE) == []
    board = leaderboard(votes, resamples=0)
    assert [rating.identity for rating in board.ratings] == [SONNET, HAIKU]
    assert (board.votes, board.ratings[0].wins, board.ratings[0].losses) == (2, 1.5, 0.5)
    assert reopened.vote_tags() == ["coding", "中文"]


def test_deleting_a_vote_undoes_it_and_a_vote_that_cannot_count_is_refused(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "judging.sqlite3", clock=FakeClock())
    kept = store.save_vote(a_vote(7, tags=("writing",)))
    undone = store.save_vote(a_vote(7, item=1, tags=("poetry",)))
    assert undone.id is not None

    store.delete_vote(undone.id)

    assert store.list_votes() == [kept]
    assert store.vote_tags() == ["writing"]
    with pytest.raises(RecordNotFoundError):
        store.delete_vote(undone.id)
    with pytest.raises(ValueError, match="winner"):
        store.save_vote(dataclasses.replace(a_vote(7), winner=2))
    with pytest.raises(ValueError, match="two contestants"):
        store.save_vote(dataclasses.replace(a_vote(7), contestants=(SONNET,), columns=(0,)))
    with pytest.raises(ValueError, match="different columns"):
        store.save_vote(dataclasses.replace(a_vote(7), columns=(1, 1)))
    assert store.list_votes() == [kept]


def test_judge_templates_are_saved_changed_and_deleted_and_built_ins_are_copied(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "judging.sqlite3", clock=FakeClock())
    mine = store.save_judge_template(
        JudgeTemplate(
            None,
            "Chinese fluency",
            JudgeKind.RUBRIC,
            "评分：{{reply}}\n{{criteria}}",
            (Criterion("fluency", "Reads as a native speaker wrote it"), Criterion("accuracy")),
            profile_name="Relay",
            model="claude-opus-4-5",
            max_tokens=600,
        )
    )
    assert mine.id is not None and mine.criteria[0].description == "Reads as a native speaker wrote it"
    changed = store.save_judge_template(dataclasses.replace(mine, name="Fluency", max_tokens=800))
    copy = store.save_judge_template(dataclasses.replace(BUILT_IN[1], id=-2))

    assert (changed.id, changed.name, changed.max_tokens) == (mine.id, "Fluency", 800)
    assert copy.id not in (None, -2, mine.id)
    assert [t.name for t in store.list_judge_templates()] == ["Fluency", "Pairwise"]
    store.delete_judge_template(mine.id)
    assert store.list_judge_templates() == [copy]
    with pytest.raises(RecordNotFoundError):
        store.save_judge_template(mine)
    with pytest.raises(ValueError, match="name"):
        store.save_judge_template(dataclasses.replace(copy, name="  "))


def test_scores_and_verdicts_are_kept_per_cell_and_pair_and_a_new_pass_replaces_them(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "judging.sqlite3", clock=FakeClock())
    run = store.create_grid_run(a_run(store.save_test_set(TEST_SET)))
    assert run.id is not None
    score = RubricScore(
        run.id,
        1,
        0,
        1,
        -1,
        JudgementStatus.SCORED,
        {"correctness": 4, "clarity": 5},
        "Clear.",
        "{...}",
        0.002,
    )
    unscored = RubricScore(run.id, 0, 1, 0, -1, JudgementStatus.UNSCORED, raw_reply="I think it is fine")
    store.save_rubric_score(score)
    store.save_rubric_score(unscored)
    store.save_rubric_score(dataclasses.replace(score, scores={"correctness": 2, "clarity": 3}))
    judgement = PairJudgement(
        VoteSource(VoteSourceKind.GRID, run.id, 1, 0),
        (0, 1),
        (SONNET, HAIKU),
        -2,
        JudgementStatus.SCORED,
        PairVerdict.FIRST,
        PairVerdict.SECOND,
        "A is clearer; B is more correct.",
        ("A", "B"),
        0.004,
    )
    store.save_pair_judgement(judgement)
    store.save_pair_judgement(dataclasses.replace(judgement, swapped=PairVerdict.FIRST))

    scores = store.rubric_scores(run.id)
    assert [(s.case, s.variant, s.status) for s in scores] == [
        (0, 1, JudgementStatus.UNSCORED),
        (1, 0, JudgementStatus.SCORED),
    ]
    assert scores[1].overall == 2.5 and scores[0].raw_reply == "I think it is fine"
    [verdict] = store.pair_judgements(VoteSourceKind.GRID, run.id)
    assert verdict.verdict == PairVerdict.FIRST and verdict.identities == (SONNET, HAIKU)
    assert verdict.raw_replies == ("A", "B") and verdict.created_at > 0
    assert store.pair_judgements(VoteSourceKind.COMPARE, run.id) == []

    store.delete_grid_run(run.id)
    assert store.rubric_scores(run.id) == []  # the cells they scored are gone
    assert store.pair_judgements(VoteSourceKind.GRID, run.id) == [verdict]  # named by identity, like votes


def test_a_batch_job_survives_a_restart_until_collected(tmp_path: Path) -> None:
    path = tmp_path / "judging.sqlite3"
    store = Store.open(path, clock=FakeClock())
    job = store.save_batch_job(
        BatchJob(
            None,
            "msgbatch_01",
            "Relay",
            run_id=3,
            purpose=BatchPurpose.CELLS,
            custom_ids={"c0-v0-r0": "0:0:0", "c0-v1-r0": "0:1:0"},
            expires_at=1_700_086_400.0,
        )
    )
    store.save_batch_job(
        BatchJob(None, "msgbatch_02", None, 4, BatchPurpose.JUDGE, status=BatchStatus.COLLECTED)
    )
    assert job.id is not None and job.created_at > 0
    store.close()

    reopened = Store.open(path)
    assert reopened.open_batch_jobs() == [job]
    ended = dataclasses.replace(
        job, status=BatchStatus.ENDED, counts=BatchCounts(succeeded=1, expired=1), ended_at=1_700_000_500.0
    )
    reopened.update_batch_job(ended)
    assert reopened.batch_jobs(3) == [ended]
    reopened.update_batch_job(dataclasses.replace(ended, status=BatchStatus.COLLECTED))
    assert reopened.open_batch_jobs() == []
    with pytest.raises(sqlite3.IntegrityError):
        reopened.save_batch_job(dataclasses.replace(job, id=None))  # one row per provider batch
    with pytest.raises(RecordNotFoundError):
        reopened.update_batch_job(dataclasses.replace(job, id=999))


def test_a_database_at_m008_migrates_with_its_grid_runs_intact(tmp_path: Path) -> None:
    """A data folder from the version before judging: its schema stops at m008 and it holds a grid run. The
    next start adds the judging tables; the run reads back whole and can be voted on."""
    path = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    _configure(connection)
    names = [step.__name__ for step in MIGRATIONS]
    assert migrate(connection, MIGRATIONS[: names.index("m008_grids") + 1])[-1] == "m008_grids"
    at_m008 = Store(connection, path, clock=FakeClock())  # the grid methods are all m008 needs
    run = at_m008.create_grid_run(a_run(at_m008.save_test_set(TEST_SET)))
    assert run.id is not None
    at_m008.save_grid_cell(run.id, done(0, 0, 0))
    at_m008.close()

    store = Store.open(path, clock=FakeClock())

    assert applied_migrations(store._db)[-2:] == ["m009_judging", "m010_judge_spend"]
    migrated = store.get_grid_run(run.id)
    assert (migrated.name, migrated.variants, migrated.test_set) == (run.name, run.variants, run.test_set)
    assert list(migrated.cells.values()) == [done(0, 0, 0)]
    vote = store.save_vote(a_vote(run.id))
    store.close()
    assert Store.open(path).list_votes() == [vote]


async def test_the_service_lists_built_in_templates_first_and_keeps_them(tmp_path: Path) -> None:
    worker = StoreWorker(tmp_path / "judging.sqlite3", clock=FakeClock())
    judging = StoreServices.over(worker, BUILT_IN).judging
    mine = await judging.save_judge_template(dataclasses.replace(BUILT_IN[0], name="My rubric"))

    templates = await judging.judge_templates()

    assert [(t.id, t.name) for t in templates] == [(-1, "Rubric"), (-2, "Pairwise"), (mine.id, "My rubric")]
    with pytest.raises(ValueError, match="built-in"):
        await judging.delete_judge_template(-1)
    saved = await judging.save_vote(a_vote(5, tags=("coding",)))
    assert await judging.votes(run_id=5) == [saved]
    assert await judging.vote_tags() == ["coding"]
    await judging.delete_vote(saved.id)
    assert await judging.votes() == []
    await worker.close()
