"""Secret env values and headers come from the keyring when a server starts, and go nowhere else: not into
statuses, the hub's config, an export. A missing one fails the server in plain words; an unusable keyring is
refused rather than worked around."""

from __future__ import annotations

import pytest
from keyring.backends.null import Keyring as NullKeyring

from core.model.tools import ServerConfig, ServerProblem, ServerState
from core.tools.config_formats import export_mcp_servers
from core.tools.hub import ToolHub
from core.tools.secrets import SERVICE, SecretsUnavailable, ToolSecrets
from tests.core.tools.servers import faulty, http_server
from tests.keyring_backends import DictKeyring

SECRET = "sk-test-7f3a9c"


def text(outcome) -> str:
    return "".join(block["text"] for block in outcome.content if block["type"] == "text")


async def test_a_secret_env_value_is_read_from_the_keyring_when_the_server_starts():
    backend = DictKeyring()
    secrets = ToolSecrets(backend)
    secrets.write("vault", "API_TOKEN", SECRET)
    config = faulty("vault", env={"API_TOKEN": "", "PLAIN": "visible"}, secret_names=frozenset({"API_TOKEN"}))
    hub = ToolHub(secrets=secrets)
    try:
        await hub.configure([config])
        assert hub.statuses()[0].state is ServerState.READY
        env = hub.find("env")
        assert env is not None
        assert text(await hub.call(env, {"name": "API_TOKEN"})) == SECRET
        assert text(await hub.call(env, {"name": "PLAIN"})) == "visible"
        # Nowhere else: not in what the hub hands out, not in an export.
        assert SECRET not in repr(hub.statuses()) + repr(hub.config("vault")) + repr(hub.tools())
        assert SECRET not in export_mcp_servers([config])
    finally:
        await hub.close()
    assert backend.entries == {(SERVICE, "vault\x1fAPI_TOKEN"): SECRET}


async def test_a_secret_header_from_the_keyring_gets_past_401():
    secrets = ToolSecrets(DictKeyring())
    secrets.write("web", "Authorization", "Bearer s3cret")
    hub = ToolHub(secrets=secrets, start_timeout=20)
    try:
        async with http_server("--token", "s3cret") as (port, _):
            await hub.configure(
                [
                    ServerConfig(
                        name="web",
                        transport="http",
                        url=f"http://127.0.0.1:{port}/mcp",
                        headers={"Authorization": ""},
                        secret_names=frozenset({"Authorization"}),
                    )
                ]
            )
            assert hub.statuses()[0].state is ServerState.READY
    finally:
        await hub.close()


async def test_a_secret_missing_from_the_keyring_fails_the_server_without_starting_it(tmp_path):
    pid_file = tmp_path / "pid"
    hub = ToolHub(secrets=ToolSecrets(DictKeyring()))
    try:
        await hub.configure(
            [
                faulty(
                    "vault",
                    "--pid-file",
                    str(pid_file),
                    env={"API_TOKEN": ""},
                    secret_names=frozenset({"API_TOKEN"}),
                )
            ]
        )
        [status] = hub.statuses()
        assert (status.state, status.problem, status.detail) == (
            ServerState.FAILED,
            ServerProblem.SECRET_MISSING,
            "API_TOKEN",
        )
        assert not pid_file.exists()
    finally:
        await hub.close()


def test_an_unusable_keyring_is_refused_not_worked_around():
    secrets = ToolSecrets(NullKeyring())
    with pytest.raises(SecretsUnavailable):
        secrets.write("s", "KEY", "value")
    with pytest.raises(SecretsUnavailable):
        secrets.read("s", "KEY")


def test_secrets_are_kept_per_server_and_name_and_forgotten():
    backend = DictKeyring()
    secrets = ToolSecrets(backend)
    secrets.write("a", "KEY", "1")
    secrets.write("b", "KEY", "2")
    assert (secrets.read("a", "KEY"), secrets.read("b", "KEY"), secrets.read("a", "OTHER")) == (
        "1",
        "2",
        None,
    )
    secrets.delete("a", "KEY")
    secrets.delete("a", "KEY")  # forgetting what is gone is fine
    assert (secrets.read("a", "KEY"), secrets.read("b", "KEY")) == (None, "2")
