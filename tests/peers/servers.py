"""Starting the third-party fake servers of tests/peers and talking to them; the fixtures are in conftest.py.

Plain Python with no pytest, so a script can start the peers exactly as the tests do
(`from tests.peers.servers import start_llmock`).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
LLM_MOCK_API_RULES = HERE / "llm_mock_api_rules.json"
LLMOCK_CONFIG = HERE / "llmock.yaml"
LLMOCK_SCENARIOS = HERE / "llmock_scenarios.json"

# The deviations recorded in README.md are those of these versions (pinned in pyproject.toml too).
PINNED_VERSIONS = {"llm-mock-api": "0.1.2", "llmock": "0.2.2"}

HOST = "127.0.0.1"
STARTUP_TIMEOUT = 20.0
STOP_TIMEOUT = 5.0
_PORT_ATTEMPTS = 3


class PeerStartError(RuntimeError):
    pass


@dataclass
class PeerServer:
    """One running peer: its process, where it listens, and where its output goes."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    log_dir: Path
    command: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def output_tail(self, limit: int = 4000) -> str:
        """The end of the server's stderr and stdout, for failure messages."""
        stdout_path, stderr_path = log_paths(self.log_dir, self.name)
        parts = []
        for label, path in (("stderr", stderr_path), ("stdout", stdout_path)):
            text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
            parts.append(f"--- {label} ({path}) ---\n{text[-limit:] or '(empty)'}")
        return "\n".join(parts)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it has not exited within STOP_TIMEOUT seconds."""
        if self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT)


def log_paths(log_dir: Path, name: str) -> tuple[Path, Path]:
    return log_dir / f"{name}.stdout.log", log_dir / f"{name}.stderr.log"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def check_pinned_version(distribution: str) -> None:
    try:
        installed = metadata.version(distribution)
    except metadata.PackageNotFoundError:
        raise PeerStartError(
            f"{distribution} is not installed; it is a test dependency: pip install -e '.[test]'"
        ) from None
    if installed != PINNED_VERSIONS[distribution]:
        raise PeerStartError(
            f"{distribution} {installed} is installed but tests/peers is written against "
            f"{PINNED_VERSIONS[distribution]} (its rules format and deviations are version-specific)."
        )


def peer_environment() -> dict[str, str]:
    """The server's environment: ours, without settings that would override the config files."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("LLMOCK_")}
    env["NO_COLOR"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _http_ready(url: str, probe: dict[str, Any] | None) -> bool:
    """True once the server answers the probe as expected (a GET, or a POST of `probe` to `url`)."""
    try:
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            response = client.get(url) if probe is None else client.post(url, json=probe)
    except httpx.HTTPError:
        return False
    return response.status_code == 200


def _wait_until_ready(server: PeerServer, url: str, probe: dict[str, Any] | None, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            return False
        if _http_ready(url, probe):
            return True
        time.sleep(0.05)
    return False


def start_peer(
    name: str,
    args_for_port: Callable[[int], list[str]],
    *,
    log_dir: Path,
    ready_path: str,
    ready_probe: dict[str, Any] | None = None,
    timeout: float = STARTUP_TIMEOUT,
) -> PeerServer:
    """Start `sys.executable -m ...` on a free port and wait until it answers HTTP on `ready_path`.

    `args_for_port(port)` gives the command's arguments. A port taken between choosing and binding it makes
    the server exit at once; then another port is tried.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    last_error = ""
    for _ in range(_PORT_ATTEMPTS):
        port = free_port()
        command = [sys.executable, *args_for_port(port)]
        stdout_path, stderr_path = log_paths(log_dir, name)
        with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=stdout,
                stderr=stderr,
                env=peer_environment(),
                cwd=log_dir,
            )
        server = PeerServer(name, process, port, log_dir, command)
        try:
            if _wait_until_ready(server, server.url + ready_path, ready_probe, timeout):
                return server
        except BaseException:  # interrupted while waiting: never leave the process behind
            server.stop()
            raise
        exited = server.process.poll() is not None
        server.stop()
        last_error = (
            f"{name} {'exited with code ' + str(server.process.returncode) if exited else 'did not answer'}"
            f" within {timeout:.0f} s of starting on {server.url}.\n"
            f"Command: {' '.join(command)}\n{server.output_tail()}"
        )
        output = server.output_tail().lower()
        if not (exited and ("address already in use" in output or "errno 98" in output)):
            break
    raise PeerStartError(last_error)


def start_llm_mock_api(log_dir: Path) -> PeerServer:
    check_pinned_version("llm-mock-api")

    def args(port: int) -> list[str]:
        options = {
            "--host": HOST,
            "--port": str(port),
            "--rules": str(LLM_MOCK_API_RULES),
            "--latency": "0",  # -l 0: its default waits 200 ms between chunks
            "--chunk-size": "10",  # -c 10: its default, pinned because the tests count chunks
            # It reads ./config.json when present; point it at a file that does not exist instead.
            "--config": str(log_dir / "no-config.json"),
            "--log-level": "error",
        }
        return ["-m", "llm_mock_api.cli", "start", *itertools.chain.from_iterable(options.items())]

    probe = {"model": "probe", "max_tokens": 1, "messages": [{"role": "user", "content": "probe"}]}
    return start_peer("llm-mock-api", args, log_dir=log_dir, ready_path="/v1/messages", ready_probe=probe)


def start_llmock(log_dir: Path) -> PeerServer:
    check_pinned_version("llmock")

    def args(port: int) -> list[str]:
        options = {
            # Everything but the address comes from the config file (LLMOCK_* variables are removed).
            "--config": str(LLMOCK_CONFIG),
            "--host": HOST,
            "--port": str(port),
            "--log-level": "warning",
        }
        return ["-m", "llmock.cli", "serve", *itertools.chain.from_iterable(options.items())]

    return start_peer("llmock", args, log_dir=log_dir, ready_path="/health")


# -- llm-mock-api -----------------------------------------------------------------------------------------


def llm_mock_api_rule(name: str) -> dict[str, Any]:
    """A rule of llm_mock_api_rules.json by its `name`: `when.system` is the system prompt that selects it,
    `reply` what comes back."""
    rules = json.loads(LLM_MOCK_API_RULES.read_text(encoding="utf-8"))["rules"]
    for rule in rules:
        if rule.get("name") == name:
            return rule
    raise KeyError(f"No rule named {name!r} in {LLM_MOCK_API_RULES.name}")


# -- llmock -----------------------------------------------------------------------------------------------


def llmock_scenario(name: str) -> list[dict[str, Any]]:
    scenarios = json.loads(LLMOCK_SCENARIOS.read_text(encoding="utf-8"))["scenarios"]
    if name not in scenarios:
        raise KeyError(f"No scenario {name!r} in {LLMOCK_SCENARIOS.name}; known: {', '.join(scenarios)}")
    return scenarios[name]["behaviors"]


class LlmockPeer:
    """A reset `llmock serve` for one test: queue scenarios, then read what it saw."""

    def __init__(self, server: PeerServer) -> None:
        self.server = server
        self._admin = httpx.Client(base_url=server.url, trust_env=False, timeout=10.0)

    @property
    def anthropic_base_url(self) -> str:
        """For `Profile(base_url=...)`: requests go to `<this>/v1/messages`."""
        return f"{self.server.url}/anthropic"

    @property
    def openai_base_url(self) -> str:
        """For `Profile(api_style="openai")`: requests go to `<this>/v1/chat/completions`."""
        return self.server.url

    def reset(self) -> None:
        self._admin.post("/_llmock/reset").raise_for_status()

    def script(self, scenario: str) -> LlmockPeer:
        """Queue the behaviours of a named scenario of llmock_scenarios.json."""
        self.queue(*llmock_scenario(scenario))
        return self

    def queue(self, *behaviors: dict[str, Any]) -> LlmockPeer:
        response = self._admin.post("/_llmock/scenario", json={"behaviors": list(behaviors)})
        if response.status_code != 201:
            raise AssertionError(f"llmock refused the scenario: {response.status_code} {response.text}")
        return self

    def pending(self) -> list[dict[str, Any]]:
        return self._admin.get("/_llmock/scenario").json()["pending"]

    def requests(self) -> list[dict[str, Any]]:
        """Every request since the reset, oldest first: path, status, started_at/ended_at (monotonic s),
        fault ("scenario:429", "stream:disconnect@5"...), retry_after, completed, chunks_sent, body."""
        return self._admin.get("/_llmock/requests").json()["requests"]

    def verdict(self) -> dict[str, Any]:
        """llmock's own judgement of the client's retries and stream handling."""
        return self._admin.get("/_llmock/verdict").json()

    def close(self) -> None:
        self._admin.close()
