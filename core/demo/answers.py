"""What the demo model answers: in kind, in the user's language, shaped by the request's settings.

The question decides the kind of answer (a table and code, the time, what temperature does, the feathers
riddle, a greeting, or an honest "offline I cannot know that" with things to try); its script decides the
language (Chinese characters: Chinese). The settings decide the shape, deterministically for the same
settings and question, so a comparison shows differences a test can assert:

- the model and the effort decide how much is said (`Style.detail`: a Haiku says less than an Opus, low
  effort less than max), and a small `max_tokens` keeps it short;
- the temperature decides the words: at 0 always the first wording, above it a pick seeded by the
  settings and the question, and from 0.8 an aside;
- the model decides the speed (`Style.pace`): a Haiku streams bigger pieces more often than an Opus.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass
from typing import Literal

from core.demo.phrases import Phrases, Wordings, phrases
from core.demo.script import Pace

Kind = Literal["time", "table_code", "temperature", "riddle", "greeting", "other"]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_WORD = re.compile(r"[a-z]+")
_TIME_WORDS = (
    "what time", "the time", "time is it", "time now", "current time", "clock", "what hour",
    "几点", "现在时间", "什么时间", "时间是", "当前时间",
)  # fmt: skip
_TABLE_CODE_WORDS = ("table", "code", "function", "python", "script", "表格", "代码", "函数", "程序")
_TEMPERATURE_WORDS = ("temperature", "温度")
_RIDDLE_WORDS = ("feathers", "feather", "羽毛")
_GREETINGS = ("hello", "hi", "hey", "good morning", "good evening", "你好", "您好", "嗨", "哈喽")
_TOOL_NAME_FILLER = {"get", "current", "fetch", "lookup", "look", "up", "find", "tool", "the", "now", "a"}
_TIME_TOOL_WORDS = ("time", "clock", "now")

_FAMILY_DETAIL = {"haiku": 1, "sonnet": 2, "opus": 3}
_EFFORT_DETAIL = {"low": -1, "medium": 0, "high": 1, "xhigh": 1, "max": 2}
_MAX_DETAIL = 5
_SHORT_MAX_TOKENS = 512
_ASIDE_TEMPERATURE = 0.8
# How fast each family streams: characters per delta, and the pause between deltas relative to the
# server's pace (0 in tests, so only the piece sizes differ there).
_FAMILY_SPEED = {"haiku": (10, 0.5), "sonnet": (6, 1.0), "opus": (4, 1.6)}


@dataclass(frozen=True)
class Settings:
    """The request's settings that shape an answer."""

    model: str
    temperature: float | None = None
    effort: str | None = None
    max_tokens: int = 4096
    thinking_budget: int | None = None


@dataclass
class Style:
    """How this request is answered: language, amount, wording choice and speed."""

    chinese: bool
    detail: int
    greedy: bool
    rng: random.Random
    aside: bool
    family: str

    @property
    def words(self) -> Phrases:
        return phrases(self.chinese)

    def pick(self, wordings: Wordings) -> str:
        """The first wording at temperature 0, else one chosen by the seeded draw."""
        return wordings[0] if self.greedy else wordings[self.rng.randrange(len(wordings))]

    def pace(self, base: Pace) -> Pace:
        chunk, slowness = _FAMILY_SPEED[self.family]
        return Pace(
            chunk_chars=chunk, delta_interval=base.delta_interval * slowness, ping_every=base.ping_every
        )


def style_for(question: str, settings: Settings) -> Style:
    family = next((name for name in _FAMILY_DETAIL if name in settings.model.lower()), "sonnet")
    detail = _FAMILY_DETAIL[family] + _EFFORT_DETAIL.get(settings.effort or "", 0)
    if settings.max_tokens < _SHORT_MAX_TOKENS:
        detail = 1
    seed = hashlib.sha256(repr((question, settings)).encode()).digest()
    temperature = settings.temperature
    return Style(
        chinese=is_chinese(question),
        detail=max(1, min(_MAX_DETAIL, detail)),
        greedy=temperature == 0,
        rng=random.Random(int.from_bytes(seed[:8], "big")),
        aside=temperature is not None and temperature >= _ASIDE_TEMPERATURE,
        family=family,
    )


def is_chinese(text: str) -> bool:
    """Chinese characters and no Japanese kana: the user writes Chinese."""
    return bool(_CJK.search(text)) and not _KANA.search(text)


