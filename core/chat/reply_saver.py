"""Saving a reply while it streams, so a crash loses at most one interval of it."""

from __future__ import annotations

import asyncio

from core.api.reply import ReplyRun
from core.store.repository import Store
from core.store.worker import StoreWorker


async def save_while_streaming(store: StoreWorker, run: ReplyRun, reply_id: int, interval: float) -> None:
    """Keep the saved reply at most `interval` seconds behind what arrived; runs until cancelled.

    The reply is written every half interval in which new bytes arrived: waiting a whole interval between
    saves would let the time a save takes (and a busy event loop) push the loss past the interval."""
    saved_bytes = 0
    while True:
        await asyncio.sleep(interval / 2)
        snapshot = run.stream.snapshot
        received = run.stream.metrics.bytes_received
        if snapshot is None or received == saved_bytes:
            continue
        saved_bytes = received
        content = snapshot.to_message().content
        await store.call(Store.update_reply, reply_id, content=content)
