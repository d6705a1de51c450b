"""Search benchmark: full-text search over 10,000 conversations (200,000 messages), and opening the largest.

    python bench/search.py [--conversations 10000] [--messages 200000] [--runs 20] [--keep]

Builds a database of mixed English and Chinese conversations (replies with thinking, a few images, several
models, providers and months) through the app's own schema, so the triggers index every message as the
rows go in. Then, for each query, the median and p95 latency of `Store.search` (50 results, as the search
dialog asks) against a baseline measured in the same run: the same page of results by a plain
`content_json LIKE '%query%'` scan of the messages, without the index. Last, the time to open the largest
conversation: loading its path from a fresh connection, and the first paint of the real transcript widget
(offscreen). `--keep` keeps the built database in the temp folder and reuses it next time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")  # offscreen cannot resize to size hints: noise
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.store.repository import Store
from core.store.search_query import SearchFilters, SearchQuery

DAY = 86_400.0
START = 1_700_000_000.0
MODELS = ["claude-opus-4-6", "claude-sonnet-4-6", "claude-haiku-4-5", "deepseek-chat"]
PROFILES = ["Anthropic", "Relay", "Work"]
RARE_WORD, RARE_CHINESE = "platypus", "鸭嘴"
"""Each in about 20 messages."""
ENGLISH_TEXT = (
    "the of and to a in is that for it as with was on be by this are or from at which but not have an they "
    "you were their one all we can has there been if more when will would who so no model data function "
    "return value error test request response server client token stream reply thinking answer question "
    "python rust query index table column search result example explain because should could every "
    "memory cache latency network message conversation history export import branch version code file "
    "window button list string number integer array object class method type option setting default"
)
CHINESE_TEXT = (
    "我们 可以 模型 数据 问题 这个 一个 没有 因为 所以 如果 但是 需要 使用 方法 函数 结果 系统 用户 服务器 "
    "请求 响应 错误 测试 代码 文件 窗口 按钮 列表 字符串 数字 对象 类型 选项 设置 默认 历史 导出 导入 分支 "
    "版本 机器学习 注意力机制 大语言模型 推理 能力 评估 翻译 天气 北京 上海 今天 明天 解释 原理 例子 性能"
)
PNG_1PX = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


@dataclass
class Query:
    label: str
    query: SearchQuery
    baseline_needle: str
    baseline_filter: str = ""
    """Extra SQL on `m` and `c` for the baseline, matching the query's filters."""


def sentence_pool(rng: random.Random, count: int) -> list[str]:
    english, chinese = ENGLISH_TEXT.split(), CHINESE_TEXT.split()
    pool = []
    for n in range(count):
        if n % 5 < 3:
            words = rng.choices(english, k=rng.randint(6, 18))
            pool.append(" ".join(words).capitalize() + rng.choice([".", "?", "!", "."]))
        else:
            pool.append("".join(rng.choices(chinese, k=rng.randint(4, 12))) + rng.choice(["。", "？", "！"]))
    return pool


