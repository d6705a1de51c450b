"""Compare runs against the fake server over real HTTP and a real SQLite file: what each column sent, what
it measured, one column failing alone, continuing with a winner, and a follow-up round."""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.compare.session import ColumnValidationError, CompareSession
from core.demo import FakeServer, HttpError, Pace, RecordedRequest, Reply, Stall, Text
from core.model.compare_run import ColumnMetrics
from core.model.conversation import StoredMessage
from core.model.messages import Usage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.store.worker import StoreWorker
from core.wire.accumulate import StreamUpdate
from tests.waiting import wait_until

KEY = "sk-compare-test-key-0123456789"
BASE = RequestSettings(model="claude-sonnet-4-6", max_tokens=2048, temperature=1.0)


@dataclass
class Recorder:
    started: list[tuple[int, int]] = field(default_factory=list)
    text: dict[int, str] = field(default_factory=dict)
    finished: dict[int, tuple[StoredMessage, ColumnMetrics]] = field(default_factory=dict)

    def column_started(self, run_id: int, column: int, reply: StoredMessage) -> None:
        self.started.append((column, reply.id))

    def column_updated(self, run_id: int, column: int, update: StreamUpdate) -> None:
        if update.kind == "text":
            self.text[column] = self.text.get(column, "") + update.text

    def column_finished(
        self, run_id: int, column: int, message: StoredMessage, metrics: ColumnMetrics
    ) -> None:
        self.finished[column] = (message, metrics)


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


@dataclass
class Setup:
    server: FakeServer
    store: StoreWorker
    session: CompareSession
    events: Recorder
    conversation_id: int


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with FakeServer(api_key=KEY) as server:
        store = StoreWorker(tmp_path / "compare.sqlite3")
        profiles = [Profile("Relay", server.base_url), Profile("Other", server.base_url)]
        clients = ClientPool(Keys(), profiles, retry=RetryPolicy(max_retries=0))
        events = Recorder()
        session = CompareSession(store, clients, events, save_interval=0.05)
        conversation = await store.call(lambda s: s.create_conversation(BASE, "Relay"))
        cid = conversation.id
        first = await store.call(lambda s: s.add_message(cid, None, "user", [{"type": "text", "text": "Hi"}]))
        await store.call(
            lambda s: s.add_message(cid, first.id, "assistant", [{"type": "text", "text": "Hello."}])
        )
        yield Setup(server, store, session, events, cid)
        await session.close()
        await clients.aclose()
        await store.close()


def settings(**changes: Any) -> RequestSettings:
    values = {"model": BASE.model, "max_tokens": BASE.max_tokens, "temperature": BASE.temperature, **changes}
    return RequestSettings(**values)


def by_model(requests: list[RecordedRequest]) -> dict[str, RecordedRequest]:
    return {request.body["model"]: request for request in requests}


THREE = [
    ("Relay", settings()),
    ("Relay", settings(model="claude-haiku-4-5-20251001", temperature=0.2)),
    ("Other", settings(model="claude-opus-4-6", temperature=None, max_tokens=12000,
                       thinking=ThinkingSettings("enabled", 8192))),
]  # fmt: skip


async def test_each_column_sends_exactly_its_own_settings_after_the_conversation(setup: Setup) -> None:
    run = await setup.session.start(setup.conversation_id, THREE, "Write a haiku.")
    replies = await setup.session.wait(run.id)
    assert [reply.status for reply in replies] == ["complete"] * 3
    sent = by_model(setup.server.requests)
    assert set(sent) == {"claude-sonnet-4-6", "claude-haiku-4-5-20251001", "claude-opus-4-6"}
    assert sent["claude-sonnet-4-6"].body["temperature"] == 1.0
    assert sent["claude-haiku-4-5-20251001"].body["temperature"] == 0.2
    opus = sent["claude-opus-4-6"].body
    assert "temperature" not in opus and opus["max_tokens"] == 12000
    assert opus["thinking"] == {"type": "enabled", "budget_tokens": 8192}
    for request in sent.values():
        assert [m["role"] for m in request.body["messages"]] == ["user", "assistant", "user"]
        assert request.body["messages"][-1]["content"] == [{"type": "text", "text": "Write a haiku."}]
    # Every column's reply arrived and is stored; the conversation on screen did not move.
    assert sorted(setup.events.finished) == [0, 1, 2]
    assert all(setup.events.text[c] for c in range(3))
    path = await setup.store.call(lambda s: s.current_path(setup.conversation_id))
    assert [m.content[0]["text"] for m in path] == ["Hi", "Hello."]


