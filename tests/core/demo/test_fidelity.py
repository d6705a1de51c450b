"""Our client reads every reply exactly as the official SDKs do, over real HTTP from the fake server.

Each script is queued twice: our `ApiClient` takes the first copy, the official SDK the second, and both
send the very same request body, so even the estimated token counts agree. A scripted Reply keeps its
message id and tool ids, so the two final messages can be compared whole.

The stream structure part checks the fake server's own streams with `check_stream`, and shows the checker
catches the faults the server can inject, so "valid" is not a vacuous verdict.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import anthropic
import httpx
import openai
import pytest

from core.api.client import ApiClient
from core.api.reply import ReplyResult
from core.api.retry import RetryPolicy
from core.demo import (
    DuplicateMessageStart,
    ErrorEvent,
    FakeServer,
    Fault,
    HttpError,
    NoMessageStop,
    Pace,
    RawResponse,
    RedactedThinking,
    Reply,
    ServerToolUse,
    Text,
    Thinking,
    ToolUse,
    UnknownEvent,
    WebSearchResult,
)
from core.model.messages import ChatMessage, Usage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.wire import errors
from core.wire.sse import SSEDecoder
from core.wire.stream_check import StreamCheck, check_stream
from tests.scripted_blocks import SEARCH, SEARCH_RESULTS, WEB_CITATION
from tests.sdk_reference import without_nones

KEY = "sk-fidelity"
MODEL = "claude-sonnet-4-5-20250929"
CONVERSATION = [ChatMessage.user_text("Hi")]

# --- the scripts ---------------------------------------------------------------------------------------

DOCUMENT_CITATIONS = (
    {
        "type": "char_location",
        "cited_text": "The grass is green.",
        "document_index": 0,
        "document_title": "Facts",
        "start_char_index": 0,
        "end_char_index": 19,
    },
    {
        "type": "page_location",
        "cited_text": "The sky is blue.",
        "document_index": 1,
        "document_title": "Atlas",
        "start_page_number": 3,
        "end_page_number": 4,
    },
    {
        "type": "content_block_location",
        "cited_text": "Water is wet.",
        "document_index": 2,
        "document_title": "Notes",
        "start_block_index": 0,
        "end_block_index": 1,
    },
)
# Nested objects, CJK and a raw U+2028 inside strings, every kind of JSON number, a null, empty containers.
AWKWARD_INPUT = {
    "text": '你好\u2028world "quoted" \\ back',
    "options": {"nested": {"deep": [1, -2, 2.5, 1e-07, 12345678901234567890, True, False, None]}},
    "count": 0,
    "nothing": None,
    "empty": {},
    "none": [],
}

SCRIPTS: dict[str, Reply] = {
    "plain text": Reply([Text("Hello! How can I help?")]),
    "text with citations": Reply(
        [Text("Per the documents, "), Text("grass is green, sky blue.", citations=DOCUMENT_CITATIONS)]
    ),
    "thinking then text": Reply(
        [Thinking("Let me think step by step.", "EqQBCgIYAhIM1gbcDa9G"), Text("42.")]
    ),
    "thinking omitted": Reply([Thinking("", "EqQBsigOnly"), Text("42.")]),
    "redacted thinking": Reply([RedactedThinking("EmwKAhgBEgy3va3pzix"), Text("Done.")]),
    "tool use": Reply(
        [Text("Let me check."), ToolUse("translate", AWKWARD_INPUT)],
        pace=Pace(chunk_chars=3),
    ),
    "two tool uses": Reply(
        [ToolUse("get_weather", {"city": "Paris"}), ToolUse("get_time", {"zone": "Europe/Paris"})],
        pace=Pace(chunk_chars=5),
    ),
    "web search": Reply(
        [
            Text("I'll search."),
            SEARCH,
            WebSearchResult(SEARCH.id, SEARCH_RESULTS),
            Text("It is sunny.", citations=(WEB_CITATION,)),
        ],
        usage=Usage(input_tokens=2679, output_tokens=510, server_tool_use={"web_search_requests": 1}),
    ),
    "stop sequence": Reply([Text("Counting: 1, 2, ")], stop_reason="stop_sequence", stop_sequence="3"),
    "max tokens": Reply([Text("This reply was cut sho")], stop_reason="max_tokens"),
    "cache usage": Reply(
        [Text("Cached.")],
        usage=Usage(
            input_tokens=5,
            output_tokens=7,
            cache_creation_input_tokens=11,
            cache_read_input_tokens=13,
            cache_creation={"ephemeral_5m_input_tokens": 11, "ephemeral_1h_input_tokens": 0},
            service_tier="standard",
        ),
    ),
    "non-ASCII one char per delta": Reply([Text("你好，世界 🌍")], pace=Pace(chunk_chars=1)),
    "refusal with stop details": Reply(
        [],
        stop_reason="refusal",
        stop_details={"type": "refusal", "category": "cyber", "explanation": "Not that."},
    ),
}
SCRIPT_IDS = list(SCRIPTS)


# --- fixtures and helpers ------------------------------------------------------------------------------
# A server per test (about 30 ms): a test that fails half-way cannot leave a queued reply to the next one.


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer.running_in_thread(api_key=KEY) as server:
        yield server


@pytest.fixture
def claude(server: FakeServer) -> Iterator[anthropic.Anthropic]:
    with anthropic.Anthropic(base_url=server.base_url, api_key=KEY, max_retries=0) as client:
        yield client


@pytest.fixture
def gpt(server: FakeServer) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=server.base_url + "/v1", api_key=KEY, max_retries=0) as client:
        yield client


@pytest.fixture
async def ours(server: FakeServer) -> AsyncIterator[ApiClient]:
    async with ApiClient(Profile("fake", server.base_url), KEY, retry=RetryPolicy(max_retries=0)) as client:
        yield client


@pytest.fixture
async def ours_openai(server: FakeServer) -> AsyncIterator[ApiClient]:
    profile = Profile("fake relay", server.base_url, auth_style="bearer", api_style="openai")
    async with ApiClient(profile, KEY, retry=RetryPolicy(max_retries=0)) as client:
        yield client


def settings(*, stream: bool = True) -> RequestSettings:
    return RequestSettings(model=MODEL, max_tokens=1024, stream=stream)


def body_of(client: ApiClient, *, stream: bool = True) -> dict[str, Any]:
    """The exact body our client sends, to be sent by the SDK too."""
    _, body, _ = client.request_for(CONVERSATION, settings(stream=stream))
    return body


def without_stream_flag(body: dict[str, Any]) -> dict[str, Any]:
    """The SDKs' `.stream()` helpers set `stream` themselves."""
    return {key: value for key, value in body.items() if key != "stream"}


