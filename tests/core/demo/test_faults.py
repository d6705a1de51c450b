"""Every scripted fault is what a client sees: error statuses, broken streams, stalls, cut connections."""

from __future__ import annotations

import gzip
import json

import httpx
import pytest

from core.demo import (
    CutConnection,
    CutMidEvent,
    DuplicateMessageStart,
    ErrorEvent,
    FakeServer,
    Gzip,
    HttpError,
    MalformedData,
    NoMessageStop,
    Pace,
    RawResponse,
    Reply,
    Stall,
    StallBeforeHeaders,
    Text,
    UnknownEvent,
)
from tests.core.demo.helpers import messages_body, sse_events, sse_frames
from tests.sse_samples import sample_events

SHORT = Pace(chunk_chars=4)


def reply(*faults: object, text: str = "Hello, world!") -> Reply:
    return Reply([Text(text)], pace=SHORT, faults=faults)  # type: ignore[arg-type]


async def test_an_http_error_has_the_api_body_and_its_headers(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(HttpError(429, "Slow down", headers={"retry-after": "3"}))

    response = await client.post("/v1/messages", json=messages_body())

    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert response.json() == {
        "type": "error",
        "error": {"type": "rate_limit_error", "message": "Slow down"},
        "request_id": response.headers["request-id"],
    }


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, "invalid_request_error"),
        (403, "permission_error"),
        (422, "invalid_request_error"),
        (529, "overloaded_error"),
        (503, "api_error"),
    ],
)
async def test_an_http_error_takes_the_api_type_of_its_status(
    server: FakeServer, client: httpx.AsyncClient, status: int, error_type: str
) -> None:
    server.enqueue(HttpError(status))

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    assert response.status_code == status
    assert response.json()["error"]["type"] == error_type


