"""Full-text search over a generated corpus: English and Chinese, thinking, filters, the index in step."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from core.model.messages import ContentBlock
from core.model.request_settings import RequestSettings
from core.store import search as store_search
from core.store.migrations import MIGRATIONS, m003_search, migrate
from core.store.repository import Store
from core.store.search_query import HIGHLIGHT_END, HIGHLIGHT_START, SearchFilters, SearchQuery, snippet_parts
from tests.core.store_helpers import START, FakeClock, text

DAY = 86_400.0
IMAGE: ContentBlock = {
    "type": "image",
    "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"},
}
ENGLISH = [
    "The quick brown fox jumps over the lazy dog.",
    "Please summarise the quarterly report for the board.",
    "How do I reverse a linked list in Rust?",
    "Write a haiku about autumn leaves.",
]
CHINESE = [
    "大语言模型的推理能力如何评估？",
    "请把这段话翻译成英文。",
    "今天北京的天气怎么样？",
    "解释一下注意力机制的原理。",
]
MODELS = ["claude-opus-4-6", "claude-sonnet-4-6", "claude-haiku-4-5"]
PROFILES = ["Anthropic", "Relay"]


@dataclass
class Corpus:
    store: Store
    clock: FakeClock
    # message id -> its text, for checking what a query should find
    texts: dict[int, str] = field(default_factory=dict)
    conversation_of: dict[int, int] = field(default_factory=dict)
    model_of: dict[int, str] = field(default_factory=dict)
    profile_of: dict[int, str] = field(default_factory=dict)
    created_at: dict[int, float] = field(default_factory=dict)
    attached: set[int] = field(default_factory=set)
    """Conversations with an image."""


def build(store: Store, clock: FakeClock, conversations: int = 24) -> Corpus:
    """Each conversation: a user question (English or Chinese), an assistant reply with thinking; a day
    apart, the models and profiles in turn, an image in every fifth conversation."""
    corpus = Corpus(store, clock)
    for n in range(conversations):
        model, profile = MODELS[n % len(MODELS)], PROFILES[n % len(PROFILES)]
        chat = store.create_conversation(RequestSettings(model=model), profile, f"Chat {n}")
        question = (ENGLISH if n % 2 == 0 else CHINESE)[n // 2 % 4] + f" (#{n})"
        content: list[ContentBlock] = text(question) + ([IMAGE] if n % 5 == 0 else [])
        user = store.add_message(chat.id, None, "user", content)
        answer = f"Answer {n}: " + ("很好的问题。" if n % 2 else "Good question.")
        reply = store.add_message(
            chat.id,
            user.id,
            "assistant",
            [{"type": "thinking", "thinking": f"ponder zebra {n}", "signature": "sig"}, *text(answer)],
            model=model,
        )
        for message, body in ((user, question), (reply, answer)):
            corpus.texts[message.id] = body
            corpus.conversation_of[message.id] = chat.id
            corpus.model_of[message.id] = model
            corpus.profile_of[message.id] = profile
            corpus.created_at[message.id] = clock.now
        if n % 5 == 0:
            corpus.attached.add(chat.id)
        clock.advance(DAY)
    return corpus


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    store = Store.open(tmp_path / "search.sqlite3", clock=clock)
    yield store
    store.close()


@pytest.fixture
def corpus(store: Store, clock: FakeClock) -> Corpus:
    return build(store, clock)


def found(store: Store, query: str | SearchQuery) -> set[int]:
    """The message ids a query finds (title hits left out)."""
    query = query if isinstance(query, SearchQuery) else SearchQuery(query, limit=1000)
    return {hit.message_id for hit in store.search(query) if hit.message_id is not None}


def containing(corpus: Corpus, needle: str) -> set[int]:
    return {i for i, body in corpus.texts.items() if needle.casefold() in body.casefold()}


def test_english_queries_ignore_case_and_find_exactly_the_messages_containing_them(corpus: Corpus) -> None:
    for query in ("quick brown", "QUARTERLY", "Linked List", "haiku"):
        expected = containing(corpus, query)
        assert expected, query
        assert found(corpus.store, query) == expected, query
        assert found(corpus.store, query.swapcase()) == expected, query


def test_a_two_character_chinese_query_finds_its_messages(corpus: Corpus) -> None:
    expected = containing(corpus, "模型")
    assert len(expected) == 3
    assert found(corpus.store, "模型") == expected
    assert found(corpus.store, "天气") == containing(corpus, "天气")


def test_a_four_character_chinese_query_uses_the_index(corpus: Corpus) -> None:
    expected = containing(corpus, "注意力机")
    assert expected
    assert found(corpus.store, "注意力机") == expected
    assert found(corpus.store, "注意力机器") == set()


def test_short_queries_find_text_at_its_very_end_and_whole_short_messages(store: Store) -> None:
    chat = store.create_conversation(RequestSettings(model="m"), None)
    ok = store.add_message(chat.id, None, "user", text("好的"))
    cat = store.add_message(chat.id, ok.id, "assistant", text("我养了一只猫"))
    accent = store.add_message(chat.id, cat.id, "user", text("Écoute"))
    assert found(store, "好的") == {ok.id}
    assert found(store, "好") == {ok.id}
    assert found(store, "猫") == {cat.id}
    assert found(store, "一只猫") == {cat.id}
    assert found(store, "éc") == found(store, "ÉCOUTE") == {accent.id}
    assert [hit.snippet for hit in store.search(SearchQuery("猫"))] == [
        f"我养了一只{HIGHLIGHT_START}猫{HIGHLIGHT_END}"
    ]


def traced(store: Store, query: str | SearchQuery) -> tuple[set[int], str]:
    """What a query finds, and the SQL it ran (with its parameters)."""
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)
    try:
        return found(store, query), "\n".join(statements)
    finally:
        store._db.set_trace_callback(None)


def test_each_query_takes_the_quickest_way_to_the_same_results(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = corpus.store
    # A page filled by the newest messages does not ask the index.
    hits, sql = traced(store, SearchQuery("Answer", limit=3))
    assert len(hits) == 3 and "search_messages MATCH" not in sql and "max(id)" in sql
    # Otherwise a short query matches the index's terms that begin with it...
    monkeypatch.setattr(store_search, "RECENT_ROWS", 0)
    hits, sql = traced(store, "模型")
    assert hits == containing(corpus, "模型")
    assert """MATCH '{text} : ("模型""" in sql
    hits, sql = traced(store, "quick brown")
    assert hits == containing(corpus, "quick brown") and """MATCH '{text} : "quick brown"'""" in sql
    # ...unless it begins too many: then the text is read.
    monkeypatch.setattr(store_search, "MAX_TERMS", 0)
    hits, sql = traced(store, "模型")
    assert hits == containing(corpus, "模型") and "search_messages MATCH" not in sql