async def test_metrics_match_the_servers_scripted_timing(setup: Setup) -> None:
    pace = Pace(chunk_chars=4, delta_interval=0.02)
    for _ in range(2):
        setup.server.enqueue(Reply([Text("word " * 8)], usage=Usage(20, 50), pace=pace, faults=[Stall(0.3)]))
    run = await setup.session.start(setup.conversation_id, THREE[:2], "Go.")
    await setup.session.wait(run.id)
    deltas = len("word " * 8) // 4
    for column in (0, 1):
        message, metrics = setup.events.finished[column]
        assert metrics.time_to_first_token is not None and metrics.time_to_first_token >= 0.3
        assert metrics.duration is not None and metrics.duration >= 0.3 + deltas * 0.02
        assert (metrics.input_tokens, metrics.output_tokens) == (20, 50)
        generating = metrics.duration - metrics.time_to_first_token
        assert metrics.output_tokens_per_second == pytest.approx(50 / generating, rel=0.2)
        assert 50 / (deltas * 0.02 + 0.5) < metrics.output_tokens_per_second < 50 / ((deltas - 1) * 0.02)
        assert metrics.stop_reason == "end_turn" and metrics.cost_usd is not None and metrics.cost_usd > 0
        assert metrics.request_id == message.request_id is not None
    stored = await setup.store.call(lambda s: s.get_compare_run(run.id))
    assert stored.columns[0].metrics == [setup.events.finished[0][1]]


async def test_one_columns_429_stays_in_that_column(setup: Setup) -> None:
    slow = Pace(chunk_chars=4, delta_interval=0.01)
    setup.server.enqueue(
        HttpError(429, "Rate limited.", headers={"retry-after": "7"}),
        Reply([Text("word " * 10)], pace=slow),
        Reply([Text("word " * 10)], pace=slow),
    )
    run = await setup.session.start(setup.conversation_id, THREE, "Go.")
    replies = await setup.session.wait(run.id)
    failed_model = next(r.body["model"] for r in setup.server.requests if r.reply is None)
    for reply in replies:
        if reply.model == failed_model:
            assert reply.status == "error" and reply.error is not None
            assert (reply.error.status, reply.error.retry_after) == (429, 7.0)
        else:
            assert reply.status == "complete" and reply.content[0]["text"] == "word " * 10
    assert sorted(reply.status for reply in replies) == ["complete", "complete", "error"]


async def test_stop_one_column_keeps_its_partial_reply_and_the_others_finish(setup: Setup) -> None:
    slow = Pace(chunk_chars=4, delta_interval=0.02)
    setup.server.enqueue(Reply([Text("word " * 40)], pace=slow), Reply([Text("word " * 40)], pace=slow))
    run = await setup.session.start(setup.conversation_id, THREE[:2], "Go.")
    await wait_until(lambda: bool(setup.events.text.get(1)), what="column 2's first words")
    assert setup.session.is_running(run.id, 1)
    setup.session.stop(run.id, 1)
    replies = await setup.session.wait(run.id)
    assert replies[0].status == "complete"
    assert replies[1].status == "cancelled" and 0 < len(replies[1].content[0]["text"]) < len("word " * 40)
    assert not setup.session.is_running(run.id)


