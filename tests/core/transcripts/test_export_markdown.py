"""The Markdown transcript: header, turns, thinking as <details> or left out, tool JSON, images as files."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

from markdown_it import MarkdownIt

from core.api.keys import KeyStore
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.store.repository import Store
from core.transcripts.export_markdown import fenced, markdown_export, write_markdown, write_markdown_folder
from tests.core.transfer_helpers import PNG_BASE64, SECRET_KEY, THINKING_TEXT, rich_conversation
from tests.keyring_backends import DictKeyring


def _store_with_key(tmp_path: Path) -> Store:
    """A store whose provider has a distinctive key in the keyring: no export may ever contain it."""
    store = Store.open(tmp_path / "db.sqlite3")
    store.save_profile(Profile("Relay", "https://relay.example"))
    KeyStore(DictKeyring()).set("Relay", SECRET_KEY)
    return store


def test_the_transcript_has_a_header_turns_thinking_tools_and_the_image_as_a_file(tmp_path: Path) -> None:
    store = _store_with_key(tmp_path)
    conversation = store.export_conversation(rich_conversation(store))
    (tmp_path / "out").mkdir()
    path = write_markdown(conversation, tmp_path / "out" / "Trip.md")
    text = path.read_text(encoding="utf-8")

    assert text.startswith("# Everything at once\n")
    assert "- **Model:** claude-opus-4-1" in text and "- **Max tokens:**" in text
    assert re.search(r"## User · \d{4}-\d\d-\d\d \d\d:\d\d", text)
    assert "<details><summary>Thinking</summary>" in text and THINKING_TEXT in text
    # The call an MCP server ran is a card holding its result; the results turn is not a turn of its own.
    assert "**Tool `get_weather` on `weather`** · done in 0.3 s" in text and '"city": "Paris"' in text
    assert '"temp": 21' in text and "Tool result for" not in text
    assert "```python\nprint('sunny')\n```" in text  # the model's own code block, untouched
    assert "What is in this picture? 图里有什么？" in text
    # The image: a file beside the transcript, byte for byte, and linked.
    assert "![image 1](<Trip_assets/image-1.png>)" in text
    assert (tmp_path / "out" / "Trip_assets" / "image-1.png").read_bytes() == base64.b64decode(PNG_BASE64)
    assert SECRET_KEY not in text and "x-api-key" not in text.lower()


def test_thinking_can_be_left_out(tmp_path: Path) -> None:
    store = _store_with_key(tmp_path)
    text = markdown_export(
        store.export_conversation(rich_conversation(store)), "a", include_thinking=False
    ).text
    assert THINKING_TEXT not in text and "<details>" not in text and "redacted thinking" not in text
    assert "It is 21 °C." in text


def test_only_the_branch_on_screen_is_written(tmp_path: Path) -> None:
    store = _store_with_key(tmp_path)
    text = markdown_export(store.export_conversation(rich_conversation(store)), "a").text
    assert "It is 21 °C." in text
    assert "partial" not in text and "Column 0" not in text


def test_a_fence_inside_json_cannot_close_the_block() -> None:
    lines = fenced('{"code": "```"}', "json")
    assert lines[0] == "````json" and lines[-1] == "````"


def test_export_all_writes_one_file_per_conversation_with_distinct_names(tmp_path: Path) -> None:
    store = _store_with_key(tmp_path)
    rich_conversation(store, "Same: title?")
    rich_conversation(store, "Same: title?")
    paths = write_markdown_folder(store.export_all(), tmp_path / "all").written
    assert sorted(path.name for path in paths) == ["Same_ title_ (2).md", "Same_ title_.md"]
    assert all((tmp_path / "all" / f"{path.stem}_assets" / "image-1.png").exists() for path in paths)


def _exported(tmp_path: Path, title: str, turns: list[tuple[str, list[dict]]]) -> str:
    store = _store_with_key(tmp_path)
    conversation = store.create_conversation(RequestSettings(model="claude-test"), "Relay", title)
    parent = None
    for role, content in turns:
        parent = store.add_message(conversation.id, parent, role, content).id  # type: ignore[arg-type]
    return markdown_export(store.export_conversation(conversation.id), "a").text


def test_an_open_code_fence_in_a_stopped_reply_or_in_thinking_ends_with_its_block(tmp_path: Path) -> None:
    # Read back as CommonMark (GitHub, editors), where an unclosed fence runs to the end of the document,
    # each turn is still a heading of its own: the fence a stopped reply or a thinking block left open does
    # not swallow the rest of the file.
    text = _exported(
        tmp_path,
        "Fences",
        [
            ("user", [{"type": "text", "text": "Write code"}]),
            (
                "assistant",
                [
                    {"type": "thinking", "thinking": "Plan:\n~~~~\nsteps", "signature": "s"},
                    {"type": "text", "text": "Here:\n\n```python\nprint('stopped mid-"},
                ],
            ),
            ("user", [{"type": "text", "text": "The question after"}]),
            ("assistant", [{"type": "text", "text": "The answer after"}]),
        ],
    )
    rendered = MarkdownIt("commonmark").render(text)
    assert len(re.findall("<h2>", rendered)) == 4, rendered
    assert "<p>The question after</p>" in rendered and "<p>The answer after</p>" in rendered
    assert "steps\n</code></pre>\n</details>" in rendered, "the thinking's fence closes before its block ends"
    assert "print('stopped mid-" in html.unescape(rendered), "what the reply had is kept"


def test_titles_file_names_and_tool_names_are_text_not_markup(tmp_path: Path) -> None:
    hostile = "[click me](https://evil.example/) <b>bold</b> # ![x](https://evil.example/x.png)"
    text = _exported(
        tmp_path,
        hostile,
        [
            (
                "user",
                [
                    {"type": "text", "text": "See the file"},
                    {
                        "type": "document",
                        "title": "report](https://evil.example/steal) [",
                        "source": {"type": "text", "media_type": "text/plain", "data": "hello"},
                    },
                ],
            ),
            (
                "assistant",
                [
                    {
                        "type": "tool_use",
                        "id": "toolu_`x`",
                        "name": "get` [a](https://evil.example/)",
                        "input": {},
                    }
                ],
            ),
            (
                "user",
                [
                    {
                        "type": "tool_result",
                        "tool_use_id": "toolu_`x` [b](https://evil.example/)",
                        "content": "1",
                    }
                ],
            ),
        ],
    )
    rendered = MarkdownIt("commonmark").render(text)  # raw HTML on, as GitHub reads it
    assert "evil.example" not in "".join(re.findall(r'href="([^"]*)"', rendered)), rendered
    assert "<b>" not in rendered and "<h1>" in rendered and rendered.count("<h1>") == 1
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert hostile in shown, "the title reads as it was written"
    assert "report](https://evil.example/steal) [" in shown
    assert "get` [a](https://evil.example/)" in shown and "toolu_`x` [b](https://evil.example/)" in shown


async def test_each_reply_says_the_settings_it_was_made_with_and_the_header_says_they_are_current(
    tmp_path: Path,
) -> None:
    """Two replies sent with different settings, then the settings changed again: the header shows the
    current ones as such, and each reply what its request carried (read from the recorded request)."""
    from core.api.pool import ClientPool
    from core.api.retry import RetryPolicy
    from core.chat.session import ChatSession
    from core.demo import FakeServer, Reply, Text
    from core.model.request_settings import ThinkingSettings
    from core.store.worker import StoreWorker
    from tests.core.chat.test_session import Recorder

    key = "sk-ant-export-settings-3c9e1a7b5d"
    keys = KeyStore(DictKeyring())
    keys.set("Relay", key)
    first = RequestSettings(model="claude-sonnet-4-6", max_tokens=512, temperature=0.2)
    second = RequestSettings(
        model="claude-opus-4-1", max_tokens=2048, thinking=ThinkingSettings("enabled", 1024)
    )
    now = RequestSettings(model="claude-haiku-4-5", max_tokens=100, temperature=0.9)
    async with FakeServer(api_key=key) as server:
        server.enqueue(Reply([Text("First answer.")]), Reply([Text("Second answer.")]))
        store = StoreWorker(tmp_path / "db.sqlite3")
        await store.call(lambda s: s.save_profile(Profile("Relay", server.base_url)))
        clients = ClientPool(keys, [Profile("Relay", server.base_url)], retry=RetryPolicy(max_retries=0))
        session = ChatSession(store, clients, Recorder(), save_interval=0.05)
        conversation = await store.call(lambda s: s.create_conversation(first, "Relay"))
        await session.send(conversation.id, [{"type": "text", "text": "One"}])
        await store.call(lambda s: s.update_conversation_settings(conversation.id, second, "Relay"))
        await session.send(conversation.id, [{"type": "text", "text": "Two"}])
        await store.call(lambda s: s.update_conversation_settings(conversation.id, now, "Relay"))
        archived = await store.call(lambda s: s.export_conversation(conversation.id))
        await session.close()
        await clients.aclose()
        await store.close()

    text = markdown_export(archived, "a").text
    header = text.split("\n## User", 1)[0]
    _, first_reply, second_reply = [part.split("\n## User")[0] for part in text.split("\n## Assistant")]
    assert "- **Settings:** the conversation's current ones" in header
    assert "- **Model:** claude-haiku-4-5" in header and "- **Temperature:** 0.9" in header
    assert "*Made with: Model claude-sonnet-4-6 · Max tokens 512 · Temperature 0.2*" in first_reply
    assert "*Made with: Model claude-opus-4-1 · Max tokens 2048 · Thinking 1k*" in second_reply
    assert "Temperature" not in second_reply
    from core.transcripts.export_html import html_export

    page = html_export(archived)
    assert "Made with: Model claude-sonnet-4-6 · Max tokens 512 · Temperature 0.2" in page


def test_a_stopped_replys_output_count_is_an_estimate_marked_as_such() -> None:
    from core.model.messages import Usage
    from core.transcripts.archive import ArchivedConversation, ArchivedMessage

    stopped = ArchivedMessage(
        2, 1, "assistant", [{"type": "text", "text": "x" * 160}], status="cancelled", usage=Usage(5, 1)
    )
    conversation = ArchivedConversation(
        "Stopped",
        RequestSettings(model="m"),
        current_leaf=2,
        messages=[ArchivedMessage(1, None, "user", [{"type": "text", "text": "Go"}]), stopped],
    )
    text = markdown_export(conversation, "a").text
    assert "5 in / ≈40 out tokens (estimated)" in text and "1 out" not in text
