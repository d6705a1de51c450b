"""Long string values of a huge JSON-RPC line are cut before parsing, never inside an escape or a character,
and their original size survives to the outcome."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from core.tools.long_lines import LONG_LINE_BYTES, cut_size, shorten_long_strings, unmark


def response(text: str, **extra) -> bytes:
    result = {"content": [{"type": "text", "text": text}], **extra}
    return json.dumps({"jsonrpc": "2.0", "id": 7, "result": result}, ensure_ascii=False).encode()


def test_short_lines_are_left_alone():
    line = response("x" * 1000)
    assert shorten_long_strings(line, keep=10) is line


def test_a_long_text_is_cut_with_its_original_size_and_the_line_stays_json():
    line = response("y" * (3 * LONG_LINE_BYTES), structuredContent={"result": "z" * (2 * LONG_LINE_BYTES)})
    short = shorten_long_strings(line, keep=1000)
    assert len(short) < 3000
    message = json.loads(short)
    text, original = cut_size(message["result"]["content"][0]["text"])
    assert (text, original) == ("y" * 1000, 3 * LONG_LINE_BYTES)
    assert unmark(message["result"]["structuredContent"]) == {"result": "z" * 1000 + "…"}
    assert message["id"] == 7


def test_base64_data_is_never_cut():
    image = {"type": "image", "data": "A" * (2 * LONG_LINE_BYTES), "mimeType": "image/png"}
    line = json.dumps({"jsonrpc": "2.0", "id": 1, "result": {"content": [image]}}).encode()
    assert shorten_long_strings(line, keep=1000) == line


@settings(max_examples=30, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(["a", '"', "\\", "é", "中", "😀", "\n", "\x01"]), min_size=1, max_size=40
    ),
    st.integers(min_value=1, max_value=200),
)
def test_cutting_anywhere_in_escapes_and_multibyte_characters_keeps_valid_json(unit, keep):
    text = unit * (LONG_LINE_BYTES // len(unit.encode()) + 1)
    line = response(text)
    short = shorten_long_strings(line, keep)
    kept, original = cut_size(json.loads(short)["result"]["content"][0]["text"])
    assert text.startswith(kept)
    assert original == len(json.dumps(text, ensure_ascii=False).encode()) - 2
