"""Spend over time: every stored reply's tokens and cost summed per local day, model, provider and source
(chat, compare, grid, and the LLM judge's requests).

What is counted: each assistant reply that has usage (complete, interrupted or failed part-way: the tokens
the API reported were billed). Compare columns' replies are messages too, marked "compare" through
`compare_replies`, with their column's provider. An evaluation grid's cells are not messages: each repeat
that got a reply counts on the day it finished, with its variant's model and provider (a retried cell
replaces its failed row and what it had counted). A reply copied into a new conversation (branching copies
the path, with its usage) is counted once: a copy keeps the original's time, model, request id and usage, so
those identify it. A conversation or grid run deleted for good takes its spend with it.

The provider of a chat reply is its conversation's profile now (messages do not record one); a compare
column's reply has its column's (the replies its tool loop adds below that first one are not marked: they
count as chat replies, through the conversation's provider). The cost is the one saved with each reply (the
prices of that moment); what caching saved is computed here at the model's prices now, the provider's price
overrides first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from core.model.catalog import price_for
from core.model.codec import profile_from_row
from core.model.pricing import ModelPrice
from core.model.spend import SpendFigures, SpendRow, SpendSource, caching_saved
from core.store.db import StoreBase

_USAGE = "coalesce(json_extract(m.usage_json, '$.{}'), 0)"

_REPLY_DAYS = f"""
    WITH originals AS (
        SELECT min(id) AS id FROM messages
        WHERE role = 'assistant' AND usage_json IS NOT NULL AND json_valid(usage_json)
          AND created_at >= :start AND created_at < :end
        GROUP BY created_at, coalesce(model, ''), coalesce(request_id, ''), usage_json
    )
    SELECT date(m.created_at, 'unixepoch', 'localtime') AS day,
           coalesce(m.model, '') AS model,
           coalesce(col.profile_name, c.profile_name) AS provider,
           CASE WHEN reply.run_id IS NULL THEN 'chat' ELSE 'compare' END AS source,
           count(*) AS replies,
           sum({_USAGE.format("input_tokens")}) AS input_tokens,
           sum({_USAGE.format("output_tokens")}) AS output_tokens,
           sum({_USAGE.format("cache_read_input_tokens")}) AS cache_read_tokens,
           sum({_USAGE.format("cache_creation_input_tokens")}) AS cache_write_tokens,
           sum({_USAGE.format("cache_creation.ephemeral_1h_input_tokens")}) AS cache_write_1h_tokens,
           total(m.cost_usd) AS cost_usd,
           sum(m.cost_usd IS NULL) AS unpriced_replies
    FROM originals
    JOIN messages AS m ON m.id = originals.id
    JOIN conversations AS c ON c.id = m.conversation_id
    LEFT JOIN compare_replies AS reply ON reply.message_id = m.id
    LEFT JOIN compare_columns AS col ON col.run_id = reply.run_id AND col.idx = reply.idx
    GROUP BY 1, 2, 3, 4
"""

_METRIC = "coalesce(json_extract(cell.metrics_json, '$.{}'), 0)"

# A grid cell's metrics hold the API's counts and the cost, not the 1-hour share of the cache writes (priced
# as 5-minute ones here) nor the model the API named (the variant's is used). Cells without counts (failed
# before a reply began) are not replies.
_GRID_DAYS = f"""
    SELECT date(cell.finished_at, 'unixepoch', 'localtime') AS day,
           coalesce(json_extract(variant.settings_json, '$.model'), '') AS model,
           variant.profile_name AS provider,
           'grid' AS source,
           count(*) AS replies,
           sum({_METRIC.format("input_tokens")}) AS input_tokens,
           sum({_METRIC.format("output_tokens")}) AS output_tokens,
           sum({_METRIC.format("cache_read_tokens")}) AS cache_read_tokens,
           sum({_METRIC.format("cache_write_tokens")}) AS cache_write_tokens,
           0 AS cache_write_1h_tokens,
           total(json_extract(cell.metrics_json, '$.cost_usd')) AS cost_usd,
           sum(json_extract(cell.metrics_json, '$.cost_usd') IS NULL) AS unpriced_replies
    FROM grid_cells AS cell
    JOIN grid_variants AS variant ON variant.run_id = cell.run_id AND variant.idx = cell.variant
    WHERE cell.metrics_json IS NOT NULL AND json_valid(cell.metrics_json)
      AND (json_extract(cell.metrics_json, '$.input_tokens') IS NOT NULL
           OR json_extract(cell.metrics_json, '$.output_tokens') IS NOT NULL)
      AND cell.finished_at >= :start AND cell.finished_at < :end
    GROUP BY 1, 2, 3, 4
