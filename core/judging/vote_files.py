"""Votes written out for other tools: CSV (a row per vote, a spreadsheet's view) and JSON Lines (every field,
one vote per line, for scripts)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from core.model.judging import Outcome, Vote

CSV_FIELDS = (
    "id", "created_at", "source", "run_id", "item", "repeat", "outcome", "winner",
    "contestants", "columns", "tags",
)  # fmt: skip


def _winner_label(vote: Vote) -> str:
    if vote.outcome is Outcome.WIN and vote.winner is not None:
        return vote.contestants[vote.winner].label
    return ""


def vote_record(vote: Vote) -> dict[str, Any]:
    return {
        "id": vote.id,
        "created_at": vote.created_at,
        "source": {
            "kind": str(vote.source.kind),
            "run_id": vote.source.run_id,
            "item": vote.source.item,
            "repeat": vote.source.repeat,
        },
        "contestants": [{"key": c.key, "label": c.label} for c in vote.contestants],
        "columns": list(vote.columns),
        "outcome": str(vote.outcome),
        "winner": vote.winner,
        "winner_label": _winner_label(vote),
        "tags": list(vote.tags),
    }


def jsonl_text(votes: Sequence[Vote]) -> str:
    return "".join(json.dumps(vote_record(vote), ensure_ascii=False) + "\n" for vote in votes)


def csv_text(votes: Sequence[Vote]) -> str:
    """Contestants by label, in the order shown (" | " between them); the winner by label."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for vote in votes:
        writer.writerow(
            [
                vote.id, f"{vote.created_at:.3f}", str(vote.source.kind), vote.source.run_id,
                vote.source.item, vote.source.repeat, str(vote.outcome), _winner_label(vote),
                " | ".join(c.label for c in vote.contestants),
                " ".join(str(column) for column in vote.columns),
                ", ".join(vote.tags),
            ]
        )  # fmt: skip
    return out.getvalue()
