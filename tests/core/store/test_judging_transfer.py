"""Judging travels in the Triptych JSON: votes (on grid runs, on compare runs, on runs deleted before the
export), the user's judge templates, rubric scores and pair verdicts written from one real SQLite store and
read into another, moved onto the ids their runs get there; imported again, nothing doubles; a damaged vote
is refused naming its place, and nothing of the file is added."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from core.judging.leaderboard import leaderboard
from core.model.judging import (
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
)
from core.model.request_settings import RequestSettings
from core.store.repository import Store
from core.transcripts.archive import write_archive
from core.transcripts.importers.base import ImportFormatError
from core.transcripts.importers.detect import read_import_file
from tests.core.store_helpers import FakeClock, text
from tests.core.transcripts.test_grid_archive import DEFAULTS, grids_in

SONNET, HAIKU = VariantIdentity("key-sonnet", "Sonnet"), VariantIdentity("key-haiku", "Haiku 俳句")
TEMPLATE = JudgeTemplate(
    None,
    "Fluency 流畅",
    JudgeKind.RUBRIC,
    "Grade {{reply}}",
    (Criterion("fluency", "Natural"),),
    "Relay",
    "m",
)


def vote(
    kind: VoteSourceKind, run_id: int, item: int, winner: int | None, tags: tuple[str, ...] = ()
) -> Vote:
    return Vote(
        None,
        VoteSource(kind, run_id, item),
        (SONNET, HAIKU),
        (0, 1),
        Outcome.WIN if winner is not None else Outcome.ALL_BAD,
        winner,
        tags,
    )


def judged_store(path: Path) -> tuple[Store, int, int]:
    """A store with a grid run, a compare run, a deleted grid run, votes on all three, a template of the
    user's, a score by it and a pair verdict; returns (store, grid run id, compare run id)."""
    store = Store.open(path, clock=FakeClock())
    _, grid_run = grids_in(store)
    conversation = store.create_conversation(DEFAULTS, None, title="Compared")
    question = store.add_message(conversation.id, None, "user", text("Hi"))
    compare_run = store.create_compare_run(
        conversation.id,
        question.id,
        [("Relay", RequestSettings(model="a")), (None, RequestSettings(model="b"))],
    ).id
    gone = store.create_grid_run(
        dataclasses.replace(store.get_grid_run(grid_run), id=None, name="Gone", cells={})
    )
    assert gone.id is not None
    template = store.save_judge_template(TEMPLATE)
    assert template.id is not None
    store.save_vote(vote(VoteSourceKind.GRID, grid_run, 0, 0, ("coding",)))
    store.save_vote(vote(VoteSourceKind.COMPARE, compare_run, 0, 1))
    store.save_vote(vote(VoteSourceKind.GRID, gone.id, 1, None, ("中文",)))
    store.save_rubric_score(
        RubricScore(grid_run, 0, 0, 0, template.id, JudgementStatus.SCORED, {"fluency": 4}, "Natural.")
    )
    store.save_pair_judgement(
        PairJudgement(
            VoteSource(VoteSourceKind.GRID, grid_run, 0),
            (0, 1),
            (SONNET, HAIKU),
            -2,
            JudgementStatus.SCORED,
            PairVerdict.FIRST,
            PairVerdict.FIRST,
        )
    )
    store.delete_grid_run(gone.id)
    return store, grid_run, compare_run


def export(store: Store, path: Path) -> Path:
    write_archive(store.export_all(), path, 1.0, store.export_grids())
    return path


