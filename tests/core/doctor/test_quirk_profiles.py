"""The doctor against each relay quirk profile of the fake server (`core.demo.quirks`, each modelled on a
public relay's documented behaviour): it flags what the profile breaks, on the check that shows it, and
passes everything else; the faithful profile passes every check."""

from __future__ import annotations

import pytest

from core.api.client import ApiClient
from core.api.limits import NetworkLimits
from core.api.retry import RetryPolicy
from core.demo import FakeServer
from core.demo.quirks import (
    CACHE_FIELDS_DROPPED,
    CUT_THEN_ERROR,
    FAITHFUL,
    HEADERS_RENAMED,
    MODEL_REWRITTEN,
    OVERLOADED_AS_500,
    PROFILES,
    SIGNATURES_STRIPPED,
    USAGE_INFLATED,
    Quirks,
)
from core.doctor.battery import run_doctor
from core.model.profile import ApiStyle, Profile
from core.model.provider_check import Check, Reason, Verdict

KEY = "sk-quirks"
MODEL = "claude-sonnet-4-5"
# What is not OK with a faithful server, by API style: the OpenAI style has no SSE events of the Anthropic
# kind and no cache fields to check.
NOT_CHECKED = {
    "anthropic": {},
    "openai": {Check.SSE_STRUCTURE: Reason.NOT_ANTHROPIC_STYLE, Check.CACHING: Reason.NOT_ANTHROPIC_STYLE},
}
FLAGGED: dict[str, dict[Check, Reason]] = {
    FAITHFUL.name: {},
    HEADERS_RENAMED.name: {Check.HEADERS: Reason.RELAY_ID_ONLY},
    # The 500 wrapping shows only on an overload, which no check can cause; the dropped request-id shows.
    OVERLOADED_AS_500.name: {Check.HEADERS: Reason.RELAY_ID_ONLY},
    MODEL_REWRITTEN.name: {Check.MODEL_IDENTITY: Reason.MODEL_SWAPPED},
    USAGE_INFLATED.name: {Check.USAGE_HONESTY: Reason.USAGE_INFLATED},
    CACHE_FIELDS_DROPPED.name: {Check.CACHING: Reason.CACHE_FIELDS_MISSING},
}


async def found(quirks: Quirks, api_style: ApiStyle) -> dict[Check, Reason]:
    async with FakeServer(api_key=KEY, quirks=quirks) as server:
        profile = Profile(
            "relay",
            server.base_url,
            api_style=api_style,
            auth_style="bearer" if api_style == "openai" else "x-api-key",
        )
        limits = NetworkLimits(connect=2.0, idle=10.0)
        async with ApiClient(profile, KEY, retry=RetryPolicy(max_retries=0), limits=limits) as client:
            report = await run_doctor(client, MODEL)
    return {f.check: f.reason for f in report.findings if f.verdict != Verdict.OK}


@pytest.mark.parametrize("api_style", ["anthropic", "openai"])
@pytest.mark.parametrize("quirks", [q for q in PROFILES if q.name in FLAGGED], ids=lambda q: q.name)
async def test_each_profile_is_flagged_on_its_check_alone(quirks: Quirks, api_style: ApiStyle) -> None:
    flagged = FLAGGED[quirks.name]
    if api_style == "openai":  # that route has no caching to drop: the check does not run there
        flagged = {check: reason for check, reason in flagged.items() if check != Check.CACHING}
    expected = NOT_CHECKED[api_style] | flagged
    assert await found(quirks, api_style) == expected


async def test_signatures_stripped_on_the_openai_route_are_flagged() -> None:
    assert await found(SIGNATURES_STRIPPED, "openai") == NOT_CHECKED["openai"] | {
        Check.THINKING: Reason.SIGNATURE_LOST
    }
    assert await found(SIGNATURES_STRIPPED, "anthropic") == {}, "the Anthropic route keeps them"


async def test_a_stream_cut_then_an_error_event_is_flagged_where_streams_are_used() -> None:
    flagged = await found(CUT_THEN_ERROR, "anthropic")
    assert flagged[Check.STREAMED_TEXT] == Reason.REQUEST_FAILED
    assert flagged[Check.SSE_STRUCTURE] == Reason.STREAM_BROKEN, "the merged half event is named"
    assert Check.WHOLE_TEXT not in flagged, "a reply not streamed is whole"