def test_one_and_two_letter_english_queries_ignore_case(corpus: Corpus) -> None:
    assert found(corpus.store, "RU") == containing(corpus, "ru")
    assert found(corpus.store, "?") == containing(corpus, "?")


def test_snippets_mark_the_match_and_keep_the_original_case(corpus: Corpus) -> None:
    for query in ("QUICK", "模型", "天气怎"):
        hits = [hit for hit in corpus.store.search(SearchQuery(query)) if hit.message_id is not None]
        assert hits
        for hit in hits:
            marked = [piece for piece, highlighted in snippet_parts(hit.snippet) if highlighted]
            assert [piece.casefold() for piece in marked] == [query.casefold()]
            assert hit.conversation_title.startswith("Chat ")
            assert hit.role == "user"
    assert f"{HIGHLIGHT_START}quick{HIGHLIGHT_END}" in corpus.store.search(SearchQuery("QUICK"))[0].snippet


def test_thinking_is_searched_only_when_asked(corpus: Corpus) -> None:
    assert found(corpus.store, "zebra") == set()
    with_thinking = found(corpus.store, SearchQuery("zebra", include_thinking=True, limit=1000))
    assert with_thinking == {i for i in corpus.texts if corpus.store.get_message(i).role == "assistant"}
    assert found(corpus.store, SearchQuery("ze", include_thinking=True, limit=1000)) == with_thinking


def test_tool_inputs_and_results_are_searched_only_when_asked(store: Store) -> None:
    chat = store.create_conversation(RequestSettings(model="m"), None, "tools")
    call = store.add_message(
        chat.id,
        None,
        "assistant",
        [{"type": "tool_use", "id": "t1", "name": "weather", "input": {"city": "Hangzhou"}}],
    )
    result = store.add_message(
        chat.id, call.id, "user", [{"type": "tool_result", "tool_use_id": "t1", "content": "Drizzle, 12°C"}]
    )
    assert found(store, "Hangzhou") == set()
    assert found(store, SearchQuery("hangzhou", include_tools=True)) == {call.id}
    assert found(store, SearchQuery("drizzle", include_tools=True)) == {result.id}


