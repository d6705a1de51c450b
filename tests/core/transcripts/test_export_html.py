"""The HTML transcript: one self-contained file, images as data URIs, highlighted code, print CSS, no key."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser
from pathlib import Path

from core.api.keys import KeyStore
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.repository import Store
from core.transcripts.export_html import html_export
from core.transcripts.export_labels import ExportLabels
from core.transcripts.export_markdown import markdown_export
from tests.core.store_helpers import text
from tests.core.transfer_helpers import PNG_BASE64, SECRET_KEY, THINKING_TEXT, rich_conversation
from tests.keyring_backends import DictKeyring


class _Resources(HTMLParser):
    """Every URL the page would load by itself (not links the reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "src" or (tag == "link" and name == "href"):
                self.loaded.append(value or "")


def _page(tmp_path: Path, *, include_thinking: bool = True) -> str:
    store = Store.open(tmp_path / "db.sqlite3")
    store.save_profile(Profile("Relay", "https://relay.example"))
    KeyStore(DictKeyring()).set("Relay", SECRET_KEY)
    return html_export(store.export_conversation(rich_conversation(store)), include_thinking=include_thinking)


def test_the_page_is_self_contained_with_the_image_inline(tmp_path: Path) -> None:
    page = _page(tmp_path)
    parser = _Resources()
    parser.feed(page)
    assert parser.loaded == [f"data:image/png;base64,{PNG_BASE64}"]
    assert "<style>" in page and "@media print" in page


def test_the_page_holds_the_turns_thinking_tools_and_highlighted_code(tmp_path: Path) -> None:
    page = _page(tmp_path)
    assert "<h1>Everything at once</h1>" in page
    assert '<details class="thinking" open>' in page and THINKING_TEXT in page
    # The call an MCP server ran is a card: tool, server, how it went, arguments, result.
    assert "<b>Tool get_weather on weather</b> · " in page and "done in 0.3 s" in page
    assert "&quot;city&quot;: &quot;Paris&quot;" in page and "&quot;temp&quot;: 21" in page
    assert re.search(r'<pre class="code">.*print.*sunny', page, re.DOTALL)  # pygments-highlighted
    assert "pre.code" in page  # the highlighting's stylesheet is inline too
    assert "It is 21 °C." in page and "图里有什么" in page
    assert SECRET_KEY not in page


def test_thinking_can_be_left_out(tmp_path: Path) -> None:
    page = _page(tmp_path, include_thinking=False)
    assert THINKING_TEXT not in page and "<details" not in page


def test_the_model_text_cannot_inject_markup(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    conversation = store.create_conversation(
        RequestSettings(model="claude-sonnet-4-6"), None, "<script>alert(1)</script>"
    )
    store.add_message(
        conversation.id, None, "user", text("<img src=x onerror=alert(1)> ![x](http://evil/x.png)")
    )
    page = html_export(store.export_conversation(conversation.id))
    parser = _Resources()
    parser.feed(page)
    assert parser.loaded == []
    assert "<script>" not in page and "<img src=x" not in page


def test_the_labels_given_replace_the_english_words_and_the_values_stay_escaped(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    labels = ExportLabels(
        user="Benutzer",
        model="<Modell>",
        tool_call="Werkzeug {name} [{id}]",
        tool_run="Werkzeug {name} auf <{server}>",
    )
    page = html_export(store.export_conversation(rich_conversation(store)), labels=labels)
    assert '<span class="role">Benutzer</span>' in page and "<th>&lt;Modell&gt;</th>" in page
    assert "Werkzeug web_search [srvtoolu_01]" in page
    assert "Werkzeug get_weather auf &lt;weather&gt;" in page
    assert ">User<" not in page and "Tool call" not in page


def test_replies_markdown_cannot_render_are_exported_whole(tmp_path: Path) -> None:
    # A list nested 250 deep made Python-Markdown raise, and the whole export with it.
    nested = "\n".join("\t" * level + f"- item {level}" for level in range(250))
    store = Store.open(tmp_path / "db.sqlite3")
    conversation = store.create_conversation(RequestSettings(model="claude-test"), None, "Deep")
    asked = store.add_message(conversation.id, None, "user", text("Nest"))
    store.add_message(conversation.id, asked.id, "assistant", text(nested))
    store.add_message(conversation.id, asked.id + 1, "user", text("The question after"))
    page = html_export(store.export_conversation(conversation.id))
    assert "item 0" in page and "item 249" in page and "The question after" in page


def test_math_is_drawn_as_svg_and_markdown_keeps_the_source(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    conversation = store.create_conversation(RequestSettings(model="claude-test"), None, "Math")
    asked = store.add_message(conversation.id, None, "user", text("Integrate"))
    reply = "It is $$\\int_0^1 x\\,dx = \\frac{1}{2}$$ and costs $5 and $10; in code `$x$`."
    store.add_message(conversation.id, asked.id, "assistant", text(reply))
    archived = store.export_conversation(conversation.id)
    page = html_export(archived)
    parser = _Resources()
    parser.feed(page)
    assert len(parser.loaded) == 1 and parser.loaded[0].startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(parser.loaded[0].split(",", 1)[1]).decode()
    assert svg.startswith("<svg") and "<path" in svg
    assert 'alt="\\int_0^1 x\\,dx = \\frac{1}{2}"' in page  # the source stays, as the image's text
    assert "costs $5 and $10" in page and "<code>$x$</code>" in page
    assert "$$" not in page
    assert reply in markdown_export(archived, "assets").text  # the Markdown export keeps the source
