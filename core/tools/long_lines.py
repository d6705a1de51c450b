"""Cutting a huge JSON-RPC line's long text values before it is parsed.

A tool that returns 100 MB of text would otherwise be parsed whole (pydantic, in one C call holding the GIL:
seconds during which no other thread of the app, the UI's included, runs), only for all but the first
`MAX_RESULT_CHARS` to be dropped. Here a long line's long string values (text, structured content; not base64
`data`/`blob`) are cut to `keep` bytes with a marker giving their original size, by a scan made of short
`bytes.find` calls (other threads run between them); `results` turns the marker into the outcome's
`truncated_from` and the note the model reads.
"""

from __future__ import annotations

import re

LONG_LINE_BYTES = 1024 * 1024
"""Lines shorter than this are parsed as they are."""
_MARK = re.compile(r"\x00cut:(\d+)\x00$")
_BINARY_KEY = re.compile(rb'"(?:data|blob)"\s*:\s*$')
"""Base64 values (images, blobs): never cut, a cut one would not decode."""


def marker(original_bytes: int) -> bytes:
    """What ends a cut value (as JSON string content): a NUL, the original size, a NUL."""
    return b"\\u0000cut:%d\\u0000" % original_bytes


def unmark(value: object) -> object:
    """A parsed JSON value with the cut markers of its strings replaced by an ellipsis."""
    if isinstance(value, str):
        text, original = cut_size(value)
        return value if original is None else text + "…"
    if isinstance(value, list):
        return [unmark(item) for item in value]
    if isinstance(value, dict):
        return {key: unmark(item) for key, item in value.items()}
    return value


def cut_size(text: str) -> tuple[str, int | None]:
    """`text` without a cut marker, and the original size the marker gave (None when not cut)."""
    found = _MARK.search(text)
    if found is None:
        return text, None
    return text[: found.start()], int(found.group(1))


def shorten_long_strings(line: bytes | bytearray, keep: int) -> bytes | bytearray:
    """`line` (one JSON value) with every string longer than `keep` bytes, but base64 ones, cut to about
    `keep` bytes (never inside an escape or a UTF-8 character) and marked."""
    if len(line) < LONG_LINE_BYTES:
        return line
    pieces: list[bytes | bytearray] = []
    done = 0  # line[:done] is in pieces
    position = 0
    while (start := line.find(b'"', position)) >= 0:
        end = _string_end(line, start)
        if end < 0:
            break  # unterminated: leave it to the parser to refuse
        length = end - start - 1
        if (
            length > keep
            and not _is_key(line, end)
            and not _BINARY_KEY.search(line[max(0, start - 16) : start])
        ):
            cut = _safe_cut(line, start + 1, start + 1 + keep)
            pieces.append(line[done:cut])
            pieces.append(marker(length))
            done = end
        position = end + 1
    pieces.append(line[done:])
    return b"".join(pieces)


def _is_key(line: bytes | bytearray, end: int) -> bool:
    """Whether the string closed at `end` is an object's key (a colon follows)."""
    return line[end + 1 : end + 64].lstrip()[:1] == b":"


def _string_end(line: bytes | bytearray, start: int) -> int:
    """The index of the quote closing the string opened at `start`; -1 when there is none."""
    position = start + 1
    while (end := line.find(b'"', position)) >= 0:
        if _backslashes_before(line, end, start + 1) % 2 == 0:
            return end
        position = end + 1
    return -1


def _backslashes_before(line: bytes | bytearray, end: int, floor: int) -> int:
    """How many backslashes directly precede `end` (not looking before `floor`), counted in C."""
    window = 64
    while True:
        begin = max(floor, end - window)
        part = line[begin:end]
        run = len(part) - len(part.rstrip(b"\\"))
        if run < len(part) or begin == floor:
            return run
        window *= 4


def _safe_cut(line: bytes | bytearray, content_start: int, cut: int) -> int:
    """`cut` moved back so the kept part ends neither inside an escape sequence nor inside a character."""
    for escape in range(max(content_start, cut - 6), cut):
        if line[escape] != 0x5C:
            continue
        run = 0
        while escape - 1 - run >= content_start and line[escape - 1 - run] == 0x5C:
            run += 1
        if run % 2 == 0:  # this backslash starts an escape
            length = 6 if line[escape + 1 : escape + 2] == b"u" else 2
            if escape + length > cut:
                cut = escape
                break
    while cut > content_start and (line[cut] & 0xC0) == 0x80:
        cut -= 1
    return cut
