"""A fake Messages API server: the test server for everything, and the app's offline demo.

    async with FakeServer(api_key="sk-test") as server:
        server.enqueue(Reply([Thinking("Hmm.", "sig"), Text("Hello!")], faults=[CutConnection(200)]))
        ...  # a client at server.base_url; then assert on server.requests

    with FakeServer.running_in_thread(api_key="sk-test") as server:
        ...  # for sync clients such as the official SDKs

`python -m core.demo --port 0 --key demo` serves the demo model until interrupted.
"""

from core.demo.batches import BatchCaps, BatchPlan, Fate
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
from core.demo.replies import DEMO_PACE
from core.demo.script import (
    Block,
    CutConnection,
    CutMidEvent,
    DuplicateMessageStart,
    EndlessBody,
    ErrorEvent,
    Fault,
    Gzip,
    HttpError,
    MalformedData,
    NoMessageStop,
    Pace,
    PingsForever,
    RawResponse,
    RedactedThinking,
    Reply,
    ScriptItem,
    ServerToolUse,
    Stall,
    StallBeforeHeaders,
    Text,
    Thinking,
    ToolUse,
    Trickle,
    UnknownEvent,
    WebSearchResult,
    WholeBlock,
)
from core.demo.server import FakeServer, RecordedRequest, demo_server
from core.demo.thread import ServerThread

__all__ = [
    "CACHE_FIELDS_DROPPED",
    "CUT_THEN_ERROR",
    "DEMO_PACE",
    "FAITHFUL",
    "HEADERS_RENAMED",
    "MODEL_REWRITTEN",
    "OVERLOADED_AS_500",
    "PROFILES",
    "SIGNATURES_STRIPPED",
    "USAGE_INFLATED",
    "BatchCaps",
    "BatchPlan",
    "Block",
    "CutConnection",
    "CutMidEvent",
    "DuplicateMessageStart",
    "EndlessBody",
    "ErrorEvent",
    "FakeServer",
    "Fate",
    "Fault",
    "Gzip",
    "HttpError",
    "MalformedData",
    "NoMessageStop",
    "Pace",
    "PingsForever",
    "Quirks",
    "RawResponse",
    "RecordedRequest",
    "RedactedThinking",
    "Reply",
    "ScriptItem",
    "ServerThread",
    "ServerToolUse",
    "Stall",
    "StallBeforeHeaders",
    "Text",
    "Thinking",
    "ToolUse",
    "Trickle",
    "UnknownEvent",
    "WebSearchResult",
    "WholeBlock",
    "demo_server",
]