@pytest.mark.parametrize("needle", ["Answer", "问题"])
def test_each_filter_narrows_the_results(corpus: Corpus, needle: str) -> None:
    everything = found(corpus.store, SearchQuery(needle, limit=1000))
    assert everything == containing(corpus, needle)

    def only(**filters: object) -> set[int]:
        return found(corpus.store, SearchQuery(needle, filters=SearchFilters(**filters), limit=1000))  # type: ignore[arg-type]

    assert only(model="claude-opus-4-6") == {i for i in everything if corpus.model_of[i] == "claude-opus-4-6"}
    assert only(profile_name="Relay") == {i for i in everything if corpus.profile_of[i] == "Relay"}
    since, until = START + 3 * DAY, START + 9 * DAY
    assert only(since=since, until=until) == {i for i in everything if since <= corpus.created_at[i] < until}
    assert only(has_attachments=True) == {
        i for i in everything if corpus.conversation_of[i] in corpus.attached
    }
    for subset in (only(model="claude-opus-4-6"), only(has_attachments=True), only(since=since, until=until)):
        assert 0 < len(subset) < len(everything)


def test_the_model_filter_finds_user_messages_by_their_conversations_model(corpus: Corpus) -> None:
    hits = found(corpus.store, SearchQuery("quick", filters=SearchFilters(model=MODELS[0])))
    assert hits and all(corpus.store.get_message(i).role == "user" for i in hits)


def test_deleted_conversations_are_not_found_until_restored(corpus: Corpus) -> None:
    hit = next(iter(found(corpus.store, "haiku")))
    chat = corpus.conversation_of[hit]
    corpus.store.delete_conversation(chat)
    assert hit not in found(corpus.store, "haiku")
    assert hit not in found(corpus.store, "ha")
    assert all(h.conversation_id != chat for h in corpus.store.search(SearchQuery("Chat")))
    corpus.store.restore_conversation(chat)
    assert hit in found(corpus.store, "haiku")


def test_purged_and_deleted_messages_leave_the_index(corpus: Corpus) -> None:
    store = corpus.store
    hit = next(iter(found(store, "linked list")))
    store.delete_message_subtree(hit)
    assert hit not in found(store, "linked list")
    store.delete_conversation(corpus.conversation_of[next(iter(found(store, "haiku")))])
    corpus.clock.advance(DAY)
    store.purge_deleted(0)
    rows = store._db.execute("SELECT count(*) FROM search_messages").fetchone()[0]
    assert rows == store._db.execute("SELECT count(*) FROM messages").fetchone()[0]


def test_titles_are_found_and_follow_renames(corpus: Corpus) -> None:
    store = corpus.store
    chat = corpus.conversation_of[next(iter(found(store, "haiku")))]
    store.rename(chat, "Poetry 诗歌 notes")
    for query in ("poetry", "诗歌", "NOTES"):
        hits = [hit for hit in store.search(SearchQuery(query)) if hit.message_id is None]
        assert [hit.conversation_id for hit in hits] == [chat], query
        assert HIGHLIGHT_START in hits[0].snippet
    assert not [hit for hit in store.search(SearchQuery("Chat 7")) if hit.conversation_id == chat]


def test_a_reply_becomes_findable_when_it_stops_streaming_not_while_it_streams(store: Store) -> None:
    chat = store.create_conversation(RequestSettings(model="m"), None)
    question = store.add_message(chat.id, None, "user", text("Tell me about otters"))
    reply = store.add_message(chat.id, question.id, "assistant", [], "streaming")
    store.update_reply(reply.id, content=text("Sea otters hold hands while they sleep."))
    assert found(store, "hold hands") == set()
    store.update_reply(
        reply.id, content=text("Sea otters hold hands while they sleep. 海獭"), status="complete"
    )
    assert found(store, "hold hands") == {reply.id}
    assert found(store, "海獭") == {reply.id}


def test_a_reply_cut_by_a_crash_is_indexed_at_the_next_start(store: Store) -> None:
    chat = store.create_conversation(RequestSettings(model="m"), None)
    reply = store.add_message(chat.id, None, "assistant", text("partial wombat facts"), "streaming")
    assert found(store, "wombat") == set()
    store.mark_unfinished_as_interrupted()
    assert found(store, "wombat") == {reply.id}


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        'say "hi"',
        "*",
        "fox*",
        "fox OR dog",
        "NOT fox",
        "(fox",
        "fox)",
        "text:fox",
        "{text}",
        "^fox",
        "a'b",
        "%",
        "_",
    ],
)
def test_fts_syntax_in_a_query_is_plain_text(store: Store, query: str) -> None:
    chat = store.create_conversation(RequestSettings(model="m"), None)
    plain = store.add_message(chat.id, None, "user", text("the quick brown fox and the lazy dog"))
    literal = store.add_message(chat.id, plain.id, "user", text(f"literally: {query} here"))
    assert found(store, query) == {literal.id}