def test_votes_templates_and_judgements_go_out_and_come_back_on_their_runs(tmp_path: Path) -> None:
    source, source_run, _ = judged_store(tmp_path / "a.sqlite3")
    path = export(source, tmp_path / "export.json")
    written = json.loads(path.read_text(encoding="utf-8"))
    assert [v["run"] for v in written["votes"]] == [
        {"grid_run": 0},
        {"conversation": 0, "compare_run": 0},
        None,
    ]

    target = Store.open(tmp_path / "b.sqlite3", clock=FakeClock(2_000_000_000.0))
    _, run_here = grids_in(target)  # a run of its own, started later: the file's run gets another id
    report = target.import_conversations(read_import_file(path, DEFAULTS))

    assert (report.votes, report.duplicate_votes, report.judge_templates, report.judgements) == (
        3,
        0,
        ["Fluency 流畅"],
        2,
    )
    started = source.get_grid_run(source_run).created_at
    [grid_run] = [run for run in target.list_grid_runs() if run.created_at == started]
    assert grid_run.id != run_here
    [conversation] = [c for c in target.list_conversations() if c.title == "Compared"]
    [compare_run] = target.list_compare_runs(conversation.id)
    votes = target.list_votes()
    assert [(v.source.kind, v.source.run_id) for v in votes] == [
        (VoteSourceKind.GRID, grid_run.id),
        (VoteSourceKind.COMPARE, compare_run.id),
        (VoteSourceKind.GRID, 0),  # its run was deleted before the export: it still counts
    ]
    assert votes == [
        dataclasses.replace(mine, id=theirs.id, source=theirs.source)
        for mine, theirs in zip(source.list_votes(), votes, strict=True)
    ]
    assert leaderboard(votes, resamples=0) == leaderboard(source.list_votes(), resamples=0)
    assert target.vote_tags() == ["coding", "中文"]
    [template] = target.list_judge_templates()
    assert dataclasses.replace(template, id=None) == TEMPLATE
    [score] = target.rubric_scores(grid_run.id)
    assert (score.template_id, score.scores, score.reasons) == (template.id, {"fluency": 4}, "Natural.")
    [verdict] = target.pair_judgements(VoteSourceKind.GRID, grid_run.id)
    assert (verdict.template_id, verdict.verdict) == (-2, PairVerdict.FIRST)  # a built-in's id stays

    again = target.import_conversations(read_import_file(path, DEFAULTS))
    assert (again.votes, again.duplicate_votes, again.judge_templates) == (0, 3, [])
    assert len(target.list_votes()) == 3 and len(target.list_judge_templates()) == 1
    assert target.rubric_scores(grid_run.id) == [score]


def test_a_file_without_judging_writes_no_judging_keys(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "a.sqlite3")
    grids_in(store)
    written = json.loads(export(store, tmp_path / "plain.json").read_text(encoding="utf-8"))

    assert not {"votes", "judge_templates", "rubric_scores", "pair_judgements"} & written.keys()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda doc: doc["votes"][1].update(outcome="great"), r"votes\[1\]: outcome should be one of"),
        (lambda doc: doc["votes"][0].update(winner=5), r"votes\[0\]: .*winner"),
        (lambda doc: doc["votes"][0].update(run={"grid_run": 9}), r"votes\[0\]\.run\.grid_run"),
        (lambda doc: doc["votes"][1].update(run={"conversation": 0, "compare_run": 3}), r"votes\[1\]\.run"),
        (lambda doc: doc["judge_templates"][0].pop("id"), r"judge_templates\[0\]\.id"),
        (lambda doc: doc["rubric_scores"][0].update(scores={"fluency": "4"}), r"rubric_scores\[0\]: scores"),
    ],
)
def test_a_damaged_vote_or_judgement_is_refused_naming_its_place_and_nothing_is_added(
    tmp_path: Path, damage, message: str
) -> None:
    source, _, _ = judged_store(tmp_path / "a.sqlite3")
    path = export(source, tmp_path / "export.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    damage(document)
    path.write_text(json.dumps(document), encoding="utf-8")

    with pytest.raises(ImportFormatError, match=message):
        read_import_file(path, DEFAULTS)
    target = Store.open(tmp_path / "b.sqlite3")
    assert target.list_votes() == [] and target.list_grid_runs() == []


def test_a_failure_while_adding_adds_nothing_of_the_file(tmp_path: Path) -> None:
    """All or nothing: a vote the store refuses after the file was read (here made unreadable in the parsed
    import: two contestants in one column) rolls back the conversations and runs added before it."""
    source, _, _ = judged_store(tmp_path / "a.sqlite3")
    parsed = read_import_file(export(source, tmp_path / "export.json"), DEFAULTS)
    bad = dataclasses.replace(parsed.grids.judging.votes[0][0], columns=(1, 1))
    parsed.grids.judging.votes[0] = (bad, parsed.grids.judging.votes[0][1])
    target = Store.open(tmp_path / "b.sqlite3")

    with pytest.raises(ValueError, match="different columns"):
        target.import_conversations(parsed)
    assert target.list_conversations() == [] and target.list_grid_runs() == [] and target.list_votes() == []
