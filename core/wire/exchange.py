"""What actually went over the wire for one reply: the request as sent and the response as received.

`ExchangeCapture` sits on the path a request takes through `core.api.client` (it sees the `httpx.Request` that
is sent and every byte of the response that is read), so the record is what was sent, not a rebuild. The key
is taken out when the record is made: where it was sent (the request's headers and the URL's query) it reads
`REDACTED` wherever it appears, in any form (escaped, URL- or base64-encoded: `core.wire.secret_forms`); in
the bodies and the response's headers only a long key standing as a whole token is replaced, so a short key
(the demo's is "demo") never changes the user's words or the reply's, and the body kept is the body sent.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote

from core.wire.secret_forms import scrub_bytes, scrub_text, scrub_tokens_bytes, scrub_tokens_text

if TYPE_CHECKING:
    import httpx  # only the client's path hands these over; reading a stored exchange needs no httpx

REDACTED = "[REDACTED]"
URL_CREDENTIALS = "[URL credentials]"
"""Where the `user:password` of the base URL went (HTTP Basic auth: `authorization: Basic [URL credentials]`):
copied code reads them from an environment variable of their own, never from the key's."""
REDACTED_CREDENTIALS = "[REDACTED credentials]"
"""Where a URL's or a proxy's password appeared anywhere else."""
MAX_REQUEST_BYTES = 8 * 1024 * 1024
"""A request body above this is not kept (images sent again on every turn would grow the database fast)."""
MAX_RESPONSE_BYTES = 2 * 1024 * 1024
"""The first this many bytes of a response are kept; the rest is counted, not stored."""

_AUTH_HEADERS = frozenset({"x-api-key", "authorization", "proxy-authorization"})


@dataclass(frozen=True)
class Exchange:
    """One request and its response, key redacted. Bodies are bytes exactly as on the wire (the response
    decoded from gzip, as httpx hands it over), cut to the limits above."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    response_body: bytes = b""
    response_bytes: int = 0
    """How many bytes of response body arrived, including any not kept."""
    request_kept: bool = True
    """False when the request body was too large to keep (`request_body` is then empty)."""
    reconstructed: bool = False
    """Rebuilt from the stored conversation (a turn recorded before exchanges were kept), not recorded."""

    @property
    def response_truncated(self) -> bool:
        return self.response_bytes > len(self.response_body)

    @property
    def streaming(self) -> bool:
        """Whether the request asked for a stream of events."""
        try:
            body = json.loads(self.request_body)
        except ValueError:
            return False
        return isinstance(body, dict) and body.get("stream") is True


class ExchangeCapture:
    """Collects one exchange while it happens. A retry or a redirect starts it over: the last attempt is
    what is kept."""

    def __init__(self) -> None:
        self._request: httpx.Request | None = None
        self._key = ""
        self._url_userinfo = ""
        self._secrets: tuple[str, ...] = ()
        self._response: httpx.Response | None = None
        self._chunks: list[bytes] = []
        self._kept = 0
        self._received = 0

    def request_sent(
        self, request: httpx.Request, api_key: str, *, url_userinfo: str = "", secrets: tuple[str, ...] = ()
    ) -> None:
        """`url_userinfo`: the `user:password` of the base URL (sent as Basic auth); `secrets`: what else must
        not be kept (the passwords of the URL and of the proxy)."""
        self._request, self._key = request, api_key
        self._url_userinfo, self._secrets = url_userinfo, secrets
        self._response = None
        self._chunks, self._kept, self._received = [], 0, 0

    def response_received(self, response: httpx.Response) -> None:
        self._response = response

    def body_read(self, chunk: bytes) -> None:
        self._received += len(chunk)
        room = MAX_RESPONSE_BYTES - self._kept
        if room > 0:
            self._chunks.append(chunk[:room])
            self._kept += min(room, len(chunk))

    def record(self) -> Exchange | None:
        """The exchange so far, key redacted; None when no request was sent."""
        request = self._request
        if request is None:
            return None
        body = request.content
        kept = len(body) <= MAX_REQUEST_BYTES
        response = self._response
        return Exchange(
            method=request.method,
            url=self._redact_url(request.url.copy_with(username=None, password=None)),
            request_headers=redact_headers(
                dict(request.headers.items()),
                self._key,
                url_userinfo=self._url_userinfo,
                secrets=self._secrets,
            ),
            request_body=self._redact_bytes(body) if kept else b"",
            status=response.status_code if response is not None else None,
            response_headers=(
                redact_headers(dict(response.headers.items()), self._key, secrets=self._secrets, sent=False)
                if response is not None
                else {}
            ),
            response_body=self._redact_bytes(b"".join(self._chunks)),
            response_bytes=self._received,
            request_kept=kept,
        )

    def _redact_url(self, url: httpx.URL) -> str:
        # The query is where a key is sent in a URL; the rest is the host and the path, names that a short
        # key could be a word of.
        whole = str(url)
        query = url.query.decode("ascii", "replace")
        head = whole[: len(whole) - len(query) - 1] if query else whole
        head = scrub_tokens_text(head, [self._key], REDACTED) if self._key else head
        if query:
            query = scrub_text(query, [self._key], REDACTED) if self._key else query
            head = f"{head}?{query}"
        return scrub_text(head, list(self._secrets), REDACTED_CREDENTIALS)

    def _redact_bytes(self, data: bytes) -> bytes:
        # A key a relay echoes back, in whatever form (or that a user pasted into a message), must not reach
        # the database either; but only as the key itself, a long token: the body kept is the body sent.
        # A URL's or a proxy's password is still replaced wherever it appears: it is never meant for content.
        data = scrub_tokens_bytes(data, [self._key], REDACTED) if self._key else data
        return scrub_bytes(data, list(self._secrets), REDACTED_CREDENTIALS)


def redact_headers(
    headers: dict[str, str],
    api_key: str,
    *,
    url_userinfo: str = "",
    secrets: tuple[str, ...] = (),
    sent: bool = True,
) -> dict[str, str]:
    """Lower-case names; the key replaced by REDACTED (wherever it appears in headers that were `sent`, as a
    long whole token in those received), the Basic auth made of the base URL's credentials by
    URL_CREDENTIALS, other secrets by REDACTED_CREDENTIALS, and auth headers never in clear."""
    scrub_key = scrub_text if sent else scrub_tokens_text
    basic = basic_auth(url_userinfo) if url_userinfo else None
    redacted: dict[str, str] = {}
    for name, value in headers.items():
        name = name.lower()
        if basic is not None and name == "authorization" and value == basic:
            redacted[name] = f"Basic {URL_CREDENTIALS}"
            continue
        scrubbed = scrub_key(value, [api_key], REDACTED) if api_key else value
        scrubbed = scrub_text(scrubbed, list(secrets), REDACTED_CREDENTIALS)
        if scrubbed == value and name in _AUTH_HEADERS:
            scrubbed = REDACTED_CREDENTIALS if name == "proxy-authorization" else REDACTED
        redacted[name] = scrubbed
    return redacted


def basic_auth(userinfo: str) -> str:
    """The `authorization` value HTTP Basic auth makes of a URL's `user:password` (as httpx sends it)."""
    user, _, password = userinfo.partition(":")
    token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode()
    return f"Basic {token}"
