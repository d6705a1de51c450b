"""A store holding known replies on known days, for the spend tests (core and window): every total they
check is worked out by hand from what is here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from core.model.compare_run import ColumnMetrics
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import CellKey, CellResult, CellStatus, GridRun, GridVariant, TestCase, TestSet
from core.model.messages import Usage
from core.model.request_settings import RequestSettings
from core.store.repository import Store
from tests.core.store_helpers import FakeClock, relay_profile, text

SONNET = RequestSettings(model="claude-sonnet-4-6")
HAIKU = RequestSettings(model="claude-haiku-4-5")
MONDAY = dt.date(2026, 3, 2)
TUESDAY = dt.date(2026, 3, 3)
NEXT_TUESDAY = dt.date(2026, 3, 10)
APRIL = dt.date(2026, 4, 1)


def noon(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time(12)).timestamp()


def reply(
    store: Store, conversation: int, parent: int | None, model: str, usage: Usage, cost: float | None
) -> int:
    question = store.add_message(conversation, parent, "user", text("Question"))
    answer = store.add_message(
        conversation, question.id, "assistant", text("Answer"), model=model, usage=usage, cost_usd=cost
    )
    return answer.id


def filled_store(path: Path) -> Store:
    """Relay (a saved profile whose Sonnet price is half the catalog's) and Other (not saved: catalog prices).

    Monday: two Sonnet chat replies through Relay (one read 10,000 cached tokens and wrote 2,000), a reply
    of a model no price is known for, through Other; a user message and a reply still streaming (no usage).
    Tuesday: a compare run in Relay's conversation, a Sonnet column through Relay and a Haiku column through
    Other (which wrote 1,000 tokens to the cache, 600 of them for an hour); an evaluation grid of one case
    and two repeats: Sonnet through Relay twice (one read 1,000 cached tokens), Haiku with no provider once
    (it wrote 500) and once failed (no reply: not counted).
    Next Tuesday: Monday's first reply branched into a new conversation (a copy: counted once), a Haiku
    chat reply. April 1st: one more Sonnet reply.
    """
    clock = FakeClock(noon(MONDAY))
    opened = Store.open(path, clock=clock)
    opened.save_profile(relay_profile("Relay"))
    relay = opened.create_conversation(SONNET, "Relay").id
    first = reply(
        opened, relay, None, "claude-sonnet-4-6",
        Usage(input_tokens=1000, output_tokens=500, cache_read_input_tokens=10_000,
              cache_creation_input_tokens=2000),
        0.5,
    )  # fmt: skip
    second = reply(
        opened, relay, first, "claude-sonnet-4-6", Usage(input_tokens=200, output_tokens=100), 0.01
    )
    other = opened.create_conversation(HAIKU, "Other").id
    reply(opened, other, None, "mystery-model", Usage(input_tokens=100, output_tokens=50), None)
    asked = opened.add_message(other, None, "user", text("Still streaming?"))
    opened.add_message(other, asked.id, "assistant", [], "streaming", model="claude-haiku-4-5")

    clock.now = noon(TUESDAY)
    run = opened.create_compare_run(relay, second, [("Relay", SONNET), ("Other", HAIKU)])
    run = opened.add_compare_round(run.id, "Compare this")
    sonnet_reply, haiku_reply = (column.reply_ids[0] for column in run.columns)
    opened.update_reply(
        sonnet_reply, status="complete", model="claude-sonnet-4-6", cost_usd=0.02,
        usage=Usage(input_tokens=300, output_tokens=400, cache_read_input_tokens=4000),
    )  # fmt: skip
    opened.update_reply(
        haiku_reply, status="complete", model="claude-haiku-4-5", cost_usd=0.003,
        usage=Usage(input_tokens=50, output_tokens=60, cache_creation_input_tokens=1000,
                    cache_creation={"ephemeral_5m_input_tokens": 400, "ephemeral_1h_input_tokens": 600}),
    )  # fmt: skip
    opened.save_column_metrics(run.id, 1, 0, ColumnMetrics(cost_usd=0.003))
    grid = opened.create_grid_run(
        GridRun(
            None, "Capitals",
            TestSet(None, "Capitals", "Capital of {{country}}?", (TestCase("FR", {"country": "France"}),)),
            (GridVariant("Relay", SONNET), GridVariant(None, HAIKU)), repeats=2,
        )
    )  # fmt: skip
    assert grid.id is not None
    for variant, repeat, metrics in (
        (0, 0, ColumnMetrics(input_tokens=100, output_tokens=200, cache_read_tokens=1000, cost_usd=0.004)),
        (0, 1, ColumnMetrics(input_tokens=100, output_tokens=300, cost_usd=0.005)),
        (1, 0, ColumnMetrics(input_tokens=80, output_tokens=90, cache_write_tokens=500, cost_usd=0.001)),
    ):
        key = CellKey(0, variant, repeat)
        opened.save_grid_cell(
            grid.id, CellResult(key, CellStatus.DONE, metrics=metrics, finished_at=noon(TUESDAY))
        )
    overloaded = ReplyError(ErrorKind.OVERLOADED, "Overloaded", status=529)
    opened.save_grid_cell(
        grid.id, CellResult(CellKey(0, 1, 1), CellStatus.FAILED, error=overloaded, finished_at=noon(TUESDAY))
    )

    clock.now = noon(NEXT_TUESDAY)
    opened.copy_path_to_new_conversation(first, "Branched")
    reply(opened, other, None, "claude-haiku-4-5", Usage(input_tokens=10, output_tokens=20), 0.0001)

    clock.now = noon(APRIL)
    reply(opened, relay, None, "claude-sonnet-4-6", Usage(input_tokens=1, output_tokens=2), 0.00003)
    return opened