def kind_of(question: str) -> Kind:
    lowered = question.lower()
    words = set(_WORD.findall(lowered))
    if any(_mentions(lowered, words, word) for word in _TABLE_CODE_WORDS):
        return "table_code"
    if any(_mentions(lowered, words, word) for word in _TIME_WORDS):
        return "time"
    if any(_mentions(lowered, words, word) for word in _TEMPERATURE_WORDS):
        return "temperature"
    if any(_mentions(lowered, words, word) for word in _RIDDLE_WORDS):
        return "riddle"
    short = len(lowered.split()) <= 4 and len(lowered) <= 30
    if short and any(_mentions(lowered, words, word) for word in _GREETINGS):
        return "greeting"
    return "other"


def _mentions(lowered: str, words: set[str], word: str) -> bool:
    """A Latin word as a whole word ("hi" is not in "this"), a Chinese one anywhere."""
    if word.isascii() and " " not in word:
        return word in words
    return word in lowered


def tool_for(question: str, names: list[str]) -> str | None:
    """The offered tool the question asks for: one it names, a time tool for the time, else one whose
    name's words appear in the question; None when nothing offered fits."""
    lowered = question.lower()
    asks_time = kind_of(question) == "time"
    for name in names:
        if re.search(
            rf"\b{re.escape(name.lower())}\b", lowered
        ):  # asked for by its name: "use the lookup tool"
            return name
        parts = [part for part in _name_words(name) if part not in _TOOL_NAME_FILLER]
        if asks_time and any(part in _TIME_TOOL_WORDS for part in _name_words(name)):
            return name
        if parts and all(part in lowered for part in parts):
            return name
    return None


