"""ToolHub over stdio against the faulty test server: start, list, call (text, structured, images, progress),
the faults (command not found, exit at start, tool errors, invalid arguments, malformed results, timeouts, a
crash mid-call, a 100 MB result), cancellation reaching the server, and no child process left behind."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import replace

import pytest

from core.model.tools import RunProblem, ServerConfig, ServerProblem, ServerState, ServerStatus, ToolProgress
from core.tools.hub import ToolHub
from core.tools.results import MAX_RESULT_CHARS
from tests.core.tools.servers import alive, child_pids, faulty, read_pids, text, wait_for_answer
from tests.waiting import wait_until


@pytest.fixture
async def hub():
    seen: list[ServerStatus] = []
    hub = ToolHub(on_status=seen.append)
    hub.seen = seen  # type: ignore[attr-defined]
    yield hub
    await hub.close()


async def test_a_server_starts_lists_its_tools_and_answers_calls(hub):
    await hub.configure([faulty()])

    [status] = hub.statuses()
    assert status.state is ServerState.READY
    assert status.tool_count == len(hub.tools()) >= 10
    add = hub.find("add")
    assert add is not None and add.server == "faulty" and add.input_schema["required"] == ["a", "b"]
    outcome = await hub.call(add, {"a": 2, "b": 3})
    assert (text(outcome), outcome.is_error, outcome.problem) == ("5", False, None)
    assert outcome.structured == {"result": 5}


async def test_statuses_are_reported_on_the_callers_loop_in_order(hub):
    loop_thread = []

    def seen(status: ServerStatus) -> None:
        loop_thread.append(asyncio.get_running_loop())
        hub.seen.append(status)

    hub._on_status = seen
    await hub.configure([faulty()])
    await wait_until(lambda: any(s.state is ServerState.READY for s in hub.seen), what="READY reported")
    assert [s.state for s in hub.seen] == [ServerState.STARTING, ServerState.READY]
    assert set(loop_thread) == {asyncio.get_running_loop()}


async def test_annotations_images_structured_content_and_progress(hub):
    await hub.configure([faulty()])
    assert hub.find("peek").annotations.read_only is True
    assert hub.find("delete_everything").annotations.destructive is True
    assert hub.find("echo").annotations.read_only is None

    image = await hub.call(hub.find("image"), {})
    assert image.content[0]["type"] == "image"
    assert image.content[0]["source"]["media_type"] == "image/png"

    structured = await hub.call(hub.find("structured"), {"city": "Bergen"})
    assert structured.structured == {"city": "Bergen", "celsius": 4.5}

    progress: list[ToolProgress] = []
    done = await hub.call(hub.find("slow"), {"steps": 3}, on_progress=progress.append)
    assert text(done) == "done in 3 steps"
    await wait_until(lambda: len(progress) == 3, what="three progress reports")
    assert [(p.progress, p.total, p.message) for p in progress] == [
        (1, 3, "step 1 of 3"),
        (2, 3, "step 2 of 3"),
        (3, 3, "step 3 of 3"),
    ]


async def test_a_tool_error_and_arguments_failing_the_schema_come_back_as_error_outcomes(hub):
    await hub.configure([faulty()])

    failed = await hub.call(hub.find("error"), {})
    assert failed.is_error and failed.problem is RunProblem.TOOL_ERROR
    assert "failed on purpose" in text(failed)

    invalid = await hub.call(hub.find("add"), {"a": "two"})
    assert invalid.is_error and invalid.problem is RunProblem.INVALID_ARGUMENTS
    assert "is not of type 'integer'" in text(invalid) or "required" in text(invalid)


async def test_an_invalid_input_schema_is_listed_with_its_problem_and_never_called(hub):
    await hub.configure([faulty()])
    bad = hub.find("bad_schema")
    assert bad is not None and "no-such-type" in (bad.schema_problem or "")
    assert all(spec.schema_problem is None for spec in hub.tools() if spec.name != "bad_schema")
    outcome = await hub.call(bad, {"x": 1})
    assert outcome.problem is RunProblem.INVALID_ARGUMENTS


async def test_a_malformed_result_is_an_error_outcome_and_the_server_keeps_working(hub):
    await hub.configure([faulty()])
    outcome = await hub.call(hub.find("malformed"), {})
    assert outcome.is_error and outcome.problem is RunProblem.MALFORMED_RESULT
    assert text(await hub.call(hub.find("echo"), {"text": "still here"})) == "still here"


async def test_a_hanging_tool_times_out_per_the_servers_call_timeout(hub):
    await hub.configure([faulty(call_timeout=0.5)])
    outcome = await hub.call(hub.find("hang"), {})
    assert outcome.problem is RunProblem.TIMED_OUT and "0.5 seconds" in text(outcome)
    # The server was told: its hang call was cancelled, and it still answers.
    await _wait_cancellations(hub, 1)


async def test_cancelling_a_call_sends_mcp_cancellation_and_reraises(hub):
    await hub.configure([faulty()])
    call = asyncio.ensure_future(hub.call(hub.find("hang"), {}))
    await _wait_hanging(hub, 1)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    await _wait_cancellations(hub, 1)


async def test_a_crash_mid_call_fails_the_call_and_the_server_with_its_last_words(hub):
    await hub.configure([faulty()])
    outcome = await hub.call(hub.find("crash"), {})
    assert outcome.problem is RunProblem.SERVER_CRASHED
    assert "crashing on purpose" in text(outcome)
    await wait_until(lambda: hub.statuses()[0].state is ServerState.FAILED, what="server failed")
    status = hub.statuses()[0]
    assert status.problem is ServerProblem.CRASHED
    assert "faulty: crashing on purpose" in status.stderr_tail
    assert hub.tools() == []
    # A call after the crash is answered at once, not left waiting.
    later = await hub.call(hub.find("echo") or _echo_spec(), {"text": "x"})
    assert later.problem is RunProblem.SERVER_UNAVAILABLE
    # Restart brings it back.
    await hub.restart("faulty")
    assert hub.statuses()[0].state is ServerState.READY
    assert text(await hub.call(hub.find("echo"), {"text": "back"})) == "back"


def _echo_spec():
    from core.model.tools import ToolSpec

    return ToolSpec(server="faulty", name="echo", exposed_name="echo")


async def test_a_100_mb_result_is_cut_with_a_note(hub):
    await hub.configure([faulty(call_timeout=120)])
    outcome = await hub.call(hub.find("huge"), {"megabytes": 100})
    assert outcome.truncated_from == 100 * 1024 * 1024
    assert len(outcome.content[0]["text"]) == MAX_RESULT_CHARS
    assert "104,857,600 characters" in outcome.content[-1]["text"]
    assert text(await hub.call(hub.find("echo"), {"text": "after"})) == "after"


async def test_a_command_not_found_and_a_server_exiting_at_start_fail_in_plain_words(hub):
    await hub.configure(
        [
            ServerConfig(name="missing", command="no-such-mcp-server-command"),
            faulty("exits", "--exit-at-start"),
            faulty("works"),
        ]
    )
    missing, exits, works = hub.statuses()
    assert missing.state is ServerState.FAILED and missing.problem is ServerProblem.COMMAND_NOT_FOUND
    assert "no-such-mcp-server-command" in missing.detail
    assert exits.state is ServerState.FAILED and exits.problem is ServerProblem.EXITED_AT_START
    assert exits.stderr_tail == ("faulty: exiting at start as asked",)
    assert works.state is ServerState.READY
    assert {spec.server for spec in hub.tools()} == {"works"}


async def test_a_server_that_never_answers_the_handshake_fails_after_the_start_timeout():
    hub = ToolHub(start_timeout=1.0)
    try:
        await hub.configure([faulty("silent", "--hang-at-start")])
        [status] = hub.statuses()
        assert status.state is ServerState.FAILED and status.problem is ServerProblem.START_TIMED_OUT
    finally:
        await hub.close()


async def test_duplicate_tool_names_are_prefixed_with_the_server(hub):
    await hub.configure([faulty("one"), faulty("two")])
    names = {spec.exposed_name for spec in hub.tools()}
    assert {"one__echo", "two__echo"} <= names and "echo" not in names
    assert hub.find("two__echo").server == "two"
    assert [spec.server for spec in hub.tools(["one"])] == ["one"] * len(hub.tools(["one"]))
    assert hub.find("two__echo", servers=["one"]) is None
    outcome = await hub.call(hub.find("two__echo"), {"text": "hi"})
    assert text(outcome) == "hi"


async def test_configure_starts_changed_servers_stops_removed_and_disabled_ones(hub, tmp_path):
    first = tmp_path / "first.pid"
    second = tmp_path / "second.pid"
    await hub.configure([faulty("a", "--pid-file", str(first)), faulty("b", "--pid-file", str(second))])
    [a_pid] = read_pids(first)
    [b_pid] = read_pids(second)

    # Unchanged "a" keeps its process; disabled "b" is stopped.
    await hub.configure([faulty("a", "--pid-file", str(first)), replace(faulty("b"), enabled=False)])
    assert read_pids(first) == [a_pid] and alive(a_pid)
    await wait_until(lambda: not alive(b_pid), what="b stopped")
    assert [s.state for s in hub.statuses()] == [ServerState.READY, ServerState.DISABLED]
    assert {spec.server for spec in hub.tools()} == {"a"}

    # A changed "a" restarts with a new process; removed, it stops.
    await hub.configure([faulty("a", "--pid-file", str(first), call_timeout=5)])
    [a_new] = read_pids(first)
    assert a_new != a_pid and not alive(a_pid)
    await hub.configure([])
    assert hub.statuses() == [] and hub.tools() == []
    await wait_until(lambda: not alive(a_new), what="a stopped")


async def test_close_leaves_no_child_process_not_even_a_grandchild(tmp_path):
    before = child_pids()
    hub = ToolHub()
    pid_file = tmp_path / "pids"
    await hub.configure([faulty("parent", "--pid-file", str(pid_file), "--spawn-child")])
    server, grandchild = read_pids(pid_file)
    assert alive(server) and alive(grandchild)
    assert server in child_pids()
    hang = hub.find("hang")
    assert hang is not None
    call = asyncio.ensure_future(hub.call(hang, {}))
    await _wait_hanging(hub, 1)
    await hub.close()
    outcome = await asyncio.wait_for(call, 5)  # the call ended with the server
    assert outcome.problem is RunProblem.SERVER_CRASHED
    assert not alive(server) and not alive(grandchild)
    assert child_pids() <= before


async def test_importing_the_hub_does_not_import_the_sdk():
    code = "import sys, core.tools.hub; print(sorted({m.partition('.')[0] for m in sys.modules} & {'mcp'}))"
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", code, stdout=asyncio.subprocess.PIPE)
    out, _ = await process.communicate()
    assert out.decode().strip() == "[]"


async def _wait_hanging(hub: ToolHub, count: int) -> None:
    await wait_for_answer(hub, "hanging", str(count))


async def _wait_cancellations(hub: ToolHub, count: int) -> None:
    await wait_for_answer(hub, "cancellations", str(count))


async def test_removing_a_server_still_starting_is_not_held_up_by_its_start(tmp_path):
    hub = ToolHub(start_timeout=120)
    try:
        starting = asyncio.ensure_future(hub.configure([faulty("silent", "--hang-at-start")]))
        await wait_until(lambda: [s.state for s in hub.statuses()] == [ServerState.STARTING], what="starting")
        await asyncio.wait_for(hub.configure([faulty("quick")]), timeout=60)
        assert [(s.name, s.state) for s in hub.statuses()] == [("quick", ServerState.READY)]
        await asyncio.wait_for(starting, timeout=10)  # the first configure ends too, its server gone
    finally:
        await hub.close()


async def test_a_server_announcing_new_tools_has_them_listed_and_callable(hub):
    await hub.configure([faulty()])
    count = hub.statuses()[0].tool_count
    assert hub.find("sprout") is None
    await hub.call(hub.find("grow"), {"name": "sprout"})
    await wait_until(lambda: hub.find("sprout") is not None, what="the new tool listed")
    assert hub.statuses()[0].tool_count == count + 1
    assert text(await hub.call(hub.find("sprout"), {})) == "I am sprout"


async def test_the_working_directory_is_used_and_a_missing_one_is_a_config_problem(hub, tmp_path):
    await hub.configure([faulty("here", cwd=str(tmp_path)), faulty("nowhere", cwd=str(tmp_path / "gone"))])
    here, nowhere = hub.statuses()
    assert here.state is ServerState.READY
    assert text(await hub.call(hub.find("cwd"), {})) == str(tmp_path)
    assert nowhere.state is ServerState.FAILED and nowhere.problem is ServerProblem.INVALID_CONFIG
    assert str(tmp_path / "gone") in nowhere.detail