def conversation_sizes(rng: random.Random, conversations: int, messages: int) -> list[int]:
    """Even sizes (a user turn and a reply) summing to `messages`; the first is the largest, 1,000."""
    largest = min(1000, messages // 2 // 2 * 2)
    rest = messages - largest
    weights = [rng.paretovariate(1.5) for _ in range(conversations - 1)]
    total = sum(weights)
    sizes = [max(2, int(rest * w / total) // 2 * 2) for w in weights]
    sizes = [min(size, largest - 2) for size in sizes]
    shortfall = rest - sum(sizes)
    index = 0
    while shortfall != 0:
        step = 2 if shortfall > 0 else -2
        if sizes[index] + step >= 2 and sizes[index] + step < largest:
            sizes[index] += step
            shortfall -= step
        index = (index + 1) % len(sizes)
    return [largest, *sizes]


def build(path: Path, conversations: int, messages: int) -> float:
    """The database at `path`, built through the app's schema (and so its triggers); returns seconds."""
    started = time.perf_counter()
    Store.open(path).close()
    rng = random.Random(20261123)
    pool = sentence_pool(rng, 6000)
    sizes = conversation_sizes(rng, conversations, messages)
    rare_every = max(1, messages // 20)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = OFF")  # a scratch file: a crash while building loses nothing
    db.execute("BEGIN")
    conversation_rows, message_rows, leaves = [], [], []
    message_id = 0
    clock = START
    for conversation_id, size in enumerate(sizes, start=1):
        model, profile = MODELS[conversation_id % len(MODELS)], PROFILES[conversation_id % len(PROFILES)]
        title = " ".join(pool[rng.randrange(len(pool))].split()[:6])[:60]
        settings = json.dumps({"model": model, "max_tokens": 4096}, separators=(",", ":"))
        conversation_rows.append((conversation_id, title, clock, clock, profile, settings))
        parent = None
        for turn in range(size):
            message_id += 1
            user = turn % 2 == 0
            text = " ".join(rng.choices(pool, k=rng.randint(1, 4) if user else rng.randint(4, 14)))
            if message_id % rare_every == 0:
                text += f" A {RARE_WORD} here."
            if message_id % rare_every == rare_every // 2:
                text += f"关于{RARE_CHINESE}兽的问题。"
            content: list[dict[str, object]] = []
            if not user and rng.random() < 0.3:
                content.append(
                    {"type": "thinking", "thinking": " ".join(rng.choices(pool, k=3)), "signature": "s"}
                )
            content.append({"type": "text", "text": text})
            if user and rng.random() < 0.02:
                image = {"type": "base64", "media_type": "image/png", "data": PNG_1PX}
                content.append({"type": "image", "source": image})
            message_rows.append(
                (
                    message_id,
                    conversation_id,
                    parent,
                    "user" if user else "assistant",
                    clock,
                    None if user else model,
                    json.dumps(content, ensure_ascii=False, separators=(",", ":")),
                )
            )
            parent = message_id
            clock += 90 * DAY / messages  # the whole history spans about three months
        leaves.append((parent, conversation_id))
    db.executemany(
        "INSERT INTO conversations (id, title, title_is_auto, created_at, updated_at, profile_name, "
        "settings_json) VALUES (?, ?, 0, ?, ?, ?, ?)",
        conversation_rows,
    )
    db.executemany(
        "INSERT INTO messages (id, conversation_id, parent_id, role, created_at, model, content_json) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        message_rows,
    )
    db.executemany("UPDATE conversations SET current_leaf_id = ? WHERE id = ?", leaves)
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.perf_counter() - started


def queries() -> list[Query]:
    month = SearchFilters(model="claude-opus-4-6", since=START + 30 * DAY, until=START + 60 * DAY)
    month_sql = (
        f"AND coalesce(m.model, json_extract(c.settings_json, '$.model')) = 'claude-opus-4-6' "
        f"AND m.created_at >= {START + 30 * DAY} AND m.created_at < {START + 60 * DAY}"
    )
    return [
        Query("common word (model)", SearchQuery("model"), "model"),
        Query(f"rare word ({RARE_WORD})", SearchQuery(RARE_WORD), RARE_WORD),
        Query("2-char Chinese, common (模型)", SearchQuery("模型"), "模型"),
        Query(f"2-char Chinese, rare ({RARE_CHINESE})", SearchQuery(RARE_CHINESE), RARE_CHINESE),
        Query("1-char Chinese (型)", SearchQuery("型"), "型"),
        Query("2-letter English (th)", SearchQuery("th"), "th"),
        Query("4-char Chinese (注意力机)", SearchQuery("注意力机"), "注意力机"),
        Query(
            "phrase + thinking (latency network)",
            SearchQuery("latency network", include_thinking=True),
            "latency network",
        ),
        Query("rare word + model + month", SearchQuery("platypus", filters=month), "platypus", month_sql),
        Query("common word + model + month", SearchQuery("function", filters=month), "function", month_sql),
        Query(
            "with attachments (cache)",
            SearchQuery("cache", filters=SearchFilters(has_attachments=True)),
            "cache",
            "AND c.id IN (SELECT conversation_id FROM messages WHERE content_json LIKE '%\"image\"%')",
        ),
    ]


def timed(function: Callable[[], object], runs: int) -> tuple[list[float], object]:
    result = function()  # warm-up, and the result to report
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]


def open_largest(path: Path) -> tuple[float, float, float, int]:
    """(path load ms, first paint ms, all turns shown ms, messages) for the largest conversation."""
    from PySide6.QtWidgets import QApplication

    from gui.error_messages import describe
    from gui.transcript.view import TranscriptView

    app = QApplication.instance() or QApplication([])
    view = TranscriptView(error_text=describe)
    view.resize(900, 1000)
    view.show()
    app.processEvents()
    store = Store.open(path)
    conversation_id = store._db.execute(
        "SELECT conversation_id FROM messages GROUP BY conversation_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    chosen = time.perf_counter()
    messages = store.current_path(conversation_id)
    loaded = time.perf_counter()
    view.show_messages(messages)
    view.browser.viewport().repaint()
    painted = time.perf_counter()
    while view.loading:
        app.processEvents()
    done = time.perf_counter()
    store.close()
    view.close()
    return (loaded - chosen) * 1000, (painted - loaded) * 1000, (done - loaded) * 1000, len(messages)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query (after one warm-up)")
    parser.add_argument("--keep", action="store_true", help="keep the database in the temp folder, reuse it")
    args = parser.parse_args()

    name = f"triptych-bench-search-{args.conversations}-{args.messages}.sqlite3"
    scratch = None
    if args.keep:
        path = Path(tempfile.gettempdir()) / name
    else:
        scratch = tempfile.TemporaryDirectory()
        path = Path(scratch.name) / name
    if path.exists():
        print(f"Reusing {path}")
    else:
        seconds = build(path, args.conversations, args.messages)
        print(
            f"Built {args.conversations} conversations, {args.messages} messages in {seconds:.1f} s: {path}"
        )
    plain = sqlite3.connect(path)
    sizes = (
        dict(plain.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
        if _has_dbstat(plain)
        else {}
    )
    total = path.stat().st_size / 1e6
    index = sum(v for k, v in sizes.items() if k.startswith("search_")) / 1e6
    print(f"Database {total:.0f} MB" + (f", of which the search index {index:.0f} MB" if sizes else ""))
    print()

    store = Store.open(path)
    print(
        "| query | hits | search median / p95 (ms) | LIKE scan median / p95 (ms) | LIKE / search (median) |"
    )
    print("|---|---|---|---|---|")
    worst, worst_baseline = 0.0, 0.0
    for item in queries():
        times, hits = timed(lambda query=item.query: store.search(query), args.runs)
        like = item.baseline_needle.replace("%", "").replace("_", "")
        sql = (
            # CROSS JOIN: newest first with no sort, so the baseline also stops after a page of hits.
            "SELECT m.id FROM messages m CROSS JOIN conversations c ON c.id = m.conversation_id "
            f"WHERE c.deleted_at IS NULL AND m.content_json LIKE ? {item.baseline_filter} "
            "ORDER BY m.id DESC LIMIT ?"
        )
        scan = (f"%{like}%", item.query.limit)
        baseline, _ = timed(lambda sql=sql, scan=scan: plain.execute(sql, scan).fetchall(), args.runs)
        found = len(hits) if isinstance(hits, list) else 0
        worst, worst_baseline = max(worst, p95(times)), max(worst_baseline, p95(baseline))
        print(
            f"| {item.label} | {found} | {statistics.median(times):.1f} / {p95(times):.1f} | "
            f"{statistics.median(baseline):.1f} / {p95(baseline):.1f} | "
            f"{_ratio(statistics.median(baseline) / max(statistics.median(times), 1e-3))} |"
        )
    print(
        f"\nWorst p95 of all queries: search {worst:.0f} ms, LIKE scan {worst_baseline:.0f} ms "
        f"({worst_baseline / worst:.1f}×)"
    )
    choices, _ = timed(store.search_choices, max(3, args.runs // 4))
    print(f"Filter choices (models, providers) for the dialog: median {statistics.median(choices):.0f} ms")
    store.close()
    plain.close()

    load, paint, all_shown, count = open_largest(path)
    print(
        f"Largest conversation ({count} messages): path loaded in {load:.0f} ms, first paint after "
        f"{paint:.0f} ms more (open to paint {load + paint:.0f} ms); all turns shown after {all_shown:.0f} ms"
    )
    if scratch is not None:
        scratch.cleanup()


def _ratio(value: float) -> str:
    return f"{value:.0f}×" if value >= 10 else f"{value:.2g}×"


def _has_dbstat(db: sqlite3.Connection) -> bool:
    try:
        db.execute("SELECT 1 FROM dbstat LIMIT 1").fetchall()
    except sqlite3.Error:
        return False
    return True


if __name__ == "__main__":
    main()
