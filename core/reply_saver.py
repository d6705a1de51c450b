"""Saving a reply while it streams, so a crash loses at most one interval of it."""

from __future__ import annotations

import asyncio

from core.reply import ReplyRun
from core.store import Store
from core.store_worker import StoreWorker


async def save_while_streaming(store: StoreWorker, run: ReplyRun, reply_id: int, interval: float) -> None:
    """Every `interval` seconds in which new bytes arrived, write the reply so far; runs until cancelled."""
    saved_bytes = 0
    while True:
        await asyncio.sleep(interval)
        snapshot = run.stream.snapshot
        received = run.stream.metrics.bytes_received
        if snapshot is None or received == saved_bytes:
            continue
        saved_bytes = received
        content = snapshot.to_message().content
        await store.call(Store.update_reply, reply_id, content=content)
