"""The provider check against the two third-party fakes: each deviation they are known for (README.md here)
is flagged, and what they do as the API does passes."""

from __future__ import annotations

import pytest

from core.api.client import ApiClient
from core.api.retry import RetryPolicy
from core.doctor.battery import run_doctor
from core.model.profile import ApiStyle, Profile
from core.model.provider_check import Check, DoctorReport, Reason
from tests.peers.servers import LlmockPeer, PeerServer

pytestmark = pytest.mark.peers

MODEL = "claude-sonnet-4-5-20250929"

# What both peers do, whichever API style: plain text, correct stream structure, the model asked for.
SHARED = {
    Check.STREAMED_TEXT: Reason.TEXT_OK,
    Check.WHOLE_TEXT: Reason.TEXT_OK,
    Check.MODEL_IDENTITY: Reason.MODEL_MATCHES,
    Check.THINKING: Reason.NO_THINKING,  # neither thinks unless a rule or scenario says so
    Check.TOOL_USE: Reason.NO_TOOL_CALL,  # nor follows tool_choice
    Check.COUNT_TOKENS: Reason.NO_COUNT_TOKENS,
    Check.USAGE_HONESTY: Reason.NOTHING_TO_COMPARE,
    Check.ERROR_SHAPE: Reason.INVALID_ACCEPTED,  # a request without messages gets a 200
    Check.HEADERS: Reason.NO_REQUEST_ID,
    Check.FIRST_TOKEN: Reason.FIRST_TOKEN_TIME,
}


async def check(base_url: str, api_style: ApiStyle) -> dict[Check, Reason]:
    profile = Profile(
        "peer", base_url, auth_style="bearer" if api_style == "openai" else "x-api-key", api_style=api_style
    )
    async with ApiClient(profile, "peer-test-key", retry=RetryPolicy(max_retries=0)) as client:
        report: DoctorReport = await run_doctor(client, MODEL)
    return {finding.check: finding.reason for finding in report.findings}


@pytest.mark.parametrize("api_style", ["anthropic", "openai"])
async def test_llm_mock_api(llm_mock_api: PeerServer, api_style: ApiStyle) -> None:
    found = await check(llm_mock_api.url, api_style)
    assert found == SHARED | {
        Check.MODELS: Reason.NO_MODEL_LIST,  # FastAPI's 404 for GET /v1/models
        Check.SSE_STRUCTURE: Reason.STREAM_VALID if api_style == "anthropic" else Reason.NOT_ANTHROPIC_STYLE,
        Check.CACHING: Reason.CACHE_FIELDS_MISSING
        if api_style == "anthropic"
        else Reason.NOT_ANTHROPIC_STYLE,
    }


@pytest.mark.parametrize("api_style", ["anthropic", "openai"])
async def test_llmock(llmock_peer: LlmockPeer, api_style: ApiStyle) -> None:
    url = llmock_peer.anthropic_base_url if api_style == "anthropic" else llmock_peer.openai_base_url
    found = await check(url, api_style)
    assert found == SHARED | {
        Check.MODELS: Reason.MODEL_NOT_LISTED,  # its list (llmock.yaml) has other model ids
        Check.SSE_STRUCTURE: Reason.STREAM_VALID if api_style == "anthropic" else Reason.NOT_ANTHROPIC_STYLE,
        Check.CACHING: Reason.CACHE_FIELDS_MISSING
        if api_style == "anthropic"
        else Reason.NOT_ANTHROPIC_STYLE,
    }
