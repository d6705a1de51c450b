"""What a network failure was, as a typed value with its facts (host, proxy, the system's own cause, a byte
count), so the GUI words it in the user's language; `english` gives the sentence kept in an error's message
(logs, exports).

The cause is the operating system's or the TLS library's own words (e.g. "[Errno 113] No route to host"):
shown as it is, inside a translated sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DetailKind(StrEnum):
    CONNECT_TIMEOUT = "connect_timeout"
    READ_TIMEOUT = "read_timeout"
    TIMED_OUT = "timed_out"
    PROXY_REFUSED_HOST = "proxy_refused_host"
    HOST_NOT_FOUND = "host_not_found"
    TLS = "tls"
    REFUSED = "refused"
    CUT = "cut"
    UNREACHABLE = "unreachable"
    PROXY_WOULD_NOT_CONNECT = "proxy_would_not_connect"
    PROXY_CONNECT_TIMEOUT = "proxy_connect_timeout"
    PROXY_NOT_FOUND = "proxy_not_found"
    PROXY_CONNECTION_REFUSED = "proxy_connection_refused"
    PROXY_UNREACHABLE = "proxy_unreachable"
    STREAM_STALLED_AFTER = "stream_stalled_after"
    STREAM_CUT_AFTER = "stream_cut_after"


@dataclass(frozen=True)
class ErrorDetail:
    kind: DetailKind
    host: str = ""
    """`host` or `host:port` of the API (for HOST_NOT_FOUND, the name that was looked up)."""
    proxy: str = ""
    """`host:port` of the proxy, never its password."""
    cause: str = ""
    count: int | None = None
    """Bytes that came before the failure, where that is the fact."""

    @classmethod
    def read(cls, data: object) -> ErrorDetail | None:
        """From its saved form (`as_dict`); None for anything this version does not know."""
        if not isinstance(data, dict):
            return None
        try:
            kind = DetailKind(str(data.get("kind")))
        except ValueError:
            return None
        count = data.get("count")
        return cls(
            kind,
            host=str(data.get("host") or ""),
            proxy=str(data.get("proxy") or ""),
            cause=str(data.get("cause") or ""),
            count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        )

    def as_dict(self) -> dict[str, object]:
        return {"kind": str(self.kind), "host": self.host, "proxy": self.proxy, "cause": self.cause,
                "count": self.count}  # fmt: skip


def english(detail: ErrorDetail) -> str:
    """The sentence in English (the GUI has its own, translated, in `gui.error_messages`)."""
    host, proxy, cause, count = detail.host, detail.proxy, detail.cause, detail.count
    sentences = {
        DetailKind.CONNECT_TIMEOUT: f"Could not connect to {host}: no answer in time.",
        DetailKind.READ_TIMEOUT: f"{host} stopped sending data: no data arrived in time.",
        DetailKind.TIMED_OUT: f"The request to {host} timed out.",
        DetailKind.PROXY_REFUSED_HOST: f"The proxy refused the connection to {host}: {cause}",
        DetailKind.HOST_NOT_FOUND: f"Could not find the host {host}: check the base URL and your network.",
        DetailKind.TLS: f"A secure connection to {host} could not be made (TLS): {cause}",
        DetailKind.REFUSED: (
            f"Could not connect to {host}: the connection was refused. Is the server running?"
        ),
        DetailKind.CUT: f"The connection to {host} was cut before the reply was complete.",
        DetailKind.UNREACHABLE: f"Could not reach {host}: {cause}",
        DetailKind.PROXY_WOULD_NOT_CONNECT: f"The proxy at {proxy} would not connect to {host}: {cause}",
        DetailKind.PROXY_CONNECT_TIMEOUT: (
            f"Could not connect to the proxy at {proxy}: no answer in time. {host} was not reached."
        ),
        DetailKind.PROXY_NOT_FOUND: f"Could not find the proxy's host ({proxy}). {host} was not reached.",
        DetailKind.PROXY_CONNECTION_REFUSED: (
            f"Could not connect to the proxy at {proxy}: the connection was refused. {host} was not reached."
        ),
        DetailKind.PROXY_UNREACHABLE: (
            f"Could not connect to the proxy at {proxy}: {cause}. {host} was not reached."
        ),
        DetailKind.STREAM_STALLED_AFTER: f"The stream stalled: no data arrived in time after {count} bytes.",
        DetailKind.STREAM_CUT_AFTER: (
            f"The connection was cut after {count} bytes, before the reply was complete."
        ),
    }
    return sentences[detail.kind]
