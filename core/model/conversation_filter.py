"""What the conversation list's filter box means: `tag:work` keeps conversations tagged "work" (quotes for a
tag with spaces: `tag:"side project"`), and any other text keeps those whose title or one of whose tags
contains it. Case is ignored in every script (Unicode case folding)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_TAG_TERM = re.compile(r'(?:^|\s)tag:(?:"([^"]*)"?|(\S*))', re.IGNORECASE)


@dataclass(frozen=True)
class ConversationFilter:
    tags: tuple[str, ...] = ()
    """Each must be one of the conversation's tags (case folded)."""
    text: str = ""
    """Must be inside the title or a tag (case folded); empty keeps everything."""

    @classmethod
    def parse(cls, typed: str) -> ConversationFilter:
        named = (fold(quoted or plain) for quoted, plain in _TAG_TERM.findall(typed))
        tags = tuple(tag for tag in named if tag)
        rest = " ".join(_TAG_TERM.sub(" ", typed).split())
        return cls(tags, fold(rest))

    def matches(self, title: str, tags: Iterable[str]) -> bool:
        folded = [fold(tag) for tag in tags]
        if any(wanted not in folded for wanted in self.tags):
            return False
        if not self.text:
            return True
        return self.text in fold(title) or any(self.text in tag for tag in folded)


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags as the user typed them, spaces trimmed and collapsed, empty ones and repeats (ignoring case)
    dropped, the first spelling kept, sorted for display."""
    kept: dict[str, str] = {}
    for tag in tags:
        tidy = " ".join(tag.split())
        if tidy and fold(tidy) not in kept:
            kept[fold(tidy)] = tidy
    return sorted(kept.values(), key=fold)