"""


_SPEND = "json_extract(j.spend_json, '$.{}')"

# A judgement's spend: its requests' tokens (both orders, and an answer asked for again) with the judge's
# model and provider; judgements made before this was kept (no spend_json) are left out, as their model is
# unknown. A rubric score goes with its grid run; a pair judgement keeps its verdicts after its run is
# deleted, and so its spend.
_JUDGE_DAYS = f"""
    SELECT date(j.created_at, 'unixepoch', 'localtime') AS day,
           coalesce({_SPEND.format("model")}, '') AS model,
           {_SPEND.format("profile_name")} AS provider,
           'judge' AS source,
           count(*) AS replies,
           sum(coalesce({_SPEND.format("input_tokens")}, 0)) AS input_tokens,
           sum(coalesce({_SPEND.format("output_tokens")}, 0)) AS output_tokens,
           0 AS cache_read_tokens,
           0 AS cache_write_tokens,
           0 AS cache_write_1h_tokens,
           total(j.cost_usd) AS cost_usd,
           sum(j.cost_usd IS NULL) AS unpriced_replies
    FROM (
        SELECT spend_json, cost_usd, created_at FROM rubric_scores
        UNION ALL
        SELECT spend_json, cost_usd, created_at FROM pair_judgements
    ) AS j
    WHERE j.spend_json IS NOT NULL AND json_valid(j.spend_json)
      AND j.created_at >= :start AND j.created_at < :end
    GROUP BY 1, 2, 3, 4
"""

_NO_BOUND_BEFORE = -1e18
_NO_BOUND_AFTER = 1e18


class SpendMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def spend(self, first: dt.date | None = None, last: dt.date | None = None) -> list[SpendRow]:
        """Per local day from `first` to `last` (both included; None: no bound), model, provider and
        source: the replies' tokens, cost and what caching saved. Oldest day first."""
        start = _local_midnight(first) if first is not None else _NO_BOUND_BEFORE
        end = _local_midnight(last + dt.timedelta(days=1)) if last is not None else _NO_BOUND_AFTER
        prices = self._price_overrides()
        bounds = {"start": start, "end": end}
        rows = [
            *self._db.execute(_REPLY_DAYS, bounds),
            *self._db.execute(_GRID_DAYS, bounds),
            *self._db.execute(_JUDGE_DAYS, bounds),
        ]
        spent = [_row(row, prices) for row in rows]
        return sorted(spent, key=lambda r: (r.day, r.source, r.model, r.provider or ""))

    def _price_overrides(self) -> dict[str, dict[str, ModelPrice]]:
        """Each provider's own prices, by profile name."""
        profiles = (profile_from_row(row) for row in self._db.execute("SELECT * FROM profiles"))
        return {profile.name: profile.price_overrides for profile in profiles}


def _local_midnight(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time()).timestamp()


def _row(row: Any, overrides: dict[str, dict[str, ModelPrice]]) -> SpendRow:
    model: str = row["model"]
    provider: str | None = row["provider"]
    price = price_for(model, overrides.get(provider or "", {})) if model else None
    cache_write_1h = int(row["cache_write_1h_tokens"])
    cache_write = int(row["cache_write_tokens"])
    cache_read = int(row["cache_read_tokens"])
    saved = (
        0.0
        if price is None
        else caching_saved(price, cache_read, cache_write - cache_write_1h, cache_write_1h)
    )
    return SpendRow(
        day=dt.date.fromisoformat(row["day"]),
        model=model,
        provider=provider,
        source=SpendSource(row["source"]),
        figures=SpendFigures(
            replies=int(row["replies"]),
            input_tokens=int(row["input_tokens"]),
            output_tokens=int(row["output_tokens"]),
            cache_read_tokens=cache_read,
            cache_write_tokens=cache_write,
            cache_write_1h_tokens=cache_write_1h,
            cost_usd=float(row["cost_usd"]),
            saved_usd=saved,
            unpriced_replies=int(row["unpriced_replies"]),
        ),
    )