@pytest.mark.parametrize(
    ("query", "finds"),
    [
        ("ab\x00cd", set()),
        ("quick\x00", {"plain"}),
        ("\x00", set()),
        ("fox \ud83d\ude00", {"emoji"}),  # a pair from a UTF-16 source is its character
        ("broken \ud83d", {"repaired"}),  # a lone half is stored as U+FFFD by the importers
        ("\udfff", {"repaired"}),
        ("ab\udfffcd", set()),
    ],
)
def test_a_query_holding_nul_or_half_a_surrogate_pair_searches_instead_of_failing(
    store: Store, query: str, finds: set[str]
) -> None:
    """Pasted from a binary file or a broken UTF-16 source: SQLite refused both with an exception."""
    chat = store.create_conversation(RequestSettings(model="m"), None)
    plain = store.add_message(chat.id, None, "user", text("the quick brown fox"))
    emoji = store.add_message(chat.id, plain.id, "user", text("the fox \U0001f600 smiles"))
    repaired = store.add_message(chat.id, emoji.id, "user", text("broken \ufffd here"))
    names = {plain.id: "plain", emoji.id: "emoji", repaired.id: "repaired"}
    assert {names[message_id] for message_id in found(store, query)} == finds


def test_an_empty_query_finds_nothing(corpus: Corpus) -> None:
    assert corpus.store.search(SearchQuery("   ")) == []


def test_results_are_newest_first_and_limited(corpus: Corpus) -> None:
    hits = corpus.store.search(SearchQuery("Answer", limit=5))
    assert len(hits) == 5
    assert [hit.created_at for hit in hits] == sorted((hit.created_at for hit in hits), reverse=True)


def test_choices_list_the_models_and_profiles_in_use(corpus: Corpus) -> None:
    choices = corpus.store.search_choices()
    assert choices.models == sorted(MODELS)
    assert choices.profiles == sorted(PROFILES)


def test_revealing_a_message_on_another_branch_makes_it_the_branch_on_screen(store: Store) -> None:
    chat = store.create_conversation(RequestSettings(model="m"), None)
    question = store.add_message(chat.id, None, "user", text("Q"))
    first = store.add_message(chat.id, question.id, "assistant", text("first answer"))
    follow_up = store.add_message(chat.id, first.id, "user", text("and then?"))
    second = store.add_message(chat.id, question.id, "assistant", text("second answer"))
    assert store.reveal_message(question.id) == chat.id
    assert store.get_conversation(chat.id).current_leaf_id == second.id  # already on the branch
    assert store.reveal_message(first.id) == chat.id
    assert store.get_conversation(chat.id).current_leaf_id == follow_up.id


def test_the_migration_indexes_the_rows_already_there(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    # Every migration but the search: the store's methods below write the columns later ones added.
    before_search = [step for step in MIGRATIONS if step is not m003_search]
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, before_search)
    connection.close()
    # Rows written by the store's own methods on the old schema (the constructor does not migrate).
    connection = sqlite3.connect(path, isolation_level=None)
    connection.row_factory = sqlite3.Row
    clock = FakeClock()
    old = Store(connection, path, clock=clock)
    corpus = build(old, clock, conversations=6)
    old.rename(corpus.conversation_of[next(iter(corpus.texts))], "Renamed 改名")
    streaming = old.add_message(1, None, "assistant", text("unfinished quokka"), "streaming")
    connection.close()

    store = Store.open(path)
    try:
        assert found(store, "quick brown") == containing(corpus, "quick brown")
        assert found(store, "模型") == containing(corpus, "模型")
        assert found(store, SearchQuery("ponder", include_thinking=True, limit=100)) == {
            i for i in corpus.texts if corpus.texts[i].startswith("Answer")
        }
        assert found(store, SearchQuery("Answer", filters=SearchFilters(has_attachments=True))) == {
            i for i in containing(corpus, "Answer") if corpus.conversation_of[i] in corpus.attached
        }
        assert [hit.conversation_id for hit in store.search(SearchQuery("改名"))] == [1]
        assert found(store, "quokka") == set()
        store.update_reply(streaming.id, status="interrupted")
        assert found(store, "quokka") == {streaming.id}
    finally:
        store.close()
