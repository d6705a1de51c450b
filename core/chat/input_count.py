"""Counting the input of the next request before it is sent: the provider's `count_tokens` where it has
one, an estimate (`core.model.send_preview.estimate_tokens`) where it has not or does not answer."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from core.api.pool import ClientPool
from core.model.messages import ChatMessage
from core.model.request_settings import RequestSettings
from core.model.send_preview import SendPreview, TokenCount, estimate_tokens, send_preview
from core.wire.errors import ApiError, ApiStatusError

_NOT_OFFERED = frozenset({404, 405, 501})
"""A provider answering these to count_tokens has none (many relays): it is not asked again."""


class InputCounter:
    def __init__(
        self,
        clients: ClientPool,
        prepare: Callable[[RequestSettings], RequestSettings] | None = None,
    ) -> None:
        """`prepare` turns the conversation's settings into what is sent (ChatSession adds the MCP tools
        the conversation offers: their definitions are input tokens too)."""
        self._clients = clients
        self._prepare = prepare
        self._without_counting: set[tuple[str, str]] = set()
        """(profile name, base URL) of providers that have no count_tokens."""

    async def estimate(
        self, profile_name: str | None, messages: list[ChatMessage], settings: RequestSettings
    ) -> SendPreview:
        """At once, counted here, off the event loop's thread (a long conversation takes a while)."""
        settings = self._prepare(settings) if self._prepare is not None else settings
        tokens = await asyncio.to_thread(estimate_tokens, messages, settings)
        return self._preview(profile_name, TokenCount(tokens, exact=False), settings)

    async def count(
        self, profile_name: str | None, messages: list[ChatMessage], settings: RequestSettings
    ) -> SendPreview:
        """The provider's count if it gives one, else the estimate. Never raises an ApiError: a count that
        fails (no key, no network, a refusal) leaves the estimate."""
        sent = self._prepare(settings) if self._prepare is not None else settings
        counted = await self._provider_count(profile_name, messages, sent)
        if counted is None:
            return await self.estimate(profile_name, messages, settings)
        return self._preview(profile_name, TokenCount(counted, exact=True), settings)

    async def _provider_count(
        self, profile_name: str | None, messages: list[ChatMessage], settings: RequestSettings
    ) -> int | None:
        if not messages:
            return None
        try:
            client = await self._clients.client_for(profile_name)
        except ApiError:
            return None
        where = (client.profile.name, client.profile.base_url)
        if client.profile.api_style != "anthropic" or where in self._without_counting:
            return None
        try:
            return await client.count_tokens(messages, settings)
        except ApiStatusError as error:
            if error.status in _NOT_OFFERED:
                self._without_counting.add(where)
            return None
        except ApiError:
            return None

    def _preview(self, profile_name: str | None, count: TokenCount, settings: RequestSettings) -> SendPreview:
        return send_preview(count, settings.model, self._clients.price_overrides(profile_name))
