"""`python -m core.demo --port 0 --key demo`: serve the demo model until interrupted."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from core.demo.server import demo_server


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m core.demo", description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--key", default="demo", help="the API key clients must send")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.port, args.key))


async def _serve(port: int, key: str) -> None:
    async with demo_server(key, port=port) as server:
        print(server.base_url, flush=True)
        await asyncio.Event().wait()


if __name__ == "__main__":
    main()
