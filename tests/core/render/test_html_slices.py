"""Rendered HTML cut for a rich-text view, and texts rendered in order within a time budget."""

from __future__ import annotations

import re
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

from core.render.html_slices import chunks, plain_preview, split_long_lists, split_long_paragraphs
from core.render.markdown import MarkdownRenderer
from core.render.queue import GroupQueue, RenderQueue

render = MarkdownRenderer().render


def text_of(rendered: str) -> str:
    return re.sub(r"<[^>]+>", "", rendered)


def test_a_long_paragraph_becomes_joined_paragraphs_with_the_same_text() -> None:
    paragraph = render("Words with *emphasis that spans a while* and `code spans` too. " * 2_000)
    split = split_long_paragraphs(paragraph, limit=5_000)
    pieces = re.findall(r"<p[^>]*>(.*?)</p>", split, re.DOTALL)
    assert len(pieces) > 10 and all(len(piece) < 5_000 + 200 for piece in pieces)
    assert text_of(split) == text_of(paragraph)
    for piece in pieces:  # never cut inside an inline element
        assert piece.count("<em>") == piece.count("</em>") and piece.count("<code>") == piece.count("</code>")
    assert split.startswith('<p style="margin-bottom:0">') and '<p style="margin-top:0">' in split
    assert paragraph.endswith(pieces[-1] + "</p>") and len(pieces[-1]) > 1_000, "the end stays whole"


def test_a_long_bulleted_list_becomes_joined_lists_cut_between_its_items() -> None:
    nested = "\n".join("    " * (n % 5) + f"- item {n} with *emphasis*" for n in range(400))
    rendered = render(f"Before.\n\n{nested}\n\nAfter.\n\n1. one\n2. two")
    split = split_long_lists(rendered, limit=2_000)
    assert text_of(split) == text_of(rendered)
    lists = re.findall(r'<ul style="[^"]*">(.*?)</ul>(?=<ul style|\n<p>After)', split, re.DOTALL)
    assert len(lists) > 5
    for items in lists:  # each piece holds whole top-level items
        assert items.count("<ul>") == items.count("</ul>") and items.count("<li>") == items.count("</li>")
    assert split.startswith("<p>Before.</p>\n<ul style=") and split.endswith(
        "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"
    )
    ordered = render("\n".join(f"{n}. item {n}" for n in range(1, 400)))
    assert split_long_lists(ordered, limit=2_000) == ordered, "numbers would start again"


def test_short_paragraphs_are_left_alone() -> None:
    rendered = render("One paragraph.\n\nAnother one.\n\n- a list")
    assert split_long_paragraphs(rendered, limit=10) == rendered


def test_chunks_cut_between_top_level_elements_never_after_a_table() -> None:
    rendered = render(
        "\n\n".join(f"Paragraph {n}.\n\n- a\n    - b\n\n| x |\n|---|\n| {n} |" for n in range(50))
    )
    pieces = chunks(rendered, 300)
    assert "".join(pieces) == rendered and len(pieces) > 10
    for piece in pieces:
        assert piece.count("<ul>") == piece.count("</ul>")
        assert piece.count("<table>") == piece.count("</table>")
    assert not any(piece.rstrip().endswith("</table>") for piece in pieces[:-1]), "a cut is never after one"
    assert chunks("", 100) == [] and chunks("<p>x</p>", 100) == ["<p>x</p>"]


def test_plain_preview_shows_the_end_escaped() -> None:
    text = "<b>start</b>\n" + "line of text\n" * 1_000 + "the last <i>words</i>"
    preview = plain_preview(text, 200)
    assert "<b>" not in preview and "<i>" not in preview
    assert "the last &lt;i&gt;words&lt;/i&gt;" in preview and "start" not in preview
    assert preview.count("<p") < 20 and "…" in preview


def test_render_queue_stops_at_its_deadline_and_keeps_order() -> None:
    def slow(text: str) -> str:
        time.sleep(0.002)
        return text.upper()

    queue = RenderQueue(slow)
    for n in range(20):
        queue.put(f"t{n}")
    first = queue.take(time.monotonic() + 0.005)
    assert 1 <= len(first) < 20 and queue.pending
    rest = queue.take()
    assert first + rest == [f"T{n}" for n in range(20)] and not queue.pending and queue.chars == 0
    assert queue.take(time.monotonic() - 1) == []


def test_a_long_text_renders_on_the_worker_and_waits_its_turn() -> None:
    release = threading.Event()
    threads: list[str] = []

    def slow(text: str) -> str:
        threads.append(threading.current_thread().name)
        release.wait(5)
        return text.upper()

    with ThreadPoolExecutor(1, thread_name_prefix="worker") as worker:

        def offload(text: str) -> Future[str]:
            return worker.submit(slow, text)

        queue = RenderQueue(str.upper, offload, long=10)
        queue.put("short")
        queue.put("a long text to offload")
        queue.put("after")
        assert queue.take(time.monotonic() + 1) == ["SHORT"], "the long one is not done: nothing after it"
        release.set()
        assert queue.take() == ["A LONG TEXT TO OFFLOAD", "AFTER"]
    assert threads and threads[0].startswith("worker")


def test_a_streaming_texts_groups_render_on_the_worker_and_are_taken_whole_in_order() -> None:
    reached, release = threading.Event(), threading.Event()
    threads: list[str] = []

    def slow(text: str) -> str:
        threads.append(threading.current_thread().name)
        if text == "wait":
            reached.set()
            release.wait(5)
        return text.upper()

    with ThreadPoolExecutor(1, thread_name_prefix="worker") as worker:

        def offload(text: str) -> Future[str]:
            return worker.submit(slow, text)

        queue = GroupQueue(offload)
        queue.put(["one", "two"], "tail 1")
        queue.put(["wait"], "tail 2")
        queue.put([], None, "<p>tail 3</p>")  # a tail as it is: still after the group before
        assert reached.wait(5)  # the worker renders in order: the first group is done
        assert queue.take() == (["ONE", "TWO"], "TAIL 1"), "the first group whole, with its own tail"
        assert queue.take() == ([], None) and queue.pending and queue.chars == len("wait")
        release.set()
        assert queue.take(wait=True) == (["WAIT"], "<p>tail 3</p>"), "the last tail of the groups taken"
        assert not queue.pending and queue.chars == 0
    assert set(threads) == {threads[0]} and threads[0].startswith("worker"), "nothing rendered by the caller"
