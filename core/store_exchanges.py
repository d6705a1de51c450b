"""The recorded exchanges of the store: what was sent and received for each assistant reply.

Bodies are zlib-compressed (event streams and JSON shrink several times); headers are JSON. A reply has at
most one exchange (the last attempt); it goes when the reply is deleted.
"""

from __future__ import annotations

import json
import zlib

from core.exchange import Exchange
from core.store_db import StoreBase


class ExchangeMethods(StoreBase):
    """Part of `core.store.Store`."""

    def save_exchange(self, message_id: int, exchange: Exchange) -> None:
        """Record (or replace) the exchange of a reply."""
        self._require_message(message_id)
        self._db.execute(
            "INSERT OR REPLACE INTO exchanges (message_id, created_at, method, url, request_headers_json, "
            "request_body, request_kept, status, response_headers_json, response_body, response_bytes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                message_id,
                self._clock(),
                exchange.method,
                exchange.url,
                json.dumps(exchange.request_headers),
                zlib.compress(exchange.request_body),
                exchange.request_kept,
                exchange.status,
                json.dumps(exchange.response_headers),
                zlib.compress(exchange.response_body),
                exchange.response_bytes,
            ),
        )

    def get_exchange(self, message_id: int) -> Exchange | None:
        """The reply's recorded exchange; None for a reply recorded before exchanges were kept."""
        row = self._db.execute("SELECT * FROM exchanges WHERE message_id = ?", (message_id,)).fetchone()
        if row is None:
            return None
        return Exchange(
            method=row["method"],
            url=row["url"],
            request_headers=json.loads(row["request_headers_json"]),
            request_body=zlib.decompress(row["request_body"]),
            status=row["status"],
            response_headers=json.loads(row["response_headers_json"]),
            response_body=zlib.decompress(row["response_body"]),
            response_bytes=row["response_bytes"],
            request_kept=bool(row["request_kept"]),
        )

    def _require_message(self, message_id: int) -> None:
        if self._db.execute("SELECT 1 FROM messages WHERE id = ?", (message_id,)).fetchone() is None:
            raise self._no_message(message_id)
