"""A server process for bench/stream_processing.py: answers every POST /v1/messages with one long stream.

    python bench/_sse_server.py --events 20000 [--server fake|fast] [--chars 8]

It prints its base URL on one line, then serves until its standard input closes. Running it in its own
process keeps the server's CPU out of the client's measurement.

`fake` is the project's FakeServer (aiohttp, one write per event, the same checks as for the app). `fast`
writes the same pre-rendered bytes with no HTTP framework at all, for when the fake server is the bottleneck.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.demo import FakeServer, Pace, Reply, Text
from core.demo.anthropic_stream import message_frames
from core.model.messages import Usage

API_KEY = "sk-bench"
MODEL = "claude-sonnet-4-6"
_FIXED_EVENTS = 6
"""message_start, content_block_start, ping, content_block_stop, message_delta, message_stop."""
_QUEUED_REPLIES = 1000


def bench_reply(events: int, chars: int) -> Reply:
    """A text reply whose stream is exactly `events` events long, `chars` characters per delta."""
    deltas = max(1, events - _FIXED_EVENTS)
    words = "Streaming text with some words, numbers 12345 and punctuation; über café 東京. "
    text = (words * (deltas * chars // len(words) + 1))[: deltas * chars]
    return Reply(
        [Text(text)],
        id="msg_bench",
        model=MODEL,
        usage=Usage(input_tokens=12, output_tokens=deltas * chars // 4),
        pace=Pace(chunk_chars=chars),
    )


def stream_bytes(reply: Reply) -> bytes:
    message = reply.message(request_model=MODEL, input_tokens=12)
    assert reply.pace is not None
    return b"".join(frame.data for frame in message_frames(reply.content, message, reply.pace))


async def serve_fake(reply: Reply) -> str:
    server = FakeServer(API_KEY)
    await server.start()
    # The fake server answers each request with the next queued item; queue plenty for every run.
    server.enqueue(*([reply] * _QUEUED_REPLIES))
    return server.base_url


async def serve_fast(body: bytes) -> str:
    head = (
        b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream; charset=utf-8\r\n"
        b"request-id: req_bench\r\ncontent-length: " + str(len(body)).encode() + b"\r\n\r\n"
    )

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                header = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in header.split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                writer.write(head + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    return f"http://127.0.0.1:{port}"


async def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--chars", type=int, default=8, help="characters per text delta")
    parser.add_argument("--server", choices=["fake", "fast"], default="fake")
    args = parser.parse_args()
    reply = bench_reply(args.events, args.chars)
    base_url = await (serve_fake(reply) if args.server == "fake" else serve_fast(stream_bytes(reply)))
    print(base_url, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    asyncio.run(main())
