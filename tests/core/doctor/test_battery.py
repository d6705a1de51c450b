"""The doctor against the fake server over real HTTP: a faithful provider passes every check, and a
provider that breaks one thing is flagged on exactly that check."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.api.client import ApiClient
from core.api.limits import NetworkLimits
from core.api.retry import RetryPolicy
from core.demo import FakeServer, HttpError, Reply, Text, Thinking, ToolUse
from core.doctor.battery import run_doctor, same_model
from core.doctor.plan import planned_requests, preview_cost
from core.model.messages import Usage
from core.model.profile import Profile
from core.model.provider_check import Check, DoctorReport, Finding, Reason, Verdict, changes_since
from core.store.repository import Store

KEY = "sk-doctor-test"
MODEL = "claude-sonnet-4-5"


@pytest.fixture
async def server() -> AsyncIterator[FakeServer]:
    async with FakeServer(api_key=KEY) as running:
        yield running


def client_for(server: FakeServer, **profile: object) -> ApiClient:
    return ApiClient(
        Profile(name="relay", base_url=server.base_url, **profile),  # type: ignore[arg-type]
        KEY,
        retry=RetryPolicy(max_retries=0),
        limits=NetworkLimits(connect=2.0, idle=10.0),
    )


async def doctor(server: FakeServer, **profile: object) -> DoctorReport:
    heard: list[Finding] = []
    async with client_for(server, **profile) as client:
        report = await run_doctor(client, MODEL, on_finding=heard.append)
    assert list(report.findings) == heard, "each finding is heard as it lands"
    return report


def verdicts(report: DoctorReport) -> dict[Check, tuple[Verdict, Reason]]:
    return {found.check: (found.verdict, found.reason) for found in report.findings}


async def test_a_faithful_provider_passes_every_check(server: FakeServer) -> None:
    report = await doctor(server)
    assert verdicts(report) == {
        Check.MODELS: (Verdict.OK, Reason.MODELS_LISTED),
        Check.STREAMED_TEXT: (Verdict.OK, Reason.TEXT_OK),
        Check.WHOLE_TEXT: (Verdict.OK, Reason.TEXT_OK),
        Check.SSE_STRUCTURE: (Verdict.OK, Reason.STREAM_VALID),
        Check.MODEL_IDENTITY: (Verdict.OK, Reason.MODEL_MATCHES),
        Check.THINKING: (Verdict.OK, Reason.SIGNATURE_KEPT),
        Check.TOOL_USE: (Verdict.OK, Reason.TOOL_ROUND_TRIP),
        Check.COUNT_TOKENS: (Verdict.OK, Reason.COUNTED),
        Check.USAGE_HONESTY: (Verdict.OK, Reason.USAGE_MATCHES),
        Check.CACHING: (Verdict.OK, Reason.CACHE_WORKS),
        Check.ERROR_SHAPE: (Verdict.OK, Reason.ERROR_SHAPED),
        Check.HEADERS: (Verdict.OK, Reason.REQUEST_ID),
        Check.FIRST_TOKEN: (Verdict.OK, Reason.FIRST_TOKEN_TIME),
    }
    assert report.worst == Verdict.OK
    assert report.cost_usd is not None and 0 < report.cost_usd < preview_cost(MODEL).upper_bound_usd  # type: ignore[operator]
    # The thinking follow-up carried the signature back, as the real API requires.
    follow_ups = [r for r in server.requests if r.path == "/v1/messages" and _has_tool_result(r.body)]
    sent_back = [
        b for r in follow_ups for m in r.body["messages"] for b in m["content"] if b["type"] == "thinking"
    ]
    assert sent_back and all(block["signature"] for block in sent_back)


def _has_tool_result(body: dict) -> bool:  # type: ignore[type-arg]
    return any(
        isinstance(m["content"], list) and any(b.get("type") == "tool_result" for b in m["content"])
        for m in body.get("messages", [])
    )


async def test_the_preview_bounds_what_the_run_sends(server: FakeServer) -> None:
    await doctor(server)
    generation = [r for r in server.requests if r.path == "/v1/messages" and r.body.get("messages")]
    assert len(generation) == len(planned_requests())
    preview = preview_cost(MODEL)
    assert preview.requests == len(generation)
    assert preview.upper_bound_usd is not None and preview.upper_bound_usd < 0.25, "a few cents at most"


async def test_a_stripped_signature_is_flagged(server: FakeServer) -> None:
    # The order of the battery: models (GET), streamed, whole, longest output, then thinking.
    server.enqueue(
        Reply([Text("ready")]),
        Reply([Text("ready")]),
        Reply([Text("ready")]),
        Reply([Thinking("Let me look it up.", signature=""), ToolUse("lookup", {"word": "triptych"})]),
    )
    found = verdicts(await doctor(server))
    assert found[Check.THINKING] == (Verdict.FAIL, Reason.SIGNATURE_LOST)
    assert found[Check.TOOL_USE] == (Verdict.OK, Reason.TOOL_ROUND_TRIP)


async def test_another_model_serving_is_flagged(server: FakeServer) -> None:
    server.enqueue(Reply([Text("ready")], model="claude-3-haiku-20240307"))
    report = await doctor(server)
    finding = report.finding(Check.MODEL_IDENTITY)
    assert finding is not None and finding.reason == Reason.MODEL_SWAPPED
    assert finding.facts == {"requested": MODEL, "returned": "claude-3-haiku-20240307"}


async def test_inflated_usage_is_flagged(server: FakeServer) -> None:
    server.enqueue(Reply([Text("ready")], usage=Usage(input_tokens=900, output_tokens=2)))
    finding = (await doctor(server)).finding(Check.USAGE_HONESTY)
    assert finding is not None and finding.verdict == Verdict.FAIL and finding.reason == Reason.USAGE_INFLATED
    assert int(finding.facts["extra"]) > 800


async def test_no_count_tokens_or_model_list_are_warnings_not_failures(
    server: FakeServer,
) -> None:
    server.enqueue(HttpError(404, "Not found"), path="/v1/models")
    server.enqueue(HttpError(404, "Not found"), path="/v1/messages/count_tokens")
    found = verdicts(await doctor(server))
    assert found[Check.MODELS] == (Verdict.WARN, Reason.NO_MODEL_LIST)
    assert found[Check.COUNT_TOKENS] == (Verdict.WARN, Reason.NO_COUNT_TOKENS)
    assert found[Check.USAGE_HONESTY] == (Verdict.SKIPPED, Reason.NOTHING_TO_COMPARE)


def test_same_model_accepts_snapshots_and_aliases() -> None:
    assert same_model("claude-sonnet-4-5", "claude-sonnet-4-5-20250929")
    assert same_model("claude-sonnet-4-5-20250929", "claude-sonnet-4-5-20250929")
    assert not same_model("claude-sonnet-4-5", "claude-3-haiku-20240307")
    assert not same_model("claude-opus-4-1", "claude-sonnet-4-5")


def test_changes_name_what_differs_from_the_last_run() -> None:
    kept = Finding(Check.THINKING, Verdict.OK, Reason.SIGNATURE_KEPT)
    lost = Finding(Check.THINKING, Verdict.FAIL, Reason.SIGNATURE_LOST)
    fast = Finding(Check.FIRST_TOKEN, Verdict.OK, Reason.FIRST_TOKEN_TIME, {"seconds": 0.4})
    also_fast = Finding(Check.FIRST_TOKEN, Verdict.OK, Reason.FIRST_TOKEN_TIME, {"seconds": 0.6})
    last_week = DoctorReport("relay", "anthropic", "h", MODEL, 1000.0, (kept, fast))
    today = DoctorReport("relay", "anthropic", "h", MODEL, 2000.0, (lost, also_fast))
    changes = changes_since(last_week, today)
    assert [(c.check, c.before.reason, c.after.reason, c.before_at) for c in changes] == [
        (Check.THINKING, Reason.SIGNATURE_KEPT, Reason.SIGNATURE_LOST, 1000.0)
    ]
    assert changes_since(None, today) == []


async def test_the_history_keeps_each_run_newest_first(server: FakeServer, tmp_path: Path) -> None:
    first = await doctor(server)
    server.enqueue(Reply([Text("ready")], model="claude-3-haiku-20240307"))
    second = await doctor(server)
    store = Store.open(tmp_path / "triptych.db")
    try:
        store.save_provider_check(first)
        store.save_provider_check(second)
        history = store.provider_checks("relay")
    finally:
        store.close()
    assert history == [second, first]
    changes = changes_since(history[1], history[0])
    assert [change.check for change in changes] == [Check.MODEL_IDENTITY]
