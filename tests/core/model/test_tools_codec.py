"""Server configs and tool runs as the store and the Triptych export keep them."""

import json

from core.model import tools_codec
from core.model.tools import (
    RunProblem,
    RunStatus,
    ServerConfig,
    ToolOutcome,
    ToolProgress,
    ToolRun,
)


def test_a_server_config_round_trips_without_its_secret_values() -> None:
    config = ServerConfig(
        name="github",
        transport="http",
        url="https://mcp.example/mcp",
        headers={"Authorization": "Bearer ghp_secret", "X-Team": "docs"},
        env={"TOKEN": "tok_secret", "MODE": "ro"},
        secret_names=frozenset({"Authorization", "TOKEN"}),
        trusted=True,
        call_timeout=12.5,
        args=("--verbose",),
        cwd="/tmp",
        enabled=False,
    )
    stored = json.dumps(tools_codec.server_to_dict(config))
    assert "ghp_secret" not in stored and "tok_secret" not in stored
    back = tools_codec.server_from_dict(json.loads(stored))
    assert back.headers == {"Authorization": "", "X-Team": "docs"}
    assert back.env == {"TOKEN": "", "MODE": "ro"}
    from dataclasses import replace

    assert back == replace(config, headers=back.headers, env=back.env)


def test_a_damaged_server_config_reads_with_defaults() -> None:
    back = tools_codec.server_from_dict({"name": "x", "transport": "carrier pigeon", "call_timeout": -1})
    assert (back.transport, back.call_timeout, back.enabled, back.trusted) == ("stdio", 60.0, True, False)


def test_a_run_keeps_everything_but_the_results_content() -> None:
    run = ToolRun(
        tool_use_id="toolu_1",
        tool="get_current_time",
        server="time",
        arguments={"timezone": "Asia/Shanghai"},
        status=RunStatus.FAILED,
        started_at=1000.0,
        duration=0.25,
        progress=ToolProgress(3, 10, "three of ten"),
        outcome=ToolOutcome(
            content=({"type": "text", "text": "a long result"},),
            is_error=True,
            structured={"hour": 9},
            truncated_from=123456,
            problem=RunProblem.TIMED_OUT,
            detail="after 60 s",
        ),
    )
    stored = json.dumps(tools_codec.run_to_dict(run))
    assert "a long result" not in stored
    back = tools_codec.run_from_dict(json.loads(stored))
    assert back.outcome is not None and back.outcome.content == ()
    from dataclasses import replace

    assert back == replace(run, outcome=replace(run.outcome, content=()))  # type: ignore[arg-type]
