"""Saving a reply while it streams, so a crash loses at most one interval of it."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from core.store.errors import StoreError
from core.store.repository import Store
from core.store.worker import StoreWorker

if TYPE_CHECKING:
    from core.api.reply import ReplyRun  # the client's side (httpx): only a running reply has one

log = logging.getLogger(__name__)


async def save_while_streaming(store: StoreWorker, run: ReplyRun, reply_id: int, interval: float) -> None:
    """Keep the saved reply at most `interval` seconds behind what arrived; runs until cancelled.

    The reply is written every half interval in which new bytes arrived: waiting a whole interval between
    saves would let the time a save takes (and a busy event loop) push the loss past the interval.

    A save the database refuses (disk full) is tried again at the next step: space may be freed meanwhile,
    and the reply's end reports the failure to the user."""
    saved_bytes = 0
    while True:
        await asyncio.sleep(interval / 2)
        snapshot = run.stream.snapshot
        received = run.stream.metrics.bytes_received
        if snapshot is None or received == saved_bytes:
            continue
        content = snapshot.to_message().content
        try:
            await store.call(Store.update_reply, reply_id, content=content)
        except StoreError as error:
            log.warning("A part of reply %d was not saved: %s", reply_id, error)
            continue
        saved_bytes = received
