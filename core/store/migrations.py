"""The database schema as an ordered list of migrations, each recorded by name once it has run.

A migration is a function of the connection. `migrate` runs the ones not yet recorded in `_migrations`, each
in its own transaction together with its record, so a failure leaves the database as it was before that step.
Never edit a migration that has shipped: add the next one (`m002_...`) to `MIGRATIONS`.

Design of the first schema, for the features that come later:
- messages form a tree (`parent_id`): edits and regenerations branch, the conversation remembers the leaf on
  screen (`current_leaf_id`), and a request is the path from the root to that leaf;
- content blocks are kept verbatim as the API's JSON (`content_json`), so thinking signatures, tool ids and
  block types this app does not know yet survive a round trip; full-text search (FTS5) indexes them later;
- usage, timings, request id, error and warnings sit beside each reply, for the transcript, compare runs and
  exports;
- profiles hold no key: keys live in the OS keyring.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence

Migration = Callable[[sqlite3.Connection], None]


class UnknownMigrationsError(Exception):
    """The database was written by a newer version of the app (it records migrations this one lacks)."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(", ".join(names))
        self.names = list(names)


def m001_initial(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL DEFAULT '',
            title_is_auto INTEGER NOT NULL DEFAULT 1,
            pinned INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            deleted_at REAL,
            profile_name TEXT,
            settings_json TEXT NOT NULL,
            current_leaf_id INTEGER REFERENCES messages(id) ON DELETE SET NULL
        )
        """
    )
    # content_json comes last: it can be large (base64 images), and SQLite reads a row's columns in order.
    # parent_id has no ON DELETE action on purpose: a cascade would recurse once per level of the tree and
    # hit SQLite's trigger depth limit on long conversations; subtrees are deleted in one statement instead.
    db.execute(
        """
        CREATE TABLE messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            parent_id INTEGER REFERENCES messages(id),
            role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
            status TEXT NOT NULL DEFAULT 'complete',
            created_at REAL NOT NULL,
            model TEXT,
            stop_reason TEXT,
            stop_sequence TEXT,
            cost_usd REAL,
            ttft REAL,
            duration REAL,
            request_id TEXT,
            usage_json TEXT,
            error_json TEXT,
            warnings_json TEXT,
            content_json TEXT NOT NULL DEFAULT '[]'
        )
        """
    )
    db.execute(
        """
        CREATE TABLE profiles (
            name TEXT PRIMARY KEY,
            base_url TEXT NOT NULL,
            auth_style TEXT NOT NULL,
            api_style TEXT NOT NULL,
            anthropic_version TEXT NOT NULL,
            betas_json TEXT NOT NULL DEFAULT '[]',
            proxy TEXT,
            price_overrides_json TEXT NOT NULL DEFAULT '{}',
            position INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute(
        "CREATE INDEX conversations_by_activity ON conversations (deleted_at, pinned DESC, updated_at DESC)"
    )
    db.execute("CREATE INDEX messages_by_parent ON messages (parent_id, created_at)")
    # Also serves the foreign key: deleting a conversation finds its messages without a scan.
    db.execute("CREATE INDEX messages_by_conversation ON messages (conversation_id)")
    # Small: at most the replies that were streaming when the app stopped.
    db.execute("CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming'")


def m002_compare_runs(db: sqlite3.Connection) -> None:
    """Compare runs. A column's replies live in `messages` like any other, in a branch of their own below
    the run's base message (a user message per round, then the reply), so `path_to(reply)` is exactly what
    that column sent; the conversation's leaf does not move until the user continues with one column."""
    db.execute(
        """
        CREATE TABLE compare_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            base_message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
            created_at REAL NOT NULL,
            chosen_column INTEGER
        )
        """
    )
    db.execute(
        """
        CREATE TABLE compare_columns (
            run_id INTEGER NOT NULL REFERENCES compare_runs(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            profile_name TEXT,
            settings_json TEXT NOT NULL,
            PRIMARY KEY (run_id, idx)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE compare_rounds (
            run_id INTEGER NOT NULL REFERENCES compare_runs(id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            prompt TEXT NOT NULL,
            PRIMARY KEY (run_id, round)
        )
        """
    )
    # message_id is SET NULL, not a blocker: deleting a branch of the tree must still work.
    db.execute(
        """
        CREATE TABLE compare_replies (
            run_id INTEGER NOT NULL REFERENCES compare_runs(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            round INTEGER NOT NULL,
            message_id INTEGER REFERENCES messages(id) ON DELETE SET NULL,
            metrics_json TEXT,
            PRIMARY KEY (run_id, idx, round)
        )
        """
    )
    db.execute("CREATE INDEX compare_runs_by_conversation ON compare_runs (conversation_id)")
    # Serve the foreign keys to messages: deleting a message finds the rows pointing at it without a scan.
    db.execute("CREATE INDEX compare_runs_by_base ON compare_runs (base_message_id)")
    db.execute("CREATE INDEX compare_replies_by_message ON compare_replies (message_id)")


def _blocks_text(row: str, block_types: str, path: str) -> str:
    """SQL for the text of a message's blocks of some types (`row` is `new` in a trigger), one per line.

    Two line ends close the text, so that every character of it begins a trigram: a query of one or two
    characters finds its rows through the index's terms that begin with it (see `core.store.search`).

    Content is the API's JSON as stored; CASE, not AND, guards json_extract, as only CASE is sure to skip
    the values that are not objects.
    """
    return f"""(
        SELECT group_concat(part, char(10)) || char(10, 10) FROM (
            SELECT CASE WHEN b.type = 'object' AND ({block_types})
                        THEN json_extract(b.value, {path}) END AS part
            FROM {_blocks(row)}
        ) WHERE part IS NOT NULL
    )"""


def _blocks(row: str) -> str:
    """The content blocks of a message, as `b`; content that is not JSON has none."""
    return f"json_each(CASE WHEN json_valid({row}.content_json) THEN {row}.content_json ELSE '[]' END) AS b"


def _search_row(row: str) -> str:
    """SQL values for a row of `search_messages`: rowid, text, thinking, tools (inputs and results)."""
    kind = "json_extract(b.value, '$.type')"
    return ", ".join(
        [
            f"{row}.id",
            _blocks_text(row, f"{kind} = 'text'", "'$.text'"),
            _blocks_text(row, f"{kind} = 'thinking'", "'$.thinking'"),
            _blocks_text(
                row,
                f"{kind} IN ('tool_use', 'server_tool_use') OR {kind} LIKE '%tool_result'",
                f"CASE WHEN {kind} LIKE '%tool_result' THEN '$.content' ELSE '$.input' END",
            ),
        ]
    )


def _has_attachment(row: str) -> str:
    return f"""EXISTS (
        SELECT 1 FROM {_blocks(row)}
        WHERE CASE WHEN b.type = 'object' THEN json_extract(b.value, '$.type') IN ('image', 'document') END
    )"""


def m003_search(db: sqlite3.Connection) -> None:
    """Full-text search. FTS5's trigram tokenizer matches any substring of 3 or more characters in any
    script (Chinese has no spaces between words); shorter ones use its list of terms (`search_terms`).

    Triggers keep the index in step with every write, whoever makes it: a message is indexed once it is not
    streaming (not at each streamed update) and again at each write of its status; titles as they change.
    Thinking and tool text have columns of their own, so searching them is a choice."""
    db.execute("CREATE VIRTUAL TABLE search_messages USING fts5(text, thinking, tools, tokenize = 'trigram')")
    db.execute("CREATE VIRTUAL TABLE search_terms USING fts5vocab(search_messages, row)")
    db.execute("CREATE VIRTUAL TABLE search_titles USING fts5(title, tokenize = 'trigram')")
    # The messages that carry an image or a document: the "has attachments" filter reads no JSON.
    db.execute(
        "CREATE TABLE search_attachments (message_id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL)"
    )
    db.execute("CREATE INDEX search_attachments_by_conversation ON search_attachments (conversation_id)")
    # The models replies came from, for the model filter's choices: a few lookups instead of a scan.
    db.execute("CREATE INDEX messages_by_model ON messages (model) WHERE model IS NOT NULL")
    index_new = f"""
        INSERT INTO search_messages (rowid, text, thinking, tools)
        SELECT {_search_row("new")} WHERE new.status != 'streaming';
        INSERT INTO search_attachments (message_id, conversation_id)
        SELECT new.id, new.conversation_id WHERE new.status != 'streaming' AND {_has_attachment("new")};
    """
    unindex_old = """
        DELETE FROM search_messages WHERE rowid = old.id;
        DELETE FROM search_attachments WHERE message_id = old.id;
    """
    db.execute(
        "CREATE TRIGGER search_message_added AFTER INSERT ON messages WHEN new.status != 'streaming' "
        f"BEGIN {index_new} END"
    )
    # On the status only: the updates of a streaming reply write its content alone, and stay one plain
    # UPDATE. The write that ends a reply (or changes a finished message) sets the status too.
    db.execute(
        "CREATE TRIGGER search_message_changed AFTER UPDATE OF status ON messages "
        f"WHEN old.status != 'streaming' OR new.status != 'streaming' BEGIN {unindex_old} {index_new} END"
    )
    db.execute(f"CREATE TRIGGER search_message_removed AFTER DELETE ON messages BEGIN {unindex_old} END")
    db.execute(
        "CREATE TRIGGER search_title_added AFTER INSERT ON conversations "
        "BEGIN INSERT INTO search_titles (rowid, title) VALUES (new.id, new.title); END"
    )
    db.execute(
        "CREATE TRIGGER search_title_changed AFTER UPDATE OF title ON conversations BEGIN "
        "DELETE FROM search_titles WHERE rowid = old.id; "
        "INSERT INTO search_titles (rowid, title) VALUES (new.id, new.title); END"
    )
    db.execute(
        "CREATE TRIGGER search_title_removed AFTER DELETE ON conversations "
        "BEGIN DELETE FROM search_titles WHERE rowid = old.id; END"
    )
    db.execute("INSERT INTO search_titles (rowid, title) SELECT id, title FROM conversations")
    db.execute(
        f"INSERT INTO search_messages (rowid, text, thinking, tools) SELECT {_search_row('m')} "
        "FROM messages AS m WHERE m.status != 'streaming'"
    )
    db.execute(
        "INSERT INTO search_attachments (message_id, conversation_id) SELECT m.id, m.conversation_id "
        f"FROM messages AS m WHERE m.status != 'streaming' AND {_has_attachment('m')}"
    )


def m004_exchanges(db: sqlite3.Connection) -> None:
    """What was sent and received for each assistant reply (the last attempt), for "copy as cURL" and the
    raw view. Bodies are zlib-compressed; the key never gets here (`core.wire.exchange` redacts it).

    A request body is kept as a template plus the elements of its `messages` array
    (`core.store.exchange_parts`),
    each element stored once by its sha256, so a conversation's bodies grow with its length, not its square.
    An element goes when the last request using it goes (the trigger), however the reply is deleted."""
    db.execute(
        """
        CREATE TABLE exchanges (
            message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            method TEXT NOT NULL,
            url TEXT NOT NULL,
            request_headers_json TEXT NOT NULL,
            request_template BLOB NOT NULL,
            request_kept INTEGER NOT NULL DEFAULT 1,
            status INTEGER,
            response_headers_json TEXT NOT NULL DEFAULT '{}',
            response_body BLOB NOT NULL,
            response_bytes INTEGER NOT NULL DEFAULT 0
        )
        """
    )
    db.execute("CREATE TABLE exchange_parts (digest BLOB PRIMARY KEY, body BLOB NOT NULL)")
    db.execute(
        """
        CREATE TABLE exchange_part_uses (
            message_id INTEGER NOT NULL REFERENCES exchanges(message_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            at INTEGER NOT NULL,
            digest BLOB NOT NULL REFERENCES exchange_parts(digest),
            PRIMARY KEY (message_id, seq)
        )
        """
    )
    db.execute("CREATE INDEX exchange_part_uses_by_digest ON exchange_part_uses(digest)")
    db.execute(
        """
        CREATE TRIGGER exchange_parts_unused AFTER DELETE ON exchange_part_uses
        WHEN NOT EXISTS (SELECT 1 FROM exchange_part_uses WHERE digest = OLD.digest)
        BEGIN
            DELETE FROM exchange_parts WHERE digest = OLD.digest;
        END
        """
    )


def m005_defaults_presets_prompts_tags(db: sqlite3.Connection) -> None:
    """What the user keeps besides conversations: the settings a new conversation starts from (one row),
    named presets (personas: settings with a system prompt; the compare window's columns too), the prompt
    library, and conversation tags (many to many; a tag exists while a conversation carries it)."""
    db.execute(
        """
        CREATE TABLE user_defaults (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            profile_name TEXT,
            settings_json TEXT NOT NULL,
            saved_at REAL NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE presets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            profile_name TEXT,
            settings_json TEXT NOT NULL,
            created_at REAL NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE prompts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE conversation_tags (
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (conversation_id, tag)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX conversation_tags_by_tag ON conversation_tags (tag)")


def m006_provider_checks(db: sqlite3.Connection) -> None:
    """The provider checks (`core.doctor`) run for each profile, kept as a history so a change shows. The
    report is JSON (`core.model.provider_check.report_to_dict`); the profile name is not a foreign key: the
    history outlives a profile deleted and added again."""
    db.execute(
        """
        CREATE TABLE provider_checks (
            id INTEGER PRIMARY KEY,
            profile_name TEXT NOT NULL,
            model TEXT NOT NULL,
            started_at REAL NOT NULL,
            worst TEXT NOT NULL,
            report_json TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX provider_checks_by_profile ON provider_checks(profile_name, started_at)")


def m007_tools(db: sqlite3.Connection) -> None:
    """MCP tools: the servers the user configured (`config_json` without secrets: those live in the keyring),
    the remembered approval rules, the tool-loop preferences (one row per name, JSON values), and each reply's
    tool runs beside its content (`tool_runs_json`; the results themselves stay in the next user turn's
    tool_result blocks, saved once).

    A rule's `conversation_id` is NULL for "always"; a conversation's rules go with it. `tool` is NULL for
    every tool of the server. One rule per (server, tool, conversation): a new answer replaces the old."""
    db.execute(
        """
        CREATE TABLE mcp_servers (
            name TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            config_json TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE tool_rules (
            id INTEGER PRIMARY KEY,
            server TEXT NOT NULL,
            tool TEXT,
            conversation_id INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
            decision TEXT NOT NULL CHECK (decision IN ('allow', 'deny', 'ask')),
            created_at REAL NOT NULL
        )
        """
    )
    db.execute(
        "CREATE UNIQUE INDEX tool_rules_by_target ON tool_rules "
        "(server, coalesce(tool, ''), coalesce(conversation_id, 0))"
    )
    db.execute(
        "CREATE TABLE tool_preferences (name TEXT PRIMARY KEY, value_json TEXT NOT NULL) WITHOUT ROWID"
    )
    db.execute("ALTER TABLE messages ADD COLUMN tool_runs_json TEXT")


def m008_grids(db: sqlite3.Connection) -> None:
    """Evaluation grids. A test set keeps every saved version (an edit adds one) so a run points at the
    version it ran and its rows still mean what they meant; a deleted set stays hidden while a run needs it.
    A run's variants are rows like compare columns (spend totals join them for the model and provider); a
    cell is one repeat, written the moment it ends, so a run resumes after a restart from what is missing.
    A retried cell replaces its failed row (the key is unique)."""
    db.execute(
        """
        CREATE TABLE grid_test_sets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            deleted_at REAL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE grid_test_set_versions (
            test_set_id INTEGER NOT NULL REFERENCES grid_test_sets(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            name TEXT NOT NULL,
            template TEXT NOT NULL,
            system TEXT,
            saved_at REAL NOT NULL,
            cases_json TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (test_set_id, version)
        )
        """
    )
    # No ON DELETE on the version: a version some run ran cannot go (deleting the set hides it instead).
    db.execute(
        """
        CREATE TABLE grid_runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            test_set_id INTEGER NOT NULL,
            test_set_version INTEGER NOT NULL,
            repeats INTEGER NOT NULL CHECK (repeats >= 1),
            concurrency INTEGER NOT NULL CHECK (concurrency >= 1),
            state TEXT NOT NULL,
            created_at REAL NOT NULL,
            FOREIGN KEY (test_set_id, test_set_version)
                REFERENCES grid_test_set_versions(test_set_id, version)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE grid_variants (
            run_id INTEGER NOT NULL REFERENCES grid_runs(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            profile_name TEXT,
            settings_json TEXT NOT NULL,
            PRIMARY KEY (run_id, idx)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE grid_cells (
            run_id INTEGER NOT NULL REFERENCES grid_runs(id) ON DELETE CASCADE,
            case_idx INTEGER NOT NULL,
            variant INTEGER NOT NULL,
            repeat INTEGER NOT NULL,
            status TEXT NOT NULL,
            finished_at REAL,
            metrics_json TEXT,
            error_json TEXT,
            content_json TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (run_id, case_idx, variant, repeat)
        )
        """
    )
    db.execute("CREATE INDEX grid_runs_by_test_set ON grid_runs (test_set_id, test_set_version)")
    # Small: at most the runs the app was running when it stopped.
    db.execute("CREATE INDEX grid_runs_running ON grid_runs (state) WHERE state = 'running'")


def m009_judging(db: sqlite3.Connection) -> None:
    """Judging. A vote names its contestants by identity (key and label) and column, in its own row, with no
    foreign key to the run: a vote outlives the run or variant it was cast on and keeps counting in the
    ratings. Only the user's judge templates are rows; the built-in ones live in the code (`core.judging`)
    and are handed to the service, so an update can improve them. Rubric scores go with their grid run (they
    describe its cells); pair judgements name their identities like votes, so they stay with them. A batch
    job is written the moment it is created, so a restart goes on polling it."""
    db.execute(
        """
        CREATE TABLE votes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_kind TEXT NOT NULL,
            run_id INTEGER NOT NULL,
            item INTEGER NOT NULL,
            repeat INTEGER NOT NULL DEFAULT 0,
            contestants_json TEXT NOT NULL,
            columns_json TEXT NOT NULL,
            outcome TEXT NOT NULL,
            winner INTEGER,
            created_at REAL NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX votes_by_run ON votes (source_kind, run_id)")
    db.execute(
        """
        CREATE TABLE vote_tags (
            vote_id INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (vote_id, tag)
        )
        """
    )
    db.execute("CREATE INDEX vote_tags_by_tag ON vote_tags (tag)")
    db.execute(
        """
        CREATE TABLE judge_templates (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            prompt TEXT NOT NULL,
            criteria_json TEXT NOT NULL DEFAULT '[]',
            profile_name TEXT,
            model TEXT NOT NULL DEFAULT '',
            max_tokens INTEGER NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )
        """
    )
    # template_id has no foreign key: built-in templates have no row (their ids are negative).
    db.execute(
        """
        CREATE TABLE rubric_scores (
            run_id INTEGER NOT NULL REFERENCES grid_runs(id) ON DELETE CASCADE,
            case_idx INTEGER NOT NULL,
            variant INTEGER NOT NULL,
            repeat INTEGER NOT NULL,
            template_id INTEGER NOT NULL,
            status TEXT NOT NULL,
            scores_json TEXT NOT NULL DEFAULT '{}',
            reasons TEXT NOT NULL DEFAULT '',
            raw_reply TEXT NOT NULL DEFAULT '',
            cost_usd REAL,
            created_at REAL NOT NULL,
            PRIMARY KEY (run_id, case_idx, variant, repeat, template_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE pair_judgements (
            source_kind TEXT NOT NULL,
            run_id INTEGER NOT NULL,
            item INTEGER NOT NULL,
            repeat INTEGER NOT NULL,
            first_column INTEGER NOT NULL,
            second_column INTEGER NOT NULL,
            template_id INTEGER NOT NULL,
            identities_json TEXT NOT NULL,
            status TEXT NOT NULL,
            as_shown TEXT,
            swapped TEXT,
            reasons TEXT NOT NULL DEFAULT '',
            raw_replies_json TEXT NOT NULL DEFAULT '[]',
            cost_usd REAL,
            created_at REAL NOT NULL,
            PRIMARY KEY (source_kind, run_id, item, repeat, first_column, second_column, template_id)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE batch_jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            batch_id TEXT NOT NULL UNIQUE,
            profile_name TEXT,
            run_id INTEGER NOT NULL,
            purpose TEXT NOT NULL,
            custom_ids_json TEXT NOT NULL DEFAULT '{}',
            status TEXT NOT NULL,
            counts_json TEXT NOT NULL DEFAULT '{}',
            created_at REAL NOT NULL,
            expires_at REAL,
            ended_at REAL
        )
        """
    )
    db.execute("CREATE INDEX batch_jobs_by_run ON batch_jobs (run_id)")
    # Small: the batches still to poll or collect, read at every start.
    db.execute("CREATE INDEX batch_jobs_open ON batch_jobs (status) WHERE status != 'collected'")


def m010_judge_spend(db: sqlite3.Connection) -> None:
    """What each judgement's requests used (the judge's model and provider, its tokens), so the Spend view
    counts judging by day, model and provider; NULL for judgements made before."""
    for table in ("rubric_scores", "pair_judgements"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN spend_json TEXT")


MIGRATIONS: tuple[Migration, ...] = (
    m001_initial,
    m002_compare_runs,
    m003_search,
    m004_exchanges,
    m005_defaults_presets_prompts_tags,
    m006_provider_checks,
    m007_tools,
    m008_grids,
    m009_judging,
    m010_judge_spend,
)


def applied_migrations(db: sqlite3.Connection) -> list[str]:
    _ensure_table(db)
    return [row[0] for row in db.execute("SELECT name FROM _migrations ORDER BY rowid")]


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Run the migrations not yet recorded, in order; returns the names of those it ran.

    The connection must be in autocommit mode (`isolation_level=None`): each step opens its own transaction.
    """
    done = set(applied_migrations(db))
    unknown = sorted(done - {step.__name__ for step in migrations})
    if unknown:
        raise UnknownMigrationsError(unknown)
    ran = []
    for step in migrations:
        if step.__name__ in done:
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (step.__name__, time.time())
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        ran.append(step.__name__)
    return ran


def _ensure_table(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at REAL NOT NULL)")
