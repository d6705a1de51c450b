"""How exports reach the disk: whole or not at all, under names every file system takes, and a folder export
that does not stop at the first file it cannot write.

A full disk is made for real with the kernel's file-size limit (RLIMIT_FSIZE): a write past it fails with
EFBIG exactly where a full disk fails with ENOSPC, in the middle of the file.
"""

from __future__ import annotations

import contextlib
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from core.model.request_settings import RequestSettings
from core.store.repository import Store
from core.transcripts.archive import ArchivedConversation, write_archive
from core.transcripts.export_common import MAX_STEM_BYTES, file_stem
from core.transcripts.export_markdown import write_markdown, write_markdown_folder
from tests.core.store_helpers import text

EMOJI_TITLE = "🦊🌍🎉" * 27
BIDI_TITLE = "invoice\u202egpj.exe"
INVISIBLE = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}
INVISIBLE |= {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u061c"}


@contextlib.contextmanager
def disk_full_after(size: int) -> Iterator[None]:
    """Writes that make a file of this process larger than `size` bytes fail (EFBIG), for the block."""
    import resource
    import signal

    before = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write instead of ending the process
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, before[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, before)
        signal.signal(signal.SIGXFSZ, previous)


def _conversation(store: Store, title: str, words: int = 20) -> int:
    cid = store.create_conversation(RequestSettings(model="claude-sonnet-4-6"), None, title).id
    store.add_message(cid, None, "user", text(f"{title}: " + "word " * words))
    return cid


def _markdown(conversation: ArchivedConversation, path: Path) -> None:
    write_markdown(conversation, path)


def _archive(conversation: ArchivedConversation, path: Path) -> None:
    write_archive([conversation], path, 0.0)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("write", [_markdown, _archive], ids=["markdown", "json"])
def test_overwriting_an_export_on_a_full_disk_keeps_the_earlier_file_whole(
    tmp_path: Path, write: Callable[[ArchivedConversation, Path], None]
) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    cid = _conversation(store, "Trip", words=10)
    short = store.export_conversation(cid)
    target = tmp_path / "out" / "Trip.export"
    target.parent.mkdir()
    write(short, target)
    earlier = target.read_bytes()
    store.add_message(cid, None, "user", text("more " * 20_000))
    longer = store.export_conversation(cid)

    with disk_full_after(len(earlier) + 4096), pytest.raises(OSError):
        write(longer, target)

    assert target.read_bytes() == earlier, "the earlier export is whole, not truncated"
    assert [path.name for path in target.parent.iterdir()] == ["Trip.export"], "no partial file is left"
    write(longer, target)  # space again: the new export replaces it
    assert "more more" in target.read_text(encoding="utf-8")


def test_export_all_as_markdown_writes_every_file_it_can_and_lists_the_one_it_cannot(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "db.sqlite3")
    titles = [f"Conversation {number}" for number in range(18)]
    titles[3], titles[7], titles[11], titles[15] = EMOJI_TITLE, BIDI_TITLE, "CON", "Blocked"
    titles += ["zero\u200bwidth\u200djoined", "aux.txt", "Trip", "Trip"]
    for title in titles:
        _conversation(store, title)
    folder = tmp_path / "all"
    (folder / "Blocked.md").mkdir(parents=True)  # something already there that a file cannot replace

    result = write_markdown_folder(store.export_all(), folder)

    assert [failed.title for failed in result.failed] == ["Blocked"]
    assert result.failed[0].reason, "the reason, in the operating system's words"
    assert len(result.written) == 21
    names = {path.name for path in result.written}
    assert {
        "_CON.md",
        "_aux.txt.md",
        "invoicegpj.exe.md",
        "zerowidthjoined.md",
        "Trip.md",
        "Trip (2).md",
    } <= names
    for path in result.written:
        assert path.exists() and len(path.name.encode()) <= 255
        assert not INVISIBLE & set(path.name), path.name
    (emoji,) = [path for path in result.written if path.name.startswith("🦊")]
    assert EMOJI_TITLE in emoji.read_text(encoding="utf-8"), "the title is whole inside the file"
    assert not [path for path in folder.iterdir() if path.name.endswith(".partial")]


def test_file_stems_are_visible_characters_within_the_byte_limit_and_no_device_names() -> None:
    assert len(file_stem(EMOJI_TITLE).encode()) <= MAX_STEM_BYTES
    assert file_stem(EMOJI_TITLE).startswith("🦊🌍🎉")
    assert all(unicodedata.category(char) != "Cs" for char in file_stem(EMOJI_TITLE))
    assert file_stem(BIDI_TITLE) == "invoicegpj.exe"
    assert file_stem("a\u2066b\u2069c\ufeff") == "abc"
    assert [file_stem(name) for name in ("nul", "COM1", "lpt9.md", "Con notes", "CONSOLE")] == [
        "_nul",
        "_COM1",
        "_lpt9.md",
        "Con notes",
        "CONSOLE",
    ]
    assert file_stem("\u200b\u200b") == "conversation"
    assert json.dumps(file_stem("天气 🌧 报告"), ensure_ascii=False) == '"天气 🌧 报告"'
