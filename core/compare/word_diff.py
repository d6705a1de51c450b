"""A word-level diff of two texts, for reading two compare columns against each other.

Tokens are runs of word characters, runs of whitespace, and single other characters; each CJK character
(Han, kana, Hangul) is a token of its own, because Chinese and Japanese put no spaces between words and a
whole sentence would otherwise be one "word".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

SpanKind = Literal["equal", "inserted", "deleted"]

_CJK = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uac00-\ud7af"  # Hangul syllables
    "\U00020000-\U0002fa1f"  # Han extensions
)
_TOKEN = re.compile(rf"[{_CJK}]|\s+|[^\W{_CJK}]+|[^\s\w]", re.UNICODE)


@dataclass(frozen=True)
class DiffSpan:
    kind: SpanKind
    """"equal" (in both), "inserted" (only in the new text), "deleted" (only in the old text)."""
    text: str


def tokenize(text: str) -> list[str]:
    """Words, whitespace runs, punctuation and CJK characters; joined back they give `text` exactly."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[DiffSpan]:
    """The spans that turn `old` into `new`, in reading order; a replacement is its deletion, then its
    insertion. Adjacent spans of the same kind are merged."""
    a, b = tokenize(old), tokenize(new)
    # autojunk would treat frequent tokens (spaces, "the", "的") as junk in long replies and miss matches.
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    spans: list[DiffSpan] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(spans, "equal", "".join(a[i1:i2]))
            continue
        _add(spans, "deleted", "".join(a[i1:i2]))
        _add(spans, "inserted", "".join(b[j1:j2]))
    return spans


def old_side(spans: list[DiffSpan]) -> list[DiffSpan]:
    """What the old text is made of: its equal and deleted spans."""
    return [span for span in spans if span.kind != "inserted"]


def new_side(spans: list[DiffSpan]) -> list[DiffSpan]:
    """What the new text is made of: its equal and inserted spans."""
    return [span for span in spans if span.kind != "deleted"]


def _add(spans: list[DiffSpan], kind: SpanKind, text: str) -> None:
    if not text:
        return
    if spans and spans[-1].kind == kind:
        spans[-1] = DiffSpan(kind, spans[-1].text + text)
    else:
        spans.append(DiffSpan(kind, text))