async def our_message(client: ApiClient, *, stream: bool = True) -> dict[str, Any]:
    result = await client.send(CONVERSATION, settings(stream=stream))
    assert result.error is None, result.error
    assert result.complete
    assert result.message is not None
    return result.message.to_api()


def tool_inputs(message: dict[str, Any]) -> list[Any]:
    """Tool inputs as they are, nulls included (`without_nones` would hide a lost null on both sides)."""
    return [block["input"] for block in message["content"] if "input" in block]


def scripted_inputs(script: Reply) -> list[Any]:
    return [block.input for block in script.content if isinstance(block, ToolUse | ServerToolUse)]


def assert_same_two_requests(server: FakeServer) -> None:
    ours, theirs = server.requests[-2:]
    assert ours.body == theirs.body, "both clients must ask the same, or the token estimates differ"
    assert ours.reply is not None
    assert ours.reply == theirs.reply


# --- 1. streaming: our accumulator against the SDK's ---------------------------------------------------


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPT_IDS)
async def test_our_stream_builds_the_message_the_sdk_builds(
    server: FakeServer, claude: anthropic.Anthropic, ours: ApiClient, script: Reply
) -> None:
    server.enqueue(script, script)

    mine = await our_message(ours)
    with claude.messages.stream(**without_stream_flag(body_of(ours))) as stream:
        final = stream.get_final_message()
    theirs = without_nones(final.model_dump())

    assert_same_two_requests(server)
    assert without_nones(mine) == theirs
    assert without_nones(mine) == without_nones(server.requests[-1].reply)  # what the server meant
    assert tool_inputs(mine) == tool_inputs(final.model_dump()) == scripted_inputs(script)


# --- 2. non-streaming ----------------------------------------------------------------------------------


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPT_IDS)
async def test_our_whole_reply_is_the_message_the_sdk_reads(
    server: FakeServer, claude: anthropic.Anthropic, ours: ApiClient, script: Reply
) -> None:
    server.enqueue(script, script)

    mine = await our_message(ours, stream=False)
    message = claude.messages.create(**body_of(ours, stream=False))

    assert_same_two_requests(server)
    assert server.requests[-1].body["stream"] is False
    assert without_nones(mine) == without_nones(message.model_dump())
    assert tool_inputs(mine) == tool_inputs(message.model_dump()) == scripted_inputs(script)