async def test_a_column_that_cannot_be_sent_stops_the_run_before_anything_is_saved(setup: Setup) -> None:
    bad = settings(thinking=ThinkingSettings("enabled", 4096), max_tokens=2048)
    with pytest.raises(ColumnValidationError) as caught:
        await setup.session.start(setup.conversation_id, [("Relay", settings()), ("Relay", bad)], "Go.")
    assert caught.value.column == 1
    assert setup.server.requests == []
    assert await setup.store.call(lambda s: s.list_compare_runs(setup.conversation_id)) == []


async def test_continue_with_adopts_the_reply_and_its_settings(setup: Setup) -> None:
    setup.server.enqueue(Reply([Text("Sonnet says.")]), Reply([Text("Haiku says.")]))
    run = await setup.session.start(setup.conversation_id, THREE[:2], "Compare me.")
    await setup.session.wait(run.id)
    chosen = next(c for c, (m, _) in setup.events.finished.items() if m.content[0]["text"] == "Haiku says.")
    await setup.session.continue_with(run.id, chosen)
    conversation = await setup.store.call(lambda s: s.get_conversation(setup.conversation_id))
    assert conversation.settings == THREE[chosen][1]
    assert conversation.profile_name == THREE[chosen][0]
    path = await setup.store.call(lambda s: s.current_path(setup.conversation_id))
    assert [m.content[0]["text"] for m in path] == ["Hi", "Hello.", "Compare me.", "Haiku says."]
    stored = await setup.store.call(lambda s: s.compare_run_of(path[-1].id))
    assert stored is not None and stored.chosen_column == chosen
    other = stored.columns[1 - chosen].reply_ids[0]
    alternative = await setup.store.call(lambda s: s.get_message(other))
    assert alternative.content == [{"type": "text", "text": "Sonnet says."}]
    assert other not in [m.id for m in path]


async def test_a_follow_up_continues_each_columns_own_thread(setup: Setup) -> None:
    setup.server.enqueue(Reply([Text("A1")]), Reply([Text("B1")]))
    run = await setup.session.start(setup.conversation_id, THREE[:2], "First.")
    await setup.session.wait(run.id)
    first_text = {c: m.content[0]["text"] for c, (m, _) in setup.events.finished.items()}
    await setup.session.follow_up(run.id, "Second.")
    await setup.session.wait(run.id)
    followups = setup.server.requests[2:]
    for column, (_, column_settings) in enumerate(THREE[:2]):
        request = by_model(followups)[column_settings.model]
        texts = [m["content"][0]["text"] for m in request.body["messages"]]
        assert texts == ["Hi", "Hello.", "First.", first_text[column], "Second."]
    stored = await setup.store.call(lambda s: s.get_compare_run(run.id))
    assert stored.prompts == ["First.", "Second."]
    assert all(len(c.reply_ids) == 2 and all(c.metrics) for c in stored.columns)


async def test_thinking_tokens_are_measured_only_where_the_server_reports_them(setup: Setup) -> None:
    reported = Usage(20, 300, output_tokens_details={"thinking_tokens": 120})
    setup.server.enqueue(Reply([Text("Thought it through.")], usage=reported), Reply([Text("Just said it.")]))
    run = await setup.session.start(setup.conversation_id, THREE[:2], "Go.")
    replies = await setup.session.wait(run.id)
    by_text = {m.content[0]["text"]: m for m in replies}
    thought, plain = by_text["Thought it through."], by_text["Just said it."]
    assert thought.usage is not None and thought.usage.thinking_tokens == 120
    assert plain.usage is not None and plain.usage.thinking_tokens is None
    stored = await setup.store.call(lambda s: s.get_compare_run(run.id))
    measured = {c.reply_ids[0]: c.metrics[0] for c in stored.columns}
    assert measured[thought.id] is not None and measured[thought.id].thinking_tokens == 120
    assert measured[plain.id] is not None and measured[plain.id].thinking_tokens is None
