"""A request body cut into a template and its `messages` elements, so the store keeps each element once.

Every request of a conversation carries the whole conversation so far; kept whole, the bodies of a
conversation grow with the square of its length. Cut at the elements of the top-level `messages` array (the
Messages API and the OpenAI style both keep the turns there), the turns repeated from one request to the next
are the same bytes and are stored once. The cut slices the body as sent and never re-serializes, so joining
gives back exactly the bytes that went over the wire, whatever the spacing or key order; a body that is not a
JSON object (or not UTF-8) stays whole.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

_DECODER = json.JSONDecoder()
_WHITESPACE = re.compile(r"[ \t\n\r]*")


@dataclass(frozen=True)
class BodyPart:
    at: int
    """Where in the template the part goes back, in bytes."""
    data: bytes

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(self.data).digest()


@dataclass(frozen=True)
class BodyTemplate:
    template: bytes
    """The body with its parts taken out."""
    parts: tuple[BodyPart, ...] = ()


def split_body(body: bytes) -> BodyTemplate:
    try:
        text = body.decode("utf-8")
        spans = _message_spans(text)
    except ValueError:
        return BodyTemplate(body)
    # Strict UTF-8 decoding round-trips exactly, so encoding slices of the text gives slices of the body.
    pieces: list[bytes] = []
    parts: list[BodyPart] = []
    at = last = 0
    for start, end in spans:
        piece = text[last:start].encode()
        pieces.append(piece)
        at += len(piece)
        parts.append(BodyPart(at, text[start:end].encode()))
        last = end
    pieces.append(text[last:].encode())
    return BodyTemplate(b"".join(pieces), tuple(parts))


def join_body(template: bytes, parts: Sequence[BodyPart]) -> bytes:
    """The body as sent: each part put back where it was taken out (parts in order)."""
    pieces: list[bytes] = []
    last = 0
    for part in parts:
        pieces += [template[last : part.at], part.data]
        last = part.at
    pieces.append(template[last:])
    return b"".join(pieces)


def _message_spans(text: str) -> list[tuple[int, int]]:
    """Where each element of the top-level `messages` array starts and ends; ValueError when the text is not
    one JSON object."""
    i = _skip(text, 0)
    if text[i : i + 1] != "{":
        raise ValueError("not an object")
    i = _skip(text, i + 1)
    spans: list[tuple[int, int]] = []
    if text[i : i + 1] == "}":
        return spans
    while True:
        name, i = _DECODER.raw_decode(text, i)
        if not isinstance(name, str):
            raise ValueError("a name that is not a string")
        i = _expect(text, i, ":")
        if name == "messages" and text[i : i + 1] == "[":
            elements, i = _element_spans(text, i)
            spans += elements
        else:
            _, i = _DECODER.raw_decode(text, i)
        i = _skip(text, i)
        if text[i : i + 1] == ",":
            i = _skip(text, i + 1)
        elif text[i : i + 1] == "}":
            break
        else:
            raise ValueError("expected , or }")
    if _skip(text, i + 1) != len(text):
        raise ValueError("text after the object")
    return spans


def _element_spans(text: str, i: int) -> tuple[list[tuple[int, int]], int]:
    spans: list[tuple[int, int]] = []
    i = _skip(text, i + 1)
    if text[i : i + 1] == "]":
        return spans, i + 1
    while True:
        _, end = _DECODER.raw_decode(text, i)
        spans.append((i, end))
        i = _skip(text, end)
        if text[i : i + 1] == ",":
            i = _skip(text, i + 1)
        elif text[i : i + 1] == "]":
            return spans, i + 1
        else:
            raise ValueError("expected , or ]")


def _expect(text: str, i: int, char: str) -> int:
    i = _skip(text, i)
    if text[i : i + 1] != char:
        raise ValueError(f"expected {char}")
    return _skip(text, i + 1)


def _skip(text: str, i: int) -> int:
    match = _WHITESPACE.match(text, i)
    return match.end() if match else i