async def test_our_whole_reply_keeps_the_container_as_the_sdk_does(
    server: FakeServer, claude: anthropic.Anthropic, ours: ApiClient
) -> None:
    """A Reply has no container, so this whole message (code execution's shape) is sent verbatim."""
    whole = {
        "id": "msg_container",
        "type": "message",
        "role": "assistant",
        "model": MODEL,
        "content": [{"type": "text", "text": "Ran it."}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "container": {"id": "container_011CZ", "expires_at": "2026-01-01T00:00:00Z"},
        "usage": {"input_tokens": 3, "output_tokens": 2},
    }
    answer = RawResponse(200, json.dumps(whole), content_type="application/json")
    server.enqueue(answer, answer)

    mine = await our_message(ours, stream=False)
    message = claude.messages.create(**body_of(ours, stream=False))

    # JSON mode: the SDK holds expires_at as a datetime, the wire (and we) as the string.
    assert without_nones(mine) == without_nones(message.model_dump(mode="json")) == without_nones(whole)


# --- 3. the OpenAI style -------------------------------------------------------------------------------

OPENAI_SCRIPTS: dict[str, Reply] = {
    "text": Reply([Text("Hello from a relay! 你好 🌍")], usage=Usage(9, 4), pace=Pace(chunk_chars=2)),
    "text and two tool calls": Reply(
        [
            Text("Checking both."),
            ToolUse("translate", AWKWARD_INPUT),
            ToolUse("get_time", {"zone": "Europe/Paris"}),
        ],
        usage=Usage(31, 17),
        pace=Pace(chunk_chars=4),
    ),
    "max tokens": Reply([Text("Cut sho")], stop_reason="max_tokens", usage=Usage(3, 2)),
}
# The finish reasons our message's stop reasons stand for.
FINISH_REASONS = {"end_turn": "stop", "tool_use": "tool_calls", "max_tokens": "length"}


def our_view(message: dict[str, Any]) -> dict[str, Any]:
    """What an OpenAI completion can say about our message: text, tool calls, stop reason, usage."""
    return {
        "text": "".join(block["text"] for block in message["content"] if block["type"] == "text"),
        "calls": [
            (block["id"], block["name"], block["input"])
            for block in message["content"]
            if block["type"] == "tool_use"
        ],
        "finish": FINISH_REASONS[message["stop_reason"]],
        "usage": (message["usage"]["input_tokens"], message["usage"]["output_tokens"]),
    }


def sdk_view(completion: Any) -> dict[str, Any]:
    choice = completion.choices[0]
    assert completion.usage is not None
    return {
        "text": choice.message.content or "",
        "calls": [
            (call.id, call.function.name, json.loads(call.function.arguments))
            for call in choice.message.tool_calls or []
        ],
        "finish": choice.finish_reason,
        "usage": (completion.usage.prompt_tokens, completion.usage.completion_tokens),
    }


@pytest.mark.parametrize("script", OPENAI_SCRIPTS.values(), ids=list(OPENAI_SCRIPTS))
async def test_our_openai_stream_reads_what_the_openai_sdk_reads(
    server: FakeServer, gpt: openai.OpenAI, ours_openai: ApiClient, script: Reply
) -> None:
    server.enqueue(script, script)

    mine = await our_message(ours_openai)
    body = body_of(ours_openai)
    assert body["stream_options"] == {"include_usage": True}
    with gpt.chat.completions.stream(**without_stream_flag(body)) as stream:
        # The accumulated snapshot: get_final_completion() would raise on finish_reason "length".
        completion = stream.until_done().current_completion_snapshot

    assert_same_two_requests(server)
    assert our_view(mine) == sdk_view(completion)
    assert our_view(mine)["calls"] == [
        (block.id, block.name, block.input) for block in script.content if isinstance(block, ToolUse)
    ]


@pytest.mark.parametrize("script", OPENAI_SCRIPTS.values(), ids=list(OPENAI_SCRIPTS))
async def test_our_whole_openai_reply_is_what_the_openai_sdk_reads(
    server: FakeServer, gpt: openai.OpenAI, ours_openai: ApiClient, script: Reply
) -> None:
    server.enqueue(script, script)

    mine = await our_message(ours_openai, stream=False)
    completion = gpt.chat.completions.create(**body_of(ours_openai, stream=False))

    assert_same_two_requests(server)
    assert our_view(mine) == sdk_view(completion)


# --- 4. the structure of the server's streams ----------------------------------------------------------


def fetched_stream_check(server: FakeServer, body: dict[str, Any]) -> StreamCheck:
    """The raw bytes of one stream, decoded with our SSE decoder and checked strictly."""
    headers = {"x-api-key": KEY, "anthropic-version": "2023-06-01"}
    response = httpx.post(server.base_url + "/v1/messages", json=body, headers=headers, timeout=5.0)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    decoder = SSEDecoder()
    events = decoder.feed(response.content) + decoder.flush()
    assert events
    return check_stream((event.event, json.loads(event.data)) for event in events)


STREAM_BODY = {
    "model": MODEL,
    "max_tokens": 1024,
    "messages": [{"role": "user", "content": "Hi"}],
    "stream": True,
}


@pytest.mark.parametrize("script", SCRIPTS.values(), ids=SCRIPT_IDS)
def test_every_scripted_stream_is_structurally_valid(server: FakeServer, script: Reply) -> None:
    server.enqueue(script)

    check = fetched_stream_check(server, STREAM_BODY)

    assert check.violations == []
    assert check.notices == []
    assert check.valid


@pytest.mark.parametrize(
    ("fault", "violation"),
    [
        (NoMessageStop(), "The stream ended without message_stop."),
        (DuplicateMessageStart(), "A second message_start."),
    ],
    ids=["no message_stop", "duplicate message_start"],
)
def test_the_checker_catches_the_faults_that_break_the_structure(
    server: FakeServer, fault: Fault, violation: str
) -> None:
    server.enqueue(Reply([Text("Hello there, friend.")], faults=[fault]))

    check = fetched_stream_check(server, STREAM_BODY)

    assert not check.valid
    assert [found.message for found in check.violations] == [violation]


def test_an_unknown_event_is_a_notice_not_a_violation(server: FakeServer) -> None:
    server.enqueue(Reply([Text("Hello there, friend.")], faults=[UnknownEvent(after_deltas=1, name="later")]))

    check = fetched_stream_check(server, STREAM_BODY)

    assert check.valid
    assert [notice.message for notice in check.notices] == ['Unknown event type "later"; it was not checked.']


# --- 5. errors -----------------------------------------------------------------------------------------

ERROR_CASES = [
    (400, anthropic.BadRequestError, errors.BadRequestError),
    (401, anthropic.AuthenticationError, errors.AuthenticationError),
    (403, anthropic.PermissionDeniedError, errors.PermissionDeniedError),
    (404, anthropic.NotFoundError, errors.NotFoundError),
    (413, anthropic.RequestTooLargeError, errors.RequestTooLargeError),
    (429, anthropic.RateLimitError, errors.RateLimitError),
    (500, anthropic.InternalServerError, errors.InternalServerError),
    (529, anthropic.OverloadedError, errors.OverloadedError),
]


@pytest.mark.parametrize(
    ("status", "sdk_class", "our_class"), ERROR_CASES, ids=[str(case[0]) for case in ERROR_CASES]
)
async def test_an_http_error_is_the_error_the_sdk_raises(
    server: FakeServer,
    claude: anthropic.Anthropic,
    ours: ApiClient,
    status: int,
    sdk_class: type[anthropic.APIStatusError],
    our_class: type[errors.ApiStatusError],
) -> None:
    refusal = HttpError(status, f"Refused with {status}.")
    server.enqueue(refusal, refusal)

    result = await ours.send(CONVERSATION, settings(stream=False))
    with pytest.raises(anthropic.APIStatusError) as raised:
        claude.messages.create(**body_of(ours, stream=False))

    sdk_error = raised.value
    assert type(sdk_error) is sdk_class
    our_error = result.error
    assert type(our_error) is our_class
    assert result.message is None
    sdk_body: Any = sdk_error.body
    assert (our_error.status, our_error.error_type, our_error.message) == (
        sdk_error.status_code,
        sdk_body["error"]["type"],
        sdk_body["error"]["message"],
    )
    assert (our_error.error_type, our_error.message) == (refusal.type, refusal.message)
    # Each request has its own id; each client reports the one of the request it made.
    our_request, sdk_request = server.requests[-2:]
    assert our_error.request_id == result.request_id == our_request.request_id
    assert sdk_error.request_id == sdk_request.request_id
    assert json.loads(our_error.body) == {**sdk_body, "request_id": our_request.request_id}


async def test_an_error_event_mid_stream_keeps_the_text_before_it_as_the_sdk_does(
    server: FakeServer, claude: anthropic.Anthropic, ours: ApiClient
) -> None:
    script = Reply(
        [Text("The first part, then trouble.")],
        faults=[ErrorEvent(after_deltas=3, message="Overloaded")],
        pace=Pace(chunk_chars=5),
    )
    server.enqueue(script, script)

    result: ReplyResult = await ours.send(CONVERSATION, settings())
    received: list[str] = []
    with (
        pytest.raises(anthropic.APIStatusError) as raised,
        claude.messages.stream(**without_stream_flag(body_of(ours))) as stream,
    ):
        received.extend(stream.text_stream)
    snapshot = stream.current_message_snapshot

    sdk_body: Any = raised.value.body
    assert sdk_body == {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    our_error = result.error
    assert isinstance(our_error, errors.StreamErrorEvent)
    assert (our_error.error_type, our_error.message) == ("overloaded_error", "Overloaded")
    assert our_error.request_id == server.requests[-2].request_id
    assert not result.complete
    assert result.message is not None
    assert result.message.text == "".join(received) == "The first part,"
    assert without_nones(result.message.to_api()) == without_nones(snapshot.model_dump())
