"""`python -m core.wire.replay`: a recorded stream in, the final message (or the broken line) out."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.wire.replay import detect_style, main
from tests.paths import REPO
from tests.sdk_reference import sdk_accumulate
from tests.sse_samples import SAMPLES, sample_bytes, sample_events

ROOT = REPO


def run(args: list[str], stdin: bytes = b"", capsys: pytest.CaptureFixture[str] | None = None):
    code = main(args, stdin=io.BytesIO(stdin))
    assert capsys is not None
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "name", ["docs-basic-text.sse", "docs-thinking-signature.sse", "docs-tool-use-input-json-delta.sse"]
)
def test_replaying_a_recorded_file_prints_the_message_the_sdk_would_build(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([str(SAMPLES / name)], capsys=capsys)
    assert code == 0, err
    message = json.loads(out)
    assert set(message) >= {"id", "type", "role", "model", "content", "stop_reason", "stop_sequence", "usage"}
    expected = sdk_accumulate(sample_events(name))
    assert message["content"] == expected["content"]
    assert message["stop_reason"] == expected["stop_reason"]


def test_the_repaired_web_search_sample_replays_from_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["-"], stdin=sample_bytes("docs-web-search-server-tool.sse"), capsys=capsys)
    assert code == 0
    types = [block["type"] for block in json.loads(out)["content"]]
    assert types == ["text", "server_tool_use", "web_search_tool_result", "text"]


def test_the_verbatim_web_search_sample_names_the_elided_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(SAMPLES / "docs-web-search-server-tool.sse")], capsys=capsys)
    assert code == 1
    assert out == ""
    assert "Line 51 of the stream: the data is not valid JSON" in err


def test_partial_prints_what_accumulated_before_the_break(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["--partial", str(SAMPLES / "docs-web-search-server-tool.sse")], capsys=capsys)
    assert code == 1 and "Line 51" in err
    partial = json.loads(out)
    assert partial["content"][0]["text"] == "I'll check the current weather in New York City for you."
    assert partial["content"][1]["input"] == {"query": "weather NYC today"}


def test_an_error_event_is_reported_as_such(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(SAMPLES / "docs-error-event-overloaded.sse")], capsys=capsys)
    assert code == 1
    assert "error event (overloaded_error): Overloaded" in err


def test_a_stream_cut_before_message_stop_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    stream = sample_bytes("docs-basic-text.sse")
    cut = stream[: stream.index(b"event: message_delta")]
    code, out, err = run(["--partial", "-"], stdin=cut, capsys=capsys)
    assert code == 1 and "before the reply was complete" in err
    assert json.loads(out)["content"][0]["text"] == "Hello!"


def test_openai_chunk_streams_are_detected_and_accumulated(capsys: pytest.CaptureFixture[str]) -> None:
    path = SAMPLES / "openai-chat-completion-chunks-with-usage.sse"
    assert detect_style(path.read_bytes()) == "openai"
    code, out, err = run([str(path)], capsys=capsys)
    assert code == 0, err
    message = json.loads(out)
    assert message["content"][0]["type"] == "text" and message["content"][0]["text"]
    assert message["usage"]["output_tokens"] > 0
    assert message["stop_reason"] == "end_turn"


def test_an_unreadable_file_is_a_clear_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run([str(tmp_path / "missing.sse")], capsys=capsys)
    assert code == 2 and "cannot read" in err


def test_it_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "core.wire.replay", str(SAMPLES / "docs-basic-text.sse")],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["content"][0]["text"] == "Hello!"
