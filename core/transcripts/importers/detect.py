"""Import any supported file: recognise its format from its JSON and hand it to the right importer."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from core.model.request_settings import RequestSettings
from core.transcripts.importers.anthropic_request import is_request_body, parse_request_body
from core.transcripts.importers.base import ImportFormatError, ParsedImport, SkippedItem, SkipReason
from core.transcripts.importers.chatgpt import is_chatgpt_export, parse_chatgpt
from core.transcripts.importers.claude_ai import is_claude_ai_export, parse_claude_ai
from core.transcripts.importers.progress import ImportProgress
from core.transcripts.importers.triptych import is_archive, parse_triptych

_SURROGATE = re.compile("[\ud800-\udfff]")
UNKNOWN_FORMAT = (
    "The file is not in a format Triptych imports. It reads a Triptych JSON export, an Anthropic Messages "
    "API request body, and the conversations.json of a Claude.ai or ChatGPT data export."
)


def read_import_file(
    path: Path, settings: RequestSettings, progress: ImportProgress | None = None
) -> ParsedImport:
    """Read and parse a file (blocking: call it off the UI thread). With `progress`, a Triptych file counts
    its conversations there, and `progress.cancel()` stops the parse with ImportCancelledError."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFormatError(f"Cannot read {path}: {error.strerror or error}.") from error
    return parse_import(raw, settings, progress=progress)


def parse_import(
    raw: bytes | str,
    settings: RequestSettings,
    now: float | None = None,
    progress: ImportProgress | None = None,
) -> ParsedImport:
    """`settings` are those of conversations whose format has none (Claude.ai, ChatGPT)."""
    data = decode_json(raw)
    if progress is not None:
        progress.check()
    return parse_data(data, settings, time.time() if now is None else now, progress)


def decode_json(raw: bytes | str) -> Any:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ImportFormatError(f"The file is not UTF-8 text (byte {error.start} is not).") from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise ImportFormatError(
            f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except RecursionError:
        raise ImportFormatError("The file's JSON is nested too deeply to read.") from None


def parse_data(
    data: Any, settings: RequestSettings, now: float, progress: ImportProgress | None = None
) -> ParsedImport:
    try:
        data, repaired = _without_lone_surrogates(data)
        if progress is not None:
            progress.check()
        parsed = _parse(data, settings, now, progress)
    except RecursionError:
        raise ImportFormatError("The file's JSON is nested too deeply to read.") from None
    if repaired:
        parsed.skipped.append(SkippedItem(SkipReason.REPAIRED_CHARACTERS, count=repaired))
    return parsed


def _parse(data: Any, settings: RequestSettings, now: float, progress: ImportProgress | None) -> ParsedImport:
    if is_archive(data):
        return parse_triptych(data, progress)
    if is_request_body(data):
        return parse_request_body(data, now)
    if is_chatgpt_export(data):
        return parse_chatgpt(data, settings)
    if is_claude_ai_export(data):
        return parse_claude_ai(data, settings)
    raise ImportFormatError(UNKNOWN_FORMAT)


def _without_lone_surrogates(data: Any) -> tuple[Any, int]:
    """JSON may escape half of a UTF-16 pair (exports from JavaScript do); such text cannot be saved as
    UTF-8, so each half becomes U+FFFD instead of failing the whole import. Returns the data and the count."""
    text = json.dumps(data, ensure_ascii=False)
    found = len(_SURROGATE.findall(text))
    return (json.loads(_SURROGATE.sub("\ufffd", text)), found) if found else (data, 0)
