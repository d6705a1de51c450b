"""Replay a recorded stream: `python -m core.wire.replay FILE` prints the message it accumulates to.

For people debugging a relay: save what it sent (`curl -N ... > reply.sse`), replay it, and see the final
message exactly as Triptych would build it, or the line where the stream breaks the protocol.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import IO

from core.model.profile import ApiStyle
from core.wire.errors import ApiError, MalformedStreamError, StreamErrorEvent
from core.wire.stream_reader import StreamReader

_OPENAI_MARKERS = (b"chat.completion.chunk", b"data: [DONE]", b"data:[DONE]")


def detect_style(stream: bytes) -> ApiStyle:
    """OpenAI chunk streams name their object type and end in [DONE]; Anthropic streams name events."""
    head = stream[:4096]
    if any(marker in stream for marker in _OPENAI_MARKERS) and b"message_start" not in head:
        return "openai"
    return "anthropic"


def replay(stream: bytes, style: ApiStyle) -> tuple[StreamReader, ApiError | None, list[str]]:
    """Feed the whole stream; return the reader (its snapshot is what accumulated), the error, warnings."""
    reader = StreamReader(style)
    try:
        reader.feed(stream)
        _, warnings = reader.finish()
    except ApiError as error:
        return reader, error, []
    return reader, None, warnings


def main(argv: list[str] | None = None, stdin: IO[bytes] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.file == "-":
        stream = (stdin or sys.stdin.buffer).read()
    else:
        try:
            with open(args.file, "rb") as file:
                stream = file.read()
        except OSError as exc:
            print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
            return 2
    style: ApiStyle = detect_style(stream) if args.style == "auto" else args.style
    reader, error, warnings = replay(stream, style)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if error is None or args.partial:
        message = reader.snapshot.to_message().to_api() if reader.snapshot else None
        print(json.dumps(message, ensure_ascii=False, indent=2))
    if error is not None:
        print(f"error: {_describe(error)}", file=sys.stderr)
        return 1
    return 0


def _describe(error: ApiError) -> str:
    if isinstance(error, StreamErrorEvent):
        return f"the stream carried an error event ({error.error_type}): {error.message}"
    if isinstance(error, MalformedStreamError):
        return error.message
    return str(error)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m core.wire.replay",
        description="Print the message a recorded Anthropic or OpenAI-style SSE stream accumulates to.",
    )
    parser.add_argument("file", help="the recorded stream, or - for standard input")
    parser.add_argument("--style", choices=["auto", "anthropic", "openai"], default="auto")
    parser.add_argument(
        "--partial", action="store_true", help="on a broken stream, still print what accumulated"
    )
    return parser


if __name__ == "__main__":
    sys.exit(main())
