"""How long to wait for a server, and how much of its answer to read: limits so a hostile or broken server
(a relay that never answers, trickles a byte a second, sends only keep-alive pings, or an endless body)
ends in a plain error instead of holding a reply, and memory, for ever.

Time, from the request's start:

    connect ──► headers ──► first event ──► … events … ──► end
    `connect`   `headers`   `first_event`   `idle`: no byte at all; `progress`: no event but pings

- `connect`: TCP, TLS and any proxy's handshake.
- `headers`: the status line and headers, and for an error status its whole body. A request that is not
  streamed gets its headers only once the whole reply is written, so its headers and body share
  `whole_reply` instead.
- `first_event`: from the headers to the reply's first block (`content_block_start`; pings, `message_start`
  and unknown events do not count). A server that trickles bytes or sends only pings fails here: a trickle is
  bytes that never make an event, which an idle limit cannot see. Generous, as a very long prompt takes
  a while to read before the first block.
- `idle`: no byte at all. Cloudflare, in front of the API and most relays, closes a connection idle for
  100 s, so no working stream is silent longer; the API keeps streams alive with pings.
- `progress`: once the reply began, no event but pings (or unknown ones). Long enough for thinking that is
  not shown (`display: "omitted"` sends no deltas until its signature): pings alone for a long time are
  legitimate there, so this is the old ten-minute limit, and the Stop button is always there.

`first_event` and `progress` are checked as bytes arrive (they are about bytes that arrive yet do not make a
reply); a server silent altogether meets `idle` first.

Size: bodies that are read whole (an error body, a reply that is not streamed, a model list) are read up to a
cap and then abandoned; a stream may be long (a 10 MB reply is normal with thinking) but not endless.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

MB = 1024 * 1024


@dataclass(frozen=True)
class NetworkLimits:
    """Seconds and bytes; the defaults suit the real API. Tests pass short ones."""

    connect: float = 10.0
    headers: float = 60.0
    first_event: float = 180.0
    idle: float = 120.0
    progress: float = 600.0
    whole_reply: float = 600.0
    """For a request that is not streamed: the headers and the whole body."""
    error_body_bytes: int = 64 * 1024
    """An error body beyond this is cut: the status says what happened, the start of the body why."""
    whole_body_bytes: int = 32 * MB
    """A reply that is not streamed, and each page of the model list."""
    stream_bytes: int = 128 * MB
    """Far above any reply: 128k output tokens streamed a token per event is about 20 MB of events."""

    def httpx_timeout(self) -> httpx.Timeout:
        """httpx's own limits: connecting, and the longest wait for any one read (idle) or write."""
        import httpx  # here: the limits are made at start, httpx is needed only once a request is sent

        return httpx.Timeout(self.idle, connect=self.connect, pool=self.connect)
