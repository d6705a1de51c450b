"""The recorded exchanges of the store: what was sent and received for each assistant reply.

Bodies are zlib-compressed (event streams and JSON shrink several times); headers are JSON. A request body is
kept as a template and its `messages` elements, each element once per database (`core.store.exchange_parts`).
A
reply has at most one exchange (the last attempt); it goes when the reply is deleted, and with it the elements
no other request uses (a trigger of the schema).
"""

from __future__ import annotations

import json
import sqlite3
import zlib

from core.store.db import StoreBase
from core.store.exchange_parts import BodyPart, join_body, split_body
from core.wire.exchange import Exchange


def sent_request_fields(db: sqlite3.Connection, message_id: int) -> bytes | None:
    """A reply's request body with each `messages` element as `null`: its settings, read without loading
    the conversation it carried (an export reads it for every reply). None when it was not recorded."""
    row = db.execute(
        "SELECT request_template FROM exchanges WHERE message_id = ? AND request_kept", (message_id,)
    ).fetchone()
    if row is None:
        return None
    rows = db.execute("SELECT at FROM exchange_part_uses WHERE message_id = ? ORDER BY seq", (message_id,))
    return join_body(zlib.decompress(row[0]), [BodyPart(at, b"null") for (at,) in rows])


class ExchangeMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    def save_exchange(self, message_id: int, exchange: Exchange) -> None:
        """Record (or replace) the exchange of a reply."""
        self._require_message(message_id)
        body = split_body(exchange.request_body)
        with self._transaction():
            # Deleted rather than replaced, so the old request's parts go through the cascade and trigger.
            self._db.execute("DELETE FROM exchanges WHERE message_id = ?", (message_id,))
            self._db.execute(
                "INSERT INTO exchanges (message_id, created_at, method, url, request_headers_json, "
                "request_template, request_kept, status, response_headers_json, response_body, "
                "response_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    message_id,
                    self._clock(),
                    exchange.method,
                    exchange.url,
                    json.dumps(exchange.request_headers),
                    zlib.compress(body.template),
                    exchange.request_kept,
                    exchange.status,
                    json.dumps(exchange.response_headers),
                    zlib.compress(exchange.response_body),
                    exchange.response_bytes,
                ),
            )
            for seq, part in enumerate(body.parts):
                self._save_part(message_id, seq, part)

    def _save_part(self, message_id: int, seq: int, part: BodyPart) -> None:
        digest = part.digest
        if self._db.execute("SELECT 1 FROM exchange_parts WHERE digest = ?", (digest,)).fetchone() is None:
            self._db.execute(
                "INSERT INTO exchange_parts (digest, body) VALUES (?, ?)", (digest, zlib.compress(part.data))
            )
        self._db.execute(
            "INSERT INTO exchange_part_uses (message_id, seq, at, digest) VALUES (?, ?, ?, ?)",
            (message_id, seq, part.at, digest),
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
            request_body=self._request_body(message_id, zlib.decompress(row["request_template"])),
            status=row["status"],
            response_headers=json.loads(row["response_headers_json"]),
            response_body=zlib.decompress(row["response_body"]),
            response_bytes=row["response_bytes"],
            request_kept=bool(row["request_kept"]),
        )

    def _request_body(self, message_id: int, template: bytes) -> bytes:
        rows = self._db.execute(
            "SELECT u.at, p.body FROM exchange_part_uses u JOIN exchange_parts p ON p.digest = u.digest "
            "WHERE u.message_id = ? ORDER BY u.seq",
            (message_id,),
        )
        return join_body(template, [BodyPart(at, zlib.decompress(data)) for at, data in rows])

    def _require_message(self, message_id: int) -> None:
        if self._db.execute("SELECT 1 FROM messages WHERE id = ?", (message_id,)).fetchone() is None:
            raise self._no_message(message_id)
