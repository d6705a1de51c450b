"""What reading a stream costs the client per event, counted rather than timed (timings flake under load).

bench/stream_processing.py measures the CPU; this guards the mechanism behind its gain: a text delta goes from
the bytes to the update the app sees in a handful of Python calls of our own, not the 28 it took when each
line, event and layer was its own function call and each update a frozen dataclass, nor the 12 it took
through the decoder, the JSON parser and the reducer.
"""

import sys
from pathlib import Path
from types import FrameType
from typing import Any

from core.api.client import ApiClient
from core.demo import FakeServer, Pace, Reply, Text
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings

KEY = "sk-stream-cost"
MODEL = "claude-sonnet-4-5-20250929"
CORE = str(Path(__file__).resolve().parents[3] / "core")
SERVER = str(Path(__file__).resolve().parents[3] / "core" / "demo")
JSON = str(Path(sys.modules["json"].__file__ or "").parent)
DELTAS = 600


def ours(frame: FrameType) -> bool:
    """Our client's code (not the fake server's), the JSON module it calls and the generated methods of its
    dataclasses."""
    filename = frame.f_code.co_filename
    if filename == "<string>" and frame.f_back is not None:
        filename = frame.f_back.f_code.co_filename
    return filename.startswith((CORE, JSON)) and not filename.startswith(SERVER)


async def test_a_text_delta_costs_a_few_python_calls_of_ours() -> None:
    # One character per delta, slowed a little so that events mostly arrive one per read (the costly case).
    reply = Reply([Text("x" * DELTAS)], pace=Pace(chunk_chars=1, delta_interval=0.0005))
    calls = 0

    def count(frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal calls
        if event == "call" and ours(frame):
            calls += 1

    async with FakeServer(api_key=KEY) as server:
        server.enqueue(reply)
        async with ApiClient(Profile(name="cost", base_url=server.base_url), KEY) as client:
            stream = client.stream([ChatMessage.user_text("Hi")], RequestSettings(model=MODEL))
            texts = []
            async with stream:
                iterator = aiter(stream)
                first = await anext(iterator)  # the request, headers and message_start are not counted
                assert first.kind == "message_start"
                sys.setprofile(count)
                try:
                    async for update in iterator:
                        if update.kind == "text":
                            texts.append(update.text)
                finally:
                    sys.setprofile(None)
    message = stream.message()
    assert message is not None and message.content == [{"type": "text", "text": "x" * DELTAS}]
    assert "".join(texts) == "x" * DELTAS
    per_delta = calls / DELTAS
    # Before: 28 calls per delta (each SSE line and the event its own calls, json.loads three deep, the
    # reducer's helpers, a frozen StreamUpdate, a generator of our own between httpx and the reply's); then
    # 12 (the decoder, the event, the parse, the reducer). Now 8: the reply's generator (resumed for the chunk
    # and for the update), the capture, the reader, its check that no event is half read, its reading of
    # the delta from the bytes, the line count it hands the decoder, and the update.
    assert per_delta <= 9, f"{per_delta:.1f} Python calls of ours per text delta"