async def test_a_non_json_error_body_is_sent_verbatim(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(RawResponse(500, "upstream exploded"))

    response = await client.post("/v1/messages", json=messages_body())

    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "upstream exploded"


async def test_a_relay_html_502_page(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(RawResponse.html_page())

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    assert response.status_code == 502
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>502 Bad Gateway</title>" in response.text
    assert response.headers["request-id"].startswith("req_")


async def test_an_error_event_after_n_deltas_ends_the_stream(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(reply(ErrorEvent(after_deltas=2)))

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    events = sse_events(response.text)
    assert response.status_code == 200
    assert [e["type"] for e in events] == [
        "message_start",
        "content_block_start",
        "ping",
        "content_block_delta",
        "content_block_delta",
        "error",
    ]
    assert events[-1] == {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}


async def test_an_error_event_first_is_the_documented_error_stream(
    server: FakeServer, client: httpx.AsyncClient
):
    server.enqueue(reply(ErrorEvent()))

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    assert sse_events(response.text) == sample_events("docs-error-event-overloaded.sse")


async def test_an_error_event_without_stream_is_the_matching_status(
    server: FakeServer, client: httpx.AsyncClient
):
    server.enqueue(reply(ErrorEvent(after_deltas=3)))

    response = await client.post("/v1/messages", json=messages_body())

    assert response.status_code == 529
    assert response.json()["error"] == {"type": "overloaded_error", "message": "Overloaded"}


async def read_raw(client: httpx.AsyncClient, **fields: object) -> tuple[bytes, Exception | None]:
    """The body bytes that arrived, and the error that ended the read if one did."""
    received = b""
    async with client.stream("POST", "/v1/messages", json=messages_body(**fields)) as response:
        try:
            async for chunk in response.aiter_raw():
                received += chunk
        except httpx.HTTPError as error:
            return received, error
    return received, None


async def test_a_cut_stream_stops_after_n_bytes_without_its_terminator(
    server: FakeServer, client: httpx.AsyncClient
):
    server.enqueue(reply(CutConnection(after_bytes=300)))

    received, error = await read_raw(client, stream=True)

    assert isinstance(error, httpx.RemoteProtocolError)
    assert len(received) == 300
    assert server.disconnects == []  # the server hung up, the client did not


async def test_a_cut_mid_event_ends_inside_the_event_after_n_deltas(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(reply(CutMidEvent(after_deltas=2), text="Hello, world, and more!"))

    received, error = await read_raw(client, stream=True)

    assert isinstance(error, httpx.RemoteProtocolError)
    whole_events, _, broken = received.rpartition(b"\n\n")
    assert whole_events.count(b"content_block_delta") == 2 * 2  # "event:" and "type" of each delta
    assert broken and b"\n\n" not in broken and not broken.endswith(b"}")


async def test_a_cut_inside_a_character_leaves_its_first_byte_only(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(reply(CutMidEvent(after_deltas=1, inside_character=True), text="abcd日本語"))

    received, error = await read_raw(client, stream=True)

    assert isinstance(error, httpx.RemoteProtocolError)
    assert received.endswith("日".encode()[:1])
    assert b"abcd" in received


async def test_a_cut_json_body_is_visibly_short(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(reply(CutConnection(after_bytes=50)))

    received, error = await read_raw(client)

    assert isinstance(error, httpx.RemoteProtocolError)
    assert len(received) == 50


async def test_a_stream_shorter_than_the_cut_still_loses_its_end(
    server: FakeServer, client: httpx.AsyncClient
):
    server.enqueue(reply(CutConnection(after_bytes=1_000_000)))

    received, error = await read_raw(client, stream=True)

    assert isinstance(error, httpx.RemoteProtocolError)
    assert received.endswith(b'data: {"type":"message_stop"}\n\n')


async def test_a_stall_after_the_headers_times_the_client_out(server: FakeServer, client: httpx.AsyncClient):
    server.enqueue(reply(Stall(seconds=2.0)))

    async with client.stream(
        "POST", "/v1/messages", json=messages_body(stream=True), timeout=0.2
    ) as response:
        assert response.status_code == 200
        with pytest.raises(httpx.ReadTimeout):
            await response.aread()

    assert await server.wait_for_disconnect() is server.requests[-1]


async def test_a_stall_mid_stream_comes_after_the_first_deltas(server: FakeServer, client: httpx.AsyncClient):
    server.enqueue(reply(Stall(seconds=2.0, after_deltas=1)))

    received = ""
    async with client.stream(
        "POST", "/v1/messages", json=messages_body(stream=True), timeout=0.2
    ) as response:
        with pytest.raises(httpx.ReadTimeout):
            async for text in response.aiter_text():
                received += text

    assert [name for name, _ in sse_frames(received)][-1] == "content_block_delta"


async def test_a_stall_before_the_headers_times_the_request_out(
    server: FakeServer, client: httpx.AsyncClient
):
    server.enqueue(reply(StallBeforeHeaders(seconds=2.0)))

    with pytest.raises(httpx.ReadTimeout):
        await client.post("/v1/messages", json=messages_body(stream=True), timeout=0.2)

    await server.wait_for_disconnect()


async def test_pauses_may_be_given_in_whole_seconds(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(
        Reply([Text("abc")], pace=Pace(chunk_chars=1, delta_interval=0), faults=[Stall(seconds=0)])
    )

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    assert sse_events(response.text)[-1]["type"] == "message_stop"


async def test_malformed_json_in_a_data_line(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(reply(MalformedData(after_deltas=1)))

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    frames = sse_frames(response.text)
    broken = [data for _, data in frames if not _parses(data)]
    assert len(broken) == 1
    assert frames[4] == ("content_block_delta", broken[0])
    assert frames[-1][0] == "message_stop"


def _parses(data: str) -> bool:
    try:
        json.loads(data)
    except ValueError:
        return False
    return True


async def test_an_unknown_event_type_is_inserted(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(reply(UnknownEvent(after_deltas=2, name="thinking_budget_update")))

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    events = sse_events(response.text)
    assert events[5] == {"type": "thinking_budget_update"}
    assert events[-1]["type"] == "message_stop"


async def test_a_stream_can_end_without_message_stop(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(reply(NoMessageStop()))

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    assert sse_events(response.text)[-1]["type"] == "message_delta"


async def test_message_start_can_come_twice(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(reply(DuplicateMessageStart()))

    response = await client.post("/v1/messages", json=messages_body(stream=True))

    events = sse_events(response.text)
    assert events[0] == events[1]
    assert events[0]["type"] == "message_start"


async def test_a_gzip_stream_decodes_to_the_same_events(
    server: FakeServer, client: httpx.AsyncClient
) -> None:
    server.enqueue(reply(), reply(Gzip()))

    plain = await client.post("/v1/messages", json=messages_body(stream=True))
    zipped = await client.post("/v1/messages", json=messages_body(stream=True))

    assert zipped.headers["content-encoding"] == "gzip"
    assert [(e["type"], e.get("delta")) for e in sse_events(zipped.text)] == [
        (e["type"], e.get("delta")) for e in sse_events(plain.text)
    ]


async def test_a_gzip_stream_is_compressed_on_the_wire(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(reply(Gzip()))

    received, error = await read_raw(client, stream=True)

    assert error is None
    assert gzip.decompress(received).startswith(b"event: message_start\n")


async def test_a_gzip_json_body_decodes(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(reply(Gzip()))

    response = await client.post("/v1/messages", json=messages_body())

    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["content"] == [{"type": "text", "text": "Hello, world!"}]


@pytest.mark.parametrize(
    ("text", "pace"),
    [("x" * 200, Pace(chunk_chars=1, delta_interval=0.02)), ("x" * 4_000_000, Pace(chunk_chars=4000))],
    ids=["while waiting between deltas", "while writing as fast as it can"],
)
async def test_the_server_sees_a_client_leave_mid_stream(
    server: FakeServer, client: httpx.AsyncClient, text: str, pace: Pace
) -> None:
    server.enqueue(Reply([Text(text)], pace=pace))

    async with client.stream("POST", "/v1/messages", json=messages_body(stream=True)) as response:
        async for _ in response.aiter_bytes():
            break

    gone = await server.wait_for_disconnect()
    assert gone is server.requests[-1]
    assert server.disconnects == [gone]
