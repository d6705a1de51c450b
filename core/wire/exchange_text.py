"""An exchange as text to read: the request line and headers, the body as indented JSON, and the response's
status, headers and events as they came (a JSON answer indented)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from core.wire.exchange import Exchange


@dataclass(frozen=True)
class ExchangeText:
    request_head: str
    request_body: str
    response_head: str
    response_body: str


def exchange_text(exchange: Exchange) -> ExchangeText:
    """Pretty-printing a large body takes a moment: call this off the UI thread."""
    request_head = f"{exchange.method} {exchange.url}\n" + _header_lines(exchange.request_headers)
    response_head = ""
    if exchange.status is not None:
        response_head = f"HTTP {exchange.status}\n" + _header_lines(exchange.response_headers)
    return ExchangeText(
        request_head=request_head,
        request_body=pretty_json(exchange.request_body),
        response_head=response_head,
        response_body=(
            exchange.response_body.decode("utf-8", "replace")
            if exchange.response_truncated
            else pretty_json(exchange.response_body)
        ),
    )


def pretty_json(data: bytes) -> str:
    """Indented JSON when the bytes are JSON; otherwise the text as it is (an event stream, an HTML page)."""
    text = data.decode("utf-8", "replace")
    try:
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    except ValueError:
        return text


def _header_lines(headers: dict[str, str]) -> str:
    return "".join(f"{name}: {value}\n" for name, value in headers.items())
