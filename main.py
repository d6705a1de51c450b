"""Start Triptych.

`--demo` serves the built-in offline demo API on 127.0.0.1 (key `demo`), so everything works with no key
and no network. Until the chat window lands, the app streams one demo reply to the terminal through the
real engine and then keeps the demo API up for other clients (curl, the SDKs) until interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

from core.accumulate import StreamUpdate
from core.client import ApiClient
from core.demo import ServerThread, demo_server
from core.profile import Profile
from core.settings import RequestSettings
from core.types import ChatMessage

DEMO_KEY = "demo"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.demo:
        print("The chat window is not built yet: run `python main.py --demo` for the offline demo.")
        return 2
    server = ServerThread(demo_server(DEMO_KEY, port=args.port))
    base_url = server.start()
    print(f"Demo API at {base_url} (key: {DEMO_KEY}). Ctrl+C stops it.\n", flush=True)
    try:
        exit_code = asyncio.run(_stream_greeting(base_url, args.prompt))
        if not args.once:
            with contextlib.suppress(KeyboardInterrupt):
                server.join()
        return exit_code
    finally:
        server.stop()


async def _stream_greeting(base_url: str, prompt: str) -> int:
    profile = Profile(name="Demo", base_url=base_url)
    settings = RequestSettings(model="claude-sonnet-4-6", max_tokens=1024)
    async with ApiClient(profile, DEMO_KEY) as client:
        result = await client.send([ChatMessage.user_text(prompt)], settings, on_update=_print_text)
    if result.error is not None:
        print(f"\n\nError: {result.error.message}", file=sys.stderr)
        return 1
    assert result.message is not None
    usage, metrics = result.message.usage, result.metrics
    print(
        f"\n\n[{result.message.model} · stop: {result.message.stop_reason} · "
        f"{usage.input_tokens} in / {usage.output_tokens} out · "
        f"first token {metrics.time_to_first_token or 0:.2f} s · total {metrics.duration or 0:.2f} s]",
        flush=True,
    )
    return 0


def _print_text(update: StreamUpdate) -> None:
    if update.kind == "text":
        print(update.text, end="", flush=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triptych", description="A desktop chat client for Claude models.")
    parser.add_argument("--demo", action="store_true", help="use the built-in offline demo API")
    parser.add_argument("--port", type=int, default=0, help="port for the demo API (0: any free port)")
    parser.add_argument("--prompt", default="Hello! What can you show me?", help="the demo's first message")
    parser.add_argument("--once", action="store_true", help="exit after the demo reply")
    return parser


if __name__ == "__main__":
    sys.exit(main())