def _name_words(name: str) -> list[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    return [part for part in re.split(r"[^a-zA-Z]+", spaced.lower()) if part]


# --- answers --------------------------------------------------------------------------------------------


def answer(question: str, settings: Settings, style: Style) -> str:
    """The Markdown answer to a question that needs no tool."""
    words = style.words
    if not question.strip():
        body = words.no_text
    else:
        body = {
            "time": _no_clock,
            "table_code": _table_and_code,
            "temperature": _temperature,
            "riddle": _riddle,
            "greeting": _greeting,
            "other": _other,
        }[kind_of(question)](question, style)
    return f"{body}\n\n{settings_line(settings, style)}"


def settings_line(settings: Settings, style: Style) -> str:
    words = style.words
    temperature = (
        words.default_temperature if settings.temperature is None else f"temperature {settings.temperature:g}"
    )
    if style.chinese and settings.temperature is not None:
        temperature = f"温度 {settings.temperature:g}"
    effort = words.default_effort if settings.effort is None else f"effort {settings.effort}"
    if style.chinese and settings.effort is not None:
        effort = f"投入程度 {settings.effort}"
    return words.settings_line.format(
        model=settings.model, temperature=temperature, effort=effort, max_tokens=settings.max_tokens
    )


def _said(style: Style, sentences: tuple[Wordings, ...], count: int) -> list[str]:
    return [style.pick(wordings) for wordings in sentences[:count]]


def _joined(style: Style, sentences: list[str]) -> str:
    return ("" if style.chinese else " ").join(sentences)


def _no_clock(question: str, style: Style) -> str:
    return _joined(style, _said(style, style.words.no_clock, 2))


def _greeting(question: str, style: Style) -> str:
    words = style.words
    tips = [f"- {line}" for line in _said(style, words.tips, 2 + style.detail)]
    return "\n".join(
        [
            f"{style.pick(words.greeting)} {words.greeting_intro}",
            "",
            words.try_these,
            "",
            *tips,
            "",
            words.price_note,
        ]
    )


def _other(question: str, style: Style) -> str:
    words = style.words
    tips = [f"- {line}" for line in _said(style, words.tips, 1 + style.detail)]
    return "\n".join(
        [
            words.you_asked.format(question=quote(question)),
            "",
            _joined(style, _said(style, words.demo_honest, 2)),
            "",
            words.try_these,
            "",
            *tips,
            "",
            words.price_note,
        ]
    )


def _riddle(question: str, style: Style) -> str:
    return _joined(style, _said(style, style.words.riddle, 1 + style.detail))


def _temperature(question: str, style: Style) -> str:
    words = style.words
    points = _said(style, words.temperature_points, style.detail + 1)
    lines = [f"## {words.temperature_heading}", "", _joined(style, points[:2])]
    if points[2:]:
        lines += ["", *(f"- {point}" for point in points[2:])]
    if style.aside:
        lines += ["", words.temperature_aside]
    return "\n".join(lines)


def _table_and_code(question: str, style: Style) -> str:
    words = style.words
    rows = words.table_rows[: 2 + style.detail]
    header = words.table_header
    table = [
        f"| {' | '.join(header)} |",
        "|---|---|---|---|",
        *(
            f"| {name} | O({average}) | O({worst}) | {words.stable_yes if stable else words.stable_no} |"
            for name, average, worst, stable in rows
        ),
    ]
    parts = [
        f"## {words.table_heading}",
        "",
        style.pick(words.table_intro),
        "",
        *table,
        "",
        style.pick(words.code_intro),
        "",
        "```python",
        _quicksort(style),
        "```",
    ]
    if style.detail >= 3:
        parts += ["", style.pick(words.table_outro)]
    if style.aside:
        parts += ["", words.temperature_aside]
    return "\n".join(parts)


def _quicksort(style: Style) -> str:
    """Quicksort, more complete the more detail the settings ask for."""
    lines = ["def quicksort(items: list[int]) -> list[int]:"]
    if style.detail >= 2:
        lines.append(f'    """{style.words.code_docstring}"""')
    lines += [
        "    if len(items) <= 1:",
        "        return items",
        "    pivot, *rest = items",
        "    smaller = [x for x in rest if x < pivot]",
        "    larger = [x for x in rest if x >= pivot]",
        "    return quicksort(smaller) + [pivot] + quicksort(larger)",
    ]
    if style.detail >= 4:
        lines += ["", "", f"print(quicksort([5, 3, 8, 1, 2]))  # {style.words.code_usage_comment}"]
    return "\n".join(lines)


# --- tools --------------------------------------------------------------------------------------------


def tool_call_preface(name: str, style: Style) -> str:
    return style.pick(style.words.calling_tool).format(name=name)


def tool_result_answer(
    question: str, name: str, result: str, settings: Settings, style: Style, *, failed: bool = False
) -> str:
    """The answer once a tool's result came back; a failed or declined call is said to be so, never read as
    an answer."""
    words = style.words
    shown = quote(result)
    if failed:
        body = f"{words.tool_failed.format(name=name)}\n\n> {shown or words.empty_result}"
    elif not shown:
        body = f"{words.tool_answered.format(name=name)}\n\n> {words.empty_result}"
    elif kind_of(question) == "time":
        body = words.time_answer.format(name=name, result=_time_reading(result) or shown)
    else:
        body = f"{words.tool_answered.format(name=name)}\n\n> {shown}"
        if question.strip():
            body += "\n\n" + words.tool_answer_outro.format(question=quote(question))
    return f"{body}\n\n{settings_line(settings, style)}"


# --- thinking -------------------------------------------------------------------------------------------


def thought(
    question: str, style: Style, *, tool: str | None, answered_by: str | None, budget: int | None
) -> str:
    """The thinking before the answer, in the user's language; a bigger budget thinks longer."""
    words = style.words
    lines = [words.thinking_question.format(question=quote(question)), words.thinking_language]
    if answered_by is not None:
        lines.append(words.thinking_tool_result.format(name=answered_by))
    elif tool is not None:
        lines.append(words.thinking_tool.format(name=tool))
    else:
        lines.append(words.thinking_no_tool)
        size = (
            ("简短的回答" if style.detail <= 2 else "详细的回答")
            if style.chinese
            else ("a short answer" if style.detail <= 2 else "a thorough answer")
        )
        lines.append(words.thinking_detail.format(size=size, points=style.detail + 1))
    steps = 1 if budget is None else max(1, min(len(words.thinking_more), budget // 2048))
    lines += words.thinking_more[:steps]
    return "\n".join(lines)


_QUOTE_LIMIT = 160


def _time_reading(result: str) -> str | None:
    """The time in a time tool's JSON answer (mcp-server-time: {"timezone": ..., "datetime": ...}), as
    "2026-12-02 03:52:07 (UTC)"; None for anything else."""
    try:
        data = json.loads(result)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("datetime"), str):
        return None
    stamp = data["datetime"].replace("T", " ")
    stamp = re.sub(r"(\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2}:\d{2}|Z)?$", r"\1", stamp)
    zone = data.get("timezone")
    return f"{stamp} ({zone})" if isinstance(zone, str) and zone else stamp


def quote(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _QUOTE_LIMIT else flat[: _QUOTE_LIMIT - 1] + "…"
