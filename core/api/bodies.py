"""Reading a body whole, within a size cap and a time limit: an endless or trickled body must end in a
typed error, never in a MemoryError or a wait without end."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import cast

import httpx

from core.wire.errors import ApiConnectionError, ApiTimeoutError


@dataclass(frozen=True)
class Body:
    data: bytes
    cut: bool
    """The body went on past the cap; `data` holds the cap's worth."""


async def read_capped(response: httpx.Response, cap: int, seconds: float | None, what: str) -> Body:
    """Up to `cap` bytes of the (decoded) body, read within `seconds` (None: the caller's limit applies);
    the response is closed afterwards.

    `what` names the body in the timeout's message ("the model list from api.example.com")."""
    parts: list[bytes] = []
    size = 0
    cut = False
    # httpx annotates aiter_bytes as an AsyncIterator; it is an async generator, with aclose().
    chunks = cast(AsyncGenerator[bytes, None], response.aiter_bytes())
    try:
        async with asyncio.timeout(seconds):
            async for chunk in chunks:
                room = cap - size
                parts.append(chunk[:room])
                size += min(len(chunk), room)
                if len(chunk) > room:
                    cut = True
                    break
    except TimeoutError as exc:
        raise ApiTimeoutError(
            f"{_capitalised(what)} did not arrive in {seconds:g} s ({size:,} bytes came)."
        ) from exc
    except httpx.TimeoutException as exc:
        raise ApiTimeoutError(f"{_capitalised(what)} stopped: no data arrived in time.") from exc
    except httpx.TransportError as exc:
        raise ApiConnectionError(
            f"The connection was cut before {what} was complete ({size:,} bytes came)."
        ) from exc
    finally:
        # The response first, then the byte iterators, here in this task: left to the garbage collector,
        # httpcore's would close the connection outside any task (see core.api.reply).
        await response.aclose()
        await chunks.aclose()
    return Body(b"".join(parts), cut)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def megabytes(size: int) -> str:
    """A cap in words: "32 MB", "64 KB"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB" if size >= 1024 else f"{size} bytes"
