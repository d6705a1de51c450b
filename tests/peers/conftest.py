"""Third-party fake servers from PyPI, each started once per session as a subprocess on 127.0.0.1.

- `llm_mock_api` runs `llm-mock-api` with the rules in `llm_mock_api_rules.json`: streamed text, thinking and
  tool calls on `/v1/messages` and `/v1/chat/completions`. Started with `-l 0` (its default is 200 ms per
  chunk) and `-c 10` (10 characters per text chunk, its default, pinned here).
- `llmock_peer` resets a `llmock serve` (settings in `llmock.yaml`) before each test and can queue one of the
  behaviours in `llmock_scenarios.json`: Anthropic-shaped 429s with retry-after, streams cut partway.

What each peer sends, and where it departs from the spec, is in README.md next to this file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx
import pytest

from tests.peers.servers import LlmockPeer, PeerServer, PeerStartError, start_llm_mock_api, start_llmock


@pytest.fixture(scope="session")
def llm_mock_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PeerServer]:
    """`llm-mock-api` on 127.0.0.1 for the session. Point a Profile at `.url` (either api_style)."""
    try:
        server = start_llm_mock_api(tmp_path_factory.mktemp("llm-mock-api"))
    except PeerStartError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def llmock_peer_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PeerServer]:
    """`llmock serve` on 127.0.0.1 for the session. (Not named `llmock_server`: llmock's own pytest plugin,
    loaded automatically, has fixtures `llmock` and `llmock_server` that run it in-process.)"""
    try:
        server = start_llmock(tmp_path_factory.mktemp("llmock"))
    except PeerStartError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def llmock_peer(llmock_peer_server: PeerServer) -> Iterator[LlmockPeer]:
    """The session's llmock, reset before and after the test: no queued behaviour or record leaks across."""
    if llmock_peer_server.process.poll() is not None:
        pytest.fail(f"llmock exited during the session.\n{llmock_peer_server.output_tail()}", pytrace=False)
    peer = LlmockPeer(llmock_peer_server)
    peer.reset()
    try:
        yield peer
    finally:
        with contextlib.suppress(httpx.HTTPError):
            peer.reset()
        peer.close()
