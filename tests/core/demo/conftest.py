from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from core.demo import FakeServer
from tests.core.demo.helpers import API_KEY, HEADERS


@pytest.fixture
async def server() -> AsyncIterator[FakeServer]:
    async with FakeServer(api_key=API_KEY) as server:
        yield server


@pytest.fixture
async def client(server: FakeServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server.base_url, headers=HEADERS, timeout=5.0) as client:
        yield client
